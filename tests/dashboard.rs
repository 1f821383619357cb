//! `cloudops dashboard` end to end, from a fresh store filled by the real binary: saved
//! plans (one with secrets), a Cost Explorer answer cached by `cloudops cost` and a budget
//! alert sent by `cloudops budget check` (moto on 127.0.0.1). Every page is fetched over HTTP
//! (numbers, token, Host and method checks, headers), exported and read back, and loaded in a
//! headless Chromium that must report no console error; no sensitive value may appear in
//! any of it.

#[path = "support/browser.rs"]
mod browser;
#[path = "support/moto.rs"]
mod moto;
#[path = "support/spend.rs"]
mod spend;
mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::{json, Value};
use tempfile::TempDir;

const ACCOUNT_PREFIX: u16 = 6203;
const NOW: &str = "2026-12-05T12:00:00Z";
const EC2: &str = "Amazon Elastic Compute Cloud - Compute";
const S3: &str = "Amazon Simple Storage Service";

const SECRETS: &[&str] = support::leaks::SENSITIVE_PLAN_SECRETS;

fn secrets() -> BTreeSet<String> {
    SECRETS.iter().map(|s| s.to_string()).collect()
}

#[track_caller]
fn assert_no_secret(text: &str, what: &str) {
    let found = support::leaks::leaks(text, &secrets());
    assert!(found.is_empty(), "{what} shows sensitive values: {found:?}");
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A machine with its own data directory: acting in an AWS account of its own with the
/// embedded store, or signed in (CI variables) to a team's stack and its DynamoDB tables.
struct Machine {
    root: TempDir,
    creds: Option<moto::AccountCredentials>,
    stack: Option<Stack>,
}

/// What `deploy/` gives a team: a user pool and the three tables.
struct Stack {
    pool: moto::Pool,
    email: String,
    plans: String,
    budgets: String,
    cost_cache: String,
}

const PASSWORD: &str = "Correct-Horse-9";

#[track_caller]
fn assert_no_local_store(m: &Machine, why: &str) {
    let mut data = std::fs::read_dir(m.root.path().join("data")).expect("dir");
    assert!(data.next().is_none(), "{why}");
}

/// What the filled store holds, to check the pages against.
struct Filled {
    m: Machine,
    /// (workspace, id), oldest first.
    saved: Vec<(String, String)>,
}

impl Machine {
    fn new() -> Machine {
        let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
        for d in ["home", "config", "data", "xdg", "work"] {
            std::fs::create_dir_all(root.path().join(d)).expect("dir");
        }
        Machine {
            root,
            creds: Some(moto::assume_fresh_account(ACCOUNT_PREFIX)),
            stack: None,
        }
    }

    /// Signed in to a stack of its own as a new user (identity-pool credentials, which moto
    /// maps to its default account).
    fn signed_in() -> Machine {
        let mut m = Machine::new();
        m.creds = None;
        let stack = Stack {
            pool: moto::Pool::new(),
            email: format!("dash-{}@example.com", cloudops::store::new_id()),
            plans: moto::table_from_template("PlansTable"),
            budgets: moto::table_from_template("BudgetsTable"),
            cost_cache: moto::table_from_template("CostCacheTable"),
        };
        stack.pool.user(&stack.email, PASSWORD);
        m.stack = Some(stack);
        m
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_cloudops"));
        for k in spend::SCRUBBED {
            c.env_remove(k);
        }
        for (k, v) in moto::aws_env(&self.root.path().join("home")) {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        if let Some(creds) = &self.creds {
            c.env("AWS_ACCESS_KEY_ID", &creds.access_key_id)
                .env("AWS_SECRET_ACCESS_KEY", &creds.secret_access_key)
                .env("AWS_SESSION_TOKEN", &creds.session_token);
        }
        if let Some(s) = &self.stack {
            c.env("CLOUDOPS_USER_POOL_ID", &s.pool.user_pool_id)
                .env("CLOUDOPS_CLIENT_ID", &s.pool.client_id)
                .env("CLOUDOPS_IDENTITY_POOL_ID", &s.pool.identity_pool_id)
                .env("CLOUDOPS_USERNAME", &s.email)
                .env("CLOUDOPS_PASSWORD", PASSWORD)
                .env("CLOUDOPS_PLANS_TABLE", &s.plans)
                .env("CLOUDOPS_BUDGETS_TABLE", &s.budgets)
                .env("CLOUDOPS_COST_CACHE_TABLE", &s.cost_cache);
        }
        c.env("AWS_REGION", "us-east-1")
            .env("XDG_DATA_HOME", self.root.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.root.path().join("xdg"))
            .env("CLOUDOPS_CONFIG_DIR", self.root.path().join("config"))
            .env("CLOUDOPS_DATA_DIR", self.root.path().join("data"))
            .env("CLOUDOPS_NOW", NOW)
            .current_dir(self.root.path().join("work"))
            .args(args);
        c
    }

    #[track_caller]
    fn run(&self, args: &[&str], code: i32) -> String {
        let out = self
            .command(args)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(code), "{args:?}: {all}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn save(&self, plan: &Path, workspace: &str, extra: &[&str]) -> String {
        let mut args = vec![
            "plan",
            "analyze",
            plan.to_str().expect("utf-8 path"),
            "--save",
            "--workspace",
            workspace,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        self.run(&args, 0);
        let list: Value = serde_json::from_str(&self.run(
            &[
                "plan", "history", "list", "--format", "json", "--limit", "1",
            ],
            0,
        ))
        .expect("json");
        list["entries"][0]["id"]
            .as_str()
            .expect("an id")
            .to_string()
    }
}

/// Five analyses in two workspaces, a monthly cost answer by service, and a budget whose
/// 50 % alert went out.
fn filled() -> Filled {
    let m = Machine::new();
    let mut saved = Vec::new();
    for (plan, ws) in [
        ("plans/opentofu__show-json__basic-delete.json", "prod"),
        ("plans/opentofu__show-json__drift.json", "prod"),
        ("plans/opentofu__show-json__requires-replace.json", "prod"),
        ("plans/tf-summarize__example__tfplan.json", "staging/eu"),
    ] {
        saved.push((ws.to_string(), m.save(&fixture(plan), ws, &[])));
    }
    let sensitive = fixture("terraform/sensitive/plan.json");
    let raw = std::fs::read_to_string(&sensitive).expect("fixture");
    for s in SECRETS {
        assert!(
            raw.contains(s),
            "the fixture holds {s}: the check below can fail"
        );
    }
    saved.push((
        "staging/eu".into(),
        m.save(&sensitive, "staging/eu", &["--save-plan"]),
    ));

    let month = |start: &str, end: &str, ec2: &str, s3: &str| {
        json!({
            "TimePeriod": {"Start": start, "End": end},
            "Total": {},
            "Groups": [
                {"Keys": [EC2], "Metrics": {"UnblendedCost": {"Amount": ec2, "Unit": "USD"}}},
                {"Keys": [S3], "Metrics": {"UnblendedCost": {"Amount": s3, "Unit": "USD"}}}
            ],
            "Estimated": false
        })
    };
    moto::seed_cost_and_usage(
        &m.creds.as_ref().expect("an account of its own").account,
        &[
            json!({
                "GroupDefinitions": [{"Type": "DIMENSION", "Key": "SERVICE"}],
                "ResultsByTime": [
                    month("2026-09-01", "2026-10-01", "100.00", "20.50"),
                    month("2026-10-01", "2026-11-01", "120.00", "22.25"),
                    month("2026-11-01", "2026-12-01", "140.00", "25.00"),
                ],
                "DimensionValueAttributes": []
            }),
            json!({
                "GroupDefinitions": [],
                "ResultsByTime": [{
                    "TimePeriod": {"Start": "2026-12-01", "End": "2026-12-06"},
                    "Total": {"UnblendedCost": {"Amount": "60.00", "Unit": "USD"}},
                    "Groups": [],
                    "Estimated": true
                }],
                "DimensionValueAttributes": []
            }),
        ],
    );
    m.run(
        &[
            "cost",
            "--start",
            "2026-09-01",
            "--end",
            "2026-12-01",
            "--granularity",
            "monthly",
            "--format",
            "json",
        ],
        0,
    );
    let topic = moto::create_topic(m.creds.as_ref(), "dashboard-alerts");
    m.run(
        &[
            "budget",
            "set",
            "team",
            "--amount",
            "100",
            "--thresholds",
            "50,80",
            "--topic",
            &topic,
        ],
        0,
    );
    // 60 of 100: the 50 % alert is sent, 80 % is not reached; the projection (60 in five
    // days) is over the budget, which exits 3.
    m.run(&["budget", "check", "--format", "json"], 3);
    Filled { m, saved }
}

fn shared() -> &'static Filled {
    static F: OnceLock<Filled> = OnceLock::new();
    F.get_or_init(filled)
}

/// `cloudops dashboard --no-open`, stopped when dropped.
struct Served {
    child: Child,
    /// `http://127.0.0.1:PORT/TOKEN/index.html`
    url: String,
    port: u16,
    token: String,
}

impl Served {
    fn start(m: &Machine, extra: &[&str]) -> Served {
        let mut args = vec!["dashboard", "--no-open"];
        args.extend_from_slice(extra);
        let mut child = m
            .command(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the dashboard");
        // Read on a thread, so that a chatty child never blocks, and shown if it fails.
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the URL");
        let url = line.trim().to_string();
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap_or_else(|| {
            std::thread::sleep(Duration::from_millis(200));
            panic!(
                "a loopback URL on stdout, got {url:?}; stderr: {}",
                stderr.lock().expect("lock")
            )
        });
        let (port, path) = rest.split_once('/').expect("a path");
        let token = path
            .strip_suffix("/index.html")
            .expect("the index")
            .to_string();
        assert_eq!(token.len(), 32, "128 random bits: {token}");
        Served {
            child,
            port: port.parse().expect("a port"),
            url,
            token,
        }
    }

    fn page(&self, path: &str) -> Reply {
        http(self.port, "GET", &format!("/{}/{path}", self.token), None)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    /// Header lines, names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request on its own connection; `host` replaces the Host header.
fn http(port: u16, method: &str, target: &str, host: Option<&str>) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let host = host.map_or(format!("127.0.0.1:{port}"), str::to_string);
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8(raw).expect("utf-8");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A request sent as written; the whole response.
fn raw(port: u16, request: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    s.write_all(request.as_bytes()).expect("send");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Every page of the filled store, with text each must show.
fn pages(f: &Filled) -> Vec<(String, Vec<String>)> {
    let id = |i: usize| f.saved[i].1.clone();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let mut p = vec![
        (
            "index.html".to_string(),
            s(&["prod", "staging/eu", "5 saved analyses", "2 workspaces"]),
        ),
        (
            "ws/prod.html".into(),
            s(&["Workspace prod", "3 saved analyses", "vs previous"]),
        ),
        (
            "ws/staging~2feu.html".into(),
            s(&["Workspace staging/eu", "2 saved analyses"]),
        ),
        (
            format!("plan/{}.html", id(4)),
            s(&[
                "Plan: 3 to add, 2 to change, 1 to destroy.",
                "terraform_data.rotated",
                "forces replacement",
                "(sensitive value)",
            ]),
        ),
        (
            format!("compare/{}_{}.html", id(3), id(4)),
            s(&["Compare two runs", "add 7 3 -4", "drift cleared"]),
        ),
        (
            "cost.html".into(),
            s(&[
                "2026-09-01 to 2026-12-01",
                EC2,
                "360.00",
                "427.75 USD",
                "2026-10",
                "84.2%",
            ]),
        ),
        (
            "budgets.html".into(),
            s(&[
                "team",
                "100.00 USD",
                "60.00 USD (60.0%)",
                "50% sent",
                "80% not sent",
                "2026-12",
            ]),
        ),
    ];
    for i in 0..4 {
        p.push((format!("plan/{}.html", id(i)), s(&["Plan: "])));
    }
    p
}

fn compact(s: &str) -> String {
    // Tiles put a number and its label on separate lines in text; markup between them in HTML.
    let no_tags = regex_lite_strip(s);
    no_tags
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("> <", "><")
}

/// The text of an HTML document with tags removed and entities decoded (enough for checks).
fn regex_lite_strip(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

/// Each of `wants` is in the text, starting at a word ("2 workspaces" is not "12 workspaces").
#[track_caller]
fn assert_shows(text: &str, wants: &[String], what: &str) {
    let flat = format!(" {}", compact(text));
    for w in wants {
        assert!(
            flat.contains(&format!(" {w}")),
            "{what} does not show {w:?}:\n{flat}"
        );
    }
}

#[test]
fn every_page_answers_with_the_right_numbers_and_no_sensitive_value() {
    let f = shared();
    let s = Served::start(&f.m, &[]);
    for (path, wants) in pages(f) {
        let r = s.page(&path);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert_eq!(
            r.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{path}");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        assert_shows(&r.body, &wants, &path);
        assert_no_secret(&r.body, &path);
    }
    // The compare form (served pages only) goes to the comparison of the two chosen runs.
    let (a, b) = (&f.saved[0].1, &f.saved[2].1);
    let r = s.page(&format!("compare.html?a={a}&b={b}"));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.header("location"),
        Some(format!("/{}/compare/{a}_{b}.html", s.token).as_str())
    );
    let r = s.page(&format!("compare/{a}_{b}.html"));
    assert_eq!(r.status, 200);
    assert_shows(
        &r.body,
        &["change 1 0 -1".to_string(), "add 0 1 +1".to_string()],
        "the comparison of runs 1 and 3",
    );
}

#[test]
fn only_the_token_loopback_host_and_reads_are_answered() {
    let f = shared();
    let s = Served::start(&f.m, &[]);
    let wrong: String = s
        .token
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect();
    for target in [
        "/".to_string(),
        "/index.html".to_string(),
        format!("/{wrong}/index.html"),
        format!("/{}/index.html", &s.token[..31]),
        format!("/{}x/index.html", s.token),
        format!("/{}/index.html", s.token.to_uppercase()),
    ] {
        let r = http(s.port, "GET", &target, None);
        assert_eq!(r.status, 404, "{target}");
        assert!(!r.body.contains("Plan history"), "{target}: {}", r.body);
    }
    // A page that rebinds its own host name to 127.0.0.1 is refused, token or not.
    for host in [
        "evil.example",
        "evil.example:80",
        "127.0.0.1",
        "localhost:1",
    ] {
        let r = http(
            s.port,
            "GET",
            &format!("/{}/index.html", s.token),
            Some(host),
        );
        assert_eq!(r.status, 421, "Host {host}");
    }
    // An absolute-form target naming another authority, and a second Host, are refused too.
    let r = http(
        s.port,
        "GET",
        &format!("http://evil.example/{}/index.html", s.token),
        None,
    );
    assert_eq!(r.status, 421, "absolute form");
    let r = raw(
        s.port,
        &format!(
            "GET /{}/index.html HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
            s.token, s.port
        ),
    );
    assert!(r.starts_with("HTTP/1.1 4"), "two Host headers: {r}");
    let r = raw(
        s.port,
        &format!("GET /{}/index.html HTTP/1.0\r\n\r\n", s.token),
    );
    assert!(r.contains(" 421 "), "no Host: {r}");
    let r = s.page("compare.html?a=abcd%0d%0aSet-Cookie:x&b=abcd");
    assert_eq!(
        r.status, 400,
        "a header cannot be smuggled into the redirect"
    );
    assert!(r.header("set-cookie").is_none());
    let r = http(
        s.port,
        "GET",
        &format!("/{}/index.html", s.token),
        Some(&format!("localhost:{}", s.port)),
    );
    assert_eq!(r.status, 200, "localhost is loopback");
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let r = http(s.port, method, &format!("/{}/index.html", s.token), None);
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method}");
    }
    let r = http(s.port, "HEAD", &format!("/{}/index.html", s.token), None);
    assert_eq!(r.status, 200);
    let r = http(s.port, "GET", &format!("/{}", s.token), None);
    assert_eq!(r.status, 303);
    assert_eq!(
        r.header("location"),
        Some(format!("/{}/index.html", s.token).as_str())
    );
    for path in [
        "nope.html",
        "plan/zzzzzzzzzz.html",
        "ws/nobody.html",
        "plan/../index.html",
        "../index.html",
        "compare.html?a=1",
    ] {
        let r = s.page(path);
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.status);
    }
    // The store itself is untouched by all of it.
    let list: Value =
        serde_json::from_str(&f.m.run(&["plan", "history", "list", "--format", "json"], 0))
            .expect("json");
    assert_eq!(list["entries"].as_array().map(Vec::len), Some(5));
}

/// A run that must end by itself: one that serves instead fails the test after a minute.
fn within(c: Command) -> std::process::Output {
    let mut c = assert_cmd::Command::from_std(c);
    c.timeout(Duration::from_secs(60)).write_stdin("");
    c.output().expect("run")
}

#[test]
fn a_port_in_use_is_a_usage_error() {
    let f = shared();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let out = within(f.m.command(&["dashboard", "--no-open", "--port", &port]));
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("127.0.0.1:{port}")) && err.contains("--port"),
        "{err}"
    );
    let out = within(f.m.command(&["dashboard", "--export", "x", "--port", "1"]));
    assert_eq!(out.status.code(), Some(64), "--export serves nothing");
    let out = within(f.m.command(&["dashboard", "--no-open", "--format", "json"]));
    assert_eq!(out.status.code(), Some(64), "the dashboard has no --format");
}

#[test]
fn a_new_machine_has_pages_that_say_how_to_fill_them() {
    let m = Machine::new();
    let s = Served::start(&m, &[]);
    for (path, want) in [
        ("index.html", "cloudops plan analyze PLAN --save"),
        ("cost.html", "No cached Cost Explorer answer"),
        ("budgets.html", "cloudops budget set"),
    ] {
        let r = s.page(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(r.body.contains(want), "{path}: {}", r.body);
    }
    drop(s);
    assert_no_local_store(&m, "looking created no store");
}

fn exported(f: &Filled) -> &'static Path {
    static DIR: OnceLock<TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
        let out = dir.path().join("site");
        f.m.run(&["dashboard", "--export", out.to_str().expect("utf-8")], 0);
        dir
    })
    .path()
}

