//! Which store holds the plan history — the embedded one, or the logged-in user's partition
//! of the shared DynamoDB table — decided once, so that every history command and
//! `plan analyze --save` agree and none of them knows which backend it talks to.

use std::path::PathBuf;

use crate::auth::{self, Settings};
use crate::cli::StoreChoice;
use crate::commands::Context;
use crate::config::ProjectSettings;
use crate::error::Error;
use crate::store::dynamodb::DynamoStore;
use crate::store::sqlite::SqliteStore;
use crate::store::Store;

/// The embedded store's directory: `--data-dir`, CLOUDOPS_DATA_DIR, `history.data_dir`, or
/// the platform data directory.
pub fn local_dir(ctx: &Context, project: &ProjectSettings) -> Result<PathBuf, Error> {
    let dir = ctx.data_dir.clone().or(project.history.data_dir.clone());
    crate::store::data_dir(dir).ok_or_else(|| Error::Usage {
        message: "cannot find a data directory for the plan history (no home directory)".into(),
        hint: "set CLOUDOPS_DATA_DIR or pass --data-dir".into(),
    })
}

/// The stack's tables, each named by a setting (or its environment variable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Plans,
    Budgets,
    CostCache,
}

impl Table {
    pub fn setting(self) -> &'static str {
        match self {
            Table::Plans => "aws.plans_table",
            Table::Budgets => "aws.budgets_table",
            Table::CostCache => "aws.cost_cache_table",
        }
    }

    fn env(self) -> &'static str {
        match self {
            Table::Plans => "CLOUDOPS_PLANS_TABLE",
            Table::Budgets => "CLOUDOPS_BUDGETS_TABLE",
            Table::CostCache => "CLOUDOPS_COST_CACHE_TABLE",
        }
    }

    fn output(self) -> &'static str {
        match self {
            Table::Plans => "PlansTableName",
            Table::Budgets => "BudgetsTableName",
            Table::CostCache => "CostCacheTableName",
        }
    }

    fn configured(self, p: &ProjectSettings) -> Option<String> {
        match self {
            Table::Plans => p.aws.plans_table.clone(),
            Table::Budgets => p.aws.budgets_table.clone(),
            Table::CostCache => p.aws.cost_cache_table.clone(),
        }
    }
}

/// The decision, before anything is opened.
pub enum Spec {
    Local(PathBuf),
    Shared {
        settings: Box<Settings>,
        table: String,
    },
}

impl Spec {
    /// `--store` > CLOUDOPS_HISTORY_STORE > `history.store` > auto. Auto is the shared table
    /// when one is configured and the operator is logged in (or has CI credentials set).
    pub fn decide(ctx: &Context, project: &ProjectSettings) -> Result<Spec, Error> {
        Spec::decide_for(ctx, project, Table::Plans)
    }

    /// As `decide`, for one of the stack's tables.
    pub fn decide_for(ctx: &Context, project: &ProjectSettings, t: Table) -> Result<Spec, Error> {
        let choice = ctx
            .store
            .or(project.history.store)
            .unwrap_or(StoreChoice::Auto);
        let table = std::env::var(t.env())
            .ok()
            .filter(|t| !t.is_empty())
            .or(t.configured(project));
        let local = || local_dir(ctx, project).map(Spec::Local);
        match (choice, table) {
            (StoreChoice::Local, _) => local(),
            (StoreChoice::Dynamodb, None) => Err(Error::Usage {
                message: format!("--store dynamodb: no table is configured ({})", t.setting()),
                hint: format!(
                    "set it from the deploy/ stack output {}: `cloudops config set {} NAME`, or all settings at once with `cloudops config from-stack STACK` (deploy/README.md)",
                    t.output(),
                    t.setting()
                ),
            }),
            (StoreChoice::Dynamodb, Some(table)) => Ok(Spec::Shared {
                settings: Box::new(Settings::from_files(project)?),
                table,
            }),
            (StoreChoice::Auto, None) => local(),
            (StoreChoice::Auto, Some(table)) => match Settings::from_files(project) {
                Ok(settings) if logged_in(&settings) => Ok(Spec::Shared {
                    settings: Box::new(settings),
                    table,
                }),
                _ => {
                    tracing::debug!("not logged in: the store is local");
                    local()
                }
            },
        }
    }

