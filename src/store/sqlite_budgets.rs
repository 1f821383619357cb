//! Budgets, alert records and the cost cache in the embedded store (schema migration 2),
//! with the same write discipline as plans: immediate transactions, so a claim is atomic
//! between processes.

use jiff::Timestamp;
use rusqlite::{params, OptionalExtension};

use super::budgets::{
    decode_budget, encode_budget, AlertKey, AlertRecord, BudgetStore, CachedCost, Claim, CostCache,
    STALE_ALERT_CLAIM,
};
use super::sqlite::SqliteStore;
use super::StoreError;
use crate::budget::Budget;

impl CostCache for SqliteStore {
    fn cached_cost(&self, key: &str, now: Timestamp) -> Result<Option<CachedCost>, StoreError> {
        self.retry(|c| {
            c.query_row(
                "SELECT fetched_at, body FROM cost_cache WHERE key = ?1 AND expires_at > ?2",
                params![key, now.as_millisecond()],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
            )
            .optional()
        })
        .map(|row| {
            row.and_then(|(ms, body)| {
                Some(CachedCost {
                    fetched_at: Timestamp::from_millisecond(ms).ok()?,
                    body,
                })
            })
        })
    }

    fn cache_cost(
        &self,
        key: &str,
        entry: &CachedCost,
        expires_at: Timestamp,
    ) -> Result<bool, StoreError> {
        let now = entry.fetched_at.as_millisecond();
        self.write(|c| {
            c.execute("DELETE FROM cost_cache WHERE expires_at <= ?1", params![now])?;
            c.execute(
                "INSERT OR REPLACE INTO cost_cache (key, fetched_at, expires_at, body) VALUES (?1, ?2, ?3, ?4)",
                params![key, now, expires_at.as_millisecond(), entry.body],
            )
        })
        .map(|_| true)
    }

    fn cached_costs(&self, now: Timestamp) -> Result<Vec<(String, CachedCost)>, StoreError> {
        let rows: Vec<(String, i64, Vec<u8>)> = self.retry(|c| {
            let mut s = c.prepare_cached(
                "SELECT key, fetched_at, body FROM cost_cache WHERE expires_at > ?1 ORDER BY fetched_at DESC, key",
            )?;
            let rows = s
                .query_map([now.as_millisecond()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>();
            rows
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(key, ms, body)| {
                let fetched_at = Timestamp::from_millisecond(ms).ok()?;
                Some((key, CachedCost { fetched_at, body }))
            })
            .collect())
    }
}

impl BudgetStore for SqliteStore {
    fn put_budget(&self, b: &Budget) -> Result<(), StoreError> {
        let body = encode_budget(b);
        self.write(|c| {
            c.execute(
                "INSERT OR REPLACE INTO budgets (name, body) VALUES (?1, ?2)",
                params![b.name, body],
            )
        })
        .map(|_| ())
    }

    fn budgets(&self) -> Result<Vec<Budget>, StoreError> {
        let rows: Vec<(String, String)> = self.retry(|c| {
            let mut s = c.prepare_cached("SELECT name, body FROM budgets ORDER BY name")?;
            let rows = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>();
            rows
        })?;
        rows.iter().map(|(n, b)| decode_budget(n, b)).collect()
    }

    fn budget(&self, name: &str) -> Result<Option<Budget>, StoreError> {
        let body: Option<String> = self.retry(|c| {
            c.query_row("SELECT body FROM budgets WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
        })?;
        body.map(|b| decode_budget(name, &b)).transpose()
    }

    fn delete_budget(&self, name: &str) -> Result<bool, StoreError> {
        self.write(|c| {
            c.execute("DELETE FROM budget_alerts WHERE budget = ?1", [name])?;
            c.execute("DELETE FROM budgets WHERE name = ?1", [name])
        })
        .map(|n| n > 0)
    }

    fn claim_alert(
        &self,
        key: &AlertKey,
        token: &str,
        now: Timestamp,
    ) -> Result<Claim, StoreError> {
        let stale = now.as_millisecond() - STALE_ALERT_CLAIM.as_millis() as i64;
        self.write(|c| {
            let found: Option<(String, String, i64)> = c
                .query_row(
                    "SELECT state, token, claimed_at FROM budget_alerts WHERE budget = ?1 AND month = ?2 AND threshold = ?3",
                    params![key.budget, key.month, key.threshold],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            match found {
                Some((state, _, _)) if state == "sent" => Ok(Claim::Sent),
                Some((_, mine, _)) if mine == token => Ok(Claim::Mine),
                Some((_, _, at)) if at > stale => Ok(Claim::InProgress),
                _ => {
                    c.execute(
                        "INSERT OR REPLACE INTO budget_alerts (budget, month, threshold, state, token, claimed_at) \
                         VALUES (?1, ?2, ?3, 'sending', ?4, ?5)",
                        params![key.budget, key.month, key.threshold, token, now.as_millisecond()],
                    )?;
                    Ok(Claim::Mine)
                }
            }
        })
    }

    fn confirm_alert(
        &self,
        key: &AlertKey,
        token: &str,
        message_id: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.write(|c| {
            c.execute(
                "UPDATE budget_alerts SET state = 'sent', message_id = ?5, sent_at = ?6 \
                 WHERE budget = ?1 AND month = ?2 AND threshold = ?3 AND token = ?4",
                params![
                    key.budget,
                    key.month,
                    key.threshold,
                    token,
                    message_id,
                    now.as_millisecond()
                ],
            )
        })
        .map(|_| ())
    }

    fn alerts(&self, budget: &str, month: &str) -> Result<Vec<AlertRecord>, StoreError> {
        let rows: Vec<(u32, Option<i64>)> = self.retry(|c| {
            let mut s = c.prepare_cached(
                "SELECT threshold, CASE state WHEN 'sent' THEN sent_at END FROM budget_alerts \
                 WHERE budget = ?1 AND month = ?2 ORDER BY threshold",
            )?;
            let rows = s
                .query_map([budget, month], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>();
            rows
        })?;
        Ok(rows
            .into_iter()
            .map(|(threshold, sent)| AlertRecord {
                key: AlertKey {
                    budget: budget.to_string(),
                    month: month.to_string(),
                    threshold,
                },
                sent_at: sent.and_then(|ms| Timestamp::from_millisecond(ms).ok()),
            })
            .collect())
    }

    fn release_alert(&self, key: &AlertKey, token: &str) -> Result<(), StoreError> {
        self.write(|c| {
            c.execute(
                "DELETE FROM budget_alerts WHERE budget = ?1 AND month = ?2 AND threshold = ?3 \
                 AND token = ?4 AND state = 'sending'",
                params![key.budget, key.month, key.threshold, token],
            )
        })
        .map(|_| ())
    }
}
