//! Values for dynamic shell completion (`source <(COMPLETE=bash cloudops)`): saved-plan IDs
//! and workspace names from the plan history in use. A completer must never fail or print:
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

/// The newest entries of the history the command would use, as far as the environment
/// says (flags on the line being completed are not seen). A shared history is asked over
/// the network: past `DEADLINE` the shell gets nothing rather than a hang.
fn recent() -> Vec<PlanMeta> {
    const DEADLINE: std::time::Duration = std::time::Duration::from_secs(3);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(read_recent());
    });
    rx.recv_timeout(DEADLINE).unwrap_or_default()
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
