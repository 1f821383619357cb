//! Policies on a plan: each document as Terraform wrote it (masked unless asked otherwise),
//! with a `cloudops` key holding this tool's analysis of it, and every message a policy
//! returns masked and turned into a finding that gating, ignoring and every format see.

use std::collections::HashSet;

use serde_json::{json, Value};

use super::{Kind, Outcome, PolicyError, PolicySet};
use crate::plan::redact::Redactor;
use crate::plan::report::{Finding, Report, Severity};

/// Default severities: conftest fails on deny and violation, and only warns on warn.
pub fn severity(kind: Kind) -> Severity {
    match kind {
        Kind::Deny | Kind::Violation => Severity::High,
        Kind::Warn => Severity::Medium,
    }
}

/// Evaluates `set` on each document and appends its results to `report.findings`; returns
/// the results an `exception` rule exempted. `secrets` are the sensitive strings of the
/// documents, masked in every message.
pub fn apply(
    set: &mut PolicySet,
    documents: Vec<Value>,
    secrets: &HashSet<String>,
    report: &mut Report,
) -> Result<Vec<Outcome>, PolicyError> {
    let redactor = Redactor::new(secrets);
    let mut excepted = Vec::new();
    for (index, mut doc) in documents.into_iter().enumerate() {
        if let Value::Object(o) = &mut doc {
            o.insert("cloudops".into(), analysis(report, index));
        }
        let (found, exempted) = set.evaluate_masked(doc, &redactor, None)?;
        excepted.extend(exempted);
        report
            .findings
            .extend(found.iter().map(|o| finding(index, o)));
    }
    Ok(excepted)
}

pub fn finding(plan: usize, o: &Outcome) -> Finding {
    Finding {
        plan,
        rule: o.id(),
        rule_name: format!("policy {}", o.kind.label()),
        severity: severity(o.kind),
        address: None,
        message: if o.message.is_empty() {
            format!("policy rule {} failed", o.id())
        } else {
            o.message.clone()
        },
    }
}

/// The report's view of one document, already masked as the report is.
fn analysis(report: &Report, index: usize) -> Value {
    let of_plan = |entries: &[crate::plan::report::ResourceEntry]| -> Vec<Value> {
        entries
            .iter()
            .filter(|e| e.plan == index)
            .filter_map(|e| serde_json::to_value(e).ok())
            .collect()
    };
    json!({
        "summary": report.plans.iter().find(|p| p.index == index).map(|p| &p.summary),
        "changes": of_plan(&report.changes),
        "drift": of_plan(&report.drift),
        "outputs": report.outputs.iter().filter(|o| o.plan == index).collect::<Vec<_>>(),
        "findings": report.findings.iter().filter(|f| f.plan == index).collect::<Vec<_>>(),
    })
}
