//! Rego policies through the real binary: conftest's own Terraform examples give the results
//! conftest's acceptance tests expect, on plans (`plan analyze --policy`) and on code
//! (`repo scan --policy`); `policy test` runs their tests; sensitive values never reach a
//! policy's input or any output; gating, ignoring, severities, namespaces, exceptions, and a
//! clear error with an exit code for every broken policy.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use support::{cloudops, text};

fn conftest(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/conftest/examples")
        .join(rel)
}

/// A real Terraform plan whose sensitive values are listed in `SECRETS`.
fn sensitive_plan() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform/sensitive/plan.json")
}

const SECRETS: &[&str] = support::leaks::SENSITIVE_PLAN_SECRETS;

fn run(args: &[&str], dir: Option<&Path>) -> Output {
    let mut c = cloudops();
    c.args(args);
    if let Some(d) = dir {
        c.current_dir(d);
    }
    c.output().expect("cloudops runs")
}

fn analyze(plan: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["plan", "analyze", "--no-config"];
    let plan = plan.to_str().expect("utf-8 path");
    args.push(plan);
    args.extend_from_slice(extra);
    run(&args, None)
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e})\nstdout:\n{}\nstderr:\n{}",
            text(&out.stdout),
            text(&out.stderr)
        )
    })
}

fn policy_findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"].as_str().is_some_and(|r| r.contains('.')))
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `repo scan` of one of conftest's example directories with one of its policies.
fn scan_conftest(target: &str, policy: &str, format: &str) -> Output {
    let (target, policy) = (conftest(target), conftest(policy));
    run(
        &[
            "repo",
            "scan",
            "--no-config",
            target.to_str().unwrap(),
            "--policy",
            policy.to_str().unwrap(),
            "--format",
            format,
        ],
        None,
    )
}

fn write_policy(dir: &Path, name: &str, rego: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, rego).expect("write policy");
    p
}

// ---------------------------------------------------------------------------------------------
// conftest's examples, with the results its acceptance tests (acceptance.bats) expect.

