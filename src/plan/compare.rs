//! What changed between two analyses of the same workspace: resources that started or
//! stopped changing, actions that changed, findings added or resolved, drift that appeared
//! or cleared, and the count deltas. Pure: two reports in, one comparison out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::report::{Action, Finding, Report, ResourceEntry, Severity, Summary};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Count-by-count, older → newer, only where they differ.
    pub summary: Vec<CountDelta>,
    pub started: Vec<ResourceState>,
    pub stopped: Vec<ResourceState>,
    pub action_changed: Vec<ActionChange>,
    pub findings_added: Vec<FindingRef>,
    pub findings_resolved: Vec<FindingRef>,
    pub drift_appeared: Vec<ResourceState>,
    pub drift_cleared: Vec<ResourceState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountDelta {
    pub count: String,
    pub before: u64,
    pub after: u64,
}

impl CountDelta {
    /// The change as shown beside the two counts: "+2", "-1".
    pub fn signed(&self) -> String {
        format!("{:+}", self.after as i128 - self.before as i128)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceState {
    pub address: String,
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionChange {
    pub address: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRef {
    pub rule: String,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub message: String,
}

impl Comparison {
    /// The one-line verdict when there is nothing (or nothing new) to list; empty otherwise.
    pub fn verdict(&self, same_plan: bool) -> &'static str {
        match (same_plan, self.is_empty()) {
            (true, _) => "Both entries are the same plan (identical SHA-256).",
            (false, true) => "No differences in counts, changes, findings or drift.",
            (false, false) => "",
        }
    }

    /// One line per difference, as the table and the dashboard list them: a mark (`+`
    /// started or new, `-` stopped, `~` action changed, `!` drift appeared, `✓` cleared or
    /// resolved), the address (`(plan)` for a plan-wide finding) and what happened.
    pub fn rows(&self) -> Vec<(&'static str, &str, String)> {
        let mut rows: Vec<(&'static str, &str, String)> = Vec::new();
        for r in &self.started {
            rows.push(("+", &r.address, format!("started changing: {}", r.action)));
        }
        for r in &self.stopped {
            rows.push((
                "-",
                &r.address,
                format!("stopped changing (was {})", r.action),
            ));
        }
        for a in &self.action_changed {
            rows.push(("~", &a.address, format!("{} → {}", a.before, a.after)));
        }
        for r in &self.drift_appeared {
            rows.push(("!", &r.address, format!("drift appeared: {}", r.action)));
        }
        for r in &self.drift_cleared {
            rows.push(("✓", &r.address, format!("drift cleared (was {})", r.action)));
        }
        for f in &self.findings_added {
            let what = format!(
                "new finding {} {}: {}",
                f.severity.label(),
                f.rule,
                f.message
            );
            rows.push(("+", f.place(), what));
        }
        for f in &self.findings_resolved {
            let what = format!("resolved {} {}: {}", f.severity.label(), f.rule, f.message);
            rows.push(("✓", f.place(), what));
        }
        rows
    }

    pub fn is_empty(&self) -> bool {
        self.summary.is_empty()
            && self.started.is_empty()
            && self.stopped.is_empty()
            && self.action_changed.is_empty()
            && self.findings_added.is_empty()
            && self.findings_resolved.is_empty()
            && self.drift_appeared.is_empty()
            && self.drift_cleared.is_empty()
    }
}

impl FindingRef {
    /// Where the finding is: its resource, or `(plan)` for a plan-wide one.
    pub fn place(&self) -> &str {
        self.address.as_deref().unwrap_or("(plan)")
    }
}

/// Compares an older report with a newer one.
pub fn compare(older: &Report, newer: &Report) -> Comparison {
    // In a multi-plan stream (terragrunt run-all) the same address exists once per plan.
    let multi = older.plans.len() > 1 || newer.plans.len() > 1;
    let (started, stopped, action_changed) = resources(&older.changes, &newer.changes, multi);
    let (drift_appeared, drift_cleared, _) = resources(&older.drift, &newer.drift, multi);
    let (findings_added, findings_resolved) = findings(&older.findings, &newer.findings, multi);
    Comparison {
        summary: counts(&older.summary, &newer.summary),
        started,
        stopped,
        action_changed,
        findings_added,
        findings_resolved,
        drift_appeared,
        drift_cleared,
    }
}

fn counts(a: &Summary, b: &Summary) -> Vec<CountDelta> {
    a.counts()
        .into_iter()
        .zip(b.counts())
        .filter(|((_, x), (_, y))| x != y)
        .map(|((name, before), (_, after))| CountDelta {
            count: name.to_string(),
            before,
            after,
        })
        .collect()
}

/// An instance is identified by its address (and deposed key, and plan in a stream).
fn key(address: &str, e: &ResourceEntry, multi: bool) -> String {
    let mut k = address.to_string();
    if let Some(d) = &e.deposed {
        k.push_str(&format!(" (deposed {d})"));
    }
    if multi {
        k.push_str(&format!(" [plan {}]", e.plan + 1));
    }
    k
}

type ResourceDiff = (Vec<ResourceState>, Vec<ResourceState>, Vec<ActionChange>);

fn resources(older: &[ResourceEntry], newer: &[ResourceEntry], multi: bool) -> ResourceDiff {
    let listed =
        |e: &&ResourceEntry| e.action != Action::NoOp || e.is_moved() || e.import.is_some();
    let index = |list: &[ResourceEntry]| -> BTreeMap<String, String> {
        list.iter()
            .filter(listed)
            .map(|e| (key(&e.address, e, multi), e.label().to_string()))
            .collect()
    };
    let (mut a, b) = (index(older), index(newer));
    // A resource the newer plan moves (`moved` block) is the same resource under its new
    // address, not one that stopped and another that started.
    for e in newer.iter().filter(listed).filter(|e| e.is_moved()) {
        let (new, old) = (
            key(&e.address, e, multi),
            key(e.previous_address.as_deref().unwrap_or_default(), e, multi),
        );
        if !a.contains_key(&new) && !b.contains_key(&old) {
            if let Some(action) = a.remove(&old) {
                a.insert(new, action);
            }
        }
    }
    let state = |(k, v): (&String, &String)| ResourceState {
        address: k.clone(),
        action: v.clone(),
    };
    let started = b
        .iter()
        .filter(|(k, _)| !a.contains_key(*k))
        .map(state)
        .collect();
    let stopped = a
        .iter()
        .filter(|(k, _)| !b.contains_key(*k))
        .map(state)
        .collect();
    let changed = a
        .iter()
        .filter_map(|(k, before)| {
            let after = b.get(k)?;
            (after != before).then(|| ActionChange {
                address: k.clone(),
                before: before.clone(),
                after: after.clone(),
            })
        })
        .collect();
    (started, stopped, changed)
}

/// Findings are the same finding when rule and address match; messages may mention counts
/// that move between runs.
fn findings(
    older: &[Finding],
    newer: &[Finding],
    multi: bool,
) -> (Vec<FindingRef>, Vec<FindingRef>) {
    type Key = (String, Option<String>, Option<usize>);
    let index = |list: &[Finding]| -> BTreeMap<Key, FindingRef> {
        list.iter()
            .map(|f| {
                (
                    (f.rule.clone(), f.address.clone(), multi.then_some(f.plan)),
                    FindingRef {
                        rule: f.rule.clone(),
                        severity: f.severity,
                        address: f.address.clone(),
                        message: f.message.clone(),
                    },
                )
            })
            .collect()
    };
    let (a, b) = (index(older), index(newer));
    let only = |x: &BTreeMap<_, FindingRef>, y: &BTreeMap<_, FindingRef>| {
        let mut v: Vec<FindingRef> = x
            .iter()
            .filter(|(k, _)| !y.contains_key(*k))
            .map(|(_, f)| f.clone())
            .collect();
        v.sort_by_key(|f| std::cmp::Reverse(f.severity));
        v
    };
    (only(&b, &a), only(&a, &b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::report::{Report, ToolInfo};

    fn entry(address: &str, actions: &[&str]) -> ResourceEntry {
        let actions: Vec<String> = actions.iter().map(|s| s.to_string()).collect();
        ResourceEntry {
            plan: 0,
            address: address.into(),
            previous_address: None,
            module: None,
            mode: "managed".into(),
            resource_type: "t".into(),
            name: "n".into(),
            provider: None,
            action: Action::from_actions(&actions),
            actions,
            replace_order: None,
            deposed: None,
            reason: None,
            reason_text: None,
            replace_paths: vec![],
            import: None,
            tags_only: false,
            relevant: None,
            attributes: vec![],
        }
    }

    fn finding(rule: &str, address: &str, severity: Severity) -> Finding {
        Finding {
            plan: 0,
            rule: rule.into(),
            rule_name: rule.into(),
            severity,
            address: Some(address.into()),
            message: format!("{rule} on {address}"),
        }
    }

    fn report(
        changes: Vec<ResourceEntry>,
        drift: Vec<ResourceEntry>,
        findings: Vec<Finding>,
    ) -> Report {
        let mut summary = Summary::default();
        for c in &changes {
            match c.action {
                Action::Create => summary.add += 1,
                Action::Update => summary.change += 1,
                Action::Delete => summary.destroy += 1,
                _ => {}
            }
        }
        Report {
            schema_version: 1,
            tool: ToolInfo {
                name: "cloudops".into(),
                version: "0".into(),
            },
            source: "s".into(),
            summary,
            gate: None,
            plans: vec![],
            changes,
            drift,
            outputs: vec![],
            findings,
        }
    }

    #[test]
    fn started_stopped_changed_findings_and_drift() {
        let a = report(
            vec![
                entry("a.keep", &["update"]),
                entry("a.gone", &["delete"]),
                entry("a.noop", &["no-op"]),
            ],
            vec![entry("d.old", &["update"])],
            vec![
                finding("CO001", "a.gone", Severity::High),
                finding("CO010", "d.old", Severity::Low),
            ],
        );
        let b = report(
            vec![
                entry("a.keep", &["delete", "create"]),
                entry("a.new", &["create"]),
            ],
            vec![entry("d.new", &["delete"])],
            vec![
                finding("CO010", "d.old", Severity::Low),
                finding("CO002", "a.keep", Severity::Critical),
            ],
        );
        let c = compare(&a, &b);
        assert_eq!(
            c.started,
            vec![ResourceState {
                address: "a.new".into(),
                action: "create".into()
            }]
        );
        assert_eq!(
            c.stopped,
            vec![ResourceState {
                address: "a.gone".into(),
                action: "delete".into()
            }]
        );
        assert_eq!(
            c.action_changed,
            vec![ActionChange {
                address: "a.keep".into(),
                before: "update".into(),
                after: "replace".into()
            }]
        );
        assert_eq!(
            c.findings_added
                .iter()
                .map(|f| f.rule.as_str())
                .collect::<Vec<_>>(),
            ["CO002"]
        );
        assert_eq!(
            c.findings_resolved
                .iter()
                .map(|f| f.rule.as_str())
                .collect::<Vec<_>>(),
            ["CO001"]
        );
        assert_eq!(c.drift_appeared[0].address, "d.new");
        assert_eq!(c.drift_cleared[0].address, "d.old");
        let names: Vec<&str> = c.summary.iter().map(|d| d.count.as_str()).collect();
        assert_eq!(names, ["add", "change", "destroy"]);
        assert!(compare(&a, &a).is_empty());
    }

    #[test]
    fn moved_resources_are_matched_and_plans_of_a_stream_kept_apart() {
        let a = report(vec![entry("a.old", &["update"])], vec![], vec![]);
        let mut moved = entry("a.new", &["update"]);
        moved.previous_address = Some("a.old".into());
        let b = report(vec![moved], vec![], vec![]);
        let c = compare(&a, &b);
        assert!(c.started.is_empty() && c.stopped.is_empty(), "{c:?}");
        assert!(
            c.action_changed.is_empty(),
            "same action at its new address: {c:?}"
        );

        let mut second = entry("x.this", &["delete"]);
        second.plan = 1;
        let mut a = report(vec![entry("x.this", &["update"]), second], vec![], vec![]);
        let mut b = report(vec![entry("x.this", &["update"])], vec![], vec![]);
        a.plans = vec![plan_info(0), plan_info(1)];
        b.plans = vec![plan_info(0), plan_info(1)];
        let c = compare(&a, &b);
        assert!(c.action_changed.is_empty(), "{c:?}");
        assert_eq!(c.stopped[0].address, "x.this [plan 2]");
    }

    fn plan_info(index: usize) -> crate::plan::report::PlanInfo {
        crate::plan::report::PlanInfo {
            index,
            format_version: "1.2".into(),
            terraform_version: None,
            timestamp: None,
            hcp_redacted: false,
            errored: None,
            complete: None,
            applyable: None,
            summary: Summary::default(),
            checks: vec![],
            deferred: vec![],
            action_invocations: vec![],
        }
    }
}
