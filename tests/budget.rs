//! `cloudops budget` end to end: the real binary against real Cost Explorer, STS, SNS and
//! DynamoDB wire protocols (moto on 127.0.0.1; Cost Explorer answers seeded per account, SNS
//! deliveries read back from moto's state), with the embedded store and with the shared one
//! (a Cognito login, the budgets and cost-cache tables made from `deploy/template.yaml`).
//! Every test that is not logged in acts in an AWS account of its own (STS AssumeRole), so
//! tests running at once never see each other's costs, topics or messages.

#[path = "support/moto.rs"]
mod moto;
#[path = "support/spend.rs"]
mod spend;
mod support;

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::PathBuf;
use std::process::Stdio;
use std::str::FromStr;
use std::time::Duration;

use aws_sdk_dynamodb::types::AttributeValue;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use spend::{Out, SCRUBBED};
use tempfile::TempDir;

/// The account IDs of this file start with these digits.
const ACCOUNT_PREFIX: u16 = 6202;
const PASSWORD: &str = "Correct-Horse-9";

const EC2: &str = "Amazon Elastic Compute Cloud - Compute";
const S3: &str = "Amazon Simple Storage Service";
const LAMBDA: &str = "AWS Lambda";

type Item = HashMap<String, AttributeValue>;

// ---------------------------------------------------------------------------------------------
// Machines: one in an account of its own (embedded store), or one logged in (shared store).
// ---------------------------------------------------------------------------------------------

/// The shared side of a team: a user pool, the budgets and cost-cache tables.
struct Stack {
    pool: moto::Pool,
    budgets: String,
    cost_cache: String,
}

struct Machine {
    root: TempDir,
    /// Acting in an account of its own (None: logged in to `stack`, identity-pool
    /// credentials, which moto maps to its default account).
    creds: Option<moto::AccountCredentials>,
    stack: Option<Stack>,
    /// `--store local` on every run (the embedded store).
    local: bool,
}

impl Machine {
    fn new() -> Machine {
        Machine {
            root: Machine::dirs(),
            creds: Some(moto::assume_fresh_account(ACCOUNT_PREFIX)),
            stack: None,
            local: true,
        }
    }

    fn logged_in(email: &str) -> Machine {
        let stack = Stack {
            pool: moto::Pool::new(),
            budgets: moto::table_from_template("BudgetsTable"),
            cost_cache: moto::table_from_template("CostCacheTable"),
        };
        stack.pool.user(email, PASSWORD);
        let m = Machine {
            root: Machine::dirs(),
            creds: None,
            stack: Some(stack),
            local: false,
        };
        let out = m.run_with(
            &["login", "--email", email, "--password-stdin"],
            "2026-03-05T10:00:00Z",
            &[],
            Some(PASSWORD),
        );
        out.expect(0, &format!("login {email}"));
        m
    }

    fn dirs() -> TempDir {
        let root = tempfile::tempdir().expect("tempdir");
        for d in ["home", "config", "data", "xdg", "work"] {
            std::fs::create_dir_all(root.path().join(d)).expect("dir");
        }
        root
    }

    fn account(&self) -> String {
        match &self.creds {
            Some(c) => c.account.clone(),
            None => default_account(),
        }
    }

    fn access_key(&self) -> String {
        match &self.creds {
            Some(c) => c.access_key_id.clone(),
            // What moto's identity pool hands every user.
            None => "TESTACCESSKEY12345".to_string(),
        }
    }

    fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn command(
        &self,
        args: &[&str],
        now: &str,
        env: &[(&str, Option<&str>)],
    ) -> std::process::Command {
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
        if let Some(creds) = &self.creds {
            c.env("AWS_ACCESS_KEY_ID", &creds.access_key_id)
                .env("AWS_SECRET_ACCESS_KEY", &creds.secret_access_key)
                .env("AWS_SESSION_TOKEN", &creds.session_token);
        }
        if let Some(s) = &self.stack {
            c.env("CLOUDOPS_USER_POOL_ID", &s.pool.user_pool_id)
                .env("CLOUDOPS_CLIENT_ID", &s.pool.client_id)
                .env("CLOUDOPS_IDENTITY_POOL_ID", &s.pool.identity_pool_id)
                .env("CLOUDOPS_BUDGETS_TABLE", &s.budgets)
                .env("CLOUDOPS_COST_CACHE_TABLE", &s.cost_cache);
        }
        c.env("AWS_REGION", "us-east-1")
            .env("XDG_DATA_HOME", self.root.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.root.path().join("xdg"))
            .env("CLOUDOPS_CONFIG_DIR", self.root.path().join("config"))
            .env("CLOUDOPS_DATA_DIR", self.data_dir())
            .env("CLOUDOPS_NOW", now);
        for (k, v) in env {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.current_dir(self.root.path().join("work")).args(args);
        if self.local {
            c.args(["--store", "local"]);
        }
        c
    }

    fn run_with(
        &self,
        args: &[&str],
        now: &str,
        env: &[(&str, Option<&str>)],
        stdin: Option<&str>,
    ) -> Out {
        let mut c = assert_cmd::Command::from_std(self.command(args, now, env));
        c.timeout(Duration::from_secs(120));
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        c.output().expect("the binary runs").into()
    }

    fn run(&self, args: &[&str], now: &str) -> Out {
        self.run_with(args, now, &[], None)
    }

    /// `budget set ARGS`, which must succeed.
    #[track_caller]
    fn set(&self, args: &[&str], now: &str) -> Out {
        let mut all = vec!["budget", "set"];
        all.extend_from_slice(args);
        let out = self.run(&all, now);
        out.expect(0, &format!("{all:?}"));
        out
    }

    /// `budget list --format json`.
    #[track_caller]
    fn list(&self, now: &str) -> Vec<Value> {
        let out = self.run(&["budget", "list", "--format", "json"], now);
        out.expect(0, "budget list");
        let doc = out.json();
        assert_eq!(doc["schema_version"], 1, "{}", out.stdout);
        doc["budgets"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("a list: {}", out.stdout))
    }

    /// `budget check ARGS --format json` with exit `code`: the report.
    #[track_caller]
    fn check(&self, args: &[&str], now: &str, code: i32) -> Value {
        let mut all = vec!["budget", "check"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = self.run(&all, now);
        out.expect(code, &format!("{all:?} at {now}"));
        out.json()
    }

    /// `n` processes of `args` started at once.
    fn at_once(&self, args: &[&str], now: &str, n: usize) -> Vec<Out> {
        let children: Vec<_> = (0..n)
            .map(|_| {
                self.command(args, now, &[])
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
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

    fn seed(&self, results: &[Value]) {
        moto::seed_cost_and_usage(&self.account(), results);
    }

    /// The GetCostAndUsage requests made with this machine's credentials, in order.
    fn ce_requests(&self) -> Vec<Value> {
        moto::cost_explorer_requests("GetCostAndUsage", &self.access_key())
    }

    fn topic(&self, name: &str) -> String {
        moto::create_topic(self.creds.as_ref(), name)
    }

    /// The ARN a topic named `name` would have in this machine's account (not created).
    fn topic_arn(&self, name: &str) -> String {
        format!("arn:aws:sns:us-east-1:{}:{name}", self.account())
    }
}

impl Drop for Machine {
    /// Tests leave nothing in the developer's kernel keyring (its quota is small).
    fn drop(&mut self) {
        if self.stack.is_some() {
            let mut c = self.command(&["logout", "--local"], "2026-03-05T10:00:00Z", &[]);
            c.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let _ = c.status();
        }
    }
}

/// moto's default account, where the `testing` credentials and identity-pool users act.
fn default_account() -> String {
    moto::runtime().block_on(async {
        aws_sdk_sts::Client::new(&moto::sdk_config().await)
            .get_caller_identity()
            .send()
            .await
            .expect("GetCallerIdentity")
            .account
            .expect("account")
    })
}

/// A name no other run against the same server used.
fn unique(name: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{name}-{}-{}", std::process::id(), nanos % 1_000_000_000)
}

// ---------------------------------------------------------------------------------------------
// Answers, amounts, messages.
// ---------------------------------------------------------------------------------------------

/// A month-to-date answer as `budget check` asks for it (MONTHLY, no grouping).
fn month_to_date(start: &str, end: &str, amount: &str, unit: &str) -> Value {
    json!({
        "GroupDefinitions": [],
        "ResultsByTime": [{
            "TimePeriod": {"Start": start, "End": end},
            "Total": {"UnblendedCost": {"Amount": amount, "Unit": unit}},
            "Groups": [],
            "Estimated": true
        }],
        "DimensionValueAttributes": []
    })
}

/// A daily answer grouped by service: (day, [(service, amount)]).
/// One day: start, end, (service, amount) pairs.
type Day<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn daily_by_service(days: &[Day]) -> Value {
    json!({
        "GroupDefinitions": [{"Type": "DIMENSION", "Key": "SERVICE"}],
        "ResultsByTime": days.iter().map(|(s, e, groups)| json!({
            "TimePeriod": {"Start": s, "End": e},
            "Total": {},
            "Groups": groups.iter().map(|(k, a)| json!({
                "Keys": [k],
                "Metrics": {"UnblendedCost": {"Amount": a, "Unit": "USD"}}
            })).collect::<Vec<_>>(),
            "Estimated": true
        })).collect::<Vec<_>>(),
        "DimensionValueAttributes": []
    })
}

/// The service list `budget set --service` checks against: twelve months grouped by service.
fn service_list(months: &[&str], services: &[&str]) -> Value {
    json!({
        "GroupDefinitions": [{"Type": "DIMENSION", "Key": "SERVICE"}],
        "ResultsByTime": months.windows(2).map(|w| json!({
            "TimePeriod": {"Start": w[0], "End": w[1]},
            "Total": {},
            "Groups": services.iter().map(|k| json!({
                "Keys": [k],
                "Metrics": {"UnblendedCost": {"Amount": "1.00", "Unit": "USD"}}
            })).collect::<Vec<_>>(),
            "Estimated": false
        })).collect::<Vec<_>>(),
        "DimensionValueAttributes": []
    })
}

#[track_caller]
fn dec(v: &Value) -> Decimal {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => panic!("not an amount: {v}"),
    };
    Decimal::from_str(&s)
        .or_else(|_| Decimal::from_scientific(&s))
        .unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
        .normalize()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal").normalize()
}

/// The budget named `name` in a check report.
#[track_caller]
fn budget_in<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["budgets"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["name"] == name))
        .unwrap_or_else(|| panic!("no budget {name} in {report}"))
}

/// threshold → state of a budget's alerts in a check report.
fn alert_states(budget: &Value) -> BTreeMap<u64, String> {
    budget["alerts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            (
                a["threshold"].as_u64().expect("threshold"),
                a["state"].as_str().expect("state").to_string(),
            )
        })
        .collect()
}

/// Thresholds crossed in a budget of a check report.
fn crossed(budget: &Value) -> Vec<u64> {
    budget["crossed"]
        .as_array()
        .expect("crossed")
        .iter()
        .map(|t| t.as_u64().expect("threshold"))
        .collect()
}

/// One SNS delivery as moto recorded it.
#[derive(Debug)]
struct Message {
    id: String,
    subject: String,
    attributes: BTreeMap<String, String>,
}

