//! The composite GitHub Action (action.yml) run as a runner runs it: each step's `run:`
//! script under `bash -eo pipefail` with the runner's variables, the real binary on PATH, a
//! stand-in `gh` that serves a locally packed release (so the checksum check is real), and
//! the GitHub-shaped server taking the comment.

mod support;

#[path = "support/github_server.rs"]
mod github_server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use github_server::Server;

/// The `run:` block of the step called `name`, dedented.
fn step_script(name: &str) -> String {
    let action =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("action.yml"))
            .expect("read action.yml");
    let lines: Vec<&str> = action.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == format!("- name: {name}"))
        .unwrap_or_else(|| panic!("action.yml has no step `{name}`"));
    let run = (start..lines.len())
        .find(|&i| lines[i].trim() == "run: |")
        .expect("the step has a run block");
    let body: Vec<&str> = lines[run + 1..]
        .iter()
        .take_while(|l| l.is_empty() || l.starts_with("        "))
        .map(|l| l.get(8..).unwrap_or(""))
        .collect();
    body.join("\n") + "\n"
}

/// As the runner does for `shell: bash`.
fn run_step(
    name: &str,
    env: &[(&str, &Path)],
    vars: &[(&str, &str)],
    path_dirs: &[&Path],
) -> Output {
    let mut path = std::env::join_paths(path_dirs).unwrap();
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let mut c = Command::new("bash");
    c.args([
        "--noprofile",
        "--norc",
        "-eo",
        "pipefail",
        "-c",
        &step_script(name),
    ])
    .env("PATH", path)
    .env_remove("GITHUB_TOKEN")
    .env_remove("GH_TOKEN")
    .env_remove("CLOUDOPS_FORMAT")
    .env_remove("CLOUDOPS_FAIL_ON");
    for (k, v) in env {
        c.env(k, v);
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().expect("bash runs")
}

fn bin_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cloudops"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn the_analyze_step_comments_summarises_and_gates() {
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 21);
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("event.json");
    std::fs::write(
        &event,
        r#"{"number": 21, "pull_request": {"number": 21, "head": {"sha": "feedface"}}}"#,
    )
    .unwrap();
    let output = dir.path().join("output");
    let summary = dir.path().join("summary.md");
    let plan = support::fixture("opentofu__show-json__basic-delete.json");
    let base = gh.base_uri();
    let common = [
        ("GITHUB_TOKEN", "ghs_actionTestToken000000000000000000"),
        ("GITHUB_ACTIONS", "true"),
        ("GITHUB_REPOSITORY", "acme/infra"),
        ("GITHUB_EVENT_NAME", "pull_request"),
        ("CLOUDOPS_GITHUB_API_URL", base.as_str()),
        ("COMMENT", "true"),
        ("BEHAVIOR", "update"),
        ("WORKSPACE", "prod"),
        ("MAX_DESTROY", ""),
    ];
    let files: [(&str, &Path); 4] = [
        ("GITHUB_EVENT_PATH", &event),
        ("GITHUB_OUTPUT", &output),
        ("GITHUB_STEP_SUMMARY", &summary),
        ("PLAN", &plan),
    ];
    let mut vars = common.to_vec();
    vars.push(("FAIL_ON", "none"));
    let o = run_step("Analyze the plan", &files, &vars, &[&bin_dir()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("::notice title=cloudops plan analyze::"));
    let c = gh.comments("acme", "infra", 21);
    assert_eq!(c.len(), 1);
    let out = std::fs::read_to_string(&output).unwrap();
    assert!(
        out.contains(&format!(
            "comment-url=https://github.com/acme/infra/pull/21#issuecomment-{}",
            c[0].id
        )),
        "{out}"
    );
    assert!(out.contains("exit-code=0"), "{out}");
    assert!(std::fs::read_to_string(&summary)
        .unwrap()
        .contains("### Terraform plan:"));

    // A destroy over the limit: the gate fails the step with cloudops' exit code, and the
    // comment (the same one) says so.
    std::fs::remove_file(&output).unwrap();
    let mut vars = common.to_vec();
    vars.retain(|(k, _)| *k != "MAX_DESTROY");
    vars.extend([("FAIL_ON", "none"), ("MAX_DESTROY", "0")]);
    let o = run_step("Analyze the plan", &files, &vars, &[&bin_dir()]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(std::fs::read_to_string(&output)
        .unwrap()
        .contains("exit-code=3"));
    let c2 = gh.comments("acme", "infra", 21);
    assert_eq!(c2.len(), 1);
    assert_eq!(c2[0].id, c[0].id);
    assert!(c2[0].body.contains("Gate failed"));
}

/// A release as the release workflow packs it: `cloudops-TAG-TARGET/cloudops` in a tar.gz,
/// and SHA256SUMS; `gh release download` copies the files matching its patterns.
fn fake_release(dir: &Path, tag: &str, target: &str) -> PathBuf {
    let rel = dir.join("release");
    let pack = dir.join("pack").join(format!("cloudops-{tag}-{target}"));
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::create_dir_all(&rel).unwrap();
    // What is packed only has to answer `--version`: the step is under test, not the
    // binary (and packing a debug build takes half a minute).
    std::fs::write(
        pack.join("cloudops"),
        format!("#!/bin/sh\necho 'cloudops {tag} (packed for the test)'\n"),
    )
    .unwrap();
    let asset = format!("cloudops-{tag}-{target}.tar.gz");
    let sh = |script: &str| {
        let o = Command::new("bash")
            .args(["-eu", "-c", script])
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", text(&o));
    };
    sh(&format!("chmod +x pack/cloudops-{tag}-{target}/cloudops && tar czf release/{asset} -C pack cloudops-{tag}-{target} && cd release && sha256sum * > SHA256SUMS"));
    let fake = dir.join("fake-gh");
    std::fs::create_dir_all(&fake).unwrap();
    let gh = fake.join("gh");
    std::fs::write(
        &gh,
        format!(
            "#!/usr/bin/env bash\n# gh release download [TAG] --repo R --pattern P...\nset -eu\n\
             [ \"$1 $2\" = \"release download\" ] || exit 2\nshift 2\n\
             echo \"$*\" > \"{log}\"\n\
             while [ $# -gt 0 ]; do case \"$1\" in --pattern) for f in \"{rel}\"/$2; do cp \"$f\" .; done; shift 2;; *) shift;; esac; done\n",
            log = dir.join("gh-args").display(),
            rel = rel.display()
        ),
    )
    .unwrap();
    sh(&format!("chmod +x {}", gh.display()));
    fake
}

#[test]
fn the_install_step_checks_the_release_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let fake = fake_release(dir.path(), "v9.8.7", "x86_64-unknown-linux-gnu");
    let runner_temp = dir.path().join("runner-temp");
    std::fs::create_dir_all(&runner_temp).unwrap();
    let github_path = dir.path().join("github-path");
    let files: [(&str, &Path); 2] = [("RUNNER_TEMP", &runner_temp), ("GITHUB_PATH", &github_path)];
    let vars = [
        ("RUNNER_OS", "Linux"),
        ("RUNNER_ARCH", "X64"),
        ("VERSION", "v9.8.7"),
        ("ACTION_REPO", "cloudops/cloudops"),
        ("GH_TOKEN", "ghs_x"),
    ];
    let o = run_step("Install cloudops", &files, &vars, &[&fake]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("cloudops"),
        "{}",
        text(&o)
    );
    let args = std::fs::read_to_string(dir.path().join("gh-args")).unwrap();
    assert!(
        args.starts_with(
            "v9.8.7 --repo cloudops/cloudops --pattern cloudops-*-x86_64-unknown-linux-gnu.tar.gz"
        ),
        "{args}"
    );
    let added = std::fs::read_to_string(&github_path).unwrap();
    let installed = PathBuf::from(added.trim()).join("cloudops");
    assert!(installed.is_file());

    // `latest` asks gh for the newest release (no tag argument).
    let latest: Vec<(&str, &str)> = vars
        .iter()
        .map(|&(k, v)| {
            if k == "VERSION" {
                (k, "latest")
            } else {
                (k, v)
            }
        })
        .collect();
    let o = run_step("Install cloudops", &files, &latest, &[&fake]);
    assert!(o.status.success(), "{}", text(&o));
    let args = std::fs::read_to_string(dir.path().join("gh-args")).unwrap();
    assert!(args.starts_with("--repo cloudops/cloudops"), "{args}");

    // A tampered archive is refused before anything is installed.
    std::fs::remove_file(&installed).unwrap();
    let sums = dir.path().join("release/SHA256SUMS");
    let tampered =
        std::fs::read_to_string(&sums)
            .unwrap()
            .replacen(|c: char| c.is_ascii_hexdigit(), "0", 1);
    let tampered = if tampered == std::fs::read_to_string(&sums).unwrap() {
        tampered.replacen('0', "1", 1)
    } else {
        tampered
    };
    std::fs::write(&sums, tampered).unwrap();
    let o = run_step("Install cloudops", &files, &vars, &[&fake]);
    assert!(!o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("FAILED"), "{}", text(&o));
    assert!(!installed.exists());

    // A runner with no release build says what to do.
    let o = run_step(
        "Install cloudops",
        &files,
        &[
            ("RUNNER_OS", "Linux"),
            ("RUNNER_ARCH", "ARM"),
            ("VERSION", "v9.8.7"),
            ("ACTION_REPO", "c/c"),
        ],
        &[&fake],
    );
    assert!(!o.status.success());
    assert!(text(&o).contains("no cloudops release for Linux/ARM; use version: source"));
}
