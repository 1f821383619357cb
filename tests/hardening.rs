//! Regressions from review: inputs that once leaked a secret, miscounted, broke an output
//! format or gave a misleading exit code.

mod support;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{json, Value};

fn td(addr: &str, actions: Value, before: Value, after: Value, after_sensitive: Value) -> Value {
    json!({"address": addr, "mode": "managed", "type": "terraform_data", "name": addr.split('.').nth(1).unwrap(),
           "change": {"actions": actions, "before": before, "after": after, "after_unknown": {},
                      "before_sensitive": {}, "after_sensitive": after_sensitive}})
}

fn run(plan: &str, args: &[&str]) -> std::process::Output {
    support::cloudops()
        .args(["plan", "analyze", "-", "--no-config"])
        .args(args)
        .write_stdin(plan.to_string())
        .output()
        .unwrap()
}

fn all_formats_hide(plan: &str, secret: &str) {
    for f in ["table", "json", "markdown", "github", "sarif", "junit"] {
        let out = run(plan, &["--format", f]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.contains(secret), "{f} shows {secret:?}:\n{text}");
    }
}

#[test]
fn huge_numbers_do_not_stop_masking() {
    // 1e400 does not fit an f64; the value must still be read, and its secret collected.
    let plan = r#"{"format_version":"1.2","planned_values":{},"resource_changes":[
      {"address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"a","change":{"actions":["create"],"before":null,
       "after":{"input":"HUNTER2secret","x":1e400},"after_unknown":{},"before_sensitive":false,"after_sensitive":{"input":true}}},
      {"address":"terraform_data.b","mode":"managed","type":"terraform_data","name":"b","change":{"actions":["update"],
       "before":{"output":"old"},"after":{"output":"HUNTER2secret"},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}}]}"#;
    let out = run(plan, &["--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    all_formats_hide(plan, "HUNTER2secret");
}

#[test]
fn an_unreadable_value_fails_closed() {
    let plan = r#"{"format_version":"1.2","resource_changes":[{"address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"a",
      "change":{"actions":["update"],"before":{"input":"x"},"after":{"input":"\ud800"},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}}]}"#;
    let out = run(plan, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("terraform_data.a cannot be read") && err.contains("line 1"),
        "{err}"
    );
}

#[test]
fn escaped_copies_and_sensitive_map_keys_are_masked() {
    let policy = json!({"Statement": [{"Sid": "p<ss>&word99", "Effect": "Allow"}]})
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let plan = json!({"format_version": "1.2", "planned_values": {}, "resource_changes": [
        td("terraform_data.s", json!(["create"]), Value::Null, json!({"input": "p<ss>&word99", "m": {"KEYsecretVALUE": "v"}}), json!({"input": true, "m": true})),
        td("terraform_data.p", json!(["update"]), json!({"policy": "{}", "k": "a"}), json!({"policy": policy, "k": "KEYsecretVALUE"}), json!({})),
    ]});
    let plan = plan.to_string();
    all_formats_hide(&plan, "word99");
    all_formats_hide(&plan, "KEYsecretVALUE");
}