fn messages(topic: &str) -> Vec<Message> {
    moto::sns_messages(topic)
        .into_iter()
        .map(|m| Message {
            id: m[0].as_str().unwrap_or_default().to_string(),
            subject: m[2].as_str().unwrap_or_default().to_string(),
            attributes: m[3]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v["Value"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect(),
        })
        .collect()
}

/// (budget, threshold) of every message, sorted.
fn sent(topic: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = messages(topic)
        .iter()
        .map(|m| {
            (
                m.attributes.get("budget").cloned().unwrap_or_default(),
                m.attributes.get("threshold").cloned().unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}

fn s_attr<'a>(item: &'a Item, key: &str) -> &'a str {
    match item.get(key) {
        Some(AttributeValue::S(s)) => s,
        _ => "",
    }
}

// ---------------------------------------------------------------------------------------------
// The "done when": a new user sees the spend, sets a budget, checks, gets alerts.
// ---------------------------------------------------------------------------------------------

const MARCH_5: &str = "2026-03-05T10:00:00Z";

#[test]
fn a_new_user_sets_a_budget_and_gets_one_message_per_crossed_threshold() {
    let m = Machine::new();
    let topic = m.topic("team-alerts");
    m.seed(&[
        daily_by_service(&[
            ("2026-03-01", "2026-03-02", &[(EC2, "12.00"), (S3, "5.04")]),
            ("2026-03-02", "2026-03-03", &[(EC2, "12.00"), (S3, "5.04")]),
            ("2026-03-03", "2026-03-04", &[(EC2, "12.00"), (S3, "5.04")]),
            ("2026-03-04", "2026-03-05", &[(EC2, "12.00"), (S3, "5.04")]),
            ("2026-03-05", "2026-03-06", &[(EC2, "12.00"), (S3, "5.04")]),
        ]),
        month_to_date("2026-03-01", "2026-03-06", "85.20", "USD"),
    ]);

    // This month's spend by service.
    let out = m.run(&["cost", "--format", "json"], MARCH_5);
    out.expect(0, "cost");
    let r = out.json();
    assert_eq!(dec(&r["total"]), d("85.20"), "{r}");
    assert_eq!(r["groups"][0]["key"], EC2, "{r}");
    assert_eq!(dec(&r["groups"][0]["amount"]), d("60"), "{r}");
    assert_eq!(dec(&r["groups"][1]["amount"]), d("25.20"), "{r}");

    // A budget.
    let out = m.set(
        &[
            "team",
            "--amount",
            "100",
            "--thresholds",
            "80,50,100",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    assert!(out.all().contains("budget team created"), "{}", out.all());
    let list = m.list(MARCH_5);
    assert_eq!(list.len(), 1, "{list:?}");
    let b = &list[0];
    assert_eq!(b["name"], "team", "{b}");
    assert_eq!(dec(&b["amount"]), d("100"), "{b}");
    assert_eq!(b["currency"], "USD", "{b}");
    assert_eq!(b["thresholds"], json!([50, 80, 100]), "stored sorted: {b}");
    assert!(b["service"].is_null(), "{b}");
    assert_eq!(b["topic"], topic.as_str(), "{b}");
    assert!(
        b["created_at"].is_string() && b["updated_at"].is_string(),
        "{b}"
    );

    // The check: 85.20 of 100 crosses 50 % and 80 %: one message each, exit 3.
    let r = m.check(&[], MARCH_5, 3);
    assert_eq!(r["month"], "2026-03", "{r}");
    let b = budget_in(&r, "team");
    assert_eq!(dec(&b["spend"]), d("85.20"), "{b}");
    let projected = dec(&b["projected"]);
    assert!(
        (projected - d("528.24")).abs() < d("0.01"),
        "85.20 / 5 days × 31 days: {b}"
    );
    let percent = dec(&b["percent"]);
    assert!((percent - d("85.2")).abs() < d("0.01"), "{b}");
    assert_eq!(b["status"], "warning", "{b}");
    assert_eq!(crossed(b), [50, 80], "{b}");
    let states = alert_states(b);
    assert_eq!(
        states,
        BTreeMap::from([(50, "sent".to_string()), (80, "sent".to_string())]),
        "{b}"
    );

    let msgs = messages(&topic);
    assert_eq!(msgs.len(), 2, "one message per crossed threshold: {msgs:?}");
    assert_eq!(sent(&topic), pairs(&[("team", "50"), ("team", "80")]));
    let ids: Vec<&str> = b["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            a["message_id"]
                .as_str()
                .expect("message_id of a sent alert")
        })
        .collect();
    for msg in &msgs {
        assert!(msg.subject.chars().count() < 100, "{msg:?}");
        assert!(
            msg.subject.contains("team") && msg.subject.contains('%'),
            "the subject names the budget and threshold: {msg:?}"
        );
        assert!(
            msg.subject
                .contains(&format!("{}%", msg.attributes["threshold"])),
            "{msg:?}"
        );
        assert!(ids.contains(&msg.id.as_str()), "{msg:?} vs {ids:?}");
    }

    // What was asked: this month to tomorrow, MONTHLY, unblended, neither grouped nor filtered.
    let asked = m.ce_requests();
    assert_eq!(asked.len(), 2, "cost, then the check: {asked:?}");
    let a = &asked[1];
    assert_eq!(
        a["TimePeriod"],
        json!({"Start": "2026-03-01", "End": "2026-03-06"}),
        "{a}"
    );
    assert_eq!(a["Granularity"], "MONTHLY", "{a}");
    assert_eq!(a["Metrics"], json!(["UnblendedCost"]), "{a}");
    assert!(
        a.get("GroupBy").is_none() || a["GroupBy"] == json!([]),
        "{a}"
    );
    assert!(a.get("Filter").is_none() || a["Filter"].is_null(), "{a}");

    // Again (an hour later, then as a table): nothing new is sent, still exit 3.
    let r = m.check(&[], "2026-03-05T11:00:00Z", 3);
    let b = budget_in(&r, "team");
    assert_eq!(
        alert_states(b),
        BTreeMap::from([
            (50, "already-sent".to_string()),
            (80, "already-sent".to_string())
        ]),
        "{b}"
    );
    let t = m.run(&["budget", "check"], "2026-03-05T12:00:00Z");
    t.expect(3, "budget check (table)");
    assert!(
        t.stdout.contains("team") && t.stdout.contains("warning"),
        "{}",
        t.stdout
    );
    assert_eq!(messages(&topic).len(), 2, "no message sent twice");
    assert_eq!(
        m.ce_requests().len(),
        2,
        "the checks within 12 hours used the cache"
    );
}

/// The longest name and the largest amounts still give a subject under 100 characters
/// (SNS refuses longer ones).
#[test]
fn the_subject_stays_under_100_characters_at_the_limits() {
    let m = Machine::new();
    let topic = m.topic("alerts");
    let name = "N".repeat(64);
    m.seed(&[month_to_date(
        "2026-03-01",
        "2026-03-06",
        "999999999999.999999",
        "USD",
    )]);
    m.set(
        &[
            &name,
            "--amount",
            "999999999999.999999",
            "--thresholds",
            "1,1000",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    let r = m.check(&[], MARCH_5, 3);
    let b = budget_in(&r, &name);
    assert_eq!(
        alert_states(b),
        BTreeMap::from([(1, "sent".to_string())]),
        "{b}"
    );
    let msgs = messages(&topic);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].subject.chars().count() < 100 && !msgs[0].subject.is_empty(),
        "{} characters: {:?}",
        msgs[0].subject.chars().count(),
        msgs[0].subject
    );
    assert_eq!(
        msgs[0].attributes["budget"], name,
        "the attribute carries the whole name"
    );
}

// ---------------------------------------------------------------------------------------------
// Service budgets.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_service_is_checked_against_cost_explorer_and_filters_the_spend() {
    let m = Machine::new();
    let topic = m.topic("compute-alerts");
    let months = [
        "2025-04-01",
        "2025-05-01",
        "2025-06-01",
        "2025-07-01",
        "2025-08-01",
        "2025-09-01",
        "2025-10-01",
        "2025-11-01",
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
        "2026-03-01",
        "2026-03-06",
    ];
    m.seed(&[
        service_list(&months, &[EC2, S3, LAMBDA]),
        month_to_date("2026-03-01", "2026-03-06", "60.00", "USD"),
    ]);

    let out = m.set(
        &[
            "compute",
            "--amount",
            "50",
            "--service",
            EC2,
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    assert!(
        out.all().contains("budget compute created"),
        "{}",
        out.all()
    );
    let asked = m.ce_requests();
    assert_eq!(asked.len(), 1, "{asked:?}");
    let a = &asked[0];
    assert_eq!(
        a["TimePeriod"],
        json!({"Start": "2025-04-01", "End": "2026-03-06"}),
        "the last 12 months: {a}"
    );
    assert_eq!(a["Granularity"], "MONTHLY", "{a}");
    assert_eq!(
        a["GroupBy"],
        json!([{"Type": "DIMENSION", "Key": "SERVICE"}]),
        "{a}"
    );

    // Not an exact name: refused, with the name Cost Explorer uses.
    let out = m.run(
        &[
            "budget",
            "set",
            "storage",
            "--amount",
            "5",
            "--service",
            "amazon simple storage service",
        ],
        MARCH_5,
    );
    out.expect(64, "a service name in the wrong case");
    assert!(
        out.stderr.contains("--service") && out.stderr.contains(S3),
        "names the flag and the closest service: {}",
        out.stderr
    );
    let out = m.run(
        &[
            "budget",
            "set",
            "glacier",
            "--amount",
            "5",
            "--service",
            "Amazon Glacier Deep Freeze",
        ],
        MARCH_5,
    );
    out.expect(64, "an unknown service");
    assert!(out.stderr.contains("--service"), "{}", out.stderr);
    assert_eq!(
        m.ce_requests().len(),
        1,
        "the service list came from the cache"
    );
    let names: Vec<Value> = m.list(MARCH_5).iter().map(|b| b["name"].clone()).collect();
    assert_eq!(names, [json!("compute")], "refused budgets are not kept");
    assert_eq!(m.list(MARCH_5)[0]["service"], EC2);

    // The check counts only that service: 60 of 50 is over budget, every threshold crossed.
    let r = m.check(&[], MARCH_5, 3);
    let b = budget_in(&r, "compute");
    assert_eq!(b["service"], EC2, "{b}");
    assert_eq!(dec(&b["spend"]), d("60"), "{b}");
    assert_eq!(b["status"], "over-budget", "{b}");
    assert_eq!(crossed(b), [50, 80, 100], "the default thresholds: {b}");
    assert_eq!(
        sent(&topic),
        pairs(&[("compute", "50"), ("compute", "80"), ("compute", "100")])
    );
    let a = m
        .ce_requests()
        .last()
        .cloned()
        .expect("the check's request");
    assert_eq!(a["Filter"]["Dimensions"]["Key"], "SERVICE", "{a}");
    assert_eq!(a["Filter"]["Dimensions"]["Values"], json!([EC2]), "{a}");
    assert_eq!(a["Granularity"], "MONTHLY", "{a}");
    assert!(
        a.get("GroupBy").is_none() || a["GroupBy"] == json!([]),
        "{a}"
    );
}

// ---------------------------------------------------------------------------------------------
// Concurrency, retries, updates, subscriptions.
// ---------------------------------------------------------------------------------------------

/// Five `budget check` at once, one data directory: each alert published once.
#[test]
fn concurrent_checks_publish_each_alert_once() {
    let m = Machine::new();
    let topic = m.topic("alerts");
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "90.00", "USD")]);
    m.set(&["a", "--amount", "100", "--topic", &topic], MARCH_5);
    m.set(&["b", "--amount", "150", "--topic", &topic], MARCH_5);

    let outs = m.at_once(&["budget", "check", "--format", "json"], MARCH_5, 5);
    assert_concurrent_outcome(&outs, &topic, &[("a", &[50, 80]), ("b", &[50])]);
}

/// Every process exits 3; across them each (budget, threshold) was `sent` exactly once; the
/// topic holds one message per crossed threshold.
#[track_caller]
fn assert_concurrent_outcome(outs: &[Out], topic: &str, expected: &[(&str, &[u64])]) {
    let mut sent_by: BTreeMap<(String, u64), usize> = BTreeMap::new();
    for (n, o) in outs.iter().enumerate() {
        o.expect(3, &format!("process {n}"));
        let r = o.json();
        for (name, thresholds) in expected {
            let b = budget_in(&r, name);
            assert_eq!(crossed(b), *thresholds, "process {n}: {b}");
            for (t, state) in alert_states(b) {
                assert!(
                    ["sent", "already-sent", "in-progress"].contains(&state.as_str()),
                    "process {n}: {name} {t}: {state}: {b}"
                );
                if state == "sent" {
                    *sent_by.entry((name.to_string(), t)).or_default() += 1;
                }
            }
        }
    }
    let want: Vec<(String, String)> = expected
        .iter()
        .flat_map(|(name, ts)| ts.iter().map(move |t| (name.to_string(), t.to_string())))
        .collect();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(sent(topic), want_sorted, "one message per threshold in all");
    for (name, ts) in expected {
        for t in *ts {
            assert_eq!(
                sent_by.get(&(name.to_string(), *t)).copied().unwrap_or(0),
                1,
                "{name} {t}%: exactly one process says sent: {sent_by:?}"
            );
        }
    }
}

#[test]
fn a_failed_publish_is_not_recorded_and_the_next_check_sends_it() {
    let m = Machine::new();
    let name = "late-topic";
    let arn = m.topic_arn(name);
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "60.00", "USD")]);
    m.set(&["ops", "--amount", "100", "--topic", &arn], MARCH_5);

    let mut why = String::new();
    for _ in 0..2 {
        let r = m.check(&[], MARCH_5, 1);
        let b = budget_in(&r, "ops");
        assert_eq!(crossed(b), [50], "{b}");
        let alert = &b["alerts"][0];
        assert_eq!(alert["threshold"], 50, "{b}");
        assert_eq!(alert["state"], "failed", "{b}");
        assert!(
            alert["error"].as_str().is_some_and(|e| !e.is_empty()),
            "says why: {b}"
        );
        why = alert["error"].as_str().unwrap_or_default().to_string();
    }
    let t = m.run(&["budget", "check"], MARCH_5);
    t.expect(1, "a failed publish (table)");

    assert_eq!(m.topic(name), arn);
    let r = m.check(&[], "2026-03-05T11:00:00Z", 3);
    assert_eq!(
        alert_states(budget_in(&r, "ops")),
        BTreeMap::from([(50, "sent".to_string())]),
        "{r}"
    );
    let r = m.check(&[], "2026-03-05T12:00:00Z", 3);
    assert_eq!(
        alert_states(budget_in(&r, "ops")),
        BTreeMap::from([(50, "already-sent".to_string())]),
        "{r}"
    );
    assert_eq!(sent(&arn), pairs(&[("ops", "50")]));

    // The table run said why the publish failed (it says "fix the cause shown").
    assert!(
        t.all().contains(&why) || t.all().contains(&arn),
        "the table names the failed publish's cause ({why:?}) or topic:\n{}",
        t.all()
    );
    // ... naming the topic and SNS's reason (the topic does not exist), and that the alert
    // is retried by the next check.
    let said = t.all();
    assert!(
        said.contains(&arn) && said.contains("NotFound"),
        "the table names the topic and the reason:\n{said}"
    );
    assert!(
        said.to_lowercase().contains("retr"),
        "the table says the alert will be retried:\n{said}"
    );
}

