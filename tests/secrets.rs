//! The guarantee: no sensitive value is ever printed — in any format, on stdout or stderr, at
//! any verbosity, in the GitHub job summary, or in the gate's messages.
//!
//! The sensitive values of each plan are computed HERE, independently of cloudops' code, from
//! Terraform's own markers:
//! - `resource_changes[*].change` and `resource_drift[*].change`: `before`/`after` read with
//!   `before_sensitive`/`after_sensitive` (a `true` marker covers the whole subtree; markers
//!   mirror the value's shape as objects and arrays);
//! - `output_changes` entries whose `before_sensitive` or `after_sensitive` is `true`;
//! - `variables[name].value` where `configuration.root_module.variables[name].sensitive`.
//!
//! String values of 4+ characters are kept (shorter ones are not masked wherever they appear,
//! or "dev" and "eu" would vanish from every report). Then the binary runs over every format
//! and the output is searched for each value, raw and in every escaped form a format uses.

mod support;

#[path = "support/github_server.rs"]
mod github_server;

use support::leaks::leaks;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

const FORMATS: &[&str] = &["table", "json", "markdown", "github", "sarif", "junit"];
const MIN_LEN: usize = 4;
/// What cloudops prints instead of a value (README: "(sensitive value)", as Terraform does).
const MASK: &str = "(sensitive value)";

// ---------------------------------------------------------------------------------------
// The independent collector.
// ---------------------------------------------------------------------------------------

fn all_strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if s.chars().count() >= MIN_LEN => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| all_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| all_strings(x, out)),
        _ => {}
    }
}

/// Strings in `v` covered by `marker` (which mirrors `v`'s shape; `true` covers a subtree).
fn marked_strings(v: &Value, marker: &Value, out: &mut BTreeSet<String>) {
    match (marker, v) {
        (Value::Bool(true), _) => all_strings(v, out),
        (Value::Object(m), Value::Object(o)) => {
            for (k, x) in o {
                if let Some(mk) = m.get(k) {
                    marked_strings(x, mk, out);
                }
            }
        }
        (Value::Array(m), Value::Array(a)) => {
            for (x, mk) in a.iter().zip(m) {
                marked_strings(x, mk, out);
            }
        }
        _ => {}
    }
}

/// The sensitive values of one plan document.
fn plan_secrets(doc: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for section in ["resource_changes", "resource_drift"] {
        for rc in doc[section].as_array().into_iter().flatten() {
            let c = &rc["change"];
            marked_strings(&c["before"], &c["before_sensitive"], &mut out);
            marked_strings(&c["after"], &c["after_sensitive"], &mut out);
        }
    }
    for oc in doc["output_changes"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
    {
        if oc["before_sensitive"] == true || oc["after_sensitive"] == true {
            all_strings(&oc["before"], &mut out);
            all_strings(&oc["after"], &mut out);
        }
    }
    let declared = &doc["configuration"]["root_module"]["variables"];
    for (name, var) in doc["variables"].as_object().into_iter().flatten() {
        if declared[name.as_str()]["sensitive"] == true {
            all_strings(&var["value"], &mut out);
        }
    }
    out
}

/// Every JSON document in a file as CI produces it: UTF-16 with a BOM, setup-terraform
/// wrapper lines around the JSON, several documents in a row (terragrunt). Unparseable text
/// is skipped; the binary is still run over such files (its errors must not leak either).
fn documents(bytes: &[u8]) -> Vec<Value> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).into_owned()
    };
    let mut docs = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let Some(start) = rest.find('{') else { break };
        let mut stream = serde_json::Deserializer::from_str(&rest[start..]).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                docs.push(v);
                at += start + stream.byte_offset();
            }
            _ => {
                // Not a document here: go on after this line.
                at += start
                    + rest[start..]
                        .find('\n')
                        .map_or(rest.len() - start, |n| n + 1);
            }
        }
    }
    docs
}

fn file_secrets(path: &Path) -> BTreeSet<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    documents(&bytes).iter().flat_map(plan_secrets).collect()
}

/// Every plan the guarantee is checked on: the shared fixtures, the edge cases, and the
/// plans real Terraform made in `tests/fixtures/terraform/*/plan.json`.
fn inputs() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v = support::plan_fixtures();
    for dir in [root.join("plans/edge"), root.join("terraform")] {
        let mut more: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("entry").path())
            .flat_map(|p| {
                if p.is_dir() {
                    vec![p.join("plan.json")]
                } else {
                    vec![p]
                }
            })
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
            .collect();
        more.sort();
        v.extend(more);
    }
    v
}

