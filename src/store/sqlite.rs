//! The embedded store: one SQLite file in the user's data directory, safe for many cloudops
//! processes at once (WAL, busy timeout, immediate write transactions, retries) and never
//! recreated or migrated downwards behind the user's back.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Row};

use super::{
    normalize_id, Cursor, FindingCounts, ListQuery, NewPlan, PlanMeta, PlanPage, Saved, Store,
    StoreError, StoredPlan,
};
use crate::plan::report::{Report, Summary};

pub const FILE_NAME: &str = "cloudops.db";

/// Marks the file as ours ("clop"), so we never migrate another program's database.
const APPLICATION_ID: i64 = 0x636c_6f70;

/// Schema migrations, applied in order; `PRAGMA user_version` is the number applied.
/// Never edit a released entry: append a new one.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE plans (
    id                TEXT PRIMARY KEY,
    workspace         TEXT NOT NULL,
    saved_at          INTEGER NOT NULL,
    expires_at        INTEGER,
    plan_sha256       TEXT NOT NULL,
    source            TEXT NOT NULL,
    terraform_version TEXT,
    summary           TEXT NOT NULL,
    findings          TEXT NOT NULL,
    gate_failed       INTEGER NOT NULL,
    report_gz         BLOB NOT NULL,
    raw_plan          BLOB
) STRICT;
CREATE UNIQUE INDEX plans_digest ON plans (workspace, plan_sha256);
CREATE INDEX plans_newest ON plans (saved_at DESC, id DESC);
CREATE INDEX plans_workspace_newest ON plans (workspace, saved_at DESC, id DESC);
CREATE INDEX plans_expiry ON plans (expires_at) WHERE expires_at IS NOT NULL;
"#,
    r#"
CREATE TABLE budgets (
    name TEXT PRIMARY KEY,
    body TEXT NOT NULL
) STRICT;
CREATE TABLE budget_alerts (
    budget     TEXT NOT NULL,
    month      TEXT NOT NULL,
    threshold  INTEGER NOT NULL,
    state      TEXT NOT NULL,
    token      TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    message_id TEXT,
    sent_at    INTEGER,
    PRIMARY KEY (budget, month, threshold)
) STRICT;
CREATE TABLE cost_cache (
    key        TEXT PRIMARY KEY,
    fetched_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    body       BLOB NOT NULL
) STRICT;
"#,
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long one operation keeps retrying a locked store before giving up.
const LOCK_PATIENCE: Duration = Duration::from_secs(60);

const META_COLUMNS: &str = "id, workspace, saved_at, expires_at, plan_sha256, source, \
     terraform_version, summary, findings, gate_failed, raw_plan IS NOT NULL";

pub struct SqliteStore {
    pub(super) path: PathBuf,
    conn: Connection,
}

