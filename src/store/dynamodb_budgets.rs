//! Budgets, alert records and the cost cache in the tables `deploy/` provisions, in the
//! logged-in user's partition like the plan history:
//! - `budget#<name>`: the budget (JSON in `body`);
//! - `alert#<name>#<YYYY-MM>#<threshold>`: an alert's claim (`state` = sending) or record
//!   (`state` = sent), written with conditions so two checks never both publish;
//! - `cost#<digest of the query>`: a gzip answer with `fetched_ms` and the TTL attribute.

use std::io::{Read, Write};

use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::AttributeValue;
use jiff::{SignedDuration, Timestamp};

use super::budgets::{
    decode_budget, encode_budget, AlertKey, AlertRecord, BudgetStore, CachedCost, Claim, CostCache,
    STALE_ALERT_CLAIM,
};
use super::dynamodb::{conditional_failed, num, number, text, ttl_attrs, DynamoStore, ITEM_BUDGET};
use super::StoreError;
use crate::budget::Budget;

type Item = std::collections::HashMap<String, AttributeValue>;

/// Alert records outlive the month they are about, then DynamoDB's TTL removes them.
const ALERT_KEEP_DAYS: i64 = 400;

fn alert_sk(k: &AlertKey) -> String {
    format!("alert#{}#{}#{}", k.budget, k.month, k.threshold)
}

impl DynamoStore {
    fn with(&self, mut extra: Item, sk: &str) -> Item {
        extra.extend(self.key(sk));
        extra
    }
}

impl CostCache for DynamoStore {
    fn cached_cost(&self, key: &str, now: Timestamp) -> Result<Option<CachedCost>, StoreError> {
        let item = self
            .rt
            .block_on(self.get_item(&format!("cost#{key}"), None))?;
        Ok(item.and_then(|i| cached(key, &i, now)))
    }

    fn cache_cost(
        &self,
        key: &str,
        entry: &CachedCost,
        expires_at: Timestamp,
    ) -> Result<bool, StoreError> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let body = gz
            .write_all(&entry.body)
            .and_then(|()| gz.finish())
            .map_err(|e| StoreError::Other {
                location: crate::store::Store::location(self),
                detail: format!("compressing a cost answer: {e}"),
            })?;
        if body.len() > ITEM_BUDGET {
            return Ok(false);
        }
        let mut item = ttl_attrs(Some(expires_at));
        item.insert("body".into(), AttributeValue::B(Blob::new(body)));
        item.insert("fetched_ms".into(), num(entry.fetched_at.as_millisecond()));
        let item = self.with(item, &format!("cost#{key}"));
        self.rt
            .block_on(
                self.client
                    .put_item()
                    .table_name(&self.table)
                    .set_item(Some(item))
                    .send(),
            )
            .map_err(|e| self.fail("PutItem", e))?;
        Ok(true)
    }

    fn cached_costs(&self, now: Timestamp) -> Result<Vec<(String, CachedCost)>, StoreError> {
        // "cost$" sorts right after every "cost#..." key.
        let items =
            self.rt
                .block_on(self.query_range("cost#", "cost$", true, Some(now), None, |_| true))?;
        let mut out: Vec<(String, CachedCost)> = items
            .iter()
            .filter_map(|i| {
                let key = text(i, "sk")?.strip_prefix("cost#")?.to_string();
                let c = cached(&key, i, now)?;
                Some((key, c))
            })
            .collect();
        out.sort_by(|a, b| b.1.fetched_at.cmp(&a.1.fetched_at).then(a.0.cmp(&b.0)));
        Ok(out)
    }
}

/// A cache item's answer, unless it expired by `now` or cannot be read (then it is fetched
/// again, as if it were not there).
fn cached(key: &str, i: &Item, now: Timestamp) -> Option<CachedCost> {
    if number(i, "expires_ms").is_none_or(|e| e <= now.as_millisecond()) {
        return None;
    }
    let (Some(AttributeValue::B(gz)), Some(ms)) = (i.get("body"), number(i, "fetched_ms")) else {
        return None;
    };
    let mut body = Vec::new();
    if flate2::read::GzDecoder::new(gz.as_ref())
        .read_to_end(&mut body)
        .is_err()
    {
        tracing::debug!(key, "unreadable cost cache item: fetching again");
        return None;
    }
    let fetched_at = Timestamp::from_millisecond(ms).ok()?;
    Some(CachedCost { fetched_at, body })
}

impl BudgetStore for DynamoStore {
    fn put_budget(&self, b: &Budget) -> Result<(), StoreError> {
        let item = self.with(
            Item::from([("body".to_string(), AttributeValue::S(encode_budget(b)))]),
            &format!("budget#{}", b.name),
        );
        self.rt
            .block_on(
                self.client
                    .put_item()
                    .table_name(&self.table)
                    .set_item(Some(item))
                    .send(),
            )
            .map(|_| ())
            .map_err(|e| self.fail("PutItem", e))
    }

    fn budgets(&self) -> Result<Vec<Budget>, StoreError> {
        // "budget$" sorts right after every "budget#..." key.
        let items =
            self.rt
                .block_on(self.query_range("budget#", "budget$", true, None, None, |_| true))?;
        items
            .iter()
            .filter_map(|i| Some((text(i, "sk")?, text(i, "body")?)))
            .map(|(sk, body)| decode_budget(sk.trim_start_matches("budget#"), &body))
            .collect()
    }

    fn budget(&self, name: &str) -> Result<Option<Budget>, StoreError> {
        let item = self
            .rt
            .block_on(self.get_item(&format!("budget#{name}"), None))?;
        item.and_then(|i| text(&i, "body"))
            .map(|b| decode_budget(name, &b))
            .transpose()
    }

