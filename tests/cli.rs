//! The binary as CI uses it: gating and exit codes, project config, colour rules, the GitHub
//! job summary and the PR-comment size limit.

mod support;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::json;

const DELETE_BUCKET: &str =
    "checkov__tests__terraform__runner__resources__plan_with_deleted_resources__tfplan.json";
const NO_FINDINGS: &str =
    "terraform-plan-comment__tests__fixtures__basic__7-create-hundreds__plan.json";
const NO_CHANGES: &str = "opentofu__equivalence-tests__variables_and_outputs__plan.json";

fn analyze(fixture: &str) -> assert_cmd::Command {
    let mut c = support::cloudops();
    c.args(["plan", "analyze", "--no-config"])
        .arg(support::fixture(fixture));
    c
}

#[test]
fn fail_on_gates_on_severity() {
    analyze(DELETE_BUCKET).assert().code(0);
    analyze(DELETE_BUCKET)
        .args(["--fail-on", "critical"])
        .assert()
        .code(3)
        .stdout(contains("Gate failed"));
    analyze(DELETE_BUCKET)
        .args(["--fail-on", "high", "--format", "json"])
        .assert()
        .code(3)
        .stderr(contains("gate failed: 1 finding(s) at or above high"));
    analyze(NO_FINDINGS)
        .args(["--fail-on", "info"])
        .assert()
        .code(0)
        .stdout(contains("Gate passed"));
    analyze(DELETE_BUCKET)
        .args(["--fail-on", "none"])
        .assert()
        .code(0);
    analyze(DELETE_BUCKET)
        .env("CLOUDOPS_FAIL_ON", "critical")
        .assert()
        .code(3);
    analyze(DELETE_BUCKET)
        .args(["--fail-on", "bogus"])
        .assert()
        .code(64)
        .stderr(contains("expected one of"));
}

#[test]
fn max_destroy_gates_on_the_destroy_count() {
    analyze(DELETE_BUCKET)
        .args(["--max-destroy", "1"])
        .assert()
        .code(0);
    analyze(DELETE_BUCKET)
        .args(["--max-destroy", "0"])
        .assert()
        .code(3)
        .stdout(contains("more than --max-destroy 0"));
}

#[test]
fn detailed_exitcode_follows_terraform() {
    analyze(NO_FINDINGS)
        .arg("--detailed-exitcode")
        .assert()
        .code(2);
    let empty = r#"{"format_version":"1.2","planned_values":{},"resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["no-op"],"before":{},"after":{}}}]}"#;
    support::cloudops()
        .args(["plan", "analyze", "-", "--detailed-exitcode", "--no-config"])
        .write_stdin(empty)
        .assert()
        .code(0)
        .stdout(contains("No changes"));
    // The gate outranks "changes present".
    analyze(DELETE_BUCKET)
        .args(["--detailed-exitcode", "--fail-on", "high"])
        .assert()
        .code(3);
    // Output-only changes are changes too, as in terraform.
    analyze(NO_CHANGES)
        .arg("--detailed-exitcode")
        .assert()
        .code(2);
}

#[test]
fn mass_destroy_rule_fires_at_the_threshold() {
    let r = support::analyze_json(
        &support::fixture(DELETE_BUCKET),
        &["--mass-destroy-threshold", "1"],
    );
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "CO009"));
    let r = support::analyze_json(&support::fixture(DELETE_BUCKET), &[]);
    assert!(!r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "CO009"));
}

#[test]
fn ignore_rules_and_addresses_by_flag() {
    let r = support::analyze_json(
        &support::fixture(DELETE_BUCKET),
        &["--ignore-rule", "stateful-destroy"],
    );
    assert_eq!(r["findings"], json!([]));
    let r = support::analyze_json(
        &support::fixture(DELETE_BUCKET),
        &["--ignore-address", "aws_secretsmanager_*"],
    );
    assert_eq!(r["findings"], json!([]));
    let r = support::analyze_json(
        &support::fixture(DELETE_BUCKET),
        &["--ignore-address", "module.other.*"],
    );
    assert_eq!(r["findings"].as_array().unwrap().len(), 1);
    analyze(DELETE_BUCKET)
        .args(["--ignore-rule", "CO999"])
        .assert()
        .code(64)
        .stderr(contains("no such rule"));
}

#[test]
fn project_config_is_found_applied_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let sub = dir.path().join("infra/prod");
    std::fs::create_dir_all(&sub).unwrap();
    let plan = support::fixture(DELETE_BUCKET);
    std::fs::write(
        dir.path().join(".cloudops.toml"),
        "[plan]\nfail_on = \"high\"\n[plan.severity]\nCO001 = \"low\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let mut c = support::cloudops();
        c.current_dir(&sub)
            .args(["plan", "analyze"])
            .arg(&plan)
            .args(args);
        c
    };
    // Found from a subdirectory; the override lowers CO001 below the file's fail_on.
    run(&["--format", "json"])
        .assert()
        .code(0)
        .stdout(contains("\"severity\": \"low\""));
    // Flags beat the file.
    run(&["--fail-on", "low"]).assert().code(3);
    run(&["--no-config", "--fail-on", "high"]).assert().code(3);
    std::fs::write(
        dir.path().join(".cloudops.toml"),
        "[plan]\nfail_on = \"high\"\nfial_on = 3\n",
    )
    .unwrap();
    run(&[]).assert().code(64).stderr(
        contains(".cloudops.toml")
            .and(contains("fial_on"))
            .and(contains("line 3")),
    );
    std::fs::write(
        dir.path().join(".cloudops.toml"),
        "[plan]\nignore_rules = [\"CO404\"]\n",
    )
    .unwrap();
    run(&[])
        .assert()
        .code(64)
        .stderr(contains("unknown rule \"CO404\""));
    std::fs::write(
        dir.path().join(".cloudops.toml"),
        "[plan]\nignore_rules = [\"stateful-destroy\"]\nfail_on = \"info\"\n",
    )
    .unwrap();
    run(&[]).assert().code(0);
    let explicit = dir.path().join("other.toml");
    std::fs::write(&explicit, "[plan]\nmax_destroy = 0\n").unwrap();
    run(&["--config", explicit.to_str().unwrap()])
        .assert()
        .code(3);
    run(&["--config", "/nonexistent.toml"])
        .assert()
        .code(64)
        .stderr(contains("does not exist"));
}

