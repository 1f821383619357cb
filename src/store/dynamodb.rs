//! The shared plan history: the same `Store` as the embedded one, in the DynamoDB table that
//! `deploy/` provisions. Every item sits in the partition of the logged-in user (their
//! user-pool `sub`) and every read is a `Query` or `GetItem` on that key, so IAM's
//! `dynamodb:LeadingKeys` condition can keep users apart and the client never filters
//! someone else's data.
//!
//! Per saved plan, three items share the user's partition:
//! - `plan#<saved_at ms, 13 digits>#<id>`: the entry (metadata, gzip report, optional plan),
//!   so a descending `Query` lists newest first and a page resumes below its last key;
//! - `id#<id>`: points to the entry, so an ID prefix is a `begins_with` query;
//! - `digest#<workspace>#<sha256>`: makes saving idempotent (conditional put).
//!
//! No transactions (see `save` for the order that makes that safe). Each item carries
//! `expires_at` (epoch seconds, the table's TTL attribute) and `expires_ms` (what reads
//! filter on: TTL deletes lazily).

use std::time::Duration;

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::{AttributeValue, DeleteRequest, WriteRequest};
use aws_sdk_dynamodb::Client;
use jiff::Timestamp;

use super::{
    normalize_id, Cursor, FindingCounts, ListQuery, NewPlan, PlanMeta, PlanPage, Saved, Store,
    StoreError, StoredPlan,
};
use crate::plan::report::{Report, Summary};

type Item = std::collections::HashMap<String, AttributeValue>;

/// DynamoDB's item limit is 400 KB including attribute names; this leaves room for them
/// and the metadata.
const ITEM_BUDGET: usize = 380 * 1024;
/// BatchWriteItem takes at most 25 requests.
const BATCH: usize = 25;
/// How long a claimed digest may wait for its entry before another writer takes it over.
const STALE_CLAIM: Duration = Duration::from_secs(30);

pub struct DynamoStore {
    rt: tokio::runtime::Runtime,
    client: Client,
    table: String,
    user_id: String,
}

