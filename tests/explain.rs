//! `plan explain` and `plan analyze --explain` end to end: the real binary and the real
//! aws-sdk-bedrockruntime client against a local server speaking the Converse wire protocol,
//! streaming and not; what is sent is checked for every sensitive value of the fixtures.

#[path = "support/bedrock_server.rs"]
mod bedrock_server;
mod support;

use std::collections::BTreeSet;
use std::path::Path;

use bedrock_server::{Reply, Server};
use serde_json::Value;
use support::leaks::leaks;

const MODEL: &str = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

/// `cloudops ARGS` with AWS pointed at `endpoint` and nothing of the developer's AWS setup.
fn run(endpoint: &str, args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().expect("home");
    let mut c = support::cloudops();
    for k in [
        "AWS_PROFILE",
        "AWS_SESSION_TOKEN",
        "AWS_DEFAULT_REGION",
        "CLOUDOPS_EXPLAIN_MODEL",
    ] {
        c.env_remove(k);
    }
    c.env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "AKIDEXPLAINTEST")
        .env("AWS_SECRET_ACCESS_KEY", "explain-test-secret")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1")
        .env("AWS_CONFIG_FILE", home.path().join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.path().join("none"))
        .env("HOME", home.path())
        .env("NO_PROXY", "127.0.0.1")
        .env("CLOUDOPS_CONFIG_DIR", home.path().join("config"))
        .env("CLOUDOPS_DATA_DIR", home.path().join("data"))
        .args(args)
        .arg("--no-config")
        .timeout(std::time::Duration::from_secs(60));
    c.output().expect("runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn fixture(name: &str) -> String {
    support::fixture(name).display().to_string()
}

const PIECES: &[&str] = &[
    "This plan replaces ",
    "one instance",
    " and deletes nothing.\n",
];

