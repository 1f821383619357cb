//! `cloudops cost`: AWS spend from Cost Explorer for a period, grouped and filtered as asked,
//! with a month-end forecast, through the 12-hour cache.

use crate::cli::{CostArgs, ForecastChoice, Format};
use crate::commands::spend::{Needs, Session};
use crate::commands::{print, Context};
use crate::config;
use crate::cost::{self, CostQuery, Dimension, Period};
use crate::error::{Error, ExitCode};
use crate::render::cost::{self as out, CostView};

pub fn run(a: &CostArgs, ctx: &Context) -> Result<ExitCode, Error> {
    if !matches!(ctx.format, Format::Table | Format::Json | Format::Csv) {
        return Err(Error::usage(
            "`cloudops cost` prints table, json or csv",
            "use --format table, json or csv",
        ));
    }
    let now = crate::commands::spend::clock()?;
    let today = cost::utc_date(now);
    let period = period_of(a, today)?;
    let group_by = match a.group_by.trim() {
        "none" => None,
        g => Some(Dimension::parse(g).ok_or_else(|| {
            Error::usage(
                format!(
                    "--group-by {g:?} is not one of {} or none",
                    Dimension::CHOICES
                ),
                "e.g. --group-by service, --group-by tag:team",
            )
        })?),
    };
    let filter = cost::parse_filters(&a.filter).map_err(|m| {
        Error::usage(
            m,
            "e.g. --filter service=\"Amazon Simple Storage Service\" --filter region=eu-west-1",
        )
    })?;
    // A month-end forecast is about the current month, seen from its start.
    let this_month = period.start == today.first_of_month() && period.contains(today);
    if a.forecast == ForecastChoice::Aws && !this_month {
        return Err(Error::usage(
            format!(
                "--forecast aws projects the current month; the period {} to {} is not it",
                period.start, period.end
            ),
            "drop the period flags (this month is the default), or use --month with the current month",
        ));
    }

    let project =
        config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let mut s = Session::open(ctx, &project, Needs::CACHE, now)?;
    let q = CostQuery {
        account: s.account()?,
        start: period.start,
        end: period.end,
        granularity: a.granularity,
        group_by,
        metric: a.metric,
        filter,
    };
    let answer = s.usage(&q, a.refresh)?;
    let forecast = match (a.forecast, this_month) {
        (ForecastChoice::Local, true) => Some(cost::straight_line_forecast(&answer.value, today)),
        (ForecastChoice::Aws, true) => {
            Some(aws_forecast(&mut s, &q, &answer.value, today, a.refresh)?)
        }
        _ => None,
    };
    let view = CostView {
        query: &q,
        answer: &answer.value,
        fetched_at: answer.fetched_at,
        cached: answer.cached,
        forecast: forecast.as_ref(),
        top: a.top,
        now,
    };
    let text = match ctx.format {
        Format::Json => crate::render::pretty_json(&out::json(&view)),
        Format::Csv => out::csv(&view),
        _ => out::table(&view, &ctx.style),
    };
    print(text.as_bytes())?;
    if ctx.format != Format::Table {
        ctx.note(&format!(
            "Cost Explorer data fetched {}{} ({})",
            crate::timefmt::show(answer.fetched_at),
            if answer.cached {
                format!(
                    ", from the cache ({} old)",
                    out::age(now, answer.fetched_at)
                )
            } else {
                String::new()
            },
            s.cache_where
        ));
    }
    Ok(ExitCode::Success)
}

fn period_of(a: &CostArgs, today: jiff::civil::Date) -> Result<Period, Error> {
    let r = if a.last_month {
        Ok(Period::last_month(today))
    } else if let Some(m) = &a.month {
        Period::month(m, today).map_err(|e| format!("--month {e}"))
    } else if let Some(n) = &a.last {
        Period::last_days(n, today).map_err(|e| format!("--last {e}"))
    } else if let (Some(s), Some(e)) = (&a.start, &a.end) {
        Period::between(s, e)
    } else {
        Ok(Period::this_month(today))
    };
    r.map_err(|m| {
        Error::usage(
            m,
            "periods: --month 2026-10, --last-month, --last 30d, or --start 2026-10-01 --end 2026-11-01 (end exclusive)",
        )
    })
}

/// Month-to-date actual spend plus Cost Explorer's forecast from tomorrow to the month's
/// end (the forecast covers only days to come, and today's spend is already in the actual).
fn aws_forecast(
    s: &mut Session,
    q: &CostQuery,
    answer: &cost::CostAnswer,
    today: jiff::civil::Date,
    refresh: bool,
) -> Result<cost::Forecast, Error> {
    let first = today.first_of_month();
    let end = first + jiff::ToSpan::month(1);
    let tomorrow = today + jiff::ToSpan::day(1);
    let mtd: rust_decimal::Decimal = answer.periods.iter().map(|p| p.total).sum();
    let (rest, unit, lower, upper) = if tomorrow < end {
        let f = s.forecast(q, tomorrow, end, refresh)?.value;
        (f.amount, f.unit, f.lower, f.upper)
    } else {
        (rust_decimal::Decimal::ZERO, None, None, None)
    };
    Ok(cost::Forecast {
        method: "aws".into(),
        amount: mtd + rest,
        unit: unit.or(answer.unit.clone()),
        lower: lower.map(|l| mtd + l),
        upper: upper.map(|u| mtd + u),
        start: first,
        end,
    })
}
