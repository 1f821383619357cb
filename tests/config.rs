//! The settings layers operators rely on: user config with profiles under the project file,
//! under `CLOUDOPS_*` variables, under flags; `cloudops config` to see and change them, never
//! writing a file cloudops would refuse; unknown keys rejected naming file and key.

mod support;

use std::path::Path;
use std::process::Output;

use support::cloudops;

struct World {
    tmp: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let w = World {
            tmp: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(w.project()).unwrap();
        // A repository root, so no .cloudops.toml above the temp dir is found.
        std::fs::create_dir_all(w.project().join(".git")).unwrap();
        w
    }
    fn project(&self) -> std::path::PathBuf {
        self.tmp.path().join("project")
    }
    fn config_dir(&self) -> std::path::PathBuf {
        self.tmp.path().join("conf")
    }
    fn run(&self, args: &[&str]) -> Output {
        let mut c = cloudops();
        for k in [
            "CLOUDOPS_FAIL_ON",
            "CLOUDOPS_PROFILE",
            "CLOUDOPS_PLAN_CONFIG",
            "CLOUDOPS_HISTORY_RETENTION_DAYS",
            "CLOUDOPS_WORKSPACE",
            "CLOUDOPS_DATA_DIR",
            "CLOUDOPS_MAX_DESTROY",
        ] {
            c.env_remove(k);
        }
        c.env("CLOUDOPS_CONFIG_DIR", self.config_dir())
            .current_dir(self.project())
            .args(args)
            .output()
            .unwrap()
    }
    fn user_file(&self) -> String {
        std::fs::read_to_string(self.config_dir().join("config.toml")).unwrap_or_default()
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn demo() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/demo-plan.json")
        .display()
        .to_string()
}

#[test]
fn precedence_is_flag_then_env_then_project_then_profile_then_user() {
    let w = World::new();
    let plan = demo();
    // The demo plan has high findings: the gate decides exit 3 or 0.
    assert_eq!(
        code(&w.run(&["plan", "analyze", &plan, "-q"])),
        0,
        "default: no gate"
    );
    assert_eq!(code(&w.run(&["config", "set", "plan.fail_on", "high"])), 0);
    assert_eq!(
        code(&w.run(&["plan", "analyze", &plan, "-q"])),
        3,
        "user config"
    );
    let out = w.run(&[
        "--profile",
        "lenient",
        "config",
        "set",
        "plan.fail_on",
        "none",
    ]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert_eq!(
        code(&w.run(&["--profile", "lenient", "plan", "analyze", &plan, "-q"])),
        0,
        "profile over user"
    );
    std::fs::write(
        w.project().join(".cloudops.toml"),
        "[plan]\nfail_on = \"high\"\n",
    )
    .unwrap();
    assert_eq!(
        code(&w.run(&["--profile", "lenient", "plan", "analyze", &plan, "-q"])),
        3,
        "project over profile"
    );
    let mut c = cloudops();
    let out = c
        .env("CLOUDOPS_CONFIG_DIR", w.config_dir())
        .env("CLOUDOPS_FAIL_ON", "none")
        .current_dir(w.project())
        .args(["plan", "analyze", &plan, "-q"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "environment over files");
    assert_eq!(
        code(&w.run(&["plan", "analyze", &plan, "-q", "--fail-on", "none"])),
        0,
        "flag over files"
    );
    assert_eq!(
        code(&w.run(&["--no-config", "plan", "analyze", &plan, "-q"])),
        0,
        "--no-config reads neither file"
    );
}

#[test]
fn list_and_get_say_where_values_come_from() {
    let w = World::new();
    w.run(&["config", "set", "history.retention_days", "45"]);
    w.run(&[
        "--profile",
        "prod",
        "config",
        "set",
        "plan.ignore_rules",
        "CO010, CO002",
    ]);
    let out = w.run(&["--profile", "prod", "config", "list"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let list = text(&out.stdout);
    assert!(list.contains("history.retention_days = 45  # "), "{list}");
    assert!(
        list.contains("plan.ignore_rules = [\"CO010\", \"CO002\"]  # "),
        "{list}"
    );
    assert!(list.contains("[profiles.prod]"), "{list}");
    assert!(
        list.contains("plan.mass_destroy_threshold = 10  # default"),
        "{list}"
    );
    let get = w.run(&["config", "get", "history.retention_days"]);
    assert_eq!(text(&get.stdout).trim(), "45");
    let path = text(&w.run(&["--profile", "prod", "config", "path"]).stdout);
    assert!(
        path.contains("config.toml") && path.contains("profile:      prod"),
        "{path}"
    );
}

#[test]
fn bad_values_and_keys_never_reach_the_file() {
    let w = World::new();
    w.run(&["config", "set", "plan.fail_on", "high"]);
    let before = w.user_file();
    for (args, want) in [
        (vec!["config", "set", "plan.fail_on", "severe"], 64),
        (vec!["config", "set", "history.retention_days", "forty"], 64),
        (vec!["config", "set", "history.retention_days", "99999"], 64),
        (vec!["config", "set", "plan.severity.CO999", "low"], 64),
        (vec!["config", "set", "no.such", "x"], 64),
    ] {
        let out = w.run(&args);
        assert_eq!(code(&out), want, "{args:?}: {}", text(&out.stderr));
        assert_eq!(w.user_file(), before, "{args:?} changed the file");
    }
    assert_eq!(
        code(&w.run(&["config", "set", "plan.severity.CO002", "low"])),
        0
    );
    assert!(w.user_file().contains("CO002 = \"low\""));
}

#[test]
fn unknown_keys_and_profiles_are_rejected_naming_file_and_key() {
    let w = World::new();
    std::fs::create_dir_all(w.config_dir()).unwrap();
    let file = w.config_dir().join("config.toml");
    std::fs::write(&file, "# my settings\n[plan]\nfail_onn = \"high\"\n").unwrap();
    let out = w.run(&["plan", "analyze", &demo()]);
    assert_eq!(code(&out), 64);
    let err = text(&out.stderr);
    assert!(
        err.contains(&file.display().to_string()) && err.contains("fail_onn"),
        "{err}"
    );

    std::fs::write(&file, "# my settings\n[plan]\nfail_on = \"high\"\n").unwrap();
    let out = w.run(&["--profile", "nope", "plan", "analyze", &demo()]);
    assert_eq!(code(&out), 64);
    assert!(
        text(&out.stderr).contains("no profile \"nope\""),
        "{}",
        text(&out.stderr)
    );

    // Editing keeps the operator's comments.
    w.run(&["config", "set", "plan.max_destroy", "3"]);
    let after = w.user_file();
    assert!(
        after.contains("# my settings") && after.contains("max_destroy = 3"),
        "{after}"
    );
    w.run(&["config", "unset", "plan.max_destroy"]);
    assert!(!w.user_file().contains("max_destroy"));
}
