//! Settings from files, under flags and `CLOUDOPS_*` variables: flags > environment >
//! project file (`.cloudops.toml`) > user config (`config.toml` in the config directory, its
//! selected profile over its base) > defaults. Unknown keys are rejected, naming file and key.

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
    #[serde(default)]
    pub aws: AwsConfig,
    #[serde(default)]
    pub auth: AuthConfig,
}

/// Where the AWS side lives; credentials never go in a settings file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwsConfig {
    pub region: Option<String>,
    /// The shared plan history's table (stack output PlansTableName).
    pub plans_table: Option<String>,
    /// Budgets and their alert records (stack output BudgetsTableName).
    pub budgets_table: Option<String>,
    /// Cached Cost Explorer answers (stack output CostCacheTableName).
    pub cost_cache_table: Option<String>,
    /// The SNS topic budget alerts go to (stack output AlertTopicArn).
    pub alert_topic: Option<String>,
    /// A profile of the AWS shared config (`~/.aws/config`), for the normal credential chain.
    pub profile: Option<String>,
}

/// The Cognito user pool (and identity pool) that `cloudops login` signs in to.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub user_pool_id: Option<String>,
    pub client_id: Option<String>,
    pub identity_pool_id: Option<String>,
    pub insecure_storage: Option<bool>,
    pub refresh_margin_seconds: Option<u64>,
}

