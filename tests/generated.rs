//! The committed shell completions (`completions/`) and man pages (`man/`) must be exactly
//! what the current clap definitions generate; run with `CLOUDOPS_UPDATE_GENERATED=1` to
//! rewrite them after changing a flag or a help text.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cloudops::generate::{completion_file, completions, man_pages, SHELLS};

const UPDATE: &str = "CLOUDOPS_UPDATE_GENERATED=1 cargo test --test generated";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compares (or, when updating, writes) every expected file of `dir`; files in `dir` that
/// are no longer generated are stale too.
fn check(dir: &Path, expected: BTreeMap<String, Vec<u8>>) {
    let update = std::env::var_os("CLOUDOPS_UPDATE_GENERATED").is_some_and(|v| v == "1");
    if update {
        std::fs::create_dir_all(dir).expect("create dir");
        for entry in std::fs::read_dir(dir).expect("list dir") {
            let p = entry.expect("entry").path();
            if !expected.contains_key(&p.file_name().unwrap().to_string_lossy().into_owned()) {
                std::fs::remove_file(&p).expect("remove stale file");
            }
        }
        for (name, bytes) in &expected {
            std::fs::write(dir.join(name), bytes).expect("write");
        }
        return;
    }
    let mut problems = Vec::new();
    for (name, bytes) in &expected {
        match std::fs::read(dir.join(name)) {
            Ok(found) if &found == bytes => {}
            Ok(_) => problems.push(format!("{name} is out of date")),
            Err(_) => problems.push(format!("{name} is missing")),
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !expected.contains_key(&name) {
                problems.push(format!("{name} is no longer generated"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}: {}\nregenerate with: {UPDATE}",
        dir.display(),
        problems.join(", ")
    );
}

#[test]
fn committed_completions_are_current() {
    let expected = SHELLS
        .iter()
        .map(|s| (completion_file(*s), completions(*s)))
        .collect();
    check(&root().join("completions"), expected);
}

#[test]
fn committed_man_pages_are_current() {
    check(&root().join("man"), man_pages().into_iter().collect());
}

#[test]
fn every_command_has_a_man_page_with_the_operator_sections() {
    let pages: BTreeMap<String, Vec<u8>> = man_pages().into_iter().collect();
    for name in [
        "cloudops.1",
        "cloudops-plan.1",
        "cloudops-plan-analyze.1",
        "cloudops-plan-history.1",
        "cloudops-plan-history-diff.1",
        "cloudops-repo-scan.1",
        "cloudops-completions.1",
        "cloudops-cost.1",
        "cloudops-budget-check.1",
    ] {
        let text =
            String::from_utf8_lossy(pages.get(name).unwrap_or_else(|| panic!("{name} missing")));
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "SYNOPSIS"] {
            assert!(text.contains(section), "{name} lacks {section}");
        }
    }
    let analyze = String::from_utf8_lossy(&pages["cloudops-plan-analyze.1"]).into_owned();
    assert!(analyze.contains("CLOUDOPS_FAIL_ON") && analyze.contains("\\-\\-fail\\-on"));
}

#[test]
fn the_completions_command_prints_the_committed_script() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cloudops"))
        .args(["completions", "zsh"])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert_eq!(out.stdout, completions(clap_complete::Shell::Zsh));
    assert!(String::from_utf8_lossy(&out.stdout).contains("plan"));
}

/// The bash script really completes: subcommands, then flags of a subcommand.
#[test]
fn bash_completes_subcommands_and_flags() {
    let script = root().join("completions/cloudops.bash");
    let run = |words: &str, cword: usize| {
        let last = words.split(' ').next_back().unwrap_or_default();
        let prev = words.split(' ').rev().nth(1).unwrap_or("cloudops");
        let cmd = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; _cloudops cloudops '{last}' '{prev}'; echo \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "-c", &cmd])
            .output()
            .expect("bash is needed to test the bash completions");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    assert_eq!(run("cloudops pl", 1), "plan");
    assert_eq!(run("cloudops plan analyze --fail", 3), "--fail-on");
    assert!(run("cloudops repo scan --skip", 3).contains("--skip-archived"));
}