#[test]
fn the_export_holds_every_page_and_loads_nothing() {
    let f = shared();
    let site = exported(f).join("site");
    let mut files = BTreeSet::new();
    let mut stack = vec![site.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.insert(
                    p.strip_prefix(&site)
                        .expect("inside")
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    let mut want: BTreeSet<String> = [
        "index.html",
        "cost.html",
        "budgets.html",
        "ws/prod.html",
        "ws/staging~2feu.html",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (_, id) in &f.saved {
        want.insert(format!("plan/{id}.html"));
    }
    let ids: Vec<&str> = f.saved.iter().map(|(_, id)| id.as_str()).collect();
    for (a, b) in [(0, 1), (1, 2), (3, 4)] {
        want.insert(format!("compare/{}_{}.html", ids[a], ids[b]));
    }
    assert_eq!(files, want);
    for (path, wants) in pages(f) {
        let html = std::fs::read_to_string(site.join(&path)).expect("page");
        assert_shows(&html, &wants, &path);
        assert_no_secret(&html, &format!("export {path}"));
        assert!(
            html.contains("default-src 'none'"),
            "{path}: the page forbids every load"
        );
        // Nothing to fetch: no script, no stylesheet link, no remote address but SVG's namespace.
        assert!(
            !html.contains("<script") && !html.contains("stylesheet"),
            "{path}"
        );
        let remote = html.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !remote.contains("http://") && !remote.contains("https://"),
            "{path}"
        );
        assert!(
            !html.contains("<form"),
            "{path}: no server to send a form to"
        );
    }
    // Every link of every page leads to a page of the export.
    let root = site.canonicalize().expect("site");
    let mut links = 0;
    for file in &files {
        let here = site.join(file);
        let html = std::fs::read_to_string(&here).expect("page");
        let dir = here.parent().expect("a directory");
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|h| h.split('"').next())
        {
            if href.starts_with("data:") {
                continue;
            }
            let target = dir.join(href);
            assert!(
                target.is_file(),
                "{file} links to {href}, which is not in the export"
            );
            let inside = target.canonicalize().expect("path").starts_with(&root);
            assert!(inside, "{file}: {href} leaves the export");
            links += 1;
        }
    }
    assert!(links > 40, "the pages link to each other: {links} links");
}

/// Where screenshots go: target/dashboard-screenshots (kept for a look, and for the README).
fn screenshot_dir() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dashboard-screenshots");
    std::fs::create_dir_all(&d).expect("dir");
    d
}

