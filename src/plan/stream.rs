//! Walks one plan document key by key and element by element, so that `resource_changes`
//! is analysed as it streams past and the bulky sections (`planned_values`, `prior_state`,
//! most of `configuration`) are skipped without being built in memory.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::analyze::{Accumulator, Section};
use super::model::{
    ActionInvocation, CheckResult, ConditionResult, Configuration, DeferredChange, OutputChange,
    RelevantAttribute, ResourceChange, VariableValue,
};

/// Marker message for an abort whose real error is stored on the accumulator.
pub const ABORT: &str = "cloudops: analysis aborted";

pub struct PlanSeed<'a>(pub &'a mut Accumulator);

impl<'de> DeserializeSeed<'de> for PlanSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(PlanVisitor(self.0))
    }
}

struct PlanVisitor<'a>(&'a mut Accumulator);

impl<'de> Visitor<'de> for PlanVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Terraform plan object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let acc = self.0;
        while let Some(key) = map.next_key::<String>()? {
            acc.saw_key(&key);
            match key.as_str() {
                "format_version" | "plan_format_version" => {
                    let v: String = map.next_value()?;
                    acc.set_format_version(v, key == "plan_format_version");
                    if acc.failed() {
                        return Err(A::Error::custom(ABORT));
                    }
                }
                "terraform_version" => acc.meta.terraform_version = map.next_value()?,
                "timestamp" => acc.meta.timestamp = map.next_value()?,
                "errored" => acc.meta.errored = map.next_value()?,
                "complete" => acc.meta.complete = map.next_value()?,
                "applyable" => acc.meta.applyable = map.next_value()?,
                "variables" => {
                    let v: Option<BTreeMap<String, VariableValue>> = map.next_value()?;
                    acc.variables = v.unwrap_or_default();
                }
                "resource_changes" => map.next_value_seed(ChangesSeed(acc, Section::Changes))?,
                "resource_drift" => map.next_value_seed(ChangesSeed(acc, Section::Drift))?,
                "output_changes" => {
                    let v: Option<BTreeMap<String, OutputChange>> = map.next_value()?;
                    for (name, change) in v.unwrap_or_default() {
                        acc.output_change(name, change);
                    }
                }
                "relevant_attributes" => {
                    let v: Option<Vec<RelevantAttribute>> = map.next_value()?;
                    acc.relevant_attributes = v.unwrap_or_default();
                }
                "configuration" => {
                    let v: Option<Configuration> = map.next_value()?;
                    acc.configuration = v.unwrap_or_default();
                }
                "checks" => {
                    let v: Option<Vec<CheckResult>> = map.next_value()?;
                    acc.checks(v.unwrap_or_default());
                }
                "condition_results" => {
                    let v: Option<Vec<ConditionResult>> = map.next_value()?;
                    acc.condition_results(v.unwrap_or_default());
                }
                "deferred_changes" => {
                    let v: Option<Vec<DeferredChange>> = map.next_value()?;
                    for d in v.unwrap_or_default() {
                        acc.deferred_change(d);
                    }
                }
                "action_invocations" => {
                    let v: Option<Vec<ActionInvocation>> = map.next_value()?;
                    acc.action_invocations(v.unwrap_or_default());
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct ChangesSeed<'a>(&'a mut Accumulator, Section);

impl<'de> DeserializeSeed<'de> for ChangesSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(ChangesVisitor(self.0, self.1))
    }
}

struct ChangesVisitor<'a>(&'a mut Accumulator, Section);

impl<'de> Visitor<'de> for ChangesVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of resource changes")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(rc) = seq.next_element::<ResourceChange>()? {
            self.0.resource_change(self.1, rc);
        }
        Ok(())
    }
}
