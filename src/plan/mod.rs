//! The pure plan-analysis core: bytes in, a redacted `Report` out. No files, no clock, no
//! environment, no printing; the command layer brings those.

pub mod address;
pub mod analyze;
pub mod compare;
pub mod diff;
pub mod error;
pub mod input;
pub mod legacy_drift;
pub mod model;
pub mod policy;
pub mod redact;
pub mod report;
pub mod rules;
pub mod scrub;
pub mod stream;

use std::collections::HashSet;

pub use analyze::AnalyzeOptions;
pub use error::{PlanError, Position};
pub use input::{sniff, Documents, Sniffed};
pub use report::Report;

use analyze::Accumulator;

/// Analyses every plan document in the stream and returns one redacted report.
pub fn analyze_documents(
    mut docs: Documents<'_>,
    source: &str,
    opts: &AnalyzeOptions,
) -> Result<Report, PlanError> {
    let mut results = Vec::new();
    while docs.next_document()?.is_some() {
        let index = results.len();
        let mut acc = Accumulator::new(index, opts.clone());
        stream::read_document(&mut docs, &mut acc, index)?;
        results.push(acc.finish()?);
        tracing::debug!(document = index + 1, "plan document analysed");
    }
    if results.is_empty() {
        return Err(PlanError::Empty);
    }
    if docs.skipped_lines > 0 {
        tracing::debug!(lines = docs.skipped_lines, "skipped CI wrapper lines");
    }
    combine(results, source)
}

fn combine(results: Vec<analyze::PlanResult>, source: &str) -> Result<Report, PlanError> {
    let mut report = Report {
        schema_version: report::SCHEMA_VERSION,
        tool: report::ToolInfo {
            name: "cloudops".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        source: source.to_string(),
        summary: report::Summary::default(),
        gate: None,
        plans: Vec::new(),
        changes: Vec::new(),
        drift: Vec::new(),
        outputs: Vec::new(),
        findings: Vec::new(),
    };
    let mut secrets = HashSet::new();
    for r in results {
        report.summary.add_assign(&r.info.summary);
        report.plans.push(r.info);
        report.changes.extend(r.changes);
        report.drift.extend(r.drift);
        report.outputs.extend(r.outputs);
        report.findings.extend(r.findings);
        secrets.extend(r.secrets);
    }
    report.sort_findings();
    Ok(redact::Redactor::new(&secrets).redact_report(report))
}
