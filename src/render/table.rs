//! The default, human format: the plan line, then tables of changes, drift, outputs and
//! findings, coloured and boxed on a terminal, plain columns in a pipe.

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

use super::{
    attr_line, notes, plan_title, printable, severity_ansi, sorted_changes, truncate, Style,
};
use crate::plan::report::{Action, Report, Severity, Summary};

/// Attribute lines shown per resource before pointing at the JSON output.
const MAX_ATTRS: usize = 12;
const MAX_VALUE: usize = 60;
/// Longest text put in one cell line: comfy-table's wrapping is quadratic in a cell's length,
/// and the JSON output has everything in full.
const MAX_CELL_LINE: usize = 240;

/// Plan text as it goes into a cell: control characters shown, not acted on; length capped.
pub(crate) fn cell_text(s: &str) -> String {
    truncate(&printable(s), MAX_CELL_LINE)
}

pub(crate) fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    if style.decorate {
        t.load_preset(presets::UTF8_FULL_CONDENSED);
        t.apply_modifier(comfy_table::modifiers::UTF8_ROUND_CORNERS);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = style.width {
            t.set_width(w);
        }
    } else {
        t.load_preset(presets::NOTHING);
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_header(header.iter().map(|h| {
        let c = Cell::new(h);
        if style.color {
            c.add_attribute(Attribute::Bold)
        } else {
            c
        }
    }));
    t
}

fn action_color(a: Action) -> Color {
    match a {
        Action::Create => Color::Green,
        Action::Update => Color::Yellow,
        Action::Delete => Color::Red,
        Action::Replace | Action::CreateThenForget => Color::Magenta,
        Action::Forget => Color::Cyan,
        _ => Color::Reset,
    }
}

fn severity_color(s: Severity) -> Color {
    match s {
        Severity::Critical | Severity::High => Color::Red,
        Severity::Medium => Color::Yellow,
        Severity::Low => Color::Cyan,
        Severity::Info => Color::Reset,
    }
}

fn extras(s: &Summary) -> String {
    let parts: Vec<String> = [
        ("replace", s.replace),
        ("import", s.import),
        ("forget", s.forget),
        ("move", s.moved),
        ("read", s.read),
        ("drift", s.drift),
        ("deferred", s.deferred),
        ("output change", s.output_changes),
        ("action to invoke", s.invoke),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(k, n)| match (*k, *n) {
        ("output change", n) if n != 1 => format!("{n} output changes"),
        ("action to invoke", n) if n != 1 => format!("{n} actions to invoke"),
        (k, n) => format!("{n} {k}"),
    })
    .collect();
    parts.join(" · ")
}

