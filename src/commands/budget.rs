//! `cloudops budget set|list|delete|check`: budgets in the store in use, month-to-date spend
//! against them, and SNS alerts sent once per threshold per calendar month — claimed with a
//! conditional write before publishing, so concurrent checks send each alert once, and given
//! back when the publish fails, so the next check tries again.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::budget::{self, Budget};
use crate::cli::{BudgetArgs, BudgetCheckArgs, BudgetCommand, BudgetSetArgs, Format};
use crate::commands::history_store::{Spec, Table};
use crate::commands::spend::{clock, Fetched, Needs, Session};
use crate::commands::{print, Context};
use crate::config::{self, ProjectSettings};
use crate::cost::{self, CostAnswer, CostQuery, Dimension, Granularity, Metric, Period};
use crate::error::{Error, ExitCode};
use crate::render::budget::{self as out, AlertOutcome, Checked, CheckedSpend};
use crate::store::budgets::{AlertKey, Claim};
use crate::store::StoreError;

pub fn run(a: &BudgetArgs, ctx: &Context) -> Result<ExitCode, Error> {
    if !matches!(ctx.format, Format::Table | Format::Json) {
        return Err(Error::usage(
            "`cloudops budget` prints table or json",
            "use --format table or json",
        ));
    }
    let project =
        config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    match &a.command {
        BudgetCommand::Set(s) => set(s, &project, ctx),
        BudgetCommand::List => list(&project, ctx),
        BudgetCommand::Delete(d) => delete(&d.name, &project, ctx),
        BudgetCommand::Check(c) => check(c, &project, ctx),
    }
}

/// The topic budgets without their own `--topic` alert to, checked (a value from the
/// environment or a hand-edited file never went through `config set`).
fn default_topic(project: &ProjectSettings) -> Result<Option<String>, Error> {
    let topic = std::env::var("CLOUDOPS_ALERT_TOPIC")
        .ok()
        .filter(|t| !t.is_empty())
        .or(project.aws.alert_topic.clone());
    if let Some(t) = &topic {
        budget::topic_region(t).map_err(|m| {
            Error::usage(
                format!("aws.alert_topic (or CLOUDOPS_ALERT_TOPIC): {m}"),
                "fix it with `cloudops config set aws.alert_topic ARN` (the stack output AlertTopicArn)",
            )
        })?;
    }
    Ok(topic)
}

