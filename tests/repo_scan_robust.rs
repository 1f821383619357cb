//! `cloudops repo scan` on trees that fight back: unreadable files and directories, dangling
//! and looping links, FIFOs and devices are named and skipped while the rest is still
//! reported; skipped files fail `--fail-on` unless `--allow-skipped`; large SARIF; the
//! command's own help and formats.

mod support;

use support::{json_stdout as json_of, repo_scan as scan, text};

use std::path::Path;

use serde_json::Value;

const OPEN_SG: &str = "resource \"aws_security_group\" \"web\" {\n  ingress {\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(&p, text).expect("write fixture file");
}

/// Whether this process reads files whatever their mode (root, CAP_DAC_OVERRIDE).
fn reads_despite_mode(p: &Path) -> bool {
    std::fs::read(p).is_ok()
}

#[cfg(unix)]
#[test]
fn unreadable_and_special_entries_are_named_and_the_rest_is_reported() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "good/main.tf", OPEN_SG);
    write(root, "locked/hidden.tf", OPEN_SG);
    write(root, "secret.tf", OPEN_SG);
    symlink("missing.tf", root.join("dangling.tf")).unwrap();
    symlink("loop-b.tf", root.join("loop-a.tf")).unwrap();
    symlink("loop-a.tf", root.join("loop-b.tf")).unwrap();
    symlink("/dev/null", root.join("device.tf")).unwrap();
    let fifo = root.join("pipe.tf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    // Not a Terraform name: a FIFO the scan would never read is not worth a note.
    std::process::Command::new("mkfifo")
        .arg(root.join("notes.pipe"))
        .status()
        .unwrap();
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(&root.join("locked"), 0o000).unwrap();
    mode(&root.join("secret.tf"), 0o000).unwrap();
    let privileged = reads_despite_mode(&root.join("secret.tf"));
    if privileged {
        // chmod does not stop root: a link to /proc/self/mem is a file whose read fails (EIO).
        symlink("/proc/self/mem", root.join("io-error.tf")).unwrap();
    }

    let out = scan(root, &["--format", "json"]);
    mode(&root.join("locked"), 0o755).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = json_of(&out);
    let repo = &report["repositories"][0];
    assert_eq!(repo["status"], "scanned", "{report:#}");
    let detail = repo["detail"].as_str().unwrap_or_default();
    let lines: Vec<(&str, Option<u64>)> = repo["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "CO004")
        .map(|f| (f["file"].as_str().unwrap(), f["line"].as_u64()))
        .collect();
    assert!(lines.contains(&("good/main.tf", Some(2))), "{lines:?}");
    for (name, why) in [
        ("dangling.tf", "dangling symbolic link"),
        ("loop-a.tf", "cannot be followed"),
        ("loop-b.tf", "cannot be followed"),
        ("device.tf", "a device"),
        ("pipe.tf", "a FIFO"),
    ] {
        assert!(
            detail.contains(&format!("{name} skipped (")) && detail.contains(why),
            "{name} named with {why:?}: {detail}"
        );
    }
    assert!(!detail.contains("notes.pipe"), "{detail}");
    if privileged {
        assert!(
            detail.contains("io-error.tf skipped (cannot read:"),
            "{detail}"
        );
        eprintln!(
            "note: running with privileges, so chmod 000 does not deny reads; the \
             unreadable-file case used a link to /proc/self/mem and the unreadable-directory \
             assertion is skipped"
        );
    } else {
        assert!(
            detail.contains("secret.tf skipped (cannot read:"),
            "{detail}"
        );
        assert!(detail.contains("locked/ skipped (cannot read:"), "{detail}");
        assert!(
            lines.iter().all(|(f, _)| *f != "locked/hidden.tf"),
            "{lines:?}"
        );
    }
}

/// Medium findings only (no backend, no version pins), so `--fail-on critical` passes on
/// findings alone and only a skipped file can fail it.
const MEDIUM_ONLY: &str = "resource \"aws_sqs_queue\" \"jobs\" {\n  name = \"jobs\"\n}\n";

#[test]
fn a_skipped_file_fails_the_gate_unless_allowed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "main.tf", MEDIUM_ONLY);
    assert_eq!(
        scan(root, &["--fail-on", "critical"]).status.code(),
        Some(0)
    );

    // Over 4 MiB: skipped for size.
    let big = format!("# {}\n", "x".repeat(4 * 1024 * 1024));
    write(root, "generated/big.tf", &big);
    let out = scan(root, &["--fail-on", "critical", "--format", "json"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("gate failed: 1 file(s) not scanned")
            && err.contains("generated/big.tf skipped (")
            && err.contains("--allow-skipped"),
        "{err}"
    );
    let report = json_of(&out);
    assert_eq!(report["totals"]["skipped_files"], 1, "{report:#}");
    let skipped = report["repositories"][0]["skipped_files"]
        .as_array()
        .unwrap();
    assert!(
        skipped[0]
            .as_str()
            .unwrap()
            .starts_with("generated/big.tf skipped ("),
        "{skipped:?}"
    );

    let out = scan(root, &["--fail-on", "critical", "--allow-skipped"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // No gate, no failure: the skip is only reported.
    assert_eq!(scan(root, &[]).status.code(), Some(0));
    assert_eq!(scan(root, &["--fail-on", "none"]).status.code(), Some(0));

    // Any other reason counts too: a file that is not UTF-8.
    std::fs::remove_file(root.join("generated/big.tf")).unwrap();
    std::fs::write(root.join("latin1.tf"), b"# Caf\xe9\n").unwrap();
    let out = scan(root, &["--fail-on", "critical"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("latin1.tf skipped (not UTF-8)"),
        "{}",
        text(&out.stderr)
    );
    // A finding over the threshold and a skipped file: both reasons are given.
    write(root, "sg.tf", OPEN_SG);
    let out = scan(root, &["--fail-on", "high"]);
    assert_eq!(out.status.code(), Some(3));
    let err = text(&out.stderr);
    assert!(
        err.contains("findings at or above high") && err.contains("not scanned"),
        "{err}"
    );
}

/// SARIF is written result by result: still one valid document, every finding a result with
/// its own line and a distinct fingerprint, the rules and totals around them.
#[test]
fn streamed_sarif_of_many_findings_is_one_valid_document() {
    let tmp = tempfile::tempdir().unwrap();
    let n = 2_000;
    let mut tf = String::from("resource \"aws_security_group\" \"big\" {\n");
    for _ in 0..n {
        tf.push_str("  ingress {\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n");
    }
    tf.push_str("}\n");
    write(tmp.path(), "main.tf", &tf);
    let out = scan(tmp.path(), &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = json_of(&out);
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    assert!(!run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .is_empty());
    let results = run["results"].as_array().unwrap();
    let open: Vec<&Value> = results.iter().filter(|r| r["ruleId"] == "CO004").collect();
    assert_eq!(open.len(), n);
    // Block i (0-based) opens on line 2 + 3i.
    let lines: Vec<u64> = open
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(lines, (0..n as u64).map(|i| 2 + 3 * i).collect::<Vec<_>>());
    let prints: std::collections::BTreeSet<&str> = results
        .iter()
        .map(|r| r["partialFingerprints"]["cloudops/v1"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), results.len(), "fingerprints are distinct");
    assert_eq!(run["properties"]["totals"]["findings"], results.len());
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);

    // No findings at all: an empty results array, still valid.
    let empty = tempfile::tempdir().unwrap();
    let doc = json_of(&scan(empty.path(), &["--format", "sarif"]));
    assert_eq!(doc["runs"][0]["results"], serde_json::json!([]));
}
