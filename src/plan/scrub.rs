//! A redacted copy of the plan itself, for `--save-plan`: every place Terraform marks
//! sensitive (changes, drift, deferred changes, outputs, state values, variables), every
//! secret-named attribute, and every copy of those values anywhere else are masked before
//! the plan is kept.

use std::collections::HashSet;

use serde_json::Value;

use super::diff::{collect_all, is_secret_name, is_true};
use super::error::PlanError;
use super::input::{sniff, Sniffed};
use super::redact::{Redactor, MASK};

/// Re-reads the plan bytes that were analysed and returns them redacted, one JSON document
/// per line (a terragrunt stream stays a stream). Secrets found in any document are masked in
/// every document, as the report does: one module's sensitive output is often another's
/// plain input.
pub fn redacted_plan(bytes: &[u8], mask_secret_names: bool) -> Result<Vec<u8>, PlanError> {
    let (plans, _) = documents(bytes, mask_secret_names, true)?;
    let mut out = Vec::with_capacity(bytes.len() / 2);
    for doc in plans {
        serde_json::to_writer(&mut out, &doc).expect("writing to a Vec cannot fail");
        out.push(b'\n');
    }
    Ok(out)
}

/// Every document in the plan bytes, masked when `masked` (else as Terraform wrote them), and
/// the secret strings found in them, so that text derived from the documents (a policy's
/// messages) can be masked whether or not the documents were.
pub fn documents(
    bytes: &[u8],
    mask_secret_names: bool,
    masked: bool,
) -> Result<(Vec<Value>, HashSet<String>), PlanError> {
    let mut secrets = HashSet::new();
    if !masked {
        // The secrets come from a masked pass whose documents are dropped one by one, so the
        // unmasked documents are never held twice.
        for_each_document(bytes, |mut doc| {
            mask_marked(&mut doc, mask_secret_names, &mut secrets);
            Ok(())
        })?;
        let mut plans = Vec::new();
        for_each_document(bytes, |doc| {
            plans.push(doc);
            Ok(())
        })?;
        return Ok((plans, secrets));
    }
    let mut plans = Vec::new();
    for_each_document(bytes, |mut doc| {
        mask_marked(&mut doc, mask_secret_names, &mut secrets);
        plans.push(doc);
        Ok(())
    })?;
    let redactor = Redactor::new(&secrets);
    for doc in &mut plans {
        redactor.value(doc);
    }
    Ok((plans, secrets))
}

fn for_each_document(
    bytes: &[u8],
    mut each: impl FnMut(Value) -> Result<(), PlanError>,
) -> Result<(), PlanError> {
    let reader = Box::new(std::io::Cursor::new(bytes));
    let Sniffed::Text(mut docs) = sniff(reader).map_err(PlanError::io)? else {
        return Err(PlanError::Empty);
    };
    let mut scratch = Vec::new();
    let mut n = 0;
    while docs.next_document()?.is_some() {
        n += 1;
        each(docs.parse(n, &mut scratch)?)?;
    }
    Ok(())
}

/// Masks one plan document in place.
pub fn redact_document(doc: &mut Value, mask_secret_names: bool) {
    let mut secrets = HashSet::new();
    mask_marked(doc, mask_secret_names, &mut secrets);
    Redactor::new(&secrets).value(doc);
}

/// Masks what Terraform marks sensitive (and, with `by_name`, secret-named values) in one
/// document, collecting the masked strings so that their copies can be masked everywhere.
/// Only values are touched: plan structure (actions, types, references) stays readable.
fn mask_marked(doc: &mut Value, by_name: bool, secrets: &mut HashSet<String>) {
    let sensitive_vars = sensitive_variables(doc);
    let hidden = |name: &str| sensitive_vars.contains(name) || (by_name && is_secret_name(name));
    for (at, field) in [
        ("/variables", "value"),
        ("/configuration/root_module/variables", "default"),
    ] {
        if let Some(vars) = doc.pointer_mut(at).and_then(Value::as_object_mut) {
            for (name, v) in vars.iter_mut() {
                if let Some(x) = v.get_mut(field).filter(|_| hidden(name)) {
                    mask(x, secrets);
                }
            }
        }
    }
    for change in resource_changes_mut(doc) {
        change_values(change, by_name, secrets);
    }
    if let Some(outputs) = doc.get_mut("output_changes").and_then(Value::as_object_mut) {
        for (name, change) in outputs.iter_mut() {
            if by_name && is_secret_name(name) {
                for side in ["before", "after"] {
                    if let Some(v) = change.get_mut(side) {
                        mask(v, secrets);
                    }
                }
            }
            change_values(change, false, secrets);
        }
    }
    for key in ["planned_values", "prior_state"] {
        if let Some(state) = doc.get_mut(key) {
            state_values(state, by_name, secrets);
        }
    }
    for inv in array_mut(doc, "action_invocations") {
        let marks = inv.get("config_sensitive").cloned().unwrap_or(Value::Null);
        if let Some(v) = inv.get_mut("config_values") {
            values(v, &marks, by_name, secrets);
        }
    }
    if let Some(config) = doc.get_mut("configuration") {
        configuration(config, secrets);
    }
}

