//! Folds the streamed pieces of one plan document into counts, per-resource entries, drift,
//! outputs, checks and findings, counting exactly as Terraform's `Plan:` line does.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::address::{self, Identity, KeyQuoting, Parts};
use super::diff::{
    collect_all, collect_secrets, is_secret_name, path_to_string, path_within, Differ, Marks,
    SECRET_NAME_PARTS,
};
use super::error::PlanError;
use super::legacy_drift::{self, IndexRecovery};
use super::model::{
    marker_is_empty, parse_raw, ActionInvocation, CheckResult, ConditionResult, DeferredChange,
    OutputChange, Raw, RelevantAttribute, ResourceChange, VariableValue,
};
use super::report::{
    Action, ActionInvocationEntry, CheckEntry, Finding, ImportInfo, OutputEntry, PlanInfo,
    ResourceEntry, Severity, Summary,
};
use super::rules;

#[derive(Debug, Clone)]
pub struct AnalyzeOptions {
    /// Mask attributes whose names say secret even when Terraform did not mark them.
    pub mask_secret_names: bool,
    /// Destroy count at which the mass-destroy rule fires.
    pub mass_destroy_threshold: u64,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions {
            mask_secret_names: true,
            mass_destroy_threshold: 10,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Changes,
    Drift,
}

#[derive(Debug, Default)]
pub struct Meta {
    pub format_version: Option<String>,
    pub hcp_redacted: bool,
    pub terraform_version: Option<String>,
    pub timestamp: Option<String>,
    pub errored: Option<bool>,
    pub complete: Option<bool>,
    pub applyable: Option<bool>,
}

/// Everything learned from one document, ready to be merged into a report.
pub struct PlanResult {
    pub info: PlanInfo,
    pub changes: Vec<ResourceEntry>,
    pub drift: Vec<ResourceEntry>,
    pub outputs: Vec<OutputEntry>,
    pub findings: Vec<Finding>,
    pub secrets: HashSet<String>,
}

pub struct Accumulator {
    index: usize,
    opts: AnalyzeOptions,
    pub meta: Meta,
    pub variables: BTreeMap<String, VariableValue>,
    pub relevant_attributes: Vec<RelevantAttribute>,
    /// Root variables declared `sensitive` in the configuration.
    pub sensitive_variables: Vec<String>,
    summary: Summary,
    changes: Vec<ResourceEntry>,
    drift: Vec<ResourceEntry>,
    outputs: Vec<OutputEntry>,
    findings: Vec<Finding>,
    checks: Vec<CheckEntry>,
    deferred: Vec<ResourceEntry>,
    invocations: Vec<ActionInvocationEntry>,
    secrets: HashSet<String>,
    keys: HashSet<&'static str>,
    fatal: Option<PlanError>,
    /// Terraform 0.15.4–1.0.0 drift entries have no instance key; see `legacy_drift`.
    recovery: IndexRecovery,
}

/// Top-level keys that tell a plan from a state or some other JSON.
const KNOWN_KEYS: &[&str] = &[
    "format_version",
    "plan_format_version",
    "resource_changes",
    "planned_values",
    "output_changes",
    "configuration",
    "prior_state",
    "values",
    "lineage",
    "serial",
    "resources",
    "version",
    "resource_drift",
    "provider_schemas",
];

impl Accumulator {
    pub fn new(index: usize, opts: AnalyzeOptions) -> Self {
        Accumulator {
            index,
            opts,
            meta: Meta::default(),
            variables: BTreeMap::new(),
            relevant_attributes: Vec::new(),
            sensitive_variables: Vec::new(),
            summary: Summary::default(),
            changes: Vec::new(),
            drift: Vec::new(),
            outputs: Vec::new(),
            findings: Vec::new(),
            checks: Vec::new(),
            deferred: Vec::new(),
            invocations: Vec::new(),
            secrets: HashSet::new(),
            keys: HashSet::new(),
            fatal: None,
            recovery: IndexRecovery::default(),
        }
    }

    pub fn take_fatal(&mut self) -> Option<PlanError> {
        self.fatal.take()
    }

    pub fn saw_key(&mut self, key: &str) {
        if let Some(k) = KNOWN_KEYS.iter().find(|k| **k == key) {
            self.keys.insert(k);
        }
    }

