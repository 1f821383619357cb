//! The shared plan history: the same `Store` as the embedded one, in the DynamoDB table that
//! `deploy/` provisions. Every item sits in the partition of the logged-in user (their
//! user-pool `sub`) and every read is a `Query` or `GetItem` on that key, so IAM's
//! `dynamodb:LeadingKeys` condition can keep users apart and the client never filters
//! someone else's data.
//!
//! Per saved plan, four items share the user's partition:
//! - `plan#<saved_at ms, 13 digits>#<id>`: the listing item (metadata only, so listings never
//!   read reports), so a descending `Query` lists newest first and a page resumes below it;
//! - `blob#<id>`: the gzip report and, with `--save-plan`, the plan;
//! - `id#<id>`: points to the entry, so an ID prefix is a `begins_with` query;
//! - `digest#<sha256 of workspace>#<plan sha256>`: the claim that makes saving idempotent.
//!
//! No transactions (see `save` for the order that makes that safe). Each item carries
//! `expires_at` (epoch seconds, the table's TTL attribute) and `expires_ms` (what reads
//! filter on: TTL deletes lazily).

use std::time::Duration;

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::AttributeValue;
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
pub(super) const ITEM_BUDGET: usize = 380 * 1024;
/// How long a claimed digest may wait for its entry before another writer takes it over.
const STALE_CLAIM: Duration = Duration::from_secs(30);