impl AuthConfig {
    fn overlay(self, o: AuthConfig) -> AuthConfig {
        AuthConfig {
            user_pool_id: o.user_pool_id.or(self.user_pool_id),
            client_id: o.client_id.or(self.client_id),
            identity_pool_id: o.identity_pool_id.or(self.identity_pool_id),
            insecure_storage: o.insecure_storage.or(self.insecure_storage),
            refresh_margin_seconds: o.refresh_margin_seconds.or(self.refresh_margin_seconds),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryConfig {
    /// Relative paths are relative to the file's directory.
    pub data_dir: Option<PathBuf>,
    /// auto, local or dynamodb.
    pub store: Option<String>,
    pub retention_days: Option<u32>,
    pub workspace: Option<String>,
}

/// Everything a settings file says, validated.
#[derive(Debug, Default, Clone)]
pub struct ProjectSettings {
    pub plan: PlanSettings,
    pub history: HistorySettings,
    pub aws: AwsConfig,
    pub auth: AuthConfig,
}

impl ProjectSettings {
    /// `over` wins where it says something.
    pub fn overlay(self, over: ProjectSettings) -> ProjectSettings {
        let (b, o) = (self.plan, over.plan);
        let mut severity = b.severity;
        severity.extend(o.severity);
        fn list<T>(b: Vec<T>, o: Vec<T>) -> Vec<T> {
            if o.is_empty() {
                b
            } else {
                o
            }
        }
        ProjectSettings {
            plan: PlanSettings {
                path: o.path.or(b.path),
                fail_on: o.fail_on.or(b.fail_on),
                max_destroy: o.max_destroy.or(b.max_destroy),
                mass_destroy_threshold: o.mass_destroy_threshold.or(b.mass_destroy_threshold),
                mask_secret_names: o.mask_secret_names.or(b.mask_secret_names),
                explain_model: o.explain_model.or(b.explain_model),
                ignore_rules: list(b.ignore_rules, o.ignore_rules),
                ignore_addresses: list(b.ignore_addresses, o.ignore_addresses),
                severity,
                policies: list(b.policies, o.policies),
                policy_namespaces: list(b.policy_namespaces, o.policy_namespaces),
            },
            history: HistorySettings {
                data_dir: over.history.data_dir.or(self.history.data_dir),
                store: over.history.store.or(self.history.store),
                retention_days: over.history.retention_days.or(self.history.retention_days),
                workspace: over.history.workspace.or(self.history.workspace),
            },
            aws: AwsConfig {
                region: over.aws.region.or(self.aws.region),
                plans_table: over.aws.plans_table.or(self.aws.plans_table),
                budgets_table: over.aws.budgets_table.or(self.aws.budgets_table),
                cost_cache_table: over.aws.cost_cache_table.or(self.aws.cost_cache_table),
                alert_topic: over.aws.alert_topic.or(self.aws.alert_topic),
                profile: over.aws.profile.or(self.aws.profile),
            },
            auth: self.auth.overlay(over.auth),
        }
    }
}

/// The files settings came from, layer by layer (for `cloudops config list`).
#[derive(Debug, Default, Clone)]
pub struct Layers {
    pub user_path: Option<PathBuf>,
    pub user: ProjectSettings,
    pub profile: Option<String>,
    pub profile_settings: ProjectSettings,
    pub project_path: Option<PathBuf>,
    pub project: ProjectSettings,
}

impl Layers {
    pub fn effective(&self) -> ProjectSettings {
        self.user
            .clone()
            .overlay(self.profile_settings.clone())
            .overlay(self.project.clone())
    }
}

/// `CLOUDOPS_CONFIG_DIR`, else the platform config directory: the user config and what
/// lives beside it (the insecure credentials file, the cached JWKS).
pub fn user_config_dir() -> Option<PathBuf> {
    std::env::var_os("CLOUDOPS_CONFIG_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "cloudops").map(|d| d.config_dir().to_path_buf())
        })
}

/// `config.toml` in `user_config_dir()`.
pub fn user_config_path() -> Option<PathBuf> {
    user_config_dir().map(|d| d.join("config.toml"))
}

/// Every settings layer: the user config (and the profile chosen by `profile`, else its own
/// `profile` key) and the project file. `disabled` (`--no-config`) reads neither.
pub fn load_layers(
    explicit: Option<&Path>,
    disabled: bool,
    profile: Option<&str>,
) -> Result<Layers, Error> {
    let mut layers = Layers::default();
    if disabled {
        return Ok(layers);
    }
    if let Some(path) = user_config_path().filter(|p| p.is_file()) {
        let text = read(&path)?;
        let cfg: UserConfig = parse(&path, &text)?;
        let chosen = profile.map(str::to_string).or(cfg.profile.clone());
        layers.user = resolve(
            ProjectConfig {
                plan: cfg.plan,
                history: cfg.history,
                aws: cfg.aws,
                auth: cfg.auth,
            },
            &path,
            "",
        )?;
        let mut profiles = cfg.profiles;
        if let Some(name) = &chosen {
            let Some(p) = profiles.remove(name) else {
                let known: Vec<&String> = profiles.keys().collect();
                return Err(Error::Config {
                    path: path.clone(),
                    message: format!("no profile {name:?} (profiles here: {known:?})"),
                });
            };
            layers.profile_settings = resolve(p, &path, &format!("profiles.{name}."))?;
        }
        // Profiles not chosen are still checked: a typo should not wait for the day it is used.
        for (name, p) in profiles {
            resolve(p, &path, &format!("profiles.{name}."))?;
        }
        layers.profile = chosen;
        layers.user_path = Some(path);
    } else if let Some(name) = profile {
        return Err(Error::Usage {
            message: format!("--profile {name}: there is no user config to hold profiles"),
            hint: "create one with `cloudops --profile NAME config set KEY VALUE`".into(),
        });
    }
    let project = match explicit {
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
    if let Some(p) = project {
        tracing::debug!(path = %p.display(), "project settings");
        layers.project = load_project_file(&p)?;
        layers.project_path = Some(p);
    }
    Ok(layers)
}

#[derive(Debug, Default, Clone)]
pub struct HistorySettings {
    pub data_dir: Option<PathBuf>,
    pub store: Option<crate::cli::StoreChoice>,
    pub retention_days: Option<u32>,
    pub workspace: Option<String>,
}

/// Longest retention accepted (100 years); `0` means forever.
pub const MAX_RETENTION_DAYS: u32 = 36_500;

/// The user config: the project file's tables, a default profile, and named profiles
/// (e.g. one per AWS account or stack) that override them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    pub profile: Option<String>,
    #[serde(default)]
    pub plan: PlanConfig,
    #[serde(default)]
    pub history: HistoryConfig,
    #[serde(default)]
    pub aws: AwsConfig,
    #[serde(default)]
    pub auth: AuthConfig,
    #[serde(default)]
    pub profiles: BTreeMap<String, ProjectConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanConfig {
    pub fail_on: Option<String>,
    pub max_destroy: Option<u64>,
    pub mass_destroy_threshold: Option<u64>,
    pub mask_secret_names: Option<bool>,
    /// The Bedrock model (or inference profile) `plan explain` asks.
    pub explain_model: Option<String>,
    #[serde(default)]
    pub ignore_rules: Vec<String>,
    #[serde(default)]
    pub ignore_addresses: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Rego policy files or directories; relative paths are relative to the file's directory.
    #[serde(default)]
    pub policies: Vec<PathBuf>,
    #[serde(default)]
    pub policy_namespaces: Vec<String>,
}

/// Validated plan settings from the file.
#[derive(Debug, Default, Clone)]
pub struct PlanSettings {
    pub path: Option<PathBuf>,
    /// `Some(None)` means the file says `fail_on = "none"`.
    pub fail_on: Option<Option<Severity>>,
    pub max_destroy: Option<u64>,
    pub mass_destroy_threshold: Option<u64>,
    pub mask_secret_names: Option<bool>,
    pub explain_model: Option<String>,
    pub ignore_rules: Vec<String>,
    pub ignore_addresses: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub policies: Vec<PathBuf>,
    pub policy_namespaces: Vec<String>,
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

/// Validates a user config file as `load_layers` would read it, every profile included.
pub fn check_user_file(path: &Path) -> Result<(), Error> {
    let text = read(path)?;
    let cfg: UserConfig = parse(path, &text)?;
    resolve(
        ProjectConfig {
            plan: cfg.plan,
            history: cfg.history,
            aws: cfg.aws,
            auth: cfg.auth,
        },
        path,
        "",
    )?;
    if let Some(p) = cfg
        .profile
        .as_ref()
        .filter(|p| !cfg.profiles.contains_key(*p))
    {
        return Err(Error::Config {
            path: path.to_path_buf(),
            message: format!("profile = {p:?} names no [profiles.{p}] table"),
        });
    }
    for (name, p) in cfg.profiles {
        resolve(p, path, &format!("profiles.{name}."))?;
    }
    Ok(())
}

/// The settings files' word on everything, merged (see `load_layers`).
pub fn load_project(
    explicit: Option<&Path>,
    disabled: bool,
    profile: Option<&str>,
) -> Result<ProjectSettings, Error> {
    load_layers(explicit, disabled, profile).map(|l| l.effective())
}

/// A project file lives in a repository, which anyone may have written: it may not say
/// where the operator's password goes ([auth]) or which AWS identity is used ([aws]).
pub fn load_project_file(path: &Path) -> Result<ProjectSettings, Error> {
    let text = read(path)?;
    let cfg: ProjectConfig = parse(path, &text)?;
    let a = &cfg.auth;
    let auth_set = a.user_pool_id.is_some()
        || a.client_id.is_some()
        || a.identity_pool_id.is_some()
        || a.insecure_storage.is_some()
        || a.refresh_margin_seconds.is_some();
    if auth_set
        || cfg.aws.region.is_some()
        || cfg.aws.profile.is_some()
        || cfg.aws.plans_table.is_some()
        || cfg.aws.budgets_table.is_some()
        || cfg.aws.cost_cache_table.is_some()
        || cfg.aws.alert_topic.is_some()
    {
        return Err(Error::Config {
            path: path.to_path_buf(),
            message: "[auth] and [aws] are read only from the user config and the environment, never from a project file: a repository must not choose where your password goes".into(),
        });
    }
    resolve(cfg, path, "")
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        message: format!("cannot read: {e}"),
    })
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        message: e.message().to_string() + &location(text, e.span()),
    })
}

