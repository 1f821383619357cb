//! Every shared fixture's counts, checked against numbers verified by reading the files and
//! applying Terraform's own counting rules (managed resources only; a replace is one add and
//! one destroy; imports, forgets, moves and data-source reads counted separately).

mod support;

use serde_json::Value;

/// add, change, destroy, replace, import, forget, move, read, drift, output changes
type Counts = (u64, u64, u64, u64, u64, u64, u64, u64, u64, u64);

const EXPECTED: &[(&str, Counts)] = &[
    (
        "cds-terraform-plan__test__import__import.json",
        (1, 0, 0, 0, 2, 0, 0, 0, 0, 0),
    ),
    (
        "checkov__tests__terraform__runner__resources__plan_with_deleted_resources__tfplan.json",
        (1, 0, 1, 1, 0, 0, 0, 0, 0, 0),
    ),
    (
        "checkov__tests__terraform__runner__tfplan2.json",
        (55, 0, 0, 0, 0, 0, 0, 0, 0, 10),
    ),
    (
        "infracost__cmd__infracost__testdata__plan_with_target.json",
        (0, 1, 0, 0, 0, 0, 0, 0, 1, 0),
    ),
    (
        "opentofu__equivalence-tests__drift_relevant_attributes__plan.json",
        (0, 2, 0, 0, 0, 0, 0, 0, 1, 0),
    ),
    (
        "opentofu__equivalence-tests__variables_and_outputs__plan.json",
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 5),
    ),
    (
        "opentofu__show-json__basic-delete.json",
        (0, 1, 1, 0, 0, 0, 0, 0, 0, 1),
    ),
    (
        "opentofu__show-json__drift.json",
        (0, 2, 0, 0, 0, 0, 0, 0, 1, 0),
    ),
    (
        "opentofu__show-json__plan-error.json",
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ),
    (
        "opentofu__show-json__requires-replace.json",
        (1, 0, 1, 1, 0, 0, 0, 0, 0, 0),
    ),
    (
        "opentofu__show-json__sensitive-values.json",
        (1, 0, 0, 0, 0, 0, 0, 0, 0, 1),
    ),
    (
        "opentofu__show-json__unknown-output.json",
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 3),
    ),
    (
        "terraform-json__testdata__actions__plan.json",
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ),
    (
        "terraform-json__testdata__has_checks__plan.json",
        (2, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ),
    (
        "terraform-json__testdata__identity__plan.json",
        (0, 1, 0, 0, 1, 0, 0, 0, 0, 0),
    ),
    (
        "terraform-plan-comment__tests__fixtures__basic__3-remove__plan.json",
        (0, 0, 0, 0, 0, 1, 0, 0, 0, 0),
    ),
    (
        "terraform-plan-comment__tests__fixtures__basic__7-create-hundreds__plan.json",
        (300, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    ),
    (
        "tf-summarize__example__tfplan.json",
        (7, 0, 0, 0, 0, 0, 0, 0, 3, 1),
    ),
];

fn n(s: &Value, k: &str) -> u64 {
    s[k].as_u64()
        .unwrap_or_else(|| panic!("summary.{k} is an integer"))
}

#[test]
fn every_fixture_counts_as_terraform_does() {
    let fixtures = support::plan_fixtures();
    assert_eq!(
        fixtures.len(),
        EXPECTED.len(),
        "a fixture was added or removed: add its verified counts here"
    );
    for (name, expected) in EXPECTED {
        let r = support::analyze_json(&support::fixture(name), &[]);
        let s = &r["summary"];
        let got = (
            n(s, "add"),
            n(s, "change"),
            n(s, "destroy"),
            n(s, "replace"),
            n(s, "import"),
            n(s, "forget"),
            n(s, "move"),
            n(s, "read"),
            n(s, "drift"),
            n(s, "output_changes"),
        );
        assert_eq!(got, *expected, "{name}");
        assert_eq!(r["schema_version"], 1, "{name}");
        for key in ["changes", "drift", "outputs", "findings"] {
            assert!(r[key].is_array(), "{name}: {key} is an array");
        }
    }
}

#[test]
fn import_by_id_and_by_identity_are_explained() {
    let r = support::analyze_json(
        &support::fixture("cds-terraform-plan__test__import__import.json"),
        &[],
    );
    let ids: Vec<&str> = r["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["import"]["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"/aws/lambda/aws-controltower-NotificationForwarder"),
        "{ids:?}"
    );
    let r = support::analyze_json(
        &support::fixture("terraform-json__testdata__identity__plan.json"),
        &[],
    );
    assert_eq!(
        r["changes"][0]["import"]["identity"]["email"],
        "a@example.com"
    );
}

#[test]
fn replace_explains_reason_order_and_paths() {
    let r = support::analyze_json(
        &support::fixture("opentofu__show-json__requires-replace.json"),
        &[],
    );
    let c = &r["changes"][0];
    assert_eq!(c["action"], "replace");
    assert_eq!(c["reason"], "replace_because_cannot_update");
    assert!(c["reason_text"]
        .as_str()
        .unwrap()
        .contains("cannot be changed in place"));
    assert_eq!(c["replace_order"], "delete-then-create");
    assert_eq!(c["replace_paths"], serde_json::json!(["ami"]));
    let ami = c["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"] == "ami")
        .expect("ami diff");
    assert_eq!(ami["forces_replacement"], true);
}