#[test]
fn colour_follows_flag_and_environment() {
    let esc = "\u{1b}[";
    analyze(DELETE_BUCKET).assert().stdout(contains(esc).not());
    analyze(DELETE_BUCKET)
        .args(["--color", "always"])
        .assert()
        .stdout(contains(esc));
    analyze(DELETE_BUCKET)
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .stdout(contains(esc));
    analyze(DELETE_BUCKET)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .assert()
        .stdout(contains(esc).not());
    analyze(DELETE_BUCKET)
        .args(["--color", "never"])
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .stdout(contains(esc).not());
    analyze(DELETE_BUCKET)
        .args(["--format", "json", "--color", "always"])
        .assert()
        .stdout(contains(esc).not());
}

#[test]
fn github_format_annotates_and_writes_the_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    analyze(DELETE_BUCKET)
        .args(["--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .assert()
        .success()
        .stdout(contains(
            "::error title=CO001 stateful-destroy (critical)::aws_secretsmanager_secret.default: ",
        ))
        .stdout(contains(
            "::notice title=cloudops plan analyze::Plan: 1 to add, 0 to change, 1 to destroy.",
        ));
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("earlier step\n"),
        "appended, not overwritten"
    );
    assert!(md.contains("### Terraform plan: 1 to add, 0 to change, 1 to destroy"));
}

#[test]
fn quiet_and_verbose_only_touch_stderr() {
    let plain = analyze(NO_FINDINGS).output().unwrap();
    let verbose = analyze(NO_FINDINGS).arg("-vv").output().unwrap();
    assert_eq!(plain.stdout, verbose.stdout);
    assert!(String::from_utf8_lossy(&verbose.stderr).contains("plan document analysed"));
    analyze(DELETE_BUCKET)
        .args(["-q", "--fail-on", "high", "--format", "json"])
        .assert()
        .code(3)
        .stderr(predicate::str::is_empty());
}

#[test]
fn help_documents_exit_codes() {
    support::cloudops()
        .args(["plan", "analyze", "--help"])
        .assert()
        .success()
        .stdout(
            contains("Exit codes:")
                .and(contains("gate failed"))
                .and(contains("130")),
        );
    support::cloudops()
        .arg("--version")
        .assert()
        .success()
        .stdout(contains("cloudops"));
}

/// A synthetic plan with many updated resources, each with several attributes.
fn big_plan(n: usize) -> String {
    let changes: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            json!({
                "address": format!("aws_db_instance.db_{i:05}"), "mode": "managed", "type": "aws_db_instance", "name": format!("db_{i:05}"),
                "change": {
                    "actions": if i % 3 == 0 { json!(["delete"]) } else { json!(["update"]) },
                    "before": {"instance_class": "db.t3.micro", "allocated_storage": 20, "tags": {"team": "a"}, "note": "x".repeat(80)},
                    "after": if i % 3 == 0 { json!(null) } else { json!({"instance_class": "db.t3.large", "allocated_storage": 40, "tags": {"team": "b"}, "note": "y".repeat(80)}) },
                    "after_unknown": {}, "before_sensitive": {}, "after_sensitive": {}
                }
            })
        })
        .collect();
    json!({"format_version": "1.2", "planned_values": {}, "resource_changes": changes}).to_string()
}

#[test]
fn markdown_stays_under_the_comment_limit_and_says_what_it_left_out() {
    for n in [10, 400, 3000] {
        let out = support::cloudops()
            .args([
                "plan",
                "analyze",
                "-",
                "--format",
                "markdown",
                "--no-config",
            ])
            .write_stdin(big_plan(n))
            .output()
            .unwrap();
        assert!(out.status.success());
        let md = String::from_utf8(out.stdout).unwrap();
        assert!(
            md.chars().count() < 60_000,
            "n={n}: {} chars",
            md.chars().count()
        );
        let risky = md.find("#### Risky changes").expect("findings come first");
        if n == 10 {
            assert!(!md.contains("Left out"), "a small plan is complete");
            assert!(md.contains("#### Attribute changes"));
        } else {
            assert!(
                md.contains("Left out to stay under the comment size limit"),
                "n={n}"
            );
            assert!(md.contains("--format json"));
        }
        if let Some(counts) = md.find("| add | change |") {
            assert!(risky < counts, "risky changes before counts");
        }
        // Every <details> that was opened is closed, so the comment renders.
        assert_eq!(
            md.matches("<details>").count(),
            md.matches("</details>").count(),
            "n={n}"
        );
        assert_eq!(
            md.matches("```diff").count() * 2,
            md.matches("```").count(),
            "n={n}"
        );
    }
}