    pub fn set_format_version(&mut self, v: String, hcp: bool) {
        let major = v
            .split('.')
            .next()
            .and_then(|m| m.trim().parse::<u64>().ok());
        if !matches!(major, Some(0 | 1)) {
            self.fatal = Some(PlanError::UnsupportedVersion {
                document: self.index + 1,
                // From the input and bound for a terminal: escaped and short.
                version: v
                    .chars()
                    .take(24)
                    .collect::<String>()
                    .escape_debug()
                    .to_string(),
            });
        }
        self.meta.format_version = Some(v);
        self.meta.hcp_redacted = hcp;
    }

    /// Errors carry a detail for the caller to place; they mean a value could not be read.
    pub fn resource_change(
        &mut self,
        section: Section,
        rc: ResourceChange<'_>,
    ) -> Result<(), String> {
        let id = self.identify(&rc)?;
        // Terraform 0.15.4–1.0.0 list every instance once anything drifted; the unchanged
        // ones are read (their secrets still count) but are not drift.
        let unchanged = section == Section::Drift
            && rc.previous_address.is_none()
            && legacy_drift::unchanged(&rc.change).map_err(|e| {
                format!(
                    "a value of {} cannot be read ({e}); cloudops does not report a plan it cannot mask",
                    id.address.escape_debug()
                )
            })?;
        let key = || {
            (
                id.module.clone(),
                id.mode.clone(),
                id.resource_type.clone(),
                id.name.clone(),
            )
        };
        let indexless = id.rebuilt && rc.index.is_none() && !rc.index_unknown;
        if section == Section::Drift && indexless && !unchanged {
            self.recovery
                .indexless(self.drift.len(), &key(), &rc.change);
        } else if section == Section::Changes && self.may_lack_keys() {
            self.recovery.instance(&key(), &id.address, &rc.change);
        }
        let (mut entry, before, after) = self.entry(rc, id, section)?;
        if unchanged {
            return Ok(());
        }
        if section == Section::Changes && entry.mode == "data" && entry.action == Action::Delete {
            // Terraform neither counts nor shows data sources leaving the state.
            return Ok(());
        }
        if entry.action == Action::Unknown {
            tracing::warn!(address = %entry.address, actions = ?entry.actions, "unrecognised action combination; not counted");
        }
        match section {
            Section::Changes => {
                self.count(&entry);
                rules::check_resource(&entry, before.as_ref(), after.as_ref(), &mut self.findings);
                let show =
                    entry.action != Action::NoOp || entry.is_moved() || entry.import.is_some();
                if show {
                    self.changes.push(entry);
                }
            }
            Section::Drift => {
                if entry.action != Action::NoOp {
                    self.summary.drift += 1;
                    entry.relevant = Some(false);
                    self.drift.push(entry);
                }
            }
        }
        Ok(())
    }

    fn count(&mut self, e: &ResourceEntry) {
        let s = &mut self.summary;
        if e.import.is_some() {
            s.import += 1;
        }
        if e.is_moved() {
            s.moved += 1;
        }
        if e.mode != "managed" {
            if e.action == Action::Read {
                s.read += 1;
            }
            return;
        }
        match e.action {
            Action::Create => s.add += 1,
            Action::Update => s.change += 1,
            Action::Delete => s.destroy += 1,
            Action::Replace => {
                s.add += 1;
                s.destroy += 1;
                s.replace += 1;
            }
            Action::CreateThenForget => {
                s.add += 1;
                s.forget += 1;
            }
            Action::Forget => s.forget += 1,
            Action::Read => s.read += 1,
            Action::NoOp => s.no_op += 1,
            Action::Unknown => {}
        }
    }

    /// The address and parts of a change, with what its release left out filled in.
    fn identify(&self, rc: &ResourceChange<'_>) -> Result<Identity, String> {
        let quoting = KeyQuoting::for_plan(
            self.meta.terraform_version.as_deref(),
            self.meta.format_version.as_deref(),
        );
        address::identify(
            Parts {
                address: rc.address.as_deref(),
                module_address: rc.module_address.as_deref(),
                mode: rc.mode.as_deref(),
                resource_type: rc.resource_type.as_deref(),
                name: rc.name.as_deref(),
                index: rc.index.as_ref(),
                index_unknown: rc.index_unknown,
            },
            quoting,
        )
    }

