//! The PR-comment format. GitHub rejects comments over 65,536 characters, so the document is
//! built within a 60,000-character budget in a fixed order of importance — risky changes,
//! counts, per-resource lists, attribute details — and says what it had to leave out.

use super::{action_heading, attr_line, notes, plan_title, sorted_changes};
use crate::plan::report::{Action, Report, ResourceEntry};

pub const LIMIT: usize = 60_000;
/// Room kept for the closing note about what was left out.
const RESERVE: usize = 600;

pub fn render(report: &Report) -> String {
    render_within(report, LIMIT)
}

/// Text that is safe inside HTML and markdown table cells.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '|' => o.push_str("&#124;"),
            '`' => o.push_str("&#96;"),
            '*' => o.push_str("&#42;"),
            '_' => o.push_str("&#95;"),
            '[' => o.push_str("&#91;"),
            ']' => o.push_str("&#93;"),
            '@' => o.push_str("&#64;"),
            '\n' | '\r' => o.push(' '),
            c if c.is_control() => o.push('\u{fffd}'),
            c => o.push(c),
        }
    }
    o
}

pub(crate) fn code(s: &str) -> String {
    format!("<code>{}</code>", esc(s))
}

struct Budget {
    out: String,
    limit: usize,
    full: bool,
}

impl Budget {
    /// Appends when it fits; once something does not fit, later optional text is refused
    /// too, so the document degrades at one clean point.
    fn push(&mut self, s: &str) -> bool {
        if self.full || self.out.len() + s.len() > self.limit {
            self.full = true;
            return false;
        }
        self.out.push_str(s);
        true
    }

    fn force(&mut self, s: &str) {
        self.out.push_str(s);
    }
}

