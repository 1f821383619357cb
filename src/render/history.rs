//! Output of `plan history`: the listing, the header of a shown entry, and the comparison of
//! two entries, each as a table for people, JSON for machines and markdown for PR comments.

use serde::Serialize;

use super::markdown::{code, esc};
use super::table::{cell_text, new_table};
use super::Style;
use crate::plan::compare::{Comparison, ResourceState};
use crate::plan::report::Summary;
use crate::store::PlanMeta;
use crate::timefmt::show;

/// Version of the listing and comparison documents (additive changes keep it).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Listing<'a> {
    pub schema_version: u32,
    pub store: &'a str,
    pub entries: &'a [PlanMeta],
    /// Pass to `--page` for the next page; absent on the last one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_page: Option<String>,
}

#[derive(Serialize)]
pub struct HistoryDiff<'a> {
    pub schema_version: u32,
    pub older: &'a PlanMeta,
    pub newer: &'a PlanMeta,
    pub same_plan: bool,
    #[serde(flatten)]
    pub changes: &'a Comparison,
}

fn counts(s: &Summary) -> String {
    format!("+{} ~{} -{}", s.add, s.change, s.destroy)
}

/// The listing's ALSO column: the counts beside add/change/destroy an operator looks for.
const ALSO: [&str; 5] = ["replace", "import", "move", "forget", "drift"];

/// "1 replace, 2 move": the non-zero counts of `shown`, in the summary's order.
pub fn extras(s: &Summary, shown: &[&str]) -> String {
    s.counts()
        .iter()
        .filter(|(k, n)| *n > 0 && shown.contains(k))
        .map(|(k, n)| format!("{n} {}", k.replace('_', " ")))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn list_table(l: &Listing<'_>, style: &Style) -> String {
    if l.entries.is_empty() {
        return "No saved analyses. Save one with `cloudops plan analyze PLAN --save`.\n".into();
    }
    let mut t = new_table(
        style,
        &[
            "ID",
            "SAVED (UTC)",
            "WORKSPACE",
            "ADD ~CHG -DEL",
            "ALSO",
            "FINDINGS",
            "TERRAFORM",
        ],
    );
    for m in l.entries {
        let mut findings = m.findings.describe();
        if m.gate_failed {
            findings.push_str(" (gate failed)");
        }
        t.add_row(vec![
            m.id.clone(),
            show(m.saved_at),
            cell_text(&m.workspace),
            counts(&m.summary),
            extras(&m.summary, &ALSO),
            findings,
            m.terraform_version.clone().unwrap_or_default(),
        ]);
    }
    format!("{t}\n")
}

pub fn list_markdown(l: &Listing<'_>) -> String {
    if l.entries.is_empty() {
        return "No saved analyses.\n".into();
    }
    let mut s = String::from(
        "| ID | Saved (UTC) | Workspace | Add | Change | Destroy | Also | Findings |\n|---|---|---|--:|--:|--:|---|---|\n",
    );
    for m in l.entries {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            code(&m.id),
            show(m.saved_at),
            code(&m.workspace),
            m.summary.add,
            m.summary.change,
            m.summary.destroy,
            esc(&extras(&m.summary, &ALSO)),
            esc(&m.findings.describe()),
        ));
    }
    s
}

/// The line above a shown entry, so a pasted report says what it is.
pub fn show_header(m: &PlanMeta, markdown: bool) -> String {
    let expires = m.expires_at.map_or("kept forever".to_string(), |t| {
        format!("expires {}", show(t))
    });
    if markdown {
        format!(
            "_Saved analysis {} of workspace {}, saved {}, plan sha256 {}_\n\n",
            code(&m.id),
            code(&m.workspace),
            show(m.saved_at),
            code(&m.plan_sha256[..m.plan_sha256.len().min(12)]),
        )
    } else {
        format!(
            "Saved analysis {} · workspace {} · saved {} · {expires} · plan sha256 {}\n\n",
            m.id,
            cell_text(&m.workspace),
            show(m.saved_at),
            &m.plan_sha256[..m.plan_sha256.len().min(12)],
        )
    }
}

