//! SARIF 2.1.0 for code scanning: the rules as the tool's driver, each finding as a result
//! located at the plan file with the resource address as its logical location.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::plan::report::{Report, Severity};
use crate::plan::rules::{RuleInfo, RULES};

pub(crate) fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub code scanning ranks alerts by this CVSS-like score.
pub(crate) fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

/// A rule as the SARIF driver describes it.
pub(crate) fn rule_json(r: &RuleInfo, tag: &str) -> Value {
    json!({
        "id": r.id,
        "name": r.name,
        "shortDescription": { "text": r.name },
        "fullDescription": { "text": r.rationale },
        "help": { "text": r.rationale },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": { "security-severity": security_severity(r.severity), "tags": ["terraform", tag] }
    })
}

/// A Rego policy's rule (`PACKAGE.RULE`), which has no entry in the built-in tables: the
/// driver still describes it, so that every result's `ruleIndex` points at its own rule.
pub(crate) fn policy_rule_json(id: &str, kind: &str, severity: Severity, tag: &str) -> Value {
    let text = format!("Rego policy rule {id} ({kind})");
    json!({
        "id": id,
        "name": id,
        "shortDescription": { "text": text },
        "fullDescription": { "text": text },
        "help": { "text": format!("{text}: see the policy that declares it") },
        "defaultConfiguration": { "level": level(severity) },
        "properties": { "security-severity": security_severity(severity), "tags": ["terraform", tag, "policy"] }
    })
}

/// The driver's rules: the built-in ones, then each policy rule (`PACKAGE.RULE`) among the
/// findings (`(id, rule_name, severity)`), first appearance first; and their IDs, in the same
/// order, for each result's `ruleIndex`.
pub(crate) fn driver_rules<'a>(
    builtin: &[&'a RuleInfo],
    findings: impl Iterator<Item = (&'a str, &'a str, Severity)>,
    tag: &str,
) -> (Vec<&'a str>, Vec<Value>) {
    let mut ids: Vec<&str> = builtin.iter().map(|r| r.id).collect();
    let mut rules: Vec<Value> = builtin.iter().map(|r| rule_json(r, tag)).collect();
    for (id, name, sev) in findings {
        if !ids.contains(&id) {
            ids.push(id);
            rules.push(policy_rule_json(id, name, sev, tag));
        }
    }
    (ids, rules)
}

pub fn document(report: &Report) -> Value {
    let builtin: Vec<&RuleInfo> = RULES.iter().collect();
    let (ids, rules) = driver_rules(
        &builtin,
        report
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.rule_name.as_str(), f.severity)),
        "plan",
    );
    let uri = if report.source == "stdin" {
        "plan.json".to_string()
    } else {
        path_uri(&report.source)
    };
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let rule_index = ids.iter().position(|id| *id == f.rule).unwrap_or(0);
            let mut loc = json!({
                "physicalLocation": { "artifactLocation": { "uri": uri }, "region": { "startLine": 1 } }
            });
            if let Some(a) = &f.address {
                loc["logicalLocations"] = json!([{ "fullyQualifiedName": a, "kind": "resource" }]);
            }
            let text = match &f.address {
                Some(a) => format!("{a}: {}", f.message),
                None => f.message.clone(),
            };
            json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": { "text": text },
                "locations": [loc],
                "partialFingerprints": { "cloudops/v1": fingerprint(f) },
                "properties": { "severity": f.severity.label(), "security-severity": security_severity(f.severity), "plan": f.plan }
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "cloudops",
                "version": report.tool.version,
                "informationUri": "https://github.com/cloudops/cloudops",
                "rules": rules
            }},
            "results": results,
            "properties": { "summary": report.summary }
        }]
    })
}

/// A relative path stays relative (code scanning resolves it against the checkout); an
/// absolute one becomes a `file://` URI. Either way, characters a URI cannot hold are escaped.
pub(crate) fn path_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

/// Distinct per finding (rule, address and message), stable across runs, so code scanning
/// neither merges two problems on one resource nor reopens a known one.
fn fingerprint(f: &crate::plan::report::Finding) -> String {
    format!(
        "{}:{}:{:016x}",
        f.rule,
        f.address.as_deref().unwrap_or("plan"),
        fnv(&f.message)
    )
}

/// FNV-1a: tiny, stable across Rust versions (unlike DefaultHasher).
pub(crate) fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(report)).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
