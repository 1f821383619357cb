//! Walks one plan document key by key with the structural scanner: `resource_changes` and
//! `resource_drift` are parsed one element at a time as they stream past, the small sections
//! are parsed whole, and the bulky ones (`planned_values`, `prior_state`, most of
//! `configuration`) are skipped without being parsed or kept.

use std::collections::BTreeMap;

use super::analyze::{Accumulator, Section};
use super::error::PlanError;
use super::input::{json_error, Documents, Mark};
use super::model::{
    ActionInvocation, CheckResult, ConditionResult, ConfigVariable, DeferredChange, OutputChange,
    RelevantAttribute, ResourceChange, VariableValue,
};

fn unreadable(detail: String, mark: &Mark, index: usize) -> PlanError {
    PlanError::Shape {
        document: index + 1,
        detail,
        position: mark.translate(1, 1),
    }
}

/// Names the entry a problem is in: "entry 3 of resource_drift: ...".
fn entry(section: &str, n: usize, detail: String) -> String {
    format!("entry {n} of {section}: {detail}")
}

/// Reads the document starting at the scanner's position into `acc`.
pub fn read_document(
    docs: &mut Documents<'_>,
    acc: &mut Accumulator,
    index: usize,
) -> Result<(), PlanError> {
    let mut scratch = Vec::new();
    docs.members(|d, key| {
        acc.saw_key(&key);
        match key.as_str() {
            "format_version" | "plan_format_version" => {
                let v: String = d.parse(index, &mut scratch)?;
                acc.set_format_version(v, key == "plan_format_version");
                if let Some(e) = acc.take_fatal() {
                    return Err(e);
                }
            }
            "terraform_version" => acc.meta.terraform_version = d.parse(index, &mut scratch)?,
            "timestamp" => acc.meta.timestamp = d.parse(index, &mut scratch)?,
            "errored" => acc.meta.errored = d.parse(index, &mut scratch)?,
            "complete" => acc.meta.complete = d.parse(index, &mut scratch)?,
            "applyable" => acc.meta.applyable = d.parse(index, &mut scratch)?,
            "variables" => {
                let v: Option<BTreeMap<String, VariableValue>> = d.parse(index, &mut scratch)?;
                acc.variables = v.unwrap_or_default();
            }
            "resource_changes" | "resource_drift" => {
                let section = if key == "resource_changes" {
                    Section::Changes
                } else {
                    Section::Drift
                };
                let mut n = 0;
                d.elements(|bytes, mark| {
                    n += 1;
                    let rc: ResourceChange =
                        serde_json::from_slice(bytes).map_err(|e| json_error(e, &mark, index))?;
                    acc.resource_change(section, rc)
                        .map_err(|detail| unreadable(entry(&key, n, detail), &mark, index))
                })?;
            }
            "deferred_changes" => {
                let mut n = 0;
                d.elements(|bytes, mark| {
                    n += 1;
                    let dc: DeferredChange =
                        serde_json::from_slice(bytes).map_err(|e| json_error(e, &mark, index))?;
                    acc.deferred_change(dc)
                        .map_err(|detail| unreadable(entry(&key, n, detail), &mark, index))
                })?;
            }
            "output_changes" => {
                let v: Option<BTreeMap<String, OutputChange>> = d.parse(index, &mut scratch)?;
                for (name, change) in v.unwrap_or_default() {
                    acc.output_change(name, change);
                }
            }
            "relevant_attributes" => {
                let v: Option<Vec<RelevantAttribute>> = d.parse(index, &mut scratch)?;
                acc.relevant_attributes = v.unwrap_or_default();
            }
            "configuration" => {
                // Only `root_module.variables` matters: which variables are sensitive.
                d.members(|d, key| {
                    if key != "root_module" {
                        return d.value(None);
                    }
                    d.members(|d, key| {
                        if key != "variables" {
                            return d.value(None);
                        }
                        let v: Option<BTreeMap<String, ConfigVariable>> =
                            d.parse(index, &mut scratch)?;
                        acc.sensitive_variables = v
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|(_, v)| v.sensitive)
                            .map(|(k, _)| k)
                            .collect();
                        Ok(())
                    })
                })?;
            }
            "checks" => {
                let v: Option<Vec<CheckResult>> = d.parse(index, &mut scratch)?;
                acc.checks(v.unwrap_or_default());
            }
            "condition_results" => {
                let v: Option<Vec<ConditionResult>> = d.parse(index, &mut scratch)?;
                acc.condition_results(v.unwrap_or_default());
            }
            "action_invocations" => {
                let v: Option<Vec<ActionInvocation>> = d.parse(index, &mut scratch)?;
                acc.action_invocations(v.unwrap_or_default());
            }
            _ => d.value(None)?,
        }
        Ok(())
    })
}