impl DynamoStore {
    /// A store on `table` for `user_id` (the verified user-pool `sub`).
    pub fn new(
        config: &aws_config::SdkConfig,
        table: &str,
        user_id: &str,
    ) -> Result<Self, StoreError> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| StoreError::Other {
                location: format!("DynamoDB table {table}"),
                detail: format!("cannot start the network runtime: {e}"),
            })?;
        Ok(Self::with_runtime(rt, config, table, user_id))
    }

    /// As `new`, on the runtime that already did the login (so nothing it set up is left on
    /// a runtime that is gone).
    pub fn with_runtime(
        rt: tokio::runtime::Runtime,
        config: &aws_config::SdkConfig,
        table: &str,
        user_id: &str,
    ) -> Self {
        let mut b = aws_sdk_dynamodb::config::Builder::from(config);
        // Throttling and transient errors are retried with backoff; AWS_MAX_ATTEMPTS wins.
        if std::env::var_os("AWS_MAX_ATTEMPTS").is_none() {
            b = b.retry_config(
                aws_config::retry::RetryConfig::standard()
                    .with_max_attempts(6)
                    .with_max_backoff(Duration::from_secs(10)),
            );
        }
        DynamoStore {
            rt,
            client: Client::from_conf(b.build()),
            table: table.to_string(),
            user_id: user_id.to_string(),
        }
    }

    fn fail<E>(
        &self,
        op: &str,
        e: SdkError<E, aws_smithy_runtime_api::http::Response>,
    ) -> StoreError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        let (detail, hint): (String, String) = match &e {
            SdkError::ServiceError(s) => {
                let code = s.err().code().unwrap_or("error");
                let said = s.err().message().unwrap_or("");
                match code {
                    "ResourceNotFoundException" => (
                        format!("table {} does not exist here", self.table),
                        "check aws.plans_table and the region against the deploy/ stack outputs (deploy/README.md)".into(),
                    ),
                    "AccessDeniedException" | "UnrecognizedClientException" | "MissingAuthenticationTokenException" => (
                        format!("not allowed ({code}: {said})"),
                        "the deploy/ stack's role allows only your own items; with the AWS default chain your identity needs DynamoDB access to the table".into(),
                    ),
                    "ExpiredTokenException" | "InvalidSignatureException" => (
                        format!("the AWS credentials were refused ({code})"),
                        "log in again: `cloudops login`".into(),
                    ),
                    "ProvisionedThroughputExceededException" | "ThrottlingException" | "RequestLimitExceeded" => (
                        format!("still throttled after retries ({code})"),
                        "retry in a minute; nothing was half-written".into(),
                    ),
                    "error" => (
                        format!(
                            "HTTP {} without an AWS error code ({})",
                            s.raw().status().as_u16(),
                            String::from_utf8_lossy(s.raw().body().bytes().unwrap_or_default())
                                .chars()
                                .take(200)
                                .collect::<String>()
                        ),
                        "check AWS_ENDPOINT_URL and the region".into(),
                    ),
                    _ => (format!("{code}: {said}"), "run again with -v for details".into()),
                }
            }
            other => {
                let (why, hint) = crate::aws::failure(other);
                (why, hint.to_string())
            }
        };
        StoreError::Service {
            location: self.location(),
            detail: format!("{op}: {detail}"),
            hint,
        }
    }

    fn pk(&self) -> AttributeValue {
        AttributeValue::S(self.user_id.clone())
    }

    fn key(&self, sk: &str) -> Item {
        Item::from([
            ("user_id".to_string(), self.pk()),
            ("sk".to_string(), AttributeValue::S(sk.to_string())),
        ])
    }

    /// Every item of the user's partition whose sort key is in [lo, hi], in `forward` order,
    /// optionally only not-expired ones; follows every page.
    async fn query_range(
        &self,
        lo: &str,
        hi: &str,
        forward: bool,
        live_at: Option<Timestamp>,
        projection: Option<&[&str]>,
        mut keep_going: impl FnMut(&[Item]) -> bool,
    ) -> Result<Vec<Item>, StoreError> {
        let mut out: Vec<Item> = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            let mut q = self
                .client
                .query()
                .table_name(&self.table)
                .key_condition_expression("#pk = :u AND #sk BETWEEN :lo AND :hi")
                .expression_attribute_names("#pk", "user_id")
                .expression_attribute_names("#sk", "sk")
                .expression_attribute_values(":u", self.pk())
                .expression_attribute_values(":lo", AttributeValue::S(lo.into()))
                .expression_attribute_values(":hi", AttributeValue::S(hi.into()))
                .scan_index_forward(forward)
                .consistent_read(true)
                .set_exclusive_start_key(start.take());
            if let Some(now) = live_at {
                q = q
                    .filter_expression("attribute_not_exists(#exp) OR #exp > :now")
                    .expression_attribute_names("#exp", "expires_ms")
                    .expression_attribute_values(":now", num(now.as_millisecond()));
            }
            if let Some(fields) = projection {
                let (expr, names) = projection_of(fields);
                for (k, v) in names {
                    q = q.expression_attribute_names(k, v);
                }
                q = q.projection_expression(expr);
            }
            let page = q.send().await.map_err(|e| self.fail("Query", e))?;
            out.extend(page.items.unwrap_or_default());
            match page.last_evaluated_key {
                Some(k) if keep_going(&out) => start = Some(k),
                _ => return Ok(out),
            }
        }
    }

    /// The single entry an ID or prefix names (not expired), as its id and entry key.
    async fn find(&self, input: &str, now: Timestamp) -> Result<(String, String), StoreError> {
        let prefix = normalize_id(input)?;
        let lo = format!("id#{prefix}");
        let hi = format!("id#{prefix}~");
        let items = self
            .query_range(&lo, &hi, true, Some(now), None, |_| true)
            .await?;
        let found: Vec<(String, String)> = items
            .iter()
            .filter_map(|i| Some((text(i, "id")?, text(i, "entry_sk")?)))
            .collect();
        match found.len() {
            0 => Err(StoreError::NotFound {
                id: input.to_string(),
            }),
            1 => Ok(found.into_iter().next().expect("one")),
            _ => Err(StoreError::Ambiguous {
                prefix: prefix.clone(),
                matches: found.into_iter().map(|(id, _)| id).collect(),
            }),
        }
    }

    async fn get_item(
        &self,
        sk: &str,
        fields: Option<&[&str]>,
    ) -> Result<Option<Item>, StoreError> {
        let (expr, names) = match fields {
            Some(f) => {
                let (e, n) = projection_of(f);
                (Some(e), Some(n))
            }
            None => (None, None),
        };
        self.client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(self.key(sk)))
            .consistent_read(true)
            .set_projection_expression(expr)
            .set_expression_attribute_names(names)
            .send()
            .await
            .map(|o| o.item)
            .map_err(|e| self.fail("GetItem", e))
    }

    /// Deletes one entry: the entry, then its ID pointer, then the digest item if it still
    /// names this entry. An interrupted delete leaves a pointer to nothing, which reads as
    /// "not found" and is deleted the same way.
    async fn delete_entry(
        &self,
        id: &str,
        entry_sk: &str,
        digest_sk: Option<&str>,
    ) -> Result<(), StoreError> {
        for sk in [entry_sk.to_string(), format!("id#{id}")] {
            self.client
                .delete_item()
                .table_name(&self.table)
                .set_key(Some(self.key(&sk)))
                .send()
                .await
                .map_err(|e| self.fail("DeleteItem", e))?;
        }
        if let Some(d) = digest_sk {
            match self
                .client
                .delete_item()
                .table_name(&self.table)
                .set_key(Some(self.key(d)))
                .condition_expression("attribute_not_exists(#id) OR #id = :id")
                .expression_attribute_names("#id", "id")
                .expression_attribute_values(":id", AttributeValue::S(id.into()))
                .send()
                .await
            {
                // The digest already names a newer entry (a concurrent re-save): leave it.
                Err(e) if conditional_failed(&e) => {}
                Err(e) => return Err(self.fail("DeleteItem", e)),
                Ok(_) => {}
            }
        }
        Ok(())
    }

    /// A conditional put; `Ok(false)` when the item already exists.
    async fn put_new(&self, item: Item) -> Result<bool, StoreError> {
        match self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(#sk)")
            .expression_attribute_names("#sk", "sk")
            .send()
            .await
        {
            Ok(_) => Ok(true),
            Err(e) if conditional_failed(&e) => Ok(false),
            Err(e) => Err(self.fail("PutItem", e)),
        }
    }

    /// Saving is idempotent per workspace and plan digest without transactions: the digest
    /// item is claimed first with a conditional put, then the ID pointer and the entry are
    /// written. A claim whose entry never appears (the writer died) is taken over after
    /// `STALE_CLAIM`; a writer that finds a fresh claim waits for its entry.
    async fn save(&self, plan: NewPlan, now: Timestamp) -> Result<Saved, StoreError> {
        let digest_sk = format!("digest#{}#{}", plan.workspace, plan.plan_sha256);
        let fitted = fit(&plan).map_err(|detail| StoreError::Other {
            location: self.location(),
            detail,
        })?;
        let started = std::time::Instant::now();
        loop {
            if started.elapsed() > STALE_CLAIM * 2 {
                return Err(StoreError::Service {
                    location: self.location(),
                    detail: "the save kept meeting another writer of the same plan".into(),
                    hint: "retry; if it persists, delete the entry with `cloudops plan history delete`".into(),
                });
            }
            if let Some(d) = self.get_item(&digest_sk, None).await? {
                let id = text(&d, "id").unwrap_or_default();
                let entry_sk = text(&d, "entry_sk").unwrap_or_default();
                if expires_ms(&d).is_some_and(|e| e <= now.as_millisecond()) {
                    // An expired twin (TTL not yet run) must not count as "already saved".
                    self.delete_entry(&id, &entry_sk, Some(&digest_sk)).await?;
                    continue;
                }
                if self.get_item(&entry_sk, Some(&["sk"])).await?.is_some() {
                    return self
                        .resave(&id, &entry_sk, &digest_sk, &plan, &fitted)
                        .await;
                }
                let claimed = number(&d, "claimed_ms").unwrap_or(0);
                let age = Timestamp::now().as_millisecond() - claimed;
                if age < STALE_CLAIM.as_millis() as i64 {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                } else {
                    self.delete_entry(&id, &entry_sk, Some(&digest_sk)).await?;
                }
                continue;
            }
            let mut meta = PlanMeta::for_new(super::new_id(), &plan, plan.saved_at.unwrap_or(now));
            meta.has_raw_plan = fitted.raw_plan_gz.is_some();
            meta.note = fitted.note.clone();
            let entry_sk = entry_key(&meta);
            let ttl = ttl_attrs(meta.expires_at);
            let mut digest = self.key(&digest_sk);
            digest.insert("id".into(), AttributeValue::S(meta.id.clone()));
            digest.insert("entry_sk".into(), AttributeValue::S(entry_sk.clone()));
            digest.insert("claimed_ms".into(), num(Timestamp::now().as_millisecond()));
            digest.extend(ttl.clone());
            if !self.put_new(digest).await? {
                continue;
            }
            let mut pointer = self.key(&format!("id#{}", meta.id));
            pointer.insert("id".into(), AttributeValue::S(meta.id.clone()));
            pointer.insert("entry_sk".into(), AttributeValue::S(entry_sk.clone()));
            pointer.extend(ttl.clone());
            let mut entry = self.key(&entry_sk);
            entry.extend(meta_attrs(&meta));
            entry.insert(
                "report_gz".into(),
                AttributeValue::B(Blob::new(fitted.report_gz.clone())),
            );
            entry.insert("report_len".into(), num(fitted.report_gz.len() as i64));
            if let Some(raw) = &fitted.raw_plan_gz {
                entry.insert(
                    "raw_plan_gz".into(),
                    AttributeValue::B(Blob::new(raw.clone())),
                );
            }
            entry.extend(ttl);
            if self.put_new(pointer).await? && self.put_new(entry).await? {
                return Ok(Saved::Created(meta));
            }
            // The random ID was taken (50 bits: practically never): give the claim back.
            self.client
                .delete_item()
                .table_name(&self.table)
                .set_key(Some(self.key(&digest_sk)))
                .send()
                .await
                .map_err(|e| self.fail("DeleteItem", e))?;
        }
    }

    /// The same plan again: keep the entry, extend its retention, attach the plan if asked.
    async fn resave(
        &self,
        id: &str,
        entry_sk: &str,
        digest_sk: &str,
        plan: &NewPlan,
        fitted: &Fitted,
    ) -> Result<Saved, StoreError> {
        let Some(current) = self.get_item(entry_sk, Some(META_FIELDS)).await? else {
            return Err(StoreError::NotFound { id: id.to_string() });
        };
        let old = meta_of(&current).map_err(|detail| StoreError::Unreadable {
            id: id.to_string(),
            detail,
        })?;
        let expires_at = match (old.expires_at, plan.expires_at) {
            (None, _) | (_, None) => None,
            (Some(a), Some(b)) => Some(a.max(super::to_millis(b))),
        };
        let attach = !old.has_raw_plan && fitted.raw_plan_gz.is_some();
        if expires_at != old.expires_at || attach {
            let mut update = self
                .client
                .update_item()
                .table_name(&self.table)
                .set_key(Some(self.key(entry_sk)))
                .condition_expression("attribute_exists(#sk)")
                .expression_attribute_names("#sk", "sk");
            let mut set = Vec::new();
            let mut remove = Vec::new();
            match expires_at {
                Some(t) => {
                    set.push("#ems = :ems, #eat = :eat");
                    update = update
                        .expression_attribute_names("#ems", "expires_ms")
                        .expression_attribute_names("#eat", "expires_at")
                        .expression_attribute_values(":ems", num(t.as_millisecond()))
                        .expression_attribute_values(":eat", num(ttl_seconds(t)));
                }
                None => {
                    remove.push("#ems, #eat");
                    update = update
                        .expression_attribute_names("#ems", "expires_ms")
                        .expression_attribute_names("#eat", "expires_at");
                }
            }
            if attach {
                let raw = fitted.raw_plan_gz.clone().expect("attach implies a plan");
                // The plan is attached only if the entry still has room for it.
                let report_len = report_len(&current);
                if report_len + raw.len() <= ITEM_BUDGET {
                    set.push("#raw = :raw, #has = :t");
                    update = update
                        .expression_attribute_names("#raw", "raw_plan_gz")
                        .expression_attribute_names("#has", "has_raw_plan")
                        .expression_attribute_values(":raw", AttributeValue::B(Blob::new(raw)))
                        .expression_attribute_values(":t", AttributeValue::Bool(true));
                }
            }
            let mut expr = String::new();
            if !set.is_empty() {
                expr.push_str(&format!("SET {}", set.join(", ")));
            }
            if !remove.is_empty() {
                expr.push_str(&format!(" REMOVE {}", remove.join(", ")));
            }
            if !expr.is_empty() {
                update
                    .update_expression(expr.trim())
                    .send()
                    .await
                    .map_err(|e| self.fail("UpdateItem", e))?;
                for sk in [format!("id#{id}"), digest_sk.to_string()] {
                    let mut u = self
                        .client
                        .update_item()
                        .table_name(&self.table)
                        .set_key(Some(self.key(&sk)))
                        .condition_expression("attribute_exists(#sk)")
                        .expression_attribute_names("#sk", "sk");
                    u = u
                        .expression_attribute_names("#ems", "expires_ms")
                        .expression_attribute_names("#eat", "expires_at");
                    u = match expires_at {
                        Some(t) => u
                            .update_expression("SET #ems = :ems, #eat = :eat")
                            .expression_attribute_values(":ems", num(t.as_millisecond()))
                            .expression_attribute_values(":eat", num(ttl_seconds(t))),
                        None => u.update_expression("REMOVE #ems, #eat"),
                    };
                    u.send().await.map_err(|e| self.fail("UpdateItem", e))?;
                }
            }
        }
        let now = self
            .get_item(entry_sk, Some(META_FIELDS))
            .await?
            .ok_or_else(|| StoreError::NotFound { id: id.to_string() })?;
        meta_of(&now)
            .map(Saved::AlreadySaved)
            .map_err(|detail| StoreError::Unreadable {
                id: id.to_string(),
                detail,
            })
    }

    async fn list(&self, q: &ListQuery, now: Timestamp) -> Result<PlanPage, StoreError> {
        let lo = match q.since {
            Some(t) => format!("plan#{}", ms13(t.as_millisecond())),
            None => "plan#".to_string(),
        };
        let hi = match &q.cursor {
            Some(c) => format!("plan#{}#{}", ms13(c.saved_at_ms), c.id),
            None => "plan#~".to_string(),
        };
        let want = if q.limit == 0 {
            usize::MAX
        } else {
            q.limit.saturating_add(1)
        };
        let cursor_sk = q.cursor.as_ref().map(|_| hi.clone());
        let workspace = q.workspace.clone();
        let matches = |i: &Item| {
            cursor_sk.as_deref() != text(i, "sk").as_deref()
                && workspace
                    .as_ref()
                    .is_none_or(|w| text(i, "workspace").as_ref() == Some(w))
        };
        let items = self
            .query_range(&lo, &hi, false, Some(now), Some(META_FIELDS), |got| {
                got.iter().filter(|i| matches(i)).count() < want
            })
            .await?;
        let rows: Vec<&Item> = items.iter().filter(|i| matches(i)).collect();
        let more = q.limit > 0 && rows.len() > q.limit;
        let kept = if more { q.limit } else { rows.len() };
        let mut entries = Vec::with_capacity(kept);
        let mut unreadable = Vec::new();
        for item in &rows[..kept] {
            match meta_of(item) {
                Ok(m) => entries.push(m),
                Err(_) => unreadable
                    .push(text(item, "id").unwrap_or_else(|| text(item, "sk").unwrap_or_default())),
            }
        }
        let next = more.then(|| {
            let last = rows[kept - 1];
            let sk = text(last, "sk").unwrap_or_default();
            let mut parts = sk.splitn(3, '#').skip(1);
            Cursor {
                saved_at_ms: parts
                    .next()
                    .and_then(|m| m.parse().ok())
                    .unwrap_or_default(),
                id: parts.next().unwrap_or_default().to_string(),
            }
        });
        Ok(PlanPage {
            entries,
            next,
            unreadable,
        })
    }

    async fn get(&self, input: &str, now: Timestamp) -> Result<StoredPlan, StoreError> {
        let (id, entry_sk) = self.find(input, now).await?;
        let Some(item) = self.get_item(&entry_sk, None).await? else {
            return Err(StoreError::NotFound { id });
        };
        let meta = meta_of(&item).map_err(|detail| StoreError::Unreadable {
            id: id.clone(),
            detail,
        })?;
        let report = match item.get("report_gz") {
            Some(AttributeValue::B(b)) => super::decode_report(b.as_ref()),
            _ => Err("no report".to_string()),
        }
        .map_err(|detail| StoreError::Unreadable {
            id: id.clone(),
            detail: format!("its report: {detail}"),
        })?;
        let raw_plan_gz = match item.get("raw_plan_gz") {
            Some(AttributeValue::B(b)) => Some(b.clone().into_inner()),
            _ => None,
        };
        Ok(StoredPlan {
            meta,
            report,
            raw_plan_gz,
        })
    }

    async fn delete(&self, input: &str, now: Timestamp) -> Result<String, StoreError> {
        let (id, entry_sk) = self.find(input, now).await?;
        let entry = self
            .get_item(&entry_sk, Some(&["workspace", "plan_sha256"]))
            .await?;
        let digest_sk = entry.as_ref().and_then(|e| {
            Some(format!(
                "digest#{}#{}",
                text(e, "workspace")?,
                text(e, "plan_sha256")?
            ))
        });
        self.delete_entry(&id, &entry_sk, digest_sk.as_deref())
            .await?;
        Ok(id)
    }

    async fn purge(&self, now: Timestamp) -> Result<u64, StoreError> {
        let items = self
            .query_range("a", "~", true, None, Some(&["sk", "expires_ms"]), |_| true)
            .await?;
        let dead: Vec<WriteRequest> = items
            .iter()
            .filter(|i| expires_ms(i).is_some_and(|e| e <= now.as_millisecond()))
            .filter_map(|i| text(i, "sk"))
            .map(|sk| {
                WriteRequest::builder()
                    .delete_request(
                        DeleteRequest::builder()
                            .set_key(Some(self.key(&sk)))
                            .build()
                            .expect("key is set"),
                    )
                    .build()
            })
            .collect();
        let entries = dead
            .iter()
            .filter(|w| {
                w.delete_request
                    .as_ref()
                    .and_then(|d| d.key.get("sk"))
                    .and_then(|k| k.as_s().ok())
                    .is_some_and(|s| s.starts_with("plan#"))
            })
            .count() as u64;
        for chunk in dead.chunks(BATCH) {
            self.batch_delete(chunk.to_vec()).await?;
        }
        Ok(entries)
    }

    /// One BatchWriteItem, with what DynamoDB leaves unprocessed retried after a backoff.
    async fn batch_delete(&self, mut requests: Vec<WriteRequest>) -> Result<(), StoreError> {
        let mut wait = Duration::from_millis(50);
        for _ in 0..10 {
            let out = self
                .client
                .batch_write_item()
                .request_items(&self.table, requests)
                .send()
                .await
                .map_err(|e| self.fail("BatchWriteItem", e))?;
            match out
                .unprocessed_items
                .and_then(|mut u| u.remove(&self.table))
                .filter(|r| !r.is_empty())
            {
                None => return Ok(()),
                Some(rest) => {
                    requests = rest;
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(5));
                }
            }
        }
        Err(StoreError::Service {
            location: self.location(),
            detail: "BatchWriteItem: items stayed unprocessed after 10 tries".into(),
            hint: "retry later; expired entries are also removed by the table's TTL".into(),
        })
    }
}

