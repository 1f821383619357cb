//! The behaviour every `Store` backend must share, written once and instantiated per backend
//! (`store_contract!(name, opener)`), plus the SQLite backend's own promises about files it
//! must refuse and never touch.
//!
//! Time is always passed in explicitly, so expiry is tested by handing the store later
//! instants rather than by sleeping.

#[path = "support/moto.rs"]
mod moto;
mod support;

use std::collections::{BTreeSet, HashSet};
use std::io::Write;
use std::path::Path;
use std::sync::{Barrier, OnceLock};

use cloudops::plan::report::{Gate, Report, Severity};
use cloudops::plan::{analyze_documents, sniff, AnalyzeOptions, Sniffed};
use cloudops::store::sqlite::SqliteStore;
use cloudops::store::{
    Cursor, FindingCounts, ListQuery, NewPlan, PlanMeta, Saved, Store, StoreError, ID_LEN,
    MIN_PREFIX,
};
use jiff::Timestamp;
use sha2::{Digest, Sha256};

// ---------------------------------------------------------------------------------------------
// Shared fixtures: real analyser output, explicit instants.
// ---------------------------------------------------------------------------------------------

/// A plan as `plan analyze --save` would hand it over: the fixture's bytes and its report.
struct Analyzed {
    bytes: Vec<u8>,
    report: Report,
}

fn analyzed(name: &str) -> Analyzed {
    let bytes = std::fs::read(support::fixture(name)).expect("fixture readable");
    let docs = match sniff(Box::new(std::io::Cursor::new(bytes.clone()))).expect("sniff") {
        Sniffed::Text(docs) => docs,
        _ => panic!("{name} is not a JSON plan"),
    };
    let report = analyze_documents(docs, name, &AnalyzeOptions::default()).expect("analyses");
    Analyzed { bytes, report }
}

/// 55 additions, high and medium findings, terraform 0.12.23; saved with a failed gate.
fn rich() -> &'static Analyzed {
    static R: OnceLock<Analyzed> = OnceLock::new();
    R.get_or_init(|| {
        let mut a = analyzed("checkov__tests__terraform__runner__tfplan2.json");
        a.report.gate = Some(Gate {
            fail_on: Some(Severity::High),
            max_destroy: None,
            failed: true,
            reasons: vec!["findings at or above high".to_string()],
        });
        a
    })
}

/// One critical finding (a destroy), no gate.
fn small() -> &'static Analyzed {
    static S: OnceLock<Analyzed> = OnceLock::new();
    S.get_or_init(|| {
        analyzed("checkov__tests__terraform__runner__resources__plan_with_deleted_resources__tfplan.json")
    })
}

fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

/// The small plan under a digest of its own: `n` distinguishes otherwise identical plans.
fn numbered(workspace: &str, n: usize, expires_at: Option<Timestamp>) -> NewPlan {
    NewPlan {
        saved_at: None,
        workspace: workspace.to_string(),
        plan_sha256: sha256_hex(format!("plan number {n}").as_bytes()),
        source: format!("plan-{n}.json"),
        terraform_version: Some("1.2.4".to_string()),
        report: small().report.clone(),
        raw_plan_gz: None,
        expires_at,
    }
}

/// A fixed, millisecond-aligned origin: every instant in the suite is `T0` plus an offset.
fn t0() -> Timestamp {
    "2025-06-01T12:00:00Z".parse().expect("timestamp")
}

fn at_ms(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(t0().as_millisecond() + ms).expect("in range")
}

fn at_s(s: i64) -> Timestamp {
    at_ms(s * 1000)
}

fn all() -> ListQuery {
    ListQuery::default()
}

fn ids(entries: &[PlanMeta]) -> Vec<String> {
    entries.iter().map(|m| m.id.clone()).collect()
}

fn created(s: Saved) -> PlanMeta {
    match s {
        Saved::Created(m) => m,
        other => panic!("expected a new entry, got {other:?}"),
    }
}

fn list_all<S: Store>(store: &S, now: Timestamp) -> Vec<PlanMeta> {
    let page = store.list_plans(&all(), now).expect("list");
    assert!(page.next.is_none(), "limit 0 lists everything in one page");
    page.entries
}

#[track_caller]
fn assert_not_found<T: std::fmt::Debug>(r: Result<T, StoreError>, input: &str) {
    match r {
        Err(StoreError::NotFound { id }) => assert_eq!(id, input, "NotFound names the input"),
        other => panic!("{input:?}: expected NotFound, got {other:?}"),
    }
}

#[track_caller]
fn assert_bad_id<T: std::fmt::Debug>(r: Result<T, StoreError>, input: &str) {
    match r {
        Err(StoreError::BadId { id }) => assert_eq!(id, input, "BadId names the input"),
        other => panic!("{input:?}: expected BadId, got {other:?}"),
    }
}

/// Walks every page of `q` with page size `limit`, checking each page's shape, and returns
/// the concatenated entries. The cursor goes through its user-visible token on the way.
fn walk<S: Store>(store: &S, q: &ListQuery, limit: usize, now: Timestamp) -> Vec<PlanMeta> {
    let mut q = ListQuery {
        limit,
        cursor: None,
        ..q.clone()
    };
    let mut out = Vec::new();
    for _ in 0..10_000 {
        let page = store.list_plans(&q, now).expect("list page");
        assert!(
            page.entries.len() <= limit,
            "page larger than limit {limit}"
        );
        match page.next {
            Some(next) => {
                assert_eq!(page.entries.len(), limit, "only the last page may be short");
                assert_eq!(
                    &next,
                    &Cursor::after(page.entries.last().expect("non-empty"))
                );
                let reparsed = Cursor::parse(&next.token()).expect("token parses");
                assert_eq!(reparsed, next, "cursor survives its token");
                out.extend(page.entries);
                q.cursor = Some(reparsed);
            }
            None => {
                out.extend(page.entries);
                return out;
            }
        }
    }
    panic!("pagination with limit {limit} never ended");
}