#[test]
fn the_browser_check_catches_a_broken_page() {
    // The check below must be able to fail: a page with a console error and a failed load.
    let mut b = browser::Browser::start();
    let page = "data:text/html,<title>x</title><p>hi</p><script>console.error('boom')</script><img src='http://127.0.0.1:9/missing.png'>";
    let l = b.load(page);
    assert!(
        l.errors.iter().any(|e| e.contains("boom")),
        "{:?}",
        l.errors
    );
    assert!(
        l.errors.len() >= 2,
        "the failed image load too: {:?}",
        l.errors
    );
    assert!(l.text.contains("hi"));
}

#[test]
fn chromium_shows_every_page_without_console_errors() {
    let f = shared();
    let s = Served::start(&f.m, &[]);
    let site = exported(f).join("site");
    let shots = screenshot_dir();
    let mut b = browser::Browser::start();
    let base = s.url.strip_suffix("index.html").expect("index").to_string();
    for (path, wants) in pages(f) {
        for (how, url) in [
            ("served", format!("{base}{path}")),
            ("export", format!("file://{}", site.join(&path).display())),
        ] {
            let l = b.load(&url);
            assert!(l.errors.is_empty(), "{how} {path}: {:?}", l.errors);
            assert_shows(&l.text, &wants, &format!("{how} {path} in Chromium"));
            assert_no_secret(&l.text, &format!("{how} {path} in Chromium"));
            assert!(l.png.starts_with(b"\x89PNG"), "{how} {path}: a PNG");
            // Stable names (run1..run5 for the IDs), so that a rerun replaces its own.
            let mut stem = path.trim_end_matches(".html").replace(['/', '~'], "_");
            for (n, (_, id)) in f.saved.iter().enumerate() {
                stem = stem.replace(id.as_str(), &format!("run{}", n + 1));
            }
            let name = format!("{how}-{stem}.png");
            std::fs::write(shots.join(name), &l.png).expect("screenshot");
        }
    }
    // Links work in the export: the index's first workspace link leads to its page.
    let l = b.load(&format!("file://{}", site.join("index.html").display()));
    assert!(l.errors.is_empty());
    let href = b.call(
        "Runtime.evaluate",
        json!({"expression": "document.querySelector('a[href^=\"ws/\"]').href", "returnByValue": true}),
    );
    let href = href["result"]["value"]
        .as_str()
        .expect("a workspace link")
        .to_string();
    let l = b.load(&href);
    assert!(l.errors.is_empty(), "{href}: {:?}", l.errors);
    assert!(l.text.contains("Workspace"), "{href}: {}", l.text);
}

