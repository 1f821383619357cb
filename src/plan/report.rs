//! The analysis result: one versioned, serializable document that every renderer and the
//! store consume, so that what a person reads and what a machine parses never disagree.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Bumped on breaking changes only; additive fields keep the major version (see README).
pub const SCHEMA_VERSION: u32 = 1;

/// Counts as Terraform's own `Plan:` line counts them, plus what that line leaves out.
/// Missing counts read as 0, so stored reports survive counts added later.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
    pub add: u64,
    pub change: u64,
    pub destroy: u64,
    pub replace: u64,
    pub import: u64,
    pub forget: u64,
    #[serde(rename = "move")]
    pub moved: u64,
    pub read: u64,
    pub drift: u64,
    pub no_op: u64,
    pub deferred: u64,
    pub output_changes: u64,
    /// Terraform 1.14 actions that apply would invoke.
    pub invoke: u64,
}

impl Summary {
    pub fn add_assign(&mut self, o: &Summary) {
        self.add += o.add;
        self.change += o.change;
        self.destroy += o.destroy;
        self.replace += o.replace;
        self.import += o.import;
        self.forget += o.forget;
        self.moved += o.moved;
        self.read += o.read;
        self.drift += o.drift;
        self.no_op += o.no_op;
        self.deferred += o.deferred;
        self.output_changes += o.output_changes;
        self.invoke += o.invoke;
    }

    /// Every count by its JSON name, in the order reports list them.
    pub fn counts(&self) -> [(&'static str, u64); 12] {
        [
            ("add", self.add),
            ("change", self.change),
            ("destroy", self.destroy),
            ("replace", self.replace),
            ("import", self.import),
            ("forget", self.forget),
            ("move", self.moved),
            ("read", self.read),
            ("drift", self.drift),
            ("deferred", self.deferred),
            ("output_changes", self.output_changes),
            ("invoke", self.invoke),
        ]
    }

    /// True when applying would touch infrastructure or state (terraform's "changes present").
    pub fn has_changes(&self) -> bool {
        self.add + self.change + self.destroy + self.import + self.forget + self.moved > 0
            || self.output_changes > 0
            || self.invoke > 0
    }

    /// "2 to add, 1 to change, 0 to destroy" without the `Plan:` prefix.
    pub fn plan_line_short(&self) -> String {
        format!(
            "{} to add, {} to change, {} to destroy",
            self.add, self.change, self.destroy
        )
    }

    /// Terraform's own sentence, so operators can match it against the CLI output.
    pub fn plan_line(&self) -> String {
        let mut s = String::from("Plan: ");
        if self.import > 0 {
            s.push_str(&format!("{} to import, ", self.import));
        }
        s.push_str(&format!(
            "{} to add, {} to change, {} to destroy.",
            self.add, self.change, self.destroy
        ));
        if self.invoke > 0 {
            s.push_str(&format!(" Actions: {} to invoke.", self.invoke));
        }
        s
    }
}

/// What will happen to one resource instance, folded from Terraform's `actions` array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Delete,
    Replace,
    CreateThenForget,
    Forget,
    Update,
    Create,
    Read,
    NoOp,
    Unknown,
}

impl Action {
    pub fn from_actions(actions: &[String]) -> Action {
        let a: Vec<&str> = actions.iter().map(String::as_str).collect();
        match a.as_slice() {
            ["create"] => Action::Create,
            ["update"] => Action::Update,
            ["delete"] => Action::Delete,
            ["delete", "create"] | ["create", "delete"] => Action::Replace,
            ["create", "forget"] | ["forget", "create"] => Action::CreateThenForget,
            ["forget"] => Action::Forget,
            ["read"] => Action::Read,
            ["no-op"] | [] => Action::NoOp,
            _ => Action::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Replace => "replace",
            Action::CreateThenForget => "create-then-forget",
            Action::Forget => "forget",
            Action::Read => "read",
            Action::NoOp => "no-op",
            Action::Unknown => "unknown",
        }
    }

    /// The symbol Terraform prints in front of a resource, for familiarity.
    pub fn symbol(self) -> &'static str {
        match self {
            Action::Create => "+",
            Action::Update => "~",
            Action::Delete => "-",
            Action::Replace => "-/+",
            Action::CreateThenForget => "+/.",
            Action::Forget => ".",
            Action::Read => "<=",
            Action::NoOp => " ",
            Action::Unknown => "?",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Value>,
    /// The import id is not known until apply (`import` blocks with computed ids).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unknown: bool,
    /// Terraform generated configuration for it (`-generate-config-out`); never printed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub generated_config: bool,
}

/// One changed leaf attribute. `before`/`after` are absent when the side is null or missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttrChange {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_unknown: bool,
    /// Marked sensitive by Terraform, or masked because its name says secret; values withheld.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub forces_replacement: bool,
}

/// A resource instance in `resource_changes`, `resource_drift` or `deferred_changes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceEntry {
    pub plan: usize,
    pub address: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
    pub mode: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    pub action: Action,
    pub actions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replace_order: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deposed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replace_paths: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportInfo>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub tags_only: bool,
    /// Drift only: whether the drifted attributes feed into this plan (`relevant_attributes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevant: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttrChange>,
}

impl ResourceEntry {
    /// The label people read: a no-op that only moves or imports says so.
    pub fn label(&self) -> &'static str {
        match self.action {
            Action::NoOp if self.import.is_some() => "import",
            Action::NoOp if self.is_moved() => "move",
            a => a.label(),
        }
    }

    pub fn is_moved(&self) -> bool {
        self.previous_address
            .as_deref()
            .is_some_and(|p| p != self.address)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputEntry {
    pub plan: usize,
    pub name: String,
    pub action: Action,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_unknown: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|v| v.label().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub plan: usize,
    pub rule: String,
    pub rule_name: String,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckEntry {
    pub address: String,
    pub kind: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionInvocationEntry {
    pub address: String,
    #[serde(rename = "type")]
    pub action_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
}

/// Per-document facts; a terragrunt stream yields one per plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub index: usize,
    pub format_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terraform_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// HCP Terraform's redacted JSON (`plan_format_version`) rather than `terraform show -json`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hcp_redacted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errored: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complete: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applyable: Option<bool>,
    pub summary: Summary,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferred: Vec<ResourceEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_invocations: Vec<ActionInvocationEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolInfo {
    pub name: String,
    pub version: String,
}

/// The CI verdict, filled in by the command from flags and config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<Severity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_destroy: Option<u64>,
    pub failed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: ToolInfo,
    pub source: String,
    pub summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<Gate>,
    pub plans: Vec<PlanInfo>,
    pub changes: Vec<ResourceEntry>,
    pub drift: Vec<ResourceEntry>,
    pub outputs: Vec<OutputEntry>,
    pub findings: Vec<Finding>,
}

impl Report {
    /// Most severe first; within a severity, in plan order.
    pub fn sort_findings(&mut self) {
        self.findings
            .sort_by(|a, b| b.severity.cmp(&a.severity).then(a.plan.cmp(&b.plan)));
    }

    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