pub fn render(report: &Report, style: &Style) -> String {
    let mut out = String::new();
    let s = &report.summary;
    let errored = report.plans.iter().any(|p| p.errored == Some(true));
    let headline = if errored {
        format!(
            "Planning failed: Terraform reported an error, so this plan is partial. {}",
            s.plan_line()
        )
    } else if s.has_changes() || s.drift > 0 {
        s.plan_line()
    } else {
        "No changes. Your infrastructure matches the configuration.".to_string()
    };
    out.push_str(&style.paint(&headline, "1"));
    out.push('\n');
    let x = extras(s);
    if !x.is_empty() {
        out.push_str(&x);
        out.push('\n');
    }
    for (i, p) in report.plans.iter().enumerate() {
        if let Some(t) = plan_title(report, i) {
            out.push_str(&format!(
                "\n{}\n{}\n",
                style.paint(&t, "1"),
                p.summary.plan_line()
            ));
        }
        if p.errored == Some(true) {
            out.push_str(&style.paint(
                "Planning failed: Terraform reported an error; this plan is partial.\n",
                "1;31",
            ));
        }
        changes(report, i, style, &mut out);
        drift(report, i, style, &mut out);
        outputs(report, i, style, &mut out);
        if !p.checks.is_empty() {
            let count = |st: &str| p.checks.iter().filter(|c| c.status == st).count();
            out.push_str(&format!(
                "\nChecks: {} pass, {} fail, {} error, {} unknown\n",
                count("pass"),
                count("fail"),
                count("error"),
                count("unknown")
            ));
        }
        let failing: Vec<_> = p.checks.iter().filter(|c| c.status != "pass").collect();
        if !failing.is_empty() {
            let mut t = new_table(style, &["Check", "Status", "Problems"]);
            for c in failing {
                t.add_row(vec![
                    Cell::new(cell_text(&c.address)),
                    Cell::new(&c.status),
                    Cell::new(
                        c.problems
                            .iter()
                            .map(|p| cell_text(p))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                ]);
            }
            section(&mut out, "Checks", &t, style);
        }
        if !p.deferred.is_empty() {
            let mut t = new_table(style, &["Deferred", "Action", "Reason"]);
            for d in &p.deferred {
                t.add_row(vec![
                    Cell::new(cell_text(&d.address)),
                    Cell::new(d.action.label()),
                    Cell::new(cell_text(d.reason.as_deref().unwrap_or(""))),
                ]);
            }
            section(
                &mut out,
                "Deferred changes (need another plan/apply cycle)",
                &t,
                style,
            );
        }
        if !p.action_invocations.is_empty() {
            let mut t = new_table(style, &["Action", "Type", "Trigger"]);
            for a in &p.action_invocations {
                t.add_row(vec![
                    Cell::new(cell_text(&a.address)),
                    Cell::new(cell_text(&a.action_type)),
                    Cell::new(cell_text(a.trigger.as_deref().unwrap_or(""))),
                ]);
            }
            section(&mut out, "Actions to invoke", &t, style);
        }
    }
    findings(report, style, &mut out);
    if let Some(g) = &report.gate {
        if g.failed {
            out.push_str(&style.paint(
                &format!("\nGate failed: {}\n", g.reasons.join("; ")),
                "1;31",
            ));
        } else if g.fail_on.is_some() || g.max_destroy.is_some() {
            out.push_str(&style.paint("\nGate passed.\n", "32"));
        }
    }
    out
}

fn section(out: &mut String, title: &str, t: &Table, style: &Style) {
    out.push('\n');
    out.push_str(&style.paint(title, "1"));
    out.push('\n');
    out.push_str(&t.to_string());
    out.push('\n');
}

fn changes(report: &Report, plan: usize, style: &Style, out: &mut String) {
    let rows: Vec<_> = sorted_changes(report)
        .into_iter()
        .filter(|c| c.plan == plan)
        .collect();
    if rows.is_empty() {
        return;
    }
    let mut t = new_table(style, &["Action", "Resource", "Details"]);
    for c in rows {
        let mut details = notes(c);
        for a in c.attributes.iter().take(MAX_ATTRS) {
            details.push(attr_line(a, MAX_VALUE));
        }
        if c.attributes.len() > MAX_ATTRS {
            details.push(format!(
                "… and {} more attributes (see --format json)",
                c.attributes.len() - MAX_ATTRS
            ));
        }
        let label = format!("{} {}", c.action.symbol().trim(), c.label());
        t.add_row(vec![
            Cell::new(label.trim()).fg(action_color(c.action)),
            Cell::new(cell_text(&c.address)),
            Cell::new(
                details
                    .iter()
                    .map(|l| cell_text(l))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    section(out, "Changes", &t, style);
}

fn drift(report: &Report, plan: usize, style: &Style, out: &mut String) {
    let rows: Vec<_> = report.drift.iter().filter(|d| d.plan == plan).collect();
    if rows.is_empty() {
        return;
    }
    let mut t = new_table(style, &["Drift", "Resource", "Changed outside Terraform"]);
    for d in rows {
        let mut lines: Vec<String> = d
            .attributes
            .iter()
            .take(MAX_ATTRS)
            .map(|a| attr_line(a, MAX_VALUE))
            .collect();
        if d.attributes.len() > MAX_ATTRS {
            lines.push(format!("… and {} more", d.attributes.len() - MAX_ATTRS));
        }
        if d.action == Action::Delete {
            lines.push("deleted outside Terraform".to_string());
        }
        let relevance = if d.relevant == Some(true) {
            "relevant"
        } else {
            "informational"
        };
        t.add_row(vec![
            Cell::new(relevance),
            Cell::new(cell_text(&d.address)),
            Cell::new(
                lines
                    .iter()
                    .map(|l| cell_text(l))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    section(out, "Drift", &t, style);
}

fn outputs(report: &Report, plan: usize, style: &Style, out: &mut String) {
    let rows: Vec<_> = report.outputs.iter().filter(|o| o.plan == plan).collect();
    if rows.is_empty() {
        return;
    }
    let mut t = new_table(style, &["Output", "Action", "Value"]);
    for o in rows {
        let value = super::show_output(o, MAX_VALUE);
        t.add_row(vec![
            Cell::new(cell_text(&o.name)),
            Cell::new(o.action.label()).fg(action_color(o.action)),
            Cell::new(cell_text(&value)),
        ]);
    }
    section(out, "Outputs", &t, style);
}

fn findings(report: &Report, style: &Style, out: &mut String) {
    if report.findings.is_empty() {
        out.push_str(&format!("\n{}\n", style.paint("No findings.", "32")));
        return;
    }
    let multi = report.plans.len() > 1;
    let mut header = vec!["Severity", "Rule", "Resource", "Finding"];
    if multi {
        header.insert(0, "Plan");
    }
    let mut t = new_table(style, &header);
    for f in &report.findings {
        let mut row = vec![
            Cell::new(f.severity.label()).fg(severity_color(f.severity)),
            Cell::new(format!("{} {}", f.rule, f.rule_name)),
            Cell::new(cell_text(f.address.as_deref().unwrap_or("(plan)"))),
            Cell::new(cell_text(&f.message)),
        ];
        if multi {
            row.insert(0, Cell::new(f.plan + 1));
        }
        t.add_row(row);
    }
    let worst = report.max_severity().unwrap_or(Severity::Info);
    let title = format!(
        "Findings ({}, worst: {})",
        report.findings.len(),
        worst.label()
    );
    out.push('\n');
    out.push_str(&style.paint(&title, severity_ansi(worst)));
    out.push('\n');
    out.push_str(&t.to_string());
    out.push('\n');
}
