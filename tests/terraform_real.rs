//! Plans made by a real Terraform (v1.11, on PATH), from the configurations in
//! `tests/fixtures/terraform/<scenario>/step1` and `step2`: apply step 1, switch to step 2,
//! `terraform plan -out tfplan`, `terraform show -json tfplan`, then check that cloudops
//! counts exactly what Terraform's own `Plan:` line says — from the JSON file, from stdin,
//! and from the binary plan file — and never prints a sensitive value.
//!
//! Only the built-in `terraform_data` resource is used, so nothing is downloaded. These tests
//! never skip: without terraform on PATH they fail (see `support::terraform()`).
//!
//! Set `CLOUDOPS_UPDATE_TF_FIXTURES=1` to also write each scenario's `terraform show -json`
//! output to `tests/fixtures/terraform/<scenario>/plan.json` (used by `tests/secrets.rs`).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const FORMATS: &[&str] = &["table", "json", "markdown", "github", "sarif", "junit"];

fn scenario_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/terraform")
        .join(name)
}

/// One scenario after `terraform plan`: the working directory (kept alive by `_tmp`), what
/// `terraform plan` printed, and `terraform show -json tfplan`.
struct TfRun {
    _tmp: tempfile::TempDir,
    scenario: String,
    work: PathBuf,
    cli_config: PathBuf,
    plan_stdout: String,
    plan_json: Vec<u8>,
}

impl TfRun {
    fn tfplan(&self) -> PathBuf {
        self.work.join("tfplan")
    }
    fn plan_json_path(&self) -> PathBuf {
        self.work.join("plan.json")
    }
    fn plan(&self) -> Value {
        serde_json::from_slice(&self.plan_json).expect("terraform show -json is JSON")
    }
}

/// A terraform command isolated from the developer's environment: no TF_* variables, an
/// empty CLI config, no update checks.
fn terraform(run_dir: &Path, cli_config: &Path, args: &[&str]) -> Output {
    let mut c = Command::new(support::terraform());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("TF_") {
            c.env_remove(k);
        }
    }
    c.env("CHECKPOINT_DISABLE", "1")
        .env("TF_IN_AUTOMATION", "1")
        .env("TF_CLI_CONFIG_FILE", cli_config)
        .current_dir(run_dir)
        .args(args);
    let out = c.output().expect("terraform runs");
    assert!(
        out.status.success(),
        "terraform {args:?} failed ({:?})\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn copy_tf(from: &Path, to: &Path) {
    for e in std::fs::read_dir(to).expect("work dir") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "tf") {
            std::fs::remove_file(&p).expect("remove old .tf");
        }
    }
    let mut n = 0;
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "tf") {
            std::fs::copy(&p, to.join(p.file_name().expect("name"))).expect("copy .tf");
            n += 1;
        }
    }
    assert!(n > 0, "no .tf files in {}", from.display());
}

/// Applies step 1, then plans step 2.
fn run_scenario(name: &str) -> TfRun {
    let src = scenario_dir(name);
    let tmp = tempfile::tempdir().expect("tempdir");
    let cli_config = tmp.path().join("empty.tfrc");
    std::fs::write(&cli_config, "").expect("write empty CLI config");
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).expect("mkdir work");

    copy_tf(&src.join("step1"), &work);
    terraform(&work, &cli_config, &["init", "-input=false", "-no-color"]);
    terraform(
        &work,
        &cli_config,
        &["apply", "-auto-approve", "-input=false", "-no-color"],
    );
    copy_tf(&src.join("step2"), &work);
    let plan = terraform(
        &work,
        &cli_config,
        &["plan", "-input=false", "-no-color", "-out", "tfplan"],
    );
    let show = terraform(&work, &cli_config, &["show", "-json", "tfplan"]);
    std::fs::write(work.join("plan.json"), &show.stdout).expect("write plan.json");
    if std::env::var_os("CLOUDOPS_UPDATE_TF_FIXTURES").is_some_and(|v| !v.is_empty()) {
        std::fs::write(src.join("plan.json"), &show.stdout).expect("update stored plan.json");
    }
    TfRun {
        _tmp: tmp,
        scenario: name.to_string(),
        work,
        cli_config,
        plan_stdout: String::from_utf8(plan.stdout).expect("terraform plan prints UTF-8"),
        plan_json: show.stdout,
    }
}

