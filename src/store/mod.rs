//! Where analyses are kept: one `Store` trait that every backend (embedded SQLite now,
//! DynamoDB per user later) implements, so the commands never know which one they talk to and
//! one contract test suite (`tests/store_contract.rs`) can hold every backend to the same
//! behaviour. The trait is synchronous: the embedded store is, and a network backend drives
//! its async client on a runtime of its own, so commands that never touch AWS stay free of one.

pub mod budgets;
pub mod dynamodb;
mod dynamodb_budgets;
pub mod sqlite;
mod sqlite_budgets;

use std::fmt;
use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::plan::report::{Report, Severity, Summary};

/// Entries live this long unless configured otherwise (`0` keeps them forever).
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// Shortest ID prefix accepted, so that a stray character never picks an entry at random.
pub const MIN_PREFIX: usize = 4;

/// The storage operations the commands need. Every method is given "now" so that expiry is
/// decided by the caller's clock, identically in every backend.
pub trait Store {
    /// Where the data lives, for messages and `--verbose` (e.g. "SQLite store /path").
    fn location(&self) -> String;

    /// Stores an analysis, unless the same plan (digest) was already saved in the same
    /// workspace and has not expired: then the existing entry is returned, untouched.
    fn save_plan(&self, plan: NewPlan, now: Timestamp) -> Result<Saved, StoreError>;

    /// Entries newest first, never an expired one.
    fn list_plans(&self, query: &ListQuery, now: Timestamp) -> Result<PlanPage, StoreError>;

    /// One entry by its ID or an unambiguous prefix of it (at least `MIN_PREFIX` characters).
    fn get_plan(&self, id: &str, now: Timestamp) -> Result<StoredPlan, StoreError>;

    /// Removes one entry (ID or unambiguous prefix), readable or not; returns its ID.
    fn delete_plan(&self, id: &str, now: Timestamp) -> Result<String, StoreError>;

    /// Deletes every expired entry; returns how many.
    fn purge_expired(&self, now: Timestamp) -> Result<u64, StoreError>;
}

/// What `plan analyze --save` hands to the store.
#[derive(Debug, Clone)]
pub struct NewPlan {
    pub workspace: String,
    pub plan_sha256: String,
    pub source: String,
    pub terraform_version: Option<String>,
    /// The redacted report exactly as `--format json` prints it.
    pub report: Report,
    /// The redacted plan JSON, gzip-compressed (`--save-plan` only).
    pub raw_plan_gz: Option<Vec<u8>>,
    /// `None` keeps the entry forever.
    pub expires_at: Option<Timestamp>,
    /// When it was saved; `None` is "now". Set when history is copied between stores.
    pub saved_at: Option<Timestamp>,
}

/// The listing view of an entry: everything except the report itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    pub id: String,
    pub workspace: String,
    pub saved_at: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
    pub plan_sha256: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terraform_version: Option<String>,
    pub summary: Summary,
    pub findings: FindingCounts,
    pub gate_failed: bool,
    pub has_raw_plan: bool,
    /// What the store could not keep (e.g. a report truncated to fit an item limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Findings per severity, so listings need not open the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FindingCounts {
    pub critical: u64,
    pub high: u64,
    pub medium: u64,
    pub low: u64,
    pub info: u64,
}

impl FindingCounts {
    pub fn of(report: &Report) -> FindingCounts {
        let mut c = FindingCounts::default();
        for f in &report.findings {
            *c.slot(f.severity) += 1;
        }
        c
    }

    fn slot(&mut self, s: Severity) -> &mut u64 {
        match s {
            Severity::Critical => &mut self.critical,
            Severity::High => &mut self.high,
            Severity::Medium => &mut self.medium,
            Severity::Low => &mut self.low,
            Severity::Info => &mut self.info,
        }
    }

    /// "2 high, 1 low", most severe first; "none" when empty.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.critical, "critical"),
            (self.high, "high"),
            (self.medium, "medium"),
            (self.low, "low"),
            (self.info, "info"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, l)| format!("{n} {l}"))
        .collect();
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    }
}

impl PlanMeta {
    /// The metadata a backend derives from a new plan at save time.
    /// Times are kept to the millisecond, as every backend stores them.
    pub fn for_new(id: String, plan: &NewPlan, saved_at: Timestamp) -> PlanMeta {
        PlanMeta {
            id,
            workspace: plan.workspace.clone(),
            saved_at: to_millis(saved_at),
            expires_at: plan.expires_at.map(to_millis),
            plan_sha256: plan.plan_sha256.clone(),
            source: plan.source.clone(),
            terraform_version: plan.terraform_version.clone(),
            summary: plan.report.summary,
            findings: FindingCounts::of(&plan.report),
            gate_failed: plan.report.gate.as_ref().is_some_and(|g| g.failed),
            has_raw_plan: plan.raw_plan_gz.is_some(),
            note: None,
        }
    }

