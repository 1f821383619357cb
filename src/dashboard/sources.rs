//! Where the dashboard reads from: the plan history, the budgets and the cost cache, each
//! where the commands keep it (the embedded store, or the logged-in user's partition of the
//! stack's tables). Looking never creates a store, and nothing here ever writes.

use std::sync::Arc;

use jiff::Timestamp;

use crate::budget::Budget;
use crate::commands::history_store::{self, Spec, Table};
use crate::commands::Context;
use crate::config::ProjectSettings;
use crate::cost::CostAnswer;
use crate::error::Error;
use crate::store::budgets::{AlertRecord, BudgetStore, CostCache};
use crate::store::dynamodb::DynamoStore;
use crate::store::sqlite::SqliteStore;
use crate::store::{ListQuery, PlanMeta, Store, StoreError};

/// At most this many saved analyses are read for one page: the newest ones.
pub const MAX_ENTRIES: usize = 5000;

pub struct Sources {
    pub plans: Option<Box<dyn Store>>,
    pub budgets: Option<Box<dyn BudgetStore>>,
    pub cache: Option<Box<dyn CostCache>>,
    /// Where each came from, for the page footer.
    pub locations: Vec<String>,
    /// Some store is the shared one, read with a login's credentials (which expire).
    pub signed_in: bool,
    pub opened_at: std::time::Instant,
}

/// Saved analyses, newest first, and what could not be shown of them.
pub struct Entries {
    pub entries: Vec<PlanMeta>,
    /// More were saved than `MAX_ENTRIES`.
    pub truncated: bool,
    /// IDs of entries this build cannot read.
    pub unreadable: Vec<String>,
}

/// A cached Cost Explorer answer and the question it answers.
pub struct CachedAnswer {
    pub fetched_at: Timestamp,
    pub query: crate::cost::CostQuery,
    pub answer: CostAnswer,
}

impl Sources {
    /// Opens what exists, as the commands decide it; a store that was never created is
    /// `None` (its pages say how to fill it).
    pub fn open(ctx: &Context, project: &ProjectSettings) -> Result<Sources, Error> {
        let plans = Spec::decide(ctx, project)?;
        let budgets = Spec::decide_for(ctx, project, Table::Budgets)?;
        let (cache, _) = Spec::for_cost_cache(ctx, project)?;
        let all = [plans.describe(), budgets.describe(), cache.describe()];
        let locations = if all.iter().all(|d| *d == all[0]) {
            vec![all[0].clone()]
        } else {
            vec![
                format!("plans: {}", all[0]),
                format!("budgets: {}", all[1]),
                format!("cost cache: {}", all[2]),
            ]
        };
        let mut login = None;
        let mut shared = |spec: &Spec, t: Table| -> Result<Option<DynamoStore>, Error> {
            let Spec::Shared { settings, table } = spec else {
                return Ok(None);
            };
            if login.is_none() {
                let (rt, config, sub) = history_store::login(settings)?;
                login = Some((Arc::new(rt), config, sub));
            }
            let (rt, config, sub) = login.as_ref().expect("logged in above");
            Ok(Some(
                DynamoStore::with_runtime(rt.clone(), config, table, sub)
                    .for_table(table, t.setting()),
            ))
        };
        let local = |spec: &Spec| -> Result<Option<SqliteStore>, Error> {
            match spec {
                Spec::Local(dir) => Ok(SqliteStore::open_existing(dir)?),
                Spec::Shared { .. } => Ok(None),
            }
        };
        let plans_store = match shared(&plans, Table::Plans)? {
            Some(d) => Some(Box::new(d) as Box<dyn Store>),
            None => local(&plans)?.map(|s| Box::new(s) as Box<dyn Store>),
        };
        let budget_store = match shared(&budgets, Table::Budgets)? {
            Some(d) => Some(Box::new(d) as Box<dyn BudgetStore>),
            None => local(&budgets)?.map(|s| Box::new(s) as Box<dyn BudgetStore>),
        };
        let cache_store = match shared(&cache, Table::CostCache)? {
            Some(d) => Some(Box::new(d) as Box<dyn CostCache>),
            None => local(&cache)?.map(|s| Box::new(s) as Box<dyn CostCache>),
        };
        Ok(Sources {
            plans: plans_store,
            budgets: budget_store,
            cache: cache_store,
            locations,
            signed_in: login.is_some(),
            opened_at: std::time::Instant::now(),
        })
    }

    /// The clock for expiry, "this month" and ages, as `cost` and `budget` read it
    /// (CLOUDOPS_NOW when set).
    pub fn now(&self) -> Result<Timestamp, Error> {
        crate::commands::spend::clock()
    }

    /// The newest saved analyses (of one workspace, or all), at most `MAX_ENTRIES`.
    pub fn entries(&self, workspace: Option<&str>, now: Timestamp) -> Result<Entries, Error> {
        let mut out = Entries {
            entries: Vec::new(),
            truncated: false,
            unreadable: Vec::new(),
        };
        let Some(store) = &self.plans else {
            return Ok(out);
        };
        let mut q = ListQuery {
            workspace: workspace.map(str::to_string),
            since: None,
            limit: 500,
            cursor: None,
        };
        loop {
            let page = store.list_plans(&q, now)?;
            out.entries.extend(page.entries);
            out.unreadable.extend(page.unreadable);
            match page.next {
                Some(next) if out.entries.len() < MAX_ENTRIES => q.cursor = Some(next),
                Some(_) => {
                    out.truncated = true;
                    break;
                }
                None => break,
            }
        }
        if out.entries.len() > MAX_ENTRIES {
            out.entries.truncate(MAX_ENTRIES);
            out.truncated = true;
        }
        Ok(out)
    }

    pub fn budgets(&self) -> Result<Vec<Budget>, StoreError> {
        self.budgets
            .as_ref()
            .map_or(Ok(Vec::new()), |b| b.budgets())
    }

    pub fn alerts(&self, budget: &str, month: &str) -> Result<Vec<AlertRecord>, StoreError> {
        self.budgets
            .as_ref()
            .map_or(Ok(Vec::new()), |b| b.alerts(budget, month))
    }

    /// The cached usage answers that say what they answer, newest first, and how many
    /// others (from an older cloudops) could not be shown.
    pub fn cost_answers(&self, now: Timestamp) -> Result<(Vec<CachedAnswer>, usize), StoreError> {
        let Some(cache) = &self.cache else {
            return Ok((Vec::new(), 0));
        };
        let mut shown = Vec::new();
        let mut older = 0;
        for (_, c) in cache.cached_costs(now)? {
            // Forecasts and account memos share the cache; only usage answers have periods.
            if let Ok(mut answer) = serde_json::from_slice::<CostAnswer>(&c.body) {
                match answer.query.take() {
                    Some(query) => shown.push(CachedAnswer {
                        fetched_at: c.fetched_at,
                        query,
                        answer,
                    }),
                    None => older += 1,
                }
            }
        }
        Ok((shown, older))
    }
}
