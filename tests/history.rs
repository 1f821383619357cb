//! The plan history as operators use it: `plan analyze --save` into a real SQLite store, then
//! `plan history` (list, show, diff, delete) — default data directory and workspace, duplicate
//! saves, ID prefixes, redaction of what is stored, expiry, pagination, 50 processes saving at
//! once, and store files that must be refused and left untouched.
//!
//! Every test has its own temporary data directory, home and working directory; none ever
//! touches the real home directory.

mod support;

use std::collections::{BTreeSet, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::{json, Value};
use tempfile::TempDir;

use support::leaks::leaks;
use support::{cloudops, fixture};

const DRIFT: &str = "opentofu__show-json__drift.json";
const DELETE: &str = "opentofu__show-json__basic-delete.json";
const REPLACE: &str = "opentofu__show-json__requires-replace.json";
const SENSITIVE: &str = "opentofu__show-json__sensitive-values.json";
const DAY_MS: i64 = 86_400_000;

/// Environment that would leak the developer's settings into a run.
const SCRUBBED_ENV: &[&str] = &[
    "CLOUDOPS_FORMAT",
    "CLOUDOPS_FAIL_ON",
    "CLOUDOPS_MAX_DESTROY",
    "CLOUDOPS_TERRAFORM_BIN",
    "CLOUDOPS_PLAN_CONFIG",
    "CLOUDOPS_WORKSPACE",
    "CLOUDOPS_HISTORY_RETENTION_DAYS",
    "CLOUDOPS_DATA_DIR",
    "CLOUDOPS_LOG",
    "TF_WORKSPACE",
    "GITHUB_STEP_SUMMARY",
    "XDG_DATA_HOME",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
];

// ---------------------------------------------------------------------------------------------
// An isolated world per test.
// ---------------------------------------------------------------------------------------------

struct World {
    root: TempDir,
    /// `CLOUDOPS_DATA_DIR`; `None` when the test is about nothing being configured.
    data: Option<PathBuf>,
    cwd: PathBuf,
}

impl World {
    fn new() -> World {
        let root = tempfile::tempdir().expect("tempdir");
        let cwd = root.path().join("work");
        std::fs::create_dir_all(&cwd).expect("work dir");
        std::fs::create_dir_all(root.path().join("home")).expect("home dir");
        World {
            data: Some(root.path().join("data")),
            root,
            cwd,
        }
    }

    /// No CLOUDOPS_DATA_DIR: the platform default under the temporary HOME / XDG_DATA_HOME.
    fn unconfigured() -> World {
        let mut w = World::new();
        w.data = None;
        w
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    fn home(&self) -> PathBuf {
        self.path("home")
    }

    fn xdg(&self) -> PathBuf {
        self.path("xdg")
    }

    fn data_dir(&self) -> &Path {
        self.data
            .as_deref()
            .expect("this world has a data directory")
    }

    fn db(&self) -> PathBuf {
        self.data_dir().join("cloudops.db")
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut c = cloudops();
        for k in SCRUBBED_ENV {
            c.env_remove(k);
        }
        c.env("HOME", self.home());
        c.env("XDG_DATA_HOME", self.xdg());
        if let Some(d) = &self.data {
            c.env("CLOUDOPS_DATA_DIR", d);
        }
        c.current_dir(&self.cwd);
        c
    }

    /// The same environment for a plain `std::process::Command` (for concurrent runs).
    fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_cloudops"));
        for k in SCRUBBED_ENV {
            c.env_remove(k);
        }
        c.env("HOME", self.home());
        c.env("XDG_DATA_HOME", self.xdg());
        if let Some(d) = &self.data {
            c.env("CLOUDOPS_DATA_DIR", d);
        }
        c.current_dir(&self.cwd);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("cloudops runs")
    }

    /// `plan analyze PLAN --save --format json EXTRA`; must succeed with only the report on stdout.
    fn save(&self, plan: &Path, extra: &[&str]) -> Output {
        let out = self
            .cmd()
            .args(["plan", "analyze"])
            .arg(plan)
            .args(["--save", "--format", "json"])
            .args(extra)
            .output()
            .expect("cloudops runs");
        assert_code(&out, 0, &format!("saving {}", plan.display()));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout of --save --format json is not only JSON ({e}):\n{}",
                text(&out.stdout)
            )
        });
        assert_eq!(report["schema_version"], 1, "stdout is the report");
        out
    }

    /// Every listed entry (`--limit 0`), parsed.
    fn list(&self, extra: &[&str]) -> Value {
        let out = self
            .cmd()
            .args(["plan", "history", "--format", "json", "--limit", "0"])
            .args(extra)
            .output()
            .expect("cloudops runs");
        assert_code(&out, 0, "plan history --format json");
        serde_json::from_slice(&out.stdout).expect("listing is JSON")
    }

    fn entries(&self, extra: &[&str]) -> Vec<Value> {
        self.list(extra)["entries"]
            .as_array()
            .expect("entries is an array")
            .clone()
    }

    fn ids(&self, extra: &[&str]) -> Vec<String> {
        self.entries(extra).iter().map(id_of).collect()
    }

    /// The newest entry's ID (the one just saved).
    fn newest_id(&self) -> String {
        id_of(&self.entries(&[])[0])
    }

    fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).expect("open the store with rusqlite")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn id_of(e: &Value) -> String {
    e["id"].as_str().expect("entry id").to_string()
}

fn assert_code(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// A copy of fixture `name` with a different top-level `timestamp`, so that its digest differs.
fn variant(name: &str, n: usize, dir: &Path) -> PathBuf {
    let mut doc: Value = serde_json::from_slice(&std::fs::read(fixture(name)).expect("fixture"))
        .expect("fixture JSON");
    doc["timestamp"] = json!(format!(
        "2026-01-01T{:02}:{:02}:{:02}Z",
        n / 3600,
        (n / 60) % 60,
        n % 60
    ));
    let p = dir.join(format!("plan-{n}.json"));
    std::fs::write(&p, serde_json::to_vec(&doc).expect("serialise")).expect("write plan");
    p
}

/// `(address, action)` pairs of a diff section.
fn pairs(v: &Value) -> BTreeSet<(String, String)> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|r| {
            (
                r["address"].as_str().expect("address").to_string(),
                r["action"].as_str().expect("action").to_string(),
            )
        })
        .collect()
}

fn set(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A table line whose cells include `address` exactly and whose text includes `what`.
fn table_has(out: &str, address: &str, what: &str) -> bool {
    out.lines()
        .any(|l| l.split_whitespace().any(|t| t == address) && l.contains(what))
}

/// The body of a `**Title**` section of the markdown comparison, with the markdown escaping
/// of `code()` undone so that addresses can be searched for as written.
fn md_section(md: &str, title: &str) -> String {
    let md = md
        .replace("&#95;", "_")
        .replace("<code>", "`")
        .replace("</code>", "`");
    let head = format!("**{title}**");
    let start = md
        .find(&head)
        .unwrap_or_else(|| panic!("no {head} section in:\n{md}"))
        + head.len();
    let rest = &md[start..];
    rest[..rest.find("**").unwrap_or(rest.len())].to_string()
}

fn gunzip(gz: &[u8]) -> Vec<u8> {
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut plain)
        .expect("raw_plan is gzip");
    plain
}

/// Every byte SQLite keeps for the store: the file and its WAL and shared-memory files.
fn store_bytes(db: &Path) -> String {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if let Ok(b) = std::fs::read(&p) {
            all.extend(b);
        }
    }
    text(&all)
}

fn dir_listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. The "done when" scenario, with nothing configured.
// ---------------------------------------------------------------------------------------------

