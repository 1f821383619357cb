//! `cloudops cost` end to end: the real binary against a real Cost Explorer wire protocol
//! (moto on 127.0.0.1, answers seeded per account), a real STS for the account, and, where
//! moto has nothing (GetCostForecast) or must fail, a small local HTTP server speaking Cost
//! Explorer's JSON 1.1. Every test acts in an AWS account of its own (STS AssumeRole into a
//! fresh account ID), so tests running at once against one moto never see each other's
//! answers, and counts its Cost Explorer requests by its own access key.

#[path = "support/moto.rs"]
mod moto;
#[path = "support/spend.rs"]
mod spend;
mod support;

use std::io::{BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rust_decimal::Decimal;
use serde_json::{json, Value};
use spend::{Out, SCRUBBED};
use tempfile::TempDir;

/// The account IDs of this file start with these digits.
const ACCOUNT_PREFIX: u16 = 6201;

const EC2: &str = "Amazon Elastic Compute Cloud - Compute";
const S3: &str = "Amazon Simple Storage Service";

// ---------------------------------------------------------------------------------------------
// One machine in one account.
// ---------------------------------------------------------------------------------------------

/// A home, config and data directory of its own, credentials acting in an account of its own.
struct Machine {
    root: TempDir,
    creds: moto::AccountCredentials,
}

impl Machine {
    fn new() -> Machine {
        let root = tempfile::tempdir().expect("tempdir");
        for d in ["home", "config", "data", "xdg", "work"] {
            std::fs::create_dir_all(root.path().join(d)).expect("dir");
        }
        Machine {
            root,
            creds: moto::assume_fresh_account(ACCOUNT_PREFIX),
        }
    }

    fn account(&self) -> &str {
        &self.creds.account
    }

    fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// `cloudops ARGS --store local` at `now` (CLOUDOPS_NOW); `env` entries override
    /// (`None` unsets).
    fn run(&self, args: &[&str], now: &str, env: &[(&str, Option<&str>)]) -> Out {
        let mut c = support::cloudops();
        for k in SCRUBBED {
            c.env_remove(k);
        }
        for (k, v) in moto::aws_env(&self.root.path().join("home")) {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.env("AWS_ACCESS_KEY_ID", &self.creds.access_key_id)
            .env("AWS_SECRET_ACCESS_KEY", &self.creds.secret_access_key)
            .env("AWS_SESSION_TOKEN", &self.creds.session_token)
            .env("AWS_REGION", "us-east-1")
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
        c.current_dir(self.root.path().join("work"))
            .args(args)
            .args(["--store", "local"])
            .timeout(Duration::from_secs(120));
        let o = c.output().expect("the binary runs");
        Out {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// `cost ARGS --format json` at `now`, which must succeed: the report.
    #[track_caller]
    fn cost_json(&self, args: &[&str], now: &str) -> Value {
        let mut all = vec!["cost"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = self.run(&all, now, &[]);
        out.expect(0, &format!("{all:?} at {now}"));
        out.json()
    }

    /// The GetCostAndUsage requests this machine's credentials made, in order (bodies).
    fn ce_requests(&self) -> Vec<Value> {
        moto::cost_explorer_requests("GetCostAndUsage", &self.creds.access_key_id)
    }

    fn seed(&self, results: &[Value]) {
        moto::seed_cost_and_usage(self.account(), results);
    }
}

// ---------------------------------------------------------------------------------------------
// Cost Explorer answers, decimals.
// ---------------------------------------------------------------------------------------------

/// One day of a grouped daily answer: `groups` are (key, amount) in UnblendedCost.
fn grouped_day(start: &str, end: &str, groups: &[(&str, &str)], estimated: bool) -> Value {
    json!({
        "TimePeriod": {"Start": start, "End": end},
        "Total": {},
        "Groups": groups.iter().map(|(k, a)| json!({
            "Keys": [k],
            "Metrics": {"UnblendedCost": {"Amount": a, "Unit": "USD"}}
        })).collect::<Vec<_>>(),
        "Estimated": estimated
    })
}

/// One period of an ungrouped answer (`Total` only), UnblendedCost.
fn total_period(start: &str, end: &str, amount: &str, estimated: bool) -> Value {
    json!({
        "TimePeriod": {"Start": start, "End": end},
        "Total": {"UnblendedCost": {"Amount": amount, "Unit": "USD"}},
        "Groups": [],
        "Estimated": estimated
    })
}

/// A GetCostAndUsage answer grouped by service (or ungrouped with `group_by: None`).
fn answer(periods: Vec<Value>, group_by: Option<&str>, next: Option<&str>) -> Value {
    let mut v = json!({
        "GroupDefinitions": group_by.map_or(vec![], |k| vec![json!({"Type": "DIMENSION", "Key": k})]),
        "ResultsByTime": periods,
        "DimensionValueAttributes": []
    });
    if let Some(t) = next {
        v["NextPageToken"] = json!(t);
    }
    v
}

#[track_caller]
fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
}

/// `v` is a decimal string equal to `expected` (trailing zeros aside).
#[track_caller]
fn assert_amount(v: &Value, expected: &str, what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what}: amounts are decimal strings, got {v}"));
    assert_eq!(
        dec(s).normalize(),
        dec(expected).normalize(),
        "{what}: {s} should be exactly {expected}"
    );
}

/// Start and end of the period a request asked for.
fn period_of(request: &Value) -> (String, String) {
    (
        request["TimePeriod"]["Start"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        request["TimePeriod"]["End"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

/// A minimal RFC 4180 reader: records of fields, quotes and doubled quotes honoured.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

// ---------------------------------------------------------------------------------------------
// A Cost Explorer of our own (JSON 1.1 over HTTP/1.1), for GetCostForecast and for failures.
// ---------------------------------------------------------------------------------------------

type Handler = dyn Fn(&str, &Value) -> (u16, Value) + Send + Sync;

/// Answers every request through `handler(X-Amz-Target, body)`; logs (target, body).
struct FakeCostExplorer {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<(String, Value)>>>,
    stop: Arc<AtomicBool>,
}

impl FakeCostExplorer {
    fn start(handler: impl Fn(&str, &Value) -> (u16, Value) + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (l, s) = (log.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (l, h) = (l.clone(), handler.clone());
                std::thread::spawn(move || serve_one(stream, &l, &*h));
            }
        });
        FakeCostExplorer { addr, log, stop }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bodies of the requests for `operation` (e.g. "GetCostForecast").
    fn requests(&self, operation: &str) -> Vec<Value> {
        let target = format!("AWSInsightsIndexService.{operation}");
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|(t, _)| *t == target)
            .map(|(_, b)| b.clone())
            .collect()
    }

    fn all(&self) -> usize {
        self.log.lock().unwrap().len()
    }
}

impl Drop for FakeCostExplorer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve_one(stream: TcpStream, log: &Mutex<Vec<(String, Value)>>, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(read) = stream.try_clone() else { return };
    let mut reader = BufReader::new(read);
    let mut writer = stream;
    let Some(req) = support::http_request::read(&mut reader) else {
        return;
    };
    let headers = req.headers;
    let body = req.body;
    let target = headers.get("x-amz-target").cloned().unwrap_or_default();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    log.lock().unwrap().push((target.clone(), body.clone()));
    let (status, answer) = handler(&target, &body);
    let text = answer.to_string();
    let mut out = format!(
        "HTTP/1.1 {status} {}\r\n",
        if status == 200 { "OK" } else { "Error" }
    );
    out.push_str("content-type: application/x-amz-json-1.1\r\n");
    out.push_str(&format!("x-amzn-requestid: req-{}\r\n", text.len()));
    if status != 200 {
        if let Some(t) = answer["__type"].as_str() {
            out.push_str(&format!("x-amzn-errortype: {t}\r\n"));
        }
    }
    out.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n",
        text.len()
    ));
    out.push_str(&text);
    let _ = writer.write_all(out.as_bytes());
    let _ = writer.flush();
}

// ---------------------------------------------------------------------------------------------
// This month by service: JSON, table, CSV.
// ---------------------------------------------------------------------------------------------

/// Four days of March 2026 (the 1st and 2nd final, the 3rd and 4th estimated), two services;
/// amounts whose float sums are not their decimal sums.
fn march_2026_by_service() -> Value {
    answer(
        vec![
            grouped_day(
                "2026-03-01",
                "2026-03-02",
                &[(EC2, "3.1000000001"), (S3, "0.1")],
                false,
            ),
            grouped_day(
                "2026-03-02",
                "2026-03-03",
                &[(EC2, "2.2000000002"), (S3, "0.2")],
                false,
            ),
            grouped_day(
                "2026-03-03",
                "2026-03-04",
                &[(EC2, "4.4"), (S3, "0.3000000000")],
                true,
            ),
            grouped_day(
                "2026-03-04",
                "2026-03-05",
                &[(EC2, "0.0000000007"), (S3, "0.05")],
                true,
            ),
        ],
        Some("SERVICE"),
        None,
    )
}

#[test]
fn this_months_spend_by_service_as_json_table_and_csv() {
    let m = Machine::new();
    let now = "2026-03-04T10:00:00Z";
    m.seed(&[
        march_2026_by_service(),
        answer(
            vec![grouped_day(
                "2026-03-01",
                "2026-03-05",
                &[("team$web, \"api\"", "7.25"), ("team$", "1.5")],
                true,
            )],
            Some("team"),
            None,
        ),
    ]);

    let r = m.cost_json(&[], now);
    let q = &r["query"];
    assert_eq!(q["account"], m.account(), "{r}");
    assert_eq!(q["start"], "2026-03-01", "{r}");
    assert_eq!(
        q["end"], "2026-03-05",
        "this month ends tomorrow (exclusive): {r}"
    );
    assert_eq!(q["granularity"], "daily", "{r}");
    assert_eq!(q["group_by"], "service", "{r}");
    assert_eq!(q["metric"], "unblended", "{r}");
    assert!(
        q["filter"].is_null() || q["filter"] == json!([]),
        "no filter: {r}"
    );
    assert_eq!(r["fetched_at"], now, "{r}");
    assert_eq!(r["cached"], false, "{r}");
    assert_eq!(r["unit"], "USD", "{r}");
    assert_eq!(r["estimated"], true, "two days are estimated: {r}");
    assert_amount(&r["total"], "10.3500000010", "total");

    let groups = r["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), 2, "{r}");
    assert_eq!(groups[0]["key"], EC2, "descending by amount: {r}");
    assert_amount(&groups[0]["amount"], "9.7000000010", "EC2");
    assert_eq!(groups[1]["key"], S3, "{r}");
    assert_amount(&groups[1]["amount"], "0.65", "S3");

    let periods = r["periods"].as_array().expect("periods");
    let days: Vec<(&str, &str)> = periods
        .iter()
        .map(|p| (p["start"].as_str().unwrap(), p["end"].as_str().unwrap()))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-03-01", "2026-03-02"),
            ("2026-03-02", "2026-03-03"),
            ("2026-03-03", "2026-03-04"),
            ("2026-03-04", "2026-03-05")
        ],
        "{r}"
    );
    for (p, (total, estimated)) in periods.iter().zip([
        ("3.2000000001", false),
        ("2.4000000002", false),
        ("4.7", true),
        ("0.0500000007", true),
    ]) {
        assert_amount(&p["total"], total, &format!("period {p}"));
        assert_eq!(p["estimated"], estimated, "{p}");
        let g = p["groups"].as_array().expect("period groups");
        assert_eq!(g.len(), 2, "{p}");
    }
    assert_amount(
        &periods[0]["groups"][0]["amount"],
        "3.1000000001",
        "day 1 EC2",
    );
    assert_eq!(periods[0]["groups"][0]["key"], EC2);

    // The straight-line projection: 10.350000001 / 4 days × 31 days.
    let f = &r["forecast"];
    assert_eq!(f["method"], "straight-line", "{r}");
    assert_eq!(f["unit"], "USD", "{r}");
    let projected = dec(f["amount"].as_str().expect("forecast amount"));
    assert!(
        (projected - dec("80.21250000775")).abs() < dec("0.01"),
        "projection {projected}: {r}"
    );
    assert_eq!(m.ce_requests().len(), 1, "one GetCostAndUsage");
    let asked = &m.ce_requests()[0];
    assert_eq!(asked["Granularity"], "DAILY", "{asked}");
    assert_eq!(asked["Metrics"], json!(["UnblendedCost"]), "{asked}");
    assert_eq!(
        asked["GroupBy"],
        json!([{"Type": "DIMENSION", "Key": "SERVICE"}]),
        "{asked}"
    );

    // The same query as a table: from the cache, saying so.
    let t = m.run(&["cost"], "2026-03-04T11:00:00Z", &[]);
    t.expect(0, "cost (table)");
    for needle in [EC2, S3, "10.35", "USD", "estimated", "cached", m.account()] {
        assert!(
            t.stdout.contains(needle),
            "table lacks {needle:?}:\n{}",
            t.stdout
        );
    }
    assert!(
        t.stdout.contains("straight-line projection"),
        "the forecast is labelled:\n{}",
        t.stdout
    );
    let top1 = m.run(&["cost", "--top", "1"], "2026-03-04T11:00:00Z", &[]);
    top1.expect(0, "cost --top 1");
    assert!(top1.stdout.contains(EC2), "{}", top1.stdout);
    assert!(
        !top1.stdout.contains(S3),
        "--top 1 shows one group:\n{}",
        top1.stdout
    );

    // CSV: one row per day and group.
    let c = m.run(&["cost", "--format", "csv"], "2026-03-04T11:00:00Z", &[]);
    c.expect(0, "cost --format csv");
    let rows = parse_csv(&c.stdout);
    assert_eq!(
        rows[0],
        ["start", "end", "group", "amount", "unit", "estimated"],
        "{}",
        c.stdout
    );
    assert_eq!(rows.len(), 1 + 8, "{}", c.stdout);
    let row = rows
        .iter()
        .find(|r| r[0] == "2026-03-03" && r[2] == S3)
        .unwrap_or_else(|| panic!("no S3 row for 2026-03-03:\n{}", c.stdout));
    assert_eq!(row[1], "2026-03-04");
    assert_eq!(dec(&row[3]).normalize(), dec("0.3"), "{row:?}");
    assert_eq!(row[4], "USD");
    assert_eq!(row[5], "true", "{row:?}");
    let row = rows
        .iter()
        .find(|r| r[0] == "2026-03-01" && r[2] == EC2)
        .unwrap_or_else(|| panic!("no EC2 row for 2026-03-01:\n{}", c.stdout));
    assert_eq!(dec(&row[3]), dec("3.1000000001"), "{row:?}");
    assert_eq!(row[5], "false", "{row:?}");
    assert_eq!(
        m.ce_requests().len(),
        1,
        "table and csv of the same query come from the cache"
    );

    // A group key that needs quoting (tag values may hold commas and quotes).
    let c = m.run(
        &["cost", "--group-by", "tag:team", "--format", "csv"],
        "2026-03-04T11:00:00Z",
        &[],
    );
    c.expect(0, "cost --group-by tag:team --format csv");
    let rows = parse_csv(&c.stdout);
    assert!(
        rows.iter().skip(1).all(|r| r.len() == 6),
        "six fields per row:\n{}",
        c.stdout
    );
    let tagged = rows
        .iter()
        .find(|r| r.len() == 6 && r[2].ends_with("web, \"api\""))
        .unwrap_or_else(|| panic!("the tag value, quoted per RFC 4180:\n{}", c.stdout));
    assert_eq!(dec(&tagged[3]), dec("7.25"), "{tagged:?}");
    let asked = m.ce_requests();
    assert_eq!(asked.len(), 2, "a different grouping is a different query");
    assert_eq!(
        asked[1]["GroupBy"],
        json!([{"Type": "TAG", "Key": "team"}]),
        "{}",
        asked[1]
    );

    // No forecast when asked for none.
    let r = m.cost_json(&["--forecast", "none"], "2026-03-04T11:00:00Z");
    assert!(r["forecast"].is_null(), "{r}");
}

// ---------------------------------------------------------------------------------------------
// The 12-hour cache.
// ---------------------------------------------------------------------------------------------

#[test]
fn an_identical_query_within_12_hours_makes_no_cost_explorer_request() {
    let m = Machine::new();
    m.seed(&[answer(
        vec![grouped_day(
            "2026-05-10",
            "2026-05-11",
            &[(EC2, "1.25")],
            true,
        )],
        Some("SERVICE"),
        None,
    )]);
    let asks = || m.ce_requests().len();

    let r = m.cost_json(&[], "2026-05-10T02:00:00Z");
    assert_eq!(r["cached"], false, "{r}");
    assert_amount(&r["total"], "1.25", "first fetch");
    assert_eq!(asks(), 1);

    // Within 12 hours, at any hour of the day: from the cache, no request.
    for now in ["2026-05-10T03:00:00Z", "2026-05-10T13:59:00Z"] {
        let r = m.cost_json(&[], now);
        assert_eq!(r["cached"], true, "at {now}: {r}");
        assert_eq!(r["fetched_at"], "2026-05-10T02:00:00Z", "{r}");
        assert_amount(&r["total"], "1.25", "cached");
        assert_eq!(asks(), 1, "no Cost Explorer request at {now}");
    }
    let t = m.run(&["cost"], "2026-05-10T04:00:00Z", &[]);
    t.expect(0, "table from the cache");
    assert!(
        t.stdout.to_lowercase().contains("fetched") && t.stdout.contains("cached"),
        "says when it was fetched, and that it is cached:\n{}",
        t.stdout
    );
    assert_eq!(asks(), 1);

    // 13 hours after the fetch: fetched again (same day, same query).
    let r = m.cost_json(&[], "2026-05-10T15:00:00Z");
    assert_eq!(r["cached"], false, "{r}");
    assert_eq!(r["fetched_at"], "2026-05-10T15:00:00Z", "{r}");
    assert_eq!(asks(), 2, "an expired answer is fetched again");

    // --refresh: fetched now, and stored for the next run.
    let r = m.cost_json(&["--refresh"], "2026-05-10T16:00:00Z");
    assert_eq!(r["cached"], false, "{r}");
    assert_eq!(r["fetched_at"], "2026-05-10T16:00:00Z", "{r}");
    assert_eq!(asks(), 3, "--refresh makes one request");
    let r = m.cost_json(&[], "2026-05-10T17:00:00Z");
    assert_eq!(r["cached"], true, "{r}");
    assert_eq!(r["fetched_at"], "2026-05-10T16:00:00Z", "{r}");
    assert_eq!(asks(), 3);

    // The key is the whole query: another granularity, metric or filter is another request.
    m.cost_json(&["--granularity", "monthly"], "2026-05-10T17:00:00Z");
    assert_eq!(asks(), 4, "granularity is part of the key");
    m.cost_json(&["--metric", "blended"], "2026-05-10T17:00:00Z");
    assert_eq!(asks(), 5, "metric is part of the key");
    m.cost_json(&["--filter", "region=us-east-1"], "2026-05-10T17:00:00Z");
    assert_eq!(asks(), 6, "filter is part of the key");
    m.cost_json(&["--filter", "region=us-east-1"], "2026-05-10T17:30:00Z");
    assert_eq!(asks(), 6, "and is cached in turn");

    // The cache lives in the local store named by --data-dir.
    let other = tempfile::tempdir().expect("tempdir");
    let out = m.run(
        &["cost", "--format", "json"],
        "2026-05-10T17:00:00Z",
        &[("CLOUDOPS_DATA_DIR", Some(other.path().to_str().unwrap()))],
    );
    out.expect(0, "cost with another data dir");
    assert_eq!(out.json()["cached"], false, "{}", out.stdout);
    assert_eq!(asks(), 7);
}

// ---------------------------------------------------------------------------------------------
// Pagination.
// ---------------------------------------------------------------------------------------------

#[test]
fn every_page_is_followed_to_the_end() {
    let m = Machine::new();
    let day = |d: u32, amount: &str| {
        grouped_day(
            &format!("2026-06-{d:02}"),
            &format!("2026-06-{:02}", d + 1),
            &[(EC2, amount), (S3, "0.01")],
            true,
        )
    };
    m.seed(&[
        answer(
            vec![day(1, "1.10"), day(2, "2.20")],
            Some("SERVICE"),
            Some("tok-2"),
        ),
        answer(vec![day(3, "3.30")], Some("SERVICE"), Some("tok-3")),
        answer(vec![day(4, "4.40"), day(5, "5.50")], Some("SERVICE"), None),
    ]);
    let r = m.cost_json(&[], "2026-06-05T12:00:00Z");
    let starts: Vec<&str> = r["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| p["start"].as_str().unwrap())
        .collect();
    assert_eq!(
        starts,
        [
            "2026-06-01",
            "2026-06-02",
            "2026-06-03",
            "2026-06-04",
            "2026-06-05"
        ],
        "every page's days: {r}"
    );
    assert_amount(&r["total"], "16.55", "total of all pages");
    assert_amount(&r["groups"][0]["amount"], "16.50", "EC2 over all pages");
    assert_amount(&r["groups"][1]["amount"], "0.05", "S3 over all pages");

    let asked = m.ce_requests();
    assert_eq!(asked.len(), 3, "one request per page: {asked:?}");
    assert!(asked[0].get("NextPageToken").is_none(), "{}", asked[0]);
    assert_eq!(asked[1]["NextPageToken"], "tok-2", "{}", asked[1]);
    assert_eq!(asked[2]["NextPageToken"], "tok-3", "{}", asked[2]);
    for a in &asked {
        assert_eq!(
            period_of(a),
            ("2026-06-01".into(), "2026-06-06".into()),
            "{a}"
        );
    }

    // The whole paged answer is cached.
    let r = m.cost_json(&[], "2026-06-05T13:00:00Z");
    assert_eq!(r["cached"], true, "{r}");
    assert_eq!(r["periods"].as_array().map(Vec::len), Some(5), "{r}");
    assert_eq!(m.ce_requests().len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Periods: month lengths, year end, leap days.
// ---------------------------------------------------------------------------------------------

#[test]
fn periods_cover_whole_months_and_end_exclusive() {
    let m = Machine::new();
    let cases: &[(&[&str], &str, &str, &str)] = &[
        // (flags, now, start, end)
        (
            &["--month", "2024-02"],
            "2026-06-15T12:00:00Z",
            "2024-02-01",
            "2024-03-01",
        ),
        (
            &["--month", "2023-02"],
            "2026-06-15T12:00:00Z",
            "2023-02-01",
            "2023-03-01",
        ),
        (
            &["--month", "2026-04"],
            "2026-06-15T12:00:00Z",
            "2026-04-01",
            "2026-05-01",
        ),
        (
            &["--month", "2026-01"],
            "2026-06-15T12:00:00Z",
            "2026-01-01",
            "2026-02-01",
        ),
        (
            &["--month", "2025-12"],
            "2026-06-15T12:00:00Z",
            "2025-12-01",
            "2026-01-01",
        ),
        // The current month ends tomorrow.
        (
            &["--month", "2026-06"],
            "2026-06-15T12:00:00Z",
            "2026-06-01",
            "2026-06-16",
        ),
        (
            &["--last-month"],
            "2026-01-15T12:00:00Z",
            "2025-12-01",
            "2026-01-01",
        ),
        (
            &["--last-month"],
            "2025-03-10T12:00:00Z",
            "2025-02-01",
            "2025-03-01",
        ),
        // This month on its last day (a leap day, late evening) and at the year's end.
        (&[], "2024-02-29T23:00:00Z", "2024-02-01", "2024-03-01"),
        (&[], "2025-12-31T12:00:00Z", "2025-12-01", "2026-01-01"),
        (&[], "2026-01-01T00:30:00Z", "2026-01-01", "2026-01-02"),
        // N days ending today, today included.
        (
            &["--last", "7d"],
            "2026-03-01T12:00:00Z",
            "2026-02-23",
            "2026-03-02",
        ),
        (
            &["--last", "1d"],
            "2026-03-01T12:00:00Z",
            "2026-03-01",
            "2026-03-02",
        ),
        (
            &["--last", "366d"],
            "2024-12-31T12:00:00Z",
            "2024-01-01",
            "2025-01-01",
        ),
        (
            &["--start", "2025-12-30", "--end", "2026-01-02"],
            "2026-03-01T12:00:00Z",
            "2025-12-30",
            "2026-01-02",
        ),
    ];
    for (flags, now, start, end) in cases {
        let before = m.ce_requests().len();
        // A store of its own per case: two cases asking for the same period must both ask.
        let data = tempfile::tempdir().expect("tempdir");
        let mut args = vec!["cost"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["--format", "json"]);
        let out = m.run(
            &args,
            now,
            &[("CLOUDOPS_DATA_DIR", Some(data.path().to_str().unwrap()))],
        );
        out.expect(0, &format!("{flags:?} at {now}"));
        let r = out.json();
        assert_eq!(
            (r["query"]["start"].as_str(), r["query"]["end"].as_str()),
            (Some(*start), Some(*end)),
            "{flags:?} at {now}: {r}"
        );
        let asked = m.ce_requests();
        assert_eq!(asked.len(), before + 1, "{flags:?} at {now}: one request");
        assert_eq!(
            period_of(&asked[before]),
            (start.to_string(), end.to_string()),
            "{flags:?} at {now}: what Cost Explorer was asked"
        );
        let past = *end <= &now[..10];
        if past {
            assert!(
                r["forecast"].is_null(),
                "{flags:?} at {now}: no forecast for a period without today: {r}"
            );
        }
    }
}

#[test]
fn the_local_forecast_projects_month_to_date_over_a_leap_february() {
    let m = Machine::new();
    // Ten days (1st-10th, today included), 20.50 in all: 20.50 / 10 × 29 = 59.45.
    let days: Vec<Value> = (1..=10)
        .map(|d| {
            grouped_day(
                &format!("2024-02-{d:02}"),
                &format!("2024-02-{:02}", d + 1),
                &[(EC2, if d == 10 { "2.5" } else { "2.0" })],
                true,
            )
        })
        .collect();
    m.seed(&[answer(days, Some("SERVICE"), None)]);
    let r = m.cost_json(&[], "2024-02-10T12:00:00Z");
    assert_eq!(r["query"]["start"], "2024-02-01", "{r}");
    assert_eq!(r["query"]["end"], "2024-02-11", "{r}");
    assert_amount(&r["total"], "20.5", "month to date");
    let f = &r["forecast"];
    assert_eq!(f["method"], "straight-line", "{r}");
    assert_amount(&f["amount"], "59.45", "20.50 / 10 days × 29 days");
    assert_eq!(f["unit"], "USD", "{r}");
    let t = m.run(&["cost"], "2024-02-10T12:30:00Z", &[]);
    t.expect(0, "table");
    assert!(
        t.stdout.contains("straight-line projection") && t.stdout.contains("59.45"),
        "{}",
        t.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// What the flags ask Cost Explorer for.
// ---------------------------------------------------------------------------------------------

#[test]
fn grouping_metric_and_filters_reach_cost_explorer() {
    let m = Machine::new();
    let now = "2026-03-04T10:00:00Z";
    let r = m.cost_json(
        &[
            "--group-by",
            "usage-type",
            "--metric",
            "amortized",
            "--granularity",
            "monthly",
            "--filter",
            &format!("service={EC2}"),
            "--filter",
            &format!("service={S3}"),
            "--filter",
            "region=us-east-1",
        ],
        now,
    );
    assert_eq!(r["query"]["group_by"], "usage-type", "{r}");
    assert_eq!(r["query"]["metric"], "amortized", "{r}");
    assert_eq!(r["query"]["granularity"], "monthly", "{r}");
    assert_eq!(
        r["query"]["filter"],
        json!([
            {"key": "service", "values": [EC2, S3]},
            {"key": "region", "values": ["us-east-1"]}
        ]),
        "{r}"
    );
    let asked = m.ce_requests();
    let a = asked.last().expect("a request");
    assert_eq!(a["Granularity"], "MONTHLY", "{a}");
    assert_eq!(a["Metrics"], json!(["AmortizedCost"]), "{a}");
    assert_eq!(
        a["GroupBy"],
        json!([{"Type": "DIMENSION", "Key": "USAGE_TYPE"}]),
        "{a}"
    );
    let and = a["Filter"]["And"]
        .as_array()
        .unwrap_or_else(|| panic!("two keys are ANDed: {a}"));
    assert_eq!(and.len(), 2, "{a}");
    assert!(
        and.contains(&json!({"Dimensions": {"Key": "SERVICE", "Values": [EC2, S3]}})),
        "one key's values are ORed: {a}"
    );
    assert!(
        and.contains(&json!({"Dimensions": {"Key": "REGION", "Values": ["us-east-1"]}})),
        "{a}"
    );

    for (flags, metric, group) in [
        (
            &["--metric", "net", "--group-by", "account"][..],
            "NetUnblendedCost",
            json!([{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}]),
        ),
        (
            &["--metric", "blended", "--group-by", "region"][..],
            "BlendedCost",
            json!([{"Type": "DIMENSION", "Key": "REGION"}]),
        ),
    ] {
        m.cost_json(flags, now);
        let a = m.ce_requests().last().cloned().expect("a request");
        assert_eq!(a["Metrics"], json!([metric]), "{flags:?}: {a}");
        assert_eq!(a["GroupBy"], group, "{flags:?}: {a}");
    }

    // One filter key alone: no And; a tag filter.
    m.cost_json(&["--filter", "tag:team=web"], now);
    let a = m.ce_requests().last().cloned().expect("a request");
    assert_eq!(
        a["Filter"],
        json!({"Tags": {"Key": "team", "Values": ["web"]}}),
        "{a}"
    );

    // Ungrouped: a period's total is Cost Explorer's Total.
    m.seed(&[answer(
        vec![
            total_period("2026-03-01", "2026-03-02", "1.0000000001", false),
            total_period("2026-03-02", "2026-03-03", "2.5", false),
            total_period("2026-03-03", "2026-03-05", "0.1", true),
        ],
        None,
        None,
    )]);
    let r = m.cost_json(&["--group-by", "none"], now);
    let a = m.ce_requests().last().cloned().expect("a request");
    assert!(
        a.get("GroupBy").is_none() || a["GroupBy"] == json!([]),
        "no grouping asked: {a}"
    );
    assert!(
        r["query"]["group_by"] == "none" || r["query"]["group_by"].is_null(),
        "{r}"
    );
    assert_amount(&r["total"], "3.6000000001", "ungrouped total");
    assert_amount(&r["periods"][0]["total"], "1.0000000001", "Total of day 1");
    let c = m.run(
        &["cost", "--group-by", "none", "--format", "csv"],
        "2026-03-04T11:00:00Z",
        &[],
    );
    c.expect(0, "ungrouped csv");
    let rows = parse_csv(&c.stdout);
    assert_eq!(rows.len(), 4, "{}", c.stdout);
    assert!(
        rows[1..].iter().all(|r| r.len() == 6 && r[2].is_empty()),
        "group empty when not grouped:\n{}",
        c.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Cost Explorer's own forecast (moto has none: a local server answers in its shape).
// ---------------------------------------------------------------------------------------------

/// Four days of March on EC2 (the last two estimated) and Cost Explorer's forecast of
/// 123.456 USD (80%: 100.5 to 150.25) for the rest of the month, as the fake server answers.
fn march_with_forecast(target: &str) -> (u16, Value) {
    match target {
        "AWSInsightsIndexService.GetCostAndUsage" => (
            200,
            answer(
                vec![
                    grouped_day("2026-03-01", "2026-03-02", &[(EC2, "10.00")], false),
                    grouped_day("2026-03-02", "2026-03-03", &[(EC2, "11.00")], false),
                    grouped_day("2026-03-03", "2026-03-04", &[(EC2, "12.00")], true),
                    grouped_day("2026-03-04", "2026-03-05", &[(EC2, "3.00")], true),
                ],
                Some("SERVICE"),
                None,
            ),
        ),
        "AWSInsightsIndexService.GetCostForecast" => (
            200,
            json!({
                "Total": {"Amount": "123.456", "Unit": "USD"},
                "ForecastResultsByTime": [{
                    "TimePeriod": {"Start": "2026-03-05", "End": "2026-04-01"},
                    "MeanValue": "123.456",
                    "PredictionIntervalLowerBound": "100.5",
                    "PredictionIntervalUpperBound": "150.25"
                }]
            }),
        ),
        _ => (
            400,
            json!({"__type": "UnknownOperationException", "Message": "unknown"}),
        ),
    }
}

#[test]
fn the_aws_forecast_comes_from_get_cost_forecast() {
    let m = Machine::new();
    let ce = FakeCostExplorer::start(|target, _body| march_with_forecast(target));
    let url = ce.url();
    let env = [("AWS_ENDPOINT_URL_COST_EXPLORER", Some(url.as_str()))];
    let now = "2026-03-04T10:00:00Z";

    let out = m.run(
        &["cost", "--forecast", "aws", "--format", "json"],
        now,
        &env,
    );
    out.expect(0, "cost --forecast aws");
    let r = out.json();
    assert_eq!(r["query"]["account"], m.account(), "STS on moto: {r}");
    assert_amount(&r["total"], "36.00", "month to date from the local server");
    let f = &r["forecast"];
    assert_eq!(f["method"], "aws", "{r}");
    // The month's end: month-to-date actual (36.00, today included) plus Cost Explorer's
    // forecast for the days to come.
    assert_amount(&f["amount"], "159.456", "36.00 + Cost Explorer's 123.456");
    assert_amount(&f["lower"], "136.5", "36.00 + lower bound 100.5");
    assert_amount(&f["upper"], "186.25", "36.00 + upper bound 150.25");
    assert_eq!(f["unit"], "USD", "{r}");
    assert_eq!(f["start"], "2026-03-01", "{r}");
    assert_eq!(f["end"], "2026-04-01", "{r}");

    let asked = ce.requests("GetCostForecast");
    assert_eq!(asked.len(), 1, "one GetCostForecast: {asked:?}");
    let a = &asked[0];
    let (start, end) = period_of(a);
    assert_eq!(
        start, "2026-03-05",
        "the forecast covers the days after today (today's spend is in the actual): {a}"
    );
    assert_eq!(end, "2026-04-01", "to the end of the month: {a}");
    assert_eq!(a["Metric"], "UNBLENDED_COST", "{a}");
    assert_eq!(ce.requests("GetCostAndUsage").len(), 1);

    // Both answers are cached: the table makes no request at all.
    let seen = ce.all();
    let t = m.run(&["cost", "--forecast", "aws"], "2026-03-04T11:00:00Z", &env);
    t.expect(0, "cost --forecast aws (table)");
    assert!(
        t.stdout.contains("Cost Explorer forecast"),
        "labelled:\n{}",
        t.stdout
    );
    assert!(t.stdout.contains("159.4"), "{}", t.stdout);
    assert_eq!(ce.all(), seen, "the forecast is cached too");

    // On the month's last day there are no days to come: the actual, nothing asked.
    let out = m.run(
        &["cost", "--forecast", "aws", "--format", "json"],
        "2026-03-31T12:00:00Z",
        &env,
    );
    out.expect(0, "--forecast aws on the last day");
    let f = &out.json()["forecast"];
    assert_eq!(f["method"], "aws", "{f}");
    assert_amount(&f["amount"], "36.00", "the month-to-date actual");
    assert_eq!(
        ce.requests("GetCostForecast").len(),
        1,
        "nothing to forecast"
    );
    // A month-end forecast is about the current month: asking for Cost Explorer's on another
    // period is refused up front (64, naming the flag), and nothing is asked for.
    let out = m.run(
        &[
            "cost",
            "--last-month",
            "--forecast",
            "aws",
            "--format",
            "json",
        ],
        now,
        &env,
    );
    out.expect(64, "last month with --forecast aws");
    assert!(out.stderr.contains("--forecast aws"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert_eq!(ce.requests("GetCostForecast").len(), 1);

    assert!(
        m.ce_requests().is_empty(),
        "nothing reached moto's Cost Explorer"
    );
}

// ---------------------------------------------------------------------------------------------
// Refusals.
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_flags_exit_64_naming_the_flag_and_ask_nothing() {
    let m = Machine::new();
    let now = "2026-03-04T10:00:00Z";
    let cases: &[(&[&str], &[&str])] = &[
        (&["--month", "2026-13"], &["--month"]),
        (&["--month", "2026-00"], &["--month"]),
        (&["--month", "26-01"], &["--month"]),
        (&["--month", "2026-1"], &["--month"]),
        (&["--month", "2026-04"], &["--month"]),
        (&["--month", "2030-01"], &["--month"]),
        (
            &["--start", "2026-02-10", "--end", "2026-02-01"],
            &["--start", "--end"],
        ),
        (
            &["--start", "2026-02-10", "--end", "2026-02-10"],
            &["--start", "--end"],
        ),
        (
            &["--start", "2026-02-30", "--end", "2026-03-02"],
            &["--start"],
        ),
        (&["--start", "2026-02-01", "--end", "tomorrow"], &["--end"]),
        (&["--last", "0d"], &["--last"]),
        (&["--last", "367d"], &["--last"]),
        (&["--last=-3d"], &["--last"]),
        (&["--last", "xd"], &["--last"]),
        (&["--group-by", "colour"], &["--group-by"]),
        (&["--group-by", "tag:"], &["--group-by"]),
        (&["--filter", "nokey"], &["--filter"]),
        (&["--filter", "colour=red"], &["--filter"]),
        (&["--metric", "gross"], &["--metric"]),
        (&["--granularity", "hourly"], &["--granularity"]),
        (&["--forecast", "maybe"], &["--forecast"]),
        (&["--format", "sarif"], &["--format"]),
        (&["--format", "markdown"], &["--format"]),
        (
            &["--month", "2026-01", "--last-month"],
            &["--month", "--last-month"],
        ),
        (
            &["--last-month", "--last", "7d"],
            &["--last-month", "--last"],
        ),
    ];
    for (flags, names) in cases {
        let mut args = vec!["cost"];
        args.extend_from_slice(flags);
        let out = m.run(&args, now, &[]);
        out.expect(64, &format!("{flags:?}"));
        assert!(
            names.iter().any(|n| out.stderr.contains(n)),
            "{flags:?}: the message names {names:?}: {}",
            out.stderr
        );
        assert!(
            !out.stdout.contains("USD"),
            "{flags:?}: no report: {}",
            out.stdout
        );
    }
    assert!(
        m.ce_requests().is_empty(),
        "a usage error costs no Cost Explorer request: {:?}",
        m.ce_requests()
    );
}

#[test]
fn a_cost_explorer_error_exits_1_and_is_never_shown_as_zero() {
    let m = Machine::new();
    let now = "2026-03-04T10:00:00Z";
    let denied = FakeCostExplorer::start(|_, _| {
        (
            400,
            json!({
                "__type": "AccessDeniedException",
                "Message": "User: arn:aws:sts::000000000000:assumed-role/t/x is not authorized to perform: ce:GetCostAndUsage"
            }),
        )
    });
    let url = denied.url();
    let gone = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", l.local_addr().expect("addr"))
    };
    for (what, endpoint) in [
        ("access denied", url.as_str()),
        ("nothing listening", &gone),
    ] {
        let env = [
            ("AWS_ENDPOINT_URL_COST_EXPLORER", Some(endpoint)),
            ("AWS_MAX_ATTEMPTS", Some("2")),
        ];
        for format in ["json", "table", "csv"] {
            let out = m.run(&["cost", "--format", format], now, &env);
            out.expect(1, &format!("{what} ({format})"));
            assert!(
                !out.stdout.contains("\"total\"")
                    && !out.stdout.contains("0.00")
                    && !out.stdout.contains("USD"),
                "{what} ({format}): no figures at all: {}",
                out.stdout
            );
            assert!(
                out.stderr.contains("Cost Explorer") || out.stderr.contains("GetCostAndUsage"),
                "{what} ({format}): says what failed: {}",
                out.stderr
            );
        }
    }
    assert!(
        denied.requests("GetCostAndUsage").len() >= 3,
        "the local server was asked"
    );

    // Nothing was cached by the failures: the next run asks (moto, seeded) and shows it.
    m.seed(&[answer(
        vec![grouped_day(
            "2026-03-01",
            "2026-03-05",
            &[(EC2, "4.20")],
            true,
        )],
        Some("SERVICE"),
        None,
    )]);
    let r = m.cost_json(&[], now);
    assert_eq!(r["cached"], false, "{r}");
    assert_amount(&r["total"], "4.20", "after the failures");
    assert_eq!(m.ce_requests().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// A cache that cannot be opened, answers that cannot be read, the forecast's cache key.
// ---------------------------------------------------------------------------------------------

/// The embedded store cannot be opened (the data directory is a regular file): the answer
/// still comes, with a warning (not with --quiet), and every run asks Cost Explorer.
#[test]
fn a_cost_cache_that_cannot_be_opened_costs_requests_not_the_answer() {
    let m = Machine::new();
    let now = "2026-03-04T10:00:00Z";
    m.seed(&[answer(
        vec![grouped_day(
            "2026-03-01",
            "2026-03-05",
            &[(EC2, "4.20")],
            true,
        )],
        Some("SERVICE"),
        None,
    )]);
    let file = m.root.path().join("not-a-directory");
    std::fs::write(&file, b"a regular file\n").expect("write");
    let env = [("CLOUDOPS_DATA_DIR", Some(file.to_str().expect("utf8")))];

    for (n, quiet) in [(1, false), (2, false), (3, true)] {
        let mut args = vec!["cost", "--format", "json"];
        if quiet {
            args.push("--quiet");
        }
        let out = m.run(&args, now, &env);
        out.expect(0, &format!("run {n} with an unusable data dir"));
        let r = out.json();
        assert_amount(&r["total"], "4.20", "the answer");
        assert_eq!(r["cached"], false, "{r}");
        if quiet {
            assert!(
                !out.stderr.contains("warning") && !out.stderr.contains("cost cache"),
                "--quiet: no warning: {}",
                out.stderr
            );
        } else {
            assert!(
                out.stderr.contains("warning") && out.stderr.contains("cost cache"),
                "run {n}: warns about the cost cache: {}",
                out.stderr
            );
        }
        assert_eq!(
            m.ce_requests().len(),
            n,
            "run {n}: nothing cached, asked again"
        );
    }
    assert!(
        std::fs::read(&file).expect("read") == b"a regular file\n",
        "the file is left as it was"
    );
}

/// A group or Total without the asked-for metric is an answer cloudops cannot read: exit 1,
/// never a total of $0.
#[test]
fn an_answer_without_the_asked_metric_is_an_error_not_zero() {
    let m = Machine::new();
    let now = "2026-03-04T10:00:00Z";
    let blended = json!({"BlendedCost": {"Amount": "4.20", "Unit": "USD"}});
    m.seed(&[
        answer(
            vec![json!({
                "TimePeriod": {"Start": "2026-03-01", "End": "2026-03-05"},
                "Total": {},
                "Groups": [{"Keys": [EC2], "Metrics": blended}],
                "Estimated": true
            })],
            Some("SERVICE"),
            None,
        ),
        answer(
            vec![json!({
                "TimePeriod": {"Start": "2026-03-01", "End": "2026-03-05"},
                "Total": blended,
                "Groups": [],
                "Estimated": true
            })],
            None,
            None,
        ),
    ]);
    for (what, flags) in [
        ("a group lacks UnblendedCost", &[][..]),
        ("the Total lacks UnblendedCost", &["--group-by", "none"][..]),
    ] {
        for format in ["json", "table"] {
            let mut args = vec!["cost"];
            args.extend_from_slice(flags);
            args.extend_from_slice(&["--format", format]);
            let out = m.run(&args, now, &[]);
            out.expect(1, &format!("{what} ({format})"));
            assert!(
                out.stderr.contains("cannot read") && out.stderr.contains("UnblendedCost"),
                "{what} ({format}): says the answer cannot be read: {}",
                out.stderr
            );
            assert!(
                !out.stdout.contains("\"total\"")
                    && !out.stdout.contains("USD")
                    && !out.stdout.contains("0.00")
                    && !out.stdout.contains("4.2"),
                "{what} ({format}): no total at all: {}",
                out.stdout
            );
        }
    }
    assert_eq!(
        m.ce_requests().len(),
        4,
        "an unreadable answer is not cached: {:?}",
        m.ce_requests()
    );
}

/// The forecast depends on the period, metric and filter only: the same month asked for
/// with another grouping and granularity reuses the cached GetCostForecast answer.
#[test]
fn the_forecast_cache_ignores_grouping_and_granularity() {
    let m = Machine::new();
    let ce = FakeCostExplorer::start(|target, body| match target {
        "AWSInsightsIndexService.GetCostAndUsage" if body["Granularity"] == "MONTHLY" => (
            200,
            json!({
                "GroupDefinitions": [{"Type": "DIMENSION", "Key": "REGION"}],
                "ResultsByTime": [{
                    "TimePeriod": {"Start": "2026-03-01", "End": "2026-03-05"},
                    "Total": {},
                    "Groups": [
                        {"Keys": ["us-east-1"], "Metrics": {"UnblendedCost": {"Amount": "30.00", "Unit": "USD"}}},
                        {"Keys": ["eu-west-1"], "Metrics": {"UnblendedCost": {"Amount": "6.00", "Unit": "USD"}}}
                    ],
                    "Estimated": true
                }],
                "DimensionValueAttributes": []
            }),
        ),
        t => march_with_forecast(t),
    });
    let url = ce.url();
    let env = [("AWS_ENDPOINT_URL_COST_EXPLORER", Some(url.as_str()))];
    let now = "2026-03-04T10:00:00Z";

    let first = m.run(
        &["cost", "--forecast", "aws", "--format", "json"],
        now,
        &env,
    );
    first.expect(0, "cost --forecast aws");
    let r = first.json();
    assert_eq!(r["forecast"]["method"], "aws", "{r}");
    assert_amount(&r["forecast"]["amount"], "159.456", "36.00 + 123.456");

    let second = m.run(
        &[
            "cost",
            "--forecast",
            "aws",
            "--group-by",
            "region",
            "--granularity",
            "monthly",
            "--format",
            "json",
        ],
        "2026-03-04T10:30:00Z",
        &env,
    );
    second.expect(0, "the same month by region, monthly");
    let r = second.json();
    assert_eq!(r["query"]["group_by"], "region", "{r}");
    assert_eq!(r["query"]["granularity"], "monthly", "{r}");
    assert_amount(&r["total"], "36.00", "by region");
    assert_eq!(r["forecast"]["method"], "aws", "{r}");
    assert_amount(&r["forecast"]["amount"], "159.456", "the cached forecast");

    assert_eq!(
        ce.requests("GetCostAndUsage").len(),
        2,
        "another grouping is another usage query"
    );
    assert_eq!(
        ce.requests("GetCostForecast").len(),
        1,
        "one GetCostForecast for both: {:?}",
        ce.requests("GetCostForecast")
    );
}

/// Values that would overflow the calendar or read as flags are usage errors naming what was
/// wrong, never a panic.
#[test]
fn out_of_range_clocks_and_signed_day_counts_exit_64() {
    let m = Machine::new();
    let out = m.run(&["cost", "--format", "json"], "9999-12-30T12:00:00Z", &[]);
    out.expect(64, "CLOUDOPS_NOW in the year 9999");
    assert!(out.stderr.contains("CLOUDOPS_NOW"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);

    let now = "2026-03-04T10:00:00Z";
    for flags in [&["--last=+5d"][..], &["--last", "+5d"][..]] {
        let mut args = vec!["cost"];
        args.extend_from_slice(flags);
        let out = m.run(&args, now, &[]);
        out.expect(64, &format!("{flags:?}"));
        assert!(out.stderr.contains("--last"), "{flags:?}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    }
    assert!(m.ce_requests().is_empty(), "{:?}", m.ce_requests());
}

/// Without any AWS credentials the run stops at the account lookup, with one line saying so
/// and what to set — not the SDK's chain dump, and no Cost Explorer request.
#[test]
fn no_credentials_is_one_clear_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = support::cloudops()
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("CLOUDOPS_DATA_DIR", dir.path().join("data"))
        .env("CLOUDOPS_CONFIG_DIR", dir.path().join("config"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", dir.path().join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", dir.path().join("none"))
        .args(["cost", "--store", "local"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no usable AWS credentials"), "{stderr}");
    assert!(stderr.contains("AWS_PROFILE"), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

// ---------------------------------------------------------------------------------------------
// AWS out of reach: the account is remembered, so a cached answer needs no network.
// ---------------------------------------------------------------------------------------------

/// A port nothing listens on: AWS "stopped" after the first call.
fn nothing_listening() -> String {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    format!("http://{}", l.local_addr().expect("addr"))
}

#[test]
fn a_cached_answer_is_shown_with_aws_out_of_reach_and_a_miss_is_the_clear_error() {
    let m = Machine::new();
    m.seed(&[answer(
        vec![grouped_day(
            "2026-06-10",
            "2026-06-11",
            &[(EC2, "7.40")],
            true,
        )],
        Some("SERVICE"),
        None,
    )]);
    let first = m.cost_json(&[], "2026-06-10T08:00:00Z");
    assert_eq!(first["cached"], false, "{first}");
    assert_eq!(m.ce_requests().len(), 1);

    let gone = nothing_listening();
    let offline = [
        ("AWS_ENDPOINT_URL", Some(gone.as_str())),
        ("AWS_MAX_ATTEMPTS", Some("1")),
    ];
    // Three hours later, AWS unreachable: the cached answer, marked, with its age on stderr.
    let out = m.run(
        &["cost", "--format", "json"],
        "2026-06-10T11:00:00Z",
        &offline,
    );
    out.expect(0, "cached answer offline");
    let r = out.json();
    assert_eq!(r["cached"], true, "{r}");
    assert_amount(&r["total"], "7.40", "offline, from the cache");
    assert!(
        out.stderr.contains("from the cache (3h00 old)"),
        "stderr names the cache age: {}",
        out.stderr
    );
    let table = m.run(&["cost"], "2026-06-10T11:00:00Z", &offline);
    table.expect(0, "cached table offline");
    assert!(
        table.stdout.contains("cached, 3h00 ago"),
        "{}",
        table.stdout
    );
    assert_eq!(
        m.ce_requests().len(),
        1,
        "nothing more reached Cost Explorer"
    );

    // What the cache remembers names no credential: neither key ID nor secret nor token.
    let db = std::fs::read(m.data_dir().join("cloudops.db")).expect("the local cache");
    let db = String::from_utf8_lossy(&db);
    for (what, v) in [
        ("access key ID", &m.creds.access_key_id),
        ("secret", &m.creds.secret_access_key),
        ("session token", &m.creds.session_token),
    ] {
        assert!(!db.contains(v.as_str()), "the cache holds the {what}");
    }

    // A query the cache has no answer for: the clear error, no figures.
    let miss = m.run(
        &["cost", "--last-month", "--format", "json"],
        "2026-06-10T11:00:00Z",
        &offline,
    );
    miss.expect(1, "a cache miss offline");
    assert!(miss.stdout.is_empty(), "{}", miss.stdout);
    assert!(
        miss.stderr.contains("GetCostAndUsage") && miss.stderr.contains("cannot connect"),
        "says what failed and why: {}",
        miss.stderr
    );

    // Other credentials with no memo: STS is asked, and its failure is the clear error.
    let other = Machine::new();
    let cold = other.run(
        &["cost", "--format", "json"],
        "2026-06-10T11:00:00Z",
        &offline,
    );
    cold.expect(1, "no cache at all offline");
    assert!(
        cold.stderr.contains("GetCallerIdentity") && cold.stderr.contains("cannot connect"),
        "{}",
        cold.stderr
    );
}