impl SqliteStore {
    /// Opens the store in `dir`, creating directory and file when missing (for writers).
    pub fn open_or_create(dir: &Path) -> Result<SqliteStore, StoreError> {
        let path = dir.join(FILE_NAME);
        crate::fsutil::create_private_dir(dir).map_err(|e| StoreError::Unwritable {
            path: dir.to_path_buf(),
            detail: format!("cannot create the data directory: {e}"),
        })?;
        create_private_file(&path).map_err(|e| StoreError::Unwritable {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        Self::open_file(path)
    }

    /// Opens an existing store; `None` when nothing was ever saved in `dir`.
    pub fn open_existing(dir: &Path) -> Result<Option<SqliteStore>, StoreError> {
        let path = dir.join(FILE_NAME);
        if !path.exists() {
            return Ok(None);
        }
        Self::open_file(path).map(Some)
    }

    fn open_file(path: PathBuf) -> Result<SqliteStore, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| map_err(&path, e))?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(|e| map_err(&path, e))?;
        let store = SqliteStore { path, conn };
        store.check_and_migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn check_and_migrate(&self) -> Result<(), StoreError> {
        let v = self.retry(versions)?;
        self.check_versions(v)?;
        // WAL lets readers go on while one process writes; switching needs a moment alone.
        self.retry(|c| {
            let mode: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            c.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
            Ok(mode)
        })?;
        if v.version == SCHEMA_VERSION {
            return Ok(());
        }
        self.write(|c| {
            // Another process may have migrated while we waited for the lock.
            let v = versions(c)?;
            if let Err(e) = self.check_versions(v) {
                return Ok(Err(e));
            }
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(v.version as usize) {
                c.execute_batch(sql)?;
                tracing::debug!(version = i + 1, "store schema migrated");
            }
            c.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
            ))?;
            Ok(Ok(()))
        })?
    }

    fn check_versions(&self, v: Versions) -> Result<(), StoreError> {
        let Versions {
            app_id,
            version,
            objects,
        } = v;
        let foreign = || StoreError::Corrupt {
            path: self.path.clone(),
            detail: "it is an SQLite database of another program".to_string(),
        };
        if app_id != APPLICATION_ID && app_id != 0 {
            return Err(foreign());
        }
        if app_id == 0 && (version != 0 || objects > 0) {
            return Err(foreign());
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        Ok(())
    }

    /// Runs `f`, retrying while another process holds a lock the busy timeout did not cover
    /// (WAL recovery, journal mode switches).
    pub(super) fn retry<T>(
        &self,
        mut f: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let start = Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            match f(&self.conn) {
                Ok(v) => return Ok(v),
                Err(e) if is_busy(&e) && start.elapsed() < LOCK_PATIENCE => {
                    std::thread::sleep(pause + jitter(pause));
                    pause = (pause * 2).min(Duration::from_millis(250));
                }
                Err(e) => return Err(map_err(&self.path, e)),
            }
        }
    }

    /// `f` inside `BEGIN IMMEDIATE` … `COMMIT`: the write lock is taken up front, so two
    /// writers queue instead of deadlocking on a read-to-write upgrade.
    pub(super) fn write<T>(
        &self,
        mut f: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        self.retry(|c| {
            c.execute_batch("BEGIN IMMEDIATE")?;
            match f(c).and_then(|v| c.execute_batch("COMMIT").map(|()| v)) {
                Ok(v) => Ok(v),
                Err(e) => {
                    let _ = c.execute_batch("ROLLBACK");
                    Err(e)
                }
            }
        })
    }

    /// The one live entry `input` (an ID or prefix) names. Matching reads IDs only, so that
    /// an entry whose data cannot be read can still be named, shown as unreadable, deleted.
    fn find(
        &self,
        c: &Connection,
        input: &str,
        now: Timestamp,
    ) -> rusqlite::Result<Result<String, StoreError>> {
        let prefix = match normalize_id(input) {
            Ok(p) => p,
            Err(e) => return Ok(Err(e)),
        };
        let mut stmt = c.prepare_cached(
            "SELECT id FROM plans \
             WHERE substr(id, 1, length(?1)) = ?1 AND (expires_at IS NULL OR expires_at > ?2) \
             ORDER BY id LIMIT 6",
        )?;
        let mut found: Vec<String> = stmt
            .query_map(params![prefix, now.as_millisecond()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(match found.len() {
            0 => Err(StoreError::NotFound {
                id: input.to_string(),
            }),
            1 => Ok(found.remove(0)),
            _ => Err(StoreError::Ambiguous {
                prefix: prefix.clone(),
                matches: found,
            }),
        })
    }
}

impl Store for SqliteStore {
    fn location(&self) -> String {
        format!("SQLite store {}", self.path.display())
    }

    fn save_plan(&self, plan: NewPlan, now: Timestamp) -> Result<Saved, StoreError> {
        let report = super::encode_report(&plan.report).map_err(|e| StoreError::Other {
            location: self.location(),
            detail: format!("cannot encode the report: {e}"),
        })?;
        let summary = to_json(&plan.report.summary);
        self.write(|c| {
            // An expired twin must not count as "already saved".
            purge(c, now)?;
            let existing: Option<String> = c
                .query_row(
                    "SELECT id FROM plans WHERE workspace = ?1 AND plan_sha256 = ?2",
                    params![plan.workspace, plan.plan_sha256],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                // The same plan again: keep the entry, but honour what this save asks for
                // beyond it — a longer retention, and the plan itself if it was not kept.
                c.execute(
                    "UPDATE plans SET \
                       expires_at = CASE WHEN expires_at IS NULL OR ?2 IS NULL THEN NULL \
                                         ELSE max(expires_at, ?2) END, \
                       raw_plan = coalesce(raw_plan, ?3) \
                     WHERE id = ?1",
                    params![
                        id,
                        plan.expires_at
                            .map(|t| super::to_millis(t).as_millisecond()),
                        plan.raw_plan_gz
                    ],
                )?;
                return read_meta(c, &id).map(Saved::AlreadySaved);
            }
            loop {
                let meta = PlanMeta::for_new(super::new_id(), &plan, plan.saved_at.unwrap_or(now));
                let inserted = c.execute(
                    "INSERT INTO plans (id, workspace, saved_at, expires_at, plan_sha256, source, \
                     terraform_version, summary, findings, gate_failed, report_gz, raw_plan) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
                     ON CONFLICT (id) DO NOTHING",
                    params![
                        meta.id,
                        meta.workspace,
                        meta.saved_at.as_millisecond(),
                        meta.expires_at.map(|t| t.as_millisecond()),
                        meta.plan_sha256,
                        meta.source,
                        meta.terraform_version,
                        summary,
                        to_json(&meta.findings),
                        meta.gate_failed,
                        report,
                        plan.raw_plan_gz,
                    ],
                )?;
                if inserted == 1 {
                    return Ok(Saved::Created(meta));
                }
            }
        })
    }

    fn list_plans(&self, q: &ListQuery, now: Timestamp) -> Result<PlanPage, StoreError> {
        let limit = match q.limit {
            0 => i64::MAX,
            n => i64::try_from(n).unwrap_or(i64::MAX).saturating_add(1),
        };
        let (cur_ms, cur_id) = match &q.cursor {
            Some(c) => (Some(c.saved_at_ms), Some(c.id.as_str())),
            None => (None, None),
        };
        let rows = self.retry(|c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {META_COLUMNS} FROM plans \
                 WHERE (expires_at IS NULL OR expires_at > ?1) \
                   AND (?2 IS NULL OR workspace = ?2) \
                   AND (?3 IS NULL OR saved_at >= ?3) \
                   AND (?4 IS NULL OR saved_at < ?4 OR (saved_at = ?4 AND id < ?5)) \
                 ORDER BY saved_at DESC, id DESC LIMIT ?6"
            ))?;
            let rows = stmt.query_map(
                params![
                    now.as_millisecond(),
                    q.workspace,
                    q.since.map(|t| t.as_millisecond()),
                    cur_ms,
                    cur_id,
                    limit
                ],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(2)?, meta_of(r))),
            )?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        // Paging counts rows, readable or not, so an unreadable entry never ends a listing
        // early; it is reported instead of hiding the rest.
        let more = q.limit > 0 && rows.len() > q.limit;
        let kept = if more { q.limit } else { rows.len() };
        let next = more.then(|| {
            let (id, ms, _) = &rows[kept - 1];
            Cursor {
                saved_at_ms: *ms,
                id: id.clone(),
            }
        });
        let mut entries = Vec::with_capacity(kept);
        let mut unreadable = Vec::new();
        for (id, _, meta) in rows.into_iter().take(kept) {
            match meta {
                Ok(m) => entries.push(m),
                Err(e) if unreadable_entry(&e).is_some() => unreadable.push(id),
                Err(e) => return Err(map_err(&self.path, e)),
            }
        }
        Ok(PlanPage {
            entries,
            next,
            unreadable,
        })
    }

    fn get_plan(&self, id: &str, now: Timestamp) -> Result<StoredPlan, StoreError> {
        let id = self.retry(|c| self.find(c, id, now))??;
        let (meta, report, raw): (PlanMeta, Vec<u8>, Option<Vec<u8>>) = self.retry(|c| {
            c.query_row(
                &format!("SELECT {META_COLUMNS}, report_gz, raw_plan FROM plans WHERE id = ?1"),
                [&id],
                |r| Ok((meta_of(r)?, r.get(11)?, r.get(12)?)),
            )
        })?;
        let report: Report =
            super::decode_report(&report).map_err(|detail| StoreError::Unreadable {
                id: meta.id.clone(),
                detail: format!("its report: {detail}"),
            })?;
        Ok(StoredPlan {
            meta,
            report,
            raw_plan_gz: raw,
        })
    }

    fn delete_plan(&self, id: &str, now: Timestamp) -> Result<String, StoreError> {
        self.write(|c| {
            let found = self.find(c, id, now)?;
            if let Ok(id) = &found {
                c.execute("DELETE FROM plans WHERE id = ?1", [id])?;
            }
            Ok(found)
        })?
    }

    fn purge_expired(&self, now: Timestamp) -> Result<u64, StoreError> {
        self.write(|c| purge(c, now)).map(|n| n as u64)
    }
}