// ---------------------------------------------------------------------------------------------
// The contract. Each check receives `open`: every call opens another handle on one fresh,
// empty store location that belongs to this test alone (as another process would).
// ---------------------------------------------------------------------------------------------

mod contract {
    use super::*;

    pub type Open<'a, S> = &'a (dyn Fn() -> S + Sync);

    pub fn save_then_get_round_trips<S: Store>(open: Open<'_, S>) {
        let store = open();
        let a = rich();
        let gz = gzip(&a.bytes);
        let plan = NewPlan {
            saved_at: None,
            workspace: "prod/eu-west-1 ✓".to_string(),
            plan_sha256: sha256_hex(&a.bytes),
            source: "plans/tfplan2.json".to_string(),
            terraform_version: Some("0.12.23".to_string()),
            report: a.report.clone(),
            raw_plan_gz: Some(gz.clone()),
            expires_at: Some(at_s(30 * 86_400)),
        };
        let meta = created(store.save_plan(plan.clone(), t0()).expect("save"));

        assert_eq!(meta.id.len(), ID_LEN, "{}", meta.id);
        assert!(cloudops::store::is_id_text(&meta.id), "{}", meta.id);

        // The metadata, derived here independently of the store's helpers.
        let count =
            |s: Severity| a.report.findings.iter().filter(|f| f.severity == s).count() as u64;
        let findings = FindingCounts {
            critical: count(Severity::Critical),
            high: count(Severity::High),
            medium: count(Severity::Medium),
            low: count(Severity::Low),
            info: count(Severity::Info),
        };
        assert!(
            findings.high > 0 && findings.medium > 0,
            "fixture has findings: {findings:?}"
        );
        assert_eq!(a.report.summary.add, 55, "fixture summary");
        let expected = PlanMeta {
            note: None,
            id: meta.id.clone(),
            workspace: "prod/eu-west-1 ✓".to_string(),
            saved_at: t0(),
            expires_at: Some(at_s(30 * 86_400)),
            plan_sha256: sha256_hex(&a.bytes),
            source: "plans/tfplan2.json".to_string(),
            terraform_version: Some("0.12.23".to_string()),
            summary: a.report.summary,
            findings,
            gate_failed: true,
            has_raw_plan: true,
        };
        assert_eq!(meta, expected, "save returns the entry's metadata");

        let got = store.get_plan(&meta.id, at_s(1)).expect("get by full ID");
        assert_eq!(got.meta, expected);
        assert_eq!(got.report, a.report, "report round-trips");
        assert_eq!(
            got.raw_plan_gz.as_deref(),
            Some(gz.as_slice()),
            "raw plan bytes round-trip"
        );

        let upper = meta.id.to_ascii_uppercase();
        for input in [
            meta.id[..MIN_PREFIX].to_string(),
            meta.id[..7].to_string(),
            upper[..MIN_PREFIX].to_string(),
            upper.clone(),
            format!("  {}\n", &meta.id[..5]),
        ] {
            let got = store
                .get_plan(&input, at_s(1))
                .unwrap_or_else(|e| panic!("get {input:?}: {e:?}"));
            assert_eq!(got.meta.id, meta.id, "{input:?}");
        }

        // A second, plainer entry: no raw plan, no version, no gate, no expiry.
        let b = small();
        let plain = NewPlan {
            saved_at: None,
            workspace: "default".to_string(),
            plan_sha256: sha256_hex(&b.bytes),
            source: "-".to_string(),
            terraform_version: None,
            report: b.report.clone(),
            raw_plan_gz: None,
            expires_at: None,
        };
        let meta2 = created(store.save_plan(plain, at_s(2)).expect("save"));
        assert_ne!(meta2.id, meta.id);
        let got2 = store.get_plan(&meta2.id, at_s(3)).expect("get");
        assert_eq!(got2.meta, meta2);
        assert_eq!(got2.meta.saved_at, at_s(2));
        assert_eq!(got2.meta.expires_at, None);
        assert_eq!(got2.meta.terraform_version, None);
        assert!(!got2.meta.gate_failed && !got2.meta.has_raw_plan);
        assert_eq!(
            got2.meta.findings,
            FindingCounts {
                critical: 1,
                ..FindingCounts::default()
            }
        );
        assert_eq!(got2.report, b.report);
        assert_eq!(got2.raw_plan_gz, None);

        // Listings carry exactly the same metadata.
        assert_eq!(list_all(&store, at_s(3)), vec![meta2, expected]);
    }

    /// `Timestamp::now()` has sub-millisecond precision: what `save_plan` returns must still
    /// be what `get_plan` and `list_plans` return afterwards, and expire when it says.
    pub fn saved_meta_matches_stored_meta_at_any_precision<S: Store>(open: Open<'_, S>) {
        let store = open();
        let now = t0()
            .checked_add(jiff::SignedDuration::from_nanos(123_456_789))
            .expect("in range");
        let expires = now
            .checked_add(jiff::SignedDuration::from_nanos(86_400_000_000_789))
            .expect("in range");
        let meta = created(
            store
                .save_plan(numbered("w", 1, Some(expires)), now)
                .expect("save"),
        );
        let got = store.get_plan(&meta.id, now).expect("get");
        assert_eq!(got.meta, meta, "get returns what save returned");
        assert_eq!(
            list_all(&store, now),
            vec![meta.clone()],
            "list returns what save returned"
        );
        match store
            .save_plan(numbered("w", 1, Some(expires)), now)
            .expect("save again")
        {
            Saved::AlreadySaved(m) => assert_eq!(m, meta, "dedup returns what save returned"),
            other => panic!("expected AlreadySaved, got {other:?}"),
        }
        // Expiry agrees with the metadata too, even within the expiry's millisecond.
        for ns in [-1_000_000, -300_000, -1, 0, 1] {
            let when = meta
                .expires_at
                .expect("expires")
                .checked_add(jiff::SignedDuration::from_nanos(ns))
                .expect("in range");
            let gettable = store.get_plan(&meta.id, when).is_ok();
            assert_eq!(gettable, !meta.expired(when), "at expiry {ns:+}ns");
        }
    }