#[test]
fn updating_a_budget_keeps_its_alert_history_and_a_new_month_starts_afresh() {
    let m = Machine::new();
    let topic = m.topic("alerts");
    m.seed(&[
        month_to_date("2026-03-01", "2026-03-06", "85.20", "USD"),
        month_to_date("2026-04-01", "2026-04-03", "95.00", "USD"),
    ]);
    m.set(&["team", "--amount", "100", "--topic", &topic], MARCH_5);
    let created_at = m.list(MARCH_5)[0]["created_at"].clone();
    m.check(&[], MARCH_5, 3);
    assert_eq!(sent(&topic), pairs(&[("team", "50"), ("team", "80")]));

    // A smaller amount: 85.20 of 80 crosses 100 % too; only that one is new.
    let out = m.set(
        &["team", "--amount", "80", "--topic", &topic],
        "2026-03-05T11:00:00Z",
    );
    assert!(out.all().contains("budget team updated"), "{}", out.all());
    let list = m.list(MARCH_5);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(dec(&list[0]["amount"]), d("80"), "{list:?}");
    assert_eq!(list[0]["created_at"], created_at, "{list:?}");
    assert_ne!(list[0]["updated_at"], list[0]["created_at"], "{list:?}");
    let r = m.check(&[], "2026-03-05T11:30:00Z", 3);
    let b = budget_in(&r, "team");
    assert_eq!(b["status"], "over-budget", "{b}");
    assert_eq!(
        alert_states(b),
        BTreeMap::from([
            (50, "already-sent".to_string()),
            (80, "already-sent".to_string()),
            (100, "sent".to_string())
        ]),
        "{b}"
    );
    assert_eq!(
        sent(&topic),
        pairs(&[("team", "50"), ("team", "80"), ("team", "100")])
    );

    // A new calendar month: its own alerts.
    let r = m.check(&[], "2026-04-02T09:00:00Z", 3);
    assert_eq!(r["month"], "2026-04", "{r}");
    let b = budget_in(&r, "team");
    assert_eq!(dec(&b["spend"]), d("95"), "{b}");
    assert_eq!(crossed(b), [50, 80, 100], "{b}");
    assert_eq!(messages(&topic).len(), 6, "three more for April");

    // Deleting removes the budget and its records.
    let out = m.run(&["budget", "delete", "team"], "2026-04-02T09:00:00Z");
    out.expect(0, "budget delete");
    assert!(m.list(MARCH_5).is_empty());
    let out = m.run(&["budget", "check"], "2026-04-02T09:30:00Z");
    out.expect(0, "no budgets");
    assert!(!out.all().trim().is_empty(), "says there are none");
    m.set(
        &["team", "--amount", "80", "--topic", &topic],
        "2026-04-02T10:00:00Z",
    );
    let r = m.check(&[], "2026-04-02T10:00:00Z", 3);
    assert_eq!(
        alert_states(budget_in(&r, "team")),
        BTreeMap::from([
            (50, "sent".to_string()),
            (80, "sent".to_string()),
            (100, "sent".to_string())
        ]),
        "a deleted budget's records went with it: {r}"
    );
}

