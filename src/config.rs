//! Project settings from `.cloudops.toml`, merged under flags and `CLOUDOPS_*` variables:
//! flags > environment > file > defaults. Unknown keys are rejected, naming file and key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;
use crate::plan::report::Severity;
use crate::plan::rules;

pub const PROJECT_FILE: &str = ".cloudops.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    #[serde(default)]
    pub plan: PlanConfig,
    #[serde(default)]
    pub history: HistoryConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryConfig {
    /// Relative paths are relative to the file's directory.
    pub data_dir: Option<PathBuf>,
    pub retention_days: Option<u32>,
    pub workspace: Option<String>,
}

/// Everything the project file says, validated.
#[derive(Debug, Default)]
pub struct ProjectSettings {
    pub plan: PlanSettings,
    pub history: HistorySettings,
}

#[derive(Debug, Default)]
pub struct HistorySettings {
    pub data_dir: Option<PathBuf>,
    pub retention_days: Option<u32>,
    pub workspace: Option<String>,
}

/// Longest retention accepted (100 years); `0` means forever.
pub const MAX_RETENTION_DAYS: u32 = 36_500;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanConfig {
    pub fail_on: Option<String>,
    pub max_destroy: Option<u64>,
    pub mass_destroy_threshold: Option<u64>,
    pub mask_secret_names: Option<bool>,
    #[serde(default)]
    pub ignore_rules: Vec<String>,
    #[serde(default)]
    pub ignore_addresses: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
}

/// Validated plan settings from the file.
#[derive(Debug, Default)]
pub struct PlanSettings {
    pub path: Option<PathBuf>,
    /// `Some(None)` means the file says `fail_on = "none"`.
    pub fail_on: Option<Option<Severity>>,
    pub max_destroy: Option<u64>,
    pub mass_destroy_threshold: Option<u64>,
    pub mask_secret_names: Option<bool>,
    pub ignore_rules: Vec<String>,
    pub ignore_addresses: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
}

/// The nearest `.cloudops.toml` from `start` upwards, stopping at a repository root.
pub fn find_project_file(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(PROJECT_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

/// The project file: `explicit` when given, else the nearest one from the current directory.
pub fn load_project(explicit: Option<&Path>, disabled: bool) -> Result<ProjectSettings, Error> {
    if disabled {
        return Ok(ProjectSettings::default());
    }
    let path = match explicit {
        Some(p) => {
            if !p.is_file() {
                return Err(Error::Usage {
                    message: format!("config file {} does not exist", p.display()),
                    hint: "pass an existing .cloudops.toml, or --no-config".into(),
                });
            }
            Some(p.to_path_buf())
        }
        None => std::env::current_dir()
            .ok()
            .and_then(|d| find_project_file(&d)),
    };
    match path {
        Some(p) => {
            tracing::debug!(path = %p.display(), "project settings");
            load_project_file(&p)
        }
        None => Ok(ProjectSettings::default()),
    }
}

pub fn load_project_file(path: &Path) -> Result<ProjectSettings, Error> {
    let err = |message: String| Error::Config {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read: {e}")))?;
    let cfg: ProjectConfig = toml::from_str(&text)
        .map_err(|e| err(e.message().to_string() + &location(&text, e.span())))?;
    let h = cfg.history;
    if let Some(days) = h.retention_days.filter(|d| *d > MAX_RETENTION_DAYS) {
        return Err(err(format!(
            "history.retention_days = {days}: at most {MAX_RETENTION_DAYS} (0 keeps entries forever)"
        )));
    }
    if h.workspace.as_deref().is_some_and(|w| w.trim().is_empty()) {
        return Err(err("history.workspace is empty".to_string()));
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let history = HistorySettings {
        data_dir: h.data_dir.map(|d| base.join(d)),
        retention_days: h.retention_days,
        workspace: h.workspace,
    };
    let p = cfg.plan;
    let severity_of = |key: &str, v: &str| {
        Severity::parse(v).ok_or_else(|| {
            err(format!(
                "{key} = {v:?}: expected info, low, medium, high or critical"
            ))
        })
    };
    let fail_on = match p.fail_on.as_deref() {
        None => None,
        Some(v) if v.eq_ignore_ascii_case("none") => Some(None),
        Some(v) => Some(Some(severity_of("plan.fail_on", v)?)),
    };
    for r in &p.ignore_rules {
        if rules::lookup(r).is_none() {
            return Err(err(format!(
                "plan.ignore_rules: unknown rule {r:?} (see the rule list in the README)"
            )));
        }
    }
    let mut severity = BTreeMap::new();
    for (k, v) in &p.severity {
        if rules::lookup(k).is_none() {
            return Err(err(format!("plan.severity.{k}: unknown rule {k:?}")));
        }
        severity.insert(k.clone(), severity_of(&format!("plan.severity.{k}"), v)?);
    }
    let plan = PlanSettings {
        path: Some(path.to_path_buf()),
        fail_on,
        max_destroy: p.max_destroy,
        mass_destroy_threshold: p.mass_destroy_threshold,
        mask_secret_names: p.mask_secret_names,
        ignore_rules: p.ignore_rules,
        ignore_addresses: p.ignore_addresses,
        severity,
    };
    Ok(ProjectSettings { plan, history })
}

fn location(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    match span {
        Some(s) => {
            let line = text[..s.start.min(text.len())].matches('\n').count() + 1;
            format!(" (line {line})")
        }
        None => String::new(),
    }
}
