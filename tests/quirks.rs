//! Plans as particular Terraform releases write them: fields left out, keys quoted the old
//! way, drift listing every instance. One hand-made fixture per quirk in
//! `tests/fixtures/plans/quirks/`, each named after the release that writes that shape (read
//! from hashicorp/terraform's `internal/command/jsonplan` at that tag).

mod support;

use serde_json::Value;

fn quirk(name: &str) -> std::path::PathBuf {
    support::fixture(&format!("quirks/{name}"))
}

fn addresses(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|e| e["address"].as_str().expect("an address").to_string())
        .collect()
}

fn summary(r: &Value) -> [u64; 4] {
    let s = &r["summary"];
    ["add", "change", "destroy", "drift"].map(|k| s[k].as_u64().unwrap())
}

/// Removes `address` from every resource change, drift entry and deferred change.
fn without_addresses(mut plan: Value) -> Value {
    for key in ["resource_changes", "resource_drift"] {
        for e in plan[key].as_array_mut().into_iter().flatten() {
            e.as_object_mut().unwrap().remove("address");
        }
    }
    for e in plan["deferred_changes"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        e["resource_change"]
            .as_object_mut()
            .unwrap()
            .remove("address");
    }
    plan
}

fn read(path: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Terraform 1.0.0 (and 0.15.4–0.15.5): `resource_drift` entries have no `address` and no
/// `index`, and once anything drifted every managed instance is listed as an update.
/// Terraform's `Objects have changed outside of Terraform` shows only the four whose values
/// differ; the plan line counts 1 add (the bucket deleted outside), 3 changes, 2 destroys.
#[test]
fn terraform_1_0_0_drift_without_address_is_rebuilt_and_counted() {
    let path = quirk("terraform-1.0.0__drift_without_address.json");
    let r = support::analyze_json(&path, &[]);
    assert_eq!(summary(&r), [1, 3, 2, 4]);
    let mut drift = addresses(&r["drift"]);
    drift.sort();
    assert_eq!(
        drift,
        [
            "aws_instance.web[1]",
            "aws_s3_bucket.logs[\"eu\"]",
            "module.db.aws_db_instance.main",
            "module.net.aws_security_group.app",
        ]
    );
    let deleted = r["drift"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["address"] == "aws_s3_bucket.logs[\"eu\"]")
        .unwrap();
    assert_eq!(deleted["action"], "delete");
    let findings: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "CO010")
        .map(|f| f["address"].as_str().unwrap())
        .collect();
    assert_eq!(findings.len(), 4, "{findings:?}");
    assert!(findings.contains(&"aws_instance.web[1]"));

    // `jq -S` puts resource_changes before resource_drift; the result is the same.
    let sorted = serde_json::to_string(&read(&path)).unwrap();
    assert!(sorted.find("resource_changes") < sorted.find("resource_drift"));
    let mut again = support::analyze_stdin_json(sorted, &[]);
    again["source"] = r["source"].clone();
    assert_eq!(again, r);

    // The sensitive variable's value (also the database password) is in no output.
    for format in ["json", "table", "markdown", "github", "sarif", "junit"] {
        let out = support::cloudops()
            .args(["plan", "analyze", "--no-config", "--format", format])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("Sup3rS3cretDbPw"),
            "{format} leaks the password"
        );
    }
}

/// Terraform 1.0.1–1.0.11 (format 0.2): drift entries carry `address` (key included) but no
/// `index` and no `after_unknown`, and only changed instances are listed.
#[test]
fn terraform_1_0_11_drift_without_index_keeps_its_address() {
    let r = support::analyze_json(&quirk("terraform-1.0.11__drift_without_index.json"), &[]);
    assert_eq!(summary(&r), [0, 1, 0, 1]);
    assert_eq!(addresses(&r["drift"]), ["aws_instance.web[1]"]);
}

