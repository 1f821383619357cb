//! `cloudops config path|list|get|set|unset`: every setting in one place, where its value
//! comes from, and edits of the user config that keep its comments and never write a file
//! cloudops would then refuse.

use std::path::Path;

use toml_edit::{value, Array, DocumentMut, Item, Table};

use crate::cli::{ConfigArgs, ConfigCommand};
use crate::commands::Context;
use crate::config::{self, Layers, ProjectSettings};
use crate::error::{Error, ExitCode};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    Bool,
    List,
}

/// Every setting a file can hold: key, type, environment variable, default, meaning.
const KEYS: &[(&str, Kind, Option<&str>, &str, &str)] = &[
    (
        "plan.fail_on",
        Kind::Text,
        Some("CLOUDOPS_FAIL_ON"),
        "none",
        "exit 3 on findings at or above this severity",
    ),
    (
        "plan.max_destroy",
        Kind::Number,
        Some("CLOUDOPS_MAX_DESTROY"),
        "(no limit)",
        "exit 3 when more resources are destroyed",
    ),
    (
        "plan.mass_destroy_threshold",
        Kind::Number,
        None,
        "10",
        "destroys that make CO009 report",
    ),
    (
        "plan.mask_secret_names",
        Kind::Bool,
        None,
        "true",
        "mask values of secret-named attributes",
    ),
    (
        "plan.explain_model",
        Kind::Text,
        None,
        crate::explain::DEFAULT_MODEL,
        "the Bedrock model `plan explain` asks",
    ),
    (
        "plan.ignore_rules",
        Kind::List,
        None,
        "[]",
        "rules never reported",
    ),
    (
        "plan.ignore_addresses",
        Kind::List,
        None,
        "[]",
        "address patterns never reported",
    ),
    (
        "plan.policies",
        Kind::List,
        None,
        "[]",
        "Rego policy files or directories run on every plan and scan",
    ),
    (
        "plan.policy_namespaces",
        Kind::List,
        None,
        "[\"main\"]",
        "policy packages whose rules run",
    ),
    (
        "history.retention_days",
        Kind::Number,
        Some("CLOUDOPS_HISTORY_RETENTION_DAYS"),
        "30",
        "days a saved analysis is kept (0: forever)",
    ),
    (
        "history.workspace",
        Kind::Text,
        Some("CLOUDOPS_WORKSPACE"),
        "(git repository and directory)",
        "plan history workspace",
    ),
    (
        "history.data_dir",
        Kind::Text,
        Some("CLOUDOPS_DATA_DIR"),
        "(platform data directory)",
        "where the plan history is stored",
    ),
    (
        "history.store",
        Kind::Text,
        Some("CLOUDOPS_HISTORY_STORE"),
        "auto",
        "plan history: auto, local or dynamodb",
    ),
    (
        "aws.plans_table",
        Kind::Text,
        Some("CLOUDOPS_PLANS_TABLE"),
        "(none: local history)",
        "DynamoDB table of the shared plan history",
    ),
    (
        "aws.budgets_table",
        Kind::Text,
        Some("CLOUDOPS_BUDGETS_TABLE"),
        "(none: local budgets)",
        "DynamoDB table of budgets and their alert records",
    ),
    (
        "aws.cost_cache_table",
        Kind::Text,
        Some("CLOUDOPS_COST_CACHE_TABLE"),
        "(none: local cache)",
        "DynamoDB table caching Cost Explorer answers",
    ),
    (
        "aws.alert_topic",
        Kind::Text,
        Some("CLOUDOPS_ALERT_TOPIC"),
        "(none: budgets without --topic send no alerts)",
        "SNS topic ARN budget alerts are published to",
    ),
    (
        "aws.region",
        Kind::Text,
        Some("AWS_REGION"),
        "(AWS shared config, else the user pool's)",
        "AWS region of the cloudops stack",
    ),
    (
        "aws.profile",
        Kind::Text,
        Some("AWS_PROFILE"),
        "(AWS default chain)",
        "AWS shared-config profile for AWS calls",
    ),
    (
        "auth.user_pool_id",
        Kind::Text,
        Some("CLOUDOPS_USER_POOL_ID"),
        "(none)",
        "Cognito user pool for login",
    ),
    (
        "auth.client_id",
        Kind::Text,
        Some("CLOUDOPS_CLIENT_ID"),
        "(none)",
        "Cognito app client for login",
    ),
    (
        "auth.identity_pool_id",
        Kind::Text,
        Some("CLOUDOPS_IDENTITY_POOL_ID"),
        "(none: AWS default chain)",
        "identity pool giving logged-in users AWS credentials",
    ),
    (
        "auth.insecure_storage",
        Kind::Bool,
        Some("CLOUDOPS_INSECURE_STORAGE"),
        "false",
        "keep tokens in a 0600 file when no OS keyring works",
    ),
    (
        "auth.refresh_margin_seconds",
        Kind::Number,
        Some("CLOUDOPS_AUTH_REFRESH_MARGIN"),
        "300",
        "refresh tokens that expire within this many seconds",
    ),
];