    pub fn same_plan_same_workspace_is_saved_once<S: Store>(open: Open<'_, S>) {
        let store = open();
        let a = rich();
        let first = NewPlan {
            saved_at: None,
            workspace: "prod".to_string(),
            plan_sha256: sha256_hex(&a.bytes),
            source: "first.json".to_string(),
            terraform_version: Some("0.12.23".to_string()),
            report: a.report.clone(),
            raw_plan_gz: None,
            expires_at: Some(at_s(3600)),
        };
        let original = created(store.save_plan(first.clone(), t0()).expect("save"));

        // Same digest and workspace, everything else different: the entry stays as it was
        // (ID, time, report, source) but takes what this save asks for beyond it: the plan
        // itself when it was not kept, and the longer retention.
        let kept_plan = gzip(b"{}");
        let again = NewPlan {
            source: "second.json".to_string(),
            terraform_version: None,
            report: small().report.clone(),
            raw_plan_gz: Some(kept_plan.clone()),
            expires_at: Some(at_s(7200)),
            ..first.clone()
        };
        let refreshed = PlanMeta {
            expires_at: Some(at_s(7200)),
            has_raw_plan: true,
            ..original.clone()
        };
        match store
            .save_plan(again.clone(), at_s(60))
            .expect("save again")
        {
            Saved::AlreadySaved(m) => assert_eq!(m, refreshed, "the original entry, extended"),
            other => panic!("expected AlreadySaved, got {other:?}"),
        }
        assert_eq!(
            list_all(&store, at_s(61)),
            vec![refreshed.clone()],
            "no new entry"
        );
        let got = store.get_plan(&original.id, at_s(61)).expect("get");
        assert_eq!(got.report, a.report, "report not overwritten");
        assert_eq!(got.raw_plan_gz, Some(kept_plan.clone()), "raw plan added");
        // Alive past the first expiry, gone after the second.
        assert!(store.get_plan(&original.id, at_s(3600)).is_ok());
        // A shorter retention or another raw plan never shrinks or replaces what is kept.
        let shorter = NewPlan {
            raw_plan_gz: Some(gzip(b"[]")),
            expires_at: Some(at_s(5000)),
            ..again.clone()
        };
        match store
            .save_plan(shorter, at_s(62))
            .expect("save a third time")
        {
            Saved::AlreadySaved(m) => assert_eq!(m, refreshed),
            other => panic!("expected AlreadySaved, got {other:?}"),
        }
        let got = store.get_plan(&original.id, at_s(63)).expect("get");
        assert_eq!(
            got.raw_plan_gz,
            Some(kept_plan),
            "the first kept plan stays"
        );
        // Keep-forever wins over any expiry.
        let forever = NewPlan {
            expires_at: None,
            ..again
        };
        match store.save_plan(forever, at_s(64)).expect("save forever") {
            Saved::AlreadySaved(m) => assert_eq!(m.expires_at, None),
            other => panic!("expected AlreadySaved, got {other:?}"),
        }
        assert!(store.get_plan(&original.id, at_s(1_000_000)).is_ok());
        store.delete_plan(&original.id, at_s(65)).expect("delete");
        let original = created(store.save_plan(first.clone(), t0()).expect("save"));

        // The same plan in another workspace is another entry.
        let other_ws = NewPlan {
            workspace: "staging".to_string(),
            ..first.clone()
        };
        let staging = created(store.save_plan(other_ws, at_s(120)).expect("save"));
        assert_ne!(staging.id, original.id);
        assert_eq!(staging.plan_sha256, original.plan_sha256);
        assert_eq!(
            list_all(&store, at_s(121)),
            vec![staging.clone(), original.clone()]
        );

        // And a different plan in the same workspace too.
        let different = created(
            store
                .save_plan(numbered("prod", 7, None), at_s(180))
                .expect("save"),
        );
        assert_eq!(
            ids(&list_all(&store, at_s(181))),
            vec![different.id, staging.id, original.id]
        );
    }

    pub fn list_is_newest_first_and_filters<S: Store>(open: Open<'_, S>) {
        let store = open();
        // Saved out of order on purpose: the listing sorts by saved_at, not insertion.
        let mut saved = Vec::new();
        for (n, minute) in [3, 0, 5, 1, 4, 2].into_iter().enumerate() {
            let ws = if minute % 2 == 0 { "even" } else { "odd" };
            saved.push(created(
                store
                    .save_plan(numbered(ws, n, None), at_s(minute * 60))
                    .expect("save"),
            ));
        }
        let by_minute = |ms: &[i64]| -> Vec<String> {
            ms.iter()
                .map(|m| {
                    saved
                        .iter()
                        .find(|e| e.saved_at == at_s(m * 60))
                        .expect("saved")
                        .id
                        .clone()
                })
                .collect()
        };
        let now = at_s(3600);

        assert_eq!(ids(&list_all(&store, now)), by_minute(&[5, 4, 3, 2, 1, 0]));

        let q = |workspace: Option<&str>, since: Option<Timestamp>| ListQuery {
            workspace: workspace.map(str::to_string),
            since,
            ..all()
        };
        let list = |q: &ListQuery| {
            let page = store.list_plans(q, now).expect("list");
            assert!(page.next.is_none());
            ids(&page.entries)
        };
        assert_eq!(list(&q(Some("even"), None)), by_minute(&[4, 2, 0]));
        assert_eq!(list(&q(Some("odd"), None)), by_minute(&[5, 3, 1]));
        assert_eq!(list(&q(Some("nope"), None)), Vec::<String>::new());
        // `since` is inclusive.
        assert_eq!(list(&q(None, Some(at_s(180)))), by_minute(&[5, 4, 3]));
        assert_eq!(list(&q(None, Some(at_ms(180_001)))), by_minute(&[5, 4]));
        assert_eq!(list(&q(Some("even"), Some(at_s(120)))), by_minute(&[4, 2]));
        assert_eq!(list(&q(None, Some(at_s(3600)))), Vec::<String>::new());

        // A limit equal to the number of entries needs no second page.
        let page = store
            .list_plans(&ListQuery { limit: 6, ..all() }, now)
            .expect("list");
        assert_eq!(ids(&page.entries), by_minute(&[5, 4, 3, 2, 1, 0]));
        assert!(page.next.is_none(), "nothing follows the last entry");
        let page = store
            .list_plans(&ListQuery { limit: 5, ..all() }, now)
            .expect("list");
        assert_eq!(ids(&page.entries), by_minute(&[5, 4, 3, 2, 1]));
        assert!(page.next.is_some(), "one entry follows");
    }

