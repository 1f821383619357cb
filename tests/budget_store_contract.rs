//! The budget and cost-cache half of the store, held to one contract in every backend: the
//! embedded SQLite store and the user's partition of the DynamoDB tables (moto on 127.0.0.1,
//! tables made from `deploy/template.yaml`). What `budget check` relies on for "one alert per
//! threshold per month" is proved here at the store level, including what the binary's tests
//! cannot reach in their time: a claim left by a check that died is taken over after ten
//! minutes, and not before.

#[path = "support/moto.rs"]
mod moto;

use std::str::FromStr;
use std::sync::{Arc, Barrier};

use cloudops::budget::Budget;
use cloudops::store::budgets::{AlertKey, AlertRecord, BudgetStore, CachedCost, Claim, CostCache};
use cloudops::store::dynamodb::DynamoStore;
use cloudops::store::sqlite::SqliteStore;
use jiff::{SignedDuration, Timestamp};
use rust_decimal::Decimal;

fn t(s: &str) -> Timestamp {
    s.parse().expect("time")
}

fn budget(name: &str, amount: &str) -> Budget {
    Budget {
        name: name.into(),
        amount: Decimal::from_str(amount).expect("amount"),
        currency: "USD".into(),
        thresholds: vec![50, 80, 100],
        service: None,
        topic: Some("arn:aws:sns:us-east-1:123456789012:alerts".into()),
        created_at: t("2026-03-01T00:00:00Z"),
        updated_at: t("2026-03-01T00:00:00Z"),
    }
}

fn key(budget: &str, month: &str, threshold: u32) -> AlertKey {
    AlertKey {
        budget: budget.into(),
        month: month.into(),
        threshold,
    }
}