fn purge(c: &Connection, now: Timestamp) -> rusqlite::Result<usize> {
    c.execute(
        "DELETE FROM plans WHERE expires_at IS NOT NULL AND expires_at <= ?1",
        [now.as_millisecond()],
    )
}

/// Application id, schema version and number of schema objects, read in one statement so
/// that they come from one snapshot even while another process is migrating.
fn versions(c: &Connection) -> rusqlite::Result<Versions> {
    c.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id), \
                (SELECT user_version FROM pragma_user_version), \
                (SELECT count(*) FROM sqlite_master)",
        [],
        |r| {
            Ok(Versions {
                app_id: r.get(0)?,
                version: r.get(1)?,
                objects: r.get(2)?,
            })
        },
    )
}

#[derive(Debug, Clone, Copy)]
struct Versions {
    app_id: i64,
    version: i64,
    objects: i64,
}

fn meta_of(r: &Row<'_>) -> rusqlite::Result<PlanMeta> {
    let id: String = r.get(0)?;
    decode_meta(r, &id).map_err(|detail| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Null,
            Box::new(UnreadableEntry { id, detail }),
        )
    })
}

fn decode_meta(r: &Row<'_>, id: &str) -> Result<PlanMeta, String> {
    let sql = |e: rusqlite::Error| e.to_string();
    let ts = |ms: i64| Timestamp::from_millisecond(ms).map_err(|e| e.to_string());
    let json = |i: usize| -> Result<serde_json::Value, String> {
        let text: String = r.get(i).map_err(sql)?;
        serde_json::from_str(&text).map_err(|e| e.to_string())
    };
    let summary: Summary = serde_json::from_value(json(7)?).map_err(|e| format!("summary: {e}"))?;
    let findings: FindingCounts =
        serde_json::from_value(json(8)?).map_err(|e| format!("findings: {e}"))?;
    Ok(PlanMeta {
        id: id.to_string(),
        workspace: r.get(1).map_err(sql)?,
        saved_at: ts(r.get(2).map_err(sql)?)?,
        expires_at: r
            .get::<_, Option<i64>>(3)
            .map_err(sql)?
            .map(ts)
            .transpose()?,
        plan_sha256: r.get(4).map_err(sql)?,
        source: r.get(5).map_err(sql)?,
        terraform_version: r.get(6).map_err(sql)?,
        summary,
        findings,
        gate_failed: r.get(9).map_err(sql)?,
        has_raw_plan: r.get(10).map_err(sql)?,
        note: None,
    })
}