#[test]
fn explain_in_a_pipe_prints_the_whole_answer_and_token_counts() {
    let s = Server::start(Reply::text(PIECES, 321, 17));
    let plan = fixture("opentofu__show-json__requires-replace.json");
    let out = run(&s.url(), &["plan", "explain", &plan]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), PIECES.concat());
    let err = text(&out.stderr);
    assert!(err.contains("321 input + 17 output = 338 tokens"), "{err}");
    let reqs = s.requests();
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    let model = MODEL.replace(':', "%3A");
    assert_eq!(
        reqs[0].path,
        format!("/model/{model}/converse"),
        "not streamed in a pipe"
    );
    let body: Value = serde_json::from_str(&reqs[0].body).expect("JSON request");
    let sent = body["messages"][0]["content"][0]["text"]
        .as_str()
        .expect("text sent");
    assert!(
        sent.contains("Terraform plan"),
        "the analysis is sent: {sent}"
    );
    assert!(body["system"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Terraform")));
}

#[test]
fn explain_streams_when_asked_and_json_carries_usage() {
    let s = Server::start(Reply::text(PIECES, 100, 9));
    let plan = fixture("opentofu__show-json__requires-replace.json");
    let out = run(
        &s.url(),
        &[
            "plan",
            "explain",
            &plan,
            "--stream",
            "always",
            "--model",
            "eu.anthropic.test-model",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), PIECES.concat());
    assert!(text(&out.stderr).contains("100 input + 9 output = 109 tokens"));
    assert_eq!(
        s.requests()[0].path,
        "/model/eu.anthropic.test-model/converse-stream"
    );

    let out = run(&s.url(), &["plan", "explain", &plan, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["model"], MODEL);
    assert_eq!(doc["explanation"], PIECES.concat());
    assert_eq!(doc["usage"]["total_tokens"], 109);
    assert_eq!(doc["sent"]["shortened"], false);
}

#[test]
fn analyze_explain_prints_the_report_then_the_explanation() {
    let s = Server::start(Reply::text(PIECES, 5, 5));
    let plan = fixture("opentofu__show-json__requires-replace.json");
    let out = run(&s.url(), &["plan", "analyze", &plan, "--explain"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let o = text(&out.stdout);
    let at = o.find(&format!("Explanation ({MODEL}):")).expect("heading");
    assert!(o[..at].contains("Plan:"), "the report first: {o}");
    assert!(o[at..].contains(PIECES[1]));
    let bad = run(
        &s.url(),
        &["plan", "analyze", &plan, "--explain", "--format", "json"],
    );
    assert_eq!(bad.status.code(), Some(64), "{}", text(&bad.stderr));
    assert!(text(&bad.stderr).contains("plan explain"));
}

#[test]
fn bedrock_errors_say_what_to_do() {
    let plan = fixture("opentofu__show-json__requires-replace.json");
    for (reply, said, hint) in [
        (
            Reply::error(
                403,
                "AccessDeniedException",
                "You don't have access to the model",
            ),
            "AccessDeniedException",
            "Model access",
        ),
        (
            Reply::error(429, "ThrottlingException", "Too many requests"),
            "ThrottlingException",
            "wait a minute",
        ),
        (
            Reply::error(
                400,
                "ValidationException",
                "The provided model identifier is invalid.",
            ),
            "ValidationException",
            "list-inference-profiles",
        ),
        (
            Reply::error(404, "ResourceNotFoundException", "Model not found"),
            "ResourceNotFoundException",
            "--model",
        ),
    ] {
        let s = Server::start(reply);
        for stream in ["never", "always"] {
            let out = run(&s.url(), &["plan", "explain", &plan, "--stream", stream]);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{said}: {err}");
            assert!(out.stdout.is_empty(), "{said}: nothing on stdout");
            assert!(
                err.contains(said) && err.contains(hint),
                "{said} ({stream}): {err}"
            );
        }
    }
    // A region without Bedrock: no endpoint answers.
    let gone = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", l.local_addr().expect("addr"))
    };
    let out = run(&gone, &["plan", "explain", &plan]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot connect") && err.contains("--region"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// Nothing sensitive is sent: values collected from Terraform's own markers, independently.
// ---------------------------------------------------------------------------------------

fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if s.chars().count() >= 4 => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn marked(v: &Value, m: &Value, out: &mut BTreeSet<String>) {
    match (m, v) {
        (Value::Bool(true), _) => strings(v, out),
        (Value::Object(m), Value::Object(o)) => {
            for (k, x) in o {
                if let Some(mk) = m.get(k) {
                    marked(x, mk, out);
                }
            }
        }
        (Value::Array(m), Value::Array(a)) => {
            a.iter().zip(m).for_each(|(x, mk)| marked(x, mk, out))
        }
        _ => {}
    }
}

/// `None` for an edge case that is not one JSON plan (several documents, broken input).
fn secrets_of(path: &Path) -> Option<BTreeSet<String>> {
    let doc: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).ok()?;
    let mut out = BTreeSet::new();
    for section in ["resource_changes", "resource_drift"] {
        for rc in doc[section].as_array().into_iter().flatten() {
            let c = &rc["change"];
            marked(&c["before"], &c["before_sensitive"], &mut out);
            marked(&c["after"], &c["after_sensitive"], &mut out);
        }
    }
    for oc in doc["output_changes"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
    {
        if oc["before_sensitive"] == Value::Bool(true) || oc["after_sensitive"] == Value::Bool(true)
        {
            strings(&oc["before"], &mut out);
            strings(&oc["after"], &mut out);
        }
    }
    let declared = &doc["configuration"]["root_module"]["variables"];
    for (name, v) in doc["variables"].as_object().into_iter().flatten() {
        if declared[name]["sensitive"] == Value::Bool(true) {
            strings(&v["value"], &mut out);
        }
    }
    Some(out)
}

#[test]
fn no_sensitive_value_of_any_fixture_is_in_a_request_body() {
    let s = Server::start(Reply::text(&["ok"], 1, 1));
    let mut checked = 0;
    let mut failures = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut plans = support::plan_fixtures();
    for dir in [root.join("plans/edge"), root.join("terraform")] {
        for e in std::fs::read_dir(&dir).expect("fixture dir") {
            let p = e.expect("entry").path();
            let p = if p.is_dir() { p.join("plan.json") } else { p };
            if p.is_file() && p.extension().is_some_and(|x| x == "json") {
                plans.push(p);
            }
        }
    }
    plans.sort();
    for plan in plans {
        let Some(secrets) = secrets_of(&plan) else {
            continue;
        };
        if secrets.is_empty() {
            continue;
        }
        // The check can fail: the raw plan holds what must not be sent.
        let raw = std::fs::read_to_string(&plan).expect("read");
        assert!(!leaks(&raw, &secrets).is_empty(), "{}", plan.display());
        checked += 1;
        let before = s.requests().len();
        let out = run(&s.url(), &["plan", "explain", &plan.display().to_string()]);
        if !out.status.success() {
            // An edge case cloudops refuses to analyse sends nothing at all.
            assert_eq!(s.requests().len(), before, "{}", plan.display());
            continue;
        }
        let sent = &s.requests()[before..];
        assert_eq!(sent.len(), 1, "{}", plan.display());
        for (secret, form) in leaks(&sent[0].body, &secrets) {
            failures.push(format!("{}: sent {secret:?} as {form:?}", plan.display()));
        }
    }
    // opentofu's sensitive-values plan and the one real Terraform made in terraform/sensitive.
    assert!(
        checked >= 2,
        "the secret-bearing fixtures were found ({checked})"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A plan whose analysis is far over the cap: what is sent stays under it, summaries first,
/// and the document and stderr say it was shortened.
#[test]
fn a_large_plan_is_sent_within_the_cap_with_summaries_first() {
    let changes: Vec<Value> = (0..4000)
        .map(|i| {
            serde_json::json!({
                "address": format!("aws_s3_bucket.b{i}"),
                "mode": "managed", "type": "aws_s3_bucket", "name": format!("b{i}"),
                "change": {"actions": ["delete"], "before": {"bucket": format!("bucket-{i}")},
                           "after": null, "before_sensitive": {}, "after_sensitive": false}
            })
        })
        .collect();
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("big.json");
    let doc = serde_json::json!({"format_version": "1.2", "terraform_version": "1.11.0",
                                 "resource_changes": changes});
    std::fs::write(&plan, doc.to_string()).expect("write");
    let s = Server::start(Reply::text(&["big"], 9000, 3));
    let out = run(
        &s.url(),
        &[
            "plan",
            "explain",
            &plan.display().to_string(),
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["sent"]["shortened"], true, "{doc}");
    assert!(
        text(&out.stderr).contains("shortened"),
        "{}",
        text(&out.stderr)
    );
    let body: Value = serde_json::from_str(&s.requests()[0].body).expect("JSON");
    let sent = body["messages"][0]["content"][0]["text"]
        .as_str()
        .expect("text");
    assert!(
        sent.chars().count() <= 40_100,
        "{} characters sent",
        sent.chars().count()
    );
    assert!(
        sent.contains("4000 to destroy") || sent.contains("4000"),
        "counts first"
    );
    assert!(sent.contains("Left out"), "says what it left out");
}

#[test]
fn the_model_comes_from_the_config_file_and_bad_values_are_rejected() {
    let s = Server::start(Reply::text(&["fine"], 1, 1));
    let dir = tempfile::tempdir().expect("dir");
    let cfg = dir.path().join("cloudops.toml");
    std::fs::write(
        &cfg,
        "[plan]\nexplain_model = \"eu.anthropic.from-config\"\n",
    )
    .expect("write");
    let plan = fixture("opentofu__show-json__requires-replace.json");
    let mut c = support::cloudops();
    c.env("AWS_ENDPOINT_URL", s.url())
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "AKIDEXPLAINTEST")
        .env("AWS_SECRET_ACCESS_KEY", "explain-test-secret")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", dir.path().join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", dir.path().join("none"))
        .env("CLOUDOPS_CONFIG_DIR", dir.path().join("config"))
        .env_remove("CLOUDOPS_EXPLAIN_MODEL")
        .args(["plan", "explain", &plan, "--config"])
        .arg(&cfg);
    let out = c.output().expect("runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        s.requests()[0].path,
        "/model/eu.anthropic.from-config/converse"
    );

    std::fs::write(&cfg, "[plan]\nexplain_model = \"two words\"\n").expect("write");
    let out = support::cloudops()
        .env("CLOUDOPS_CONFIG_DIR", dir.path().join("config"))
        .args(["plan", "explain", &plan, "--config"])
        .arg(&cfg)
        .output()
        .expect("runs");
    let err = text(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("plan.explain_model") && err.contains("cloudops.toml"),
        "{err}"
    );
    assert_eq!(s.requests().len(), 1, "nothing sent with a bad setting");
}
