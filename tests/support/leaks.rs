//! Looking for leaked secrets in what the binary printed, in every escaped form cloudops'
//! formats can give a value.

use std::collections::BTreeSet;

use serde_json::Value;

/// The planted values of `tests/fixtures/terraform/sensitive/plan.json`, a real plan.
pub const SENSITIVE_PLAN_SECRETS: &[&str] = &[
    "hunter2-Sup3rS3cret",
    "tok_ROTATED_77a1b2",
    "tok_4f9a8b7c6d5e",
    "AKIAEXAMPLEKEY12345",
    "svc-deployer",
];

pub fn json_inner(s: &str) -> String {
    let j = Value::String(s.to_string()).to_string();
    j[1..j.len() - 1].to_string()
}

/// The forms a value takes in cloudops' formats: raw; JSON-escaped (once, and twice for a
/// value inside a JSON-encoded string attribute); markdown/HTML; XML; GitHub workflow commands.
pub fn encodings(s: &str) -> Vec<String> {
    let mut md = String::new();
    let mut xml = String::new();
    for c in s.chars() {
        match c {
            '&' => md.push_str("&amp;"),
            '<' => md.push_str("&lt;"),
            '>' => md.push_str("&gt;"),
            '|' => md.push_str("&#124;"),
            '`' => md.push_str("&#96;"),
            '*' => md.push_str("&#42;"),
            '_' => md.push_str("&#95;"),
            '[' => md.push_str("&#91;"),
            ']' => md.push_str("&#93;"),
            '\n' | '\r' => md.push(' '),
            c => md.push(c),
        }
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\'' => xml.push_str("&apos;"),
            c => xml.push(c),
        }
    }
    let gh = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    let mut v = vec![
        s.to_string(),
        json_inner(s),
        json_inner(&json_inner(s)),
        md,
        xml,
        gh.replace(':', "%3A").replace(',', "%2C"),
        gh,
    ];
    v.sort();
    v.dedup();
    v
}

/// Each (secret, form) found in `text`.
pub fn leaks(text: &str, secrets: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for s in secrets {
        for form in encodings(s) {
            if text.contains(&form) {
                found.push((s.clone(), form));
            }
        }
    }
    found
}
