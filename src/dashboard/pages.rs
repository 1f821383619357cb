//! The dashboard's pages as HTML: one layout, then plan history, one analysis, a comparison,
//! cost and budgets. Values come from stored reports, which are redacted before they are
//! saved, and are shown through the same masking helpers as the terminal table; maud escapes
//! every value, so plan text can never become markup.

use std::collections::BTreeMap;

use jiff::Timestamp;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::sources::{CachedAnswer, Sources};
use super::svg::{self, Series};
use super::Page;
use crate::budget::money;
use crate::error::Error;
use crate::plan::compare::compare;
use crate::plan::report::{Report, ResourceEntry, Severity, Summary};
use crate::render::cost::share;
use crate::render::{notes, plan_title, show_after, show_before, show_output, truncate};
use crate::store::{PlanMeta, StoreError, StoredPlan};
use crate::timefmt::show;

/// Served pages may use the server (the compare form); exported ones are files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Served,
    Export,
}

/// Runs shown in a workspace's charts and table: the newest ones.
const TIMELINE_RUNS: usize = 60;
const TABLE_RUNS: usize = 200;
/// Longest attribute value shown; the rest is in `plan history show`.
const VALUE_CHARS: usize = 240;
/// Resources and attributes listed on one page, so that a plan of 10,000 changes still
/// gives a page a browser opens; the counts above them are always complete.
const MAX_RESOURCES: usize = 1000;
const MAX_ATTRIBUTES: usize = 200;

const CSS: &str = include_str!("style.css");

/// Colours of the change counts, as Terraform's symbols read: add, change, destroy.
const ADD: &str = "#2e7d32";
const CHANGE: &str = "#f9a825";
const DESTROY: &str = "#c62828";

/// The page's HTML, or `None` when there is no such page (a 404).
pub fn render(src: &Sources, page: &Page, mode: Mode) -> Result<Option<String>, Error> {
    let now = src.now()?;
    let body = match page {
        Page::Index => Some(index(src, now)?),
        Page::Workspace(slug) => match workspace_named(src, slug, now)? {
            Some(name) => workspace(src, &name, now, mode)?,
            None => None,
        },
        Page::Plan(id) => match get(src, id, now)? {
            Some(p) => Some(plan_body(&p.report, Some(&p.meta))),
            None => None,
        },
        Page::Compare(a, b) => match (get(src, a, now)?, get(src, b, now)?) {
            (Some(a), Some(b)) => Some(comparison(&a, &b)),
            _ => None,
        },
        Page::Cost => Some(cost(src, now)?),
        Page::Budgets => Some(budgets(src, now)?),
    };
    Ok(body
        .map(|(title, main)| layout(&title, Some(page), &main, &src.locations, now).into_string()))
}

/// One analysis as a self-contained page (`plan analyze --format html`).
pub fn plan_document(report: &Report, now: Timestamp) -> String {
    let (title, main) = plan_body(report, None);
    layout(&title, None, &main, &[], now).into_string()
}

/// A saved analysis; `None` when no entry has that ID (or the prefix is ambiguous or bad,
/// which a link the dashboard made never is).
fn get(src: &Sources, id: &str, now: Timestamp) -> Result<Option<StoredPlan>, Error> {
    let Some(store) = &src.plans else {
        return Ok(None);
    };
    match store.get_plan(id, now) {
        Ok(p) => Ok(Some(p)),
        Err(
            StoreError::NotFound { .. } | StoreError::Ambiguous { .. } | StoreError::BadId { .. },
        ) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The page around `main`; `page` is `None` for a lone page (`plan analyze --format html`),
/// which has no other pages to link to.
fn layout(
    title: &str,
    page: Option<&Page>,
    main: &Markup,
    locations: &[String],
    now: Timestamp,
) -> Markup {
    let nav = [
        (Page::Index, "Plans"),
        (Page::Cost, "Cost"),
        (Page::Budgets, "Budgets"),
    ];
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // Exported files have no server to send the policy: nothing may load.
                meta http-equiv="Content-Security-Policy" content=(super::CSP);
                meta name="referrer" content="no-referrer";
                link rel="icon" href="data:,";
                title { (title) " · cloudops" }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    strong { "cloudops" }
                    @if let Some(page) = page {
                        nav {
                            @for (p, label) in &nav {
                                a href={(page.root()) (p.path())}
                                    class=[(std::mem::discriminant(p) == std::mem::discriminant(page)).then_some("here")] { (label) }
                            }
                        }
                    }
                }
                main { (main) }
                footer {
                    "Rendered " (show(now)) " by cloudops " (env!("CARGO_PKG_VERSION"))
                    @for l in locations { " · " (l) }
                    ". Sensitive values are masked as in the terminal."
                }
            }
        }
    }
}