#[test]
fn notify_subscribes_the_address_to_the_alert_topic() {
    let m = Machine::new();
    let topic = m.topic("cloudops-alerts");
    let with_topic = [("CLOUDOPS_ALERT_TOPIC", Some(topic.as_str()))];
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "6.00", "USD")]);

    let out = m.run_with(
        &[
            "budget",
            "set",
            "ops",
            "--amount",
            "10",
            "--notify",
            "ops@example.com",
        ],
        MARCH_5,
        &with_topic,
        None,
    );
    out.expect(0, "budget set --notify");
    let subs = moto::sns_subscriptions(&topic);
    assert_eq!(subs.len(), 1, "{subs:?}");
    assert_eq!(subs[0]["protocol"], "email", "{subs:?}");
    assert_eq!(subs[0]["endpoint"], "ops@example.com", "{subs:?}");
    // --notify needs aws.alert_topic; an address must look like one; not with --topic.
    for (args, names) in [
        (
            &[
                "budget",
                "set",
                "x",
                "--amount",
                "10",
                "--notify",
                "dev@example.com",
            ][..],
            &["aws.alert_topic"][..],
        ),
        (
            &[
                "budget",
                "set",
                "x",
                "--amount",
                "10",
                "--notify",
                "not-an-address",
            ][..],
            &["--notify"][..],
        ),
        (
            &[
                "budget",
                "set",
                "x",
                "--amount",
                "10",
                "--notify",
                "a@example.com",
                "--topic",
                &topic,
            ][..],
            &["--notify", "--topic"][..],
        ),
    ] {
        let env: &[(&str, Option<&str>)] = if names[0] == "aws.alert_topic" {
            &[]
        } else {
            &with_topic
        };
        let out = m.run_with(args, MARCH_5, env, None);
        out.expect(64, &format!("{args:?}"));
        assert!(
            names.iter().any(|n| out.stderr.contains(n)),
            "{args:?}: names {names:?}: {}",
            out.stderr
        );
    }
    assert_eq!(
        moto::sns_subscriptions(&topic).len(),
        1,
        "nothing else subscribed"
    );

    // A budget with neither uses aws.alert_topic when checked.
    m.set(&["plain", "--amount", "10"], MARCH_5);
    let out = m.run_with(
        &["budget", "check", "--format", "json"],
        MARCH_5,
        &with_topic,
        None,
    );
    out.expect(3, "check with aws.alert_topic");
    assert_eq!(
        sent(&topic),
        pairs(&[("ops", "50"), ("plain", "50")]),
        "6 of 10 crosses 50 % for both"
    );

    // The budget that subscribed the address alerts to the topic it subscribed it to
    // ("--notify EMAIL subscribes EMAIL to aws.alert_topic and the budget alerts to that
    // topic"), whatever aws.alert_topic says later.
    let list = m.list(MARCH_5);
    let ops = list.iter().find(|b| b["name"] == "ops").expect("ops");
    assert_eq!(ops["topic"], topic.as_str(), "{list:?}");
}