    pub fn a_huge_limit_lists_everything<S: Store>(open: Open<'_, S>) {
        let store = open();
        for n in 0..3 {
            store
                .save_plan(numbered("w", n, None), at_s(n as i64))
                .expect("save");
        }
        for limit in [1_000_000, u32::MAX as usize, i64::MAX as usize, usize::MAX] {
            let page = store
                .list_plans(&ListQuery { limit, ..all() }, at_s(10))
                .unwrap_or_else(|e| panic!("limit {limit}: {e:?}"));
            assert_eq!(page.entries.len(), 3, "limit {limit}");
            assert!(page.next.is_none(), "limit {limit}");
        }
    }

    pub fn pagination_visits_every_entry_once<S: Store>(open: Open<'_, S>) {
        let store = open();
        // 23 entries over 5 instants, so most of them share their saved_at with others.
        let mut saved = Vec::new();
        for n in 0..23 {
            let ws = if n % 3 == 0 { "a" } else { "b" };
            let when = at_s((n % 5) as i64);
            saved.push(created(
                store.save_plan(numbered(ws, n, None), when).expect("save"),
            ));
        }
        let now = at_s(100);
        let mut expected = saved.clone();
        expected.sort_by(|x, y| (y.saved_at, &y.id).cmp(&(x.saved_at, &x.id)));
        let full = list_all(&store, now);
        assert_eq!(
            full, expected,
            "newest first, ties broken by ID (descending)"
        );

        for limit in [1, 2, 3, 4, 5, 7, 22, 23, 24] {
            let walked = walk(&store, &all(), limit, now);
            assert_eq!(walked, expected, "limit {limit}");
        }

        // With filters, pages still cover exactly the filtered set.
        let filtered = ListQuery {
            workspace: Some("b".to_string()),
            since: Some(at_s(2)),
            ..all()
        };
        let want: Vec<PlanMeta> = expected
            .iter()
            .filter(|m| m.workspace == "b" && m.saved_at >= at_s(2))
            .cloned()
            .collect();
        assert!(want.len() > 4, "the filter keeps several entries");
        for limit in [1, 2, 3, 5] {
            assert_eq!(
                walk(&store, &filtered, limit, now),
                want,
                "filtered, limit {limit}"
            );
        }

        // Newer entries saved while someone is paging neither repeat nor shift what the
        // remaining pages hold.
        let first = store
            .list_plans(&ListQuery { limit: 4, ..all() }, now)
            .expect("list");
        let cursor = first.next.clone().expect("more pages");
        for n in 100..105 {
            store
                .save_plan(numbered("a", n, None), at_s(50))
                .expect("save");
        }
        let rest = store
            .list_plans(
                &ListQuery {
                    cursor: Some(cursor),
                    ..all()
                },
                now,
            )
            .expect("list the rest");
        assert!(rest.next.is_none(), "limit 0 lists the rest in one page");
        let mut seen = ids(&first.entries);
        seen.extend(ids(&rest.entries));
        assert_eq!(
            seen,
            ids(&expected),
            "the walk is unaffected by newer entries"
        );
    }

    pub fn expired_entries_are_gone<S: Store>(open: Open<'_, S>) {
        let store = open();
        let e10 = created(
            store
                .save_plan(numbered("w", 1, Some(at_s(600))), t0())
                .expect("save"),
        );
        let e20 = created(
            store
                .save_plan(numbered("w", 2, Some(at_s(1200))), t0())
                .expect("save"),
        );
        let forever = created(store.save_plan(numbered("w", 3, None), t0()).expect("save"));

        // One millisecond before its expiry an entry is still there.
        let before = at_ms(600_000 - 1);
        // All three share saved_at, so they are listed by ID, descending.
        let mut three = ids(&[forever.clone(), e20.clone(), e10.clone()]);
        three.sort_by(|a, b| b.cmp(a));
        assert_eq!(ids(&list_all(&store, before)), three);
        store.get_plan(&e10.id, before).expect("not yet expired");

        // At its expiry instant it is gone from every operation.
        let at = at_s(600);
        let listed = ids(&list_all(&store, at));
        assert!(
            !listed.contains(&e10.id),
            "expired entry listed: {listed:?}"
        );
        assert_eq!(listed.len(), 2);
        assert_not_found(store.get_plan(&e10.id, at), &e10.id);
        assert_not_found(store.get_plan(&e10.id[..5], at), &e10.id[..5]);
        assert_not_found(store.delete_plan(&e10.id, at), &e10.id);
        store.get_plan(&e20.id, at).expect("e20 lives until 20 min");
        store.get_plan(&forever.id, at).expect("no expiry");

        // Purging removes the expired entries and counts them.
        assert_eq!(
            store.purge_expired(t0()).expect("purge"),
            0,
            "nothing expired yet"
        );
        assert_eq!(store.purge_expired(at).expect("purge"), 1);
        assert_eq!(store.purge_expired(at).expect("purge"), 0, "already purged");
        assert_eq!(store.purge_expired(at_s(1200)).expect("purge"), 1);
        // Gone for good: even a listing "from the past" no longer shows them.
        assert_eq!(ids(&list_all(&store, t0())), vec![forever.id.clone()]);
        assert_not_found(store.get_plan(&e10.id, t0()), &e10.id);

        // No expiry means never.
        let far = at_s(200 * 365 * 86_400);
        assert_eq!(store.purge_expired(far).expect("purge"), 0);
        assert_eq!(store.get_plan(&forever.id, far).expect("get").meta, forever);
        assert_eq!(ids(&list_all(&store, far)), vec![forever.id]);
    }