fn counts(s: &Summary) -> Markup {
    html! {
        span class="add" { "+" (s.add) } " "
        span class="change" { "~" (s.change) } " "
        span class="destroy" { "-" (s.destroy) }
    }
}

/// The counts beside add/change/destroy an operator looks for (drift has a column).
const ALSO: [&str; 5] = ["replace", "import", "move", "forget", "output_changes"];

fn extras(s: &Summary) -> String {
    crate::render::history::extras(s, &ALSO)
}

/// The end of a long path, where the file name is.
fn tail(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let rest: String = s.chars().skip(n - (max - 1)).collect();
    format!("…{rest}")
}

fn gate(m: &PlanMeta) -> Markup {
    html! {
        @if m.gate_failed { span class="bad" { "failed" } } @else { "passed" }
    }
}

fn empty_history() -> Markup {
    html! {
        p class="empty" {
            "No saved analyses. Save one with " code { "cloudops plan analyze PLAN --save" } "."
        }
    }
}

fn shown_entries(e: &super::sources::Entries) -> Markup {
    html! {
        @if e.truncated {
            p class="note" { "Showing the newest " (e.entries.len()) " saved analyses." }
        }
        @if !e.unreadable.is_empty() {
            p class="note" {
                (e.unreadable.len()) " saved analyses were written by a newer cloudops and are not shown: "
                (e.unreadable.join(", "))
            }
        }
    }
}

fn index(src: &Sources, now: Timestamp) -> Result<(String, Markup), Error> {
    let e = src.entries(None, now)?;
    // Newest first, so the first entry seen of a workspace is its latest.
    let mut by_ws: BTreeMap<&str, (usize, &PlanMeta)> = BTreeMap::new();
    for m in &e.entries {
        by_ws.entry(&m.workspace).or_insert((0, m)).0 += 1;
    }
    let main = html! {
        h1 { "Plan history" }
        (shown_entries(&e))
        @if e.entries.is_empty() { (empty_history()) } @else {
            div class="tiles" {
                div { b { (by_ws.len()) } "workspaces" }
                div { b { (e.entries.len()) } "saved analyses" }
                div { b { (e.entries.iter().filter(|m| m.summary.drift > 0).count()) } "with drift" }
                div { b { (e.entries.iter().filter(|m| m.gate_failed).count()) } "failed their gate" }
            }
            table {
                thead { tr { th { "Workspace" } th class="n" { "Runs" } th { "Latest" } th { "Changes" } th { "Also" } th class="n" { "Drift" } th { "Findings" } th { "Gate" } } }
                tbody {
                    @for (ws, (runs, m)) in &by_ws {
                        tr {
                            td { a href=(Page::workspace(ws).path()) { (ws) } }
                            td class="n" { (runs) }
                            td { a href=(Page::Plan(m.id.clone()).path()) { (show(m.saved_at)) } }
                            td { (counts(&m.summary)) }
                            td { (extras(&m.summary)) }
                            td class="n" { (m.summary.drift) }
                            td { (m.findings.describe()) }
                            td { (gate(m)) }
                        }
                    }
                }
            }
        }
    };
    Ok(("Plan history".into(), main))
}