fn set(a: &BudgetSetArgs, project: &ProjectSettings, ctx: &Context) -> Result<ExitCode, Error> {
    let hint = "e.g. cloudops budget set team-a --amount 500 --thresholds 50,80,100";
    budget::check_name(&a.name).map_err(|m| Error::usage(m, hint))?;
    let amount = budget::parse_amount(&a.amount).map_err(|m| Error::usage(m, hint))?;
    let currency = budget::parse_currency(&a.currency).map_err(|m| Error::usage(m, hint))?;
    let thresholds = budget::parse_thresholds(&a.thresholds).map_err(|m| Error::usage(m, hint))?;
    if let Some(t) = &a.topic {
        budget::topic_region(t).map_err(|m| {
            Error::usage(
                format!("--topic {m}"),
                "give the ARN of an SNS topic, e.g. the deploy/ stack's AlertTopicArn",
            )
        })?;
    }
    let service = a
        .service
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let notify = match &a.notify {
        Some(email) => {
            let ok = email.len() <= 254
                && !email.contains(char::is_whitespace)
                && email
                    .split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.starts_with('.'));
            if !ok {
                return Err(Error::usage(
                    format!("--notify {email:?} is not an email address"),
                    "e.g. --notify ops@example.com",
                ));
            }
            let topic = default_topic(project)?.ok_or_else(|| {
                Error::usage(
                    "--notify subscribes the address to the alert topic, and none is configured (aws.alert_topic)",
                    "set it from the deploy/ stack (`cloudops config from-stack STACK`) or with `cloudops config set aws.alert_topic ARN`; to alert a topic you subscribe yourself, use --topic ARN instead of --notify",
                )
            })?;
            Some((email.clone(), topic))
        }
        None => None,
    };

    let needs = if service.is_some() {
        Needs::BOTH
    } else {
        Needs::BUDGETS
    };
    let mut s = Session::open(ctx, project, needs, clock()?)?;
    if let Some(name) = service {
        check_service(&mut s, name)?;
    }
    let now = s.now;
    let existing = s.budgets().budget(&a.name)?;
    let b = Budget {
        name: a.name.clone(),
        amount,
        currency,
        thresholds,
        service: service.map(str::to_string),
        // --notify subscribed the address to that topic: the budget stays on it even if
        // aws.alert_topic changes later.
        topic: a
            .topic
            .clone()
            .or_else(|| notify.as_ref().map(|(_, t)| t.clone())),
        created_at: existing.as_ref().map_or(now, |e| e.created_at),
        updated_at: now,
    };
    s.budgets().put_budget(&b)?;
    let subscribed = match &notify {
        Some((email, arn)) => {
            let t = topic(&mut s, arn)?;
            let user = s.user.clone();
            Some(s.rt.block_on(t.subscribe_email(email, user.as_deref())).map_err(|why| {
                Error::Remote {
                    message: why,
                    hint: "the budget was saved; check the topic ARN and that your identity may sns:Subscribe, then run the same command again".into(),
                }
            })?)
        }
        None => None,
    };
    let verb = if existing.is_some() {
        "updated"
    } else {
        "created"
    };
    if ctx.format == Format::Json {
        let mut v = serde_json::json!({
            "schema_version": crate::render::cost::SCHEMA_VERSION,
            "budget": b,
            "action": verb,
        });
        if let Some(arn) = &subscribed {
            v["subscription"] = serde_json::json!(arn);
        }
        print(crate::render::pretty_json(&v).as_bytes())?;
    } else {
        let at: Vec<String> = b.thresholds.iter().map(|t| format!("{t}%")).collect();
        let topic = b
            .topic
            .clone()
            .or(default_topic(project)?)
            .unwrap_or_else(|| "nowhere yet: set aws.alert_topic or --topic".into());
        print(
            format!(
                "budget {} {verb}: {} {} a month{}, alerts at {} to {}\n",
                b.name,
                budget::money(b.amount),
                b.currency,
                b.service
                    .as_deref()
                    .map(|s| format!(" for {s}"))
                    .unwrap_or_default(),
                at.join(", "),
                topic
            )
            .as_bytes(),
        )?;
    }
    if let Some((email, _)) = &notify {
        ctx.note(&format!(
            "SNS mails {email} a confirmation link; alerts reach it once the link is followed"
        ));
    }
    ctx.note(&format!("kept in {}", s.budgets_where));
    Ok(ExitCode::Success)
}