    pub fn resaving_after_expiry_creates_a_new_entry<S: Store>(open: Open<'_, S>) {
        let store = open();
        let old = created(
            store
                .save_plan(numbered("w", 1, Some(at_s(3600))), t0())
                .expect("save"),
        );
        match store
            .save_plan(numbered("w", 1, Some(at_s(3600))), at_s(1800))
            .expect("save")
        {
            Saved::AlreadySaved(m) => assert_eq!(m.id, old.id),
            other => panic!("still within retention: expected AlreadySaved, got {other:?}"),
        }
        // Not purged in between: the expired entry must not count as "already saved".
        let new = created(
            store
                .save_plan(numbered("w", 1, Some(at_s(7200))), at_s(3600))
                .expect("save"),
        );
        assert_ne!(new.id, old.id);
        assert_eq!(new.saved_at, at_s(3600));
        assert_eq!(new.expires_at, Some(at_s(7200)));
        assert_not_found(store.get_plan(&old.id, at_s(3600)), &old.id);
        assert_eq!(store.get_plan(&new.id, at_s(3600)).expect("get").meta, new);
        assert_eq!(list_all(&store, at_s(3600)), vec![new]);
    }

    pub fn unknown_and_malformed_ids<S: Store>(open: Open<'_, S>) {
        let store = open();
        let kept = created(store.save_plan(numbered("w", 1, None), t0()).expect("save"));
        let now = at_s(1);

        // A well-formed ID that is not ours: change its first character.
        let first = kept.id.as_bytes()[0];
        let other = format!("{}{}", if first == b'0' { '1' } else { '0' }, &kept.id[1..]);
        for input in [
            other.clone(),
            other[..MIN_PREFIX].to_string(),
            other.to_ascii_uppercase(),
        ] {
            assert_not_found(store.get_plan(&input, now), &input);
            assert_not_found(store.delete_plan(&input, now), &input);
        }

        let mut bad: Vec<String> = [
            "", "   ", "a", "abc", "ABC", " ab ", "abcd!", "ab-cd", "abc d", "abcé", "abcu",
            "ilou", "ILOU", "abcd/0", "abcd%", "abcd_",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        bad.push(kept.id[..MIN_PREFIX - 1].to_string()); // a prefix of a real ID, too short
        bad.push(format!("{}0", kept.id)); // longer than any ID
        for input in &bad {
            assert_bad_id(store.get_plan(input, now), input);
            assert_bad_id(store.delete_plan(input, now), input);
        }
        // Letters that read as digits are taken as those digits (i, l → 1; o → 0).
        let misread: String = kept
            .id
            .chars()
            .map(|c| match c {
                '1' => 'L',
                '0' => 'o',
                c => c,
            })
            .collect();
        assert_eq!(
            store.get_plan(&misread, now).expect("misread").meta.id,
            kept.id
        );
        assert_eq!(
            list_all(&store, now),
            vec![kept],
            "failed deletes removed nothing"
        );
    }

    pub fn ambiguous_prefix_is_refused<S: Store>(open: Open<'_, S>) {
        let store = open();
        // IDs are random, so hunt for two sharing a MIN_PREFIX-character prefix (the birthday
        // bound makes one expected after ~1,300 entries; 20,000 without one is ~1e-80).
        let mut by_prefix: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut prefix = None;
        for n in 0..20_000 {
            let m = created(store.save_plan(numbered("w", n, None), t0()).expect("save"));
            let p = m.id[..MIN_PREFIX].to_string();
            let same = by_prefix.entry(p.clone()).or_default();
            same.push(m.id);
            if same.len() == 2 {
                prefix = Some(p);
                break;
            }
        }
        let prefix = prefix.expect("two IDs share a prefix");
        let mut sharing = by_prefix[&prefix].clone();
        sharing.sort();
        let total = by_prefix.values().map(Vec::len).sum::<usize>();
        let now = at_s(1);

        for input in [prefix.clone(), prefix.to_ascii_uppercase()] {
            match store.get_plan(&input, now) {
                Err(StoreError::Ambiguous {
                    prefix: p,
                    mut matches,
                }) => {
                    assert_eq!(p, prefix);
                    matches.sort();
                    assert_eq!(matches, sharing);
                }
                other => panic!("get {input:?}: expected Ambiguous, got {other:?}"),
            }
            match store.delete_plan(&input, now) {
                Err(StoreError::Ambiguous { mut matches, .. }) => {
                    matches.sort();
                    assert_eq!(matches, sharing);
                }
                other => panic!("delete {input:?}: expected Ambiguous, got {other:?}"),
            }
        }
        assert_eq!(
            list_all(&store, now).len(),
            total,
            "an ambiguous delete removes nothing"
        );

        // Each full ID still resolves; once one is deleted the prefix is unambiguous.
        for id in &sharing {
            assert_eq!(&store.get_plan(id, now).expect("get").meta.id, id);
        }
        let gone = store.delete_plan(&sharing[0], now).expect("delete");
        assert_eq!(gone, sharing[0]);
        assert_eq!(
            store.get_plan(&prefix, now).expect("now unique").meta.id,
            sharing[1]
        );
    }

    pub fn delete_removes_exactly_one<S: Store>(open: Open<'_, S>) {
        let store = open();
        // Enough entries that some share leading characters with the one deleted.
        let saved: Vec<PlanMeta> = (0..100)
            .map(|n| {
                created(
                    store
                        .save_plan(numbered("w", n, None), at_s(n as i64))
                        .expect("save"),
                )
            })
            .collect();
        let victim = &saved[57];
        let now = at_s(100);

        let input = victim.id[..6].to_ascii_uppercase();
        assert_eq!(&store.delete_plan(&input, now).expect("delete"), &victim.id);
        assert_not_found(store.get_plan(&victim.id, now), &victim.id);
        assert_not_found(store.delete_plan(&victim.id, now), &victim.id);

        let mut rest: Vec<PlanMeta> = saved
            .iter()
            .filter(|m| m.id != victim.id)
            .cloned()
            .collect();
        rest.reverse();
        assert_eq!(list_all(&store, now), rest);
        for m in &rest {
            assert_eq!(&store.get_plan(&m.id, now).expect("others remain").meta, m);
        }
    }

    pub fn handles_see_each_others_writes<S: Store>(open: Open<'_, S>) {
        let a = open();
        let b = open();
        let from_a = created(a.save_plan(numbered("w", 1, None), t0()).expect("save"));
        assert_eq!(
            b.get_plan(&from_a.id, at_s(1))
                .expect("b sees a's save")
                .meta,
            from_a
        );
        match b.save_plan(numbered("w", 1, None), at_s(1)).expect("save") {
            Saved::AlreadySaved(m) => assert_eq!(m, from_a, "dedup spans handles"),
            other => panic!("expected AlreadySaved, got {other:?}"),
        }
        let from_b = created(b.save_plan(numbered("w", 2, None), at_s(2)).expect("save"));
        assert_eq!(
            ids(&list_all(&a, at_s(3))),
            vec![from_b.id.clone(), from_a.id.clone()]
        );

        assert_eq!(
            a.delete_plan(&from_b.id, at_s(3)).expect("a deletes b's"),
            from_b.id
        );
        assert_not_found(b.get_plan(&from_b.id, at_s(3)), &from_b.id);
        assert_eq!(ids(&list_all(&b, at_s(3))), vec![from_a.id.clone()]);

        // A handle opened afterwards sees the same history.
        assert_eq!(list_all(&open(), at_s(3)), vec![from_a]);
    }

    pub fn concurrent_saves_lose_nothing<S: Store>(open: Open<'_, S>) {
        const THREADS: usize = 8;
        const EACH: usize = 25;
        // The location exists before the threads start: racing first opens are a backend
        // matter (see `sqlite_file::concurrent_first_opens_of_a_new_store_all_succeed`).
        drop(open());
        let start = Barrier::new(THREADS);
        let per_thread: Vec<Vec<String>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..THREADS)
                .map(|t| {
                    let start = &start;
                    s.spawn(move || {
                        start.wait();
                        let store = open();
                        (0..EACH)
                            .map(|i| {
                                let n = t * EACH + i;
                                let ws = format!("ws{}", t % 3);
                                let now = at_ms(n as i64 % 7); // many ties
                                let m = match store.save_plan(numbered(&ws, n, None), now) {
                                    Ok(Saved::Created(m)) => m,
                                    other => panic!("thread {t} save {i}: {other:?}"),
                                };
                                assert_eq!(store.get_plan(&m.id, now).expect("read back").meta, m);
                                m.id
                            })
                            .collect()
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().expect("worker"))
                .collect()
        });
        let saved: Vec<String> = per_thread.into_iter().flatten().collect();
        let unique: HashSet<&String> = saved.iter().collect();
        assert_eq!(unique.len(), THREADS * EACH, "distinct IDs");

        let listed = list_all(&open(), at_s(1));
        assert_eq!(listed.len(), THREADS * EACH, "none lost, none doubled");
        let listed: HashSet<&String> = listed.iter().map(|m| &m.id).collect();
        assert_eq!(listed, unique);
    }

    pub fn concurrent_identical_saves_make_one_entry<S: Store>(open: Open<'_, S>) {
        const THREADS: usize = 8;
        drop(open());
        let start = Barrier::new(THREADS);
        let results: Vec<Saved> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..THREADS)
                .map(|_| {
                    let start = &start;
                    s.spawn(move || {
                        let store = open();
                        start.wait();
                        store
                            .save_plan(numbered("w", 42, None), t0())
                            .expect("save")
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().expect("worker"))
                .collect()
        });
        let created: Vec<&PlanMeta> = results
            .iter()
            .filter_map(|r| match r {
                Saved::Created(m) => Some(m),
                Saved::AlreadySaved(_) => None,
            })
            .collect();
        assert_eq!(created.len(), 1, "exactly one save creates: {results:?}");
        for r in &results {
            assert_eq!(r.meta(), created[0]);
        }
        assert_eq!(list_all(&open(), t0()).len(), 1);
    }
}

/// Instantiates every contract check as a `#[test]` in module `$backend`, so a backend joins
/// the suite with one line. `$opener()` returns the opener of a fresh, empty location
/// (`impl Fn() -> impl Store + Sync`), which owns whatever that location needs (a temporary
/// directory, a table to drop).
macro_rules! store_contract {
    ($backend:ident, $opener:ident) => {
        store_contract!(@emit $backend, $opener;
            save_then_get_round_trips,
            saved_meta_matches_stored_meta_at_any_precision,
            same_plan_same_workspace_is_saved_once,
            list_is_newest_first_and_filters,
            a_huge_limit_lists_everything,
            pagination_visits_every_entry_once,
            expired_entries_are_gone,
            resaving_after_expiry_creates_a_new_entry,
            unknown_and_malformed_ids,
            ambiguous_prefix_is_refused,
            delete_removes_exactly_one,
            handles_see_each_others_writes,
            concurrent_saves_lose_nothing,
            concurrent_identical_saves_make_one_entry,
        );
    };
    (@emit $backend:ident, $opener:ident; $($check:ident),* $(,)?) => {
        mod $backend {
            $(
                #[test]
                fn $check() {
                    super::contract::$check(&super::$opener());
                }
            )*
        }
    };
}

/// Each call of the returned closure opens another `SqliteStore` on one new temporary directory.
fn sqlite_opener() -> impl Fn() -> SqliteStore + Sync {
    let dir = tempfile::tempdir().expect("tempdir");
    move || SqliteStore::open_or_create(dir.path()).expect("open store")
}

store_contract!(sqlite, sqlite_opener);

/// Each call opens another `DynamoStore` on one new table made from `deploy/template.yaml`'s
/// definition in the moto server (a table per test keeps moto's per-transaction table copies
/// small), as one user.
fn dynamodb_opener() -> impl Fn() -> cloudops::store::dynamodb::DynamoStore + Sync {
    let table = moto::table_from_template("PlansTable");
    let user = format!("user-{}", cloudops::store::new_id());
    move || {
        let config = moto::runtime().block_on(moto::sdk_config());
        cloudops::store::dynamodb::DynamoStore::new(&config, &table, &user).expect("store")
    }
}

store_contract!(dynamodb, dynamodb_opener);

// ---------------------------------------------------------------------------------------------
// SQLite only: the file on disk.
// ---------------------------------------------------------------------------------------------

mod sqlite_file {
    use super::*;
    use cloudops::store::sqlite::{FILE_NAME, SCHEMA_VERSION};

