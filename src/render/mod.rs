//! All user-visible output. Each format lives in its own module; colour and decoration are
//! decided once, here, from the flag, the environment and whether stdout is a terminal.

pub mod budget;
pub mod cost;
pub mod github;
pub mod history;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod pr_comment;
pub mod sarif;
pub mod scan;
pub mod table;

use std::io::{self, Write};

use serde_json::Value;

use crate::cli::{ColorChoice, Format};
use crate::plan::report::{AttrChange, Report, ResourceEntry, Severity};

/// How human-facing output looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Box drawing and terminal-width wrapping; off for pipes and files.
    pub decorate: bool,
    pub width: Option<u16>,
}

impl Style {
    pub fn plain() -> Style {
        Style {
            color: false,
            decorate: false,
            width: None,
        }
    }

    /// The one place that decides colour: `--color`, then NO_COLOR, CLICOLOR_FORCE, CLICOLOR
    /// and TERM=dumb, then whether stdout is a terminal.
    pub fn decide(
        choice: ColorChoice,
        stdout_tty: bool,
        env: impl Fn(&str) -> Option<String>,
    ) -> Style {
        let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if set("NO_COLOR") {
                    false
                } else if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                    true
                } else if env("CLICOLOR").as_deref() == Some("0")
                    || env("TERM").as_deref() == Some("dumb")
                {
                    false
                } else {
                    stdout_tty
                }
            }
        };
        let width = if stdout_tty {
            env("COLUMNS").and_then(|c| c.parse().ok())
        } else {
            None
        };
        Style {
            color,
            decorate: stdout_tty,
            width,
        }
    }

    pub fn paint(&self, s: &str, ansi: &str) -> String {
        if self.color {
            format!("\x1b[{ansi}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

pub fn write(
    report: &Report,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => out.write_all(table::render(report, style).as_bytes()),
        Format::Json => json::write(report, out),
        Format::Markdown => out.write_all(markdown::render(report).as_bytes()),
        Format::Github => out.write_all(github::render(report).as_bytes()),
        Format::Sarif => sarif::write(report, out),
        Format::Junit => out.write_all(junit::render(report).as_bytes()),
        Format::Html => out
            .write_all(crate::dashboard::plan_document(report, jiff::Timestamp::now()).as_bytes()),
        Format::Csv => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a plan report has no csv output",
        )),
    }
}

/// A machine document as every JSON output prints it: pretty, newline-terminated.
pub fn pretty_json<T: serde::Serialize>(doc: &T) -> String {
    let mut s = serde_json::to_string_pretty(doc).expect("cloudops documents serialise");
    s.push('\n');
    s
}

/// A value as an operator reads it in a diff line.
pub fn show_value(v: Option<&Value>) -> String {
    match v {
        None => "null".to_string(),
        Some(Value::String(s)) => Value::String(s.clone()).to_string(),
        Some(v) => v.to_string(),
    }
}

pub fn show_before(a: &AttrChange) -> String {
    if a.sensitive {
        crate::plan::redact::MASK.to_string()
    } else {
        show_value(a.before.as_ref())
    }
}

pub fn show_after(a: &AttrChange) -> String {
    if a.after_unknown {
        "(known after apply)".to_string()
    } else if a.sensitive {
        crate::plan::redact::MASK.to_string()
    } else {
        show_value(a.after.as_ref())
    }
}

/// An output's new value as every view shows it: masked when sensitive, "known after apply",
/// or for a removed output its old value; each at most `max` characters.
pub fn show_output(o: &crate::plan::report::OutputEntry, max: usize) -> String {
    if o.sensitive {
        crate::plan::redact::MASK.to_string()
    } else if o.after_unknown {
        "(known after apply)".to_string()
    } else if o.action == crate::plan::report::Action::Delete {
        format!("{} → null", truncate(&show_value(o.before.as_ref()), max))
    } else {
        truncate(&show_value(o.after.as_ref()), max)
    }
}

/// One line per attribute: `path: before -> after`.
pub fn attr_line(a: &AttrChange, max_value: usize) -> String {
    let mut s = format!(
        "{}: {} → {}",
        a.path,
        truncate(&show_before(a), max_value),
        truncate(&show_after(a), max_value)
    );
    if a.forces_replacement {
        s.push_str("  (forces replacement)");
    }
    s
}

/// Plan text bound for a terminal: control characters (escape sequences that could
/// rewrite the screen, stray carriage returns) are shown as `\u{..}` instead of acted on.
pub fn printable(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// The short explanations shown beside a resource: why, moved from where, imported how.
pub fn notes(e: &ResourceEntry) -> Vec<String> {
    let mut n = Vec::new();
    if let Some(r) = &e.reason_text {
        n.push(format!("because {r}"));
    } else if let Some(r) = &e.reason {
        n.push(format!("reason: {r}"));
    }
    if let Some(order) = &e.replace_order {
        n.push(order.replace('-', " "));
    }
    if !e.replace_paths.is_empty() {
        n.push(format!(
            "replacement forced by {}",
            e.replace_paths.join(", ")
        ));
    }
    if e.is_moved() {
        n.push(format!(
            "moved from {}",
            e.previous_address.as_deref().unwrap_or_default()
        ));
    }
    if let Some(i) = &e.import {
        let how = match (&i.id, &i.identity) {
            (Some(id), _) => format!("import id {id}"),
            (None, Some(identity)) => format!("import by identity {identity}"),
            _ if i.unknown => "import id known after apply".to_string(),
            _ => "import".to_string(),
        };
        n.push(if i.generated_config {
            format!("{how} (configuration generated)")
        } else {
            how
        });
    }
    if let Some(d) = &e.deposed {
        n.push(format!("deposed object {d}"));
    }
    if e.tags_only {
        n.push("tags only".to_string());
    }
    n
}

/// The order in which change groups are listed: most dangerous first.
pub fn action_heading(a: crate::plan::report::Action) -> &'static str {
    use crate::plan::report::Action::*;
    match a {
        Delete => "Destroy",
        Replace => "Replace",
        CreateThenForget => "Replace, forgetting the old object",
        Forget => "Forget (remove from state, keep the object)",
        Update => "Update in place",
        Create => "Create",
        Read => "Read (data sources)",
        NoOp => "Move or import only",
        Unknown => "Unrecognised action",
    }
}

pub fn severity_ansi(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "1;31",
        Severity::High => "31",
        Severity::Medium => "33",
        Severity::Low => "36",
        Severity::Info => "2",
    }
}

/// Changes sorted for display: plan, then action group, then address.
pub fn sorted_changes(report: &Report) -> Vec<&ResourceEntry> {
    let mut v: Vec<&ResourceEntry> = report.changes.iter().collect();
    v.sort_by_key(|c| (c.plan, c.action));
    v
}

/// "Plan 2 of 3" headings appear only for multi-plan streams.
pub fn plan_title(report: &Report, index: usize) -> Option<String> {
    if report.plans.len() < 2 {
        return None;
    }
    let p = &report.plans[index];
    let tf = p
        .terraform_version
        .as_deref()
        .map(|v| format!(", terraform {}", truncate(v, 32)))
        .unwrap_or_default();
    Some(format!("Plan {} of {}{tf}", index + 1, report.plans.len()))
}
