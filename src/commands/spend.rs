//! What `cost` and `budget` share: where budgets and cached answers live (the embedded
//! store, or the logged-in user's partition of the stack's tables), as whom AWS is called,
//! one runtime for all of it, and Cost Explorer answers fetched through the 12-hour cache.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::aws::cost_explorer::Explorer;
use crate::commands::history_store::{self, Spec, Table};
use crate::commands::Context;
use crate::config::ProjectSettings;
use crate::cost::{CostAnswer, CostQuery, CACHE_HOURS};
use crate::error::Error;
use crate::store::budgets::{BudgetStore, CachedCost, CostCache};
use crate::store::dynamodb::DynamoStore;
use crate::store::sqlite::SqliteStore;

/// The clock for periods, projections, cache age and alert months: CLOUDOPS_NOW (RFC 3339)
/// when set — reproducible reports, and tests of month ends — else the system clock.
pub fn clock() -> Result<Timestamp, Error> {
    match std::env::var("CLOUDOPS_NOW") {
        Ok(v) if !v.trim().is_empty() => {
            let bad = |why: &str| Error::Usage {
                message: format!("CLOUDOPS_NOW {v:?} {why}"),
                hint: "e.g. CLOUDOPS_NOW=2026-11-30T12:00:00Z, or unset it to use the clock".into(),
            };
            let t: Timestamp = v
                .trim()
                .parse()
                .map_err(|_| bad("is not an RFC 3339 time"))?;
            // Month arithmetic near the calendar's ends would overflow.
            let year = crate::cost::utc_date(t).year();
            if !(1970..=9000).contains(&year) {
                return Err(bad("is outside the years 1970 to 9000"));
            }
            Ok(t)
        }
        _ => Ok(Timestamp::now()),
    }
}

/// An answer and where it came from.
pub struct Fetched<T> {
    pub value: T,
    pub fetched_at: Timestamp,
    pub cached: bool,
}

/// Which stores a command needs.
#[derive(Clone, Copy)]
pub struct Needs {
    pub budgets: bool,
    pub cache: bool,
}

impl Needs {
    pub const BUDGETS: Needs = Needs {
        budgets: true,
        cache: false,
    };
    pub const CACHE: Needs = Needs {
        budgets: false,
        cache: true,
    };
    pub const BOTH: Needs = Needs {
        budgets: true,
        cache: true,
    };
}

pub struct Session {
    pub rt: Arc<tokio::runtime::Runtime>,
    /// Built on first use: a command that needs no AWS call (a budget without a service)
    /// never looks for a region or credentials.
    aws: Option<aws_config::SdkConfig>,
    /// Settings of a login to use for AWS calls once one is made.
    pending_login: Option<Box<crate::auth::Settings>>,
    target: crate::aws::Target,
    /// The verified user-pool `sub` when the shared tables are used.
    pub user: Option<String>,
    pub budgets: Option<Box<dyn BudgetStore>>,
    pub budgets_where: String,
    cache: Option<Box<dyn CostCache>>,
    pub cache_where: String,
    quiet: bool,
    /// A spinner while AWS is asked: on a terminal, for the table format, without --quiet.
    spinner: bool,
    explorer: Option<Explorer>,
    account: Option<String>,
    pub now: Timestamp,
}