// ---------------------------------------------------------------------------------------------
// Refusals and failures.
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_budget_input_exits_64_naming_the_flag() {
    let m = Machine::new();
    let topic = m.topic_arn("t");
    let long = "n".repeat(65);
    let cases: Vec<(Vec<&str>, &[&str])> = vec![
        (vec!["b", "--amount", "0"], &["--amount"]),
        (vec!["b", "--amount", "0.00"], &["--amount"]),
        (vec!["b", "--amount=-5"], &["--amount"]),
        (vec!["b", "--amount", "-5"], &["--amount"]),
        (vec!["b", "--amount", "NaN"], &["--amount"]),
        (vec!["b", "--amount", "inf"], &["--amount"]),
        (vec!["b", "--amount", "1e3"], &["--amount"]),
        (vec!["b", "--amount", "abc"], &["--amount"]),
        (vec!["b", "--amount", ""], &["--amount"]),
        (vec!["b", "--amount", "1000000000001"], &["--amount"]),
        (vec!["b", "--amount", "1.0000001"], &["--amount"]),
        (
            vec!["b", "--amount", "10", "--thresholds", "0"],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--thresholds", "1001"],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--thresholds", "50,50"],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--thresholds", "50,,80"],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--thresholds", ""],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--thresholds", "50.5"],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--thresholds", "fifty"],
            &["--thresholds"],
        ),
        (
            vec!["b", "--amount", "10", "--currency", "usd"],
            &["--currency"],
        ),
        (
            vec!["b", "--amount", "10", "--currency", "US"],
            &["--currency"],
        ),
        (
            vec!["b", "--amount", "10", "--currency", "USD1"],
            &["--currency"],
        ),
        (
            vec!["b", "--amount", "10", "--topic", "not-an-arn"],
            &["--topic"],
        ),
        (
            vec![
                "b",
                "--amount",
                "10",
                "--topic",
                "arn:aws:sqs:us-east-1:123456789012:q",
            ],
            &["--topic"],
        ),
        (
            vec!["", "--amount", "10", "--topic", &topic],
            &["NAME", "name"],
        ),
        (
            vec!["has space", "--amount", "10", "--topic", &topic],
            &["NAME", "name"],
        ),
        (
            vec!["a/b", "--amount", "10", "--topic", &topic],
            &["NAME", "name"],
        ),
        (
            vec!["ünïcode", "--amount", "10", "--topic", &topic],
            &["NAME", "name"],
        ),
        (
            vec![&long, "--amount", "10", "--topic", &topic],
            &["NAME", "name"],
        ),
        (vec!["b"], &["--amount"]),
    ];
    for (args, names) in &cases {
        let mut all = vec!["budget", "set"];
        all.extend_from_slice(args);
        let out = m.run(&all, MARCH_5);
        out.expect(64, &format!("{args:?}"));
        assert!(
            names.iter().any(|n| out.stderr.contains(n)),
            "{args:?}: the message names {names:?}: {}",
            out.stderr
        );
    }
    assert!(m.list(MARCH_5).is_empty(), "nothing was kept");

    // The edges that are fine.
    m.set(
        &[
            "a.b_c-1",
            "--amount",
            "99.5",
            "--thresholds",
            "1,1000",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    m.set(
        &[
            &"n".repeat(64),
            "--amount",
            "1000000000000",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    m.set(
        &[
            "tiny",
            "--amount",
            "0.000001",
            "--currency",
            "EUR",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    let list = m.list(MARCH_5);
    assert_eq!(list.len(), 3, "{list:?}");
    let edge = list
        .iter()
        .find(|b| b["name"] == "a.b_c-1")
        .expect("a.b_c-1");
    assert_eq!(dec(&edge["amount"]), d("99.5"), "{edge}");
    assert_eq!(edge["thresholds"], json!([1, 1000]), "{edge}");

    // Unknown names.
    for cmd in [
        &["budget", "check", "nosuch"][..],
        &["budget", "delete", "nosuch"][..],
    ] {
        let out = m.run(cmd, MARCH_5);
        out.expect(1, &format!("{cmd:?}"));
        assert!(
            out.stderr.contains("no budget named"),
            "{cmd:?}: {}",
            out.stderr
        );
    }
    let out = m.run(&["budget", "check", "--format", "sarif"], MARCH_5);
    out.expect(64, "budget check --format sarif");
}

#[test]
fn errors_are_never_counted_as_zero_and_win_over_crossed_thresholds() {
    let m = Machine::new();
    let topic = m.topic("alerts");
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "70.00", "USD")]);
    m.set(&["usd", "--amount", "100", "--topic", &topic], MARCH_5);
    m.set(
        &[
            "eur",
            "--amount",
            "100",
            "--currency",
            "EUR",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );

    // Cost Explorer unreachable: exit 1, no status, no alert, nothing cached.
    let gone = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", l.local_addr().expect("addr"))
    };
    for format in ["json", "table"] {
        let out = m.run_with(
            &["budget", "check", "--format", format],
            MARCH_5,
            &[
                ("AWS_ENDPOINT_URL_COST_EXPLORER", Some(gone.as_str())),
                ("AWS_MAX_ATTEMPTS", Some("1")),
            ],
            None,
        );
        out.expect(1, &format!("Cost Explorer unreachable ({format})"));
        assert!(
            !out.stdout.contains("on-track"),
            "no status without a spend: {}",
            out.stdout
        );
        if let Ok(r) = serde_json::from_str::<Value>(&out.stdout) {
            for b in r["budgets"].as_array().into_iter().flatten() {
                assert!(
                    b["spend"].is_null() || dec(&b["spend"]) != Decimal::ZERO,
                    "a failure is never a spend of 0: {b}"
                );
                assert!(b["status"] != "on-track", "{b}");
            }
        }
    }
    assert!(messages(&topic).is_empty());

    // Reachable: the USD budget crosses 50 % (and alerts); the EUR one is never compared
    // with a USD figure; the error wins: exit 1.
    let r = m.check(&[], MARCH_5, 1);
    let usd = budget_in(&r, "usd");
    assert_eq!(crossed(usd), [50], "{usd}");
    assert_eq!(
        alert_states(usd),
        BTreeMap::from([(50, "sent".to_string())]),
        "{usd}"
    );
    let eur = budget_in(&r, "eur");
    assert!(
        eur.get("crossed")
            .is_none_or(|c| c.as_array().is_none_or(Vec::is_empty)),
        "a EUR budget is not compared with USD: {eur}"
    );
    assert_eq!(sent(&topic), pairs(&[("usd", "50")]));
    let out = m.run(&["budget", "check", "eur"], MARCH_5);
    out.expect(1, "the EUR budget alone");
    assert!(
        out.all().contains("EUR") && out.all().contains("USD"),
        "names both currencies: {}",
        out.all()
    );
    let r = m.check(&["usd"], MARCH_5, 3);
    assert_eq!(
        alert_states(budget_in(&r, "usd")),
        BTreeMap::from([(50, "already-sent".to_string())])
    );
}

// ---------------------------------------------------------------------------------------------
// The shared store (logged in): budgets, alert records and cached answers in DynamoDB.
// ---------------------------------------------------------------------------------------------

#[test]
fn logged_in_budgets_alerts_and_cost_answers_live_in_the_users_partition() {
    let m = Machine::logged_in("budgeter@example.com");
    let stack = m.stack.as_ref().unwrap();
    let status = m.run(&["auth", "status", "--format", "json"], MARCH_5);
    status.expect(0, "auth status");
    let sub = status.json()["sub"].as_str().expect("sub").to_string();
    let topic = m.topic(&unique("shared-alerts"));
    m.seed(&[
        daily_by_service(&[("2026-03-01", "2026-03-06", &[(EC2, "50.00"), (S3, "40.00")])]),
        month_to_date("2026-03-01", "2026-03-06", "90.00", "USD"),
    ]);
    let asks_before = m.ce_requests().len();

    // cost: answered once, then from the cost-cache table.
    let out = m.run(&["cost", "--format", "json"], MARCH_5);
    out.expect(0, "cost (shared store)");
    let r = out.json();
    assert_eq!(dec(&r["total"]), d("90"), "{r}");
    assert_eq!(r["query"]["account"], m.account().as_str(), "{r}");
    let out = m.run(&["cost", "--format", "json"], "2026-03-05T11:00:00Z");
    out.expect(0, "cost again");
    assert_eq!(out.json()["cached"], true, "{}", out.stdout);
    assert_eq!(
        m.ce_requests().len(),
        asks_before + 1,
        "one request for two runs"
    );

    // Budgets, then five checks at once.
    m.set(&["team", "--amount", "100", "--topic", &topic], MARCH_5);
    m.set(&["big", "--amount", "150", "--topic", &topic], MARCH_5);
    let outs = m.at_once(&["budget", "check", "--format", "json"], MARCH_5, 5);
    assert_concurrent_outcome(&outs, &topic, &[("team", &[50, 80]), ("big", &[50])]);
    for msg in messages(&topic) {
        assert!(
            msg.attributes.get("cloudops_user") == Some(&sub),
            "logged-in alerts carry the user's sub ({sub}): {msg:?}"
        );
    }

    // The budgets table: the budgets and one confirmed record per sent alert, under the sub.
    let items = moto::partition(&stack.budgets, &sub);
    let count = |prefix: &str| {
        items
            .iter()
            .filter(|i| s_attr(i, "sk").starts_with(prefix))
            .count()
    };
    assert_eq!(
        (count("budget#"), count("alert#"), items.len()),
        (2, 3, 5),
        "{items:?}"
    );
    for i in items
        .iter()
        .filter(|i| s_attr(i, "sk").starts_with("alert#"))
    {
        assert_eq!(s_attr(i, "state"), "sent", "{i:?}");
    }

    // The cost-cache table: the cost query and the check's query, gzip JSON, fetch time, and
    // one memo of the account the user's credentials belong to (so a cache hit needs no STS).
    let (memos, cached): (Vec<_>, Vec<_>) = moto::partition(&stack.cost_cache, &sub)
        .into_iter()
        .partition(|i| s_attr(i, "sk").starts_with("cost#account-"));
    assert_eq!((cached.len(), memos.len()), (2, 1), "{cached:?} {memos:?}");
    let Some(AttributeValue::B(memo)) = memos[0].get("body") else {
        panic!("memo body is binary: {memos:?}")
    };
    let mut text = String::new();
    flate2::read::GzDecoder::new(memo.as_ref())
        .read_to_string(&mut text)
        .expect("gzip memo");
    assert_eq!(
        serde_json::from_str::<Value>(&text).expect("JSON memo"),
        json!(m.account()),
        "the memo holds the account ID and nothing else"
    );
    let now_ms = 1_772_704_800_000_i64; // 2026-03-05T10:00:00Z
    for i in &cached {
        let sk = s_attr(i, "sk");
        let hex = sk.strip_prefix("cost#").unwrap_or_else(|| panic!("{sk}"));
        assert!(
            hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            "cost#<sha256 hex>: {sk}"
        );
        let Some(AttributeValue::B(body)) = i.get("body") else {
            panic!("body is binary: {i:?}")
        };
        let mut text = String::new();
        flate2::read::GzDecoder::new(body.as_ref())
            .read_to_string(&mut text)
            .expect("gzip");
        serde_json::from_str::<Value>(&text).expect("JSON inside");
        let Some(AttributeValue::N(fetched)) = i.get("fetched_ms") else {
            panic!("fetched_ms: {i:?}")
        };
        assert_eq!(fetched.parse::<i64>().ok(), Some(now_ms), "{i:?}");
        let Some(AttributeValue::N(expires)) = i.get("expires_at") else {
            panic!("expires_at: {i:?}")
        };
        assert!(
            expires.parse::<i64>().expect("epoch seconds") > now_ms / 1000,
            "{i:?}"
        );
    }

    // Nothing went to the embedded store.
    let out = m.run(
        &["budget", "list", "--format", "json", "--store", "local"],
        MARCH_5,
    );
    out.expect(0, "budget list --store local");
    assert_eq!(out.json()["budgets"], json!([]), "{}", out.stdout);

    // The keys, as the contract names them: budget#<name>, alert#<name>#<YYYY-MM>#<threshold>.
    let mut keys: Vec<&str> = items.iter().map(|i| s_attr(i, "sk")).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "alert#big#2026-03#50",
            "alert#team#2026-03#50",
            "alert#team#2026-03#80",
            "budget#big",
            "budget#team"
        ],
        "{items:?}"
    );

    // Logged in with an identity pool, AWS is called with the pool's role even where the
    // cost cache is local (no cost-cache table configured): this run has no other credentials.
    let out = m.run_with(
        &["cost", "--format", "json"],
        MARCH_5,
        &[
            ("CLOUDOPS_COST_CACHE_TABLE", None),
            ("AWS_ACCESS_KEY_ID", None),
            ("AWS_SECRET_ACCESS_KEY", None),
        ],
        None,
    );
    out.expect(
        0,
        "cost with a local cache, logged in, no other credentials",
    );
    assert_eq!(dec(&out.json()["total"]), d("90"), "{}", out.stdout);
    assert_eq!(out.json()["cached"], false, "{}", out.stdout);
}