// ---------------------------------------------------------------------------------------
// Looking for leaks.
// ---------------------------------------------------------------------------------------

/// A check over the fixtures passes only when some had secrets to leak and none leaked.
fn assert_no_leaks(checked: usize, failures: &[String]) {
    assert!(
        checked >= 2,
        "only {checked} fixtures have sensitive values"
    );
    assert!(
        failures.is_empty(),
        "{} leak(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_output(what: &str, out: &Output, secrets: &BTreeSet<String>, failures: &mut Vec<String>) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for (s, form) in leaks(&text, secrets) {
            failures.push(format!(
                "{what}: {stream} shows sensitive value {s:?} (as {form:?})"
            ));
        }
    }
}

/// Runs `plan analyze` over `plan` in every format and then some, and checks every output.
fn check_plan(label: &str, plan: &Path, secrets: &BTreeSet<String>, failures: &mut Vec<String>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let summary = tmp.path().join("step-summary.md");
    let mut variants: Vec<Vec<&str>> = FORMATS.iter().map(|f| vec!["--format", f]).collect();
    variants.extend([
        vec!["--format", "table", "--color", "always"],
        vec!["--format", "json", "-v"],
        vec!["--format", "table", "-vv"],
        vec!["--format", "markdown", "-vv"],
        // Gate reasons are printed on stderr.
        vec![
            "--format",
            "json",
            "--fail-on",
            "info",
            "--max-destroy",
            "0",
        ],
        vec![
            "--format",
            "sarif",
            "--fail-on",
            "info",
            "--max-destroy",
            "0",
            "-vv",
        ],
        // Relaxing name-based masking never unmasks what Terraform marked.
        vec!["--format", "json", "--no-mask-secret-names"],
        vec!["--format", "markdown", "--no-mask-secret-names"],
    ]);
    for args in &variants {
        let mut c = support::cloudops();
        c.args(["plan", "analyze"])
            .arg(plan)
            .arg("--no-config")
            .args(args);
        if args.contains(&"github") {
            c.env("GITHUB_STEP_SUMMARY", &summary);
        }
        let out = c.output().expect("runs");
        check_output(
            &format!("{label} {}", args.join(" ")),
            &out,
            secrets,
            failures,
        );
        if summary.exists() {
            let text = std::fs::read_to_string(&summary).expect("read job summary");
            for (s, form) in leaks(&text, secrets) {
                failures.push(format!(
                    "{label} {}: GITHUB_STEP_SUMMARY shows {s:?} (as {form:?})",
                    args.join(" ")
                ));
            }
            std::fs::remove_file(&summary).expect("reset job summary");
        }
    }
    // The same plan on stdin.
    let bytes = std::fs::read(plan).expect("read plan");
    for fmt in ["table", "json"] {
        let out = support::cloudops()
            .args([
                "plan",
                "analyze",
                "-",
                "--no-config",
                "-vv",
                "--format",
                fmt,
            ])
            .write_stdin(bytes.clone())
            .output()
            .expect("runs");
        check_output(
            &format!("{label} (stdin) --format {fmt} -vv"),
            &out,
            secrets,
            failures,
        );
    }
}

fn file_name(p: &Path) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    p.strip_prefix(&root).unwrap_or(p).display().to_string()
}

// ---------------------------------------------------------------------------------------
// The collector and the leak search can fail: without these, an empty collector would make
// every other test here pass vacuously.
// ---------------------------------------------------------------------------------------

