//! Inputs CI really produces, and bad inputs: each gives a correct analysis or a specific
//! error with a position and a next step — never a panic, never exit 0.

mod support;

use predicates::prelude::*;
use predicates::str::contains;

fn edge(name: &str) -> std::path::PathBuf {
    support::fixture(&format!("edge/{name}"))
}

#[test]
fn setup_terraform_wrapper_noise_is_skipped() {
    let r = support::analyze_json(
        &edge("infracost__cmd__infracost__testdata__plan_with_terraform_wrapper.json"),
        &[],
    );
    assert_eq!(
        r["plans"].as_array().unwrap().len(),
        1,
        "the ::debug:: echo of the plan is not a second plan"
    );
    assert_eq!(r["summary"]["add"], 2);
}

#[test]
fn terragrunt_stream_gives_per_plan_sections_and_a_summed_summary() {
    let r = support::analyze_json(
        &edge("terraform-plan-comment__tests__fixtures__basic__6-terragrunt-multiplan__plan.json"),
        &[],
    );
    let plans = r["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 3);
    let sum: u64 = plans
        .iter()
        .map(|p| p["summary"]["add"].as_u64().unwrap())
        .sum();
    assert_eq!(r["summary"]["add"].as_u64().unwrap(), sum);
    assert_eq!(sum, 3);
    let in_plans: Vec<u64> = r["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["plan"].as_u64().unwrap())
        .collect();
    assert_eq!(in_plans, vec![0, 1, 2]);
    support::cloudops()
        .args(["plan", "analyze", "--no-config"])
        .arg(edge(
            "terraform-plan-comment__tests__fixtures__basic__6-terragrunt-multiplan__plan.json",
        ))
        .assert()
        .success()
        .stdout(contains("Plan 2 of 3"));
}

#[test]
fn utf16_le_with_bom_is_decoded() {
    let r = support::analyze_json(
        &edge(
            "checkov__tests__terraform__runner__resources__plan_with_utf_16_encoding__tfplan.json",
        ),
        &[],
    );
    assert_eq!(r["summary"]["add"], 3);
}

#[test]
fn utf16_be_and_utf8_bom_and_bomless_utf16_are_decoded() {
    let utf8 = std::fs::read(support::fixture("opentofu__show-json__basic-delete.json")).unwrap();
    let text = String::from_utf8(utf8.clone()).unwrap();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(|u| u.to_be_bytes()))
        .collect();
    let le_no_bom: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let bom: Vec<u8> = [0xEF, 0xBB, 0xBF]
        .into_iter()
        .chain(utf8.iter().copied())
        .collect();
    for input in [be, le_no_bom, bom] {
        let r = support::analyze_stdin_json(input, &[]);
        assert_eq!(
            (
                r["summary"]["change"].as_u64(),
                r["summary"]["destroy"].as_u64()
            ),
            (Some(1), Some(1))
        );
    }
}

#[test]
fn a_state_file_is_refused_as_such() {
    support::cloudops()
        .args(["plan", "analyze", "--no-config"])
        .arg(edge(
            "checkov__tests__terraform__runner__resources__plan__corrupted-tfplan.json",
        ))
        .assert()
        .code(1)
        .stderr(contains("is a Terraform state, not a plan").and(contains("terraform plan -out")));
    let raw_state = r#"{"version":4,"terraform_version":"1.11.4","serial":3,"lineage":"x","outputs":{},"resources":[]}"#;
    support::cloudops()
        .args(["plan", "analyze", "-", "--no-config"])
        .write_stdin(raw_state)
        .assert()
        .code(1)
        .stderr(contains("state, not a plan"));
}

/// (input, exit code, what stderr must say)
fn bad_inputs() -> Vec<(Vec<u8>, i32, &'static str)> {
    let plan = std::fs::read(support::fixture("opentofu__show-json__basic-delete.json")).unwrap();
    let half = plan[..plan.len() / 2].to_vec();
    let mut latin1 = br#"{"format_version":"1.0","resource_changes":[{"address":"a.b","change":{"actions":["create"]},"name":"caf"#.to_vec();
    latin1.extend_from_slice(&[0xE9]);
    latin1.extend_from_slice(b"\"}]}");
    let mut odd_utf16 = vec![0xFF, 0xFE];
    odd_utf16.extend(
        "{\"format_version\":\"1.0\",\"planned_values\":{}}"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    odd_utf16.push(b'x');
    vec![
        (vec![], 1, "the input is empty"),
        (b"   \n\t\n".to_vec(), 1, "the input is empty"),
        (half, 1, "ends in the middle of a JSON document"),
        (
            b"{\"format_version\": \"1.2\", \"resource_changes\": [}".to_vec(),
            1,
            "invalid JSON at line 1, column",
        ),
        (b"\n\n  {\"format_version\": 1.2}".to_vec(), 1, "line 3"),
        (latin1, 1, "invalid UTF-8 text at line 1"),
        (odd_utf16, 1, "invalid UTF-16"),
        (
            b"{\"hello\": \"world\"}".to_vec(),
            1,
            "not a Terraform plan",
        ),
        (
            b"{\"format_version\": \"2.0\", \"resource_changes\": []}".to_vec(),
            1,
            "plan format version 2.0",
        ),
        (
            b"[1, 2, 3]".to_vec(),
            1,
            "a JSON array where a plan object was expected",
        ),
        (
            b"Error: No configuration files\n".to_vec(),
            1,
            "text that is not JSON at line 1, column 1",
        ),
        (b"\x00\x01\x02garbage".to_vec(), 1, "input"),
        (
            b"{\"format_version\": \"1.0\", \"resource_changes\": [{\"address\": 5}]}".to_vec(),
            1,
            "does not match the Terraform plan format",
        ),
        (
            b"{\"format_version\": \"1.0\", \"planned_values\": {\"x\": tru}}".to_vec(),
            1,
            "an unfinished true, false or null",
        ),
        (
            b"{\"format_version\": \"1.0\", \"prior_state\": {\"x\": [falsy]}}".to_vec(),
            1,
            "true, false or null ('y')",
        ),
        (
            b"{\"format_version\": \"1.0\", \"planned_values\": {\"x\": 12x}}".to_vec(),
            1,
            "unexpected",
        ),
        (
            b"{\"format_version\": \"1.0\", \"unknown_key\": nulll}".to_vec(),
            1,
            "a character right after true, false or null",
        ),
        (
            b"{\"format_version\": \"1.0\", \"planned_values\": {}} trailing".to_vec(),
            1,
            "text that is not JSON",
        ),
    ]
}

#[test]
fn bad_inputs_fail_with_specific_messages_and_hints() {
    for (input, code, message) in bad_inputs() {
        let out = support::cloudops()
            .args(["plan", "analyze", "-", "--no-config"])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(code),
            "input {:?}: {stderr}",
            String::from_utf8_lossy(&input)
        );
        assert!(
            stderr.contains(message),
            "input {:?}: expected {message:?} in {stderr}",
            String::from_utf8_lossy(&input)
        );
        assert!(stderr.contains("hint:"), "no next step in: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            out.stdout.is_empty(),
            "nothing on stdout when the input is bad"
        );
    }
}

#[test]
fn missing_file_directory_and_terminal_stdin_are_usage_or_io_errors() {
    support::cloudops()
        .args(["plan", "analyze", "/nonexistent/plan.json", "--no-config"])
        .assert()
        .code(1)
        .stderr(contains("cannot open /nonexistent/plan.json"));
    support::cloudops()
        .args(["plan", "analyze", "--no-config"])
        .arg(std::env::temp_dir())
        .assert()
        .code(64)
        .stderr(contains("is a directory"));
    support::cloudops()
        .args(["plan", "analyze"])
        .assert()
        .code(64)
        .stderr(contains("<PLAN>"));
    support::cloudops()
        .args(["plan", "analyze", "x.json", "--format", "yaml"])
        .assert()
        .code(64);
}

#[test]
fn a_binary_plan_without_terraform_says_which_command_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("tfplan");
    std::fs::write(&zip, b"PK\x03\x04not really a zip").unwrap();
    support::cloudops()
        .args([
            "plan",
            "analyze",
            "--no-config",
            "--terraform-bin",
            "/nonexistent/terraform",
        ])
        .arg(&zip)
        .assert()
        .code(1)
        .stderr(contains("binary plan file").and(contains("terraform show -json")));
    support::cloudops()
        .args(["plan", "analyze", "-", "--no-config"])
        .env("PATH", dir.path())
        .write_stdin(&b"PK\x03\x04zzzz"[..])
        .assert()
        .code(1)
        .stderr(contains("no `terraform` was found on PATH"));
}

#[test]
fn hcp_terraform_redacted_json_is_read() {
    let doc = r#"{"plan_format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["delete"],"before":{"bucket":"logs"},"after":null,"after_unknown":{},"before_sensitive":{},"after_sensitive":false}}],"resource_drift":[],"relevant_attributes":[],"output_changes":{},"provider_format_version":"1.0","provider_schemas":{}}"#;
    let r = support::analyze_stdin_json(doc, &[]);
    assert_eq!(r["summary"]["destroy"], 1);
    assert_eq!(r["plans"][0]["hcp_redacted"], true);
    assert_eq!(r["findings"][0]["rule"], "CO001");
}

#[test]
fn every_format_version_0_and_1_is_accepted() {
    for v in ["0.1", "0.2", "1.0", "1.1", "1.2", "1.9"] {
        let doc = format!(
            r#"{{"format_version":"{v}","planned_values":{{}},"resource_changes":[{{"address":"null_resource.a","mode":"managed","type":"null_resource","name":"a","change":{{"actions":["create"],"before":null,"after":{{}}}}}}]}}"#
        );
        let r = support::analyze_stdin_json(doc, &[]);
        assert_eq!(r["plans"][0]["format_version"], v);
    }
}
