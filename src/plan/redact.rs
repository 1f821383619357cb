//! The last gate before anything is rendered: every string in the report, keys included,
//! has each value known to be secret replaced, wherever and inside whatever it appears.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::Value;

use super::report::Report;

pub const MASK: &str = "(sensitive value)";

/// Fields whose values are cloudops' own vocabulary (actions, severities, rule IDs), never
/// plan data; masking them would only break the report's shape.
const VOCABULARY_KEYS: &[&str] = &[
    "action",
    "actions",
    "severity",
    "mode",
    "replace_order",
    "rule",
    "rule_name",
    "schema_version",
    "fail_on",
];

/// Fields that hold plan values, whose object keys come from the plan.
const DATA_KEYS: &[&str] = &["before", "after", "identity"];

pub struct Redactor {
    matcher: Option<AhoCorasick>,
}

impl Redactor {
    pub fn new(secrets: &HashSet<String>) -> Redactor {
        let mut patterns: Vec<String> = Vec::with_capacity(secrets.len() * 4);
        for s in secrets {
            // The value as it appears inside JSON-encoded string attributes (policies,
            // container definitions): escaped once or twice, and with Go's jsonencode
            // escaping of <, > and &.
            let once = json_escape(s);
            let twice = json_escape(&once);
            for form in [
                s.clone(),
                go_html_escape(&once),
                go_html_escape(&twice),
                once,
                twice,
            ] {
                if !patterns.contains(&form) {
                    patterns.push(form);
                }
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .expect("literal patterns always build"),
            )
        };
        Redactor { matcher }
    }

    pub fn redact_str(&self, s: &str) -> Option<String> {
        let m = self.matcher.as_ref()?;
        if !m.is_match(s) {
            return None;
        }
        Some(m.replace_all(s, &vec![MASK; m.patterns_len()]))
    }

    /// `in_data` is true inside plan values, where object keys are data too (inside the
    /// report's own structure they are field names).
    pub fn redact_value(&self, v: &mut Value, in_data: bool) {
        match v {
            Value::String(s) => {
                if let Some(r) = self.redact_str(s) {
                    *s = r;
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| self.redact_value(x, in_data)),
            Value::Object(o) => {
                for (k, x) in o.iter_mut() {
                    if in_data || !VOCABULARY_KEYS.contains(&k.as_str()) {
                        let data = in_data || DATA_KEYS.contains(&k.as_str());
                        self.redact_value(x, data);
                    }
                }
                if in_data && o.keys().any(|k| self.redact_str(k).is_some()) {
                    let old = std::mem::take(o);
                    for (k, x) in old {
                        let k = self.redact_str(&k).unwrap_or(k);
                        o.insert(k, x);
                    }
                }
            }
            _ => {}
        }
    }

    /// Redacts by round-tripping through `Value`, so no field of the report can be forgotten.
    /// Fails closed: a report that cannot be rebuilt is not rendered at all.
    pub fn redact_report(&self, report: Report) -> Result<Report, serde_json::Error> {
        if self.matcher.is_none() {
            return Ok(report);
        }
        let mut v = serde_json::to_value(&report)?;
        self.redact_value(&mut v, false);
        serde_json::from_value(v)
    }
}

fn json_escape(s: &str) -> String {
    let quoted = Value::String(s.to_string()).to_string();
    quoted[1..quoted.len() - 1].to_string()
}

/// Go's encoding/json (and so Terraform's `jsonencode`) also escapes these.
fn go_html_escape(s: &str) -> String {
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}