#[test]
fn a_signed_in_user_sees_their_partition_of_the_stack() {
    let m = Machine::signed_in();
    let id = m.save(
        &fixture("plans/opentofu__show-json__drift.json"),
        "shared-ws",
        &[],
    );
    let topic = moto::create_topic(None, &format!("dash-{}", cloudops::store::new_id()));
    m.run(
        &[
            "budget",
            "set",
            "shared-team",
            "--amount",
            "250",
            "--thresholds",
            "75",
            "--topic",
            &topic,
        ],
        0,
    );
    let s = Served::start(&m, &[]);
    let r = s.page("index.html");
    assert_eq!(r.status, 200);
    assert_shows(
        &r.body,
        &["shared-ws".into(), "1 saved analyses".into()],
        "index",
    );
    assert!(
        r.body.contains(&format!(
            "plans: DynamoDB table {}",
            m.stack.as_ref().expect("stack").plans
        )),
        "{}",
        r.body
    );
    let stack = m.stack.as_ref().expect("stack");
    assert!(
        r.body
            .contains(&format!("cost cache: DynamoDB table {}", stack.cost_cache))
            && r.body
                .contains(&format!("budgets: DynamoDB table {}", stack.budgets)),
        "{}",
        r.body
    );
    let r = s.page(&format!("plan/{id}.html"));
    assert_eq!(r.status, 200);
    assert_shows(
        &r.body,
        &["Plan: 0 to add, 2 to change, 0 to destroy.".into()],
        "the plan",
    );
    let r = s.page("budgets.html");
    assert_shows(
        &r.body,
        &[
            "shared-team".into(),
            "250.00 USD".into(),
            "75% not sent".into(),
        ],
        "budgets",
    );
    drop(s);
    assert_no_local_store(&m, "nothing came from (or went to) the embedded store");
}