/// The service must be one Cost Explorer has reported for this account in the last 12
/// months, spelled exactly as it spells it.
fn check_service(s: &mut Session, name: &str) -> Result<(), Error> {
    let today = cost::utc_date(s.now);
    let p = Period::recent_months(today, 12);
    let q = CostQuery {
        account: s.account()?,
        start: p.start,
        end: p.end,
        granularity: Granularity::Monthly,
        group_by: Some(Dimension::Service),
        metric: Metric::Unblended,
        filter: Vec::new(),
    };
    let known: Vec<String> = s
        .usage(&q, false)?
        .value
        .groups()
        .into_iter()
        .map(|g| g.key)
        .collect();
    if known.iter().any(|k| k == name) {
        return Ok(());
    }
    let lower = name.to_lowercase();
    let mut close: Vec<&String> = known
        .iter()
        .filter(|k| {
            let k = k.to_lowercase();
            k == lower || k.contains(&lower) || lower.contains(&k)
        })
        .collect();
    close.truncate(5);
    let hint = if close.is_empty() {
        "see the names with `cloudops cost --month YYYY-MM --group-by service`; a service with no cost in the last 12 months cannot be checked yet".to_string()
    } else {
        format!(
            "did you mean {}?",
            close
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    };
    Err(Error::usage(
        format!(
            "--service {name:?} is not a service Cost Explorer reported for account {} from {} to {} ({} services seen)",
            q.account,
            q.start,
            q.end,
            known.len()
        ),
        &hint,
    ))
}

/// The topic an ARN names, for the user's AWS configuration.
fn topic(s: &mut Session, arn: &str) -> Result<crate::aws::sns::Topic, Error> {
    let region = budget::topic_region(arn).unwrap_or("us-east-1").to_string();
    Ok(crate::aws::sns::Topic::new(&s.aws()?, arn, &region))
}

fn list(project: &ProjectSettings, ctx: &Context) -> Result<ExitCode, Error> {
    // Looking never creates the embedded store.
    let spec = Spec::decide_for(ctx, project, Table::Budgets)?;
    let budgets = match &spec {
        Spec::Local(dir) => match crate::store::sqlite::SqliteStore::open_existing(dir)? {
            Some(store) => crate::store::budgets::BudgetStore::budgets(&store)?,
            None => Vec::new(),
        },
        Spec::Shared { .. } => {
            let s = Session::open(ctx, project, Needs::BUDGETS, clock()?)?;
            s.budgets().budgets()?
        }
    };
    let text = match ctx.format {
        Format::Json => crate::render::pretty_json(&out::list_json(&budgets, &spec.describe())),
        _ => out::list_table(&budgets, default_topic(project)?.as_deref(), &ctx.style),
    };
    print(text.as_bytes())?;
    Ok(ExitCode::Success)
}

fn delete(name: &str, project: &ProjectSettings, ctx: &Context) -> Result<ExitCode, Error> {
    let s = Session::open(ctx, project, Needs::BUDGETS, clock()?)?;
    if !s.budgets().delete_budget(name)? {
        return Err(StoreError::NoBudget { name: name.into() }.into());
    }
    if ctx.format == Format::Json {
        print(
            crate::render::pretty_json(&serde_json::json!({
                "schema_version": crate::render::cost::SCHEMA_VERSION,
                "deleted": name,
            }))
            .as_bytes(),
        )?;
    } else {
        print(format!("budget {name} deleted, with its alert records\n").as_bytes())?;
    }
    Ok(ExitCode::Success)
}

fn check(a: &BudgetCheckArgs, project: &ProjectSettings, ctx: &Context) -> Result<ExitCode, Error> {
    let mut s = Session::open(ctx, project, Needs::BOTH, clock()?)?;
    let budgets = match &a.name {
        Some(n) => vec![s
            .budgets()
            .budget(n)?
            .ok_or_else(|| StoreError::NoBudget { name: n.clone() })?],
        None => s.budgets().budgets()?,
    };
    let today = cost::utc_date(s.now);
    let month = format!("{:04}-{:02}", today.year(), today.month());
    if budgets.is_empty() {
        ctx.note("No budgets to check. Set one with `cloudops budget set NAME --amount 100`.");
        if ctx.format == Format::Json {
            print(crate::render::pretty_json(&out::check_json(&month, &[])).as_bytes())?;
        }
        return Ok(ExitCode::Success);
    }
    let account = s.account()?;
    let default = default_topic(project)?;

    // One month-to-date query per distinct scope (the account, or one service).
    let mut spend: BTreeMap<Option<String>, Result<Fetched<CostAnswer>, String>> = BTreeMap::new();
    for b in &budgets {
        if spend.contains_key(&b.service) {
            continue;
        }
        let q = CostQuery::month_to_date(account.clone(), today, b.service.as_deref());
        let r = s.usage(&q, a.refresh).map_err(|e| match e.hint() {
            Some(h) => format!("{e} ({h})"),
            None => e.to_string(),
        });
        spend.insert(b.service.clone(), r);
    }

    let mut checked = Vec::new();
    let mut failures = 0usize;
    let mut crossed_any = false;
    for b in budgets {
        let result = match &spend[&b.service] {
            Err(e) => Err(e.clone()),
            Ok(f) => match f.value.unit.as_deref() {
                Some(u) if u != b.currency => Err(format!(
                    "Cost Explorer reports in {u} and the budget is in {}: not compared (set the budget in {u})",
                    b.currency
                )),
                _ => {
                    let mtd: Decimal = f.value.total();
                    let projected = cost::straight_line(mtd, today);
                    let judgement = budget::judge(&b, mtd, projected);
                    crossed_any |= !judgement.crossed.is_empty();
                    let topic = b.topic.clone().or(default.clone());
                    let standing = budget::Standing {
                        budget: &b,
                        month: &month,
                        account: &account,
                        spend: mtd,
                        projected,
                    };
                    let alerts = judgement
                        .crossed
                        .iter()
                        .map(|t| alert(&mut s, &standing, *t, topic.as_deref()))
                        .collect::<Vec<_>>();
                    Ok(CheckedSpend {
                        spend: mtd,
                        projected,
                        judgement,
                        fetched_at: f.fetched_at,
                        cached: f.cached,
                        alerts,
                    })
                }
            },
        };
        match &result {
            Err(_) => failures += 1,
            Ok(c) => failures += c.alerts.iter().filter(|a| a.error.is_some()).count(),
        }
        checked.push(Checked { budget: b, result });
    }
    let text = match ctx.format {
        Format::Json => crate::render::pretty_json(&out::check_json(&month, &checked)),
        _ => out::check_table(&month, &checked, &ctx.style),
    };
    print(text.as_bytes())?;
    let no_topic = checked.iter().any(|c| {
        c.result
            .as_ref()
            .is_ok_and(|r| r.alerts.iter().any(|a| a.state == "no-topic"))
    });
    if no_topic {
        ctx.warn("thresholds were crossed but no alert topic is configured: set aws.alert_topic (`cloudops config from-stack STACK`) or give the budget --topic ARN");
    }
    if failures > 0 {
        return Err(Error::Remote {
            message: format!(
                "{failures} budget check(s) or alert(s) failed; see above (unsent alerts are retried by the next check)"
            ),
            hint: "fix the cause shown, then run `cloudops budget check` again".into(),
        });
    }
    Ok(if crossed_any {
        ExitCode::GateFailed
    } else {
        ExitCode::Success
    })
}

/// Sends one crossed threshold's alert unless it was sent this month. Never fails the
/// check: what went wrong is part of the outcome, so every other alert and budget is still
/// handled and reported.
fn alert(
    s: &mut Session,
    st: &budget::Standing<'_>,
    threshold: u32,
    topic: Option<&str>,
) -> AlertOutcome {
    let (b, month) = (st.budget, st.month);
    let outcome = |state: &'static str| AlertOutcome {
        threshold,
        state,
        message_id: None,
        error: None,
    };
    let failed = |error: String| AlertOutcome {
        error: Some(error),
        ..outcome("failed")
    };
    let Some(topic) = topic else {
        return outcome("no-topic");
    };
    let key = AlertKey {
        budget: b.name.clone(),
        month: month.to_string(),
        threshold,
    };
    let token = crate::store::new_id();
    match s.budgets().claim_alert(&key, &token, s.now) {
        Ok(Claim::Sent) => return outcome("already-sent"),
        Ok(Claim::InProgress) => return outcome("in-progress"),
        Ok(Claim::Mine) => {}
        Err(e) => return failed(format!("cannot record the alert, so it was not sent: {e}")),
    }
    // A `budget delete` that ran since this check read the budgets removed its alert
    // records; a claim written after that must not outlive it and silence a budget
    // re-created under the same name this month.
    if let Ok(None) = s.budgets().budget(&b.name) {
        let _ = s.budgets().release_alert(&key, &token);
        return outcome("deleted");
    }
    let t = match self::topic(s, topic) {
        Ok(t) => t,
        Err(e) => {
            let _ = s.budgets().release_alert(&key, &token);
            return failed(format!("not sent: {e}"));
        }
    };
    let subject = budget::alert_subject(b, threshold, st.spend);
    let message = budget::alert_message(st, threshold);
    let mut text = vec![("budget", b.name.as_str())];
    if let Some(user) = &s.user {
        text.push(("cloudops_user", user.as_str()));
    }
    let alert = crate::aws::sns::Alert {
        subject: &subject,
        message: &message,
        text,
        numbers: vec![("threshold", threshold.to_string())],
        // Unique per account, user and alert: SNS drops a FIFO message whose ID it saw in
        // the last five minutes, and another user's budget may share this one's name.
        dedup_id: {
            use sha2::Digest;
            let who = format!(
                "{}\n{}\n{}\n{month}\n{threshold}",
                st.account,
                s.user.as_deref().unwrap_or("local"),
                b.name
            );
            format!("{:x}", sha2::Sha256::digest(who.as_bytes()))
        },
    };
    let sent = s.rt.block_on(t.publish(&alert));
    match sent {
        Ok(id) => {
            // The alert is out: recording it must not be given up lightly, or a later check
            // would take the stale claim over and send it again.
            let mut recorded = s.budgets().confirm_alert(&key, &token, &id, s.now);
            for pause in [1, 3] {
                if recorded.is_ok() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_secs(pause));
                recorded = s.budgets().confirm_alert(&key, &token, &id, s.now);
            }
            AlertOutcome {
                message_id: Some(id),
                error: recorded.err().map(|e| {
                    format!("sent, but recording it failed ({e}); a check more than 10 minutes from now may send it again")
                }),
                ..outcome("sent")
            }
        }
        Err(why) => {
            match s.budgets().release_alert(&key, &token) {
                Ok(()) => failed(format!("{why} (not recorded as sent: the next check retries it)")),
                Err(r) => failed(format!(
                    "{why}; and the claim could not be released ({r}): the next check more than 10 minutes from now retries it"
                )),
            }
        }
    }
}
