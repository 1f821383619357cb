//! The shared plan history (DynamoDB, one partition per logged-in user) end to end: the real
//! binary logged in to a real Cognito wire protocol and talking to a real DynamoDB wire
//! protocol (moto on 127.0.0.1), held to the embedded store's behaviour, plus what only a
//! shared table can get wrong: users seeing each other's entries, paging a large partition,
//! items over DynamoDB's 400 KB limit, concurrent writers, choosing the store, and importing.

#[path = "support/github_server.rs"]
mod github_server;
#[path = "support/moto.rs"]
mod moto;
mod support;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use aws_sdk_dynamodb::types::AttributeValue;
use cloudops::plan::report::{AttrChange, Report};
use cloudops::plan::{analyze_documents, sniff, AnalyzeOptions, Sniffed};
use cloudops::store::dynamodb::DynamoStore;
use cloudops::store::{Cursor, ListQuery, NewPlan, PlanMeta, Saved, Store};
use jiff::Timestamp;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const PASSWORD: &str = "Correct-Horse-9";
const DRIFT: &str = "opentofu__show-json__drift.json";
const DELETE: &str = "opentofu__show-json__basic-delete.json";
const REPLACE: &str = "opentofu__show-json__requires-replace.json";
const SENSITIVE: &str = "opentofu__show-json__sensitive-values.json";

/// Variables through which the developer's own environment could steer a run (other
/// endpoints, other stores, other credentials).
const SCRUBBED: &[&str] = &[
    "CLOUDOPS_USERNAME",
    "CLOUDOPS_PASSWORD",
    "CLOUDOPS_INSECURE_STORAGE",
    "CLOUDOPS_AUTH_REFRESH_MARGIN",
    "CLOUDOPS_PROFILE",
    "CLOUDOPS_PLANS_TABLE",
    "CLOUDOPS_HISTORY_STORE",
    "CLOUDOPS_HISTORY_RETENTION_DAYS",
    "CLOUDOPS_WORKSPACE",
    "CLOUDOPS_DATA_DIR",
    "CLOUDOPS_FORMAT",
    "CLOUDOPS_FAIL_ON",
    "CLOUDOPS_MAX_DESTROY",
    "CLOUDOPS_TERRAFORM_BIN",
    "CLOUDOPS_PLAN_CONFIG",
    "CLOUDOPS_LOG",
    "TF_WORKSPACE",
    "GITHUB_STEP_SUMMARY",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
];

type Item = HashMap<String, AttributeValue>;

// ---------------------------------------------------------------------------------------------
// The world: one stack (user pool + table) per test, one temporary machine per operator.
// ---------------------------------------------------------------------------------------------

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    #[track_caller]
    fn expect(&self, code: i32, what: &str) -> &Out {
        assert_eq!(
            self.code,
            Some(code),
            "{what}: exit code\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}\nstdout: {}\nstderr: {}", self.stdout, self.stderr))
    }
}