pub fn run(args: &ConfigArgs, ctx: &Context) -> Result<ExitCode, Error> {
    // Editing may create the profile it names, so only reading needs it to exist.
    let reading = !matches!(
        args.command,
        ConfigCommand::Set(_) | ConfigCommand::Unset(_) | ConfigCommand::FromStack(_)
    );
    let layers = if reading {
        config::load_layers(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?
    } else {
        Layers::default()
    };
    match &args.command {
        ConfigCommand::Path => emit(&paths(&layers)),
        ConfigCommand::List => {
            let mut out = String::new();
            for (key, ..) in KEYS {
                out.push_str(&line(key, &layers));
            }
            for rule in layers.effective().plan.severity.keys() {
                out.push_str(&line(&format!("plan.severity.{rule}"), &layers));
            }
            emit(&out)
        }
        ConfigCommand::Get(k) => {
            kind_of(&k.key)?;
            let (value, _) = effective(&k.key, &layers);
            emit(&format!("{value}\n"))
        }
        ConfigCommand::Set(a) => edit(&a.key, Some(&a.value), ctx),
        ConfigCommand::Unset(k) => edit(&k.key, None, ctx),
        ConfigCommand::FromStack(a) => from_stack(a, ctx),
    }?;
    Ok(ExitCode::Success)
}

fn emit(text: &str) -> Result<(), Error> {
    crate::commands::print(text.as_bytes())
}

fn paths(l: &Layers) -> String {
    let user = config::user_config_path()
        .map(|p| {
            let state = if p.is_file() {
                ""
            } else {
                " (not created yet)"
            };
            format!("{}{state}", p.display())
        })
        .unwrap_or_else(|| "(no config directory; set CLOUDOPS_CONFIG_DIR)".into());
    let project = l
        .project_path
        .as_ref()
        .map_or("(none found)".to_string(), |p| p.display().to_string());
    format!(
        "user config:  {user}\nproject file: {project}\nprofile:      {}\n",
        l.profile.as_deref().unwrap_or("(none)")
    )
}

fn kind_of(key: &str) -> Result<Kind, Error> {
    if let Some(rule) = key.strip_prefix("plan.severity.") {
        if crate::plan::rules::lookup(rule).is_some() {
            return Ok(Kind::Text);
        }
    }
    KEYS.iter()
        .find(|k| k.0 == key)
        .map(|k| k.1)
        .ok_or_else(|| Error::Usage {
            message: format!("unknown setting {key:?}"),
            hint: "`cloudops config list` shows every key".into(),
        })
}

fn line(key: &str, layers: &Layers) -> String {
    let (value, origin) = effective(key, layers);
    format!("{key} = {value}  # {origin}\n")
}

/// The value in effect and where it comes from, highest layer first.
fn effective(key: &str, l: &Layers) -> (String, String) {
    let entry = KEYS.iter().find(|k| k.0 == key);
    if let Some(var) = entry.and_then(|k| k.2) {
        if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            return (
                v.to_string_lossy().into_owned(),
                format!("environment {var}"),
            );
        }
    }
    let file = |p: &Option<std::path::PathBuf>| {
        p.as_ref()
            .map_or(String::new(), |p| p.display().to_string())
    };
    let layers = [
        (&l.project, file(&l.project_path)),
        (
            &l.profile_settings,
            format!(
                "{} [profiles.{}]",
                file(&l.user_path),
                l.profile.as_deref().unwrap_or("")
            ),
        ),
        (&l.user, file(&l.user_path)),
    ];
    for (settings, origin) in layers {
        if let Some(v) = value_of(key, settings) {
            return (v, origin);
        }
    }
    let default = entry.map_or("(rule default)", |k| k.3);
    (default.to_string(), "default".to_string())
}