    pub fn expired(&self, now: Timestamp) -> bool {
        self.expires_at.is_some_and(|e| e <= now)
    }
}

#[derive(Debug, Clone)]
pub struct StoredPlan {
    pub meta: PlanMeta,
    pub report: Report,
    pub raw_plan_gz: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Created(PlanMeta),
    /// The same plan was already saved in this workspace.
    AlreadySaved(PlanMeta),
}

impl Saved {
    pub fn meta(&self) -> &PlanMeta {
        match self {
            Saved::Created(m) | Saved::AlreadySaved(m) => m,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub workspace: Option<String>,
    /// Only entries saved at or after this instant.
    pub since: Option<Timestamp>,
    pub limit: usize,
    /// The `next` of a previous page.
    pub cursor: Option<Cursor>,
}

#[derive(Debug, Clone)]
pub struct PlanPage {
    pub entries: Vec<PlanMeta>,
    /// Set when more entries follow; pass it back as `ListQuery::cursor`.
    pub next: Option<Cursor>,
    /// IDs of entries on this page that this build cannot read (left out of `entries`).
    pub unreadable: Vec<String>,
}

/// Position after the last entry of a page: entries are ordered by (saved_at, id), newest
/// first, so a page resumes strictly below this pair even while others are being saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub saved_at_ms: i64,
    pub id: String,
}

impl Cursor {
    pub fn after(meta: &PlanMeta) -> Cursor {
        Cursor {
            saved_at_ms: meta.saved_at.as_millisecond(),
            id: meta.id.clone(),
        }
    }

    /// The opaque token shown to users: `<millis>-<id>`.
    pub fn token(&self) -> String {
        format!("{}-{}", self.saved_at_ms, self.id)
    }

    pub fn parse(token: &str) -> Option<Cursor> {
        let (ms, id) = token.split_once('-')?;
        let saved_at_ms = ms.parse().ok()?;
        (is_id_text(id) && id.len() == ID_LEN).then(|| Cursor {
            saved_at_ms,
            id: id.to_string(),
        })
    }
}

#[derive(Debug)]
pub enum StoreError {
    /// The file exists but is not a readable cloudops store; it is left untouched.
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    /// Written by a newer cloudops whose schema this build does not know.
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    Unwritable {
        path: PathBuf,
        detail: String,
    },
    /// Another process held the store for longer than we are willing to wait.
    Busy {
        path: PathBuf,
    },
    NotFound {
        id: String,
    },
    NoBudget {
        name: String,
    },
    /// One entry cannot be decoded (e.g. written by another cloudops); the rest are fine.
    Unreadable {
        id: String,
        detail: String,
    },
    Ambiguous {
        prefix: String,
        matches: Vec<String>,
    },
    BadId {
        id: String,
    },
    Other {
        location: String,
        detail: String,
    },
    /// A network store's service refused or could not be reached, after retries.
    Service {
        location: String,
        detail: String,
        hint: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Corrupt { path, detail } => write!(
                f,
                "{} is not a readable cloudops store ({detail}); it was left untouched",
                path.display()
            ),
            StoreError::NewerSchema { path, found, known } => write!(
                f,
                "{} was written by a newer cloudops (store schema {found}; this build knows up to {known})",
                path.display()
            ),
            StoreError::Unwritable { path, detail } => {
                write!(f, "cannot write the store {}: {detail}", path.display())
            }
            StoreError::Busy { path } => write!(
                f,
                "the store {} stayed locked by another cloudops process",
                path.display()
            ),
            StoreError::NotFound { id } => write!(f, "no saved plan with ID {id}"),
            StoreError::NoBudget { name } => write!(f, "no budget named {name:?}"),
            StoreError::Unreadable { id, detail } => {
                write!(f, "saved plan {id} cannot be read ({detail})")
            }
            StoreError::Ambiguous { prefix, matches } => write!(
                f,
                "ID prefix {prefix} matches {} saved plans: {}",
                matches.len(),
                matches.join(", ")
            ),
            StoreError::BadId { id } => write!(
                f,
                "{id:?} is not a plan ID (IDs are {ID_LEN} characters of 0-9 and a-z without i, l, o, u; give at least {MIN_PREFIX})"
            ),
            StoreError::Other { location, detail }
            | StoreError::Service {
                location, detail, ..
            } => write!(f, "{location}: {detail}"),
        }
    }
}

