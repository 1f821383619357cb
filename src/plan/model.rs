//! Serde types for the parts of Terraform's JSON plan that we read. Values stay raw JSON
//! until the analysis needs them, which keeps creates and no-ops in a large plan cheap.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

/// A raw JSON value; `None` when absent or `null`.
pub type Raw = Option<Box<RawValue>>;

/// Parses a raw value on demand. Raw values came out of a successful parse, so this only
/// fails on numbers serde_json cannot hold, which we treat as absent.
pub fn parse_raw(raw: &Raw) -> Value {
    raw.as_ref()
        .and_then(|r| serde_json::from_str(r.get()).ok())
        .unwrap_or(Value::Null)
}

/// True when a sensitivity or unknown marker marks nothing (`false`, `{}`, `[]`, absent).
pub fn marker_is_empty(raw: &Raw) -> bool {
    match raw {
        None => true,
        Some(r) => !r.get().contains("true"),
    }
}

#[derive(Debug, Deserialize)]
pub struct ResourceChange {
    pub address: String,
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
    #[serde(default)]
    pub provider_name: Option<String>,
    #[serde(default)]
    pub deposed: Option<String>,
    pub change: Change,
    #[serde(default)]
    pub action_reason: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Change {
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub before: Raw,
    #[serde(default)]
    pub after: Raw,
    #[serde(default)]
    pub after_unknown: Raw,
    #[serde(default)]
    pub before_sensitive: Raw,
    #[serde(default)]
    pub after_sensitive: Raw,
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
    pub before: Raw,
    #[serde(default)]
    pub after: Raw,
    #[serde(default)]
    pub after_unknown: Raw,
    #[serde(default)]
    pub before_sensitive: Raw,
    #[serde(default)]
    pub after_sensitive: Raw,
}

#[derive(Debug, Deserialize)]
pub struct RelevantAttribute {
    pub resource: String,
    #[serde(default)]
    pub attribute: Vec<Value>,
}

#[derive(Debug, Deserialize)]
pub struct VariableValue {
    #[serde(default)]
    pub value: Value,
}

/// Only what masking needs from `configuration`: which root variables are sensitive.
#[derive(Debug, Default, Deserialize)]
pub struct Configuration {
    #[serde(default)]
    pub root_module: ConfigModule,
}

#[derive(Debug, Default, Deserialize)]
pub struct ConfigModule {
    #[serde(default)]
    pub variables: BTreeMap<String, ConfigVariable>,
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
pub struct DeferredChange {
    #[serde(default)]
    pub reason: String,
    pub resource_change: ResourceChange,
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