fn value_of(key: &str, s: &ProjectSettings) -> Option<String> {
    let list = |v: &[String]| (!v.is_empty()).then(|| format!("{v:?}"));
    match key {
        "plan.fail_on" => s
            .plan
            .fail_on
            .map(|t| t.map_or("none", |v| v.label()).to_string()),
        "plan.max_destroy" => s.plan.max_destroy.map(|n| n.to_string()),
        "plan.mass_destroy_threshold" => s.plan.mass_destroy_threshold.map(|n| n.to_string()),
        "plan.mask_secret_names" => s.plan.mask_secret_names.map(|b| b.to_string()),
        "plan.explain_model" => s.plan.explain_model.clone(),
        "plan.ignore_rules" => list(&s.plan.ignore_rules),
        "plan.ignore_addresses" => list(&s.plan.ignore_addresses),
        "plan.policies" => (!s.plan.policies.is_empty()).then(|| {
            let shown: Vec<String> = s
                .plan
                .policies
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            format!("{shown:?}")
        }),
        "plan.policy_namespaces" => list(&s.plan.policy_namespaces),
        "history.retention_days" => s.history.retention_days.map(|n| n.to_string()),
        "history.workspace" => s.history.workspace.clone(),
        "history.data_dir" => s.history.data_dir.as_ref().map(|p| p.display().to_string()),
        "aws.region" => s.aws.region.clone(),
        "aws.plans_table" => s.aws.plans_table.clone(),
        "aws.budgets_table" => s.aws.budgets_table.clone(),
        "aws.cost_cache_table" => s.aws.cost_cache_table.clone(),
        "aws.alert_topic" => s.aws.alert_topic.clone(),
        "history.store" => s.history.store.map(|c| format!("{c:?}").to_lowercase()),
        "aws.profile" => s.aws.profile.clone(),
        "auth.user_pool_id" => s.auth.user_pool_id.clone(),
        "auth.client_id" => s.auth.client_id.clone(),
        "auth.identity_pool_id" => s.auth.identity_pool_id.clone(),
        "auth.insecure_storage" => s.auth.insecure_storage.map(|b| b.to_string()),
        "auth.refresh_margin_seconds" => s.auth.refresh_margin_seconds.map(|n| n.to_string()),
        k => k
            .strip_prefix("plan.severity.")
            .and_then(|r| s.plan.severity.get(r))
            .map(|v| v.label().to_string()),
    }
}

/// Sets (or with `None` removes) `key` in the user config — under `[profiles.NAME]` with
/// `--profile` — and writes the file only if cloudops accepts the result.
fn edit(key: &str, new: Option<&str>, ctx: &Context) -> Result<(), Error> {
    edit_many(&[(key, new)], ctx)
}

/// Applies every change to one copy of the file, checks the result and writes it once:
/// all of them land or none does.
fn edit_many(changes: &[(&str, Option<&str>)], ctx: &Context) -> Result<(), Error> {
    let Some(path) = config::user_config_path() else {
        return Err(Error::Usage {
            message: "there is no config directory".into(),
            hint: "set CLOUDOPS_CONFIG_DIR".into(),
        });
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Error::Io {
                context: format!("reading {}", path.display()),
                error: e,
            })
        }
    };
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Config {
            path: path.clone(),
            message: e.message().to_string(),
        })?;
    for (key, new) in changes {
        let kind = kind_of(key)?;
        let mut segments: Vec<String> = Vec::new();
        if let Some(p) = &ctx.profile {
            segments.extend(["profiles".to_string(), p.clone()]);
        }
        segments.extend(key.split('.').map(str::to_string));
        let (leaf, tables) = segments.split_last().expect("keys have a dot");
        let mut table: &mut Table = doc.as_table_mut();
        for name in tables {
            let item = table.entry(name).or_insert_with(|| {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            });
            table = item.as_table_mut().ok_or_else(|| Error::Config {
                path: path.clone(),
                message: format!("{name} is not a table"),
            })?;
        }
        match new {
            None => {
                table.remove(leaf);
            }
            Some(v) => {
                table[leaf.as_str()] = typed(key, kind, v)?;
            }
        }
    }
    let updated = doc.to_string();
    // Check the whole file as it would be read, profiles included, before writing it.
    check(&path, &updated)?;
    write_atomically(&path, &updated)?;
    let profile = ctx
        .profile
        .as_deref()
        .map_or(String::new(), |p| format!(" (profile {p})"));
    for (key, new) in changes {
        ctx.note(&format!(
            "{} {key}{profile} in {}",
            if new.is_some() { "set" } else { "removed" },
            path.display()
        ));
    }
    Ok(())
}