/// Validates one file's (or one profile's) settings; `prefix` names a profile's keys in
/// messages (`profiles.prod.`).
fn resolve(cfg: ProjectConfig, path: &Path, prefix: &str) -> Result<ProjectSettings, Error> {
    let err = |message: String| Error::Config {
        path: path.to_path_buf(),
        message: format!("{prefix}{message}"),
    };
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
    let store = match h.store.as_deref() {
        None => None,
        Some(v) => Some(crate::cli::StoreChoice::parse(v).ok_or_else(|| {
            err(format!(
                "history.store = {v:?}: expected auto, local or dynamodb"
            ))
        })?),
    };
    let history = HistorySettings {
        store,
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
        if !rules::is_known(r) {
            return Err(err(format!(
                "plan.ignore_rules: unknown rule {r:?} (see the rule list in the README)"
            )));
        }
    }
    let mut severity = BTreeMap::new();
    for (k, v) in &p.severity {
        if !rules::is_known(k) {
            return Err(err(format!(
                "plan.severity.{k}: unknown rule {k:?} (a built-in ID such as CO002, or a policy's PACKAGE.RULE such as \"main.deny\")"
            )));
        }
        severity.insert(k.clone(), severity_of(&format!("plan.severity.{k}"), v)?);
    }
    let plan = PlanSettings {
        path: Some(path.to_path_buf()),
        fail_on,
        max_destroy: p.max_destroy,
        mass_destroy_threshold: p.mass_destroy_threshold,
        mask_secret_names: p.mask_secret_names,
        explain_model: match p.explain_model {
            Some(m) if m.trim().is_empty() || m.chars().any(char::is_whitespace) => {
                return Err(err(format!(
                    "plan.explain_model = {m:?}: expected a Bedrock model or inference profile id such as {:?}",
                    crate::explain::DEFAULT_MODEL
                )));
            }
            other => other,
        },
        ignore_rules: p.ignore_rules,
        ignore_addresses: p.ignore_addresses,
        severity,
        policies: p.policies.iter().map(|d| base.join(d)).collect(),
        policy_namespaces: p.policy_namespaces,
    };
    check_aws(&cfg.aws, &cfg.auth).map_err(err)?;
    Ok(ProjectSettings {
        plan,
        history,
        aws: cfg.aws,
        auth: cfg.auth,
    })
}