#[test]
fn collector_reads_markers_by_shape() {
    let doc = json!({
        "format_version": "1.2",
        "variables": {
            "db_password": {"value": "var-secret-1"},
            "region": {"value": "eu-west-1"},
            "creds": {"value": {"user": "var-user-2", "keys": ["var-key-3", "ab"]}}
        },
        "configuration": {"root_module": {"variables": {
            "db_password": {"sensitive": true},
            "region": {},
            "creds": {"sensitive": true}
        }}},
        "resource_changes": [{
            "address": "x.y",
            "change": {
                "actions": ["update"],
                "before": {"a": "plain-before", "b": "marked-before", "list": ["l0-plain", "l1-marked"], "whole": {"n": "whole-subtree"}},
                "after": {"a": "plain-after", "b": "marked-after", "list": ["l0-plain", "l1-marked-after"], "whole": {"n": "whole-after"}},
                "before_sensitive": {"b": true, "list": [false, true], "whole": true},
                "after_sensitive": {"b": true, "list": [false, true], "whole": true}
            }
        }],
        "resource_drift": [{
            "address": "x.z",
            "change": {"actions": ["update"], "before": "drift-whole", "after": {"k": "drift-after"}, "before_sensitive": true, "after_sensitive": {"k": true}}
        }],
        "output_changes": {
            "pw": {"actions": ["update"], "before": "out-before", "after": "out-after", "before_sensitive": true, "after_sensitive": true},
            "half": {"actions": ["update"], "before": "half-before", "after": "half-after", "before_sensitive": false, "after_sensitive": true},
            "open": {"actions": ["create"], "before": null, "after": "out-public", "before_sensitive": false, "after_sensitive": false}
        }
    });
    let got = plan_secrets(&doc);
    let want: BTreeSet<String> = [
        "var-secret-1",
        "var-user-2",
        "var-key-3",
        "marked-before",
        "marked-after",
        "l1-marked",
        "l1-marked-after",
        "whole-subtree",
        "whole-after",
        "drift-whole",
        "drift-after",
        "out-before",
        "out-after",
        "half-before",
        "half-after",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(got, want);
}

#[test]
fn collector_finds_the_known_secrets_in_real_plans() {
    let opentofu = file_secrets(&support::fixture(
        "opentofu__show-json__sensitive-values.json",
    ));
    assert!(
        opentofu.contains("boop"),
        "collector missed `boop`: {opentofu:?}"
    );

    let tf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/terraform/sensitive/plan.json");
    let tf = file_secrets(&tf);
    for s in [
        "hunter2-Sup3rS3cret",
        "tok_4f9a8b7c6d5e",   // only in the token's `before`
        "tok_ROTATED_77a1b2", // variable and `after`
        "svc-deployer",
        "AKIAEXAMPLEKEY12345",
        "postgres://admin:hunter2-Sup3rS3cret@db.internal:5432/app",
    ] {
        assert!(
            tf.contains(s),
            "collector missed {s:?} in terraform/sensitive/plan.json: {tf:?}"
        );
    }
    assert!(
        !tf.contains("public-name-2"),
        "an unmarked attribute was collected: {tf:?}"
    );

    // And the whole corpus is not vacuous.
    let with_secrets = inputs()
        .iter()
        .filter(|p| !file_secrets(p).is_empty())
        .count();
    assert!(
        with_secrets >= 2,
        "only {with_secrets} inputs have sensitive values"
    );
}

#[test]
fn collector_reads_ci_shaped_inputs() {
    // Wrapper lines, two documents, a BOM: all documents are found.
    let a = json!({"variables": {"p": {"value": "doc-one-secret"}}, "configuration": {"root_module": {"variables": {"p": {"sensitive": true}}}}});
    let b = json!({"output_changes": {"o": {"before": null, "after": "doc-two-secret", "after_sensitive": true}}});
    let text =
        format!("[command]/usr/bin/terraform show -json tfplan\n{a}\n::debug::exitcode: 0\n{b}\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    for bytes in [text.clone().into_bytes(), utf16] {
        let got: BTreeSet<String> = documents(&bytes).iter().flat_map(plan_secrets).collect();
        assert_eq!(
            got,
            BTreeSet::from(["doc-one-secret".to_string(), "doc-two-secret".to_string()])
        );
    }
    let multi = support::fixture(
        "edge/terraform-plan-comment__tests__fixtures__basic__6-terragrunt-multiplan__plan.json",
    );
    assert!(
        documents(&std::fs::read(multi).expect("read")).len() >= 2,
        "the terragrunt stream has several plans"
    );
}

#[test]
fn leak_search_sees_every_escaped_form() {
    let secret = BTreeSet::from([r#"a"b\c<d>&e_f'g|h"#.to_string()]);
    for text in [
        r#"{"x": "a\"b\\c<d>&e_f'g|h"}"#.to_string(), // JSON
        r#"{"policy": "{\"x\":\"a\\\"b\\\\c<d>&e_f'g|h\"}"}"#.to_string(), // JSON in JSON
        r#"<code>a"b\c&lt;d&gt;&amp;e&#95;f'g&#124;h</code>"#.to_string(), // markdown
        r#"<failure message="a&quot;b\c&lt;d&gt;&amp;e_f&apos;g|h"/>"#.to_string(), // XML
        "::notice::a\"b\\c<d>&e_f'g|h".to_string(),   // raw
    ] {
        assert!(
            !leaks(&text, &secret).is_empty(),
            "missed the secret in {text}"
        );
    }
    assert!(leaks("nothing to see (sensitive value)", &secret).is_empty());
}

// ---------------------------------------------------------------------------------------
// The guarantee over every fixture.
// ---------------------------------------------------------------------------------------

#[test]
fn no_sensitive_value_is_printed_for_any_fixture() {
    let inputs = inputs();
    // One thread per plan; each runs its ~17 variants in turn.
    let results: Vec<(bool, Vec<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .iter()
            .map(|plan| {
                scope.spawn(move || {
                    let secrets = file_secrets(plan);
                    let mut failures = Vec::new();
                    // With nothing sensitive in it there is nothing a run could leak.
                    if !secrets.is_empty() {
                        check_plan(&file_name(plan), plan, &secrets, &mut failures);
                    }
                    (!secrets.is_empty(), failures)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("checker thread"))
            .collect()
    });
    let checked = results.iter().filter(|r| r.0).count();
    let failures: Vec<String> = results.into_iter().flat_map(|r| r.1).collect();
    assert_no_leaks(checked, &failures);
}

/// What `plan comment` sends GitHub is searched too: every request body, for every plan.
#[test]
fn no_sensitive_value_reaches_a_pull_request_comment() {
    let gh = github_server::Server::start(vec![]);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, plan) in inputs().iter().enumerate() {
        let secrets = file_secrets(plan);
        if secrets.is_empty() {
            continue;
        }
        checked += 1;
        let pr = i as u64 + 1;
        gh.open_pull("acme", "infra", pr);
        let before = gh.requests().len();
        for behavior in ["update", "new"] {
            let out = support::cloudops()
                .args(["plan", "comment", "--no-config", "--repo", "acme/infra"])
                .args(["--pr", &pr.to_string(), "--behavior", behavior, "-vv"])
                .arg(plan)
                .env("CLOUDOPS_GITHUB_API_URL", gh.base_uri())
                .env("GITHUB_TOKEN", "ghs_secretsTestToken0000000000000000")
                .env_remove("GITHUB_EVENT_PATH")
                .output()
                .expect("runs");
            check_output(
                &format!("{} plan comment --behavior {behavior}", file_name(plan)),
                &out,
                &secrets,
                &mut failures,
            );
        }
        let sent = gh.requests();
        assert!(
            sent[before..].iter().any(|r| r.method == "POST"),
            "{}: nothing was posted",
            file_name(plan)
        );
        for r in &sent[before..] {
            for (s, form) in leaks(&r.body, &secrets) {
                failures.push(format!(
                    "{}: {} {} sent {s:?} (as {form:?})",
                    file_name(plan),
                    r.method,
                    r.target
                ));
            }
        }
    }
    assert_no_leaks(checked, &failures);
}

// ---------------------------------------------------------------------------------------
// Hand-made plans for what real fixtures rarely show.
// ---------------------------------------------------------------------------------------

fn write_plan(dir: &Path, name: &str, plan: &Value) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec_pretty(plan).expect("serialize")).expect("write plan");
    p
}

fn resource(
    address: &str,
    rtype: &str,
    actions: &[&str],
    before: Value,
    after: Value,
    bs: Value,
    as_: Value,
) -> Value {
    let name = address
        .split('.')
        .nth(1)
        .unwrap_or("x")
        .split('[')
        .next()
        .unwrap_or("x");
    json!({
        "address": address, "mode": "managed", "type": rtype, "name": name,
        "provider_name": "registry.terraform.io/hashicorp/example",
        "change": {"actions": actions, "before": before, "after": after, "after_unknown": {},
                   "before_sensitive": bs, "after_sensitive": as_}
    })
}

const PEM_OLD: &str = "-----BEGIN PRIVATE KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASCold0001\n-----END PRIVATE KEY-----\n";
const PEM_NEW: &str = "-----BEGIN PRIVATE KEY-----\nMIIBVwIBADANBgkqhkiG9w0BAQEFAASCnew0002\n-----END PRIVATE KEY-----\n";

/// Attributes whose names say secret, none of them marked sensitive by the provider.
fn secret_names_plan() -> (Value, BTreeSet<String>) {
    let plan = json!({
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "resource_changes": [
            resource("aws_db_instance.main", "aws_db_instance", &["update"],
                json!({"identifier": "main-db", "instance_class": "db.t3.micro", "password": "OldPassw0rd-by-name"}),
                json!({"identifier": "main-db", "instance_class": "db.t3.small", "password": "NewPassw0rd-by-name"}),
                json!({}), json!({})),
            resource("example_service.api", "example_service", &["update"],
                json!({"name": "api-v1", "api_token": "tok-by-name-1111", "client_secret": "cs-by-name-aaaa",
                       "private_key": PEM_OLD, "access_keys": ["AKIAOLDBYNAME0001"],
                       "settings": {"db_password": "nested-pass-by-name-1", "region": "eu-west-1"}}),
                json!({"name": "api-v2", "api_token": "tok-by-name-2222", "client_secret": "cs-by-name-bbbb",
                       "private_key": PEM_NEW, "access_keys": ["AKIANEWBYNAME0002"],
                       "settings": {"db_password": "nested-pass-by-name-2", "region": "eu-west-2"}}),
                json!({}), json!({})),
        ],
        "output_changes": {
            "admin_token": {"actions": ["create"], "before": null, "after": "out-token-by-name",
                            "after_unknown": false, "before_sensitive": false, "after_sensitive": false},
            "endpoint": {"actions": ["create"], "before": null, "after": "db.internal:5432",
                         "after_unknown": false, "before_sensitive": false, "after_sensitive": false}
        }
    });
    let secrets = [
        "OldPassw0rd-by-name",
        "NewPassw0rd-by-name",
        "tok-by-name-1111",
        "tok-by-name-2222",
        "cs-by-name-aaaa",
        "cs-by-name-bbbb",
        PEM_OLD,
        PEM_NEW,
        "AKIAOLDBYNAME0001",
        "AKIANEWBYNAME0002",
        "nested-pass-by-name-1",
        "nested-pass-by-name-2",
        "out-token-by-name",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    (plan, secrets)
}

fn analyze(plan: &Path, extra: &[&str]) -> Value {
    support::analyze_json(plan, extra)
}

fn attr<'a>(report: &'a Value, address: &str, path: &str) -> &'a Value {
    let e = report["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .find(|e| e["address"] == address)
        .unwrap_or_else(|| panic!("no change for {address}: {}", report["changes"]));
    e["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .find(|a| a["path"] == path)
        .unwrap_or_else(|| panic!("no attribute {path} on {address}: {}", e["attributes"]))
}

#[test]
fn secret_named_attributes_are_masked_by_default() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (plan, secrets) = secret_names_plan();
    let path = write_plan(tmp.path(), "secret-names.json", &plan);

    let mut failures = Vec::new();
    for fmt in FORMATS {
        for verbosity in [None, Some("-vv")] {
            let out = support::cloudops()
                .args(["plan", "analyze"])
                .arg(&path)
                .args(["--no-config", "--format", fmt])
                .args(verbosity)
                .output()
                .expect("runs");
            assert!(
                out.status.success(),
                "{fmt}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            check_output(
                &format!("secret-names.json --format {fmt} {verbosity:?}"),
                &out,
                &secrets,
                &mut failures,
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let report = analyze(&path, &[]);
    // Masked attributes are still reported as changed, flagged, without values.
    for (address, p) in [
        ("aws_db_instance.main", "password"),
        ("example_service.api", "api_token"),
        ("example_service.api", "client_secret"),
        ("example_service.api", "private_key"),
        ("example_service.api", "settings.db_password"),
    ] {
        let a = attr(&report, address, p);
        assert_eq!(a["sensitive"], true, "{address} {p}: {a}");
        assert!(
            a.get("before").is_none() && a.get("after").is_none(),
            "{address} {p} has values: {a}"
        );
    }
    // Controls: ordinary values are shown, so the masking above is not just "show nothing".
    assert_eq!(
        attr(&report, "aws_db_instance.main", "instance_class")["after"],
        "db.t3.small"
    );
    assert_eq!(
        attr(&report, "example_service.api", "settings.region")["after"],
        "eu-west-2"
    );
    let outputs = report["outputs"].as_array().expect("outputs");
    let endpoint = outputs
        .iter()
        .find(|o| o["name"] == "endpoint")
        .expect("endpoint");
    assert_eq!(endpoint["after"], "db.internal:5432");
    let token = outputs
        .iter()
        .find(|o| o["name"] == "admin_token")
        .expect("admin_token");
    assert_eq!(token["sensitive"], true, "{token}");
}

#[test]
fn secret_named_attributes_are_shown_with_no_mask_secret_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (plan, _) = secret_names_plan();
    let path = write_plan(tmp.path(), "secret-names.json", &plan);

    let report = analyze(&path, &["--no-mask-secret-names"]);
    let pw = attr(&report, "aws_db_instance.main", "password");
    assert_eq!(
        (&pw["before"], &pw["after"]),
        (&json!("OldPassw0rd-by-name"), &json!("NewPassw0rd-by-name")),
        "{pw}"
    );
    assert_ne!(pw["sensitive"], true);
    assert_eq!(
        attr(&report, "example_service.api", "api_token")["after"],
        "tok-by-name-2222"
    );
    assert_eq!(
        attr(&report, "example_service.api", "settings.db_password")["after"],
        "nested-pass-by-name-2"
    );
    let token = report["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .find(|o| o["name"] == "admin_token")
        .expect("admin_token");
    assert_eq!(token["after"], "out-token-by-name", "{token}");

    let table = support::cloudops()
        .args(["plan", "analyze"])
        .arg(&path)
        .args(["--no-config", "--format", "table", "--no-mask-secret-names"])
        .output()
        .expect("runs");
    assert!(table.status.success());
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains("NewPassw0rd-by-name"), "{table}");
}

const COPIED: &str = "Copied-S3cret-Value!";
const DRIFT_BEFORE: &str = "Drifted-S3cret-01";
const DRIFT_AFTER: &str = "Drifted-S3cret-02";
/// An output that was sensitive and no longer is: its old value stays secret.
const OUT_BEFORE: &str = "Old-Output-S3cret";
/// JSON, markdown and XML specials all in one value.
const QUOTED: &str = r#"pa"ss\word</x>&'_*|[q]`"#;

/// A marked value copied unmarked into other attributes, embedded in longer strings, used as
/// a map key and in an address, and a sensitive variable inside a JSON-encoded attribute.
fn copies_plan() -> Value {
    let policy = json!({"Statement": [{"Condition": {"pw": QUOTED}}]}).to_string();
    json!({
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "variables": {"quoted": {"value": QUOTED}, "plain": {"value": "not-a-secret-var"}},
        "configuration": {"root_module": {"variables": {"quoted": {"sensitive": true}, "plain": {}}}},
        "resource_changes": [
            resource("terraform_data.src", "terraform_data", &["update"],
                json!({"id": "src-id", "input": COPIED, "output": "previous-output"}),
                json!({"id": "src-id", "input": COPIED, "output": COPIED}),
                json!({"input": true}), json!({"input": true})),
            resource("terraform_data.consumer", "terraform_data", &["update"],
                json!({"input": "plain-before", "tags": {"owner": "team-a"}, "policy": "{}", "note": "n/a"}),
                json!({"input": format!("dsn=postgres://app:{COPIED}@db:5432/app"),
                       "tags": {"owner": "team-a", COPIED: "secret-as-key"},
                       "policy": policy,
                       "note": format!("quoted={QUOTED};end")}),
                json!({}), json!({})),
            resource(&format!("terraform_data.keyed[\"{COPIED}\"]"), "terraform_data", &["delete"],
                json!({"input": "keyed-input"}), Value::Null, json!({}), json!(false)),
        ],
        "resource_drift": [
            resource("terraform_data.drifted", "terraform_data", &["update"],
                json!({"id": "d-id", "keys": ["public-key-0", DRIFT_BEFORE], "label": "before-drift"}),
                json!({"id": "d-id", "keys": ["public-key-0", DRIFT_AFTER], "label": "after-drift"}),
                json!({"keys": [false, true]}), json!({"keys": [false, true]})),
        ],
        "output_changes": {
            "conn": {"actions": ["create"], "before": null,
                     "after": format!("jdbc:postgresql://db/app?password={COPIED}"),
                     "after_unknown": false, "before_sensitive": false, "after_sensitive": false},
            "was_secret": {"actions": ["update"], "before": OUT_BEFORE, "after": "now-public-value",
                           "after_unknown": false, "before_sensitive": true, "after_sensitive": false}
        }
    })
}

#[test]
fn unmarked_copies_and_embedded_values_are_masked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let plan = copies_plan();
    let secrets = plan_secrets(&plan);
    let want = [
        COPIED,
        QUOTED,
        DRIFT_BEFORE,
        DRIFT_AFTER,
        OUT_BEFORE,
        "now-public-value",
    ];
    assert_eq!(
        secrets,
        want.into_iter().map(String::from).collect(),
        "collector"
    );
    let path = write_plan(tmp.path(), "copies.json", &plan);

    let mut failures = Vec::new();
    check_plan("copies.json", &path, &secrets, &mut failures);
    assert!(
        failures.is_empty(),
        "{} leak(s):\n{}",
        failures.len(),
        failures.join("\n")
    );

    // The copies are masked in place, the rest of each string is kept.
    let report = analyze(&path, &[]);
    let consumer_input = attr(&report, "terraform_data.consumer", "input");
    assert_eq!(consumer_input["before"], "plain-before");
    assert_eq!(
        consumer_input["after"],
        format!("dsn=postgres://app:{MASK}@db:5432/app")
    );
    assert_eq!(
        attr(&report, "terraform_data.consumer", "note")["after"],
        format!("quoted={MASK};end")
    );
    let policy = attr(&report, "terraform_data.consumer", "policy")["after"]
        .as_str()
        .expect("policy")
        .to_string();
    assert!(
        policy.contains(MASK),
        "the JSON-escaped copy inside a JSON string is masked: {policy}"
    );
    let src_output = attr(&report, "terraform_data.src", "output");
    assert_eq!(src_output["before"], "previous-output");
    assert_eq!(src_output["after"], MASK);
    let drift = &report["drift"].as_array().expect("drift")[0];
    assert_eq!(drift["address"], "terraform_data.drifted");
    assert!(
        drift.to_string().contains("after-drift"),
        "drift is reported: {drift}"
    );
    let conn = report["outputs"]
        .as_array()
        .expect("outputs")
        .iter()
        .find(|o| o["name"] == "conn")
        .expect("conn");
    assert_eq!(
        conn["after"],
        format!("jdbc:postgresql://db/app?password={MASK}")
    );
    // ... and with name-based masking off, too: these are Terraform-marked values.
    let relaxed = analyze(&path, &["--no-mask-secret-names"]);
    assert_eq!(
        attr(&relaxed, "terraform_data.consumer", "input")["after"],
        format!("dsn=postgres://app:{MASK}@db:5432/app")
    );
}

/// Errors about a broken plan quote positions, never the plan's text.
#[test]
fn errors_do_not_echo_sensitive_values() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = serde_json::to_string(&copies_plan()).expect("serialize");
    let secrets = BTreeSet::from([COPIED.to_string(), QUOTED.to_string()]);
    let cut = text.find(COPIED).expect("secret in plan") + COPIED.len();
    let truncated = tmp.path().join("truncated.json");
    std::fs::write(&truncated, &text[..cut]).expect("write");
    let garbage = tmp.path().join("garbage.json");
    std::fs::write(
        &garbage,
        format!("{}\nnot json {COPIED}\n", &text[..cut + 2]),
    )
    .expect("write");
    let mut failures = Vec::new();
    for p in [&truncated, &garbage] {
        for fmt in FORMATS {
            let out = support::cloudops()
                .args(["plan", "analyze"])
                .arg(p)
                .args(["--no-config", "-vv", "--format", fmt])
                .output()
                .expect("runs");
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}: {}",
                p.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            check_output(
                &format!("{} --format {fmt}", p.display()),
                &out,
                &secrets,
                &mut failures,
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A plan cloudops cannot read must not be quoted either: it cannot know what in it is secret.
/// Here a value Terraform marked sensitive also sits, by corruption, where the format expects
/// a list; the error names the position and the expected type, not the value.
#[test]
fn shape_errors_do_not_quote_plan_values() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut plan = copies_plan();
    plan["resource_changes"][0]["change"]["replace_paths"] = json!(COPIED);
    let path = write_plan(tmp.path(), "bad-shape.json", &plan);
    let secrets = BTreeSet::from([COPIED.to_string()]);
    let mut failures = Vec::new();
    for fmt in FORMATS {
        let out = support::cloudops()
            .args(["plan", "analyze"])
            .arg(&path)
            .args(["--no-config", "--format", fmt])
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        check_output(
            &format!("bad-shape.json --format {fmt}"),
            &out,
            &secrets,
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
