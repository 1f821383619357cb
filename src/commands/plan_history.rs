//! `cloudops plan history`: list, show, compare and delete saved analyses in the store.

use std::io::Read;

use jiff::Timestamp;

use crate::cli::{
    Format, HistoryArgs, HistoryCommand, HistoryDiffArgs, HistoryIdArg, HistoryImportArgs,
    HistoryListArgs, HistoryShowArgs,
};
use crate::commands::history_store::Spec;
use crate::commands::{print, Context};
use crate::config;
use crate::error::{Error, ExitCode};
use crate::plan::compare::compare;
use crate::render::{self, history as out};
use crate::store::sqlite::SqliteStore;
use crate::store::{Cursor, ListQuery, NewPlan, PlanMeta, Saved, Store, StoreError};
use crate::timefmt;

pub fn run(args: &HistoryArgs, ctx: &Context) -> Result<ExitCode, Error> {
    let project =
        config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let spec = Spec::decide(ctx, &project)?;
    let now = Timestamp::now();
    match &args.command {
        None => list(&args.list, &spec, ctx, now),
        Some(HistoryCommand::List(a)) => list(a, &spec, ctx, now),
        Some(HistoryCommand::Show(a)) => show(a, &spec, ctx, now),
        Some(HistoryCommand::Diff(a)) => diff(a, &spec, ctx, now),
        Some(HistoryCommand::Delete(a)) => delete(a, &spec, ctx, now),
        Some(HistoryCommand::Import(a)) => import(a, &spec, &project, ctx, now),
    }?;
    Ok(ExitCode::Success)
}

fn only_formats(ctx: &Context, what: &str) -> Result<(), Error> {
    match ctx.format {
        Format::Table | Format::Json | Format::Markdown => Ok(()),
        other => Err(Error::Usage {
            message: format!(
                "`cloudops plan history {what}` has no {} output",
                format!("{other:?}").to_lowercase()
            ),
            hint: "use --format table, json or markdown".into(),
        }),
    }
}

fn emit(text: &str) -> Result<(), Error> {
    print(text.as_bytes())
}

fn list(a: &HistoryListArgs, spec: &Spec, ctx: &Context, now: Timestamp) -> Result<(), Error> {
    only_formats(ctx, "list")?;
    let since = a
        .since
        .as_deref()
        .map(|s| timefmt::parse_since(s, now))
        .transpose()
        .map_err(|m| Error::Usage {
            message: format!("--since {m}"),
            hint: "e.g. --since 7d or --since 2026-11-01".into(),
        })?;
    let cursor = a
        .page
        .as_deref()
        .map(|t| {
            Cursor::parse(t).ok_or_else(|| Error::Usage {
                message: format!("--page {t:?} is not a page token"),
                hint: "use the token printed after the previous page".into(),
            })
        })
        .transpose()?;
    let store = spec.open()?;
    let (entries, next, location) = match &store {
        None => (
            Vec::new(),
            None,
            format!("{} (not created yet)", spec.describe()),
        ),
        Some(s) => {
            let page = s.list_plans(
                &ListQuery {
                    workspace: a.workspace.clone(),
                    since,
                    limit: a.limit,
                    cursor,
                },
                now,
            )?;
            // After the listing (which never shows expired entries anyway), so that a store
            // that cannot be reached fails once, not once per operation.
            purge_quietly(s.as_ref(), now);
            if !page.unreadable.is_empty() {
                ctx.warn(&format!(
                    "{} saved plan(s) cannot be read by this cloudops and are not listed: {} (remove with `cloudops plan history delete ID`)",
                    page.unreadable.len(),
                    page.unreadable.join(", ")
                ));
            }
            (page.entries, page.next, s.location())
        }
    };
    let listing = out::Listing {
        schema_version: out::SCHEMA_VERSION,
        store: &location,
        entries: &entries,
        next_page: next.as_ref().map(Cursor::token),
    };
    emit(&match ctx.format {
        Format::Json => render::pretty_json(&listing),
        Format::Markdown => out::list_markdown(&listing),
        _ => out::list_table(&listing, &ctx.style),
    })?;
    if let Some(token) = &listing.next_page {
        let mut cmd = String::from("cloudops plan history");
        if let Some(w) = &a.workspace {
            cmd.push_str(&format!(" --workspace '{}'", w.replace('\'', "'\\''")));
        }
        if let Some(s) = &a.since {
            cmd.push_str(&format!(
                " --since {}",
                since.map_or(s.clone(), |t| t.to_string())
            ));
        }
        if a.limit != 20 {
            cmd.push_str(&format!(" --limit {}", a.limit));
        }
        ctx.note(&format!("more entries: {cmd} --page {token}"));
    }
    Ok(())
}