pub fn render_within(report: &Report, limit: usize) -> String {
    let mut b = Budget {
        out: String::new(),
        limit: limit.saturating_sub(RESERVE),
        full: false,
    };
    let s = &report.summary;
    let mut left_out: Vec<String> = Vec::new();

    b.force(&format!(
        "### Terraform plan: {}\n\n",
        esc(&s.plan_line().trim_start_matches("Plan: ").replace('.', ""))
    ));
    if let Some(g) = report.gate.as_ref().filter(|g| g.failed) {
        b.force(&format!(
            "> [!CAUTION]\n> **Gate failed:** {}\n\n",
            esc(&g.reasons.join("; "))
        ));
    }
    let errored: Vec<String> = report
        .plans
        .iter()
        .filter(|p| p.errored == Some(true))
        .map(|p| (p.index + 1).to_string())
        .collect();
    if !errored.is_empty() {
        let which = if report.plans.len() < 2 {
            String::new()
        } else {
            let mut list = errored
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if errored.len() > 20 {
                list.push_str(", …");
            }
            format!(
                " in {} of {} plans ({list})",
                errored.len(),
                report.plans.len()
            )
        };
        b.force(&format!("> [!WARNING]\n> Planning failed{which}: Terraform reported an error; the plan is partial and must not be applied.\n\n"));
    }

    // 1. Risky changes.
    if report.findings.is_empty() {
        b.force("No risky changes found.\n\n");
    } else {
        let multi = report.plans.len() > 1;
        b.force(&format!(
            "#### Risky changes ({})\n\n",
            report.findings.len()
        ));
        b.force(if multi {
            "| Plan | Severity | Rule | Resource | Finding |\n|---|---|---|---|---|\n"
        } else {
            "| Severity | Rule | Resource | Finding |\n|---|---|---|---|\n"
        });
        let mut shown = 0;
        for f in &report.findings {
            let plan_col = if multi {
                format!(" {} |", f.plan + 1)
            } else {
                String::new()
            };
            let row = format!(
                "|{plan_col} **{}** | {} {} | {} | {} |\n",
                f.severity.label(),
                f.rule,
                esc(&f.rule_name),
                f.address
                    .as_deref()
                    .map(code)
                    .unwrap_or_else(|| "(plan)".into()),
                esc(&f.message)
            );
            if !b.push(&row) {
                break;
            }
            shown += 1;
        }
        if shown < report.findings.len() {
            left_out.push(format!(
                "{} of {} findings",
                report.findings.len() - shown,
                report.findings.len()
            ));
        }
        b.force("\n");
    }

    // 2. Counts.
    let counts = format!(
        "| add | change | destroy | replace | import | forget | move | read | drift |\n|---|---|---|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n\n",
        s.add, s.change, s.destroy, s.replace, s.import, s.forget, s.moved, s.read, s.drift
    );
    if !b.push(&counts) {
        left_out.push("the counts table".into());
    }

    // 3. Per-resource lists.
    let changes = sorted_changes(report);
    let mut listed = 0;
    for (i, _) in report.plans.iter().enumerate() {
        let mine: Vec<&ResourceEntry> = changes.iter().copied().filter(|c| c.plan == i).collect();
        let drift: Vec<&ResourceEntry> = report.drift.iter().filter(|d| d.plan == i).collect();
        if mine.is_empty() && drift.is_empty() {
            continue;
        }
        // A plan's title goes out together with its first list, never on its own.
        let mut title = plan_title(report, i)
            .map(|t| {
                format!(
                    "#### {}: {}\n\n",
                    esc(&t),
                    esc(&report.plans[i].summary.plan_line())
                )
            })
            .unwrap_or_default();
        let mut groups: Vec<(Action, Vec<&ResourceEntry>)> = Vec::new();
        for c in mine {
            match groups.last_mut() {
                Some((a, v)) if *a == c.action => v.push(c),
                _ => groups.push((c.action, vec![c])),
            }
        }
        for (action, items) in groups {
            if !b.push(&format!(
                "{}<details><summary>{} ({})</summary>\n\n",
                std::mem::take(&mut title),
                action_heading(action),
                items.len()
            )) {
                break;
            }
            for c in &items {
                let n = notes(c);
                let line = if n.is_empty() {
                    format!("- {}\n", code(&c.address))
                } else {
                    format!("- {} — {}\n", code(&c.address), esc(&n.join("; ")))
                };
                if !b.push(&line) {
                    break;
                }
                listed += 1;
            }
            b.force("\n</details>\n\n");
        }
        if !drift.is_empty()
            && b.push(&format!(
                "{}<details><summary>Drift: changed outside Terraform ({})</summary>\n\n",
                std::mem::take(&mut title),
                drift.len()
            ))
        {
            for d in &drift {
                let rel = if d.relevant == Some(true) {
                    "relevant to this plan"
                } else {
                    "informational"
                };
                if !b.push(&format!("- {} — {}\n", code(&d.address), rel)) {
                    break;
                }
            }
            b.force("\n</details>\n\n");
        }
    }
    if listed < report.changes.len() {
        left_out.push(format!(
            "{} of {} resources from the change lists",
            report.changes.len() - listed,
            report.changes.len()
        ));
    }

    // 4. Attribute details.
    let with_attrs: Vec<&ResourceEntry> = changes
        .iter()
        .copied()
        .chain(report.drift.iter())
        .filter(|c| !c.attributes.is_empty())
        .collect();
    let mut detailed = 0;
    if !with_attrs.is_empty() && b.push("#### Attribute changes\n\n") {
        for c in &with_attrs {
            let what = if c.relevant.is_some() {
                "drift"
            } else {
                c.label()
            };
            let mut block = format!(
                "<details><summary>{} {what} ({} attributes)</summary>\n\n```diff\n",
                code(&c.address),
                c.attributes.len()
            );
            for a in &c.attributes {
                let sign = if a.before.is_none() && !a.sensitive {
                    '+'
                } else if a.after.is_none() && !a.after_unknown && !a.sensitive {
                    '-'
                } else {
                    '~'
                };
                block.push_str(&format!(
                    "{sign} {}\n",
                    attr_line(a, 200).replace("```", "'''")
                ));
            }
            block.push_str("```\n\n</details>\n\n");
            if !b.push(&block) {
                break;
            }
            detailed += 1;
        }
    }
    if detailed < with_attrs.len() {
        left_out.push(format!(
            "attribute details for {} of {} resources",
            with_attrs.len() - detailed,
            with_attrs.len()
        ));
    }

    if !left_out.is_empty() {
        b.force(&format!(
            "_Left out to stay under the comment size limit: {}. Run `cloudops plan analyze --format json` for the full report._\n",
            esc(&left_out.join(", "))
        ));
    }
    b.out
}