#[test]
fn secret_named_values_of_creates_are_masked_where_copied() {
    let plan = json!({"format_version": "1.2", "planned_values": {}, "resource_changes": [
        td("terraform_data.db", json!(["create"]), Value::Null, json!({"input": {"password": "Zq9unmarkedPW"}}), json!({})),
        td("terraform_data.cfg", json!(["update"]), json!({"input": "a"}), json!({"input": "dsn=app:Zq9unmarkedPW@db"}), json!({})),
    ]})
    .to_string();
    all_formats_hide(&plan, "Zq9unmarkedPW");
    // A secret-named key that merely starts with a secret word, in any case.
    for key in [
        "private_key_pem",
        "DB_PASSWORD_V2",
        "clientSecretValue",
        "ApiKey",
    ] {
        let plan = json!({"format_version": "1.2", "planned_values": {}, "resource_changes": [
            td("terraform_data.k", json!(["create"]), Value::Null, json!({"input": {key: "Yx7unmarkedVAL"}}), json!({})),
            td("terraform_data.c", json!(["update"]), json!({"input": "a"}), json!({"input": "copy Yx7unmarkedVAL"}), json!({})),
        ]})
        .to_string();
        all_formats_hide(&plan, "Yx7unmarkedVAL");
    }
    let out = run(&plan, &["--format", "json", "--no-mask-secret-names"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Zq9unmarkedPW"),
        "the opt-out shows it"
    );
}

#[test]
fn malformed_sensitive_variables_are_not_quoted_in_errors() {
    let plan = r#"{"format_version":"1.2","variables":{"db_password":"abc\"LEAKED-TAIL-hunter2"},"configuration":{"root_module":{"variables":{"db_password":{"sensitive":true}}}}}"#;
    let out = run(plan, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("LEAKED"), "{err}");
    assert!(err.contains("expected struct VariableValue"), "{err}");
}

#[test]
fn detailed_exitcode_follows_applyable_and_errored() {
    let read_only = r#"{"format_version":"1.2","applyable":true,"complete":true,"errored":false,"planned_values":{},
      "resource_changes":[{"address":"data.x.y","mode":"data","type":"x","name":"y","change":{"actions":["read"],"before":null,"after":{}}}]}"#;
    assert_eq!(
        run(read_only, &["--detailed-exitcode"]).status.code(),
        Some(2)
    );
    let nothing = r#"{"format_version":"1.2","applyable":false,"complete":true,"errored":false,"planned_values":{}}"#;
    assert_eq!(
        run(nothing, &["--detailed-exitcode"]).status.code(),
        Some(0)
    );
    let errored = r#"{"format_version":"1.2","applyable":false,"complete":false,"errored":true,"planned_values":{}}"#;
    let out = run(errored, &["--detailed-exitcode"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Planning failed"));
}

#[test]
fn data_sources_leaving_the_state_are_not_destroys() {
    let plan = r#"{"format_version":"1.2","planned_values":{},"resource_changes":[
      {"address":"data.x.gone","mode":"data","type":"x","name":"gone","change":{"actions":["delete"],"before":{},"after":null}}]}"#;
    let out = run(plan, &["--format", "json"]);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["summary"]["destroy"], 0);
    assert_eq!(r["changes"], json!([]));
}

#[test]
fn formats_survive_hostile_text() {
    let plan = json!({"format_version": "1.2", "planned_values": {},
        "resource_changes": [td("terraform_data.x", json!(["delete"]), json!({}), Value::Null, json!({}))],
        "checks": [{"address": {"kind": "check", "to_display": "check.\u{ffff}bad"}, "status": "fail",
            "instances": [{"address": {"to_display": "check.x"}, "status": "fail", "problems": [{"message": "\u{1b}[2J\u{1b}]0;pwned\u{7}\nsecond line @team"}]}]}]})
    .to_string();
    let table = run(&plan, &["--format", "table"]);
    let t = String::from_utf8_lossy(&table.stdout);
    assert!(!t.contains('\u{1b}') && t.contains("\\u{1b}"), "{t}");
    let junit = run(&plan, &["--format", "junit"]);
    assert!(!String::from_utf8_lossy(&junit.stdout).contains('\u{ffff}'));
    let md = run(&plan, &["--format", "markdown"]);
    assert!(!String::from_utf8_lossy(&md.stdout).contains("@team"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my plan#1.json");
    std::fs::write(&path, &plan).unwrap();
    support::cloudops()
        .current_dir(dir.path())
        .args([
            "plan",
            "analyze",
            "my plan#1.json",
            "--no-config",
            "--format",
            "sarif",
        ])
        .assert()
        .stdout(contains("\"uri\": \"my%20plan%231.json\""));
}

#[test]
fn markdown_budget_holds_for_many_errored_plans() {
    let doc = r#"{"format_version":"1.2","terraform_version":"1.11.4","errored":true,"planned_values":{}}"#;
    let stream = std::iter::repeat_n(doc, 1500)
        .collect::<Vec<_>>()
        .join("\n");
    let out = run(&stream, &["--format", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.chars().count() < 60_000, "{} chars", md.chars().count());
    assert!(md.contains("Planning failed in 1500 of 1500 plans"));
}

#[test]
fn bomless_utf16_needs_the_pattern_not_one_zero_byte() {
    support::cloudops()
        .args(["plan", "analyze", "-", "--no-config"])
        .write_stdin(&b"\x00{}"[..])
        .assert()
        .code(1)
        .stderr(contains("NUL").and(contains("UTF-16").not()));
}