    /// Only format 0.1 (Terraform 0.12–1.0.0) can have drift without instance keys.
    fn may_lack_keys(&self) -> bool {
        self.meta
            .format_version
            .as_deref()
            .is_none_or(|v| v.trim() == "0.1")
    }

    /// Builds the entry and, where the rules or the diff need them, the parsed values.
    #[allow(clippy::type_complexity)]
    fn entry(
        &mut self,
        rc: ResourceChange<'_>,
        id: Identity,
        section: Section,
    ) -> Result<(ResourceEntry, Option<Value>, Option<Value>), String> {
        let c = rc.change;
        let action = Action::from_actions(&c.actions);
        let resource_type = id.resource_type;
        let raw_after = c.after.map(|r| r.get());
        let sensitive_marks =
            !marker_is_empty(c.before_sensitive) || !marker_is_empty(c.after_sensitive);
        let diffable =
            matches!(
                action,
                Action::Update | Action::Replace | Action::CreateThenForget
            ) || (section == Section::Drift && action != Action::NoOp && action != Action::Delete);
        let ruled = section == Section::Changes
            && !matches!(action, Action::NoOp | Action::Read)
            && rules::wants_values(&resource_type, raw_after);
        // Values are parsed only where they are shown, judged, or hold marked secrets: a
        // large plan is mostly no-ops and creates whose values nobody reads.
        let secret_names = self.opts.mask_secret_names
            && [c.before, c.after]
                .into_iter()
                .flatten()
                .any(|r| may_name_a_secret(r.get()));
        let parse = diffable || sensitive_marks || ruled || secret_names;

        let unreadable = |e: serde_json::Error| {
            format!(
                "a value of {} cannot be read ({e}); cloudops does not report a plan it cannot mask",
                id.address.escape_debug()
            )
        };
        let mut attributes = Vec::new();
        let (before, after) = if parse && !diffable && !ruled {
            // Only secrets to collect: a no-op's two sides are usually the same bytes, and
            // then one parse is enough.
            fn text<'a>(r: Raw<'a>) -> Option<&'a str> {
                r.map(|r| r.get())
            }
            let same = text(c.before) == text(c.after)
                && text(c.before_sensitive) == text(c.after_sensitive);
            let sides = [(c.before, c.before_sensitive), (c.after, c.after_sensitive)];
            for (value, marker) in sides.into_iter().take(if same { 1 } else { 2 }) {
                let value = parse_raw(value).map_err(unreadable)?;
                let marker = parse_raw(marker).map_err(unreadable)?;
                collect_secrets(
                    &value,
                    &marker,
                    self.opts.mask_secret_names,
                    &mut self.secrets,
                );
            }
            (None, None)
        } else if parse {
            let before = parse_raw(c.before).map_err(unreadable)?;
            let after = parse_raw(c.after).map_err(unreadable)?;
            let unknown = parse_raw(c.after_unknown).map_err(unreadable)?;
            let bs = parse_raw(c.before_sensitive).map_err(unreadable)?;
            let as_ = parse_raw(c.after_sensitive).map_err(unreadable)?;
            collect_secrets(&before, &bs, self.opts.mask_secret_names, &mut self.secrets);
            collect_secrets(&after, &as_, self.opts.mask_secret_names, &mut self.secrets);
            if diffable {
                let mut d = Differ {
                    mask_secret_names: self.opts.mask_secret_names,
                    out: Vec::new(),
                };
                d.diff(
                    &before,
                    &after,
                    Marks {
                        unknown: &unknown,
                        before_sensitive: &bs,
                        after_sensitive: &as_,
                    },
                );
                attributes = d.out;
            }
            (Some(before), Some(after))
        } else {
            (None, None)
        };