impl Store for DynamoStore {
    fn location(&self) -> String {
        format!("DynamoDB table {}", self.table)
    }

    fn save_plan(&self, plan: NewPlan, now: Timestamp) -> Result<Saved, StoreError> {
        self.rt.block_on(self.save(plan, now))
    }

    fn list_plans(&self, query: &ListQuery, now: Timestamp) -> Result<PlanPage, StoreError> {
        self.rt.block_on(self.list(query, now))
    }

    fn get_plan(&self, id: &str, now: Timestamp) -> Result<StoredPlan, StoreError> {
        self.rt.block_on(self.get(id, now))
    }

    fn delete_plan(&self, id: &str, now: Timestamp) -> Result<String, StoreError> {
        self.rt.block_on(self.delete(id, now))
    }

    fn purge_expired(&self, now: Timestamp) -> Result<u64, StoreError> {
        self.rt.block_on(self.purge(now))
    }
}

/// The attributes listings read (everything but the report and the plan).
const META_FIELDS: &[&str] = &[
    "sk",
    "id",
    "workspace",
    "saved_ms",
    "expires_ms",
    "plan_sha256",
    "source",
    "terraform_version",
    "summary",
    "findings",
    "gate_failed",
    "has_raw_plan",
    "note",
    "report_len",
];