fn entry_line(label: &str, m: &PlanMeta) -> String {
    format!(
        "{label} {} · {} · {} · {}",
        m.id,
        show(m.saved_at),
        cell_text(&m.workspace),
        m.summary.plan_line_short()
    )
}

/// The sentence before the details: the same plan, or nothing changed.
fn verdict(d: &HistoryDiff<'_>) -> String {
    match d.changes.verdict(d.same_plan) {
        "" => String::new(),
        v => format!("{v}\n"),
    }
}

pub fn diff_table(d: &HistoryDiff<'_>, style: &Style) -> String {
    let mut s = format!(
        "{}\n{}\n\n",
        entry_line("older", d.older),
        entry_line("newer", d.newer)
    );
    let c = d.changes;
    s.push_str(&verdict(d));
    if c.is_empty() {
        return s;
    }
    if !c.summary.is_empty() {
        let mut t = new_table(style, &["COUNT", "OLDER", "NEWER", "Δ"]);
        for delta in &c.summary {
            t.add_row(vec![
                delta.count.clone(),
                delta.before.to_string(),
                delta.after.to_string(),
                delta.signed(),
            ]);
        }
        s.push_str(&format!("{t}\n\n"));
    }
    let rows = c.rows();
    if !rows.is_empty() {
        let mut t = new_table(style, &["", "ADDRESS", "WHAT"]);
        for (mark, address, what) in rows {
            t.add_row(vec![mark.to_string(), cell_text(address), cell_text(&what)]);
        }
        s.push_str(&format!("{t}\n"));
    }
    s
}

pub fn diff_markdown(d: &HistoryDiff<'_>) -> String {
    let mut s = format!(
        "### Plan history: {} → {}\n\n{} ({}) → {} ({}), workspace {}\n\n",
        code(&d.older.id),
        code(&d.newer.id),
        show(d.older.saved_at),
        esc(&d.older.summary.plan_line_short()),
        show(d.newer.saved_at),
        esc(&d.newer.summary.plan_line_short()),
        code(&d.newer.workspace),
    );
    let c = d.changes;
    s.push_str(&verdict(d));
    if c.is_empty() {
        return s;
    }
    if !c.summary.is_empty() {
        s.push_str("| Count | Older | Newer |\n|---|--:|--:|\n");
        for d in &c.summary {
            s.push_str(&format!("| {} | {} | {} |\n", d.count, d.before, d.after));
        }
        s.push('\n');
    }
    let section = |s: &mut String, title: &str, items: &[ResourceState]| {
        if items.is_empty() {
            return;
        }
        s.push_str(&format!("**{title}**\n\n"));
        for r in items {
            s.push_str(&format!("- {} ({})\n", code(&r.address), esc(&r.action)));
        }
        s.push('\n');
    };
    section(&mut s, "Started changing", &c.started);
    section(&mut s, "Stopped changing", &c.stopped);
    if !c.action_changed.is_empty() {
        s.push_str("**Action changed**\n\n");
        for a in &c.action_changed {
            s.push_str(&format!(
                "- {}: {} → {}\n",
                code(&a.address),
                esc(&a.before),
                esc(&a.after)
            ));
        }
        s.push('\n');
    }
    section(&mut s, "Drift appeared", &c.drift_appeared);
    section(&mut s, "Drift cleared", &c.drift_cleared);
    for (title, list) in [
        ("New findings", &c.findings_added),
        ("Resolved findings", &c.findings_resolved),
    ] {
        if list.is_empty() {
            continue;
        }
        s.push_str(&format!("**{title}**\n\n"));
        for f in list {
            s.push_str(&format!(
                "- {} {} {}: {}\n",
                f.severity.label(),
                f.rule,
                code(f.place()),
                esc(&f.message)
            ));
        }
        s.push('\n');
    }
    s
}