// ---------------------------------------------------------------------------------------------
// FIFO topics, percentages at the edge, the default topic, negative numbers.
// ---------------------------------------------------------------------------------------------

/// SNS refuses a publish to a FIFO topic without a message group (moto too, checked with
/// boto3): each crossed threshold still goes out once, and a second check sends nothing.
#[test]
fn a_fifo_topic_gets_one_message_per_crossed_threshold() {
    let m = Machine::new();
    let topic = moto::create_fifo_topic(m.creds.as_ref(), "team-alerts.fifo");
    assert!(topic.ends_with(":team-alerts.fifo"), "{topic}");
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "85.20", "USD")]);
    m.set(&["team", "--amount", "100", "--topic", &topic], MARCH_5);

    let r = m.check(&[], MARCH_5, 3);
    let b = budget_in(&r, "team");
    assert_eq!(crossed(b), [50, 80], "{b}");
    assert_eq!(
        alert_states(b),
        BTreeMap::from([(50, "sent".to_string()), (80, "sent".to_string())]),
        "{b}"
    );
    assert_eq!(sent(&topic), pairs(&[("team", "50"), ("team", "80")]));
    for raw in moto::sns_messages(&topic) {
        assert!(
            raw[4].as_str().is_some_and(|g| !g.is_empty()),
            "published with a message group: {raw}"
        );
    }

    let r = m.check(&[], "2026-03-05T11:00:00Z", 3);
    assert_eq!(
        alert_states(budget_in(&r, "team")),
        BTreeMap::from([
            (50, "already-sent".to_string()),
            (80, "already-sent".to_string())
        ]),
        "{r}"
    );
    assert_eq!(messages(&topic).len(), 2, "nothing new on the second check");
}

