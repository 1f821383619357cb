//! Shared helpers for the black-box tests: where fixtures live and how to run the binary.
#![allow(dead_code)]

pub mod http_request;
pub mod leaks;

use std::path::PathBuf;

use assert_cmd::Command;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans")
        .join(name)
}

/// Every shared plan fixture (not the edge cases).
pub fn plan_fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

/// The binary, isolated from the developer's environment and config files.
pub fn cloudops() -> Command {
    let mut c = Command::cargo_bin("cloudops").expect("binary built");
    for k in [
        "CLOUDOPS_FORMAT",
        "CLOUDOPS_FAIL_ON",
        "CLOUDOPS_MAX_DESTROY",
        "CLOUDOPS_TERRAFORM_BIN",
        "CLOUDOPS_PLAN_CONFIG",
        "GITHUB_STEP_SUMMARY",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "CLOUDOPS_LOG",
    ] {
        c.env_remove(k);
    }
    c.current_dir(std::env::temp_dir());
    c
}

/// The report from a successful `--format json` run; fails the test with stderr otherwise.
pub fn report_of(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// Runs `plan analyze FILE --format json` and returns the parsed report.
pub fn analyze_json(path: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let out = cloudops()
        .args(["plan", "analyze"])
        .arg(path)
        .args(["--format", "json", "--no-config"])
        .args(extra)
        .output()
        .expect("runs");
    report_of(&out)
}

/// Runs `plan analyze - --format json` with `input` on stdin and returns the parsed report.
pub fn analyze_stdin_json(input: impl Into<Vec<u8>>, extra: &[&str]) -> serde_json::Value {
    let out = cloudops()
        .args(["plan", "analyze", "-", "--format", "json", "--no-config"])
        .args(extra)
        .write_stdin(input)
        .output()
        .expect("runs");
    report_of(&out)
}

/// Terraform on PATH, or a clear failure: tests that need it must never pass silently.
pub fn terraform() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("terraform"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("this test needs terraform (v1.11) on PATH; install it (see .ci/run) — refusing to skip"))
}

/// `cloudops repo scan TARGET ARGS…`, with GitHub pointed at a closed loopback port so a
/// scan that wrongly goes remote fails fast.
pub fn repo_scan(target: &std::path::Path, args: &[&str]) -> std::process::Output {
    cloudops()
        .args(["repo", "scan", "--no-config"])
        .arg(target)
        .args(args)
        .env("CLOUDOPS_GITHUB_API_URL", "http://127.0.0.1:9")
        .output()
        .expect("cloudops runs")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Stdout as JSON, or a failure that shows both streams.
pub fn json_stdout(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); exit {:?}\nstdout:\n{}\nstderr:\n{}",
            out.status.code(),
            text(&out.stdout),
            text(&out.stderr)
        )
    })
}