fn read_meta(c: &Connection, id: &str) -> rusqlite::Result<PlanMeta> {
    c.query_row(
        &format!("SELECT {META_COLUMNS} FROM plans WHERE id = ?1"),
        [id],
        meta_of,
    )
}

/// One entry this build cannot decode (say, written by another version): named, so that it
/// can be deleted, and never a reason to call the whole store corrupt.
#[derive(Debug)]
struct UnreadableEntry {
    id: String,
    detail: String,
}

impl std::fmt::Display for UnreadableEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "entry {} cannot be read: {}", self.id, self.detail)
    }
}

impl std::error::Error for UnreadableEntry {}

fn unreadable_entry(e: &rusqlite::Error) -> Option<&UnreadableEntry> {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, b) => b.downcast_ref(),
        _ => None,
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("plain structs serialise")
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn map_err(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path,
            detail: e.to_string(),
        },
        Some(
            ErrorCode::ReadOnly
            | ErrorCode::CannotOpen
            | ErrorCode::PermissionDenied
            | ErrorCode::DiskFull
            | ErrorCode::SystemIoFailure,
        ) => StoreError::Unwritable {
            path,
            detail: e.to_string(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
        _ => match unreadable_entry(&e) {
            Some(u) => StoreError::Unreadable {
                id: u.id.clone(),
                detail: u.detail.clone(),
            },
            None => StoreError::Other {
                location: format!("SQLite store {}", path.display()),
                detail: e.to_string(),
            },
        },
    }
}

/// Up to half of `d`, from the clock's low bits: enough to keep 50 waiting processes from
/// retrying in lockstep.
fn jitter(d: Duration) -> Duration {
    let nanos = Timestamp::now().subsec_nanosecond().unsigned_abs() as u64;
    Duration::from_nanos(nanos % (d.as_nanos() as u64 / 2 + 1))
}

/// Creates the file 0600 before SQLite does, which would use the umask (history names the
/// operator's infrastructure). SQLite gives its -wal and -shm files the same mode.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    match o.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}