/// `plan analyze --format html`: the plan page on its own, from a file or stdin, for a CI
/// artifact; it gates as every format does.
fn analyze_html(m: &Machine, dir: &Path) -> PathBuf {
    let plan = fixture("terraform/sensitive/plan.json");
    let html = m.run(
        &[
            "plan",
            "analyze",
            plan.to_str().expect("utf-8"),
            "--format",
            "html",
        ],
        0,
    );
    let out = m
        .command(&[
            "plan",
            "analyze",
            "-",
            "--format",
            "html",
            "--max-destroy",
            "0",
        ])
        .stdin(std::fs::File::open(&plan).expect("plan"))
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(3),
        "one destroy is over --max-destroy 0"
    );
    let piped = String::from_utf8_lossy(&out.stdout);
    let main = |h: &str, source: &str| -> String {
        let body = h
            .split("<main>")
            .nth(1)
            .and_then(|b| b.split("</main>").next())
            .expect("a main");
        body.replace(source, "SOURCE")
    };
    let from_stdin = main(&piped, "stdin");
    assert!(from_stdin.contains("Gate failed"), "{from_stdin}");
    let from_file = main(&html, &plan.display().to_string());
    assert_eq!(
        from_stdin.split("<p class=\"gate bad\">").next(),
        from_file.split("<p class=\"gate").next(),
        "stdin and a file give the same page"
    );
    let path = dir.join("plan.html");
    std::fs::write(&path, &html).expect("write");
    path
}