    /// Where cached Cost Explorer answers live. `--store dynamodb` set for the plan history
    /// must not stop `cost` when no cost-cache table is configured: the cache is an economy,
    /// not the answer, so answers are then cached locally, and the reason is returned for a
    /// warning.
    pub fn for_cost_cache(
        ctx: &Context,
        project: &ProjectSettings,
    ) -> Result<(Spec, Option<String>), Error> {
        match Spec::decide_for(ctx, project, Table::CostCache) {
            Err(Error::Usage { message, .. }) => {
                Ok((Spec::Local(local_dir(ctx, project)?), Some(message)))
            }
            other => other.map(|spec| (spec, None)),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Spec::Local(dir) => format!(
                "SQLite store {}",
                dir.join(crate::store::sqlite::FILE_NAME).display()
            ),
            Spec::Shared { table, .. } => format!("DynamoDB table {table} (shared)"),
        }
    }

    /// The store for reading: `None` when the embedded store was never created (looking
    /// never creates files).
    pub fn open(&self) -> Result<Option<Box<dyn Store>>, Error> {
        match self {
            Spec::Local(dir) => Ok(SqliteStore::open_existing(dir)?.map(boxed)),
            Spec::Shared { settings, table } => shared(settings, table).map(Some),
        }
    }

    /// The store for writing, created when missing.
    pub fn create(&self) -> Result<Box<dyn Store>, Error> {
        match self {
            Spec::Local(dir) => Ok(boxed(SqliteStore::open_or_create(dir)?)),
            Spec::Shared { settings, table } => shared(settings, table),
        }
    }
}

fn boxed(s: SqliteStore) -> Box<dyn Store> {
    tracing::debug!(store = %s.location(), "store opened");
    Box::new(s)
}

/// Credentials exist to try: CI variables, or a stored login (checked without the network).
pub fn logged_in(settings: &Settings) -> bool {
    let env = |k: &str| std::env::var(k).is_ok_and(|v| !v.is_empty());
    if env(auth::ENV_USERNAME) && env(auth::ENV_PASSWORD) {
        return true;
    }
    settings
        .vault(false, false)
        .and_then(|v| v.get("refresh"))
        .is_ok_and(|t| t.is_some())
}

/// The user's partition: log in (refreshing and verifying), take the identity pool's
/// credentials when configured, and key every item by the verified `sub`.
fn shared(settings: &Settings, table: &str) -> Result<Box<dyn Store>, Error> {
    let (rt, config, sub) = login(settings)?;
    let store = DynamoStore::with_runtime(rt, &config, table, &sub);
    tracing::debug!(store = %store.location(), "store opened");
    Ok(Box::new(store))
}

/// Logs in and returns the runtime it happened on, the AWS configuration signed as the user
/// (the identity pool's credentials when configured, else the default chain) in the stack's
/// region, and the user's verified `sub`.
pub fn login(
    settings: &Settings,
) -> Result<(tokio::runtime::Runtime, aws_config::SdkConfig, String), Error> {
    let rt = crate::aws::runtime()?;
    let (config, sub) = rt.block_on(async {
        let pool = settings.user_pool().await;
        let session = auth::session(settings, &pool).await?;
        let credentials = auth::identity_credentials(settings, &session).await;
        // The table is in the stack's region: aws.region if set, else the user pool's; never
        // whatever AWS_REGION a CI job set for its own Terraform.
        let target = crate::aws::Target {
            region: settings
                .aws
                .region
                .clone()
                .or_else(|| Some(settings.pool_region().to_string())),
            profile: settings.aws.profile.clone(),
        };
        let config = crate::aws::signed(&target, credentials, true).await;
        Ok::<_, Error>((config, session.claims.sub))
    })?;
    Ok((rt, config, sub))
}
