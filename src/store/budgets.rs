//! The store's second job, beside plans: budgets with the record of which alerts went out,
//! and Cost Explorer answers kept for 12 hours. Two traits that the embedded and the
//! DynamoDB backends both implement, so `cost` and `budget` never know which one they use.

use std::time::Duration;

use jiff::Timestamp;

use super::StoreError;
use crate::budget::Budget;

/// How long a claimed alert may stay unconfirmed before another check takes it over (a
/// check that died between claiming and publishing must not block the alert forever).
pub const STALE_ALERT_CLAIM: Duration = Duration::from_secs(600);

/// A cached answer: the JSON as the command serialised it, and when it was fetched.
#[derive(Debug, Clone)]
pub struct CachedCost {
    pub fetched_at: Timestamp,
    pub body: Vec<u8>,
}

pub trait CostCache {
    /// The answer cached under `key`, unless it expired by `now`.
    fn cached_cost(&self, key: &str, now: Timestamp) -> Result<Option<CachedCost>, StoreError>;

    /// Keeps `entry` under `key` until `expires_at` (replacing an older one). A backend that
    /// cannot hold something that large returns `Ok(false)`: the answer is then not cached.
    fn cache_cost(
        &self,
        key: &str,
        entry: &CachedCost,
        expires_at: Timestamp,
    ) -> Result<bool, StoreError>;

    /// Every answer cached and not expired by `now`, with its key (the dashboard's cost
    /// page reads what `cost` already fetched, without asking AWS).
    fn cached_costs(&self, now: Timestamp) -> Result<Vec<(String, CachedCost)>, StoreError>;
}

/// One alert: a budget's threshold in one calendar month (`YYYY-MM`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertKey {
    pub budget: String,
    pub month: String,
    pub threshold: u32,
}

/// What the store remembers of one alert: sent (and when), or claimed and being sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRecord {
    pub key: AlertKey,
    pub sent_at: Option<Timestamp>,
}

/// What claiming an alert found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Ours to publish (new, or a stale claim taken over).
    Mine,
    /// Already published.
    Sent,
    /// Another check claimed it moments ago and is publishing it.
    InProgress,
}

pub trait BudgetStore {
    /// Creates or replaces the budget named `b.name`; alert records are not touched.
    fn put_budget(&self, b: &Budget) -> Result<(), StoreError>;

    /// Every budget, by name.
    fn budgets(&self) -> Result<Vec<Budget>, StoreError>;

    fn budget(&self, name: &str) -> Result<Option<Budget>, StoreError>;

    /// Removes a budget and its alert records; `false` when there was none.
    fn delete_budget(&self, name: &str) -> Result<bool, StoreError>;

    /// Claims an alert with a conditional write, so that of two concurrent checks exactly
    /// one gets `Mine`. `token` identifies this check's claim.
    fn claim_alert(&self, key: &AlertKey, token: &str, now: Timestamp)
        -> Result<Claim, StoreError>;

    /// Records a claimed alert as sent.
    fn confirm_alert(
        &self,
        key: &AlertKey,
        token: &str,
        message_id: &str,
        now: Timestamp,
    ) -> Result<(), StoreError>;

    /// The alert records of one budget for `month` (`YYYY-MM`), by threshold.
    fn alerts(&self, budget: &str, month: &str) -> Result<Vec<AlertRecord>, StoreError>;

    /// Gives a claim back (the publish failed), so that the next check tries again.
    fn release_alert(&self, key: &AlertKey, token: &str) -> Result<(), StoreError>;
}

/// A budget as stored: its JSON.
pub(super) fn encode_budget(b: &Budget) -> String {
    serde_json::to_string(b).expect("a budget serialises")
}

pub(super) fn decode_budget(name: &str, text: &str) -> Result<Budget, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Other {
        location: format!("budget {name}"),
        detail: format!("cannot be read ({e}); it may come from a newer cloudops"),
    })
}