/// The `Plan: 1 to import, 2 to add, 0 to change, 1 to destroy.` line, as verb -> count.
fn plan_line(stdout: &str) -> (String, BTreeMap<String, u64>) {
    let line = stdout
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("Plan: "))
        .unwrap_or_else(|| panic!("no `Plan:` line in terraform's output:\n{stdout}"))
        .to_string();
    let mut counts = BTreeMap::new();
    for part in line["Plan: ".len()..].trim_end_matches('.').split(", ") {
        let (n, verb) = part
            .split_once(" to ")
            .unwrap_or_else(|| panic!("unexpected part {part:?} in {line:?}"));
        let n: u64 = n
            .parse()
            .unwrap_or_else(|_| panic!("count {n:?} in {line:?}"));
        counts.insert(verb.to_string(), n);
    }
    for k in ["add", "change", "destroy"] {
        assert!(counts.contains_key(k), "{line:?} has no `to {k}`");
    }
    (line, counts)
}

/// A cloudops command for this scenario: isolated, run in the terraform directory (so a
/// binary plan can be read), with terraform's CLI config pointing at the empty file.
fn cloudops(run: &TfRun) -> assert_cmd::Command {
    let mut c = support::cloudops();
    c.current_dir(&run.work)
        .env("CHECKPOINT_DISABLE", "1")
        .env("TF_CLI_CONFIG_FILE", &run.cli_config);
    c
}

