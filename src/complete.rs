//! Values for dynamic shell completion (`source <(COMPLETE=bash cloudops)`): saved-plan IDs
//! and workspace names from the plan history in use, and budget names. A completer must never fail or print:
//! any problem yields no candidates.

use std::ffi::OsStr;

use clap_complete::CompletionCandidate;

use crate::commands::history_store::Spec;
use crate::commands::Context;
use crate::store::{ListQuery, PlanMeta};

/// How many recent entries completion looks at.
const RECENT: usize = 200;

pub fn history_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_ascii_lowercase();
    recent()
        .into_iter()
        .filter(|m| m.id.starts_with(&typed))
        .map(|m| {
            CompletionCandidate::new(m.id.clone()).help(Some(
                format!(
                    "{} · {} · {}",
                    m.workspace,
                    crate::timefmt::show(m.saved_at),
                    m.summary.plan_line_short()
                )
                .into(),
            ))
        })
        .collect()
}

pub fn workspaces(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let mut seen = std::collections::BTreeSet::new();
    recent()
        .into_iter()
        .filter(|m| m.workspace.starts_with(typed.as_ref()) && seen.insert(m.workspace.clone()))
        .map(|m| CompletionCandidate::new(m.workspace))
        .collect()
}

pub fn budget_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_string();
    within_deadline(read_budgets)
        .into_iter()
        .filter(|b| b.name.starts_with(&typed))
        .map(|b| {
            CompletionCandidate::new(b.name.clone()).help(Some(
                format!("{} {}", crate::budget::money(b.amount), b.currency).into(),
            ))
        })
        .collect()
}

fn read_budgets() -> Vec<crate::budget::Budget> {
    use crate::commands::history_store::Table;
    use crate::commands::spend::{Needs, Session};
    let ctx = Context::from_env();
    let Ok(project) =
        crate::config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())
    else {
        return Vec::new();
    };
    match Spec::decide_for(&ctx, &project, Table::Budgets) {
        Ok(Spec::Local(dir)) => crate::store::sqlite::SqliteStore::open_existing(&dir)
            .ok()
            .flatten()
            .and_then(|s| crate::store::budgets::BudgetStore::budgets(&s).ok())
            .unwrap_or_default(),
        Ok(Spec::Shared { .. }) => {
            Session::open(&ctx, &project, Needs::BUDGETS, jiff::Timestamp::now())
                .ok()
                .and_then(|s| s.budgets().budgets().ok())
                .unwrap_or_default()
        }
        Err(_) => Vec::new(),
    }
}

/// `read`'s answer, or nothing once the deadline passes (a shared store is asked over the
/// network, and the shell must not hang).
fn within_deadline<T: Send + 'static>(read: fn() -> Vec<T>) -> Vec<T> {
    const DEADLINE: std::time::Duration = std::time::Duration::from_secs(3);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(read());
    });
    rx.recv_timeout(DEADLINE).unwrap_or_default()
}

/// The newest entries of the history the command would use, as far as the environment
/// says (flags on the line being completed are not seen). A shared history is asked over
/// the network: past `DEADLINE` the shell gets nothing rather than a hang.
fn recent() -> Vec<PlanMeta> {
    within_deadline(read_recent)
}

fn read_recent() -> Vec<PlanMeta> {
    let ctx = Context::from_env();
    let Ok(project) =
        crate::config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())
    else {
        return Vec::new();
    };
    let Ok(Some(store)) = Spec::decide(&ctx, &project).and_then(|s| s.open()) else {
        return Vec::new();
    };
    store
        .list_plans(
            &ListQuery {
                limit: RECENT,
                ..ListQuery::default()
            },
            jiff::Timestamp::now(),
        )
        .map(|p| p.entries)
        .unwrap_or_default()
}