/// zsh accepts the script (a syntax error would break every completion in the shell) and it
/// registers itself for `cloudops`. `.ci/run` installs zsh.
#[test]
fn zsh_accepts_the_completion_script() {
    let script = root().join("completions/_cloudops");
    let out = std::process::Command::new("zsh")
        .args(["-n"])
        .arg(&script)
        .output()
        .expect("zsh is needed to test the zsh completions (`apt-get install zsh`)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&script).expect("read");
    assert!(text.starts_with("#compdef cloudops"));
    for word in ["analyze", "history", "scan", "--fail-on", "--save-plan"] {
        assert!(text.contains(word), "{word}");
    }
}

/// zsh really completes, in an interactive shell driven through a pseudo-terminal (zpty):
/// a subcommand, then a flag of a subcommand.
#[test]
fn zsh_completes_subcommands_and_flags_interactively() {
    let home = tempfile::tempdir().expect("tempdir");
    let zdotdir = home.path();
    std::fs::write(
        zdotdir.join(".zshrc"),
        format!(
            "fpath=({} $fpath)\nautoload -Uz compinit && compinit -u -d {}/.zcompdump\nPS1='%% '\n",
            root().join("completions").display(),
            zdotdir.display()
        ),
    )
    .expect("write .zshrc");
    let driver = r#"
zmodload zsh/zpty
zpty -b z 'zsh -i'
zpty -r -t z junk '*% '
typeset out=''
# Wait for what is expected (up to 20 s): on a loaded CI machine the first completion, which
# runs compinit's first scan, can take longer than any fixed sleep.
type_and_read() {
  zpty -w -n z "$1"
  local chunk i
  for i in {1..40}; do
    sleep 0.5
    while zpty -r -t z chunk; do out+=$chunk; done
    [[ $out == *"$2"* ]] && return
  done
}
type_and_read $'cloudops pl\t' 'cloudops plan'
type_and_read $'\x15cloudops repo scan --skip-f\t' '--skip-forks'
zpty -d z
print -r -- "$out"
"#;
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_cloudops")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("zsh")
        .args(["-f", "-c", driver])
        .env("ZDOTDIR", zdotdir)
        .env("PATH", path)
        .env("TERM", "xterm")
        .output()
        .expect("zsh is needed to test the zsh completions (`apt-get install zsh`)");
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(
        text.contains("cloudops plan"),
        "subcommand not completed: {text:?}"
    );
    assert!(
        text.contains("--skip-forks"),
        "flag not completed: {text:?}"
    );
}

/// Dynamic completion (`source <(COMPLETE=bash cloudops)`) offers the IDs and workspaces of
/// the history in use, from a real store, through a real bash.
#[test]
fn bash_completes_saved_plan_ids_and_workspaces_dynamically() {
    let data = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("cloudops");
    let mut ids = Vec::new();
    for (fixture, workspace) in [
        ("checkov__tests__terraform__runner__tfplan2.json", "acme/infra/prod"),
        (
            "checkov__tests__terraform__runner__resources__plan_with_deleted_resources__tfplan.json",
            "acme/infra/dev",
        ),
    ] {
        let out = support::cloudops()
            .env("CLOUDOPS_DATA_DIR", data.path())
            .env_remove("CLOUDOPS_HISTORY_STORE")
            .args(["plan", "analyze", "--no-config", "--save", "--workspace", workspace, "--format", "json"])
            .arg(support::fixture(fixture))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let list = support::cloudops()
            .env("CLOUDOPS_DATA_DIR", data.path())
            .args(["plan", "history", "--no-config", "--format", "json", "--workspace", workspace])
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
        ids.push(v["entries"][0]["id"].as_str().expect("id").to_string());
    }
    let complete = |words: &str, cword: usize| {
        let cmd = format!(
            "source <(COMPLETE=bash '{bin}'); COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{words}'; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9; _clap_complete_cloudops cloudops \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            bin = bin.display()
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "-c", &cmd])
            .env("CLOUDOPS_DATA_DIR", data.path())
            .env_remove("CLOUDOPS_HISTORY_STORE")
            .env_remove("CLOUDOPS_PLANS_TABLE")
            .output()
            .expect("bash is needed to test completions");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let shown = complete("cloudops plan history show ''", 4);
    for id in &ids {
        assert!(
            shown.lines().any(|l| l.trim() == id),
            "{id} not offered: {shown}"
        );
    }
    let first = &ids[0][..3];
    let narrowed = complete(&format!("cloudops plan history show {first}"), 4);
    assert!(narrowed.lines().all(|l| l.starts_with(first)), "{narrowed}");
    let ws = complete("cloudops plan history --workspace acme/infra/p", 4);
    assert_eq!(ws, "acme/infra/prod");
}

/// Budget names come from the store in use; setting a budget needs no AWS call.
#[test]
fn bash_completes_budget_names_dynamically() {
    let data = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("cloudops");
    for name in ["team-a", "team-b", "ops"] {
        let out = support::cloudops()
            .env("CLOUDOPS_DATA_DIR", data.path())
            .env_remove("CLOUDOPS_HISTORY_STORE")
            .args(["budget", "--no-config", "set", name, "--amount", "10"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let cmd = format!(
        "source <(COMPLETE=bash '{bin}'); COMP_WORDS=(cloudops budget check te); COMP_CWORD=3; COMP_LINE='cloudops budget check te'; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9; _clap_complete_cloudops cloudops te check; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        bin = bin.display()
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &cmd])
        .env("CLOUDOPS_DATA_DIR", data.path())
        .env_remove("CLOUDOPS_HISTORY_STORE")
        .env_remove("CLOUDOPS_BUDGETS_TABLE")
        .output()
        .expect("bash is needed to test completions");
    let shown = String::from_utf8_lossy(&out.stdout);
    let mut names: Vec<&str> = shown.lines().map(str::trim).collect();
    names.sort();
    assert_eq!(names, ["team-a", "team-b"], "{shown}");
}