/// A projection expression over `fields` with every name aliased (`#p0, #p1, ...`), so that
/// none can collide with DynamoDB's reserved words.
fn projection_of(fields: &[&str]) -> (String, std::collections::HashMap<String, String>) {
    let names = fields
        .iter()
        .enumerate()
        .map(|(n, f)| (format!("#p{n}"), f.to_string()))
        .collect::<std::collections::HashMap<_, _>>();
    let expr = (0..fields.len())
        .map(|n| format!("#p{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    (expr, names)
}

/// What fits in one item: the report (truncated if it must be) and the plan if there is room.
struct Fitted {
    report_gz: Vec<u8>,
    raw_plan_gz: Option<Vec<u8>>,
    note: Option<String>,
}

fn fit(plan: &NewPlan) -> Result<Fitted, String> {
    let encode =
        |r: &Report| super::encode_report(r).map_err(|e| format!("cannot encode the report: {e}"));
    let mut report_gz = encode(&plan.report)?;
    let mut notes = Vec::new();
    if report_gz.len() > ITEM_BUDGET {
        // Keep the summary, findings, outputs and gate; cut the per-resource detail until it
        // fits, and say so.
        let full = &plan.report;
        let total = full.changes.len() + full.drift.len();
        let (mut lo, mut hi) = (0usize, total);
        let mut best: Option<(usize, Vec<u8>)> = None;
        while lo <= hi {
            let mid = (lo + hi) / 2;
            let cut = truncated(full, mid);
            let gz = encode(&cut)?;
            if gz.len() <= ITEM_BUDGET {
                best = Some((mid, gz));
                lo = mid + 1;
            } else if mid == 0 {
                break;
            } else {
                hi = mid - 1;
            }
        }
        let Some((kept, gz)) = best else {
            return Err("the report does not fit DynamoDB's 400 KB item limit even without its resource list".into());
        };
        report_gz = gz;
        notes.push(format!(
            "report truncated to fit DynamoDB's 400 KB item limit: {kept} of {total} changed or drifted resources kept; the summary and findings are complete"
        ));
    }
    let raw_plan_gz = match &plan.raw_plan_gz {
        Some(raw) if report_gz.len() + raw.len() <= ITEM_BUDGET => Some(raw.clone()),
        Some(raw) => {
            notes.push(format!(
                "the plan itself ({} KB compressed) was not kept: it does not fit DynamoDB's 400 KB item limit",
                raw.len() / 1024
            ));
            None
        }
        None => None,
    };
    Ok(Fitted {
        report_gz,
        raw_plan_gz,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    })
}

/// The report with only the first `keep` of its changes and drift entries.
fn truncated(full: &Report, keep: usize) -> Report {
    let mut r = full.clone();
    let changes = keep.min(r.changes.len());
    r.changes.truncate(changes);
    r.drift.truncate(keep - changes);
    r
}

fn entry_key(meta: &PlanMeta) -> String {
    format!("plan#{}#{}", ms13(meta.saved_at.as_millisecond()), meta.id)
}

/// Milliseconds as 13 digits, so that string order is time order (to the year 2286).
fn ms13(ms: i64) -> String {
    format!("{:013}", ms.max(0))
}

fn num(n: i64) -> AttributeValue {
    AttributeValue::N(n.to_string())
}

fn ttl_seconds(t: Timestamp) -> i64 {
    t.as_second() + i64::from(t.subsec_nanosecond() > 0)
}

fn ttl_attrs(expires_at: Option<Timestamp>) -> Item {
    match expires_at {
        Some(t) => Item::from([
            ("expires_ms".to_string(), num(t.as_millisecond())),
            ("expires_at".to_string(), num(ttl_seconds(t))),
        ]),
        None => Item::new(),
    }
}

fn meta_attrs(m: &PlanMeta) -> Item {
    let mut i = Item::from([
        ("id".to_string(), AttributeValue::S(m.id.clone())),
        (
            "workspace".to_string(),
            AttributeValue::S(m.workspace.clone()),
        ),
        ("saved_ms".to_string(), num(m.saved_at.as_millisecond())),
        (
            "plan_sha256".to_string(),
            AttributeValue::S(m.plan_sha256.clone()),
        ),
        ("source".to_string(), AttributeValue::S(m.source.clone())),
        (
            "summary".to_string(),
            AttributeValue::S(serde_json::to_string(&m.summary).expect("summary serialises")),
        ),
        (
            "findings".to_string(),
            AttributeValue::S(serde_json::to_string(&m.findings).expect("counts serialise")),
        ),
        (
            "gate_failed".to_string(),
            AttributeValue::Bool(m.gate_failed),
        ),
        (
            "has_raw_plan".to_string(),
            AttributeValue::Bool(m.has_raw_plan),
        ),
    ]);
    if let Some(v) = &m.terraform_version {
        i.insert("terraform_version".into(), AttributeValue::S(v.clone()));
    }
    if let Some(n) = &m.note {
        i.insert("note".into(), AttributeValue::S(n.clone()));
    }
    i
}

fn meta_of(i: &Item) -> Result<PlanMeta, String> {
    let need = |k: &str| text(i, k).ok_or_else(|| format!("no {k}"));
    let ms = |k: &str| match i.get(k) {
        Some(AttributeValue::N(n)) => n
            .parse::<i64>()
            .ok()
            .and_then(|v| Timestamp::from_millisecond(v).ok())
            .map(Some)
            .ok_or_else(|| format!("bad {k}")),
        None => Ok(None),
        _ => Err(format!("bad {k}")),
    };
    let flag = |k: &str| matches!(i.get(k), Some(AttributeValue::Bool(true)));
    let summary: Summary =
        serde_json::from_str(&need("summary")?).map_err(|e| format!("its summary: {e}"))?;
    let findings: FindingCounts =
        serde_json::from_str(&need("findings")?).map_err(|e| format!("its findings: {e}"))?;
    Ok(PlanMeta {
        id: need("id")?,
        workspace: need("workspace")?,
        saved_at: ms("saved_ms")?.ok_or("no saved_ms")?,
        expires_at: ms("expires_ms")?,
        plan_sha256: need("plan_sha256")?,
        source: need("source")?,
        terraform_version: text(i, "terraform_version"),
        summary,
        findings,
        gate_failed: flag("gate_failed"),
        has_raw_plan: flag("has_raw_plan"),
        note: text(i, "note"),
    })
}

fn text(i: &Item, k: &str) -> Option<String> {
    match i.get(k) {
        Some(AttributeValue::S(s)) => Some(s.clone()),
        _ => None,
    }
}

fn expires_ms(i: &Item) -> Option<i64> {
    number(i, "expires_ms")
}

fn number(i: &Item, k: &str) -> Option<i64> {
    match i.get(k) {
        Some(AttributeValue::N(n)) => n.parse().ok(),
        _ => None,
    }
}

fn conditional_failed<E: ProvideErrorMetadata>(
    e: &SdkError<E, aws_smithy_runtime_api::http::Response>,
) -> bool {
    matches!(e, SdkError::ServiceError(s) if s.err().code() == Some("ConditionalCheckFailedException"))
}

fn report_len(i: &Item) -> usize {
    match i.get("report_len") {
        Some(AttributeValue::N(n)) => n.parse().unwrap_or(ITEM_BUDGET),
        _ => ITEM_BUDGET,
    }
}