impl From<std::process::Output> for Out {
    fn from(o: std::process::Output) -> Out {
        Out {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// What `deploy/` gives a team: one user pool and one plans table, shared by everyone.
struct Stack {
    pool: moto::Pool,
    table: String,
}

impl Stack {
    fn new() -> Stack {
        Stack {
            pool: moto::Pool::new(),
            table: moto::table_from_template("PlansTable"),
        }
    }
}

/// One operator's machine: a home, config directory (user config), data directory (the
/// local store) and working directory of its own; the table is configured through
/// CLOUDOPS_PLANS_TABLE unless a run says otherwise.
struct Operator<'s> {
    stack: &'s Stack,
    root: TempDir,
    /// Signed in from CLOUDOPS_USERNAME/PASSWORD (CI) instead of a stored login: the stored
    /// tokens live in the kernel keyring under the pool and client, not under the config
    /// directory, so a second user of the same pool cannot have a stored login of their own.
    ci_email: Option<String>,
}

impl<'s> Operator<'s> {
    fn new(stack: &'s Stack) -> Operator<'s> {
        let root = tempfile::tempdir().expect("tempdir");
        for d in ["home", "config", "work", "xdg"] {
            std::fs::create_dir_all(root.path().join(d)).expect("dir");
        }
        Operator {
            stack,
            root,
            ci_email: None,
        }
    }

    /// A user whose every run signs in from the CI variables.
    fn ci(stack: &'s Stack, email: &str) -> Operator<'s> {
        let mut op = Operator::new(stack);
        op.ci_email = Some(email.to_string());
        op
    }

    fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn config_dir(&self) -> PathBuf {
        self.root.path().join("config")
    }

    /// The binary with this machine's environment; `env` entries override it (`None` unsets).
    fn command(&self, args: &[&str], env: &[(&str, Option<&str>)]) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_cloudops"));
        for k in SCRUBBED {
            c.env_remove(k);
        }
        for (k, v) in moto::aws_env(&self.root.path().join("home")) {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.env("XDG_DATA_HOME", self.root.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.root.path().join("xdg"))
            .env("CLOUDOPS_CONFIG_DIR", self.config_dir())
            .env("CLOUDOPS_DATA_DIR", self.data_dir())
            .env("CLOUDOPS_USER_POOL_ID", &self.stack.pool.user_pool_id)
            .env("CLOUDOPS_CLIENT_ID", &self.stack.pool.client_id)
            .env(
                "CLOUDOPS_IDENTITY_POOL_ID",
                &self.stack.pool.identity_pool_id,
            )
            .env("CLOUDOPS_PLANS_TABLE", &self.stack.table);
        if let Some(email) = &self.ci_email {
            c.env("CLOUDOPS_USERNAME", email)
                .env("CLOUDOPS_PASSWORD", PASSWORD);
        }
        for (k, v) in env {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.current_dir(self.root.path().join("work")).args(args);
        c
    }

    fn run_with(&self, args: &[&str], env: &[(&str, Option<&str>)], stdin: Option<&str>) -> Out {
        let mut c = assert_cmd::Command::from_std(self.command(args, env));
        c.timeout(Duration::from_secs(120));
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        c.output().expect("the binary runs").into()
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, &[], None)
    }

    fn login(&self, email: &str) {
        self.run_with(
            &["login", "--email", email, "--password-stdin"],
            &[],
            Some(PASSWORD),
        )
        .expect(0, &format!("login {email}"));
    }

    /// The verified user-pool `sub` that keys this user's partition.
    fn sub(&self) -> String {
        let status = self.run(&["auth", "status", "--format", "json"]);
        status.expect(0, "auth status");
        let sub = status.json()["sub"]
            .as_str()
            .unwrap_or_else(|| panic!("no sub: {}", status.stdout))
            .to_string();
        assert!(!sub.is_empty(), "{}", status.stdout);
        sub
    }

    /// `plan analyze FIXTURE --save --workspace W --format json` (+ `extra`): the report it
    /// printed and the ID it named.
    fn save(&self, fixture: &str, workspace: &str, extra: &[&str]) -> (Value, String, Out) {
        let plan = support::fixture(fixture);
        let mut args = vec![
            "plan",
            "analyze",
            plan.to_str().expect("utf8 path"),
            "--save",
            "--workspace",
            workspace,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        out.expect(0, &format!("save {fixture} in {workspace}"));
        let id = saved_id(&out.stderr);
        (out.json(), id, out)
    }

    /// The whole listing document of `plan history --limit 0 --format json` (+ `extra`).
    fn listing(&self, extra: &[&str]) -> Value {
        let mut args = vec!["plan", "history", "--limit", "0", "--format", "json"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        out.expect(0, "plan history");
        let v = out.json();
        assert!(
            v["next_page"].is_null(),
            "--limit 0 is one page: {}",
            out.stdout
        );
        v
    }

    fn entries(&self, extra: &[&str]) -> Vec<Value> {
        self.listing(extra)["entries"]
            .as_array()
            .expect("entries")
            .clone()
    }

    fn ids(&self, extra: &[&str]) -> Vec<String> {
        self.entries(extra).iter().map(id_of).collect()
    }

    fn show(&self, id: &str, extra: &[&str]) -> Out {
        let mut args = vec!["plan", "history", "show", id, "--format", "json"];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}

impl Drop for Operator<'_> {
    /// Tests leave nothing in the developer's kernel keyring (its quota is small).
    fn drop(&mut self) {
        let mut c = self.command(&["logout", "--local"], &[]);
        c.env_remove("CLOUDOPS_USERNAME")
            .env_remove("CLOUDOPS_PASSWORD")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let _ = c.status();
    }
}

/// The ID a save names on stderr ("saved as ID in ..." or "already saved as ID in ...").
#[track_caller]
fn saved_id(stderr: &str) -> String {
    let at = stderr
        .find("saved as ")
        .unwrap_or_else(|| panic!("no \"saved as\" on stderr: {stderr}"))
        + "saved as ".len();
    let id: String = stderr[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(id.len(), cloudops::store::ID_LEN, "{stderr}");
    id
}

fn id_of(entry: &Value) -> String {
    entry["id"].as_str().expect("id").to_string()
}

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn sha256_file(fixture: &str) -> String {
    let bytes = std::fs::read(support::fixture(fixture)).expect("fixture");
    format!("{:x}", Sha256::digest(bytes))
}

fn sdk_config() -> aws_config::SdkConfig {
    moto::runtime().block_on(moto::sdk_config())
}

/// Another handle on `user_id`'s partition, as the binary opens it (without the login).
fn store_of(table: &str, user_id: &str) -> DynamoStore {
    DynamoStore::new(&sdk_config(), table, user_id).expect("store")
}

/// Every item of the table, whoever's.
fn scan(table: &str) -> Vec<Item> {
    moto::runtime().block_on(async {
        let ddb = aws_sdk_dynamodb::Client::new(&moto::sdk_config().await);
        let mut out = Vec::new();
        let mut start = None;
        loop {
            let page = ddb
                .scan()
                .table_name(table)
                .consistent_read(true)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .expect("Scan");
            out.extend(page.items.unwrap_or_default());
            match page.last_evaluated_key {
                Some(k) => start = Some(k),
                None => return out,
            }
        }
    })
}

fn attr<'a>(item: &'a Item, key: &str) -> &'a str {
    match item.get(key) {
        Some(AttributeValue::S(s)) => s,
        _ => "",
    }
}

/// A fixture analysed as `plan analyze` does, for library-level saves.
fn analyzed(name: &str) -> (Vec<u8>, Report) {
    let bytes = std::fs::read(support::fixture(name)).expect("fixture readable");
    let docs = match sniff(Box::new(std::io::Cursor::new(bytes.clone()))).expect("sniff") {
        Sniffed::Text(docs) => docs,
        _ => panic!("{name} is not a JSON plan"),
    };
    let report = analyze_documents(docs, name, &AnalyzeOptions::default()).expect("analyses");
    (bytes, report)
}

fn new_plan(workspace: &str, digest_of: &str, report: Report) -> NewPlan {
    NewPlan {
        workspace: workspace.to_string(),
        plan_sha256: format!("{:x}", Sha256::digest(digest_of.as_bytes())),
        source: format!("{digest_of}.json"),
        terraform_version: Some("1.9.0".to_string()),
        report,
        raw_plan_gz: None,
        expires_at: None,
        saved_at: None,
    }
}

/// Bytes gzip cannot shrink (xorshift64*), so sizes are what the test says they are.
struct Noise(u64);

impl Noise {
    fn new(seed: u64) -> Noise {
        Noise(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| (self.next() >> 56) as u8).collect()
    }

    fn text(&mut self, n: usize) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        (0..n)
            .map(|_| A[(self.next() >> 58) as usize] as char)
            .collect()
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gunzip");
    out
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serialises")
}

// ---------------------------------------------------------------------------------------------
// 1. Isolation.
// ---------------------------------------------------------------------------------------------

#[test]
fn two_users_never_see_each_others_history() {
    let stack = Stack::new();
    let (ann, bob) = ("ann@example.com", "bob@example.com");
    stack.pool.user(ann, PASSWORD);
    stack.pool.user(bob, PASSWORD);
    let a = Operator::new(&stack);
    a.login(ann);
    let b = Operator::ci(&stack, bob);

    // The same workspace name for both: only the partition may keep them apart.
    let (_, a1, out) = a.save(DELETE, "acme/prod", &[]);
    assert!(
        out.stderr
            .contains(&format!("DynamoDB table {}", stack.table)),
        "saved into the shared table: {}",
        out.stderr
    );
    let (_, a2, _) = a.save(REPLACE, "acme/prod", &[]);
    let (_, b1, out) = b.save(DRIFT, "acme/prod", &[]);
    assert!(
        out.stderr
            .contains(&format!("DynamoDB table {}", stack.table)),
        "{}",
        out.stderr
    );

    let listing = a.listing(&[]);
    assert!(
        listing["store"]
            .as_str()
            .unwrap_or_default()
            .starts_with(&format!("DynamoDB table {}", stack.table)),
        "{listing}"
    );
    assert_eq!(a.ids(&[]), vec![a2.clone(), a1.clone()], "A sees only A's");
    assert_eq!(b.ids(&[]), vec![b1.clone()], "B sees only B's");
    assert_eq!(b.ids(&["--workspace", "acme/prod"]), vec![b1.clone()]);

    // Nothing of A's can be read, compared or deleted by B, by full ID or by prefix.
    for id in [a1.as_str(), &a1[..6], a2.as_str()] {
        let out = b.show(id, &[]);
        out.expect(1, &format!("B shows A's {id}"));
        assert!(out.stderr.contains("no saved plan"), "{}", out.stderr);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        let out = b.run(&["plan", "history", "delete", id]);
        out.expect(1, &format!("B deletes A's {id}"));
        assert!(out.stderr.contains("no saved plan"), "{}", out.stderr);
    }
    let out = b.run(&["plan", "history", "diff", &a1, &a2, "--format", "json"]);
    out.expect(1, "B compares A's two");
    assert!(out.stderr.contains("no saved plan"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    let out = b.show(&b1, &[]);
    out.expect(0, "B shows B's own");
    let out = a.show(&b1, &[]);
    out.expect(1, "A shows B's");
    assert!(out.stderr.contains("no saved plan"), "{}", out.stderr);

    // A still has both, intact.
    assert_eq!(
        a.ids(&[]),
        vec![a2.clone(), a1.clone()],
        "after B's attempts"
    );
    a.show(&a1, &[]).expect(0, "A shows A1");
    let out = a.run(&["plan", "history", "diff", &a1, &a2, "--format", "json"]);
    out.expect(0, "A compares A's two");

    // The table itself: every item sits under its owner's verified sub.
    let (sub_a, sub_b) = (a.sub(), b.sub());
    assert_ne!(sub_a, sub_b);
    let mine = moto::partition(&stack.table, &sub_a);
    let sks: BTreeSet<&str> = mine.iter().map(|i| attr(i, "sk")).collect();
    let expected: BTreeSet<String> = [
        format!("id#{a1}"),
        format!("id#{a2}"),
        format!("blob#{a1}"),
        format!("blob#{a2}"),
        // The workspace is hashed in the claim's key (any name fits DynamoDB's key limit).
        format!(
            "digest#{}#{}",
            sha256_hex(b"acme/prod"),
            sha256_file(DELETE)
        ),
        format!(
            "digest#{}#{}",
            sha256_hex(b"acme/prod"),
            sha256_file(REPLACE)
        ),
    ]
    .into_iter()
    .collect();
    for e in &expected {
        assert!(sks.contains(e.as_str()), "{e} not under A's sub: {sks:?}");
    }
    let entries: Vec<&str> = sks
        .iter()
        .copied()
        .filter(|s| s.starts_with("plan#"))
        .collect();
    assert_eq!(entries.len(), 2, "{sks:?}");
    for (sk, id) in entries.iter().zip([&a1, &a2]) {
        let rest = sk.strip_prefix("plan#").expect("plan#");
        let (ms, tail) = rest.split_once('#').expect("plan#MS#ID");
        assert_eq!(ms.len(), 13, "13-digit ms: {sk}");
        assert!(ms.bytes().all(|b| b.is_ascii_digit()), "{sk}");
        assert_eq!(tail, id.as_str(), "entries in time order: {entries:?}");
    }
    assert_eq!(mine.len(), 8, "four items per entry: {sks:?}");
    assert!(
        mine.iter()
            .all(|i| attr(i, "id") == a1 || attr(i, "id") == a2),
        "only A's IDs in A's partition"
    );
    let theirs = moto::partition(&stack.table, &sub_b);
    assert_eq!(theirs.len(), 4, "{:?}", theirs);
    assert!(
        theirs.iter().all(|i| attr(i, "id") == b1),
        "nothing of A's under B's sub"
    );
    let everything = scan(&stack.table);
    assert_eq!(everything.len(), 12, "nothing outside the two partitions");
    for i in &everything {
        let owner = attr(i, "user_id");
        let id = attr(i, "id");
        if id == a1 || id == a2 {
            assert_eq!(owner, sub_a, "{i:?}");
        } else {
            assert_eq!(owner, sub_b, "{i:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The same behaviour as the embedded store.
// ---------------------------------------------------------------------------------------------

/// What one backend made of the same session of saves.
struct Session {
    reports: Vec<Value>,
    listing: Vec<Value>,
    stage_only: Vec<Value>,
    diff: Value,
    diff_by_id: Value,
}

fn session(op: &Operator, store: &[&str], expect_store: &str) -> Session {
    let steps = [
        (DELETE, "team/prod"),
        (DRIFT, "team/stage"),
        (REPLACE, "team/prod"),
    ];
    let mut reports = Vec::new();
    let mut ids = Vec::new();
    for (fixture, ws) in steps {
        let (report, id, out) = op.save(fixture, ws, store);
        assert!(
            out.stderr.contains(expect_store),
            "{store:?}: saved into {expect_store}: {}",
            out.stderr
        );
        reports.push(report);
        ids.push(id);
    }
    let listing = op.listing(store);
    assert!(
        listing["store"]
            .as_str()
            .unwrap_or_default()
            .starts_with(expect_store),
        "{listing}"
    );
    let entries = listing["entries"].as_array().expect("entries").clone();
    let listed: Vec<String> = entries.iter().map(id_of).collect();
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(listed, newest_first, "{store:?}: newest first");

    for (id, report) in ids.iter().zip(&reports) {
        let shown = op.show(id, store);
        shown.expect(0, &format!("{store:?}: show {id}"));
        assert_eq!(
            &shown.json(),
            report,
            "{store:?}: show {id} prints the report as analyze did"
        );
        let by_prefix = op.show(&id[..5].to_uppercase(), store);
        by_prefix.expect(0, &format!("{store:?}: show by prefix"));
        assert_eq!(&by_prefix.json(), report);
    }

    let mut args = vec!["plan", "history", "diff", "--last", "2", "--format", "json"];
    args.extend_from_slice(store);
    let out = op.run(&args);
    out.expect(0, &format!("{store:?}: diff --last 2"));
    let diff = out.json();
    assert_eq!(diff["older"]["id"], ids[0].as_str(), "{diff}");
    assert_eq!(diff["newer"]["id"], ids[2].as_str(), "{diff}");
    let mut args = vec![
        "plan", "history", "diff", &ids[1], &ids[2], "--format", "json",
    ];
    args.extend_from_slice(store);
    let out = op.run(&args);
    out.expect(0, &format!("{store:?}: diff by IDs"));
    assert!(
        out.stderr.contains("comparing different workspaces"),
        "{}",
        out.stderr
    );
    let diff_by_id = out.json();

    // The same plan in the same workspace again: recognised, not stored twice.
    let again = op.run(
        &[
            &["plan", "analyze"][..],
            &[support::fixture(DELETE).to_str().unwrap()],
            &["--save", "--workspace", "team/prod", "--format", "json"],
            store,
        ]
        .concat(),
    );
    again.expect(0, &format!("{store:?}: save again"));
    assert!(
        again.stderr.contains("already saved") && again.stderr.contains(&ids[0]),
        "{store:?}: {}",
        again.stderr
    );
    assert_eq!(op.ids(store).len(), 3, "{store:?}: nothing added");
    let stage_only = op.entries(&[&["--workspace", "team/stage"][..], store].concat());

    Session {
        reports,
        listing: entries,
        stage_only,
        diff,
        diff_by_id,
    }
}

/// An entry without what differs between any two saves (its ID and time).
fn comparable(entry: &Value) -> Value {
    let mut e = entry.clone();
    let o = e.as_object_mut().expect("an object");
    assert!(o.remove("id").is_some() && o.remove("saved_at").is_some());
    assert!(o.remove("expires_at").is_some(), "retention is recorded");
    e
}

fn diff_body(diff: &Value) -> Value {
    let mut d = diff.clone();
    let o = d.as_object_mut().expect("an object");
    for side in ["older", "newer"] {
        let meta = o.remove(side).expect("side");
        o.insert(side.to_string(), comparable(&meta));
    }
    d
}

#[test]
fn behaves_like_the_local_store() {
    let stack = Stack::new();
    let email = "carol@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    op.login(email);

    let local = session(&op, &["--store", "local"], "SQLite store");
    let shared = session(&op, &[], &format!("DynamoDB table {}", stack.table));

    assert_eq!(local.reports, shared.reports, "analyses are deterministic");
    let l: Vec<Value> = local.listing.iter().map(comparable).collect();
    let s: Vec<Value> = shared.listing.iter().map(comparable).collect();
    assert_eq!(l, s, "the same listing, field for field, in the same order");
    assert_eq!(
        local.stage_only.iter().map(comparable).collect::<Vec<_>>(),
        shared.stage_only.iter().map(comparable).collect::<Vec<_>>(),
        "--workspace filters alike"
    );
    assert_eq!(shared.stage_only.len(), 1);
    assert_eq!(
        diff_body(&local.diff),
        diff_body(&shared.diff),
        "diff --last 2"
    );
    assert_eq!(
        diff_body(&local.diff_by_id),
        diff_body(&shared.diff_by_id),
        "diff A B"
    );
    let changed = ["started", "stopped", "action_changed", "findings_added"]
        .iter()
        .any(|k| shared.diff[*k].as_array().is_some_and(|a| !a.is_empty()));
    assert!(
        changed,
        "the compared plans differ, so equal diffs mean something: {}",
        shared.diff
    );

    // Both stores really hold their own copies: the local one is a file with three entries
    // and the table has three entries (four items each) under the user's sub.
    assert!(op.data_dir().join("cloudops.db").is_file());
    assert_eq!(moto::partition(&stack.table, &op.sub()).len(), 12);
}

// ---------------------------------------------------------------------------------------------
// 3. A large partition.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_thousand_entries_page_through_exactly_once() {
    const N: usize = 1000;
    let stack = Stack::new();
    let email = "dave@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    op.login(email);
    let sub = op.sub();

    // Two entries per millisecond, so that pages also end between entries of the same
    // instant and the cursor's tie-break on the ID is exercised.
    let (_, report) = analyzed(DELETE);
    let base = Timestamp::now().as_millisecond() - 10 * N as i64;
    let saved: Vec<PlanMeta> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let (report, table, sub) = (&report, &stack.table, &sub);
                s.spawn(move || {
                    let store = store_of(table, sub);
                    (w..N)
                        .step_by(4)
                        .map(|n| {
                            let mut plan = new_plan("bulk", &format!("plan {n}"), report.clone());
                            plan.saved_at =
                                Some(Timestamp::from_millisecond(base + (n / 2) as i64).unwrap());
                            match store.save_plan(plan, Timestamp::now()).expect("save") {
                                Saved::Created(m) => m,
                                other => panic!("plan {n}: {other:?}"),
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    });
    let mut expected: Vec<(i64, String)> = saved
        .iter()
        .map(|m| (m.saved_at.as_millisecond(), m.id.clone()))
        .collect();
    expected.sort_by(|a, b| b.cmp(a));
    let expected_ids: Vec<String> = expected.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(
        expected_ids.iter().collect::<HashSet<_>>().len(),
        N,
        "distinct IDs"
    );

    let store = store_of(&stack.table, &sub);
    let now = Timestamp::now();
    let mut q = ListQuery {
        limit: 37,
        ..ListQuery::default()
    };
    let mut walked: Vec<PlanMeta> = Vec::new();
    let mut pages = 0;
    loop {
        pages += 1;
        assert!(pages <= N / 37 + 2, "paging never ends");
        let page = store.list_plans(&q, now).expect("list page");
        assert!(page.unreadable.is_empty(), "{:?}", page.unreadable);
        match page.next {
            Some(next) => {
                assert_eq!(
                    page.entries.len(),
                    37,
                    "page {pages}: only the last is short"
                );
                assert_eq!(next, Cursor::after(page.entries.last().unwrap()));
                let token = Cursor::parse(&next.token()).expect("the token parses");
                walked.extend(page.entries);
                q.cursor = Some(token);
            }
            None => {
                assert_eq!(page.entries.len(), N % 37, "the last page");
                walked.extend(page.entries);
                break;
            }
        }
    }
    assert_eq!(pages, N / 37 + 1);
    let walked_ids: Vec<String> = walked.iter().map(|m| m.id.clone()).collect();
    assert_eq!(walked_ids.len(), N, "every entry");
    assert_eq!(
        walked_ids.iter().collect::<HashSet<_>>().len(),
        N,
        "each exactly once"
    );
    assert_eq!(walked_ids, expected_ids, "newest first, ties by ID");

    // The binary, as that user: everything at once, and page by page with its tokens.
    let listing = op.listing(&[]);
    let all: Vec<String> = listing["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(id_of)
        .collect();
    assert_eq!(all, expected_ids, "plan history --limit 0 as the user");
    let mut paged: Vec<String> = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..5 {
        let mut args = vec!["plan", "history", "--limit", "300", "--format", "json"];
        if let Some(t) = &token {
            args.extend(["--page", t.as_str()]);
        }
        let out = op.run(&args);
        out.expect(0, "a page");
        let v = out.json();
        paged.extend(v["entries"].as_array().expect("entries").iter().map(id_of));
        token = v["next_page"].as_str().map(str::to_string);
        if let Some(t) = &token {
            assert!(
                out.stderr.contains(&format!("--page {t}")),
                "the next page is offered: {}",
                out.stderr
            );
        } else {
            break;
        }
    }
    assert!(token.is_none(), "four pages of 300 cover 1000");
    assert_eq!(paged, expected_ids, "the binary's pages");
}

// ---------------------------------------------------------------------------------------------
// 4. DynamoDB's 400 KB item limit.
// ---------------------------------------------------------------------------------------------

/// `base` with `n` changes whose compressed report is about `n` × 450 bytes: each carries an
/// attribute value gzip cannot shrink.
fn oversized(base: &Report, n: usize) -> Report {
    let mut r = base.clone();
    let template = base.changes.first().expect("a change").clone();
    let mut noise = Noise::new(0x5eed ^ u64::from(std::process::id()));
    r.changes = (0..n)
        .map(|i| {
            let mut c = template.clone();
            c.name = format!("b{i}_{}", noise.text(8));
            c.address = format!("{}.{}", c.resource_type, c.name);
            c.attributes = vec![AttrChange {
                path: "policy".to_string(),
                before: None,
                after: Some(Value::String(noise.text(600))),
                after_unknown: false,
                sensitive: false,
                forces_replacement: false,
            }];
            c
        })
        .collect();
    r
}

#[test]
fn an_oversized_report_is_truncated_and_says_so() {
    let stack = Stack::new();
    let email = "erin@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    op.login(email);
    let store = store_of(&stack.table, &op.sub());
    let now = Timestamp::now();
    let mut noise = Noise::new(7);

    let (_, rich) = analyzed("checkov__tests__terraform__runner__tfplan2.json");
    assert!(
        !rich.findings.is_empty(),
        "the fixture has findings to keep"
    );
    let big = oversized(&rich, 1200);
    let gz = cloudops::store::encode_report(&big).expect("encodes");
    assert!(
        gz.len() > 400 * 1024,
        "the report must exceed the item limit: {} bytes",
        gz.len()
    );

    // The report truncated, and a plan that then has no room dropped.
    let mut plan = new_plan("huge", "huge plan", big.clone());
    plan.raw_plan_gz = Some(noise.bytes(100 * 1024));
    let meta = match store.save_plan(plan, now).expect("the save succeeds") {
        Saved::Created(m) => m,
        other => panic!("{other:?}"),
    };
    let note = meta.note.clone().expect("a note on the saved entry");
    assert!(
        note.contains("truncated") && note.contains("400 KB"),
        "{note}"
    );
    assert!(note.contains("of 1200"), "says how much was kept: {note}");
    assert!(
        note.contains("plan itself"),
        "says the plan was dropped: {note}"
    );
    assert!(!meta.has_raw_plan, "{meta:?}");

    let got = store.get_plan(&meta.id, now).expect("readable");
    assert_eq!(
        got.meta.note.as_deref(),
        Some(note.as_str()),
        "the note is stored"
    );
    assert!(!got.meta.has_raw_plan);
    assert!(got.raw_plan_gz.is_none());
    assert_eq!(
        json(&got.report.summary),
        json(&big.summary),
        "summary complete"
    );
    assert_eq!(
        json(&got.report.findings),
        json(&big.findings),
        "findings complete"
    );
    assert_eq!(json(&got.report.outputs), json(&big.outputs));
    let kept = got.report.changes.len();
    assert!(
        kept > 0 && kept < 1200,
        "some changes kept, not all: {kept}"
    );
    assert!(
        note.contains(&format!("{kept} of 1200")),
        "the note counts what was kept ({kept}): {note}"
    );
    assert_eq!(
        json(&got.report.changes),
        json(&big.changes[..kept].to_vec()),
        "the first changes, unaltered"
    );
    let stored = cloudops::store::encode_report(&got.report).expect("encodes");
    assert!(stored.len() <= 400 * 1024, "{}", stored.len());

    // A report that fits with a plan that cannot: the report whole, the plan dropped.
    let (_, small) = analyzed(DELETE);
    let mut plan = new_plan("huge", "plan too big", small.clone());
    plan.raw_plan_gz = Some(noise.bytes(450 * 1024));
    let dropped = match store.save_plan(plan, now).expect("saves") {
        Saved::Created(m) => m,
        other => panic!("{other:?}"),
    };
    let note = dropped.note.clone().expect("a note");
    assert!(
        note.contains("plan itself") && note.contains("not kept"),
        "{note}"
    );
    assert!(!note.contains("truncated"), "the report was whole: {note}");
    assert!(!dropped.has_raw_plan);
    let got = store.get_plan(&dropped.id, now).expect("readable");
    assert!(got.raw_plan_gz.is_none() && !got.meta.has_raw_plan);
    assert_eq!(json(&got.report), json(&small), "the whole report");

    // A plan that fits is kept, without a note.
    let plain =
        serde_json::to_vec(&serde_json::json!({"format_version": "1.2", "n": noise.text(64)}))
            .unwrap();
    let mut plan = new_plan("huge", "plan that fits", small.clone());
    plan.raw_plan_gz = Some(gzip(&plain));
    let fits = match store.save_plan(plan, now).expect("saves") {
        Saved::Created(m) => m,
        other => panic!("{other:?}"),
    };
    assert!(fits.note.is_none(), "{fits:?}");
    assert!(fits.has_raw_plan);
    let got = store.get_plan(&fits.id, now).expect("readable");
    assert_eq!(gunzip(&got.raw_plan_gz.expect("kept")), plain);

    // What the operator sees through the binary.
    let entries = op.entries(&[]);
    let by_id = |id: &str| {
        entries
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id} listed: {entries:?}"))
            .clone()
    };
    let listed = by_id(&meta.id);
    assert!(
        listed["note"]
            .as_str()
            .is_some_and(|n| n.contains("truncated")),
        "{listed}"
    );
    assert_eq!(listed["has_raw_plan"], false);
    assert!(
        by_id(&fits.id).get("note").is_none(),
        "no note when nothing was cut"
    );
    let shown = op.show(&meta.id, &[]);
    shown.expect(0, "show the truncated entry");
    assert!(
        shown.stderr.contains("warning:") && shown.stderr.contains("truncated"),
        "{}",
        shown.stderr
    );
    assert_eq!(
        shown.json()["changes"].as_array().map(Vec::len),
        Some(kept),
        "show prints what was kept"
    );
    let shown = op.show(&fits.id, &[]);
    shown.expect(0, "show a whole entry");
    assert!(!shown.stderr.contains("warning"), "{}", shown.stderr);
    let out = op.run(&["plan", "history", "show", &dropped.id, "--plan"]);
    out.expect(64, "show --plan of a dropped plan");
    assert!(
        out.stderr.contains("saved without its plan"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("plan itself"),
        "the note is shown: {}",
        out.stderr
    );
    let out = op.run(&["plan", "history", "show", &fits.id, "--plan"]);
    out.expect(0, "show --plan");
    assert_eq!(out.stdout.as_bytes(), &plain[..]);
}

/// The same through `plan analyze --save --save-plan`: a plan large enough that neither its
/// report nor the plan fits one item.
#[test]
fn an_oversized_plan_saved_by_the_binary_is_kept_truncated() {
    let stack = Stack::new();
    let email = "frank@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    op.login(email);

    let mut noise = Noise::new(11);
    let changes: Vec<Value> = (0..1500)
        .map(|i| {
            let name = format!("b{i}_{}", noise.text(8));
            serde_json::json!({
                "address": format!("aws_s3_bucket.{name}"),
                "mode": "managed",
                "type": "aws_s3_bucket",
                "name": name,
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "change": {
                    "actions": ["update"],
                    "before": {"bucket": name, "policy": "{}"},
                    "after": {"bucket": name, "policy": noise.text(600)},
                    "after_unknown": {},
                    "before_sensitive": {},
                    "after_sensitive": {}
                }
            })
        })
        .collect();
    let plan = serde_json::json!({
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "resource_changes": changes,
    });
    let path = op.root.path().join("work/huge.json");
    std::fs::write(&path, serde_json::to_vec(&plan).unwrap()).expect("write plan");

    let out = op.run(&[
        "plan",
        "analyze",
        path.to_str().unwrap(),
        "--save",
        "--save-plan",
        "--workspace",
        "huge",
        "--format",
        "json",
    ]);
    out.expect(0, "save a huge plan");
    let printed = out.json();
    assert_eq!(printed["changes"].as_array().map(Vec::len), Some(1500));
    assert!(
        out.stderr.contains("warning:") && out.stderr.contains("truncated"),
        "the save says what was cut: {}",
        out.stderr
    );
    assert!(out.stderr.contains("plan itself"), "{}", out.stderr);
    let id = saved_id(&out.stderr);

    let entries = op.entries(&[]);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["id"], id.as_str());
    assert_eq!(entries[0]["has_raw_plan"], false);
    assert_eq!(entries[0]["summary"], printed["summary"]);
    assert!(
        entries[0]["note"]
            .as_str()
            .is_some_and(|n| n.contains("truncated") && n.contains("of 1500")),
        "{}",
        entries[0]
    );
    let shown = op.show(&id, &[]);
    shown.expect(0, "show");
    assert!(shown.stderr.contains("truncated"), "{}", shown.stderr);
    let report = shown.json();
    assert_eq!(report["summary"], printed["summary"]);
    assert_eq!(report["findings"], printed["findings"]);
    let kept = report["changes"].as_array().expect("changes").len();
    assert!(kept > 0 && kept < 1500, "{kept}");
    assert_eq!(
        report["changes"].as_array().unwrap()[..],
        printed["changes"].as_array().unwrap()[..kept],
        "the first changes as printed"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Concurrent writers.
// ---------------------------------------------------------------------------------------------

fn at_once(op: &Operator, runs: &[Vec<String>]) -> Vec<Out> {
    let children: Vec<_> = runs
        .iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            op.command(&args, &[])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait").into())
        .collect()
}

#[test]
fn twenty_parallel_saves_lose_nothing() {
    let stack = Stack::new();
    let email = "grace@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    op.login(email);
    let plan = support::fixture(DELETE).to_str().unwrap().to_string();
    let save = |ws: &str| -> Vec<String> {
        ["plan", "analyze", &plan, "--save", "--workspace", ws]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };

    let runs: Vec<Vec<String>> = (0..20).map(|n| save(&format!("ws-{n}"))).collect();
    let outs = at_once(&op, &runs);
    let mut ids = HashSet::new();
    for (n, o) in outs.iter().enumerate() {
        o.expect(0, &format!("process {n}"));
        assert!(
            o.stderr.contains(&format!("in workspace ws-{n}"))
                && o.stderr.contains("DynamoDB table"),
            "process {n}: {}",
            o.stderr
        );
        assert!(
            !o.stderr.contains("already saved"),
            "process {n}: {}",
            o.stderr
        );
        ids.insert(saved_id(&o.stderr));
    }
    assert_eq!(ids.len(), 20, "20 distinct IDs");
    let entries = op.entries(&[]);
    assert_eq!(entries.len(), 20, "every save is listed");
    let listed: HashSet<String> = entries.iter().map(id_of).collect();
    assert_eq!(listed, ids, "exactly the saved ones");
    let workspaces: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["workspace"].as_str().expect("workspace"))
        .collect();
    assert_eq!(workspaces.len(), 20, "{workspaces:?}");

    // The same plan and workspace five times at once: one entry, named by every process.
    let outs = at_once(&op, &vec![save("same"); 5]);
    let mut created = 0;
    let mut named = HashSet::new();
    for (n, o) in outs.iter().enumerate() {
        o.expect(0, &format!("same plan, process {n}"));
        if !o.stderr.contains("already saved") {
            assert!(o.stderr.contains("saved as"), "process {n}: {}", o.stderr);
            created += 1;
        }
        named.insert(saved_id(&o.stderr));
    }
    assert_eq!(created, 1, "exactly one process created the entry");
    assert_eq!(
        named.len(),
        1,
        "every process names the one entry: {named:?}"
    );
    let same = op.ids(&["--workspace", "same"]);
    assert_eq!(same.len(), 1, "{same:?}");
    assert!(named.contains(&same[0]));
    assert_eq!(op.entries(&[]).len(), 21);

    // Nothing half-written left behind: four items per entry, no stray claims.
    let items = moto::partition(&stack.table, &op.sub());
    assert_eq!(items.len(), 21 * 4, "{} items", items.len());
    let entries_in_table = items
        .iter()
        .filter(|i| attr(i, "sk").starts_with("plan#"))
        .count();
    assert_eq!(entries_in_table, 21);
}

// ---------------------------------------------------------------------------------------------
// 6. Which store is used.
// ---------------------------------------------------------------------------------------------

#[test]
fn store_selection() {
    let stack = Stack::new();
    let email = "heidi@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    let store_of_listing = |extra: &[&str], env: &[(&str, Option<&str>)]| -> String {
        let mut args = vec!["plan", "history", "--format", "json"];
        args.extend_from_slice(extra);
        let out = op.run_with(&args, env, None);
        out.expect(0, &format!("plan history {extra:?} {env:?}"));
        out.json()["store"].as_str().expect("store").to_string()
    };
    let shared = format!("DynamoDB table {}", stack.table);

    // A table, but nobody logged in: the local store, silently.
    let s = store_of_listing(&[], &[]);
    assert!(s.starts_with("SQLite"), "{s}");
    let (_, local_id, out) = op.save(DELETE, "sel", &[]);
    assert!(out.stderr.contains("SQLite store"), "{}", out.stderr);
    let out = op.run(&["plan", "history", "--store", "dynamodb"]);
    out.expect(4, "--store dynamodb, not logged in");
    assert!(out.stderr.contains("not logged in"), "{}", out.stderr);
    let out = op.run_with(
        &["plan", "history"],
        &[("CLOUDOPS_HISTORY_STORE", Some("dynamodb"))],
        None,
    );
    out.expect(4, "CLOUDOPS_HISTORY_STORE=dynamodb, not logged in");

    op.login(email);
    let s = store_of_listing(&[], &[]);
    assert!(s.starts_with(&shared), "logged in: {s}");
    assert!(op.ids(&[]).is_empty(), "the table is empty for this user");
    let s = store_of_listing(&["--store", "local"], &[]);
    assert!(s.starts_with("SQLite"), "{s}");
    assert_eq!(op.ids(&["--store", "local"]), vec![local_id.clone()]);
    let s = store_of_listing(&[], &[("CLOUDOPS_HISTORY_STORE", Some("local"))]);
    assert!(s.starts_with("SQLite"), "{s}");
    let s = store_of_listing(
        &["--store", "dynamodb"],
        &[("CLOUDOPS_HISTORY_STORE", Some("local"))],
    );
    assert!(
        s.starts_with(&shared),
        "the flag wins over the variable: {s}"
    );

    let status = op.run(&["auth", "status", "--format", "json"]);
    status.expect(0, "auth status");
    let history = status.json()["plan_history"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(history.contains(&shared), "{}", status.stdout);

    // No table configured: local even when logged in, and dynamodb is refused by name.
    let no_table = [("CLOUDOPS_PLANS_TABLE", None)];
    let s = store_of_listing(&[], &no_table);
    assert!(s.starts_with("SQLite"), "{s}");
    let status = op.run_with(&["auth", "status", "--format", "json"], &no_table, None);
    status.expect(0, "auth status without a table");
    assert!(
        status.json()["plan_history"]
            .as_str()
            .is_some_and(|h| h.starts_with("SQLite")),
        "{}",
        status.stdout
    );
    for cmd in [
        &["plan", "history", "--store", "dynamodb"][..],
        &[
            "plan",
            "analyze",
            support::fixture(DRIFT).to_str().unwrap(),
            "--save",
            "--store",
            "dynamodb",
        ][..],
    ] {
        let out = op.run_with(cmd, &no_table, None);
        out.expect(64, &format!("{cmd:?} without a table"));
        assert!(out.stderr.contains("aws.plans_table"), "{}", out.stderr);
    }

    // The table from the user config instead of the environment; history.store honoured.
    op.run_with(
        &["config", "set", "aws.plans_table", &stack.table],
        &no_table,
        None,
    )
    .expect(0, "config set aws.plans_table");
    let s = store_of_listing(&[], &no_table);
    assert!(
        s.starts_with(&shared),
        "aws.plans_table from the config: {s}"
    );
    op.run_with(
        &["config", "set", "history.store", "local"],
        &no_table,
        None,
    )
    .expect(0, "config set history.store");
    let s = store_of_listing(&[], &no_table);
    assert!(s.starts_with("SQLite"), "history.store = local: {s}");
    let s = store_of_listing(&["--store", "auto"], &no_table);
    assert!(s.starts_with(&shared), "--store auto over the config: {s}");
    let s = store_of_listing(&[], &[]);
    assert!(s.starts_with("SQLite"), "history.store = local: {s}");

    // A table that does not exist: said plainly, with where to look; nothing saved locally.
    let missing = format!("no-such-table-{}", std::process::id());
    let env = [("CLOUDOPS_PLANS_TABLE", Some(missing.as_str()))];
    for cmd in [
        &["plan", "history", "--store", "dynamodb"][..],
        &[
            "plan",
            "analyze",
            support::fixture(DRIFT).to_str().unwrap(),
            "--save",
            "--store",
            "dynamodb",
        ][..],
    ] {
        let out = op.run_with(cmd, &env, None);
        out.expect(1, &format!("{cmd:?} with a missing table"));
        assert!(
            out.stderr.contains("does not exist") && out.stderr.contains(&missing),
            "{}",
            out.stderr
        );
        let hint = out
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with("hint:"))
            .unwrap_or_else(|| panic!("a hint: {}", out.stderr));
        assert!(hint.contains("aws.plans_table"), "{hint}");
    }
    assert_eq!(
        op.ids(&["--store", "local"]),
        vec![local_id],
        "a failed shared save never falls back to the local store"
    );
}

// ---------------------------------------------------------------------------------------------
// 7. Import.
// ---------------------------------------------------------------------------------------------

#[test]
fn import_from_local_copies_once() {
    let stack = Stack::new();
    let email = "ivan@example.com";
    stack.pool.user(email, PASSWORD);
    let op = Operator::new(&stack);
    op.login(email);
    let local = ["--store", "local"];

    let mut reports = Vec::new();
    for (fixture, ws) in [
        (DELETE, "imp/prod"),
        (DRIFT, "imp/stage"),
        (REPLACE, "imp/prod"),
    ] {
        let (report, _, out) = op.save(fixture, ws, &local);
        assert!(out.stderr.contains("SQLite store"), "{}", out.stderr);
        reports.push(report);
    }
    let local_entries = op.entries(&local);
    assert_eq!(local_entries.len(), 3);
    assert!(op.ids(&[]).is_empty(), "nothing in the table yet");

    let out = op.run(&["plan", "history", "import", "--from", "local"]);
    out.expect(0, "import");
    assert!(
        out.stdout.contains(&format!(
            "Imported 3 saved analyses into DynamoDB table {} (0 already there)",
            stack.table
        )),
        "{}",
        out.stdout
    );
    let out = op.run(&["plan", "history", "import", "--from", "local"]);
    out.expect(0, "import again");
    assert!(
        out.stdout.contains(&format!(
            "Imported 0 saved analyses into DynamoDB table {} (3 already there)",
            stack.table
        )),
        "{}",
        out.stdout
    );
    let out = op.run(&[
        "plan", "history", "import", "--from", "local", "--format", "json",
    ]);
    out.expect(0, "import --format json");
    let summary = out.json();
    assert_eq!(summary["imported"], 0, "{summary}");
    assert_eq!(summary["already_there"], 3, "{summary}");
    assert_eq!(summary["unreadable"], serde_json::json!([]), "{summary}");
    assert!(
        summary["from"]
            .as_str()
            .is_some_and(|s| s.starts_with("SQLite")),
        "{summary}"
    );
    assert!(
        summary["to"]
            .as_str()
            .is_some_and(|s| s.contains(&stack.table)),
        "{summary}"
    );

    let shared_entries = op.entries(&[]);
    assert_eq!(shared_entries.len(), 3, "{shared_entries:?}");
    for (l, s) in local_entries.iter().zip(&shared_entries) {
        for key in [
            "saved_at",
            "expires_at",
            "workspace",
            "plan_sha256",
            "summary",
            "findings",
            "source",
        ] {
            assert_eq!(l[key], s[key], "{key}: local {l} vs shared {s}");
        }
    }
    for (s, report) in shared_entries.iter().rev().zip(&reports) {
        let shown = op.show(&id_of(s), &[]);
        shown.expect(0, "show an imported entry");
        assert_eq!(&shown.json(), report, "the report survives the copy");
    }

    // One workspace at a time, and a new local entry is the only one copied.
    op.save(SENSITIVE, "imp/dev", &local);
    let out = op.run(&[
        "plan",
        "history",
        "import",
        "--from",
        "local",
        "--workspace",
        "imp/dev",
        "--format",
        "json",
    ]);
    out.expect(0, "import --workspace");
    let summary = out.json();
    assert_eq!(summary["imported"], 1, "{summary}");
    assert_eq!(summary["already_there"], 0, "{summary}");
    assert_eq!(op.entries(&[]).len(), 4);
    assert_eq!(op.ids(&["--workspace", "imp/dev"]).len(), 1);

    let out = op.run(&[
        "plan", "history", "import", "--from", "local", "--store", "local",
    ]);
    out.expect(64, "import into the local store");
    assert!(
        out.stderr.contains("already the local one"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// 8. DynamoDB's refusals: retried, then named with the table, operation and next step.
// ---------------------------------------------------------------------------------------------

/// DynamoDB answers served from a local HTTP server (Cognito stays on moto): throttling is
/// retried as configured, then reported; refused permissions and credentials name the fix.
#[test]
fn dynamodb_refusals_name_the_table_operation_and_next_step() {
    use github_server::{Response, Route, Server};
    let stack = Stack::new();
    stack.pool.user("refused@example.com", PASSWORD);
    let op = Operator::new(&stack);
    op.login("refused@example.com");
    let refusal = |code: &str| {
        Response::json(
            400,
            serde_json::json!({
                "__type": format!("com.amazonaws.dynamodb.v20120810#{code}"),
                "message": format!("{code} from the test server"),
            }),
        )
        .header("content-type", "application/x-amz-json-1.0")
    };
    for (code, says, next) in [
        (
            "ProvisionedThroughputExceededException",
            "still throttled after retries",
            "retry in a minute",
        ),
        ("AccessDeniedException", "not allowed", "role"),
        (
            "ExpiredTokenException",
            "credentials were refused",
            "cloudops login",
        ),
    ] {
        let server = Server::start(vec![Route::seq("POST", "/", vec![refusal(code)])]);
        let out = op.run_with(
            &["plan", "history", "--format", "json"],
            &[
                (
                    "AWS_ENDPOINT_URL_DYNAMODB",
                    Some(server.base_uri().as_str()),
                ),
                ("AWS_MAX_ATTEMPTS", Some("2")),
            ],
            None,
        );
        out.expect(1, code);
        assert!(
            out.stderr
                .contains(&format!("DynamoDB table {}", stack.table)),
            "{code}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("Query"),
            "names the operation: {}",
            out.stderr
        );
        assert!(out.stderr.contains(says), "{code}: {}", out.stderr);
        assert!(out.stderr.contains(next), "{code}: {}", out.stderr);
        assert!(
            !out.stderr.contains("SQLite"),
            "never falls back: {}",
            out.stderr
        );
        if code.starts_with("Provisioned") {
            // Retried: the listing's first request was sent twice (AWS_MAX_ATTEMPTS=2).
            assert!(server.hits("/") >= 2, "{} requests", server.hits("/"));
        }
    }
}