fn workspace(
    src: &Sources,
    ws: &str,
    now: Timestamp,
    mode: Mode,
) -> Result<Option<(String, Markup)>, Error> {
    let e = src.entries(Some(ws), now)?;
    if e.entries.is_empty() {
        return Ok(None);
    }
    let mut runs: Vec<&PlanMeta> = e.entries.iter().take(TIMELINE_RUNS).collect();
    runs.reverse();
    let labels: Vec<String> = runs
        .iter()
        .map(|m| m.saved_at.strftime("%m-%d %H:%M").to_string())
        .collect();
    type Count = fn(&PlanMeta) -> u64;
    let series = |defs: &[(&'static str, &'static str, Count)]| -> Vec<Series<'static>> {
        defs.iter()
            .map(|(name, colour, count)| Series {
                name,
                colour,
                values: runs.iter().map(|m| count(m) as f64).collect(),
            })
            .collect()
    };
    let changes = series(&[
        ("add", ADD, |m| m.summary.add),
        ("change", CHANGE, |m| m.summary.change),
        ("destroy", DESTROY, |m| m.summary.destroy),
    ]);
    let findings = series(&[
        ("critical", "#6a1b9a", |m| m.findings.critical),
        ("high", DESTROY, |m| m.findings.high),
        ("medium", CHANGE, |m| m.findings.medium),
        ("low", "#0277bd", |m| m.findings.low),
        ("info", "#90a4ae", |m| m.findings.info),
    ]);
    let drift = series(&[("drifted resources", "#8e24aa", |m| m.summary.drift)]);
    let main = html! {
        h1 { "Workspace " code { (ws) } }
        (shown_entries(&e))
        p { (e.entries.len()) " saved analyses; the charts show the newest " (runs.len()) ", oldest on the left." }
        h2 { "Changes per run" }
        (svg::legend(&changes))
        (svg::stacked_bars("resources to add, change and destroy per run", &labels, &changes, ""))
        h2 { "Findings per run" }
        (svg::legend(&findings))
        (svg::stacked_bars("findings per run by severity", &labels, &findings, ""))
        h2 { "Drift per run" }
        (svg::stacked_bars("resources changed outside Terraform per run", &labels, &drift, ""))
        h2 { "Runs" }
        @if mode == Mode::Served && e.entries.len() > 1 {
            form method="get" action="../compare.html" class="compare" {
                "Compare "
                select name="a" aria-label="older" { @for m in &e.entries { option value=(m.id) selected[m.id == e.entries[1].id] { (show(m.saved_at)) " " (m.id) } } }
                " with "
                select name="b" aria-label="newer" { @for m in &e.entries { option value=(m.id) selected[m.id == e.entries[0].id] { (show(m.saved_at)) " " (m.id) } } }
                " " button type="submit" { "Compare" }
            }
        }
        table {
            thead { tr { th { "Saved" } th { "ID" } th { "Changes" } th { "Also" } th class="n" { "Drift" } th { "Findings" } th { "Gate" } th { "Source" } th {} } }
            tbody {
                @for (i, m) in e.entries.iter().take(TABLE_RUNS).enumerate() {
                    tr {
                        td { (show(m.saved_at)) }
                        td class="id" { a href={"../" (Page::Plan(m.id.clone()).path())} { code { (m.id) } } }
                        td { (counts(&m.summary)) }
                        td { (extras(&m.summary)) }
                        td class="n" { (m.summary.drift) }
                        td { (m.findings.describe()) }
                        td { (gate(m)) }
                        td title=(m.source) { (tail(&m.source, 48)) }
                        td {
                            @if let Some(prev) = e.entries.get(i + 1) {
                                a href={"../" (Page::Compare(prev.id.clone(), m.id.clone()).path())} { "vs previous" }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(Some((format!("Workspace {ws}"), main)))
}

fn meta_table(m: &PlanMeta) -> Markup {
    html! {
        table class="meta" {
            tr { th { "ID" } td { code { (m.id) } } }
            tr { th { "Workspace" } td { a href={"../" (Page::workspace(&m.workspace).path())} { (m.workspace) } } }
            tr { th { "Saved" } td { (show(m.saved_at)) } }
            @if let Some(e) = m.expires_at { tr { th { "Expires" } td { (show(e)) } } }
            tr { th { "Source" } td { (m.source) } }
            @if let Some(v) = &m.terraform_version { tr { th { "Terraform" } td { (v) } } }
            tr { th { "Plan SHA-256" } td { code { (m.plan_sha256) } } }
            @if let Some(n) = &m.note { tr { th { "Note" } td { (n) } } }
        }
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "sev bad",
        Severity::Medium => "sev warn",
        Severity::Low | Severity::Info => "sev",
    }
}

fn resource_list(entries: &[&ResourceEntry]) -> Markup {
    html! {
        @if entries.len() > MAX_RESOURCES {
            p class="note" {
                "Showing the first " (MAX_RESOURCES) " of " (entries.len())
                "; every one is in " code { "cloudops plan history show ID" } " and " code { "--format json" } "."
            }
        }
        @for c in entries.iter().take(MAX_RESOURCES) {
            details class="res" open[entries.len() <= 50] {
                summary {
                    code class={"sym " (c.action.label())} { (c.action.symbol()) } " "
                    code { (c.address) } " " span class="muted" { (c.label()) }
                    @for n in notes(c) { " · " span class="muted" { (n) } }
                }
                @if !c.attributes.is_empty() {
                    table class="attrs" {
                        thead { tr { th { "Attribute" } th { "Before" } th { "After" } } }
                        tbody {
                            @for a in c.attributes.iter().take(MAX_ATTRIBUTES) {
                                tr {
                                    td { code { (a.path) } @if a.forces_replacement { " " span class="bad" { "forces replacement" } } }
                                    td { code { (truncate(&show_before(a), VALUE_CHARS)) } }
                                    td { code { (truncate(&show_after(a), VALUE_CHARS)) } }
                                }
                            }
                        }
                    }
                    @if c.attributes.len() > MAX_ATTRIBUTES {
                        p class="note" { (c.attributes.len() - MAX_ATTRIBUTES) " more attributes are not shown." }
                    }
                }
            }
        }
    }
}

fn plan_body(r: &Report, meta: Option<&PlanMeta>) -> (String, Markup) {
    let s = &r.summary;
    let changes = crate::render::sorted_changes(r);
    let drift: Vec<&ResourceEntry> = r.drift.iter().collect();
    // A stream of several plans lists each plan's changes under its own heading.
    let multi = r.plans.len() > 1;
    let title = match meta {
        Some(m) => format!("Analysis {} of {}", m.id, m.workspace),
        None => format!("Plan {}", r.source),
    };
    let main = html! {
        h1 { (title) }
        @if let Some(m) = meta { (meta_table(m)) }
        p class="verdict" {
            (s.plan_line())
            @let x = extras(s);
            @if !x.is_empty() { " " span class="muted" { (x) } }
        }
        div class="tiles" {
            @for (k, n) in s.counts() {
                @if n > 0 { div { b { (n) } (k.replace('_', " ")) } }
            }
        }
        @if let Some(g) = &r.gate {
            p class=(if g.failed { "gate bad" } else { "gate" }) {
                "Gate " (if g.failed { "failed" } else { "passed" })
                @for reason in &g.reasons { ": " (reason) }
            }
        }
        h2 { "Findings (" (r.findings.len()) ")" }
        @if r.findings.is_empty() { p class="empty" { "No findings." } } @else {
            table {
                thead { tr { th { "Severity" } th { "Rule" } th { "Resource" } th { "Finding" } } }
                tbody {
                    @for f in &r.findings {
                        tr {
                            td { span class=(severity_class(f.severity)) { (f.severity.label()) } }
                            td { code { (f.rule) } " " span class="muted" { (f.rule_name) } }
                            td { @if let Some(a) = &f.address { code { (a) } } }
                            td { (f.message) }
                        }
                    }
                }
            }
        }
        h2 { "Changes (" (changes.len()) ")" }
        @if changes.is_empty() { p class="empty" { "No resource changes." } }
        @else if multi {
            @for i in 0..r.plans.len() {
                @let mine: Vec<&ResourceEntry> = changes.iter().copied().filter(|c| c.plan == i).collect();
                h3 { (plan_title(r, i).unwrap_or_default()) " (" (mine.len()) ")" }
                (resource_list(&mine))
            }
        }
        @else { (resource_list(&changes)) }
        @if !drift.is_empty() {
            h2 { "Drift: changed outside Terraform (" (drift.len()) ")" }
            (resource_list(&drift))
        }
        @if !r.outputs.is_empty() {
            h2 { "Outputs (" (r.outputs.len()) ")" }
            table class="attrs" {
                thead { tr { th { "Output" } th { "Action" } th { "Value" } } }
                tbody {
                    @for o in &r.outputs {
                        tr {
                            td { code { (o.name) } @if multi { " " span class="muted" { "plan " (o.plan + 1) } } }
                            td { (o.action.label()) }
                            td { code { (show_output(o, VALUE_CHARS)) } }
                        }
                    }
                }
            }
        }
    };
    (title, main)
}

fn comparison(older: &StoredPlan, newer: &StoredPlan) -> (String, Markup) {
    let (older, newer) = if older.meta.saved_at <= newer.meta.saved_at {
        (older, newer)
    } else {
        (newer, older)
    };
    let c = compare(&older.report, &newer.report);
    let same = older.meta.plan_sha256 == newer.meta.plan_sha256;
    let link = |m: &PlanMeta| html! { a href={"../" (Page::Plan(m.id.clone()).path())} { code { (m.id) } } " (" (show(m.saved_at)) ", " (m.workspace) ")" };
    let rows = c.rows();
    let main = html! {
        h1 { "Compare two runs" }
        table class="meta" {
            tr { th { "Older" } td { (link(&older.meta)) } }
            tr { th { "Newer" } td { (link(&newer.meta)) } }
        }
        @let verdict = c.verdict(same);
        @if !verdict.is_empty() { p class="verdict" { (verdict) } }
        @if !c.summary.is_empty() {
            h2 { "Counts" }
            table {
                thead { tr { th { "Count" } th class="n" { "Older" } th class="n" { "Newer" } th class="n" { "Δ" } } }
                tbody {
                    @for d in &c.summary {
                        tr { td { (d.count.replace('_', " ")) } td class="n" { (d.before) } td class="n" { (d.after) } td class="n" { (d.signed()) } }
                    }
                }
            }
        }
        @if !rows.is_empty() {
            h2 { "What changed" }
            table {
                thead { tr { th {} th { "Address" } th { "What" } } }
                tbody { @for (mark, addr, what) in rows.iter().take(MAX_RESOURCES) { tr { td { (mark) } td { code { (addr) } } td { (what) } } } }
            }
        }
    };
    ("Compare two runs".into(), main)
}

fn f64_of(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// The groups an answer's charts show by name; the rest are summed as "other".
const TOP_GROUPS: usize = 8;

fn cost_section(a: &CachedAnswer, now: Timestamp) -> Markup {
    let q = &a.query;
    let unit = a.answer.unit.clone().unwrap_or_default();
    let suffix = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let dimension = q
        .group_by
        .as_ref()
        .map(|g| g.label())
        .unwrap_or_else(|| "total".into());
    let groups = a.answer.groups();
    let top: Vec<&str> = groups
        .iter()
        .take(TOP_GROUPS)
        .map(|g| g.key.as_str())
        .collect();
    let other = groups.len() > TOP_GROUPS;
    // Month by month, each month split into the top groups.
    let mut months: BTreeMap<String, BTreeMap<String, Decimal>> = BTreeMap::new();
    for p in &a.answer.periods {
        let m = months
            .entry(p.start.strftime("%Y-%m").to_string())
            .or_default();
        if p.groups.is_empty() {
            *m.entry("total".into()).or_default() += p.total;
        }
        for g in &p.groups {
            let k = if top.contains(&g.key.as_str()) {
                g.key.clone()
            } else {
                "other".into()
            };
            *m.entry(k).or_default() += g.amount;
        }
    }
    let labels: Vec<String> = months.keys().cloned().collect();
    let mut names: Vec<String> = top.iter().map(|s| s.to_string()).collect();
    if other {
        names.push("other".into());
    }
    if groups.is_empty() {
        names.push("total".into());
    }
    let series: Vec<Series<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Series {
            name: n,
            colour: svg::PALETTE[i % svg::PALETTE.len()],
            values: months
                .values()
                .map(|m| m.get(n).map_or(0.0, |d| f64_of(*d)))
                .collect(),
        })
        .collect();
    let ranked: Vec<(String, f64)> = groups
        .iter()
        .take(15)
        .map(|g| (g.key.clone(), f64_of(g.amount)))
        .collect();
    let daily: Vec<(jiff::civil::Date, Decimal, bool)> = a.answer.totals_by_start();
    let filters: Vec<String> = q
        .filter
        .iter()
        .map(|f| format!("{} = {}", f.key.label(), f.values.join("|")))
        .collect();
    html! {
        section class="cost" {
            h2 { (q.start) " to " (q.end) @if q.group_by.is_some() { " · by " (dimension) } }
            p class="muted" {
                "Account " (q.account) " · " (format!("{:?}", q.granularity).to_lowercase()) " · " (format!("{:?}", q.metric))
                @if !filters.is_empty() { " · " (filters.join(", ")) }
                " · fetched " (show(a.fetched_at)) " (" (crate::render::cost::age(now, a.fetched_at)) ")"
            }
            div class="tiles" {
                div { b { (money(a.answer.total())) (suffix) } "total" @if a.answer.estimated() { " (estimated)" } }
                @if q.group_by.is_some() { div { b { (groups.len()) } (dimension) } }
            }
            h3 { "By month" }
            (svg::legend(&series))
            (svg::stacked_bars("cost by month", &labels, &series, &suffix))
            @if q.granularity == crate::cost::Granularity::Daily && daily.len() > 1 {
                h3 { "By day" }
                (svg::stacked_bars("cost by day", &daily.iter().map(|d| d.0.strftime("%m-%d").to_string()).collect::<Vec<_>>(),
                    &[Series { name: "total", colour: svg::PALETTE[0], values: daily.iter().map(|d| f64_of(d.1)).collect() }], &suffix))
            }
            @if !ranked.is_empty() {
                h3 { "By " (dimension) }
                (svg::ranked_bars(&format!("cost by {dimension}"), &ranked, &suffix))
                table {
                    thead { tr { th { (dimension) } th class="n" { "Amount" } th class="n" { "Share" } } }
                    tbody {
                        @for g in &groups {
                            tr {
                                td { (g.key) }
                                td class="n" { (money(g.amount)) (suffix) }
                                td class="n" {
                                    @if a.answer.total() > Decimal::ZERO { (share(g.amount, a.answer.total()).unwrap_or_default()) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn cost(src: &Sources, now: Timestamp) -> Result<(String, Markup), Error> {
    let (answers, older) = src.cost_answers(now)?;
    let main = html! {
        h1 { "Cost" }
        p class="muted" { "Cost Explorer answers cached by " code { "cloudops cost" } " in the last 12 hours; the dashboard never asks AWS itself." }
        @if older > 0 { p class="note" { (older) " cached answers from an older cloudops do not say what they answer and are not shown; " code { "cloudops cost --refresh" } " replaces them." } }
        @if answers.is_empty() {
            p class="empty" { "No cached Cost Explorer answer. Run " code { "cloudops cost" } " (for months: " code { "cloudops cost --start 2026-06-01 --end 2026-12-01 --granularity monthly" } ")." }
        }
        @for a in &answers { (cost_section(a, now)) }
    };
    Ok(("Cost".into(), main))
}

/// The month-to-date answer `budget check` cached today for this budget's scope, the newest
/// when several accounts were checked from this store.
fn month_to_date<'a>(
    answers: &'a [CachedAnswer],
    b: &crate::budget::Budget,
    today: jiff::civil::Date,
) -> Option<&'a CachedAnswer> {
    answers.iter().find(|a| {
        a.query
            == crate::cost::CostQuery::month_to_date(
                a.query.account.clone(),
                today,
                b.service.as_deref(),
            )
    })
}

/// This month's spend against the budget as `budget check` judges it: cut, not rounded, so
/// that 79.996 % never reads as the 80 % whose alert did not go out.
fn spent_percent(b: &crate::budget::Budget, spend: Decimal, today: jiff::civil::Date) -> String {
    let projected = crate::cost::straight_line(spend, today);
    let percent = crate::budget::judge(b, spend, projected).percent;
    let cut = percent.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::ToZero);
    format!("{cut:.1}%")
}

/// The workspace a slug names: decoded, or for a cut one, found among the saved analyses.
fn workspace_named(src: &Sources, slug: &str, now: Timestamp) -> Result<Option<String>, Error> {
    if let Some(name) = super::unslug(slug) {
        return Ok(Some(name));
    }
    let e = src.entries(None, now)?;
    Ok(e.entries
        .into_iter()
        .map(|m| m.workspace)
        .find(|w| super::slug(w) == slug))
}

fn budgets(src: &Sources, now: Timestamp) -> Result<(String, Markup), Error> {
    let month = crate::cost::utc_date(now).strftime("%Y-%m").to_string();
    let list = src.budgets()?;
    let mut alerts = BTreeMap::new();
    for b in &list {
        alerts.insert(b.name.clone(), src.alerts(&b.name, &month)?);
    }
    let (answers, _) = src.cost_answers(now)?;
    let today = crate::cost::utc_date(now);
    let main = html! {
        h1 { "Budgets" }
        p class="muted" { "Thresholds and the alerts " code { "cloudops budget check" } " sent for " (month) "." }
        @if list.is_empty() {
            p class="empty" { "No budgets. Set one with " code { "cloudops budget set NAME --amount 100" } "." }
        } @else {
            table {
                thead { tr { th { "Budget" } th class="n" { "Amount" } th { "Scope" } th class="n" { "Spend this month" } th { "Thresholds and alerts this month" } th { "Alerts go to" } th { "Updated" } } }
                tbody {
                    @for b in &list {
                        tr {
                            td { (b.name) }
                            td class="n" { (money(b.amount)) " " (b.currency) }
                            td { (b.service.as_deref().unwrap_or("whole account")) }
                            td class="n" {
                                @match month_to_date(&answers, b, today) {
                                    Some(a) => {
                                        (money(a.answer.total())) " " (a.answer.unit.as_deref().unwrap_or(""))
                                        // A budget is stored with an amount above zero; one
                                        // that is not (edited by hand) is not divided by.
                                        @if b.amount > Decimal::ZERO { " (" (spent_percent(b, a.answer.total(), today)) ")" }
                                        br; span class="muted" { "account " (a.query.account) ", fetched " (show(a.fetched_at)) }
                                    }
                                    None => span class="muted" title="run cloudops budget check" { "not cached" },
                                }
                            }
                            td {
                                @for t in &b.thresholds {
                                    @let rec = alerts.get(&b.name).and_then(|a| a.iter().find(|r| r.key.threshold == *t));
                                    @match rec.map(|r| r.sent_at) {
                                        Some(Some(at)) => span class="chip sent" title="alert sent" { (t) "% sent " (show(at)) },
                                        Some(None) => span class="chip warn" title="claimed by a check, not yet confirmed" { (t) "% sending" },
                                        None => span class="chip" title="not crossed this month, or not checked yet" { (t) "% not sent" },
                                    }
                                    " "
                                }
                            }
                            td { (b.topic.as_deref().unwrap_or("aws.alert_topic")) }
                            td { (show(b.updated_at)) }
                        }
                    }
                }
            }
        }
    };
    Ok(("Budgets".into(), main))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spend_is_cut_as_budget_check_cuts_it() {
        let b = crate::budget::Budget {
            name: "team".into(),
            amount: Decimal::from(100),
            currency: "USD".into(),
            thresholds: vec![80],
            service: None,
            topic: None,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        };
        let today = jiff::civil::date(2026, 12, 5);
        let pct = |s: &str| spent_percent(&b, s.parse().expect("decimal"), today);
        assert_eq!(
            pct("79.996"),
            "79.9%",
            "not the 80 % whose alert did not go out"
        );
        assert_eq!(pct("60.00"), "60.0%");
        assert_eq!(pct("250"), "250.0%");
    }
}
