//! GitHub Actions workflow commands: one annotation per finding, so risks show up on the
//! run and the PR; the markdown report goes to the job summary (see the command).

use crate::plan::report::{Report, Severity};

/// Workflow-command data escaping, per GitHub's toolkit.
fn esc_data(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => o.push_str("%25"),
            '\r' => o.push_str("%0D"),
            '\n' => o.push_str("%0A"),
            c if c.is_control() => o.push_str(&c.escape_unicode().to_string()),
            c => o.push(c),
        }
    }
    o
}

fn esc_prop(s: &str) -> String {
    esc_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low | Severity::Info => "notice",
        };
        let title = format!("{} {} ({})", f.rule, f.rule_name, f.severity.label());
        let msg = match &f.address {
            Some(a) => format!("{a}: {}", f.message),
            None => f.message.clone(),
        };
        out.push_str(&format!(
            "::{level} title={}::{}\n",
            esc_prop(&title),
            esc_data(&msg)
        ));
    }
    let mut summary = report.summary.plan_line();
    if report.summary.drift > 0 {
        summary.push_str(&format!(" {} drifted.", report.summary.drift));
    }
    out.push_str(&format!(
        "::notice title=cloudops plan analyze::{}\n",
        esc_data(&summary)
    ));
    if let Some(g) = report.gate.as_ref().filter(|g| g.failed) {
        out.push_str(&format!(
            "::error title=cloudops gate failed::{}\n",
            esc_data(&g.reasons.join("; "))
        ));
    }
    out
}