pub struct DynamoStore {
    pub(super) rt: std::sync::Arc<tokio::runtime::Runtime>,
    pub(super) client: Client,
    pub(super) table: String,
    pub(super) user_id: String,
    /// The setting that names the table, for "does not exist" hints.
    setting: &'static str,
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
        rt: impl Into<std::sync::Arc<tokio::runtime::Runtime>>,
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
            rt: rt.into(),
            client: Client::from_conf(b.build()),
            table: table.to_string(),
            user_id: user_id.to_string(),
            setting: "aws.plans_table",
        }
    }

    /// The same store on another of the stack's tables, named by `setting`.
    pub fn for_table(mut self, table: &str, setting: &'static str) -> Self {
        self.table = table.to_string();
        self.setting = setting;
        self
    }

    pub(super) fn fail<E>(
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
                        format!("check {} and the region against the deploy/ stack outputs (deploy/README.md)", self.setting),
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

    pub(super) fn pk(&self) -> AttributeValue {
        AttributeValue::S(self.user_id.clone())
    }

    pub(super) fn key(&self, sk: &str) -> Item {
        Item::from([
            ("user_id".to_string(), self.pk()),
            ("sk".to_string(), AttributeValue::S(sk.to_string())),
        ])
    }

    /// Every item of the user's partition whose sort key is in [lo, hi], in `forward` order,
    /// optionally only not-expired ones; follows every page.
    pub(super) async fn query_range(
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

    pub(super) async fn get_item(
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

    /// Deletes one entry's items: the listing item first (so it disappears from listings at
    /// once), then the blob, the ID pointer, and the digest claim if it is still this entry's.
    /// An interrupted delete leaves a pointer to nothing, which reads as "not found".
    async fn delete_entry(
        &self,
        id: &str,
        entry_sk: &str,
        digest_sk: Option<&str>,
    ) -> Result<(), StoreError> {
        for sk in [entry_sk.to_string(), format!("blob#{id}")] {
            self.delete_if(&sk, None).await?;
        }
        self.delete_if(&format!("id#{id}"), Some(("entry_sk", entry_sk)))
            .await?;
        if let Some(d) = digest_sk {
            self.delete_if(d, Some(("id", id))).await?;
        }
        Ok(())
    }

    /// Deletes `sk`, only while its attribute `attr` still holds `value` when given (another
    /// writer's newer item is left alone). Missing items are fine.
    pub(super) async fn delete_if(
        &self,
        sk: &str,
        only: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        let mut req = self
            .client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(self.key(sk)));
        if let Some((attr, value)) = only {
            req = req
                .condition_expression("attribute_not_exists(#a) OR #a = :v")
                .expression_attribute_names("#a", attr)
                .expression_attribute_values(":v", AttributeValue::S(value.into()));
        }
        match req.send().await {
            Ok(_) => Ok(()),
            Err(e) if conditional_failed(&e) => Ok(()),
            Err(e) => Err(self.fail("DeleteItem", e)),
        }
    }

    /// A conditional put of a new item. `Ok(false)` when an item with that key exists and
    /// is not ours; `Ok(true)` also when it is ours — `attr` equals `mine` — which is what a
    /// write applied once and then retried by the SDK (timeout, reset) looks like.
    async fn put_new(&self, item: Item, attr: &str, mine: &str) -> Result<bool, StoreError> {
        use aws_sdk_dynamodb::operation::put_item::PutItemError;
        match self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(#sk)")
            .expression_attribute_names("#sk", "sk")
            .return_values_on_condition_check_failure(
                aws_sdk_dynamodb::types::ReturnValuesOnConditionCheckFailure::AllOld,
            )
            .send()
            .await
        {
            Ok(_) => Ok(true),
            Err(SdkError::ServiceError(s)) if s.err().is_conditional_check_failed_exception() => {
                let existing = match s.err() {
                    PutItemError::ConditionalCheckFailedException(c) => c.item(),
                    _ => None,
                };
                Ok(existing.and_then(|i| text(i, attr)).as_deref() == Some(mine))
            }
            Err(e) => Err(self.fail("PutItem", e)),
        }
    }

    /// Removes what one save attempt wrote; best effort, and only what is still its own.
    async fn discard(&self, id: &str, entry_sk: &str, digest_sk: &str) {
        let _ = self.delete_if(entry_sk, Some(("id", id))).await;
        let _ = self
            .delete_if(&format!("blob#{id}"), Some(("entry_sk", entry_sk)))
            .await;
        let _ = self
            .delete_if(&format!("id#{id}"), Some(("entry_sk", entry_sk)))
            .await;
        let _ = self.delete_if(digest_sk, Some(("id", id))).await;
    }

    /// Marks the claim as complete, if it is still ours (a writer stalled past
    /// `STALE_CLAIM` may have been taken over).
    async fn commit(&self, digest_sk: &str, id: &str) -> Result<bool, StoreError> {
        match self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(self.key(digest_sk)))
            .update_expression("SET #c = :t")
            .condition_expression("#id = :me")
            .expression_attribute_names("#c", "committed")
            .expression_attribute_names("#id", "id")
            .expression_attribute_values(":t", AttributeValue::Bool(true))
            .expression_attribute_values(":me", AttributeValue::S(id.into()))
            .send()
            .await
        {
            Ok(_) => Ok(true),
            Err(e) if conditional_failed(&e) => Ok(false),
            Err(e) => Err(self.fail("UpdateItem", e)),
        }
    }

    /// Saving is idempotent per workspace and plan digest without transactions. A writer
    /// claims the digest with a conditional put, writes the ID pointer, the blob and the
    /// listing item, then commits the claim if it still holds it (else it removes its own
    /// items and looks again). A claim seen uncommitted and unchanged for `STALE_CLAIM` on
    /// this writer's own clock (its writer died) is taken over.
    async fn save(&self, plan: NewPlan, now: Timestamp) -> Result<Saved, StoreError> {
        let digest_sk = digest_key(&plan.workspace, &plan.plan_sha256);
        let fitted = fit(&plan);
        let started = std::time::Instant::now();
        let mut watching: Option<(String, std::time::Instant)> = None;
        loop {
            if started.elapsed() > STALE_CLAIM * 3 {
                return Err(StoreError::Service {
                    location: self.location(),
                    detail: "the save kept meeting another writer of the same plan".into(),
                    hint: "retry; if it persists, delete the entry with `cloudops plan history delete`".into(),
                });
            }
            if let Some(d) = self.get_item(&digest_sk, None).await? {
                let id = text(&d, "id").unwrap_or_default();
                let entry_sk = text(&d, "entry_sk").unwrap_or_default();
                let entry = self.get_item(&entry_sk, Some(META_FIELDS)).await?;
                let stored_len = entry.as_ref().map_or(ITEM_BUDGET, report_len);
                match entry.as_ref().map(meta_of) {
                    Some(Ok(meta)) if meta.expired(now) => {
                        // An expired twin (TTL not yet run) must not count as "already saved".
                        self.delete_entry(&id, &entry_sk, Some(&digest_sk)).await?;
                    }
                    Some(Ok(meta)) => {
                        if let Some(saved) = self
                            .resave(
                                &id,
                                &entry_sk,
                                &digest_sk,
                                (meta, stored_len),
                                &plan,
                                &fitted,
                            )
                            .await?
                        {
                            return Ok(saved);
                        }
                    }
                    Some(Err(detail)) => return Err(StoreError::Unreadable { id, detail }),
                    // Committed but its entry is gone (an interrupted delete): a dead claim.
                    None if matches!(d.get("committed"), Some(AttributeValue::Bool(true))) => {
                        self.delete_if(&digest_sk, Some(("id", &id))).await?;
                    }
                    None => {
                        match &watching {
                            Some((seen, since)) if *seen == id => {
                                if since.elapsed() > STALE_CLAIM {
                                    self.discard(&id, &entry_sk, &digest_sk).await;
                                    watching = None;
                                }
                            }
                            _ => watching = Some((id, std::time::Instant::now())),
                        }
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
                continue;
            }
            let mut meta = PlanMeta::for_new(super::new_id(), &plan, plan.saved_at.unwrap_or(now));
            meta.has_raw_plan = fitted.raw_plan_gz.is_some();
            meta.note = fitted.note.clone();
            let id = meta.id.clone();
            let entry_sk = entry_key(&meta);
            let ttl = ttl_attrs(meta.expires_at);
            let mut claim = self.key(&digest_sk);
            claim.insert("id".into(), AttributeValue::S(id.clone()));
            claim.insert("entry_sk".into(), AttributeValue::S(entry_sk.clone()));
            claim.extend(ttl.clone());
            if !self.put_new(claim, "id", &id).await? {
                continue;
            }
            let written = self.write_new(&meta, &entry_sk, &fitted, &ttl).await;
            let committed = match written {
                Ok(true) => self.commit(&digest_sk, &id).await,
                other => other,
            };
            match committed {
                Ok(true) => return Ok(Saved::Created(meta)),
                Ok(false) => self.discard(&id, &entry_sk, &digest_sk).await,
                Err(e) => {
                    self.discard(&id, &entry_sk, &digest_sk).await;
                    return Err(e);
                }
            }
        }
    }

    /// The pointer, the blob and the listing item of a new entry; `Ok(false)` if the random
    /// ID was already taken (50 bits: practically never).
    async fn write_new(
        &self,
        meta: &PlanMeta,
        entry_sk: &str,
        fitted: &Fitted,
        ttl: &Item,
    ) -> Result<bool, StoreError> {
        let id = &meta.id;
        let mut pointer = self.key(&format!("id#{id}"));
        pointer.insert("id".into(), AttributeValue::S(id.clone()));
        pointer.insert("entry_sk".into(), AttributeValue::S(entry_sk.into()));
        pointer.extend(ttl.clone());
        if !self.put_new(pointer, "entry_sk", entry_sk).await? {
            return Ok(false);
        }
        let mut blob = self.key(&format!("blob#{id}"));
        blob.insert("id".into(), AttributeValue::S(id.clone()));
        blob.insert("entry_sk".into(), AttributeValue::S(entry_sk.into()));
        blob.insert(
            "report_gz".into(),
            AttributeValue::B(Blob::new(fitted.report_gz.clone())),
        );
        if let Some(raw) = &fitted.raw_plan_gz {
            blob.insert(
                "raw_plan_gz".into(),
                AttributeValue::B(Blob::new(raw.clone())),
            );
        }
        blob.extend(ttl.clone());
        if !self.put_new(blob, "entry_sk", entry_sk).await? {
            return Ok(false);
        }
        let mut entry = self.key(entry_sk);
        entry.extend(meta_attrs(meta));
        entry.insert("report_len".into(), num(fitted.report_gz.len() as i64));
        entry.extend(ttl.clone());
        self.put_new(entry, "id", id).await
    }

    /// The same plan again: keep the entry, extend its retention, attach the plan if asked
    /// and if it fits. The claim and pointer are extended before the entry, so that nothing
    /// that decides liveness ever expires before the entry does. `None`: the entry changed
    /// under us; look again.
    async fn resave(
        &self,
        id: &str,
        entry_sk: &str,
        digest_sk: &str,
        (old, stored_len): (PlanMeta, usize),
        plan: &NewPlan,
        fitted: &Fitted,
    ) -> Result<Option<Saved>, StoreError> {
        let expires_at = match (old.expires_at, plan.expires_at) {
            (None, _) | (_, None) => None,
            (Some(a), Some(b)) => Some(a.max(super::to_millis(b))),
        };
        let raw = fitted
            .raw_plan_gz
            .as_ref()
            .filter(|_| !old.has_raw_plan)
            .filter(|r| stored_len + r.len() <= ITEM_BUDGET);
        if expires_at == old.expires_at && raw.is_none() {
            return Ok(Some(Saved::AlreadySaved(old)));
        }
        let mut new = old.clone();
        new.expires_at = expires_at;
        for sk in [
            digest_sk.to_string(),
            format!("id#{id}"),
            format!("blob#{id}"),
            entry_sk.to_string(),
        ] {
            let mut set = Vec::new();
            let mut u = self
                .client
                .update_item()
                .table_name(&self.table)
                .set_key(Some(self.key(&sk)))
                .condition_expression("attribute_exists(#sk)")
                .expression_attribute_names("#sk", "sk")
                .expression_attribute_names("#ems", "expires_ms")
                .expression_attribute_names("#eat", "expires_at");
            let mut remove = "";
            match expires_at {
                Some(t) => {
                    set.push("#ems = :ems, #eat = :eat");
                    u = u
                        .expression_attribute_values(":ems", num(t.as_millisecond()))
                        .expression_attribute_values(":eat", num(ttl_seconds(t)));
                }
                None => remove = " REMOVE #ems, #eat",
            }
            if let Some(r) = raw {
                if sk.starts_with("blob#") {
                    set.push("#raw = :raw");
                    u = u
                        .expression_attribute_names("#raw", "raw_plan_gz")
                        .expression_attribute_values(
                            ":raw",
                            AttributeValue::B(Blob::new(r.clone())),
                        );
                } else if sk == entry_sk {
                    set.push("#has = :t");
                    new.has_raw_plan = true;
                    u = u
                        .expression_attribute_names("#has", "has_raw_plan")
                        .expression_attribute_values(":t", AttributeValue::Bool(true));
                }
            }
            let expr = if set.is_empty() {
                remove.trim().to_string()
            } else {
                format!("SET {}{remove}", set.join(", "))
            };
            match u.update_expression(expr).send().await {
                Ok(_) => {}
                Err(e) if conditional_failed(&e) => return Ok(None),
                Err(e) => return Err(self.fail("UpdateItem", e)),
            }
        }
        Ok(Some(Saved::AlreadySaved(new)))
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
        if lo > hi {
            // A cursor older than --since: nothing is in between (DynamoDB refuses such a
            // range rather than answering empty).
            return Ok(PlanPage {
                entries: Vec::new(),
                next: None,
                unreadable: Vec::new(),
            });
        }
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
        let not_found = || StoreError::NotFound {
            id: input.to_string(),
        };
        let item = self
            .get_item(&entry_sk, Some(META_FIELDS))
            .await?
            .ok_or_else(not_found)?;
        let meta = meta_of(&item).map_err(|detail| StoreError::Unreadable {
            id: id.clone(),
            detail,
        })?;
        if meta.expired(now) {
            return Err(not_found());
        }
        let blob = self
            .get_item(&format!("blob#{id}"), None)
            .await?
            .ok_or_else(|| StoreError::Unreadable {
                id: id.clone(),
                detail: "its report is missing".into(),
            })?;
        let report = match blob.get("report_gz") {
            Some(AttributeValue::B(b)) => super::decode_report(b.as_ref()),
            _ => Err("no report".to_string()),
        }
        .map_err(|detail| StoreError::Unreadable {
            id: id.clone(),
            detail: format!("its report: {detail}"),
        })?;
        let raw_plan_gz = match blob.get("raw_plan_gz") {
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
        let digest_sk = entry
            .as_ref()
            .and_then(|e| Some(digest_key(&text(e, "workspace")?, &text(e, "plan_sha256")?)));
        self.delete_entry(&id, &entry_sk, digest_sk.as_deref())
            .await?;
        Ok(id)
    }

    /// Deletes expired entries found through their small listing items (never reading
    /// reports); TTL would remove them too, later.
    async fn purge(&self, now: Timestamp) -> Result<u64, StoreError> {
        let items = self
            .query_range(
                "plan#",
                "plan#~",
                true,
                None,
                Some(&["sk", "id", "expires_ms", "workspace", "plan_sha256"]),
                |_| true,
            )
            .await?;
        let mut dead = 0;
        for i in items
            .iter()
            .filter(|i| expires_ms(i).is_some_and(|e| e <= now.as_millisecond()))
        {
            let (Some(id), Some(sk)) = (text(i, "id"), text(i, "sk")) else {
                continue;
            };
            let digest = text(i, "workspace")
                .zip(text(i, "plan_sha256"))
                .map(|(w, s)| digest_key(&w, &s));
            self.delete_entry(&id, &sk, digest.as_deref()).await?;
            dead += 1;
        }
        Ok(dead)
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

/// Never fails the user's run: a report too large for one item loses resource details
/// first, then findings and outputs, down to its summary and gate, and says what it lost.
fn fit(plan: &NewPlan) -> Fitted {
    // Serialising a report into memory cannot fail; an empty blob would read as unreadable.
    let encode = |r: &Report| super::encode_report(r).unwrap_or_default();
    let full = &plan.report;
    let mut report_gz = encode(full);
    let mut notes = Vec::new();
    if report_gz.len() > ITEM_BUDGET {
        let details = full.changes.len() + full.drift.len();
        let cut = |keep: usize| {
            let mut r = full.clone();
            let changes = keep.min(r.changes.len());
            r.changes.truncate(changes);
            r.drift.truncate(keep - changes);
            r
        };
        if let Some((kept, gz)) = largest_fitting(details, |n| encode(&cut(n))) {
            report_gz = gz;
            notes.push(format!(
                "report truncated to fit DynamoDB's 400 KB item limit: {kept} of {details} changed or drifted resources kept; the summary and findings are complete"
            ));
        } else {
            let bare = |keep: usize| {
                let mut r = cut(0);
                r.outputs.clear();
                r.findings.truncate(keep);
                r
            };
            let findings = full.findings.len();
            let (kept, gz) = largest_fitting(findings, |n| encode(&bare(n)))
                .unwrap_or_else(|| (0, encode(&bare(0))));
            report_gz = gz;
            notes.push(format!(
                "report truncated to fit DynamoDB's 400 KB item limit: no resource details or outputs, {kept} of {findings} findings kept; the summary and gate are complete"
            ));
        }
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
    Fitted {
        report_gz,
        raw_plan_gz,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// The largest `n` in 0..=max whose encoding fits the item budget, and that encoding.
fn largest_fitting(max: usize, encode: impl Fn(usize) -> Vec<u8>) -> Option<(usize, Vec<u8>)> {
    let (mut lo, mut hi) = (0usize, max);
    let mut best = None;
    while lo <= hi {
        let mid = lo + (hi - lo) / 2;
        let gz = encode(mid);
        if gz.len() <= ITEM_BUDGET {
            best = Some((mid, gz));
            lo = mid + 1;
        } else if mid == 0 {
            break;
        } else {
            hi = mid - 1;
        }
    }
    best
}

/// The claim item's key: the workspace is hashed so that any workspace name fits
/// DynamoDB's 1 KB sort-key limit.
fn digest_key(workspace: &str, plan_sha256: &str) -> String {
    use sha2::{Digest, Sha256};
    format!(
        "digest#{:x}#{plan_sha256}",
        Sha256::digest(workspace.as_bytes())
    )
}

fn entry_key(meta: &PlanMeta) -> String {
    format!("plan#{}#{}", ms13(meta.saved_at.as_millisecond()), meta.id)
}

/// Milliseconds as 13 digits, so that string order is time order (to the year 2286).
fn ms13(ms: i64) -> String {
    format!("{:013}", ms.max(0))
}

pub(super) fn num(n: i64) -> AttributeValue {
    AttributeValue::N(n.to_string())
}

pub(super) fn ttl_seconds(t: Timestamp) -> i64 {
    t.as_second() + i64::from(t.subsec_nanosecond() > 0)
}

pub(super) fn ttl_attrs(expires_at: Option<Timestamp>) -> Item {
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

pub(super) fn text(i: &Item, k: &str) -> Option<String> {
    match i.get(k) {
        Some(AttributeValue::S(s)) => Some(s.clone()),
        _ => None,
    }
}

fn expires_ms(i: &Item) -> Option<i64> {
    number(i, "expires_ms")
}

pub(super) fn number(i: &Item, k: &str) -> Option<i64> {
    match i.get(k) {
        Some(AttributeValue::N(n)) => n.parse().ok(),
        _ => None,
    }
}

pub(super) fn conditional_failed<E: ProvideErrorMetadata>(
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