impl Session {
    /// `now` is the command's one reading of `clock()`, so that its periods, cache ages
    /// and alert months agree.
    pub fn open(
        ctx: &Context,
        project: &ProjectSettings,
        needs: Needs,
        now: Timestamp,
    ) -> Result<Session, Error> {
        let decide =
            |need: bool, t: Table| need.then(|| Spec::decide_for(ctx, project, t)).transpose();
        let budget_spec = decide(needs.budgets, Table::Budgets)?;
        let cache_spec = match needs.cache {
            true => {
                let (spec, fallback) = Spec::for_cost_cache(ctx, project)?;
                if let (Some(why), false) = (fallback, ctx.quiet) {
                    eprintln!("warning: {why}; caching Cost Explorer answers locally");
                }
                Some(spec)
            }
            false => None,
        };
        let shared = [&budget_spec, &cache_spec]
            .into_iter()
            .flatten()
            .find_map(|s| match s {
                Spec::Shared { settings, .. } => Some(settings),
                Spec::Local(_) => None,
            });
        // Logged in with an identity pool, AWS is called with the pool's role whichever
        // store is used; the login itself waits until AWS is called.
        let mut pending_login = None;
        let (rt, aws, user) = match shared {
            Some(settings) => {
                let (rt, aws, sub) = history_store::login(settings)?;
                (Arc::new(rt), Some(aws), Some(sub))
            }
            None => {
                pending_login = crate::auth::Settings::from_files(project)
                    .ok()
                    .filter(|st| st.identity_pool_id.is_some() && history_store::logged_in(st))
                    .map(Box::new);
                (Arc::new(crate::aws::runtime()?), None, None)
            }
        };
        let mut s = Session {
            rt,
            aws,
            pending_login,
            target: crate::aws::Target {
                region: project.aws.region.clone(),
                profile: project.aws.profile.clone(),
            },
            user,
            budgets: None,
            budgets_where: String::new(),
            cache: None,
            cache_where: String::new(),
            explorer: None,
            account: None,
            now,
            quiet: ctx.quiet,
            spinner: !ctx.quiet
                && ctx.format == crate::cli::Format::Table
                && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        };
        if let Some(spec) = &budget_spec {
            s.budgets_where = spec.describe();
            s.budgets = Some(match spec {
                Spec::Local(dir) => Box::new(SqliteStore::open_or_create(dir)?),
                Spec::Shared { table, .. } => {
                    let d = s.dynamo(table, Table::Budgets)?;
                    Box::new(d)
                }
            });
        }
        if let Some(spec) = &cache_spec {
            s.cache_where = spec.describe();
            s.cache = Some(match spec {
                // A cache that cannot be opened costs requests, not the answer.
                Spec::Local(dir) => match SqliteStore::open_or_create(dir) {
                    Ok(store) => Box::new(store),
                    Err(e) => {
                        s.warn(&format!(
                            "the cost cache cannot be used ({e}); asking Cost Explorer without it"
                        ));
                        s.cache_where = "no cache".into();
                        return Ok(s);
                    }
                },
                Spec::Shared { table, .. } => {
                    let d = s.dynamo(table, Table::CostCache)?;
                    Box::new(d)
                }
            });
        }
        Ok(s)
    }

    fn dynamo(&mut self, table: &str, t: Table) -> Result<DynamoStore, Error> {
        let aws = self.aws()?;
        let sub = self.user.as_deref().unwrap_or_default();
        Ok(DynamoStore::with_runtime(self.rt.clone(), &aws, table, sub)
            .for_table(table, t.setting()))
    }

    /// The AWS configuration: the logged-in user's (logging in now if that waited), or the
    /// default chain's.
    pub fn aws(&mut self) -> Result<aws_config::SdkConfig, Error> {
        if let Some(a) = &self.aws {
            return Ok(a.clone());
        }
        let a = match self.pending_login.take() {
            Some(settings) => {
                let (rt, aws, sub) = history_store::login(&settings)?;
                // The login's connections live on its runtime: keep using that one.
                self.rt = Arc::new(rt);
                self.user = Some(sub);
                aws
            }
            None => self
                .rt
                .block_on(crate::aws::signed(&self.target, None, false)),
        };
        self.aws = Some(a.clone());
        Ok(a)
    }

    fn warn(&self, msg: &str) {
        if !self.quiet {
            eprintln!("warning: {msg}");
        }
    }

    pub fn budgets(&self) -> &dyn BudgetStore {
        self.budgets.as_deref().expect("opened with budgets")
    }

    /// The Cost Explorer adapter (a handle: its clients are shared, cloning is cheap).
    fn explorer(&mut self) -> Result<Explorer, Error> {
        if let Some(e) = &self.explorer {
            return Ok(e.clone());
        }
        let e = Explorer::new(&self.aws()?);
        self.explorer = Some(e.clone());
        Ok(e)
    }

    /// The account the credentials belong to: remembered in the cache by a digest of the
    /// access key ID (or profile name), so that a cached answer is reachable with AWS out of
    /// reach; else asked of STS once per run.
    pub fn account(&mut self) -> Result<String, Error> {
        if let Some(a) = &self.account {
            return Ok(a.clone());
        }
        let memo = self.identity().map(|i| crate::cost::account_memo_key(&i));
        if let (Some(key), Some(cache)) = (&memo, self.cache.as_deref()) {
            if let Ok(Some(hit)) = cache.cached_cost(key, self.now) {
                if let Ok(a) = serde_json::from_slice::<String>(&hit.body) {
                    tracing::debug!("account from the cache's memo");
                    self.account = Some(a.clone());
                    return Ok(a);
                }
            }
        }
        let explorer = self.explorer()?;
        let a = self.rt.block_on(explorer.account())?;
        if let (Some(key), Some(cache)) = (&memo, self.cache.as_deref()) {
            let now = self.now;
            let expires = now
                .checked_add(SignedDuration::from_hours(crate::cost::ACCOUNT_MEMO_HOURS))
                .unwrap_or(now);
            let entry = CachedCost {
                fetched_at: now,
                body: serde_json::to_vec(&a).unwrap_or_default(),
            };
            // Only an economy: without the memo the next run asks STS again.
            if let Err(e) = cache.cache_cost(key, &entry, expires) {
                tracing::debug!(error = %e, "account memo not kept");
            }
        }
        self.account = Some(a.clone());
        Ok(a)
    }

