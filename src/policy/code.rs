//! Policies on Terraform code: each `.tf` file as conftest's HCL2 parser gives it, one input
//! per file as `conftest test` evaluates them, results as scan findings on that file.

use super::{hcl, Outcome, PolicyError, PolicySet};
use crate::plan::redact::Redactor;
use crate::scan::{self, FileKind, RepoScan, ScanFinding, SourceFile};

/// Evaluates `set` on each Terraform file and appends the results to `repo.findings`; returns
/// the results an `exception` rule exempted. A file that does not parse is left to the scan,
/// which reports it already.
pub fn apply(
    set: &mut PolicySet,
    files: &[SourceFile],
    repo: &mut RepoScan,
    unmasked: bool,
) -> Result<Vec<Outcome>, PolicyError> {
    let mut excepted = Vec::new();
    for f in files {
        if scan::kind_of(&f.path) != Some(FileKind::Terraform) {
            continue;
        }
        let Ok(converted) = hcl::convert(&f.text, !unmasked) else {
            continue;
        };
        let redactor = Redactor::new(&converted.secrets);
        let (found, exempted) =
            set.evaluate_masked(converted.document, &redactor, Some(f.path.clone()))?;
        excepted.extend(exempted);
        for o in found {
            let plan_finding = super::plan::finding(0, &o);
            repo.findings.push(ScanFinding {
                rule: plan_finding.rule,
                rule_name: plan_finding.rule_name,
                severity: plan_finding.severity,
                file: f.path.clone(),
                line: None,
                address: None,
                message: plan_finding.message,
            });
        }
    }
    scan::sort_findings(&mut repo.findings);
    Ok(excepted)
}