/// Expired entries are never shown (the queries filter them); deleting them is housekeeping
/// that must not stop someone from reading a store they cannot write.
fn purge_quietly(store: &dyn Store, now: Timestamp) {
    match store.purge_expired(now) {
        Ok(0) => {}
        Ok(n) => tracing::info!(entries = n, "expired history entries purged"),
        Err(e) => tracing::warn!("expired entries not purged: {e}"),
    }
}

fn existing_store(spec: &Spec, id: &str) -> Result<Box<dyn Store>, Error> {
    spec.open()?
        .ok_or_else(|| Error::Store(StoreError::NotFound { id: id.to_string() }))
}

fn show(a: &HistoryShowArgs, spec: &Spec, ctx: &Context, now: Timestamp) -> Result<(), Error> {
    let store = existing_store(spec, &a.id)?;
    let entry = store.get_plan(&a.id, now)?;
    if let Some(note) = &entry.meta.note {
        ctx.warn(note);
    }
    if a.plan {
        let Some(gz) = entry.raw_plan_gz else {
            return Err(Error::Usage {
                message: format!("entry {} was saved without its plan", entry.meta.id),
                hint:
                    "save with `cloudops plan analyze PLAN --save-plan` to keep the (redacted) plan"
                        .into(),
            });
        };
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut plain)
            .map_err(|e| {
                Error::Store(StoreError::Other {
                    location: store.location(),
                    detail: format!(
                        "the saved plan of entry {} cannot be decompressed: {e}",
                        entry.meta.id
                    ),
                })
            })?;
        return print(&plain);
    }
    let mut text = Vec::new();
    match ctx.format {
        Format::Table => text.extend(out::show_header(&entry.meta, false).into_bytes()),
        Format::Markdown => text.extend(out::show_header(&entry.meta, true).into_bytes()),
        _ => {}
    }
    render::write(&entry.report, ctx.format, &ctx.style, &mut text).map_err(|e| Error::Io {
        context: "rendering the saved report".into(),
        error: e,
    })?;
    print(&text)
}

fn diff(a: &HistoryDiffArgs, spec: &Spec, ctx: &Context, now: Timestamp) -> Result<(), Error> {
    only_formats(ctx, "diff")?;
    let store = match spec.open()? {
        Some(s) => s,
        None => return Err(nothing_to_compare(0, a.last.unwrap_or(2), None)),
    };
    let (older, newer) = match (&a.older, &a.newer, a.last) {
        (Some(o), Some(n), _) => (store.get_plan(o, now)?, store.get_plan(n, now)?),
        (_, _, Some(n)) => {
            let workspace = match &a.workspace {
                Some(w) => Some(w.clone()),
                None => newest(store.as_ref(), now)?.map(|m| m.workspace),
            };
            let page = store.list_plans(
                &ListQuery {
                    workspace: workspace.clone(),
                    limit: n as usize,
                    ..ListQuery::default()
                },
                now,
            )?;
            if page.entries.len() < n as usize {
                return Err(nothing_to_compare(page.entries.len(), n, workspace));
            }
            let older = &page.entries[n as usize - 1];
            let newer = &page.entries[0];
            (
                store.get_plan(&older.id, now)?,
                store.get_plan(&newer.id, now)?,
            )
        }
        _ => {
            return Err(Error::Usage {
                message: "give two IDs or --last N".into(),
                hint: "e.g. `cloudops plan history diff --last 2`".into(),
            })
        }
    };
    for m in [&older.meta, &newer.meta] {
        if let Some(note) = &m.note {
            ctx.warn(&format!(
                "{}: {note}; the comparison covers what was kept",
                m.id
            ));
        }
    }
    if older.meta.saved_at > newer.meta.saved_at {
        ctx.warn(&format!(
            "{} was saved after {}: showing what changed from the first ID to the second",
            older.meta.id, newer.meta.id
        ));
    }
    if older.meta.workspace != newer.meta.workspace {
        ctx.warn(&format!(
            "comparing different workspaces: {} and {}",
            older.meta.workspace, newer.meta.workspace
        ));
    }
    let changes = compare(&older.report, &newer.report);
    let doc = out::HistoryDiff {
        schema_version: out::SCHEMA_VERSION,
        older: &older.meta,
        newer: &newer.meta,
        same_plan: older.meta.plan_sha256 == newer.meta.plan_sha256,
        changes: &changes,
    };
    emit(&match ctx.format {
        Format::Json => render::pretty_json(&doc),
        Format::Markdown => out::diff_markdown(&doc),
        _ => out::diff_table(&doc, &ctx.style),
    })
}

fn newest(store: &dyn Store, now: Timestamp) -> Result<Option<PlanMeta>, Error> {
    let page = store.list_plans(
        &ListQuery {
            limit: 1,
            ..ListQuery::default()
        },
        now,
    )?;
    Ok(page.entries.into_iter().next())
}