fn ok_json(out: &Output, what: &str) -> Value {
    assert!(
        out.status.success(),
        "{what}: exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what}: stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    // The only field that legitimately differs between the three ways of reading one plan.
    v.as_object_mut()
        .expect("report is an object")
        .remove("source");
    v
}

/// Reads the plan three ways (JSON file, JSON on stdin, binary plan file — also piped) and
/// checks that all agree and match Terraform's `Plan:` line. Returns the JSON report.
fn check_counts(run: &TfRun) -> Value {
    let (line, counts) = plan_line(&run.plan_stdout);

    // (a) the JSON file.
    let from_file = cloudops(run)
        .args(["plan", "analyze"])
        .arg(run.plan_json_path())
        .args(["--format", "json", "--no-config"])
        .output()
        .expect("runs");
    let report = ok_json(&from_file, "plan.json");
    let summary = &report["summary"];
    for (verb, n) in &counts {
        let key = match verb.as_str() {
            "add" | "change" | "destroy" | "import" | "forget" => verb.as_str(),
            other => {
                panic!("terraform printed a verb this test does not know: {other:?} in {line:?}")
            }
        };
        assert_eq!(
            summary[key], *n,
            "summary.{key} vs terraform's {line:?}\nsummary: {summary}"
        );
    }
    if !counts.contains_key("import") {
        assert_eq!(
            summary["import"], 0,
            "terraform printed no imports ({line:?})"
        );
    }

    // The table's first line is Terraform's own sentence.
    let table = cloudops(run)
        .args(["plan", "analyze"])
        .arg(run.plan_json_path())
        .args(["--format", "table", "--no-config"])
        .output()
        .expect("runs");
    assert!(table.status.success());
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains(&line),
        "table output lacks terraform's line {line:?}:\n{table}"
    );

    // (b) the same JSON through stdin.
    let from_stdin = cloudops(run)
        .args(["plan", "analyze", "-", "--format", "json", "--no-config"])
        .write_stdin(run.plan_json.clone())
        .output()
        .expect("runs");
    assert_eq!(
        ok_json(&from_stdin, "stdin"),
        report,
        "stdin and file reports differ"
    );

    // (c) the binary plan file; cloudops runs `terraform show -json` itself.
    let from_binary = cloudops(run)
        .args([
            "plan",
            "analyze",
            "tfplan",
            "--format",
            "json",
            "--no-config",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        ok_json(&from_binary, "binary tfplan"),
        report,
        "binary plan and JSON reports differ"
    );

    // ... and the binary plan piped in.
    let piped_binary = cloudops(run)
        .args(["plan", "analyze", "-", "--format", "json", "--no-config"])
        .write_stdin(std::fs::read(run.tfplan()).expect("read tfplan"))
        .output()
        .expect("runs");
    assert_eq!(
        ok_json(&piped_binary, "binary tfplan on stdin"),
        report,
        "piped binary plan differs"
    );

    // The stored plan (tests/fixtures/terraform/<scenario>/plan.json) still matches its
    // configuration.
    let stored = scenario_dir(&run.scenario).join("plan.json");
    assert!(
        stored.is_file(),
        "{} is missing; regenerate with CLOUDOPS_UPDATE_TF_FIXTURES=1 cargo test --test terraform_real",
        stored.display()
    );
    assert_eq!(
        support::analyze_json(&stored, &[])["summary"],
        report["summary"],
        "{} is stale; regenerate with CLOUDOPS_UPDATE_TF_FIXTURES=1 cargo test --test terraform_real",
        stored.display()
    );

    report
}

/// (d) A binary plan without a usable terraform fails with a message that says what to run.
fn check_missing_terraform(run: &TfRun) {
    for bin in ["/nonexistent", "/nonexistent/terraform"] {
        let out = cloudops(run)
            .args([
                "plan",
                "analyze",
                "tfplan",
                "--format",
                "json",
                "--no-config",
                "--terraform-bin",
                bin,
            ])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "--terraform-bin {bin}: stderr: {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "--terraform-bin {bin}: something on stdout"
        );
        assert!(
            stderr.contains("terraform show -json"),
            "--terraform-bin {bin}: {stderr}"
        );
        assert!(
            stderr.contains(bin),
            "the message should name {bin}: {stderr}"
        );
    }
    // A terraform that exists but fails: its failure wins over whatever it printed.
    let out = cloudops(run)
        .args([
            "plan",
            "analyze",
            "tfplan",
            "--format",
            "json",
            "--no-config",
            "--terraform-bin",
            "/bin/false",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "/bin/false: {stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("show -json"), "{stderr}");
    assert!(
        stderr.contains("terraform show -json"),
        "the hint should say what to run: {stderr}"
    );
}

fn entry<'a>(report: &'a Value, section: &str, address: &str) -> &'a Value {
    report[section]
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["address"] == address)
        .unwrap_or_else(|| panic!("no {section} entry for {address}: {}", report[section]))
}

