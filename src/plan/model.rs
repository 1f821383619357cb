//! Serde types for the parts of Terraform's JSON plan that we read. Values stay raw JSON
//! until the analysis needs them, which keeps creates and no-ops in a large plan cheap.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

/// A raw JSON value borrowed from the piece being read; `None` when absent or `null`.
pub type Raw<'a> = Option<&'a RawValue>;

/// Parses a raw value on demand. Numbers of any size are kept (`arbitrary_precision`); what
/// still fails (a lone surrogate escape, nesting deeper than 128) is an error, never a silent
/// `null`: a value we cannot read is a value whose secrets we cannot mask.
pub fn parse_raw(raw: Raw<'_>) -> Result<Value, serde_json::Error> {
    match raw {
        None => Ok(Value::Null),
        Some(r) => serde_json::from_str(r.get()),
    }
}

/// True when a sensitivity or unknown marker marks nothing (`false`, `{}`, `[]`, absent).
pub fn marker_is_empty(raw: Raw<'_>) -> bool {
    raw.is_none_or(|r| memchr::memmem::find(r.get().as_bytes(), b"true").is_none())
}

/// Every field is optional: Go omits empty ones, and Terraform 0.15.4–1.0.0 write
/// `resource_drift` entries without `address` (and without `index`); `plan::address` fills in
/// what is missing.
#[derive(Debug, Deserialize)]
pub struct ResourceChange<'a> {
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub previous_address: Option<String>,
    #[serde(default)]
    pub module_address: Option<String>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(rename = "type", default)]
    pub resource_type: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    /// A number or a string; absent for resources without `count` or `for_each`.
    #[serde(default)]
    pub index: Option<Value>,
    /// Terraform 1.10+: a deferred instance whose key is not known yet.
    #[serde(default)]
    pub index_unknown: bool,
    #[serde(default)]
    pub provider_name: Option<String>,
    #[serde(default)]
    pub deposed: Option<String>,
    /// Always written by Terraform; without it the entry's actions are unknown and it is not
    /// counted (with a warning), like an unrecognised action list.
    #[serde(default, borrow)]
    pub change: Change<'a>,
    #[serde(default)]
    pub action_reason: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Change<'a> {
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default, borrow)]
    pub before: Raw<'a>,
    #[serde(default, borrow)]
    pub after: Raw<'a>,
    #[serde(default, borrow)]
    pub after_unknown: Raw<'a>,
    #[serde(default, borrow)]
    pub before_sensitive: Raw<'a>,
    #[serde(default, borrow)]
    pub after_sensitive: Raw<'a>,
    #[serde(default)]
    pub replace_paths: Option<Vec<Vec<Value>>>,
    #[serde(default)]
    pub importing: Option<Importing>,
    #[serde(default)]
    pub generated_config: Option<IgnoredPresent>,
}

#[derive(Debug, Deserialize)]
pub struct Importing {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub identity: Option<Value>,
    #[serde(default)]
    pub unknown: Option<bool>,
}

/// Records that a field was present without keeping its content (generated HCL can hold
/// secrets, and we never print it).
#[derive(Debug)]
pub struct IgnoredPresent;

impl<'de> Deserialize<'de> for IgnoredPresent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d)?;
        Ok(IgnoredPresent)
    }
}

#[derive(Debug, Deserialize)]
pub struct OutputChange {
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub before: Value,
    #[serde(default)]
    pub after: Value,
    #[serde(default)]
    pub after_unknown: Value,
    #[serde(default)]
    pub before_sensitive: Value,
    #[serde(default)]
    pub after_sensitive: Value,
}

#[derive(Debug, Deserialize)]
pub struct RelevantAttribute {
    #[serde(default)]
    pub resource: String,
    #[serde(default)]
    pub attribute: Vec<Value>,
}

#[derive(Debug, Deserialize)]
pub struct VariableValue {
    #[serde(default)]
    pub value: Value,
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfigVariable {
    #[serde(default)]
    pub sensitive: bool,
}

#[derive(Debug, Deserialize)]
pub struct CheckResult {
    #[serde(default)]
    pub address: CheckAddress,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub instances: Vec<CheckInstance>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CheckAddress {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub to_display: String,
}

#[derive(Debug, Deserialize)]
pub struct CheckInstance {
    #[serde(default)]
    pub address: CheckAddress,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub problems: Vec<CheckProblem>,
}

#[derive(Debug, Deserialize)]
pub struct CheckProblem {
    #[serde(default)]
    pub message: String,
}

/// Terraform 1.2–1.3's experimental `condition_results`.
#[derive(Debug, Deserialize)]
pub struct ConditionResult {
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub condition_type: String,
    #[serde(default)]
    pub result: Option<bool>,
    #[serde(default)]
    pub unknown: bool,
    #[serde(default)]
    pub error_message: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DeferredChange<'a> {
    #[serde(default)]
    pub reason: String,
    /// Always written by Terraform; when missing, the entry is reported as unreadable.
    #[serde(default, borrow)]
    pub resource_change: Option<ResourceChange<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct ActionInvocation {
    #[serde(default)]
    pub address: String,
    #[serde(rename = "type", default)]
    pub action_type: String,
    #[serde(default)]
    pub provider_name: Option<String>,
    #[serde(default)]
    pub config_values: Value,
    #[serde(default)]
    pub config_sensitive: Value,
    #[serde(default)]
    pub lifecycle_action_trigger: Option<LifecycleTrigger>,
    #[serde(default)]
    pub invoke_action_trigger: Option<IgnoredPresent>,
}

#[derive(Debug, Deserialize)]
pub struct LifecycleTrigger {
    #[serde(default)]
    pub triggering_resource_address: String,
    #[serde(default)]
    pub action_trigger_event: String,
}
