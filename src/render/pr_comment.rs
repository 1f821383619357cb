//! The sticky PR comment: the markdown report behind a hidden marker that names its
//! workspace, so the next run finds and edits its own comment and leaves other workspaces'
//! (and people's) comments alone; and the outdated form an old comment is turned into.

use super::markdown::{self, code, esc};
use crate::plan::report::Report;

/// GitHub refuses comment bodies over this many characters.
pub const GITHUB_LIMIT: usize = 65_536;

const PREFIX: &str = "<!-- cloudops:plan-comment key=";

/// The first line of this workspace's current comment. The key is percent-encoded so that
/// no workspace name can close the HTML comment or match another workspace's marker.
pub fn marker(workspace: &str) -> String {
    format!("{PREFIX}{} -->", encode_key(workspace))
}

fn outdated_marker(workspace: &str) -> String {
    format!("{PREFIX}{} outdated -->", encode_key(workspace))
}

fn encode_key(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'/' | b':' | b'@' => {
                o.push(b as char)
            }
            _ => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

/// Whether `body` is this workspace's current (not outdated) comment.
pub fn is_current(body: &str, workspace: &str) -> bool {
    body.lines().next().map(str::trim_end) == Some(marker(workspace).as_str())
}

/// What the footer says about the run.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub workspace: String,
    /// The pull request's head commit, when the event says.
    pub commit: Option<String>,
    /// A link to the workflow run.
    pub run_url: Option<String>,
    /// RFC 3339, UTC.
    pub at: String,
}

/// The whole comment body, within GitHub's limit.
pub fn body(report: &Report, cx: &Context) -> String {
    let head = format!(
        "{}\n**Workspace:** {}\n\n",
        marker(&cx.workspace),
        code(&cx.workspace)
    );
    let mut foot = format!("\n<sub>cloudops plan comment · {}", esc(&cx.at));
    if let Some(c) = &cx.commit {
        let short: String = c.chars().take(12).collect();
        foot.push_str(&format!(" · commit {}", code(&short)));
    }
    if let Some(u) = cx.run_url.as_deref().filter(|u| is_web_url(u)) {
        foot.push_str(&format!(" · <a href=\"{}\">workflow run</a>", esc(u)));
    }
    foot.push_str("</sub>\n");
    // The report budgets bytes, which are never fewer than characters.
    let room = markdown::LIMIT.saturating_sub(head.len() + foot.len());
    let out = format!("{head}{}{foot}", markdown::render_within(report, room));
    debug_assert!(out.chars().count() <= GITHUB_LIMIT);
    out
}

/// An older comment of the workspace, folded under a note pointing at its successor. It no
/// longer carries the current marker, so later runs leave it be.
pub fn outdated(old_body: &str, workspace: &str, newer_url: &str) -> String {
    let rest = old_body.split_once('\n').map_or("", |(_, r)| r);
    let link = if is_web_url(newer_url) {
        format!("<a href=\"{}\">a newer plan</a>", esc(newer_url))
    } else {
        "a newer plan".to_string()
    };
    let head = format!(
        "{}\n> [!NOTE]\n> Outdated: superseded by {link}.\n\n<details><summary>Previous plan</summary>\n\n",
        outdated_marker(workspace)
    );
    let tail = "\n\n</details>\n";
    let room = GITHUB_LIMIT.saturating_sub(head.chars().count() + tail.len() + 100);
    let kept = if rest.chars().count() <= room {
        rest.to_string()
    } else {
        // Someone else's over-long body: keep what fits and say so.
        let mut s: String = rest.chars().take(room).collect();
        s.push_str("\n\n… (cut to fit)");
        s
    };
    format!("{head}{kept}{tail}")
}

fn is_web_url(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u.contains(['"', '<', '>', ' ', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_cannot_be_broken_or_confused() {
        assert_eq!(
            marker("acme/infra prod"),
            "<!-- cloudops:plan-comment key=acme/infra%20prod -->"
        );
        let evil = "x --> <script>";
        assert_eq!(marker(evil).matches("-->").count(), 1);
        let b = format!("{}\nrest", marker("a"));
        assert!(is_current(&b, "a"));
        assert!(!is_current(&b, "a/b"));
        assert!(!is_current(&format!("x\n{b}"), "a"));
        let old = outdated(&b, "a", "https://github.com/o/r/pull/1#issuecomment-2");
        assert!(!is_current(&old, "a"));
        assert!(old.contains("rest"));
    }

    #[test]
    fn outdated_stays_within_the_limit() {
        let huge = format!("{}\n{}", marker("a"), "é".repeat(70_000));
        let o = outdated(&huge, "a", "https://x/1");
        assert!(o.chars().count() <= GITHUB_LIMIT);
        assert!(o.ends_with("</details>\n"));
    }
}