#[test]
fn conftest_plan_example_denies_the_prohibited_resources() {
    let policy = conftest("hcl1/policy/base.rego");
    let plan = conftest("hcl1/gke-show.json");
    let out = analyze(
        &plan,
        &["--policy", policy.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        policy_findings(&json_of(&out)),
        vec![(
            "main.deny".to_string(),
            "high".to_string(),
            "Terraform plan will change prohibited resources in the following namespaces: google_iam, google_container".to_string()
        )]
    );
    // conftest exits 1 on a deny; cloudops gates with --fail-on and its documented exit 3.
    let gated = analyze(
        &plan,
        &["--policy", policy.to_str().unwrap(), "--fail-on", "high"],
    );
    assert_eq!(gated.status.code(), Some(3), "{}", text(&gated.stderr));
    assert!(
        text(&gated.stdout).contains("main.deny"),
        "{}",
        text(&gated.stdout)
    );
}

#[test]
fn conftest_hcl2_example_gives_its_seven_failures_on_code() {
    let out = scan_conftest("hcl2", "hcl2/policy", "json");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = json_of(&out);
    let got: BTreeSet<(String, String)> = report["repositories"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "main.deny")
        .map(|f| {
            assert_eq!(f["severity"], "high");
            (
                f["file"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(String, String)> = [
        ("terraform.tf", "ALB `my-alb-listener` is using HTTP rather than HTTPS"),
        ("terraform.tf", "ASG `my-rule` defines a fully open ingress"),
        ("terraform.tf", "Azure disk `source` is not encrypted"),
        ("terraform.tf", r#"AWS resource: "aws_alb_listener" named "my-alb-listener" is missing required tags: {"environment", "owner"}"#),
        ("terraform.tf", r#"AWS resource: "aws_db_security_group" named "my-group" is missing required tags: {"environment", "owner"}"#),
        ("terraform.tf", r#"AWS resource: "aws_security_group_rule" named "my-rule" is missing required tags: {"environment", "owner"}"#),
        ("policy/unencrypted_azure_disk.tf", "Azure disk `sample` is not encrypted"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn conftest_hcl1_gke_policy_passes_on_its_code() {
    let out = scan_conftest("hcl1", "hcl1/policy/gke.rego", "json");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let findings = json_of(&out)["repositories"][0]["findings"].clone();
    assert!(
        !findings.to_string().contains("main.deny"),
        "the resources were not seen: {findings}"
    );
}

#[test]
fn conftest_verify_passes_as_policy_test() {
    let out = run(
        &["policy", "test", conftest("hcl2/policy").to_str().unwrap()],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let t = text(&out.stdout);
    for name in [
        "test_blank_input",
        "test_correctly_encrypted_azure_disk",
        "test_unencrypted_azure_disk",
        "test_fails_with_http_alb",
        "test_fails_with_aws_resource_is_missing_required_tags",
    ] {
        assert!(
            t.lines()
                .any(|l| l.starts_with("PASS ") && l.contains(name)),
            "{name}:\n{t}"
        );
    }
    assert!(t.contains("5 test(s), 5 passed, 0 failed"), "{t}");

    let json = run(
        &[
            "policy",
            "test",
            conftest("hcl2/policy").to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    let doc = json_of(&json);
    assert_eq!(doc["passed"], 5);
    assert_eq!(doc["failed"], 0);
}

#[test]
fn a_failing_policy_test_fails_the_command() {
    let dir = tempfile::tempdir().unwrap();
    write_policy(
        dir.path(),
        "p.rego",
        "package main\nimport rego.v1\ndeny contains \"always\" if { input.x == 1 }\n",
    );
    write_policy(
        dir.path(),
        "p_test.rego",
        "package main\nimport rego.v1\ntest_denies if { deny[\"always\"] with input as {\"x\": 1} }\ntest_wrong if { count(deny) == 0 with input as {\"x\": 1} }\ntest_errors if { to_number(\"abc\") == 1 }\n",
    );
    let out = run(&["policy", "test", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let t = text(&out.stdout);
    assert!(t.contains("PASS") && t.contains("test_denies"), "{t}");
    assert!(t.contains("FAIL") && t.contains("test_wrong"), "{t}");
    assert!(t.contains("ERROR") && t.contains("test_errors"), "{t}");
    assert!(t.contains("3 test(s), 1 passed, 2 failed"), "{t}");
}

// ---------------------------------------------------------------------------------------------
// Masking: what a policy sees and what it says.

const ECHO_POLICY: &str = r#"package main
import rego.v1

deny contains sprintf("the whole input: %v", [input])

warn contains msg if {
	some name, v in input.variables
	msg := sprintf("variable %s is %v", [name, v.value])
}

deny_saw contains "the policy saw the password" if {
	input.variables.db_password.value == "hunter2-Sup3rS3cret"
}
"#;

#[test]
fn policies_see_masked_values_and_every_message_is_masked_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(dir.path(), "echo.rego", ECHO_POLICY);
    let plan = sensitive_plan();
    for unmasked in [false, true] {
        let mut base = vec!["--policy", policy.to_str().unwrap()];
        if unmasked {
            base.push("--policy-unmasked");
        }
        let mut args = base.clone();
        args.extend(["--format", "json"]);
        let out = analyze(&plan, &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let found = policy_findings(&json_of(&out));
        let rules: BTreeSet<&str> = found.iter().map(|(r, ..)| r.as_str()).collect();
        assert!(rules.contains("main.deny"), "{found:?}");
        assert!(rules.contains("main.warn"), "{found:?}");
        assert!(
            found.iter().any(|(r, s, m)| r == "main.warn"
                && s == "medium"
                && m.contains("(sensitive value)")),
            "{found:?}"
        );
        // Masked input: the comparison with the real password cannot succeed.
        assert_eq!(rules.contains("main.deny_saw"), unmasked, "{found:?}");
        for format in ["table", "json", "markdown", "github", "sarif", "junit"] {
            let mut args = base.clone();
            args.extend(["--format", format, "-vv"]);
            let out = analyze(&plan, &args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{format}: {}",
                text(&out.stderr)
            );
            for s in SECRETS {
                for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                    assert!(
                        !text(bytes).contains(s),
                        "{format} (unmasked: {unmasked}): {s} on {stream}"
                    );
                }
            }
        }
    }
}

#[test]
fn code_policies_see_hard_coded_secrets_masked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "provider \"aws\" {\n  access_key = \"AKIAIOSFODNN7EXAMPLE\"\n  region     = \"eu-west-1\"\n}\n",
    )
    .unwrap();
    let pol = tempfile::tempdir().unwrap();
    let policy = write_policy(
        pol.path(),
        "echo.rego",
        "package main\nimport rego.v1\ndeny contains sprintf(\"provider: %v\", [input.provider])\n",
    );
    for extra in [&[][..], &["--policy-unmasked"][..]] {
        for format in ["table", "json", "markdown", "sarif"] {
            let mut args = vec![
                "repo",
                "scan",
                "--no-config",
                dir.path().to_str().unwrap(),
                "--policy",
                policy.to_str().unwrap(),
                "--format",
                format,
            ];
            args.extend_from_slice(extra);
            let out = run(&args, None);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            let t = text(&out.stdout);
            assert!(
                t.contains("eu-west-1"),
                "{format}: the policy said nothing:\n{t}"
            );
            assert!(!t.contains("AKIAIOSFODNN7EXAMPLE"), "{format}: {t}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// cloudops's own analysis in the input.

#[test]
fn the_cloudops_key_holds_the_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(
        dir.path(),
        "semantics.rego",
        r#"package main
import rego.v1

deny_replace contains msg if {
	some c in input.cloudops.changes
	c.action == "replace"
	msg := sprintf("%s is replaced because of %v", [c.address, c.replace_paths])
}

warn_destroys contains sprintf("%d destroyed", [input.cloudops.summary.destroy]) if {
	input.cloudops.summary.destroy > 0
}
"#,
    );
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo-plan.json");
    let out = analyze(
        &plan,
        &["--policy", policy.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = json_of(&out);
    let found = policy_findings(&report);
    let replaced: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["action"] == "replace")
        .map(|c| c["address"].as_str().unwrap())
        .collect();
    assert!(!replaced.is_empty());
    for a in replaced {
        assert!(
            found
                .iter()
                .any(|(r, s, m)| r == "main.deny_replace" && s == "high" && m.starts_with(a)),
            "{a}: {found:?}"
        );
    }
    let destroys = report["summary"]["destroy"].as_u64().unwrap();
    assert!(
        found.contains(&(
            "main.warn_destroys".to_string(),
            "medium".to_string(),
            format!("{destroys} destroyed")
        )),
        "{found:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Namespaces, exceptions, settings.

#[test]
fn namespaces_follow_conftest() {
    let dir = tempfile::tempdir().unwrap();
    write_policy(
        dir.path(),
        "a.rego",
        "package main\nimport rego.v1\ndeny contains \"from main\"\n",
    );
    write_policy(
        dir.path(),
        "b.rego",
        "package team.storage\nimport rego.v1\nwarn contains \"from team.storage\"\n",
    );
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo-plan.json");
    let d = dir.path().to_str().unwrap();
    let rules = |extra: &[&str]| -> BTreeSet<String> {
        let mut args = vec!["--policy", d, "--format", "json"];
        args.extend_from_slice(extra);
        let out = analyze(&plan, &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        policy_findings(&json_of(&out))
            .into_iter()
            .map(|(r, ..)| r)
            .collect()
    };
    assert_eq!(rules(&[]), BTreeSet::from(["main.deny".to_string()]));
    assert_eq!(
        rules(&["--namespace", "team.storage"]),
        BTreeSet::from(["team.storage.warn".to_string()])
    );
    assert_eq!(
        rules(&["--all-namespaces"]),
        BTreeSet::from(["main.deny".to_string(), "team.storage.warn".to_string()])
    );
    let out = analyze(&plan, &["--policy", d, "--namespace", "nope"]);
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
    let e = text(&out.stderr);
    assert!(
        e.contains("\"nope\"") && e.contains("main, team.storage"),
        "{e}"
    );
}

#[test]
fn exceptions_exempt_named_rules_and_are_reported_apart() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write_policy(
        dir.path(),
        "p.rego",
        r#"package main
import rego.v1

deny_public contains "the bucket is public"
deny_tags contains "the bucket has no tags"

exception contains rules if {
	rules := ["public"]
}
"#,
    );
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo-plan.json");
    let out = analyze(
        &plan,
        &["--policy", policy.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rules: Vec<String> = policy_findings(&json_of(&out))
        .into_iter()
        .map(|(r, ..)| r)
        .collect();
    assert_eq!(rules, vec!["main.deny_tags".to_string()]);
    assert!(
        text(&out.stderr).contains("excepted by policy: main.deny_public the bucket is public"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn settings_file_names_policies_severities_and_ignored_rules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("policy")).unwrap();
    write_policy(
        &dir.path().join("policy"),
        "p.rego",
        "package main\nimport rego.v1\nwarn contains \"a warning\"\ndeny_x contains \"a deny\"\n",
    );
    std::fs::write(
        dir.path().join(".cloudops.toml"),
        "[plan]\npolicies = [\"policy\"]\nignore_rules = [\"main.deny_x\"]\n\n[plan.severity]\n\"main.warn\" = \"critical\"\n",
    )
    .unwrap();
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo-plan.json");
    let config = dir.path().join(".cloudops.toml");
    let out = run(
        &[
            "plan",
            "analyze",
            plan.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "critical",
        ],
        Some(dir.path()),
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert_eq!(
        policy_findings(&json_of(&out)),
        vec![(
            "main.warn".to_string(),
            "critical".to_string(),
            "a warning".to_string()
        )]
    );
    // --ignore-rule takes policy IDs too; a misspelt one is still refused.
    let ok = analyze(
        &plan,
        &[
            "--policy",
            dir.path().join("policy").to_str().unwrap(),
            "--ignore-rule",
            "main.warn",
            "--format",
            "json",
        ],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    assert!(!text(&ok.stdout).contains("main.warn"));
    let bad = analyze(&plan, &["--ignore-rule", "main.denny"]);
    assert_eq!(bad.status.code(), Some(64), "{}", text(&bad.stderr));
}

// ---------------------------------------------------------------------------------------------
// Broken policies: each a clear error with a documented exit code.

#[test]
fn broken_policies_are_named_with_where_and_what() {
    let dir = tempfile::tempdir().unwrap();
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo-plan.json");
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "bad.rego",
            "package main\nimport rego.v1\ndeny contains msg if {\n  msg := \n}\n",
            &[],
            &["bad.rego:4:", "not valid Rego"],
        ),
        (
            "err.rego",
            "package main\nimport rego.v1\ndeny contains x if {\n  x := to_number(\"abc\")\n}\n",
            &[],
            &["policy rule data.main.deny failed at", "err.rego:4:"],
        ),
        (
            "slow.rego",
            "package main\nimport rego.v1\ndeny contains \"slow\" if {\n  some i in numbers.range(1, 4000)\n  some j in numbers.range(1, 4000)\n  i * j == -1\n}\n",
            &["--policy-timeout", "1"],
            &["policy rule data.main.deny ran longer than 1s and was stopped", "--policy-timeout"],
        ),
    ];
    for (name, rego, extra, says) in cases {
        let sub = dir.path().join(name.trim_end_matches(".rego"));
        std::fs::create_dir(&sub).unwrap();
        let p = write_policy(&sub, name, rego);
        let mut args = vec!["--policy", p.to_str().unwrap()];
        args.extend_from_slice(extra);
        let started = std::time::Instant::now();
        let out = analyze(&plan, &args);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{name}: a report was printed");
        let e = text(&out.stderr);
        for s in *says {
            assert!(e.contains(s), "{name}: {s:?} missing from:\n{e}");
        }
        if *name == "slow.rego" {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(20),
                "the time limit did not stop the rule"
            );
        }
    }
    let empty = tempfile::tempdir().unwrap();
    let out = analyze(&plan, &["--policy", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no .rego policy files there"));
    let out = analyze(&plan, &["--namespace", "main"]);
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
}

#[test]
fn sarif_and_junit_describe_policy_rules() {
    let policy = conftest("hcl1/policy/base.rego");
    let plan = conftest("hcl1/gke-show.json");
    let out = analyze(
        &plan,
        &["--policy", policy.to_str().unwrap(), "--format", "sarif"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sarif = json_of(&out);
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "main.deny"));
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[i]["id"], r["ruleId"],
            "ruleIndex points elsewhere: {r}"
        );
    }
    let code = run_scan_sarif();
    let run = &code["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(
        results
            .iter()
            .filter(|r| r["ruleId"] == "main.deny")
            .count(),
        7
    );
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[i]["id"], r["ruleId"],
            "ruleIndex points elsewhere: {r}"
        );
    }
    let junit = analyze(
        &plan,
        &["--policy", policy.to_str().unwrap(), "--format", "junit"],
    );
    let x = text(&junit.stdout);
    assert!(
        x.contains("<testcase classname=\"cloudops.main.deny\"")
            && x.contains("prohibited resources"),
        "{x}"
    );
}

fn run_scan_sarif() -> Value {
    let out = scan_conftest("hcl2", "hcl2/policy", "sarif");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    json_of(&out)
}