    const OUR_APPLICATION_ID: i64 = 0x636c_6f70;

    fn db(dir: &Path) -> std::path::PathBuf {
        dir.join(FILE_NAME)
    }

    fn listing(dir: &Path) -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// Both ways of opening refuse the directory's file and leave it (and the directory)
    /// exactly as they were.
    #[track_caller]
    fn assert_refused_untouched(dir: &Path, check: impl Fn(StoreError)) {
        let before = std::fs::read(db(dir)).expect("file");
        let files = listing(dir);
        match SqliteStore::open_or_create(dir) {
            Err(e) => check(e),
            Ok(_) => panic!("open_or_create accepted the file"),
        }
        match SqliteStore::open_existing(dir) {
            Err(e) => check(e),
            Ok(s) => panic!("open_existing accepted the file: {}", s.is_some()),
        }
        assert!(
            std::fs::read(db(dir)).expect("file") == before,
            "file bytes changed"
        );
        assert_eq!(listing(dir), files, "files appeared or vanished");
    }

    #[track_caller]
    fn assert_corrupt(dir: &Path) {
        let want = db(dir);
        assert_refused_untouched(dir, |e| match e {
            StoreError::Corrupt { path, .. } => assert_eq!(path, want),
            other => panic!("expected Corrupt, got {other:?}"),
        });
    }