#[test]
fn updates_replaces_and_deletes_match_terraform() {
    let run = run_scenario("update_replace_delete");
    let (_, counts) = plan_line(&run.plan_stdout);
    assert_eq!(
        (counts["add"], counts["change"], counts["destroy"]),
        (2, 1, 4),
        "{}",
        run.plan_stdout
    );

    let report = check_counts(&run);
    let s = &report["summary"];
    assert_eq!(s["replace"], 1, "{s}");
    assert_eq!(s["move"], 0, "{s}");
    assert_eq!(s["forget"], 0, "{s}");

    assert_eq!(
        entry(&report, "changes", "terraform_data.updated")["action"],
        "update"
    );
    let replaced = entry(&report, "changes", "terraform_data.replaced");
    assert_eq!(replaced["action"], "replace");
    assert_eq!(
        replaced["replace_paths"],
        serde_json::json!(["triggers_replace"])
    );
    assert_eq!(
        entry(&report, "changes", "terraform_data.added")["action"],
        "create"
    );
    let mut deleted: Vec<&str> = report["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|e| e["action"] == "delete")
        .map(|e| e["address"].as_str().expect("address"))
        .collect();
    deleted.sort();
    assert_eq!(
        deleted,
        [
            "terraform_data.counted[1]",
            "terraform_data.counted[2]",
            "terraform_data.each[\"beta\"]"
        ]
    );
    // No-ops are counted but not listed.
    assert!(report["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .all(|e| e["address"] != "terraform_data.unchanged"));

    check_missing_terraform(&run);
}

#[test]
fn moves_forgets_and_imports_match_terraform() {
    let run = run_scenario("move_forget_import");
    let (line, counts) = plan_line(&run.plan_stdout);
    assert_eq!(
        counts.get("import"),
        Some(&1),
        "terraform_data supports import blocks in v1.11: {line}"
    );

    let report = check_counts(&run);
    let s = &report["summary"];
    assert_eq!(
        (
            s["move"].as_u64(),
            s["forget"].as_u64(),
            s["import"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{s}"
    );
    assert_eq!(
        s["destroy"], 0,
        "a removed block with destroy = false destroys nothing: {s}"
    );

    let moved = entry(&report, "changes", "terraform_data.new_name");
    assert_eq!(moved["previous_address"], "terraform_data.old_name");
    assert_eq!(moved["action"], "update");
    let forgotten = entry(&report, "changes", "terraform_data.forgotten");
    assert_eq!(forgotten["action"], "forget");
    let imported = entry(&report, "changes", "terraform_data.imported");
    assert_eq!(imported["import"]["id"], "imported-id-0001");

    check_missing_terraform(&run);
}

/// The values in `tests/fixtures/terraform/sensitive/step*/main.tf` that are sensitive.
const SENSITIVE_SCENARIO_SECRETS: &[&str] = &[
    "hunter2-Sup3rS3cret",
    "tok_4f9a8b7c6d5e",
    "tok_ROTATED_77a1b2",
    "svc-deployer",
    "AKIAEXAMPLEKEY12345",
    "postgres://admin:hunter2-Sup3rS3cret@db.internal:5432/app",
];

fn assert_no_secret(what: &str, out: &Output, secrets: &[&str]) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let secrets: std::collections::BTreeSet<String> =
            secrets.iter().map(|s| s.to_string()).collect();
        let found = support::leaks::leaks(&text, &secrets);
        assert!(
            found.is_empty(),
            "{what}: sensitive values printed on {stream} {found:?}:\n{text}"
        );
    }
}

#[test]
fn sensitive_values_from_real_terraform_are_never_printed() {
    let run = run_scenario("sensitive");
    let (_, counts) = plan_line(&run.plan_stdout);
    assert_eq!(
        (counts["add"], counts["change"], counts["destroy"]),
        (3, 2, 1),
        "{}",
        run.plan_stdout
    );

    // The scenario really holds the secrets, including UNMARKED copies: terraform_data's
    // `output` echoes a sensitive `input` without the mark, and so does the output `echo`.
    let plan = run.plan();
    let plan_text = String::from_utf8_lossy(&run.plan_json);
    for s in SENSITIVE_SCENARIO_SECRETS {
        assert!(
            plan_text.contains(s),
            "the scenario's plan JSON lacks {s:?}: the test would prove nothing"
        );
    }
    let rotated = plan["resource_changes"]
        .as_array()
        .expect("resource_changes")
        .iter()
        .find(|r| r["address"] == "terraform_data.rotated")
        .expect("rotated");
    assert_eq!(
        rotated["change"]["before"]["output"],
        SENSITIVE_SCENARIO_SECRETS[0]
    );
    assert_ne!(
        rotated["change"]["before_sensitive"]["output"], true,
        "expected an unmarked copy"
    );
    assert_eq!(
        plan["output_changes"]["echo"]["after"],
        SENSITIVE_SCENARIO_SECRETS[0]
    );
    assert_eq!(
        plan["output_changes"]["echo"]["after_sensitive"], false,
        "expected an unmarked output"
    );

    let report = check_counts(&run);
    let echo = report["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .find(|o| o["name"] == "echo")
        .expect("output echo in the report");
    assert_eq!(
        echo["after"], "(sensitive value)",
        "the unmarked copy is masked: {echo}"
    );

    // (e) every format, from the JSON file, stdin and the binary plan; stderr at -vv too.
    for fmt in FORMATS {
        for input in ["plan.json", "-", "tfplan"] {
            let mut c = cloudops(&run);
            c.args([
                "plan",
                "analyze",
                input,
                "--format",
                fmt,
                "--no-config",
                "-vv",
            ]);
            if input == "-" {
                c.write_stdin(run.plan_json.clone());
            }
            let summary_file = run.work.join("step-summary.md");
            if *fmt == "github" {
                c.env("GITHUB_STEP_SUMMARY", &summary_file);
            }
            let out = c.output().expect("runs");
            assert!(
                out.status.success(),
                "{fmt} {input}: exit {:?}\n{}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!out.stdout.is_empty(), "{fmt} {input}: empty stdout");
            assert_no_secret(
                &format!("--format {fmt} {input} -vv"),
                &out,
                SENSITIVE_SCENARIO_SECRETS,
            );
            if *fmt == "github" {
                let summary = std::fs::read(&summary_file).expect("the job summary was written");
                let fake = Output {
                    status: out.status,
                    stdout: summary,
                    stderr: Vec::new(),
                };
                assert_no_secret(
                    &format!("GITHUB_STEP_SUMMARY of {input}"),
                    &fake,
                    SENSITIVE_SCENARIO_SECRETS,
                );
                std::fs::remove_file(&summary_file).expect("reset summary");
            }
        }
    }
    // The gate's reasons go to stderr.
    let out = cloudops(&run)
        .args([
            "plan",
            "analyze",
            "plan.json",
            "--format",
            "json",
            "--no-config",
            "--fail-on",
            "info",
            "--max-destroy",
            "0",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_secret("gate failure", &out, SENSITIVE_SCENARIO_SECRETS);
}

/// `--save-plan` on a real plan: the binary plan and its JSON are the same plan to the
/// history (one digest), and the kept plan holds none of the scenario's secrets.
#[test]
fn saved_real_plans_are_one_entry_and_hold_no_secret() {
    use sha2::Digest;
    let run = run_scenario("sensitive");
    let data = tempfile::tempdir().expect("tempdir");
    let save = |input: &str| {
        let out = cloudops(&run)
            .env("CLOUDOPS_DATA_DIR", data.path())
            .args([
                "plan",
                "analyze",
                input,
                "--save-plan",
                "--workspace",
                "real",
            ])
            .args(["--format", "json"])
            .output()
            .expect("run cloudops");
        assert!(
            out.status.success(),
            "{input}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let first = save("tfplan");
    assert!(first.contains("saved as"), "{first}");
    let again = save("plan.json");
    assert!(
        again.contains("already saved"),
        "the JSON of the binary plan must be recognised as the same plan: {again}"
    );

    let list = cloudops(&run)
        .env("CLOUDOPS_DATA_DIR", data.path())
        .args(["plan", "history", "--format", "json"])
        .output()
        .expect("list");
    let list: Value = ok_json(&list, "history");
    let entries = list["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 1, "{list}");
    let digest: String = sha2::Sha256::digest(&run.plan_json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(entries[0]["plan_sha256"], digest.as_str());
    assert_eq!(
        entries[0]["terraform_version"],
        run.plan()["terraform_version"]
    );

    let id = entries[0]["id"].as_str().expect("id");
    let shown = cloudops(&run)
        .env("CLOUDOPS_DATA_DIR", data.path())
        .args(["plan", "history", "show", id, "--plan"])
        .output()
        .expect("show --plan");
    let kept = ok_json(&shown, "show --plan");
    assert_eq!(
        kept["resource_changes"].as_array().map(Vec::len),
        run.plan()["resource_changes"].as_array().map(Vec::len),
        "the kept plan is the whole plan"
    );
    assert_no_secret("show --plan", &shown, SENSITIVE_SCENARIO_SECRETS);
    let db = std::fs::read(data.path().join("cloudops.db")).expect("store file");
    for s in SENSITIVE_SCENARIO_SECRETS {
        assert!(
            memchr::memmem::find(&db, s.as_bytes()).is_none(),
            "{s} is in the store file"
        );
    }
}