/// The `change` objects of resource changes, drift and deferred changes.
fn resource_changes_mut(doc: &mut Value) -> Vec<&mut Value> {
    let Some(o) = doc.as_object_mut() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, list) in o.iter_mut() {
        let Some(list) = list.as_array_mut() else {
            continue;
        };
        match key.as_str() {
            "resource_changes" | "resource_drift" => {
                out.extend(list.iter_mut().filter_map(|rc| rc.get_mut("change")))
            }
            "deferred_changes" => out.extend(
                list.iter_mut()
                    .filter_map(|d| d.pointer_mut("/resource_change/change")),
            ),
            _ => {}
        }
    }
    out
}

fn array_mut<'a>(doc: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    doc.get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

fn sensitive_variables(doc: &Value) -> HashSet<String> {
    doc.pointer("/configuration/root_module/variables")
        .and_then(Value::as_object)
        .map(|vars| {
            vars.iter()
                .filter(|(_, v)| v.get("sensitive").is_some_and(is_true))
                .map(|(k, _)| k.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The configuration holds literals from the `.tf` files: a sensitive output's expression,
/// and anything assigned to a secret-named argument (resource, provider or module input), at
/// every module depth. Only `constant_value`s are masked: references stay readable.
fn configuration(v: &mut Value, secrets: &mut HashSet<String>) {
    match v {
        Value::Object(o) => {
            let sensitive = o.get("sensitive").is_some_and(is_true);
            for (k, x) in o.iter_mut() {
                if is_secret_name(k) || (sensitive && k == "expression") {
                    constants(x, secrets);
                } else {
                    configuration(x, secrets);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| configuration(x, secrets)),
        _ => {}
    }
}

fn constants(v: &mut Value, secrets: &mut HashSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "constant_value" {
                    mask(x, secrets);
                } else {
                    constants(x, secrets);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| constants(x, secrets)),
        _ => {}
    }
}

/// `before`/`after` of a change under their `*_sensitive` markers.
fn change_values(change: &mut Value, by_name: bool, secrets: &mut HashSet<String>) {
    for (value, marker) in [("before", "before_sensitive"), ("after", "after_sensitive")] {
        let marks = change.get(marker).cloned().unwrap_or(Value::Null);
        if let Some(v) = change.get_mut(value) {
            values(v, &marks, by_name, secrets);
        }
    }
}

/// A resource's values: what the markers say, then (with `by_name`) secret-named attributes.
fn values(v: &mut Value, marks: &Value, by_name: bool, secrets: &mut HashSet<String>) {
    marked(v, marks, secrets);
    if by_name {
        named_values(v, secrets);
    }
}

/// A state tree (`planned_values`, `prior_state`): outputs say `sensitive`, resources carry
/// `sensitive_values` markers, modules nest.
fn state_values(state: &mut Value, by_name: bool, secrets: &mut HashSet<String>) {
    let root = match state.get_mut("values") {
        Some(v) => v,
        None => state,
    };
    if let Some(outputs) = root.get_mut("outputs").and_then(Value::as_object_mut) {
        for (name, o) in outputs.iter_mut() {
            let hidden =
                o.get("sensitive").is_some_and(is_true) || (by_name && is_secret_name(name));
            if let Some(v) = o.get_mut("value").filter(|_| hidden) {
                mask(v, secrets);
            }
        }
    }
    if let Some(module) = root.get_mut("root_module") {
        module_values(module, by_name, secrets);
    }
}

fn module_values(module: &mut Value, by_name: bool, secrets: &mut HashSet<String>) {
    for r in array_mut(module, "resources") {
        let marks = r.get("sensitive_values").cloned().unwrap_or(Value::Null);
        if let Some(v) = r.get_mut("values") {
            values(v, &marks, by_name, secrets);
        }
    }
    for child in array_mut(module, "child_modules") {
        module_values(child, by_name, secrets);
    }
}

/// Masks every part of `value` that `marks` (Terraform's sensitivity tree) says is sensitive.
fn marked(value: &mut Value, marks: &Value, secrets: &mut HashSet<String>) {
    if is_true(marks) {
        mask(value, secrets);
        return;
    }
    match (value, marks) {
        (Value::Object(o), Value::Object(m)) => {
            for (k, v) in o.iter_mut() {
                if let Some(mk) = m.get(k) {
                    marked(v, mk, secrets);
                }
            }
        }
        (Value::Array(a), Value::Array(m)) => {
            for (v, mk) in a.iter_mut().zip(m) {
                marked(v, mk, secrets);
            }
        }
        _ => {}
    }
}

/// Within a resource's values: scalars under secret-named keys are masked.
fn named_values(v: &mut Value, secrets: &mut HashSet<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if is_secret_name(k) {
                    mask_scalars(x, secrets);
                } else {
                    named_values(x, secrets);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| named_values(x, secrets)),
        _ => {}
    }
}

fn mask_scalars(v: &mut Value, secrets: &mut HashSet<String>) {
    match v {
        Value::String(_) | Value::Number(_) => mask(v, secrets),
        Value::Object(o) => o.values_mut().for_each(|x| mask_scalars(x, secrets)),
        Value::Array(a) => a.iter_mut().for_each(|x| mask_scalars(x, secrets)),
        _ => {}
    }
}

/// Replaces a value wholly (keys of a sensitive map included) and remembers its strings so
/// that copies elsewhere are masked too. `null` stays `null`: it hides nothing.
fn mask(v: &mut Value, secrets: &mut HashSet<String>) {
    if v.is_null() || v.as_str() == Some(MASK) {
        return;
    }
    collect_all(v, secrets);
    *v = Value::String(MASK.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRETS: [&str; 9] = [
        "var-secret-1",
        "var-default-2",
        "change-before-3",
        "change-after-4",
        "drift-5",
        "output-6",
        "state-7",
        "deferred-8",
        "named-9",
    ];

    fn plan() -> Value {
        json!({
            "format_version": "1.2",
            "variables": {"db": {"value": "var-secret-1"}, "region": {"value": "eu-west-1"}},
            "configuration": {
                "provider_config": {"aws": {"expressions": {
                    "secret_key": {"constant_value": "provider-11"},
                    "region": {"constant_value": "eu-west-1"}}}},
                "root_module": {"variables": {
                    "db": {"sensitive": true, "default": "var-default-2"}, "region": {}}}},
            "resource_changes": [{"address": "a.b", "change": {
                "actions": ["update"],
                "before": {"pw": "change-before-3", "name": "x", "list": ["state-7"]},
                "after": {"pw": "change-after-4", "name": "x", "copy": "has change-after-4 inside"},
                "before_sensitive": {"pw": true, "list": [true]},
                "after_sensitive": {"pw": true}}}],
            "resource_drift": [{"address": "a.c", "change": {
                "before": {"k": {"m": "drift-5"}}, "after": {}, "before_sensitive": {"k": true}}}],
            "deferred_changes": [{"resource_change": {"change": {
                "after": "deferred-8", "after_sensitive": true}}}],
            "output_changes": {"o": {"actions": ["create"], "before": null, "after": "output-6",
                "after_sensitive": true, "before_sensitive": false}},
            "planned_values": {"outputs": {"o": {"sensitive": true, "value": "output-6"}},
                "root_module": {"child_modules": [{"resources": [{
                    "values": {"s": "state-7", "db_password": "named-9"},
                    "sensitive_values": {"s": true}}]}]}},
            "prior_state": {"values": {"outputs": {"o": {"sensitive": true, "value": "output-6"}}}},
            "action_invocations": [{"address": "action.x.y", "config_values": {"t": "action-10"},
                "config_sensitive": {"t": true}}]
        })
    }

    #[test]
    fn every_marked_value_and_its_copies_are_masked() {
        let mut doc = plan();
        redact_document(&mut doc, true);
        let text = doc.to_string();
        for s in SECRETS {
            assert!(!text.contains(s), "{s} survived: {text}");
        }
        // Not secret: left alone, so the saved plan stays useful.
        assert!(text.contains("eu-west-1") && text.contains("\"name\":\"x\""));
        assert_eq!(
            doc["resource_changes"][0]["change"]["after_sensitive"]["pw"],
            json!(true)
        );
    }

    #[test]
    fn secret_names_are_kept_when_name_masking_is_off() {
        let mut doc = plan();
        redact_document(&mut doc, false);
        assert!(doc.to_string().contains("named-9"));
        assert!(!doc.to_string().contains("state-7"));
    }

    #[test]
    fn a_secret_of_one_document_is_masked_in_the_others() {
        let first = json!({"output_changes": {"pw": {"after": "cross-doc-secret",
            "after_sensitive": true}}});
        let second = json!({"variables": {"input": {"value": "cross-doc-secret"}}});
        let input = format!("{first}\n{second}\n");
        let out = String::from_utf8(redacted_plan(input.as_bytes(), false).unwrap()).unwrap();
        assert!(!out.contains("cross-doc-secret"), "{out}");
    }

    #[test]
    fn structure_under_secret_named_outputs_stays_readable() {
        let mut doc = json!({
            "output_changes": {"db_password": {"actions": ["create"], "after": "pw-value",
                "after_sensitive": false}},
            "resource_changes": [{"change": {"actions": ["create"], "after": {"x": 1}}}]
        });
        redact_document(&mut doc, true);
        assert_eq!(
            doc["output_changes"]["db_password"]["actions"],
            json!(["create"])
        );
        assert_eq!(
            doc["resource_changes"][0]["change"]["actions"],
            json!(["create"])
        );
        assert!(!doc.to_string().contains("pw-value"));
    }

    #[test]
    fn streams_stay_streams() {
        let one = plan().to_string();
        let input = format!("::group::plan\n{one}\n{one}\n");
        let out = redacted_plan(input.as_bytes(), true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(!text.contains("var-secret-1"));
    }
}