#[test]
fn plan_analyze_writes_one_self_contained_page() {
    let m = Machine::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = analyze_html(&m, dir.path());
    let html = std::fs::read_to_string(&path).expect("page");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert_shows(
        &html,
        &[
            "Plan: 3 to add, 2 to change, 1 to destroy.".to_string(),
            "terraform_data.token".to_string(),
            "(sensitive value)".to_string(),
        ],
        "plan analyze --format html",
    );
    assert_no_secret(&html, "plan analyze --format html");
    assert!(!html.contains("<a href"), "a lone page links nowhere");
    // Terraform's own sentence, as the table prints it: imports are counted in it.
    let import = fixture("plans/cds-terraform-plan__test__import__import.json");
    let page = m.run(
        &[
            "plan",
            "analyze",
            import.to_str().expect("utf-8"),
            "--format",
            "html",
        ],
        0,
    );
    assert_shows(
        &page,
        &["Plan: 2 to import, 1 to add, 0 to change, 0 to destroy.".to_string()],
        "an import plan as HTML",
    );
    let mut b = browser::Browser::start();
    let l = b.load(&format!("file://{}", path.display()));
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    assert_no_secret(&l.text, "plan analyze --format html in Chromium");
    std::fs::write(screenshot_dir().join("plan-analyze.png"), &l.png).expect("screenshot");
}