/// Percentages are cut, not rounded: 79.996 of 100 is 79.99 %, below the 80 % threshold,
/// and is never shown as 80 %.
#[test]
fn a_percentage_just_below_a_threshold_never_reads_as_reaching_it() {
    let m = Machine::new();
    let topic = m.topic("alerts");
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "79.996", "USD")]);
    m.set(&["edge", "--amount", "100", "--topic", &topic], MARCH_5);

    let r = m.check(&[], MARCH_5, 3);
    let b = budget_in(&r, "edge");
    assert_eq!(b["percent"], "79.99", "{b}");
    assert_eq!(
        crossed(b),
        [50],
        "80 % is not crossed by 79.996 of 100: {b}"
    );
    assert_eq!(sent(&topic), pairs(&[("edge", "50")]));

    let t = m.run(&["budget", "check"], "2026-03-05T11:00:00Z");
    t.expect(3, "budget check (table)");
    assert!(
        !t.stdout.contains("80.0%") && !t.stdout.contains("80.00%"),
        "the table shows no 80 %:\n{}",
        t.stdout
    );
    assert!(t.stdout.contains("79.9"), "{}", t.stdout);
    assert_eq!(messages(&topic).len(), 1, "{:?}", messages(&topic));
}

/// aws.alert_topic from the environment never went through `config set`: a budget that
/// would alert to it is refused up front, naming the setting.
#[test]
fn an_invalid_default_topic_is_a_usage_error_naming_aws_alert_topic() {
    let m = Machine::new();
    m.seed(&[month_to_date("2026-03-01", "2026-03-06", "60.00", "USD")]);
    m.set(&["ops", "--amount", "100"], MARCH_5);
    for format in ["json", "table"] {
        let out = m.run_with(
            &["budget", "check", "--format", format],
            MARCH_5,
            &[("CLOUDOPS_ALERT_TOPIC", Some("not-an-arn"))],
            None,
        );
        out.expect(
            64,
            &format!("budget check with CLOUDOPS_ALERT_TOPIC=not-an-arn ({format})"),
        );
        assert!(
            out.stderr.contains("aws.alert_topic"),
            "names the setting: {}",
            out.stderr
        );
        assert!(
            !out.stdout.contains("warning") && !out.stdout.contains("on-track"),
            "no report: {}",
            out.stdout
        );
    }
}

/// A negative amount or threshold is a value of the flag, not an unknown flag: it reaches the
/// flag's own message.
#[test]
fn negative_amounts_and_thresholds_get_their_own_messages() {
    let m = Machine::new();
    let topic = m.topic_arn("t");
    let out = m.run(
        &["budget", "set", "b", "--amount", "-5", "--topic", &topic],
        MARCH_5,
    );
    out.expect(64, "--amount -5");
    assert!(
        out.stderr.contains("--amount") && out.stderr.contains("more than zero"),
        "{}",
        out.stderr
    );
    let out = m.run(
        &[
            "budget",
            "set",
            "b",
            "--amount",
            "10",
            "--thresholds",
            "-1",
            "--topic",
            &topic,
        ],
        MARCH_5,
    );
    out.expect(64, "--thresholds -1");
    assert!(out.stderr.contains("--thresholds"), "{}", out.stderr);
    assert!(m.list(MARCH_5).is_empty(), "nothing was kept");
}