macro_rules! contract {
    ($name:ident, $opener:ident) => {
        mod $name {
            use super::*;

            #[test]
            fn budgets_are_put_listed_replaced_and_deleted() {
                let open = $opener();
                let s = open();
                assert!(s.budgets().expect("list").is_empty());
                s.put_budget(&budget("team-b", "100")).expect("put");
                s.put_budget(&budget("team-a", "50.5")).expect("put");
                let names: Vec<String> = s
                    .budgets()
                    .expect("list")
                    .into_iter()
                    .map(|b| b.name)
                    .collect();
                assert_eq!(names, ["team-a", "team-b"], "by name");
                let mut changed = budget("team-b", "250");
                changed.service = Some("Amazon Simple Storage Service".into());
                s.put_budget(&changed).expect("replace");
                assert_eq!(
                    open().budget("team-b").expect("get"),
                    Some(changed),
                    "another handle reads it"
                );
                assert_eq!(s.budget("nope").expect("get"), None);
                assert!(s.delete_budget("team-b").expect("delete"));
                assert!(!s.delete_budget("team-b").expect("delete again"));
                assert_eq!(s.budgets().expect("list").len(), 1);
            }

            #[test]
            fn an_alert_is_claimed_once_confirmed_and_then_sent() {
                let open = $opener();
                let s = open();
                let now = t("2026-03-05T10:00:00Z");
                let k = key("team", "2026-03", 80);
                assert_eq!(s.claim_alert(&k, "tok-1", now).expect("claim"), Claim::Mine);
                // Retried by the SDK after it had landed: still ours.
                assert_eq!(s.claim_alert(&k, "tok-1", now).expect("claim"), Claim::Mine);
                assert_eq!(
                    open().claim_alert(&k, "tok-2", now).expect("claim"),
                    Claim::InProgress
                );
                s.confirm_alert(&k, "tok-1", "msg-1", now).expect("confirm");
                assert_eq!(
                    open().claim_alert(&k, "tok-3", now).expect("claim"),
                    Claim::Sent
                );
                // Other thresholds, months and budgets are separate alerts.
                assert_eq!(
                    s.claim_alert(&key("team", "2026-03", 50), "tok-4", now)
                        .expect("claim"),
                    Claim::Mine
                );
                assert_eq!(
                    s.claim_alert(&key("team", "2026-04", 80), "tok-5", now)
                        .expect("claim"),
                    Claim::Mine
                );
                assert_eq!(
                    s.claim_alert(&key("team-2", "2026-03", 80), "tok-6", now)
                        .expect("claim"),
                    Claim::Mine
                );
                // Sent stays sent however long after.
                let later = now
                    .checked_add(SignedDuration::from_hours(24 * 20))
                    .expect("time");
                assert_eq!(
                    s.claim_alert(&k, "tok-7", later).expect("claim"),
                    Claim::Sent
                );
                // The month's records, as the dashboard lists them: sent with its time, or
                // claimed and not yet sent.
                let records =
                    |budget: &str, month: &str| -> Vec<(String, u32, Option<Timestamp>)> {
                        open()
                            .alerts(budget, month)
                            .expect("alerts")
                            .into_iter()
                            .map(|r| (r.key.budget, r.key.threshold, r.sent_at))
                            .collect()
                    };
                assert_eq!(
                    records("team", "2026-03"),
                    vec![
                        ("team".to_string(), 50, None),
                        ("team".to_string(), 80, Some(now))
                    ]
                );
                assert_eq!(
                    records("team-2", "2026-03"),
                    vec![("team-2".to_string(), 80, None)]
                );
                assert_eq!(records("team", "2026-04").len(), 1);
                assert!(records("team", "2026-05").is_empty());
                assert!(records("tea", "2026-03").is_empty(), "names are exact");
            }

            #[test]
            fn a_released_claim_is_free_and_a_stale_one_is_taken_over() {
                let open = $opener();
                let s = open();
                let now = t("2026-03-05T10:00:00Z");
                let k = key("team", "2026-03", 50);
                assert_eq!(s.claim_alert(&k, "tok-1", now).expect("claim"), Claim::Mine);
                // Only the claim's owner can give it back.
                s.release_alert(&k, "someone-else").expect("release");
                assert_eq!(
                    s.claim_alert(&k, "tok-2", now).expect("claim"),
                    Claim::InProgress
                );
                s.release_alert(&k, "tok-1").expect("release");
                assert_eq!(
                    s.claim_alert(&k, "tok-2", now).expect("claim"),
                    Claim::Mine,
                    "free again"
                );

                // tok-2's check dies without confirming: 9 minutes on, still in progress; 11
                // minutes on, taken over; the dead check's late confirm does not count.
                let nine = now.checked_add(SignedDuration::from_mins(9)).expect("time");
                let eleven = now
                    .checked_add(SignedDuration::from_mins(11))
                    .expect("time");
                assert_eq!(
                    open().claim_alert(&k, "tok-3", nine).expect("claim"),
                    Claim::InProgress
                );
                assert_eq!(
                    open().claim_alert(&k, "tok-3", eleven).expect("claim"),
                    Claim::Mine
                );
                s.confirm_alert(&k, "tok-2", "late", eleven)
                    .expect("late confirm is not an error");
                assert_eq!(
                    open().claim_alert(&k, "tok-4", eleven).expect("claim"),
                    Claim::InProgress,
                    "tok-3 still holds it"
                );
                open()
                    .confirm_alert(&k, "tok-3", "msg-3", eleven)
                    .expect("confirm");
                assert_eq!(
                    s.claim_alert(&k, "tok-5", eleven).expect("claim"),
                    Claim::Sent
                );
                // A sent alert cannot be released.
                s.release_alert(&k, "tok-3").expect("release");
                assert_eq!(
                    s.claim_alert(&k, "tok-5", eleven).expect("claim"),
                    Claim::Sent
                );
            }

            #[test]
            fn deleting_a_budget_forgets_its_alerts_only() {
                let open = $opener();
                let s = open();
                let now = t("2026-03-05T10:00:00Z");
                s.put_budget(&budget("team", "100")).expect("put");
                s.put_budget(&budget("team-a", "100")).expect("put");
                for (name, tok) in [("team", "a"), ("team-a", "b")] {
                    let k = key(name, "2026-03", 50);
                    assert_eq!(s.claim_alert(&k, tok, now).expect("claim"), Claim::Mine);
                    s.confirm_alert(&k, tok, "m", now).expect("confirm");
                }
                // Replacing a budget keeps its history.
                s.put_budget(&budget("team", "120")).expect("replace");
                assert_eq!(
                    s.claim_alert(&key("team", "2026-03", 50), "c", now)
                        .expect("claim"),
                    Claim::Sent
                );
                assert!(s.delete_budget("team").expect("delete"));
                assert_eq!(
                    s.claim_alert(&key("team", "2026-03", 50), "d", now)
                        .expect("claim"),
                    Claim::Mine,
                    "a re-created budget alerts again"
                );
                assert_eq!(
                    s.claim_alert(&key("team-a", "2026-03", 50), "e", now)
                        .expect("claim"),
                    Claim::Sent,
                    "a budget whose name starts the same keeps its record"
                );
            }

            #[test]
            fn eight_handles_claiming_at_once_get_one_claim() {
                let open = Arc::new($opener());
                let now = t("2026-03-05T10:00:00Z");
                let barrier = Arc::new(Barrier::new(8));
                let handles: Vec<_> = (0..8)
                    .map(|i| {
                        let (open, barrier) = (open.clone(), barrier.clone());
                        std::thread::spawn(move || {
                            let s = open();
                            barrier.wait();
                            s.claim_alert(&key("team", "2026-03", 100), &format!("tok-{i}"), now)
                                .expect("claim")
                        })
                    })
                    .collect();
                let mine = handles
                    .into_iter()
                    .map(|h| h.join().expect("thread"))
                    .filter(|c| *c == Claim::Mine)
                    .count();
                assert_eq!(mine, 1);
            }

            #[test]
            fn cached_answers_expire_and_are_replaced() {
                let open = $opener();
                let s = open();
                let now = t("2026-03-05T10:00:00Z");
                let twelve = now
                    .checked_add(SignedDuration::from_hours(12))
                    .expect("time");
                assert!(s.cached_cost("k1", now).expect("get").is_none());
                let entry = CachedCost {
                    fetched_at: now,
                    body: b"{\"a\":1}".to_vec(),
                };
                assert!(s.cache_cost("k1", &entry, twelve).expect("put"));
                let hit = open().cached_cost("k1", now).expect("get").expect("cached");
                assert_eq!((hit.fetched_at, hit.body), (now, entry.body.clone()));
                assert!(
                    s.cached_cost("k2", now).expect("get").is_none(),
                    "keys are exact"
                );
                let just_before = twelve
                    .checked_sub(SignedDuration::from_secs(1))
                    .expect("time");
                assert!(s.cached_cost("k1", just_before).expect("get").is_some());
                assert!(
                    s.cached_cost("k1", twelve).expect("get").is_none(),
                    "expired at its time"
                );
                let newer = CachedCost {
                    fetched_at: just_before,
                    body: b"{\"a\":2}".to_vec(),
                };
                let later = twelve
                    .checked_add(SignedDuration::from_hours(12))
                    .expect("time");
                assert!(s.cache_cost("k1", &newer, later).expect("replace"));
                // Listed as the dashboard reads them: live entries only, newest first.
                let other = CachedCost {
                    fetched_at: now,
                    body: b"{\"b\":1}".to_vec(),
                };
                assert!(s.cache_cost("k3", &other, twelve).expect("put"));
                let listed = |at: Timestamp| -> Vec<(String, Vec<u8>)> {
                    open()
                        .cached_costs(at)
                        .expect("list")
                        .into_iter()
                        .map(|(k, c)| (k, c.body))
                        .collect()
                };
                assert_eq!(
                    listed(just_before),
                    vec![
                        ("k1".to_string(), newer.body.clone()),
                        ("k3".to_string(), other.body.clone())
                    ]
                );
                assert_eq!(listed(twelve), vec![("k1".to_string(), newer.body.clone())]);
                assert_eq!(
                    s.cached_cost("k1", twelve)
                        .expect("get")
                        .expect("cached")
                        .body,
                    newer.body
                );
            }
        }
    };
}