impl StoreError {
    /// The next step to offer the operator.
    pub fn hint(&self) -> String {
        match self {
            StoreError::Corrupt { path, .. } => format!(
                "keep it and its -wal/-shm files together: move all of them aside to start a new history (`for f in {0}*; do mv \"$f\" \"$f.broken\"; done`), or restore them from a backup; or point CLOUDOPS_DATA_DIR elsewhere",
                path.display()
            ),
            StoreError::NewerSchema { .. } => {
                "upgrade cloudops, or point CLOUDOPS_DATA_DIR at another directory".to_string()
            }
            StoreError::Unwritable { .. } => {
                "check the directory's permissions and free space, or set CLOUDOPS_DATA_DIR (or [history] data_dir) to a writable directory".to_string()
            }
            StoreError::Busy { .. } => {
                "retry; if it persists, look for a stuck cloudops process".to_string()
            }
            StoreError::NotFound { .. } | StoreError::BadId { .. } => {
                "list saved plans and their IDs with `cloudops plan history`".to_string()
            }
            StoreError::Ambiguous { .. } => "type more characters of the ID".to_string(),
            StoreError::NoBudget { .. } => {
                "list budgets with `cloudops budget list` (budgets live in the store in use: see --store)".to_string()
            }
            StoreError::Unreadable { id, .. } => format!(
                "it may have been written by another cloudops version; remove it with `cloudops plan history delete {id}`"
            ),
            StoreError::Other { .. } => "run again with -v for details".to_string(),
            StoreError::Service { hint, .. } => hint.clone(),
        }
    }
}

impl std::error::Error for StoreError {}

/// The report as stored: gzip-compressed JSON (reports of large plans are tens of MB of text).
pub fn encode_report(report: &Report) -> std::io::Result<Vec<u8>> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    serde_json::to_writer(&mut gz, report)?;
    gz.finish()
}

pub fn decode_report(bytes: &[u8]) -> Result<Report, String> {
    let report: Report =
        serde_json::from_reader(std::io::BufReader::new(flate2::read::GzDecoder::new(bytes)))
            .map_err(|e| e.to_string())?;
    if report.schema_version > crate::plan::report::SCHEMA_VERSION {
        return Err(format!(
            "report schema {} is newer than this build's {}",
            report.schema_version,
            crate::plan::report::SCHEMA_VERSION
        ));
    }
    Ok(report)
}

/// `t` truncated to the millisecond.
pub fn to_millis(t: Timestamp) -> Timestamp {
    Timestamp::from_millisecond(t.as_millisecond()).unwrap_or(t)
}

/// IDs are 10 characters of lowercase base32 (50 random bits): short to type, and not
/// guessable from another entry's ID or time.
pub const ID_LEN: usize = 10;
const ID_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

pub fn new_id() -> String {
    let mut bytes = [0u8; 8];
    // The OS random source failing is not something an operator can fix; the time and pid
    // still make an ID that is unique in practice.
    if getrandom::fill(&mut bytes).is_err() {
        let t = Timestamp::now().as_nanosecond() as u64;
        bytes = (t ^ ((std::process::id() as u64) << 40)).to_le_bytes();
    }
    let mut n = u64::from_le_bytes(bytes);
    (0..ID_LEN)
        .map(|_| {
            let c = ID_ALPHABET[(n & 31) as usize] as char;
            n >>= 5;
            c
        })
        .collect()
}

pub fn is_id_text(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| ID_ALPHABET.contains(&b))
}

/// Normalises what a user typed as an ID (case, surrounding space, and the letters the
/// alphabet leaves out because they read as digits: i and l as 1, o as 0) or says why it
/// cannot be one.
pub fn normalize_id(input: &str) -> Result<String, StoreError> {
    let id: String = input
        .trim()
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            'i' | 'l' => '1',
            'o' => '0',
            c => c,
        })
        .collect();
    if id.len() < MIN_PREFIX || id.len() > ID_LEN || !is_id_text(&id) {
        return Err(StoreError::BadId {
            id: input.to_string(),
        });
    }
    Ok(id)
}

/// The store file's location: `override_dir` (flag, `CLOUDOPS_DATA_DIR` or config) or the
/// platform data directory.
pub fn data_dir(override_dir: Option<PathBuf>) -> Option<PathBuf> {
    override_dir.or_else(|| {
        directories::ProjectDirs::from("", "", "cloudops").map(|d| d.data_dir().to_path_buf())
    })
}