#[test]
fn the_browser_is_opened_on_the_url_unless_no_open() {
    let m = Machine::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let seen = dir.path().join("opened");
    let script = dir.path().join("browser.sh");
    // Written aside, then renamed: the test never reads a half-written file.
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf %s \"$1\" > {0}.tmp && mv {0}.tmp {0}\n",
            seen.display()
        ),
    )
    .expect("script");
    let mut perms = std::fs::metadata(&script).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&script, perms).expect("chmod");
    let mut c = m.command(&["dashboard"]);
    c.env("BROWSER", &script).env("TMPDIR", dir.path());
    // The launcher gets a private file that redirects to the URL: the token must not be on
    // a command line, where every local user can read it.
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let mut url = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut url)
        .expect("the URL");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while !seen.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let arg = std::fs::read_to_string(&seen).expect("the browser was started");
    let token = url
        .trim()
        .trim_end_matches("/index.html")
        .rsplit('/')
        .next()
        .expect("token");
    assert!(
        !arg.contains(token),
        "the token is on the browser's command line: {arg}"
    );
    let mode = std::fs::metadata(&arg).expect("launch page").permissions();
    let mode = std::os::unix::fs::PermissionsExt::mode(&mode);
    assert_eq!(mode & 0o077, 0, "only its owner can read the launch page");
    let page = std::fs::read_to_string(&arg).expect("launch page");
    assert!(page.contains(&format!("0;url={}", url.trim())), "{page}");
}