fn sqlite_opener() -> impl Fn() -> SqliteStore + Send + Sync {
    let dir = Arc::new(tempfile::tempdir().expect("tempdir"));
    move || SqliteStore::open_or_create(dir.path()).expect("open store")
}

contract!(sqlite, sqlite_opener);

/// Budgets and alerts in a BudgetsTable, cached answers in a CostCacheTable, both made from
/// `deploy/template.yaml`; each handle is another `DynamoStore` as the same user.
fn dynamodb_opener() -> impl Fn() -> Both + Send + Sync {
    let budgets = moto::table_from_template("BudgetsTable");
    let cache = moto::table_from_template("CostCacheTable");
    let user = format!("user-{}", cloudops::store::new_id());
    move || {
        let config = moto::runtime().block_on(moto::sdk_config());
        Both {
            budgets: DynamoStore::new(&config, &budgets, &user).expect("store"),
            cache: DynamoStore::new(&config, &cache, &user).expect("store"),
        }
    }
}

/// The two DynamoDB tables behind one handle, as `budget check` uses them.
struct Both {
    budgets: DynamoStore,
    cache: DynamoStore,
}

impl BudgetStore for Both {
    fn put_budget(&self, b: &Budget) -> Result<(), cloudops::store::StoreError> {
        self.budgets.put_budget(b)
    }
    fn budgets(&self) -> Result<Vec<Budget>, cloudops::store::StoreError> {
        self.budgets.budgets()
    }
    fn budget(&self, name: &str) -> Result<Option<Budget>, cloudops::store::StoreError> {
        self.budgets.budget(name)
    }
    fn delete_budget(&self, name: &str) -> Result<bool, cloudops::store::StoreError> {
        self.budgets.delete_budget(name)
    }
    fn claim_alert(
        &self,
        k: &AlertKey,
        tok: &str,
        now: Timestamp,
    ) -> Result<Claim, cloudops::store::StoreError> {
        self.budgets.claim_alert(k, tok, now)
    }
    fn confirm_alert(
        &self,
        k: &AlertKey,
        tok: &str,
        id: &str,
        now: Timestamp,
    ) -> Result<(), cloudops::store::StoreError> {
        self.budgets.confirm_alert(k, tok, id, now)
    }
    fn release_alert(&self, k: &AlertKey, tok: &str) -> Result<(), cloudops::store::StoreError> {
        self.budgets.release_alert(k, tok)
    }
    fn alerts(
        &self,
        budget: &str,
        month: &str,
    ) -> Result<Vec<AlertRecord>, cloudops::store::StoreError> {
        self.budgets.alerts(budget, month)
    }
}

impl CostCache for Both {
    fn cached_cost(
        &self,
        key: &str,
        now: Timestamp,
    ) -> Result<Option<CachedCost>, cloudops::store::StoreError> {
        self.cache.cached_cost(key, now)
    }
    fn cache_cost(
        &self,
        key: &str,
        e: &CachedCost,
        exp: Timestamp,
    ) -> Result<bool, cloudops::store::StoreError> {
        self.cache.cache_cost(key, e, exp)
    }
    fn cached_costs(
        &self,
        now: Timestamp,
    ) -> Result<Vec<(String, CachedCost)>, cloudops::store::StoreError> {
        self.cache.cached_costs(now)
    }
}

contract!(dynamodb, dynamodb_opener);