    /// What names the credentials without a secret and without the network: the logged-in
    /// user, else the access key ID the chain resolves to (environment and static profiles
    /// resolve locally), else the profile's name when resolving needs AWS (SSO, roles).
    fn identity(&mut self) -> Option<String> {
        if let Some(sub) = &self.user {
            return Some(format!("user:{sub}"));
        }
        if self.pending_login.is_some() {
            return None;
        }
        let aws = self.aws().ok()?;
        let provider = aws.credentials_provider()?;
        let resolved = self.rt.block_on(async {
            tokio::time::timeout(
                std::time::Duration::from_secs(3),
                aws_credential_types::provider::ProvideCredentials::provide_credentials(&provider),
            )
            .await
        });
        match resolved {
            Ok(Ok(c)) => Some(format!("key:{}", c.access_key_id())),
            _ => std::env::var("AWS_PROFILE")
                .ok()
                .filter(|p| !p.is_empty())
                .or_else(|| self.target.profile.clone())
                .map(|p| format!("profile:{p}")),
        }
    }

    /// Cost Explorer's answer to `q`, from the cache when a copy younger than 12 hours is
    /// there and `refresh` is off.
    pub fn usage(&mut self, q: &CostQuery, refresh: bool) -> Result<Fetched<CostAnswer>, Error> {
        let key = q.cache_key("usage");
        self.through_cache(&key, refresh, |s| {
            let explorer = s.explorer()?;
            s.rt.block_on(explorer.cost_and_usage(q))
        })
    }

    /// `fetch` unless the cache holds `key`; a fresh answer is cached. The cache failing is
    /// not the command failing: it costs a request, said on stderr.
    pub fn through_cache<T: Serialize + DeserializeOwned>(
        &mut self,
        key: &str,
        refresh: bool,
        fetch: impl FnOnce(&mut Session) -> Result<T, Error>,
    ) -> Result<Fetched<T>, Error> {
        let now = self.now;
        if let (false, Some(cache)) = (refresh, self.cache.as_deref()) {
            match cache.cached_cost(key, now) {
                Ok(Some(hit)) => match serde_json::from_slice::<T>(&hit.body) {
                    Ok(value) => {
                        tracing::debug!(key, "cost answer from the cache");
                        return Ok(Fetched {
                            value,
                            fetched_at: hit.fetched_at,
                            cached: true,
                        });
                    }
                    Err(e) => tracing::debug!(key, error = %e, "unreadable cached answer"),
                },
                Ok(None) => {}
                Err(e) => self.warn(&format!(
                    "cannot read the cost cache ({e}); asking Cost Explorer"
                )),
            }
        }
        let spinner = if self.spinner {
            let p = indicatif::ProgressBar::new_spinner();
            p.set_message("asking Cost Explorer…");
            p.enable_steady_tick(std::time::Duration::from_millis(100));
            p
        } else {
            indicatif::ProgressBar::hidden()
        };
        let value = fetch(self);
        spinner.finish_and_clear();
        let value = value?;
        let body = serde_json::to_vec(&value).map_err(|e| Error::Remote {
            message: format!("cannot serialise a Cost Explorer answer: {e}"),
            hint: "please report this".into(),
        })?;
        let expires = now
            .checked_add(SignedDuration::from_hours(CACHE_HOURS))
            .unwrap_or(now);
        let stored = match self.cache.as_deref() {
            Some(cache) => cache.cache_cost(
                key,
                &CachedCost {
                    fetched_at: now,
                    body,
                },
                expires,
            ),
            None => Ok(true),
        };
        match stored {
            Ok(true) => {}
            Ok(false) => self.warn(&format!(
                "this answer is too large to cache in {}; the next run asks Cost Explorer again",
                self.cache_where
            )),
            Err(e) => self.warn(&format!(
                "cannot cache the answer ({e}); the next run asks Cost Explorer again"
            )),
        }
        Ok(Fetched {
            value,
            fetched_at: now,
            cached: false,
        })
    }

    /// Cost Explorer's forecast for [start, end), through the cache.
    pub fn forecast(
        &mut self,
        q: &CostQuery,
        start: jiff::civil::Date,
        end: jiff::civil::Date,
        refresh: bool,
    ) -> Result<Fetched<crate::cost::Forecast>, Error> {
        // Only what the forecast depends on: grouping and granularity must not split it.
        let key = CostQuery {
            start,
            end,
            granularity: crate::cost::Granularity::Monthly,
            group_by: None,
            ..q.clone()
        }
        .cache_key("forecast");
        self.through_cache(&key, refresh, |s| {
            let explorer = s.explorer()?;
            let (amount, unit, lower, upper) = s.rt.block_on(explorer.forecast(q, start, end))?;
            Ok(crate::cost::Forecast {
                method: "aws".into(),
                amount,
                unit,
                lower,
                upper,
                start,
                end,
            })
        })
    }
}
