//! Operator policy over findings: ignored rules and addresses, severity overrides, and the CI
//! gate verdict (fail-on threshold, maximum destroys).

use std::collections::BTreeMap;

use super::report::{Gate, Report, Severity};
use super::rules;

#[derive(Debug, Clone, Default)]
pub struct Policy {
    pub ignore_rules: Vec<String>,
    /// Address patterns; `*` matches any run of characters, `?` one character.
    pub ignore_addresses: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub fail_on: Option<Severity>,
    pub max_destroy: Option<u64>,
}

/// Glob match where only `*` and `?` are special, because addresses contain `[`, `]` and `"`.
pub fn address_matches(pattern: &str, address: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let a: Vec<char> = address.chars().collect();
    let (mut pi, mut ai) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ai < a.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == a[ai]) {
            pi += 1;
            ai += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ai;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ai = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// A built-in rule's ID from its ID or name; a policy's `PACKAGE.RULE` as it is.
fn rule_id(key: &str) -> &str {
    rules::lookup(key).map_or(key, |r| r.id)
}

impl Policy {
    /// Drops ignored findings, applies severity overrides and decides the gate.
    pub fn apply(&self, report: &mut Report) {
        let ignored_rules: Vec<&str> = self.ignore_rules.iter().map(|r| rule_id(r)).collect();
        report.findings.retain(|f| {
            !ignored_rules.contains(&f.rule.as_str())
                && !f
                    .address
                    .as_deref()
                    .is_some_and(|a| self.ignore_addresses.iter().any(|p| address_matches(p, a)))
        });
        for f in &mut report.findings {
            if let Some(sev) = self
                .severity
                .iter()
                .find(|(k, _)| rule_id(k) == f.rule)
                .map(|(_, v)| *v)
            {
                f.severity = sev;
            }
        }
        report.sort_findings();

        let mut reasons = Vec::new();
        if let Some(th) = self.fail_on {
            let n = report.findings.iter().filter(|f| f.severity >= th).count();
            if n > 0 {
                reasons.push(format!("{n} finding(s) at or above {}", th.label()));
            }
        }
        if let Some(max) = self.max_destroy {
            if report.summary.destroy > max {
                reasons.push(format!(
                    "{} resource(s) to destroy, more than --max-destroy {max}",
                    report.summary.destroy
                ));
            }
        }
        report.gate = Some(Gate {
            fail_on: self.fail_on,
            max_destroy: self.max_destroy,
            failed: !reasons.is_empty(),
            reasons,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::address_matches;

    #[test]
    fn globs_match_terraform_addresses() {
        assert!(address_matches(
            "module.app.*",
            "module.app.aws_s3_bucket.b[\"x\"]"
        ));
        assert!(address_matches(
            "aws_instance.web[?]",
            "aws_instance.web[3]"
        ));
        assert!(address_matches("*", "anything"));
        assert!(!address_matches(
            "module.app.*",
            "module.db.aws_db_instance.main"
        ));
        assert!(!address_matches("aws_instance.web", "aws_instance.web[0]"));
        assert!(address_matches("*bucket*", "aws_s3_bucket.logs"));
    }
}