    #[test]
    fn a_file_that_is_not_a_database_is_corrupt_and_untouched() {
        let mut noise = Vec::new();
        let mut x: u32 = 0x9e37_79b9;
        for _ in 0..16_384 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(x as u8);
        }
        let mut fake_header = b"SQLite format 3\0".to_vec();
        fake_header.extend_from_slice(&noise[..4096]);
        let contents: [(&str, Vec<u8>); 4] = [
            ("text", b"this is not a database\n".to_vec()),
            (
                "json",
                br#"{"entries": [1, 2, 3], "note": "a store kept as JSON"}"#.repeat(50),
            ),
            ("noise", noise),
            ("fake header", fake_header),
        ];
        for (what, bytes) in contents {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(db(dir.path()), &bytes).expect("write");
            eprintln!("case: {what}");
            assert_corrupt(dir.path());
        }
    }

    #[test]
    fn a_newer_schema_is_refused_and_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let found = SCHEMA_VERSION + 1;
        {
            let c = rusqlite::Connection::open(db(dir.path())).expect("create");
            c.execute_batch(&format!(
                "CREATE TABLE plans (id TEXT PRIMARY KEY, shape_of_the_future BLOB);
                 INSERT INTO plans VALUES ('abcdefghjk', x'00');
                 PRAGMA application_id = {OUR_APPLICATION_ID};
                 PRAGMA user_version = {found};"
            ))
            .expect("craft");
        }
        assert_refused_untouched(dir.path(), |e| match e {
            StoreError::NewerSchema {
                path,
                found: f,
                known,
            } => {
                assert_eq!(path, db(dir.path()));
                assert_eq!((f, known), (found, SCHEMA_VERSION));
            }
            other => panic!("expected NewerSchema, got {other:?}"),
        });
    }

    #[test]
    fn another_programs_database_is_corrupt_and_untouched() {
        // application_id 0 (most programs never set it) but tables of its own.
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let c = rusqlite::Connection::open(db(dir.path())).expect("create");
            c.execute_batch(
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                 INSERT INTO notes (body) VALUES ('keep me');",
            )
            .expect("craft");
        }
        assert_corrupt(dir.path());

        // Someone else's application_id, even with nothing in it yet.
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let c = rusqlite::Connection::open(db(dir.path())).expect("create");
            c.execute_batch("PRAGMA application_id = 305419896;")
                .expect("craft");
        }
        assert_corrupt(dir.path());

        // application_id 0 with a schema version of its own and no tables.
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let c = rusqlite::Connection::open(db(dir.path())).expect("create");
            c.execute_batch("PRAGMA user_version = 3;").expect("craft");
        }
        assert_corrupt(dir.path());
    }

    #[test]
    fn a_data_dir_under_a_regular_file_is_unwritable() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("not-a-dir");
        std::fs::write(&file, b"plain file").expect("write");
        for dir in [file.join("cloudops"), file.clone()] {
            match SqliteStore::open_or_create(&dir) {
                Err(StoreError::Unwritable { path, .. }) => {
                    assert!(path.starts_with(&file), "{}", path.display())
                }
                other => panic!(
                    "{}: expected Unwritable, got {:?}",
                    dir.display(),
                    other.err()
                ),
            }
        }
        assert_eq!(std::fs::read(&file).expect("file"), b"plain file");
        assert_eq!(
            listing(tmp.path()),
            BTreeSet::from(["not-a-dir".to_string()])
        );
    }

    #[test]
    fn open_existing_creates_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        assert!(SqliteStore::open_existing(tmp.path())
            .expect("open")
            .is_none());
        assert!(
            listing(tmp.path()).is_empty(),
            "created {:?}",
            listing(tmp.path())
        );

        let missing = tmp.path().join("never-created");
        assert!(SqliteStore::open_existing(&missing)
            .expect("open")
            .is_none());
        assert!(!missing.exists(), "open_existing created the directory");

        // Once something was saved, it finds it.
        let dir = tmp.path().join("data");
        let id = created(
            SqliteStore::open_or_create(&dir)
                .expect("create")
                .save_plan(numbered("w", 1, None), t0())
                .expect("save"),
        )
        .id;
        let store = SqliteStore::open_existing(&dir)
            .expect("open")
            .expect("exists");
        assert_eq!(store.get_plan(&id, t0()).expect("get").meta.id, id);
        assert!(
            store.location().contains(&db(&dir).display().to_string()),
            "{}",
            store.location()
        );
    }

    #[test]
    fn a_new_store_is_marked_ours_and_private() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("nested/data");
        let store = SqliteStore::open_or_create(&dir).expect("create");
        store.save_plan(numbered("w", 1, None), t0()).expect("save");
        assert_eq!(store.path(), db(&dir));

        let c = rusqlite::Connection::open_with_flags(
            db(&dir),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open");
        let pragma = |name: &str| -> i64 {
            c.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .expect("pragma")
        };
        assert_eq!(pragma("application_id"), OUR_APPLICATION_ID);
        assert_eq!(pragma("user_version"), SCHEMA_VERSION);
        drop(c);

        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode =
                |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700, "data directory");
            for name in listing(&dir) {
                assert_eq!(mode(&dir.join(&name)), 0o600, "{name}");
            }
        }

        // Reopening an up-to-date store works and keeps its entries.
        drop(store);
        let again = SqliteStore::open_or_create(&dir).expect("reopen");
        assert_eq!(list_all(&again, t0()).len(), 1);
    }

    /// An entry whose stored report or metadata no longer parses is reported by its ID, never
    /// hides its neighbours, never makes the whole store "corrupt", and can be deleted.
    #[test]
    fn an_unreadable_entry_is_named_and_can_be_deleted() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = SqliteStore::open_or_create(tmp.path()).expect("create");
        let bad_report = created(store.save_plan(numbered("w", 1, None), t0()).expect("save"));
        let fine = created(store.save_plan(numbered("w", 2, None), t0()).expect("save"));
        let c = rusqlite::Connection::open(db(tmp.path())).expect("open");
        c.execute(
            "UPDATE plans SET report_gz = ?2 WHERE id = ?1",
            rusqlite::params![bad_report.id, gzip(b"{\"schema_version\": \"one\"}")],
        )
        .expect("damage");
        match store.get_plan(&bad_report.id, t0()) {
            Err(StoreError::Unreadable { id, .. }) => assert_eq!(id, bad_report.id),
            other => panic!("expected Unreadable, got {:?}", other.map(|p| p.meta)),
        }
        assert_eq!(
            store.get_plan(&fine.id, t0()).expect("neighbour").meta,
            fine
        );
        assert_eq!(list_all(&store, t0()).len(), 2, "metadata is still intact");

        c.execute(
            "UPDATE plans SET summary = 'not json' WHERE id = ?1",
            [&fine.id],
        )
        .expect("damage");
        let page = store.list_plans(&all(), t0()).expect("list");
        assert_eq!(ids(&page.entries), vec![bad_report.id.clone()]);
        assert_eq!(page.unreadable, vec![fine.id.clone()]);
        // Paging counts it: a page of one that holds only the unreadable entry still leads on.
        let q = ListQuery { limit: 1, ..all() };
        let first = store.list_plans(&q, t0()).expect("page 1");
        let second = store
            .list_plans(
                &ListQuery {
                    cursor: first.next.clone(),
                    ..q.clone()
                },
                t0(),
            )
            .expect("page 2");
        assert_eq!(first.entries.len() + first.unreadable.len(), 1);
        assert_eq!(second.entries.len() + second.unreadable.len(), 1);
        assert_eq!(store.delete_plan(&fine.id, t0()).expect("delete"), fine.id);
        assert_eq!(list_all(&store, t0()).len(), 1);
    }

    /// Many processes starting at once on a brand-new directory: each must see either nothing
    /// or a complete store, never "another program's database".
    #[test]
    fn concurrent_first_opens_of_a_new_store_all_succeed() {
        const THREADS: usize = 8;
        for round in 0..40 {
            let tmp = tempfile::tempdir().expect("tempdir");
            let start = Barrier::new(THREADS);
            std::thread::scope(|s| {
                for t in 0..THREADS {
                    let (start, dir) = (&start, tmp.path());
                    s.spawn(move || {
                        start.wait();
                        let store = SqliteStore::open_or_create(dir)
                            .unwrap_or_else(|e| panic!("round {round} thread {t}: {e:?}"));
                        store.save_plan(numbered("w", t, None), t0()).expect("save");
                    });
                }
            });
            let store = SqliteStore::open_existing(tmp.path())
                .expect("open")
                .expect("exists");
            assert_eq!(list_all(&store, t0()).len(), THREADS, "round {round}");
        }
    }
}