#[test]
fn done_when_two_saves_list_newest_first_and_diff_shows_what_changed() {
    let w = World::unconfigured();
    std::fs::copy(fixture(DELETE), w.cwd.join("a.json")).expect("copy a");
    std::fs::copy(fixture(DRIFT), w.cwd.join("b.json")).expect("copy b");

    for plan in ["a.json", "b.json"] {
        let out = w.run(&["plan", "analyze", plan, "--save"]);
        assert_code(&out, 0, plan);
        assert!(
            text(&out.stdout).contains("Plan:"),
            "the report is printed as usual"
        );
        assert!(
            text(&out.stderr).contains("saved as"),
            "{}",
            text(&out.stderr)
        );
    }

    // The store is in the XDG data directory, and nowhere else.
    let db = w.xdg().join("cloudops").join("cloudops.db");
    assert!(db.is_file(), "{} was not created", db.display());
    assert!(
        !w.home().join(".local").exists(),
        "nothing written under HOME when XDG_DATA_HOME is set"
    );

    let listing = {
        let out = w.run(&["plan", "history", "--format", "json"]);
        assert_code(&out, 0, "plan history --format json");
        serde_json::from_slice::<Value>(&out.stdout).expect("JSON")
    };
    assert_eq!(listing["schema_version"], 1);
    assert!(
        listing["store"]
            .as_str()
            .unwrap()
            .contains(&db.display().to_string()),
        "{listing}"
    );
    let entries = listing["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{listing}");
    assert!(
        entries[0]["source"].as_str().unwrap().ends_with("b.json"),
        "newest first: {listing}"
    );
    assert!(
        entries[1]["source"].as_str().unwrap().ends_with("a.json"),
        "{listing}"
    );
    assert!(listing.get("next_page").is_none(), "one page only");
    let (a, b) = (id_of(&entries[1]), id_of(&entries[0]));
    // No git repository: the workspace is the directory.
    let cwd = w.cwd.canonicalize().unwrap().display().to_string();
    for e in entries {
        assert_eq!(e["workspace"], json!(cwd), "{e}");
    }
    assert_eq!(entries[0]["summary"]["drift"], 1);
    assert_eq!(entries[1]["summary"]["destroy"], 1);

    let table = w.run(&["plan", "history"]);
    assert_code(&table, 0, "plan history");
    let t = text(&table.stdout);
    let (pa, pb) = (t.find(&a).expect("a listed"), t.find(&b).expect("b listed"));
    assert!(pb < pa, "newest (b) first in the table:\n{t}");

    // diff --last 2: JSON.
    let out = w.run(&["plan", "history", "diff", "--last", "2", "--format", "json"]);
    assert_code(&out, 0, "diff --last 2 --format json");
    let d: Value = serde_json::from_slice(&out.stdout).expect("diff JSON");
    assert_eq!(d["schema_version"], 1);
    assert_eq!(d["older"]["id"], json!(a));
    assert_eq!(d["newer"]["id"], json!(b));
    assert_eq!(d["same_plan"], false);
    assert_eq!(
        pairs(&d["started"]),
        set(&[
            ("test_instance.no_refresh", "update"),
            ("test_instance.should_refresh", "update")
        ])
    );
    assert_eq!(
        pairs(&d["stopped"]),
        set(&[
            ("test_instance.test", "update"),
            ("test_instance.test-delete", "delete")
        ])
    );
    assert_eq!(d["action_changed"], json!([]));
    assert_eq!(
        pairs(&d["drift_appeared"]),
        set(&[("test_instance.should_refresh", "update")])
    );
    assert_eq!(d["drift_cleared"], json!([]));
    let added = d["findings_added"].as_array().unwrap();
    assert_eq!(added.len(), 1, "{d}");
    assert_eq!(added[0]["rule"], "CO010");
    assert_eq!(added[0]["address"], "test_instance.should_refresh");
    assert_eq!(d["findings_resolved"], json!([]));
    let deltas: BTreeSet<(String, u64, u64)> = d["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["count"].as_str().unwrap().to_string(),
                c["before"].as_u64().unwrap(),
                c["after"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: BTreeSet<(String, u64, u64)> = [
        ("change", 1, 2),
        ("destroy", 1, 0),
        ("drift", 0, 1),
        ("output_changes", 1, 0),
    ]
    .iter()
    .map(|(c, x, y)| (c.to_string(), *x, *y))
    .collect();
    assert_eq!(deltas, want);

    // Table.
    let out = w.run(&["plan", "history", "diff", "--last", "2"]);
    assert_code(&out, 0, "diff --last 2");
    let t = text(&out.stdout);
    assert!(
        t.lines().any(|l| l.starts_with("older") && l.contains(&a)),
        "{t}"
    );
    assert!(
        t.lines().any(|l| l.starts_with("newer") && l.contains(&b)),
        "{t}"
    );
    assert!(
        table_has(&t, "test_instance.no_refresh", "started changing: update"),
        "{t}"
    );
    assert!(
        table_has(&t, "test_instance.test", "stopped changing (was update)"),
        "{t}"
    );
    assert!(
        table_has(
            &t,
            "test_instance.test-delete",
            "stopped changing (was delete)"
        ),
        "{t}"
    );
    assert!(
        table_has(&t, "test_instance.should_refresh", "drift appeared: update"),
        "{t}"
    );
    assert!(
        table_has(&t, "test_instance.should_refresh", "CO010"),
        "{t}"
    );
    assert!(
        t.lines().any(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            c == ["destroy", "1", "0", "-1"]
        }),
        "count deltas in the table:\n{t}"
    );

    // Markdown.
    let out = w.run(&[
        "plan", "history", "diff", "--last", "2", "--format", "markdown",
    ]);
    assert_code(&out, 0, "diff --last 2 --format markdown");
    let md = text(&out.stdout);
    assert!(md.contains(&a) && md.contains(&b), "{md}");
    let started = md_section(&md, "Started changing");
    assert!(
        started.contains("`test_instance.no_refresh` (update)"),
        "{started}"
    );
    assert!(
        started.contains("`test_instance.should_refresh` (update)"),
        "{started}"
    );
    let stopped = md_section(&md, "Stopped changing");
    assert!(
        stopped.contains("`test_instance.test-delete` (delete)"),
        "{stopped}"
    );
    assert!(
        stopped.contains("`test_instance.test` (update)"),
        "{stopped}"
    );
    assert!(md_section(&md, "Drift appeared").contains("`test_instance.should_refresh` (update)"));
    assert!(md_section(&md, "New findings").contains("CO010"));
    assert!(md.contains("| destroy | 1 | 0 |"), "{md}");
    assert!(
        !md.contains("Drift cleared") && !md.contains("Resolved findings"),
        "{md}"
    );
}

#[test]
fn without_xdg_data_home_the_store_is_under_home_local_share() {
    let w = World::unconfigured();
    let out = w
        .cmd()
        .env_remove("XDG_DATA_HOME")
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .args(["--save", "--format", "json"])
        .output()
        .unwrap();
    assert_code(&out, 0, "save with only HOME");
    let db = w.home().join(".local/share/cloudops/cloudops.db");
    assert!(db.is_file(), "{} missing", db.display());
    let out = w
        .cmd()
        .env_remove("XDG_DATA_HOME")
        .args(["plan", "history", "--format", "json"])
        .output()
        .unwrap();
    assert_code(&out, 0, "history with only HOME");
    let l: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(l["entries"].as_array().unwrap().len(), 1, "{l}");
}

#[test]
fn data_dir_flag_beats_environment_beats_config_file() {
    let w = World::unconfigured();
    let cfg_dir = w.path("cfg");
    std::fs::create_dir_all(&cfg_dir).unwrap();
    let cfg = cfg_dir.join(".cloudops.toml");
    std::fs::write(&cfg, "[history]\ndata_dir = \"hist\"\n").unwrap();
    let cfg_s = cfg.to_str().unwrap();
    let plan = fixture(DRIFT);

    // The config file's data_dir, relative to the file.
    let out = w
        .cmd()
        .args(["--config", cfg_s, "plan", "analyze"])
        .arg(&plan)
        .arg("--save")
        .output()
        .unwrap();
    assert_code(&out, 0, "config data_dir");
    assert!(
        cfg_dir.join("hist/cloudops.db").is_file(),
        "config data_dir is relative to the file"
    );
    assert!(
        !w.xdg().join("cloudops").exists(),
        "the default was not used"
    );

    // CLOUDOPS_DATA_DIR wins over the file.
    let env_dir = w.path("from-env");
    let out = w
        .cmd()
        .env("CLOUDOPS_DATA_DIR", &env_dir)
        .args(["--config", cfg_s, "plan", "analyze"])
        .arg(&plan)
        .arg("--save")
        .output()
        .unwrap();
    assert_code(&out, 0, "env data dir");
    assert!(env_dir.join("cloudops.db").is_file());

    // --data-dir wins over both.
    let flag_dir = w.path("from-flag");
    let out = w
        .cmd()
        .env("CLOUDOPS_DATA_DIR", &env_dir)
        .args([
            "--config",
            cfg_s,
            "--data-dir",
            flag_dir.to_str().unwrap(),
            "plan",
            "analyze",
        ])
        .arg(&plan)
        .arg("--save")
        .output()
        .unwrap();
    assert_code(&out, 0, "flag data dir");
    assert!(flag_dir.join("cloudops.db").is_file());

    // Reading goes to the same place: one entry in each store.
    for (dir, extra) in [
        (&flag_dir, vec!["--data-dir", flag_dir.to_str().unwrap()]),
        (&env_dir, vec![]),
    ] {
        let out = w
            .cmd()
            .env("CLOUDOPS_DATA_DIR", &env_dir)
            .args(&extra)
            .args(["plan", "history", "--format", "json"])
            .output()
            .unwrap();
        assert_code(&out, 0, "list");
        let l: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            l["entries"].as_array().unwrap().len(),
            1,
            "{}: {l}",
            dir.display()
        );
        assert!(
            l["store"]
                .as_str()
                .unwrap()
                .contains(&dir.display().to_string()),
            "{l}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The default workspace.
// ---------------------------------------------------------------------------------------------

#[test]
fn default_workspace_is_repository_directory_and_terraform_workspace() {
    let mut w = World::new();
    let repo = w.path("checkout");
    let prod = repo.join("envs").join("prod");
    std::fs::create_dir_all(&prod).unwrap();
    for args in [
        vec!["init", "-q"],
        vec![
            "remote",
            "add",
            "origin",
            "https://github.com/acme/infra.git",
        ],
    ] {
        let st = std::process::Command::new("git")
            .args(&args)
            .current_dir(&repo)
            .env("HOME", w.home())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .status()
            .expect("git runs");
        assert!(st.success(), "git {args:?}");
    }
    w.cwd = prod.clone();
    let plan = fixture(DRIFT);
    let save = |extra_env: &[(&str, &str)], extra: &[&str]| {
        let mut c = w.cmd();
        for (k, v) in extra_env {
            c.env(k, v);
        }
        let out = c
            .args(["plan", "analyze"])
            .arg(&plan)
            .args(["--save", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        assert_code(&out, 0, &format!("save {extra_env:?} {extra:?}"));
        text(&out.stderr)
    };
    let only_in = |ws: &str| {
        let e = w.entries(&["--workspace", ws]);
        assert_eq!(
            e.len(),
            1,
            "one entry in workspace {ws}: {e:?}; all: {:?}",
            w.entries(&[])
        );
        assert_eq!(e[0]["workspace"], json!(ws));
    };

    let stderr = save(&[], &[]);
    only_in("acme/infra/envs/prod");
    assert!(
        stderr.contains("acme/infra/envs/prod"),
        "the note names the workspace: {stderr}"
    );

    save(&[("TF_WORKSPACE", "staging")], &[]);
    only_in("acme/infra/envs/prod:staging");

    // `default` is left out: the same plan in the same workspace as the first save.
    let stderr = save(&[("TF_WORKSPACE", "default")], &[]);
    assert!(stderr.contains("already saved"), "{stderr}");

    // What `terraform workspace select` wrote.
    std::fs::create_dir_all(prod.join(".terraform")).unwrap();
    std::fs::write(prod.join(".terraform/environment"), "blue").unwrap();
    save(&[], &[]);
    only_in("acme/infra/envs/prod:blue");
    std::fs::remove_dir_all(prod.join(".terraform")).unwrap();

    // --workspace wins over everything; CLOUDOPS_WORKSPACE is the same setting.
    save(
        &[("TF_WORKSPACE", "staging")],
        &["--workspace", "team/flagged"],
    );
    only_in("team/flagged");
    save(&[("CLOUDOPS_WORKSPACE", "team/from-env")], &[]);
    only_in("team/from-env");

    // The project file, found from the subdirectory up to the repository root.
    std::fs::write(
        repo.join(".cloudops.toml"),
        "[history]\nworkspace = \"acme/configured\"\n",
    )
    .unwrap();
    save(&[("TF_WORKSPACE", "staging")], &[]);
    only_in("acme/configured");
    save(&[], &["--workspace", "team/flag-over-config"]);
    only_in("team/flag-over-config");

    let all: BTreeSet<String> = w
        .entries(&[])
        .iter()
        .map(|e| e["workspace"].as_str().unwrap().to_string())
        .collect();
    let want: BTreeSet<String> = [
        "acme/infra/envs/prod",
        "acme/infra/envs/prod:staging",
        "acme/infra/envs/prod:blue",
        "team/flagged",
        "team/from-env",
        "acme/configured",
        "team/flag-over-config",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(all, want);
    assert_eq!(w.entries(&[]).len(), want.len(), "one entry per workspace");
}

#[test]
fn empty_workspace_is_a_usage_error() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .args(["--save", "--workspace", "  "])
        .output()
        .unwrap();
    assert_code(&out, 64, "--workspace blank");
    assert!(!w.db().exists(), "nothing saved");
}

// ---------------------------------------------------------------------------------------------
// 3. Saving the same plan again.
// ---------------------------------------------------------------------------------------------

#[test]
fn resaving_an_identical_plan_keeps_one_entry_per_workspace() {
    let w = World::new();
    let plan = fixture(REPLACE);
    let first = w.save(&plan, &[]);
    let id = w.newest_id();
    assert!(
        text(&first.stderr).contains(&format!("saved as {id}")),
        "{}",
        text(&first.stderr)
    );

    let again = w.save(&plan, &[]);
    let err = text(&again.stderr);
    assert!(err.contains("already saved") && err.contains(&id), "{err}");
    assert_eq!(w.ids(&[]), vec![id.clone()], "still one entry");
    assert_eq!(
        first.stdout, again.stdout,
        "the report is printed either way"
    );

    // A copy with the same bytes under another name is the same plan.
    let copy = w.cwd.join("copy.json");
    std::fs::copy(&plan, &copy).unwrap();
    let err = text(&w.save(&copy, &[]).stderr);
    assert!(err.contains("already saved") && err.contains(&id), "{err}");

    // Another workspace: a new entry.
    let other = w.save(&plan, &["--workspace", "elsewhere"]);
    let ids = w.ids(&[]);
    assert_eq!(ids.len(), 2, "{ids:?}");
    let new = ids.iter().find(|i| **i != id).expect("a new ID").clone();
    assert!(
        text(&other.stderr).contains(&format!("saved as {new}")),
        "{}",
        text(&other.stderr)
    );
    assert_eq!(w.ids(&["--workspace", "elsewhere"]), vec![new]);

    // --quiet: nothing on stderr.
    let out = w
        .cmd()
        .args(["-q", "plan", "analyze"])
        .arg(fixture(DELETE))
        .args(["--save", "--format", "json"])
        .output()
        .unwrap();
    assert_code(&out, 0, "quiet save");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert_eq!(w.ids(&[]).len(), 3);
}

#[test]
fn a_plan_read_from_stdin_is_saved_with_the_same_digest_and_plan() {
    let w = World::new();
    let dir = tempfile::tempdir().unwrap();
    let plan = own_sensitive_plan(dir.path());
    let bytes = std::fs::read(&plan).unwrap();
    let out = w
        .cmd()
        .args(["plan", "analyze", "-", "--save-plan", "--format", "json"])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_code(&out, 0, "save from stdin");
    serde_json::from_slice::<Value>(&out.stdout).expect("only the report on stdout");
    let id = w.newest_id();
    let from_stdin = w.entries(&[])[0]["plan_sha256"].clone();

    // The same bytes from a file are the same plan.
    let out = w.save(&plan, &[]);
    assert!(
        text(&out.stderr).contains("already saved"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(w.ids(&[]), vec![id.clone()]);
    let digest = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_eq!(
        from_stdin,
        json!(digest),
        "plan_sha256 is the SHA-256 of the plan bytes"
    );

    // The plan read from stdin was kept, redacted.
    let out = w.run(&["plan", "history", "show", &id, "--plan"]);
    assert_code(&out, 0, "show --plan");
    let kept: Value = serde_json::from_slice(&out.stdout).expect("the kept plan is JSON");
    assert_eq!(
        plan_actions(&kept),
        plan_actions(&serde_json::from_slice(&bytes).unwrap())
    );
    assert_no_leak(
        "show --plan of a plan from stdin",
        &text(&out.stdout),
        &secrets(&[OWN_SECRET, OWN_OLD_SECRET]),
    );
}

#[test]
fn machine_formats_stay_parseable_when_saving_and_gates_still_apply() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .args(["--save", "--format", "sarif"])
        .output()
        .unwrap();
    assert_code(&out, 0, "save as sarif");
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("stdout is only SARIF");
    assert_eq!(sarif["version"], "2.1.0");
    assert!(text(&out.stderr).contains("saved as"));

    // A failed gate still saves, records it, and exits 3.
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DELETE))
        .args(["--save", "--format", "json", "--max-destroy", "0"])
        .output()
        .unwrap();
    assert_code(&out, 3, "gate failed");
    serde_json::from_slice::<Value>(&out.stdout).expect("stdout is only JSON");
    let e = w.entries(&[]);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0]["gate_failed"], true, "{}", e[0]);
    assert_eq!(e[1]["gate_failed"], false, "{}", e[1]);
}

// ---------------------------------------------------------------------------------------------
// 4. show.
// ---------------------------------------------------------------------------------------------

#[test]
fn show_by_id_or_prefix_prints_the_report_as_analyze_did() {
    let w = World::new();
    let plan = fixture(DRIFT);
    let saved: Value = serde_json::from_slice(&w.save(&plan, &[]).stdout).unwrap();
    let id = w.newest_id();

    for key in [
        id.clone(),
        id[..5].to_string(),
        id.to_uppercase(),
        id[..5].to_uppercase(),
    ] {
        let out = w.run(&["plan", "history", "show", &key, "--format", "json"]);
        assert_code(&out, 0, &format!("show {key}"));
        let shown: Value = serde_json::from_slice(&out.stdout).expect("show --format json is JSON");
        assert_eq!(shown["summary"], saved["summary"], "show {key}");
        assert_eq!(shown["changes"], saved["changes"], "show {key}");
        assert_eq!(shown["findings"], saved["findings"], "show {key}");
        assert_eq!(
            shown, saved,
            "show {key}: the whole report as it was printed"
        );
    }

    // Every format of plan analyze, identical to a fresh analysis (after the header line).
    for format in ["table", "markdown", "github", "sarif", "junit"] {
        let shown = w.run(&["plan", "history", "show", &id, "--format", format]);
        assert_code(&shown, 0, &format!("show --format {format}"));
        let fresh = w
            .cmd()
            .args(["plan", "analyze"])
            .arg(&plan)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_code(&fresh, 0, &format!("analyze --format {format}"));
        let s = text(&shown.stdout);
        let body = match format {
            "table" | "markdown" => {
                let (head, rest) = s.split_once('\n').expect("a header line");
                assert!(head.contains(&id), "{format} header names the ID: {head}");
                assert!(head.contains("Saved analysis"), "{head}");
                rest.strip_prefix('\n').unwrap_or(rest).to_string()
            }
            _ => s.clone(),
        };
        assert_eq!(body, text(&fresh.stdout), "show --format {format}");
    }

    let table = text(&w.run(&["plan", "history", "show", &id]).stdout);
    let head = table.lines().next().unwrap();
    assert!(head.starts_with(&format!("Saved analysis {id}")), "{head}");
    assert!(
        head.contains(&w.cwd.canonicalize().unwrap().display().to_string()),
        "workspace in header: {head}"
    );

    // Unknown IDs and bad prefixes.
    let out = w.run(&["plan", "history", "show", "zzzz0000zz"]);
    assert_code(&out, 1, "unknown ID");
    let err = text(&out.stderr);
    assert!(
        err.contains("zzzz0000zz")
            && err.contains("hint:")
            && err.contains("cloudops plan history"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let out = w.run(&["plan", "history", "show", &id[..3]]);
    assert_code(&out, 64, "3-character prefix");
    assert!(out.stdout.is_empty());
    let out = w.run(&["plan", "history", "show", "not-an-id!"]);
    assert_code(&out, 64, "not an ID");
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let w = World::new();
    w.save(&fixture(DRIFT), &[]);
    w.save(&fixture(DELETE), &[]);
    {
        let c = w.sqlite();
        let ids = w.ids(&[]);
        for (id, new) in ids.iter().zip(["abcd000001", "abcd000002"]) {
            c.execute("UPDATE plans SET id = ?1 WHERE id = ?2", [new, id.as_str()])
                .unwrap();
        }
    }
    let out = w.run(&["plan", "history", "show", "abcd"]);
    assert_code(&out, 1, "ambiguous");
    let err = text(&out.stderr);
    assert!(
        err.contains("abcd000001") && err.contains("abcd000002"),
        "{err}"
    );
    let out = w.run(&["plan", "history", "show", "abcd000002", "--format", "json"]);
    assert_code(&out, 0, "full ID");
    let out = w.run(&["plan", "history", "delete", "abcd"]);
    assert_code(&out, 1, "ambiguous delete");
    assert_eq!(w.ids(&[]).len(), 2, "an ambiguous delete deletes nothing");
}

// ---------------------------------------------------------------------------------------------
// 5. What is stored is redacted.
// ---------------------------------------------------------------------------------------------

const OWN_SECRET: &str = "Xk7-own-Secret-9QzW";
const OWN_OLD_SECRET: &str = "Old-own-Secret-4Lm";

/// A plan with a Terraform-marked sensitive value, copies of it in unmarked places (plain,
/// inside a longer string, inside a JSON-encoded policy), a sensitive output and a sensitive
/// variable.
fn own_sensitive_plan(dir: &Path) -> PathBuf {
    let policy =
        json!({"Statement": [{"Effect": "Allow", "Condition": {"token": OWN_SECRET}}]}).to_string();
    let doc = json!({
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "variables": {"db_pw": {"value": OWN_SECRET}},
        "resource_changes": [
            {
                "address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance",
                "name": "main", "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {
                    "actions": ["update"],
                    "before": {"master": OWN_OLD_SECRET, "engine": "postgres", "note": "before"},
                    "after": {"master": OWN_SECRET, "engine": "postgres", "note": "after"},
                    "after_unknown": {},
                    "before_sensitive": {"master": true},
                    "after_sensitive": {"master": true}
                }
            },
            {
                "address": "terraform_data.copy", "mode": "managed", "type": "terraform_data",
                "name": "copy", "provider_name": "terraform.io/builtin/terraform",
                "change": {
                    "actions": ["create"],
                    "before": null,
                    "after": {
                        "input": OWN_SECRET,
                        "dsn": format!("postgres://app:{OWN_SECRET}@db:5432/app"),
                        "policy": policy
                    },
                    "after_unknown": {"output": true},
                    "before_sensitive": false,
                    "after_sensitive": {}
                }
            },
            {
                "address": "terraform_data.gone", "mode": "managed", "type": "terraform_data",
                "name": "gone", "provider_name": "terraform.io/builtin/terraform",
                "change": {
                    "actions": ["delete"],
                    "before": {"input": "plain-value"},
                    "after": null,
                    "after_unknown": {},
                    "before_sensitive": {},
                    "after_sensitive": false
                }
            }
        ],
        "output_changes": {
            "conn": {
                "actions": ["update"], "before": OWN_OLD_SECRET, "after": OWN_SECRET,
                "after_unknown": false, "before_sensitive": true, "after_sensitive": true
            }
        },
        "configuration": {
            "root_module": {
                "variables": {"db_pw": {"default": OWN_SECRET, "sensitive": true}}
            }
        }
    });
    let p = dir.join("own-sensitive.json");
    std::fs::write(&p, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    p
}

fn secrets(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn assert_no_leak(what: &str, text: &str, secrets: &BTreeSet<String>) {
    let found = leaks(text, secrets);
    assert!(found.is_empty(), "{what} shows sensitive values: {found:?}");
}

/// `(address, actions)` of each resource change in a plan document.
fn plan_actions(doc: &Value) -> Vec<(String, Value)> {
    doc["resource_changes"]
        .as_array()
        .expect("resource_changes")
        .iter()
        .map(|rc| {
            (
                rc["address"].as_str().unwrap().to_string(),
                rc["change"]["actions"].clone(),
            )
        })
        .collect()
}

/// Saves `plan` with `--save-plan`, then checks that `show --plan` gives a plan with the same
/// changes and counts and no secret, and that neither the store file nor the stored report
/// nor the decompressed stored plan holds a secret.
fn check_saved_plan_is_redacted(plan: &Path, secret_values: &BTreeSet<String>) {
    let w = World::new();
    let original: Value = serde_json::from_slice(&std::fs::read(plan).unwrap()).unwrap();
    for s in secret_values {
        assert!(
            original.to_string().contains(s.as_str()),
            "test setup: {s} is in the plan"
        );
    }
    // --save-plan alone implies --save.
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(plan)
        .args(["--save-plan", "--format", "json"])
        .output()
        .unwrap();
    assert_code(&out, 0, "--save-plan");
    let analysed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = w.entries(&[]);
    assert_eq!(entries.len(), 1, "--save-plan saves");
    assert_eq!(entries[0]["has_raw_plan"], true);
    let id = id_of(&entries[0]);

    let out = w.run(&["plan", "history", "show", &id, "--plan"]);
    assert_code(&out, 0, "show --plan");
    let shown = text(&out.stdout);
    assert_no_leak("show --plan", &shown, secret_values);
    assert_no_leak("show --plan stderr", &text(&out.stderr), secret_values);
    let redacted: Value =
        serde_json::from_str(shown.trim()).expect("show --plan prints one JSON plan");
    assert!(
        shown.contains("(sensitive value)"),
        "values are masked, not dropped"
    );
    assert_eq!(
        plan_actions(&redacted),
        plan_actions(&original),
        "resource changes and their actions are kept"
    );

    // The redacted plan analyses to the same counts, changes and findings.
    let again = w
        .cmd()
        .args(["plan", "analyze", "-", "--format", "json"])
        .write_stdin(shown.clone())
        .output()
        .unwrap();
    assert_code(&again, 0, "analyse the redacted plan");
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        again["summary"], analysed["summary"],
        "counts of the redacted plan"
    );
    let acts = |r: &Value| -> Vec<(Value, Value)> {
        r["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["address"].clone(), c["action"].clone()))
            .collect()
    };
    assert_eq!(acts(&again), acts(&analysed));
    let rules = |r: &Value| -> Vec<Value> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].clone())
            .collect()
    };
    assert_eq!(rules(&again), rules(&analysed));

    // The saved report, in every format.
    for format in ["table", "json", "markdown", "github", "sarif", "junit"] {
        let out = w.run(&["plan", "history", "show", &id, "--format", format]);
        assert_code(&out, 0, format);
        assert_no_leak(
            &format!("show --format {format}"),
            &text(&out.stdout),
            secret_values,
        );
    }

    // The store itself: file bytes, the report column, and the decompressed raw plan.
    assert_no_leak("the store file", &store_bytes(&w.db()), secret_values);
    let c = w.sqlite();
    let (report_gz, gz): (Vec<u8>, Vec<u8>) = c
        .query_row(
            "SELECT report_gz, raw_plan FROM plans WHERE id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(&report_gz[..2], &[0x1f, 0x8b], "report_gz is gzip");
    let report = text(&gunzip(&report_gz));
    assert!(
        report.contains("\"schema_version\""),
        "the report column holds the report"
    );
    assert_no_leak("the report column", &report, secret_values);
    assert_eq!(&gz[..2], &[0x1f, 0x8b], "raw_plan is gzip");
    let plain = gunzip(&gz);
    assert_no_leak(
        "the decompressed raw_plan column",
        &text(&plain),
        secret_values,
    );
    assert_eq!(text(&plain), shown, "show --plan prints the stored plan");
}

#[test]
fn save_plan_of_the_sensitive_fixture_stores_it_redacted() {
    check_saved_plan_is_redacted(&fixture(SENSITIVE), &secrets(&["boop"]));
}

#[test]
fn save_plan_of_a_plan_with_copied_secrets_stores_it_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let plan = own_sensitive_plan(dir.path());
    check_saved_plan_is_redacted(&plan, &secrets(&[OWN_SECRET, OWN_OLD_SECRET]));
}

#[test]
fn save_plan_of_the_demo_plan_keeps_its_counts_and_hides_its_passwords() {
    let plan = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo-plan.json");
    check_saved_plan_is_redacted(&plan, &secrets(&["n3w-s3cr3t-Passw0rd", "s3cr3t-Passw0rd"]));
}

#[test]
fn show_plan_of_an_entry_saved_without_its_plan_explains() {
    let w = World::new();
    w.save(&fixture(DRIFT), &[]);
    let e = w.entries(&[]);
    assert_eq!(e[0]["has_raw_plan"], false);
    let id = id_of(&e[0]);
    let out = w.run(&["plan", "history", "show", &id, "--plan"]);
    assert!(
        !out.status.success(),
        "show --plan without a saved plan must fail"
    );
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains(&id) && err.contains("--save-plan"), "{err}");
    let raw: Option<Vec<u8>> = w
        .sqlite()
        .query_row("SELECT raw_plan FROM plans WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(raw.is_none(), "--save alone keeps no plan");
}

// ---------------------------------------------------------------------------------------------
// 6. Expiry.
// ---------------------------------------------------------------------------------------------

fn times(w: &World, id: &str) -> (i64, Option<i64>) {
    w.sqlite()
        .query_row(
            "SELECT saved_at, expires_at FROM plans WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn rows(w: &World) -> i64 {
    w.sqlite()
        .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn expired_entries_are_hidden_then_purged() {
    let w = World::new();
    w.save(&fixture(DRIFT), &["--retention-days", "1"]);
    let doomed = w.newest_id();
    let (saved, expires) = times(&w, &doomed);
    assert_eq!(expires, Some(saved + DAY_MS), "--retention-days 1");
    w.save(&fixture(DELETE), &[]);
    let kept = w.newest_id();
    let (saved_k, expires_k) = times(&w, &kept);
    assert_eq!(expires_k, Some(saved_k + 30 * DAY_MS), "30 days by default");

    w.sqlite()
        .execute(
            "UPDATE plans SET expires_at = ?1 WHERE id = ?2",
            rusqlite::params![saved - 1000, doomed],
        )
        .unwrap();

    let out = w.run(&["plan", "history", "show", &doomed]);
    assert_code(&out, 1, "show an expired entry");
    assert!(
        text(&out.stderr).contains("no saved plan"),
        "{}",
        text(&out.stderr)
    );
    let out = w.run(&["plan", "history", "diff", &doomed, &kept]);
    assert_code(&out, 1, "diff with an expired entry");

    assert_eq!(
        w.ids(&[]),
        vec![kept.clone()],
        "expired entries are not listed"
    );
    let table = text(&w.run(&["plan", "history"]).stdout);
    assert!(!table.contains(&doomed) && table.contains(&kept), "{table}");
    let c = w.sqlite();
    let n: i64 = c
        .query_row("SELECT count(*) FROM plans WHERE id = ?1", [&doomed], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 0, "the expired row was purged");
    assert_eq!(rows(&w), 1, "the live row was kept");

    // Saving the same plan after its entry expired makes a new entry.
    let out = w.save(&fixture(DRIFT), &[]);
    assert!(
        text(&out.stderr).contains("saved as"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(w.ids(&[]).len(), 2);
}

#[test]
fn expired_duplicate_does_not_block_a_new_save() {
    let w = World::new();
    w.save(&fixture(DRIFT), &[]);
    let old = w.newest_id();
    w.sqlite()
        .execute("UPDATE plans SET expires_at = 1000 WHERE id = ?1", [&old])
        .unwrap();
    let out = w.save(&fixture(DRIFT), &[]);
    let err = text(&out.stderr);
    assert!(
        !err.contains("already saved"),
        "an expired entry is not the plan saved again: {err}"
    );
    let ids = w.ids(&[]);
    assert_eq!(ids.len(), 1);
    assert_ne!(ids[0], old);
    assert_eq!(rows(&w), 1, "the expired duplicate was removed");
}

#[test]
fn retention_zero_keeps_forever_and_config_sets_retention() {
    let w = World::new();
    let out = w.save(&fixture(DRIFT), &["--retention-days", "0"]);
    assert!(
        text(&out.stderr).contains("kept forever"),
        "{}",
        text(&out.stderr)
    );
    let id = w.newest_id();
    assert_eq!(times(&w, &id).1, None, "expires_at is NULL");
    let e = w.entries(&[]);
    assert!(
        e[0].get("expires_at").is_none(),
        "no expires_at in JSON: {}",
        e[0]
    );
    let head = text(&w.run(&["plan", "history", "show", &id]).stdout);
    assert!(
        head.lines().next().unwrap().contains("kept forever"),
        "{head}"
    );

    let cfg = w.path("retention.toml");
    std::fs::write(&cfg, "[history]\nretention_days = 7\n").unwrap();
    let cfg = cfg.to_str().unwrap();
    let save_cfg = |ws: &str, extra_env: Option<(&str, &str)>, extra: &[&str]| -> String {
        let mut c = w.cmd();
        if let Some((k, v)) = extra_env {
            c.env(k, v);
        }
        let out = c
            .args(["--config", cfg, "plan", "analyze"])
            .arg(fixture(DRIFT))
            .args(["--save", "--format", "json", "--workspace", ws])
            .args(extra)
            .output()
            .unwrap();
        assert_code(&out, 0, ws);
        id_of(&w.entries(&["--workspace", ws])[0])
    };
    let expiry_days = |id: &str| {
        let (s, e) = times(&w, id);
        let e = e.expect("expires");
        assert_eq!((e - s) % DAY_MS, 0, "whole days");
        (e - s) / DAY_MS
    };
    assert_eq!(
        expiry_days(&save_cfg("cfg", None, &[])),
        7,
        "[history] retention_days = 7"
    );
    assert_eq!(
        expiry_days(&save_cfg(
            "env",
            Some(("CLOUDOPS_HISTORY_RETENTION_DAYS", "3")),
            &[]
        )),
        3,
        "environment beats the file"
    );
    assert_eq!(
        expiry_days(&save_cfg(
            "flag",
            Some(("CLOUDOPS_HISTORY_RETENTION_DAYS", "3")),
            &["--retention-days", "2"]
        )),
        2,
        "the flag beats both"
    );

    // Out of range.
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DELETE))
        .args(["--save", "--retention-days", "36501"])
        .output()
        .unwrap();
    assert_code(&out, 64, "--retention-days 36501");
    let bad = w.path("bad.toml");
    std::fs::write(&bad, "[history]\nretention_days = 40000\n").unwrap();
    let out = w
        .cmd()
        .args(["--config", bad.to_str().unwrap(), "plan", "analyze"])
        .arg(fixture(DELETE))
        .arg("--save")
        .output()
        .unwrap();
    assert_code(&out, 64, "retention_days = 40000 in the file");
    assert_eq!(w.entries(&[]).len(), 4, "the refused saves saved nothing");
}

// ---------------------------------------------------------------------------------------------
// 7. Pagination and --since.
// ---------------------------------------------------------------------------------------------

/// The `cloudops ...` command suggested on stderr for the next page, as arguments.
fn next_page_command(stderr: &str) -> Option<Vec<String>> {
    let line = stderr.lines().find(|l| l.contains("--page "))?;
    let cmd =
        &line[line.find("cloudops ").expect("the note names the command") + "cloudops ".len()..];
    Some(cmd.split_whitespace().map(str::to_string).collect())
}

#[test]
fn pages_cover_every_entry_once_newest_first() {
    let w = World::new();
    let dir = w.path("plans");
    std::fs::create_dir_all(&dir).unwrap();
    for n in 0..25 {
        w.save(&variant(DRIFT, n, &dir), &[]);
    }
    let all = w.ids(&[]);
    assert_eq!(all.len(), 25);
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), 25);

    // JSON pages, following next_page; stderr names the same token.
    let mut seen = Vec::new();
    let mut page: Option<String> = None;
    let mut sizes = Vec::new();
    loop {
        let mut args = vec!["plan", "history", "--format", "json", "--limit", "10"];
        if let Some(p) = &page {
            args.extend(["--page", p.as_str()]);
        }
        let out = w.run(&args);
        assert_code(&out, 0, &format!("page {page:?}"));
        let l: Value = serde_json::from_slice(&out.stdout).expect("page is JSON");
        let entries = l["entries"].as_array().unwrap();
        sizes.push(entries.len());
        seen.extend(entries.iter().map(id_of));
        match l.get("next_page") {
            Some(t) => {
                let t = t.as_str().unwrap().to_string();
                let err = text(&out.stderr);
                assert!(
                    err.contains(&format!("--page {t}")),
                    "stderr names the token: {err}"
                );
                assert!(sizes.len() < 5, "too many pages");
                page = Some(t);
            }
            None => {
                assert!(
                    !text(&out.stderr).contains("--page"),
                    "no token after the last page"
                );
                break;
            }
        }
    }
    assert_eq!(sizes, vec![10, 10, 5]);
    assert_eq!(seen, all, "pages give every entry once, in listing order");

    // Newest first across pages.
    let saved: Vec<jiff::Timestamp> = w
        .entries(&[])
        .iter()
        .map(|e| {
            e["saved_at"]
                .as_str()
                .unwrap()
                .parse()
                .expect("saved_at is a timestamp")
        })
        .collect();
    let mut sorted = saved.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(saved, sorted, "newest first");

    // Table pages: follow the command printed on stderr verbatim.
    let mut table_seen = Vec::new();
    let mut args: Vec<String> = ["plan", "history", "--limit", "10", "--since", "1d"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for _ in 0..5 {
        let out = w.cmd().args(&args).output().unwrap();
        assert_code(&out, 0, &format!("{args:?}"));
        let t = text(&out.stdout);
        table_seen.extend(all.iter().filter(|id| t.contains(id.as_str())).cloned());
        match next_page_command(&text(&out.stderr)) {
            Some(next) => args = next,
            None => break,
        }
    }
    let mut a = table_seen.clone();
    a.sort();
    let mut b = all.clone();
    b.sort();
    assert_eq!(a, b, "table pages following stderr's command");
    assert_eq!(table_seen.len(), 25, "each exactly once");

    // A page token stays valid while others save: the next page neither repeats nor skips.
    let out = w.run(&["plan", "history", "--format", "json", "--limit", "10"]);
    let first: Value = serde_json::from_slice(&out.stdout).unwrap();
    let token = first["next_page"].as_str().unwrap().to_string();
    w.save(&variant(DRIFT, 99, &dir), &[]);
    let out = w.run(&[
        "plan", "history", "--format", "json", "--limit", "10", "--page", &token,
    ]);
    assert_code(&out, 0, "page after a new save");
    let second: Vec<String> = serde_json::from_slice::<Value>(&out.stdout).unwrap()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(id_of)
        .collect();
    assert_eq!(second, all[10..20].to_vec());

    // --since.
    assert_eq!(w.ids(&["--since", "2999-01-01"]).len(), 0, "a future date");
    assert_eq!(w.ids(&["--since", "2999-01-01T00:00:00Z"]).len(), 0);
    assert_eq!(w.ids(&["--since", "1d"]).len(), 26);
    assert_eq!(w.ids(&["--since", "2000-01-01"]).len(), 26);
    let out = w.run(&["plan", "history", "--since", "2999-01-01"]);
    assert_code(&out, 0, "empty listing");
    assert!(text(&out.stdout).contains("No saved analyses"));

    for (bad, what) in [
        (vec!["--since", "yesterday"], "bad --since"),
        (vec!["--since", "-3d"], "negative age"),
        (vec!["--page", "garbage"], "bad --page"),
        (vec!["--page", "123-ABCDEFGHIJ"], "token with a bad ID"),
        (vec!["--page", "x-abcdefghjk"], "token with bad millis"),
        (vec!["--limit", "-1"], "negative limit"),
    ] {
        let out = w
            .cmd()
            .args(["plan", "history"])
            .args(&bad)
            .output()
            .unwrap();
        assert_code(&out, 64, what);
        assert!(out.stdout.is_empty(), "{what}: nothing on stdout");
    }
}

#[test]
fn the_listed_save_time_used_as_since_includes_the_entry() {
    let w = World::new();
    w.save(&fixture(DRIFT), &[]);
    let id = w.newest_id();
    // Saved at 03:04:05.700 UTC (kept forever, so that it does not count as expired).
    let saved_ms = 1_767_323_045_700_i64;
    w.sqlite()
        .execute(
            "UPDATE plans SET saved_at = ?1, expires_at = NULL WHERE id = ?2",
            rusqlite::params![saved_ms, id],
        )
        .unwrap();
    let table = text(&w.run(&["plan", "history"]).stdout);
    let row = table.lines().find(|l| l.contains(&id)).expect("listed");
    let shown = row
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .find(|p| p[0].starts_with("2026-01-02"))
        .map(|p| format!("{}T{}", p[0], p[1]))
        .unwrap_or_else(|| panic!("no save time in {row:?}"));
    let listed = w.ids(&["--since", &shown]);
    assert_eq!(
        listed,
        vec![id.clone()],
        "the listing says {id} was saved at {shown} (it was saved at 2026-01-02T03:04:05.700Z), \
         so `--since {shown}` must include it"
    );
}

// ---------------------------------------------------------------------------------------------
// 8. Concurrency.
// ---------------------------------------------------------------------------------------------

/// Starts one `plan analyze PLAN --save` process per plan, all before waiting for any.
fn save_at_once(w: &World, plans: &[PathBuf]) -> Vec<Output> {
    let children: Vec<std::process::Child> = plans
        .iter()
        .map(|p| {
            w.std_cmd()
                .args(["plan", "analyze"])
                .arg(p)
                .args(["--save", "--format", "json"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait"))
        .collect()
}

#[test]
fn fifty_processes_save_at_once_without_losing_or_locking() {
    let w = World::new();
    let dir = w.path("plans");
    std::fs::create_dir_all(&dir).unwrap();
    let plans: Vec<PathBuf> = (0..50).map(|n| variant(DELETE, n, &dir)).collect();

    let outs = save_at_once(&w, &plans);
    for (i, o) in outs.iter().enumerate() {
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "process {i}: {err}");
        let lower = err.to_lowercase();
        assert!(
            !lower.contains("locked") && !lower.contains("busy"),
            "process {i}: {err}"
        );
        assert!(err.contains("saved as"), "process {i}: {err}");
    }

    let e = w.entries(&[]);
    assert_eq!(e.len(), 50, "every save is listed");
    let digests: HashSet<&str> = e
        .iter()
        .map(|x| x["plan_sha256"].as_str().unwrap())
        .collect();
    assert_eq!(digests.len(), 50, "50 distinct plans");
    let ids: HashSet<String> = e.iter().map(id_of).collect();
    assert_eq!(ids.len(), 50, "50 distinct IDs");
    let ok: String = w
        .sqlite()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn twenty_processes_saving_the_same_plan_make_one_entry() {
    let w = World::new();
    let plan = fixture(REPLACE);
    let outs = save_at_once(&w, &vec![plan; 20]);
    let mut created = 0;
    for (i, o) in outs.iter().enumerate() {
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "process {i}: {err}");
        assert!(!err.to_lowercase().contains("locked"), "process {i}: {err}");
        if err.contains("already saved") {
            continue;
        }
        assert!(err.contains("saved as"), "process {i}: {err}");
        created += 1;
    }
    assert_eq!(created, 1, "exactly one process created the entry");
    let ids = w.ids(&[]);
    assert_eq!(ids.len(), 1, "{ids:?}");
    for o in &outs {
        let err = text(&o.stderr);
        assert!(
            err.contains(&ids[0]),
            "every process names the one entry: {err}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 9. Store files that must be refused and left alone.
// ---------------------------------------------------------------------------------------------

/// `plan history` and `plan analyze --save` both refuse the store in `w`, exit 1, name the
/// file and say `expect`; the save still printed the report; the directory is untouched.
fn assert_refused(w: &World, expect: &[&str]) {
    let db = w.db();
    let before = std::fs::read(&db).unwrap();
    let files = dir_listing(w.data_dir());
    let path = db.display().to_string();

    let out = w.run(&["plan", "history"]);
    assert_code(&out, 1, "plan history on a refused store");
    let err = text(&out.stderr);
    assert!(err.contains(&path), "stderr names {path}: {err}");
    for e in expect {
        assert!(err.contains(e), "stderr says {e:?}: {err}");
    }
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));

    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .args(["--save", "--format", "json"])
        .output()
        .unwrap();
    assert_code(&out, 1, "plan analyze --save on a refused store");
    let report: Value =
        serde_json::from_slice(&out.stdout).expect("the report was printed before saving failed");
    assert_eq!(report["summary"]["drift"], 1);
    let err = text(&out.stderr);
    assert!(err.contains(&path), "stderr names {path}: {err}");
    for e in expect {
        assert!(err.contains(e), "stderr says {e:?}: {err}");
    }

    for args in [
        vec!["plan", "history", "show", "abcd"],
        vec!["plan", "history", "delete", "abcd"],
        vec!["plan", "history", "diff", "--last", "2"],
    ] {
        let out = w.run(&args);
        assert!(!out.status.success(), "{args:?} on a refused store");
    }

    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the file's bytes are unchanged"
    );
    assert_eq!(
        dir_listing(w.data_dir()),
        files,
        "no files added next to it"
    );
}

#[test]
fn a_garbage_store_file_is_refused_and_left_untouched() {
    let w = World::new();
    std::fs::create_dir_all(w.data_dir()).unwrap();
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(w.db(), &garbage).unwrap();
    assert_refused(&w, &["move all of them aside", "-wal/-shm"]);
}

#[test]
fn a_text_file_as_store_is_refused() {
    let w = World::new();
    std::fs::create_dir_all(w.data_dir()).unwrap();
    std::fs::write(w.db(), "not a database\n".repeat(300)).unwrap();
    assert_refused(&w, &["move all of them aside", "-wal/-shm"]);
}

#[test]
fn a_store_with_a_newer_schema_is_refused() {
    let w = World::new();
    std::fs::create_dir_all(w.data_dir()).unwrap();
    {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.execute_batch(
            "PRAGMA application_id = 1668050800; PRAGMA user_version = 99; \
             CREATE TABLE plans_v99 (id TEXT PRIMARY KEY);",
        )
        .unwrap();
    }
    assert_refused(&w, &["newer"]);
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    let w = World::new();
    std::fs::create_dir_all(w.data_dir()).unwrap();
    {
        let c = rusqlite::Connection::open(w.db()).unwrap();
        c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    assert_refused(&w, &["another program"]);
}

#[test]
fn an_unwritable_data_dir_fails_the_save_after_printing_the_report() {
    let mut w = World::new();
    let file = w.path("a-file");
    std::fs::write(&file, "I am a file").unwrap();
    let dir = file.join("store");
    w.data = Some(dir.clone());
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .args(["--save", "--format", "json"])
        .output()
        .unwrap();
    assert_code(&out, 1, "unwritable data dir");
    let report: Value = serde_json::from_slice(&out.stdout).expect("the report is printed");
    assert_eq!(report["summary"]["change"], 2);
    let err = text(&out.stderr);
    assert!(
        err.contains(&dir.display().to_string()),
        "stderr names the path: {err}"
    );
    assert!(
        err.contains("CLOUDOPS_DATA_DIR"),
        "the hint says how to choose another: {err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "I am a file");

    // Table output too: the report, then the failure.
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .arg("--save")
        .output()
        .unwrap();
    assert_code(&out, 1, "unwritable data dir, table");
    assert!(text(&out.stdout).contains("Plan:"), "{}", text(&out.stdout));
}

// ---------------------------------------------------------------------------------------------
// 10. delete, diff by IDs, and formats.
// ---------------------------------------------------------------------------------------------

#[test]
fn delete_removes_one_entry() {
    let w = World::new();
    w.save(&fixture(DRIFT), &[]);
    let a = w.newest_id();
    w.save(&fixture(DELETE), &[]);
    let b = w.newest_id();
    w.save(&fixture(REPLACE), &[]);
    let c = w.newest_id();

    // A refused format deletes nothing.
    let out = w.run(&["plan", "history", "delete", &a, "--format", "github"]);
    assert_code(&out, 64, "delete --format github");
    assert_eq!(w.ids(&[]).len(), 3);

    let out = w.run(&["plan", "history", "delete", &a[..6]]);
    assert_code(&out, 0, "delete by prefix");
    assert!(
        text(&out.stdout).contains(&format!("Deleted {a}")),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(w.ids(&[]), vec![c.clone(), b.clone()]);
    let n: i64 = w
        .sqlite()
        .query_row("SELECT count(*) FROM plans WHERE id = ?1", [&a], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 0, "the row is gone");

    let out = w.run(&["plan", "history", "show", &a]);
    assert_code(&out, 1, "show a deleted entry");
    let out = w.run(&["plan", "history", "delete", &a]);
    assert_code(&out, 1, "delete twice");
    assert!(
        text(&out.stderr).contains("no saved plan"),
        "{}",
        text(&out.stderr)
    );

    let out = w.run(&[
        "plan",
        "history",
        "delete",
        &b.to_uppercase(),
        "--format",
        "json",
    ]);
    assert_code(&out, 0, "delete --format json");
    let d: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(d["deleted"], json!(b));
    assert_eq!(d["entry"]["id"], json!(b), "what was deleted is described");
    assert_eq!(w.ids(&[]), vec![c]);
}

#[test]
fn history_accepts_only_table_json_and_markdown() {
    let w = World::new();
    w.save(&fixture(DRIFT), &[]);
    w.save(&fixture(DELETE), &[]);
    for args in [
        vec!["plan", "history", "--format", "sarif"],
        vec!["plan", "history", "list", "--format", "junit"],
        vec![
            "plan", "history", "diff", "--last", "2", "--format", "github",
        ],
        vec![
            "plan", "history", "diff", "--last", "2", "--format", "sarif",
        ],
    ] {
        let out = w.run(&args);
        assert_code(&out, 64, &format!("{args:?}"));
        assert!(out.stdout.is_empty());
    }
    let md = text(&w.run(&["plan", "history", "--format", "markdown"]).stdout);
    for id in w.ids(&[]) {
        assert!(md.contains(&id), "{md}");
    }
    assert!(md.starts_with("| ID |"), "{md}");
    // `list` is the default.
    let a: Value = serde_json::from_slice(
        &w.run(&["plan", "history", "list", "--format", "json"])
            .stdout,
    )
    .unwrap();
    let b: Value =
        serde_json::from_slice(&w.run(&["plan", "history", "--format", "json"]).stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn diff_by_ids_shows_action_changes_cleared_drift_and_resolved_findings() {
    let w = World::new();
    w.save(&fixture(DELETE), &[]);
    let del = w.newest_id();
    w.save(&fixture(DRIFT), &[]);
    let drift = w.newest_id();
    w.save(&fixture(REPLACE), &[]);
    let rep = w.newest_id();

    let diff = |older: &str, newer: &str| -> Value {
        let out = w.run(&["plan", "history", "diff", older, newer, "--format", "json"]);
        assert_code(&out, 0, &format!("diff {older} {newer}"));
        serde_json::from_slice(&out.stdout).unwrap()
    };

    let d = diff(&del, &rep);
    assert_eq!(
        d["action_changed"],
        json!([{"address": "test_instance.test", "before": "update", "after": "replace"}])
    );
    assert_eq!(
        pairs(&d["stopped"]),
        set(&[("test_instance.test-delete", "delete")])
    );
    assert_eq!(d["started"], json!([]));
    let out = w.run(&["plan", "history", "diff", &del, &rep]);
    assert!(
        table_has(&text(&out.stdout), "test_instance.test", "update → replace"),
        "{}",
        text(&out.stdout)
    );
    let md = text(
        &w.run(&[
            "plan", "history", "diff", &del, &rep, "--format", "markdown",
        ])
        .stdout,
    );
    assert!(
        md_section(&md, "Action changed").contains("`test_instance.test`: update → replace"),
        "{md}"
    );

    let d = diff(&drift, &rep);
    assert_eq!(
        pairs(&d["drift_cleared"]),
        set(&[("test_instance.should_refresh", "update")])
    );
    assert_eq!(d["drift_appeared"], json!([]));
    let resolved = d["findings_resolved"].as_array().unwrap();
    assert_eq!(resolved.len(), 1, "{d}");
    assert_eq!(resolved[0]["rule"], "CO010");
    let out = w.run(&["plan", "history", "diff", &drift, &rep]);
    let t = text(&out.stdout);
    assert!(
        table_has(
            &t,
            "test_instance.should_refresh",
            "drift cleared (was update)"
        ),
        "{t}"
    );
    assert!(
        table_has(&t, "test_instance.should_refresh", "resolved"),
        "{t}"
    );

    // --last 3 compares the third newest with the newest.
    let d: Value = serde_json::from_slice(
        &w.run(&["plan", "history", "diff", "--last", "3", "--format", "json"])
            .stdout,
    )
    .unwrap();
    assert_eq!(
        (d["older"]["id"].as_str(), d["newer"]["id"].as_str()),
        (Some(del.as_str()), Some(rep.as_str()))
    );

    // Not enough entries; not enough arguments.
    let out = w.run(&["plan", "history", "diff", "--last", "4"]);
    assert_code(&out, 64, "--last 4 with 3 entries");
    let out = w.run(&[
        "plan",
        "history",
        "diff",
        "--last",
        "2",
        "--workspace",
        "nowhere",
    ]);
    assert_code(&out, 64, "--last 2 in an empty workspace");
    let out = w.run(&["plan", "history", "diff", &del]);
    assert_code(&out, 64, "one ID");
    let out = w.run(&["plan", "history", "diff", "--last", "1"]);
    assert_code(&out, 64, "--last 1");

    // The same plan in two workspaces.
    w.save(&fixture(REPLACE), &["--workspace", "other"]);
    let other = w.newest_id();
    let d = diff(&rep, &other);
    assert_eq!(d["same_plan"], true);
    let out = w.run(&["plan", "history", "diff", &rep, &other]);
    assert_code(&out, 0, "same plan");
    assert!(
        text(&out.stdout).contains("same plan"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("different workspaces"),
        "{}",
        text(&out.stderr)
    );

    // --last defaults to the newest entry's workspace; --workspace picks another.
    let out = w.run(&["plan", "history", "diff", "--last", "2"]);
    assert_code(&out, 64, "only one entry in workspace `other`");
    let d: Value = serde_json::from_slice(
        &w.run(&[
            "plan",
            "history",
            "diff",
            "--last",
            "2",
            "--workspace",
            &w.cwd.canonicalize().unwrap().display().to_string(),
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(d["newer"]["id"], json!(rep));
    assert_eq!(d["older"]["id"], json!(drift));
}

// ---------------------------------------------------------------------------------------------
// 11. Looking never creates anything.
// ---------------------------------------------------------------------------------------------

#[test]
fn history_without_a_store_says_so_and_creates_nothing() {
    let w = World::new();
    let out = w.run(&["plan", "history"]);
    assert_code(&out, 0, "plan history, no store");
    assert!(
        text(&out.stdout).contains("No saved analyses"),
        "{}",
        text(&out.stdout)
    );
    let l = w.list(&[]);
    assert_eq!(l["entries"], json!([]));
    let out = w.run(&["plan", "history", "--format", "markdown"]);
    assert_code(&out, 0, "markdown, no store");
    assert!(text(&out.stdout).contains("No saved analyses"));
    let out = w.run(&["plan", "history", "show", "abcd"]);
    assert_code(&out, 1, "show, no store");
    let out = w.run(&["plan", "history", "delete", "abcd"]);
    assert_code(&out, 1, "delete, no store");
    let out = w.run(&["plan", "history", "diff", "--last", "2"]);
    assert_code(&out, 64, "diff, no store");
    assert!(!w.data_dir().exists(), "the data directory was not created");

    let u = World::unconfigured();
    let out = u.run(&["plan", "history"]);
    assert_code(&out, 0, "plan history, nothing configured");
    assert!(text(&out.stdout).contains("No saved analyses"));
    assert!(!u.xdg().exists(), "XDG_DATA_HOME untouched");
    assert!(dir_listing(&u.home()).is_empty(), "HOME untouched");

    // Plain analysis without --save never creates a store either.
    let out = w
        .cmd()
        .args(["plan", "analyze"])
        .arg(fixture(DRIFT))
        .output()
        .unwrap();
    assert_code(&out, 0, "analyze without --save");
    assert!(!w.data_dir().exists());
}