        let replace_paths: Vec<String> = c
            .replace_paths
            .unwrap_or_default()
            .iter()
            .map(|p| path_to_string(p))
            .collect();
        for a in &mut attributes {
            a.forces_replacement = replace_paths.iter().any(|p| path_within(&a.path, p));
        }
        let tags_only = action == Action::Update
            && !attributes.is_empty()
            && attributes.iter().all(|a| is_tag_path(&a.path));
        let import = c.importing.map(|i| ImportInfo {
            id: i.id,
            identity: i.identity,
            unknown: i.unknown.unwrap_or(false),
            generated_config: c.generated_config.is_some(),
        });
        let replace_order = match c.actions.first().map(String::as_str) {
            _ if action != Action::Replace => None,
            Some("delete") => Some("delete-then-create".to_string()),
            _ => Some("create-then-delete".to_string()),
        };
        let reason_text = rc
            .action_reason
            .as_deref()
            .and_then(rules::reason_text)
            .map(str::to_string);
        let entry = ResourceEntry {
            plan: self.index,
            address: id.address,
            previous_address: rc.previous_address,
            module: id.module,
            mode: id.mode,
            resource_type,
            name: id.name,
            provider: rc.provider_name,
            action,
            actions: c.actions,
            replace_order,
            deposed: rc.deposed,
            reason: rc.action_reason,
            reason_text,
            replace_paths,
            import,
            tags_only,
            relevant: None,
            attributes,
        };
        Ok((entry, before, after))
    }

    pub fn output_change(&mut self, name: String, c: OutputChange) {
        let action = Action::from_actions(&c.actions);
        let (before, after) = (c.before, c.after);
        let (bs, as_) = (c.before_sensitive, c.after_sensitive);
        // Terraform marks outputs as a whole, but a marker anywhere hides the whole value here.
        let sensitive = marks_anything(&bs) || marks_anything(&as_);
        collect_secrets(&before, &bs, self.opts.mask_secret_names, &mut self.secrets);
        collect_secrets(&after, &as_, self.opts.mask_secret_names, &mut self.secrets);
        if self.opts.mask_secret_names && is_secret_name(&name) {
            collect_all(&before, &mut self.secrets);
            collect_all(&after, &mut self.secrets);
        }
        if action == Action::NoOp {
            return;
        }
        self.summary.output_changes += 1;
        let name_masked = self.opts.mask_secret_names && is_secret_name(&name);
        let hide = sensitive || name_masked;
        let unknown = super::diff::is_true(&c.after_unknown);
        self.outputs.push(OutputEntry {
            plan: self.index,
            name,
            action,
            before: if hide { None } else { non_null(before) },
            after: if hide || unknown {
                None
            } else {
                non_null(after)
            },
            after_unknown: unknown,
            sensitive: hide,
        });
    }

    pub fn checks(&mut self, checks: Vec<CheckResult>) {
        for c in checks {
            let mut problems: Vec<String> = Vec::new();
            for i in &c.instances {
                for p in &i.problems {
                    let at = if i.address.to_display.is_empty() {
                        &c.address.to_display
                    } else {
                        &i.address.to_display
                    };
                    problems.push(format!("{at}: {}", p.message));
                }
            }
            if matches!(c.status.as_str(), "fail" | "error") {
                let msg = match problems.first() {
                    Some(p) => format!(
                        "{} {} {}: {p}",
                        c.address.kind, c.address.to_display, c.status
                    ),
                    None => format!(
                        "{} {} status is {}",
                        c.address.kind, c.address.to_display, c.status
                    ),
                };
                self.findings.push(rules::finding(
                    self.index,
                    "CO012",
                    None,
                    Some(&c.address.to_display),
                    msg,
                ));
            }
            self.checks.push(CheckEntry {
                address: c.address.to_display,
                kind: c.address.kind,
                status: c.status,
                problems,
            });
        }
    }

    pub fn condition_results(&mut self, results: Vec<ConditionResult>) {
        for r in results {
            let status = match (r.result, r.unknown) {
                (_, true) => "unknown",
                (Some(true), _) => "pass",
                (Some(false), _) => "fail",
                (None, _) => "unknown",
            };
            let problems: Vec<String> = r.error_message.clone().into_iter().collect();
            if status == "fail" {
                let msg = format!(
                    "{} failed: {}",
                    r.condition_type,
                    r.error_message.as_deref().unwrap_or("(no message)")
                );
                self.findings.push(rules::finding(
                    self.index,
                    "CO012",
                    None,
                    Some(&r.address),
                    msg,
                ));
            }
            self.checks.push(CheckEntry {
                address: r.address,
                kind: r.condition_type,
                status: status.to_string(),
                problems,
            });
        }
    }

    pub fn deferred_change(&mut self, d: DeferredChange<'_>) -> Result<(), String> {
        let Some(rc) = d.resource_change else {
            return Err("it has no `resource_change`".to_string());
        };
        let id = self.identify(&rc)?;
        let (mut entry, _, _) = self.entry(rc, id, Section::Changes)?;
        entry.reason_text = Some(format!("deferred: {}", d.reason));
        entry.reason = Some(d.reason);
        self.summary.deferred += 1;
        self.deferred.push(entry);
        Ok(())
    }

    pub fn action_invocations(&mut self, list: Vec<ActionInvocation>) {
        for a in list {
            self.summary.invoke += 1;
            collect_secrets(
                &a.config_values,
                &a.config_sensitive,
                self.opts.mask_secret_names,
                &mut self.secrets,
            );
            let trigger = a
                .lifecycle_action_trigger
                .map(|t| {
                    format!(
                        "{} of {}",
                        t.action_trigger_event, t.triggering_resource_address
                    )
                })
                .or(a
                    .invoke_action_trigger
                    .map(|_| "terraform apply -invoke".to_string()));
            self.invocations.push(ActionInvocationEntry {
                address: a.address,
                action_type: a.action_type,
                provider: a.provider_name,
                trigger,
            });
        }
    }

    /// Checks the document really was a plan, then applies the plan-wide rules.
    pub fn finish(mut self) -> Result<PlanResult, PlanError> {
        let doc = self.index + 1;
        let format_version = match self.meta.format_version.take() {
            Some(v) => v,
            None => {
                let k = &self.keys;
                if k.contains("lineage")
                    || k.contains("serial")
                    || (k.contains("values") && !k.contains("planned_values"))
                {
                    return Err(PlanError::StateNotPlan { document: doc });
                }
                let detail = if k.contains("resource_changes") || k.contains("planned_values") {
                    "it has plan sections but no format_version".to_string()
                } else {
                    "no format_version, resource_changes or planned_values".to_string()
                };
                return Err(PlanError::NotAPlan {
                    document: doc,
                    detail,
                });
            }
        };
        let k = &self.keys;
        if !self.meta.hcp_redacted
            && k.contains("values")
            && !k.contains("planned_values")
            && !k.contains("resource_changes")
        {
            return Err(PlanError::StateNotPlan { document: doc });
        }
        let plan_keys = [
            "resource_changes",
            "planned_values",
            "output_changes",
            "configuration",
            "resource_drift",
            "prior_state",
            "provider_schemas",
        ];
        if !self.meta.hcp_redacted
            && !plan_keys.iter().any(|p| k.contains(p))
            && self.invocations.is_empty()
        {
            return Err(PlanError::NotAPlan {
                document: doc,
                detail: "it has a format_version but none of the plan sections".to_string(),
            });
        }

        self.recover_drift_keys();
        self.mark_relevant_drift();
        for name in &self.sensitive_variables {
            if let Some(v) = self.variables.get(name) {
                collect_all(&v.value, &mut self.secrets);
            }
        }
        self.plan_rules();

        let info = PlanInfo {
            index: self.index,
            format_version,
            terraform_version: self.meta.terraform_version.take(),
            timestamp: self.meta.timestamp.take(),
            hcp_redacted: self.meta.hcp_redacted,
            errored: self.meta.errored,
            complete: self.meta.complete,
            applyable: self.meta.applyable,
            summary: self.summary,
            checks: self.checks,
            deferred: self.deferred,
            action_invocations: self.invocations,
        };
        Ok(PlanResult {
            info,
            changes: self.changes,
            drift: self.drift,
            outputs: self.outputs,
            findings: self.findings,
            secrets: self.secrets,
        })
    }

    fn recover_drift_keys(&mut self) {
        let recovery = std::mem::take(&mut self.recovery);
        if recovery.is_empty() {
            return;
        }
        for (i, found) in recovery.resolve() {
            let Some(d) = self.drift.get_mut(i) else {
                continue;
            };
            match found {
                Some(address) => d.address = address,
                None => tracing::warn!(
                    address = %d.address,
                    "this plan's release (Terraform 0.15.4–1.0.0) leaves the instance key out of resource_drift, and no single instance in resource_changes matches; the address is shown without it"
                ),
            }
        }
    }

    fn mark_relevant_drift(&mut self) {
        for d in &mut self.drift {
            let paths: Vec<String> = self
                .relevant_attributes
                .iter()
                .filter(|r| r.resource == d.address)
                .map(|r| path_to_string(&r.attribute))
                .collect();
            // An empty path means the whole resource is relevant.
            let overlaps = |a: &str| {
                paths
                    .iter()
                    .any(|p| p.is_empty() || path_within(a, p) || path_within(p, a))
            };
            let relevant = !paths.is_empty()
                && (d.attributes.is_empty() || d.attributes.iter().any(|a| overlaps(&a.path)));
            d.relevant = Some(relevant);
            let (sev, note) = if relevant {
                (
                    Severity::Medium,
                    "changed outside Terraform, and the change feeds into this plan",
                )
            } else {
                (Severity::Low, "changed outside Terraform")
            };
            let what = if d.action == Action::Delete {
                "was deleted outside Terraform".to_string()
            } else {
                note.to_string()
            };
            self.findings.push(rules::finding(
                self.index,
                "CO010",
                Some(sev),
                Some(&d.address),
                what,
            ));
        }
    }

    fn plan_rules(&mut self) {
        let s = self.summary;
        if s.destroy >= self.opts.mass_destroy_threshold && s.destroy > 0 {
            self.findings.push(rules::finding(
                self.index,
                "CO009",
                None,
                None,
                format!(
                    "{} resources will be destroyed (threshold {})",
                    s.destroy, self.opts.mass_destroy_threshold
                ),
            ));
        }
        if self.meta.errored == Some(true) {
            self.findings.push(rules::finding(self.index, "CO011", None, None, "Terraform reported an error while planning; this plan is incomplete and must not be applied".into()));
        }
        if self.meta.complete == Some(false) || s.deferred > 0 {
            let msg = if s.deferred > 0 {
                format!(
                    "{} change(s) were deferred to a later plan/apply cycle",
                    s.deferred
                )
            } else {
                "the plan is not complete: another plan/apply cycle is needed".to_string()
            };
            self.findings
                .push(rules::finding(self.index, "CO013", None, None, msg));
        }
    }
}