#[test]
fn forget_and_errored_and_actions_are_reported() {
    let r = support::analyze_json(
        &support::fixture("terraform-plan-comment__tests__fixtures__basic__3-remove__plan.json"),
        &[],
    );
    assert_eq!(r["changes"][0]["action"], "forget");
    let r = support::analyze_json(
        &support::fixture("opentofu__show-json__plan-error.json"),
        &[],
    );
    assert_eq!(r["plans"][0]["errored"], true);
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "CO011"));
    let r = support::analyze_json(
        &support::fixture("terraform-json__testdata__actions__plan.json"),
        &[],
    );
    assert_eq!(r["summary"]["invoke"], 1);
    assert_eq!(
        r["plans"][0]["action_invocations"][0]["address"],
        "action.bufo_print.success"
    );
}

#[test]
fn drift_relevance_follows_relevant_attributes() {
    let r = support::analyze_json(
        &support::fixture("opentofu__equivalence-tests__drift_relevant_attributes__plan.json"),
        &[],
    );
    let d = &r["drift"][0];
    assert_eq!(d["address"], "tfcoremock_simple_resource.base");
    assert_eq!(d["relevant"], true);
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "CO010")
        .expect("drift finding");
    assert_eq!(f["severity"], "medium");
    // No relevant_attributes in a format 0.2 plan: drift is shown but only informational.
    let r = support::analyze_json(
        &support::fixture("infracost__cmd__infracost__testdata__plan_with_target.json"),
        &[],
    );
    assert_eq!(r["drift"][0]["relevant"], false);
}

#[test]
fn unknown_values_say_known_after_apply() {
    let r = support::analyze_json(
        &support::fixture("opentofu__show-json__requires-replace.json"),
        &[],
    );
    let attrs = r["changes"][0]["attributes"].as_array().unwrap();
    let id = attrs.iter().find(|a| a["path"] == "id").expect("id diff");
    assert_eq!(id["after_unknown"], true);
    let out = support::cloudops()
        .args(["plan", "analyze", "--no-config"])
        .arg(support::fixture(
            "opentofu__show-json__requires-replace.json",
        ))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("(known after apply)"));
}

#[test]
fn stdin_gives_the_same_report_as_the_file() {
    for path in support::plan_fixtures() {
        let from_file = support::analyze_json(&path, &[]);
        let out = support::cloudops()
            .args(["plan", "analyze", "-", "--format", "json", "--no-config"])
            .pipe_stdin(&path)
            .unwrap()
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", path.display());
        let mut from_stdin: Value = serde_json::from_slice(&out.stdout).unwrap();
        from_stdin["source"] = from_file["source"].clone();
        assert_eq!(from_file, from_stdin, "{}", path.display());
    }
}

/// Actions no shared fixture has: deposed objects, create-then-forget, data-source reads.
#[test]
fn deposed_create_then_forget_and_reads_count_as_terraform_does() {
    let rc = |addr: &str, mode: &str, actions: serde_json::Value, extra: serde_json::Value| {
        let mut v = serde_json::json!({"address": addr, "mode": mode, "type": "aws_db_instance", "name": "x",
            "change": {"actions": actions, "before": {}, "after": {}}});
        if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        v
    };
    let plan = serde_json::json!({"format_version": "1.2", "planned_values": {}, "resource_changes": [
        rc("aws_db_instance.a", "managed", serde_json::json!(["delete"]), serde_json::json!({"deposed": "00ab12cd"})),
        rc("aws_db_instance.a", "managed", serde_json::json!(["create", "delete"]), serde_json::json!({})),
        rc("aws_db_instance.b", "managed", serde_json::json!(["create", "forget"]), serde_json::json!({})),
        rc("data.aws_db_instance.c", "data", serde_json::json!(["read"]), serde_json::json!({"action_reason": "read_because_config_unknown"})),
        rc("data.aws_db_instance.d", "data", serde_json::json!(["delete"]), serde_json::json!({})),
    ]});
    let r = support::analyze_stdin_json(plan.to_string(), &[]);
    let s = &r["summary"];
    assert_eq!(
        (
            n(s, "add"),
            n(s, "change"),
            n(s, "destroy"),
            n(s, "replace"),
            n(s, "forget"),
            n(s, "read")
        ),
        (2, 0, 2, 1, 1, 1)
    );
    let changes = r["changes"].as_array().unwrap();
    let deposed = changes
        .iter()
        .find(|c| c["deposed"] == "00ab12cd")
        .expect("deposed entry");
    assert_eq!(deposed["action"], "delete");
    assert!(changes.iter().any(|c| c["action"] == "create-then-forget"));
    let read = changes
        .iter()
        .find(|c| c["address"] == "data.aws_db_instance.c")
        .unwrap();
    assert!(read["reason_text"]
        .as_str()
        .unwrap()
        .contains("not known until apply"));
    // Only the replace destroys data: the deposed leftover and the forgotten object do not.
    let stateful: Vec<_> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "CO001")
        .collect();
    assert_eq!(stateful.len(), 1, "{stateful:?}");
}