    fn delete_budget(&self, name: &str) -> Result<bool, StoreError> {
        self.rt.block_on(async {
            let existed = self
                .get_item(&format!("budget#{name}"), Some(&["sk"]))
                .await?;
            let prefix = format!("alert#{name}#");
            let alerts = self
                .query_range(
                    &prefix,
                    &format!("{prefix}\u{10FFFF}"),
                    true,
                    None,
                    Some(&["sk"]),
                    |_| true,
                )
                .await?;
            for sk in alerts.iter().filter_map(|i| text(i, "sk")) {
                self.delete_if(&sk, None).await?;
            }
            self.delete_if(&format!("budget#{name}"), None).await?;
            Ok(existed.is_some())
        })
    }

    fn claim_alert(
        &self,
        key: &AlertKey,
        token: &str,
        now: Timestamp,
    ) -> Result<Claim, StoreError> {
        let sk = alert_sk(key);
        let stale = now.as_millisecond() - STALE_ALERT_CLAIM.as_millis() as i64;
        let keep = now
            .checked_add(SignedDuration::from_hours(24 * ALERT_KEEP_DAYS))
            .unwrap_or(now);
        let mut item = ttl_attrs(Some(keep));
        item.insert("state".into(), AttributeValue::S("sending".into()));
        item.insert("token".into(), AttributeValue::S(token.into()));
        item.insert("claimed_ms".into(), num(now.as_millisecond()));
        let item = self.with(item, &sk);
        self.rt.block_on(async {
            let put = self
                .client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(item))
                .condition_expression(
                    "attribute_not_exists(#sk) OR (#state = :sending AND #claimed < :stale)",
                )
                .expression_attribute_names("#sk", "sk")
                .expression_attribute_names("#state", "state")
                .expression_attribute_names("#claimed", "claimed_ms")
                .expression_attribute_values(":sending", AttributeValue::S("sending".into()))
                .expression_attribute_values(":stale", num(stale))
                .send()
                .await;
            match put {
                Ok(_) => Ok(Claim::Mine),
                Err(e) if conditional_failed(&e) => {
                    // Ours already when an SDK retry repeats a claim that had landed.
                    let now_there = self.get_item(&sk, None).await?;
                    Ok(match now_there {
                        Some(i) if text(&i, "state").as_deref() == Some("sent") => Claim::Sent,
                        Some(i) if text(&i, "token").as_deref() == Some(token) => Claim::Mine,
                        _ => Claim::InProgress,
                    })
                }
                Err(e) => Err(self.fail("PutItem", e)),
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
        let r = self.rt.block_on(
            self.client
                .update_item()
                .table_name(&self.table)
                .set_key(Some(self.key(&alert_sk(key))))
                .update_expression("SET #state = :sent, message_id = :m, sent_ms = :t")
                .condition_expression("#token = :token")
                .expression_attribute_names("#state", "state")
                .expression_attribute_names("#token", "token")
                .expression_attribute_values(":sent", AttributeValue::S("sent".into()))
                .expression_attribute_values(":m", AttributeValue::S(message_id.into()))
                .expression_attribute_values(":t", num(now.as_millisecond()))
                .expression_attribute_values(":token", AttributeValue::S(token.into()))
                .send(),
        );
        match r {
            Ok(_) => Ok(()),
            // Taken over after we stalled: the other check records its own send.
            Err(e) if conditional_failed(&e) => Ok(()),
            Err(e) => Err(self.fail("UpdateItem", e)),
        }
    }

    fn alerts(&self, budget: &str, month: &str) -> Result<Vec<AlertRecord>, StoreError> {
        // alert#BUDGET#MONTH#THRESHOLD: '$' sorts right after '#', so the range holds exactly
        // this budget's month (budget names have no '#').
        let lo = format!("alert#{budget}#{month}#");
        let hi = format!("alert#{budget}#{month}$");
        let items = self
            .rt
            .block_on(self.query_range(&lo, &hi, true, None, None, |_| true))?;
        let mut out: Vec<AlertRecord> = items
            .iter()
            .filter_map(|i| {
                let threshold = text(i, "sk")?.strip_prefix(lo.as_str())?.parse().ok()?;
                let sent = text(i, "state").as_deref() == Some("sent");
                Some(AlertRecord {
                    key: AlertKey {
                        budget: budget.to_string(),
                        month: month.to_string(),
                        threshold,
                    },
                    sent_at: sent
                        .then(|| number(i, "sent_ms"))
                        .flatten()
                        .and_then(|ms| Timestamp::from_millisecond(ms).ok()),
                })
            })
            .collect();
        // Sort keys order thresholds as text ("100" before "50").
        out.sort_by_key(|r| r.key.threshold);
        Ok(out)
    }

    fn release_alert(&self, key: &AlertKey, token: &str) -> Result<(), StoreError> {
        let r = self.rt.block_on(
            self.client
                .delete_item()
                .table_name(&self.table)
                .set_key(Some(self.key(&alert_sk(key))))
                .condition_expression("#token = :token AND #state = :sending")
                .expression_attribute_names("#state", "state")
                .expression_attribute_names("#token", "token")
                .expression_attribute_values(":sending", AttributeValue::S("sending".into()))
                .expression_attribute_values(":token", AttributeValue::S(token.into()))
                .send(),
        );
        match r {
            Ok(_) => Ok(()),
            Err(e) if conditional_failed(&e) => Ok(()),
            Err(e) => Err(self.fail("DeleteItem", e)),
        }
    }
}