fn marks_anything(marker: &Value) -> bool {
    match marker {
        Value::Bool(b) => *b,
        Value::Array(a) => a.iter().any(marks_anything),
        Value::Object(o) => o.values().any(marks_anything),
        _ => false,
    }
}

fn non_null(v: Value) -> Option<Value> {
    if v.is_null() {
        None
    } else {
        Some(v)
    }
}

fn is_tag_path(p: &str) -> bool {
    [
        "tags",
        "tags_all",
        "labels",
        "effective_labels",
        "terraform_labels",
    ]
    .iter()
    .any(|t| path_within(p, t))
}

/// A cheap text check so that values are parsed for name-based masking only when a
/// secret-sounding key may be in them: every word `is_secret_name` looks for, so the two never
/// disagree. Terraform's attribute names are lower case; map keys (environment variables,
/// tags) come in any case, hence the explicit variants (plus `Key"` for camel-case `ApiKey`),
/// which let aho-corasick's packed (SIMD) searcher do the scan.
fn may_name_a_secret(raw: &str) -> bool {
    enum Finder {
        Packed(aho_corasick::packed::Searcher),
        Automaton(aho_corasick::AhoCorasick),
    }
    static FINDER: std::sync::OnceLock<Finder> = std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        let variants: Vec<String> = SECRET_NAME_PARTS
            .iter()
            .chain(&["key\""])
            .flat_map(|w| {
                let mut title = w.to_string();
                title[..1].make_ascii_uppercase();
                [w.to_string(), w.to_ascii_uppercase(), title]
            })
            .collect();
        let mut b = aho_corasick::packed::Config::new().builder();
        b.extend(&variants);
        match b.build() {
            Some(p) => Finder::Packed(p),
            None => Finder::Automaton(
                aho_corasick::AhoCorasick::new(&variants).expect("literal patterns build"),
            ),
        }
    });
    match finder {
        Finder::Packed(p) => p.find(raw).is_some(),
        Finder::Automaton(a) => a.is_match(raw),
    }
}