fn nothing_to_compare(found: usize, wanted: u32, workspace: Option<String>) -> Error {
    let within = workspace.map_or(String::new(), |w| format!(" in workspace {w}"));
    Error::Usage {
        message: format!(
            "--last {wanted} needs {wanted} saved analyses{within}; there {} {found}",
            if found == 1 { "is" } else { "are" }
        ),
        hint: "save analyses with `cloudops plan analyze PLAN --save`, or name two IDs".into(),
    }
}

fn delete(a: &HistoryIdArg, spec: &Spec, ctx: &Context, now: Timestamp) -> Result<(), Error> {
    only_formats(ctx, "delete")?;
    let store = existing_store(spec, &a.id)?;
    // What it was, for the message; an unreadable entry can still be deleted.
    let meta = store.get_plan(&a.id, now).ok().map(|p| p.meta);
    let id = store.delete_plan(&a.id, now)?;
    match (ctx.format, meta.filter(|m| m.id == id)) {
        (Format::Json, meta) => emit(&render::pretty_json(
            &serde_json::json!({ "deleted": id, "entry": meta }),
        )),
        (_, Some(m)) => emit(&format!(
            "Deleted {} (workspace {}, saved {}).\n",
            m.id,
            m.workspace,
            timefmt::show(m.saved_at)
        )),
        (_, None) => emit(&format!("Deleted {id}.\n")),
    }
}

/// Copies every readable local entry (or one workspace's) into the shared store, keeping
/// its time, retention and plan; a re-run copies nothing twice (same digest, same workspace).
fn import(
    a: &HistoryImportArgs,
    spec: &Spec,
    project: &config::ProjectSettings,
    ctx: &Context,
    now: Timestamp,
) -> Result<(), Error> {
    only_formats(ctx, "import")?;
    if matches!(spec, Spec::Local(_)) {
        return Err(Error::Usage {
            message: "the plan history in use is already the local one: nothing to import into"
                .into(),
            hint: "log in (`cloudops login`) with aws.plans_table set, or pass --store dynamodb"
                .into(),
        });
    }
    let dir = crate::commands::history_store::local_dir(ctx, project)?;
    let Some(source) = SqliteStore::open_existing(&dir)? else {
        emit("The local plan history is empty: nothing to import.\n")?;
        return Ok(());
    };
    let target = spec.create()?;
    let (mut created, mut present, mut unreadable) = (0u64, 0u64, Vec::new());
    let mut ids = Vec::new();
    let mut cursor = None;
    loop {
        let page = source.list_plans(
            &ListQuery {
                workspace: a.workspace.clone(),
                since: None,
                limit: 100,
                cursor,
            },
            now,
        )?;
        unreadable.extend(page.unreadable);
        for meta in &page.entries {
            let entry = match source.get_plan(&meta.id, now) {
                Ok(e) => e,
                Err(StoreError::Unreadable { id, .. }) => {
                    unreadable.push(id);
                    continue;
                }
                // Deleted or expired since the listing: nothing to copy.
                Err(StoreError::NotFound { .. }) => continue,
                Err(e) => return Err(e.into()),
            };
            let plan = NewPlan {
                workspace: entry.meta.workspace.clone(),
                plan_sha256: entry.meta.plan_sha256.clone(),
                source: entry.meta.source.clone(),
                terraform_version: entry.meta.terraform_version.clone(),
                report: entry.report,
                raw_plan_gz: entry.raw_plan_gz,
                expires_at: entry.meta.expires_at,
                saved_at: Some(entry.meta.saved_at),
            };
            let saved = target.save_plan(plan, now)?;
            ids.push(serde_json::json!({"local": meta.id, "shared": saved.meta().id}));
            match saved {
                Saved::Created(m) => {
                    created += 1;
                    if let Some(note) = &m.note {
                        ctx.warn(&format!("{}: {note}", m.id));
                    }
                }
                Saved::AlreadySaved(_) => present += 1,
            }
        }
        match page.next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    if !unreadable.is_empty() {
        ctx.warn(&format!(
            "{} local entr(ies) could not be read and were not imported: {}",
            unreadable.len(),
            unreadable.join(", ")
        ));
    }
    let summary = serde_json::json!({
        "imported": created,
        "already_there": present,
        "unreadable": unreadable,
        "ids": ids,
        "from": source.location(),
        "to": target.location(),
    });
    emit(&match ctx.format {
        Format::Json => render::pretty_json(&summary),
        _ => format!(
            "Imported {created} saved analys{} into {} ({present} already there{}).\n",
            if created == 1 { "is" } else { "es" },
            target.location(),
            if unreadable.is_empty() {
                String::new()
            } else {
                format!(", {} unreadable", unreadable.len())
            }
        ),
    })
}