/// Terraform up to 1.2 quotes string keys with Go's `%q`; 1.3 switched to HCL quoting
/// (`$${`, `%%{`, `\u0007`). An address rebuilt from the parts matches what that release
/// wrote.
#[test]
fn string_keys_are_rebuilt_with_the_writing_releases_quoting() {
    for name in [
        "terraform-1.2.9__go_quoted_keys.json",
        "terraform-1.3.0__hcl_quoted_keys.json",
    ] {
        let text = std::fs::read_to_string(quirk(name)).unwrap();
        let written = addresses(&serde_json::from_str::<Value>(&text).unwrap()["resource_changes"]);
        // Drop the address lines but keep Terraform's key order: `terraform_version` comes
        // before the resource lists, so the quoting is known when the addresses are rebuilt.
        let stripped: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("\"address\":"))
            .map(|l| format!("{l}\n"))
            .collect();
        let r = support::analyze_stdin_json(stripped, &[]);
        let mut got = addresses(&r["changes"]);
        let mut want = written.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
        assert_eq!(r["summary"]["add"], 9, "{name}");
        assert_eq!(r["summary"]["read"], 1, "{name}");
    }
    let go = addresses(&read(&quirk("terraform-1.2.9__go_quoted_keys.json"))["resource_changes"]);
    let hcl = addresses(&read(&quirk("terraform-1.3.0__hcl_quoted_keys.json"))["resource_changes"]);
    assert!(go.contains(&"module.sites[0].aws_s3_bucket.site[\"${var.env}\"]".to_string()));
    assert!(hcl.contains(&"module.sites[0].aws_s3_bucket.site[\"$${var.env}\"]".to_string()));
}

/// Terraform 1.10+: a deferred instance whose key is not known yet has `index_unknown` and an
/// address ending in `[*]`.
#[test]
fn terraform_1_10_deferred_unknown_key_is_rebuilt_with_a_wildcard() {
    let plan = read(&quirk("terraform-1.10.0__deferred_index_unknown.json"));
    for p in [plan.clone(), without_addresses(plan)] {
        let r = support::analyze_stdin_json(p.to_string(), &[]);
        assert_eq!(r["summary"]["deferred"], 1);
        assert_eq!(
            r["plans"][0]["deferred"][0]["address"],
            "module.app.aws_instance.worker[*]"
        );
    }
}

/// Every real fixture with `address` removed everywhere gives the same report: the rebuilt
/// addresses are exactly the ones Terraform and OpenTofu wrote (modules, `data.`, keys).
#[test]
fn real_plans_without_addresses_give_the_same_report() {
    let mut compared = 0;
    for path in support::plan_fixtures() {
        let plan = read(&path);
        let stripped = without_addresses(plan.clone());
        if stripped == plan {
            continue;
        }
        let mut want = support::analyze_json(&path, &[]);
        let got = support::analyze_stdin_json(stripped.to_string(), &[]);
        want["source"] = got["source"].clone();
        assert_eq!(got, want, "{}", path.display());
        compared += 1;
    }
    assert!(compared >= 15, "only {compared} fixtures have addresses");
}

/// An entry that cannot be identified fails the plan with the entry named and the reason;
/// missing fields the report can do without (`change`, `resource`, `mode`) do not.
#[test]
fn an_unidentifiable_entry_is_named() {
    let plan = r#"{"format_version":"0.1","terraform_version":"1.0.0","resource_changes":[],
      "resource_drift":[{"mode":"managed","type":"aws_vpc","name":"a","change":{"actions":["update"],"before":{"x":1},"after":{"x":2}}},
        {"mode":"managed","change":{"actions":["update"],"before":{},"after":{"x":2}}}]}"#;
    let out = support::cloudops()
        .args(["plan", "analyze", "-", "--no-config"])
        .write_stdin(plan)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("entry 2 of resource_drift")
            && err.contains("no `address`, and no `type` and `name`")
            && err.contains("line 3"),
        "{err}"
    );
    let deferred = r#"{"format_version":"1.2","resource_changes":[],"deferred_changes":[{"reason":"absent_prereq"}]}"#;
    let out = support::cloudops()
        .args(["plan", "analyze", "-", "--no-config"])
        .write_stdin(deferred)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("entry 1 of deferred_changes: it has no `resource_change`"));

    let lenient = r#"{"format_version":"1.2","resource_changes":[{"address":"data.aws_ami.u","type":"aws_ami","name":"u",
        "change":{"actions":["read"]}},{"address":"aws_vpc.b"}],"relevant_attributes":[{"attribute":["x"]}]}"#;
    let r = support::analyze_stdin_json(lenient, &[]);
    assert_eq!(
        r["summary"]["read"], 1,
        "mode read back from the data. address"
    );
    assert_eq!(r["changes"][0]["mode"], "data");
}