fn typed(key: &str, kind: Kind, v: &str) -> Result<Item, Error> {
    let bad = |what: &str| Error::Usage {
        message: format!("{key} = {v:?}: expected {what}"),
        hint: "`cloudops config list` shows every key and its current value".into(),
    };
    if key == "aws.alert_topic" && crate::budget::topic_region(v).is_err() {
        return Err(bad("an SNS topic ARN, arn:PARTITION:sns:REGION:ACCOUNT:NAME with a 12-digit ACCOUNT (stack output AlertTopicArn)"));
    }
    Ok(match kind {
        Kind::Text => value(v),
        Kind::Number => value(v.trim().parse::<i64>().map_err(|_| bad("a whole number"))?),
        Kind::Bool => value(v.trim().parse::<bool>().map_err(|_| bad("true or false"))?),
        Kind::List => {
            let mut a = Array::new();
            for item in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                a.push(item);
            }
            value(a)
        }
    })
}

fn check(path: &Path, text: &str) -> Result<(), Error> {
    let dir = tempfile::tempdir().map_err(|e| Error::Io {
        context: "checking the new settings".into(),
        error: e,
    })?;
    let probe = dir.path().join("config.toml");
    std::fs::write(&probe, text).map_err(|e| Error::Io {
        context: "checking the new settings".into(),
        error: e,
    })?;
    config::check_user_file(&probe).map_err(|e| match e {
        Error::Config { message, .. } => Error::Config {
            path: path.to_path_buf(),
            message: format!("not changed: {message}"),
        },
        other => other,
    })
}

fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::Io {
        context: format!("writing {}", path.display()),
        error: e,
    };
    crate::fsutil::write_private(path, text.as_bytes()).map_err(io)
}

/// Stack outputs of deploy/template.yaml and the settings they fill.
const STACK_OUTPUTS: &[(&str, &str)] = &[
    ("Region", "aws.region"),
    ("UserPoolId", "auth.user_pool_id"),
    ("UserPoolClientId", "auth.client_id"),
    ("IdentityPoolId", "auth.identity_pool_id"),
    ("PlansTableName", "aws.plans_table"),
    ("BudgetsTableName", "aws.budgets_table"),
    ("CostCacheTableName", "aws.cost_cache_table"),
    ("AlertTopicArn", "aws.alert_topic"),
];

/// Reads the stack's outputs and sets every setting they fill, all or none: a stack that
/// lacks one is refused before anything is written.
fn from_stack(a: &crate::cli::FromStackArgs, ctx: &Context) -> Result<(), Error> {
    let rt = crate::aws::runtime()?;
    let outputs = rt.block_on(async {
        let target = crate::aws::Target {
            region: a.region.clone(),
            profile: None,
        };
        let cfg = crate::aws::signed(&target, None, a.region.is_some()).await;
        let client = aws_sdk_cloudformation::Client::new(&cfg);
        let out = client
            .describe_stacks()
            .stack_name(&a.stack)
            .send()
            .await
            .map_err(|e| {
                let (message, hint) = match &e {
                    aws_sdk_cloudformation::error::SdkError::ServiceError(s) => (
                        format!(
                            "CloudFormation DescribeStacks {}: {}",
                            a.stack,
                            aws_sdk_cloudformation::error::ProvideErrorMetadata::message(s.err())
                                .unwrap_or("refused")
                        ),
                        "check the stack name and --region; your AWS identity needs cloudformation:DescribeStacks".to_string(),
                    ),
                    other => {
                        let (why, hint) = crate::aws::failure(other);
                        (format!("CloudFormation DescribeStacks {}: {why}", a.stack), hint.to_string())
                    }
                };
                Error::Remote { message, hint }
            })?;
        let stack = out.stacks.unwrap_or_default().into_iter().next();
        Ok::<_, Error>(
            stack
                .and_then(|s| s.outputs)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|o| Some((o.output_key?, o.output_value?)))
                .collect::<std::collections::BTreeMap<String, String>>(),
        )
    })?;
    let missing: Vec<&str> = STACK_OUTPUTS
        .iter()
        .filter(|(k, _)| !outputs.contains_key(*k))
        .map(|(k, _)| *k)
        .collect();
    if !missing.is_empty() {
        return Err(Error::Usage {
            message: format!(
                "stack {} lacks the outputs {} (is it deployed from deploy/template.yaml?)",
                a.stack,
                missing.join(", ")
            ),
            hint: "deploy deploy/template.yaml (deploy/README.md), or set the keys with `cloudops config set`".into(),
        });
    }
    let changes: Vec<(&str, Option<&str>)> = STACK_OUTPUTS
        .iter()
        .map(|(output, key)| (*key, Some(outputs[*output].as_str())))
        .collect();
    edit_many(&changes, ctx)
}
