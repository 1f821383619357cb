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
        let Ok(masked) = hcl::convert(&f.text, true) else {
            continue;
        };
        let document = if unmasked {
            match hcl::convert(&f.text, false) {
                Ok(c) => c.document,
                Err(_) => continue,
            }
        } else {
            masked.document
        };
        let input = super::to_value(document).map_err(|e| PolicyError::Eval {
            rule: "(input)".into(),
            location: Some(f.path.clone()),
            message: e.to_string(),
        })?;
        let redactor = Redactor::new(&masked.secrets);
        for mut o in set.evaluate(input)? {
            if let Some(m) = redactor.redact_str(&o.message) {
                o.message = m;
            }
            if o.excepted {
                excepted.push(o);
                continue;
            }
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