/// Catches identifiers pasted into the wrong key (a client id as the pool id, say) when the
/// file is read, not at the first login.
fn check_aws(aws: &AwsConfig, auth: &AuthConfig) -> Result<(), String> {
    let region_like = |r: &str| {
        r.split('-').count() >= 3
            && r.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if let Some(r) = aws.region.as_deref().filter(|r| !region_like(r)) {
        return Err(format!(
            "aws.region = {r:?}: expected a region such as eu-west-1"
        ));
    }
    if let Some(p) = auth.user_pool_id.as_deref() {
        if !p
            .split_once('_')
            .is_some_and(|(r, id)| region_like(r) && !id.is_empty())
        {
            return Err(format!(
                "auth.user_pool_id = {p:?}: expected REGION_ID, e.g. eu-west-1_AbC123 (the stack output UserPoolId)"
            ));
        }
    }
    if let Some(p) = auth.identity_pool_id.as_deref() {
        if !p
            .split_once(':')
            .is_some_and(|(r, id)| region_like(r) && !id.is_empty())
        {
            return Err(format!(
                "auth.identity_pool_id = {p:?}: expected REGION:UUID (the stack output IdentityPoolId)"
            ));
        }
    }
    if let Some(c) = auth.client_id.as_deref() {
        if c.is_empty() || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!(
                "auth.client_id = {c:?}: expected the app client id (letters and digits; the stack output UserPoolClientId)"
            ));
        }
    }
    Ok(())
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
