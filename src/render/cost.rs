//! Output of `cloudops cost`: a table for people (totals, top groups, a bar chart of the
//! daily trend, the forecast), JSON for machines and CSV for spreadsheets. Amounts stay
//! exact decimals in JSON and CSV; only the table rounds them to cents.

use jiff::Timestamp;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::table::{cell_text, new_table};
use super::Style;
use crate::budget::money;
use crate::cost::{CostAnswer, CostQuery, Forecast};
use crate::timefmt::show;

pub struct CostView<'a> {
    pub query: &'a CostQuery,
    pub answer: &'a CostAnswer,
    pub fetched_at: Timestamp,
    pub cached: bool,
    pub forecast: Option<&'a Forecast>,
    pub top: usize,
    pub now: Timestamp,
}

const BAR_WIDTH: usize = 40;

/// Version of the `cost` and `budget` JSON documents (additive changes keep it).
pub const SCHEMA_VERSION: u32 = 1;

pub fn json(v: &CostView<'_>) -> Value {
    let q = v.query;
    let groups = |g: &[crate::cost::GroupAmount]| -> Vec<Value> {
        g.iter()
            .map(|g| json!({"key": g.key, "amount": g.amount.to_string()}))
            .collect()
    };
    json!({
        "schema_version": SCHEMA_VERSION,
        "query": {
            "account": q.account,
            "start": q.start.to_string(),
            "end": q.end.to_string(),
            "granularity": q.granularity,
            "group_by": q.group_by.as_ref().map(|g| g.label()),
            "metric": q.metric,
            "filter": q.filter.iter().map(|f| json!({"key": f.key.label(), "values": f.values})).collect::<Vec<_>>(),
        },
        "fetched_at": v.fetched_at.to_string(),
        "cached": v.cached,
        "unit": v.answer.unit,
        "total": v.answer.total().to_string(),
        "estimated": v.answer.estimated(),
        "groups": groups(&v.answer.groups()),
        "periods": v.answer.periods.iter().map(|p| json!({
            "start": p.start.to_string(),
            "end": p.end.to_string(),
            "total": p.total.to_string(),
            "estimated": p.estimated,
            "groups": groups(&p.groups),
        })).collect::<Vec<_>>(),
        "forecast": v.forecast.map(|f| json!({
            "method": f.method,
            "amount": f.amount.to_string(),
            "unit": f.unit,
            "lower": f.lower.map(|d| d.to_string()),
            "upper": f.upper.map(|d| d.to_string()),
            "start": f.start.to_string(),
            "end": f.end.to_string(),
        })),
    })
}

pub fn csv(v: &CostView<'_>) -> String {
    let unit = v.answer.unit.as_deref().unwrap_or("");
    let mut out = String::from("start,end,group,amount,unit,estimated\r\n");
    for p in &v.answer.periods {
        let mut row = |group: &str, amount: Decimal| {
            out.push_str(&format!(
                "{},{},{},{},{},{}\r\n",
                p.start,
                p.end,
                field(group),
                amount,
                field(unit),
                p.estimated
            ));
        };
        if p.groups.is_empty() {
            row("", p.total);
        } else {
            for g in &p.groups {
                row(&g.key, g.amount);
            }
        }
    }
    out
}

/// RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is
/// prefixed with ' so that a spreadsheet never runs a group name as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub fn table(v: &CostView<'_>, style: &Style) -> String {
    let q = v.query;
    let unit = v.answer.unit.as_deref().unwrap_or("USD");
    let mut out = String::new();
    let filters: Vec<String> = q
        .filter
        .iter()
        .map(|f| format!("{}={}", f.key.label(), f.values.join("|")))
        .collect();
    out.push_str(&format!(
        "Cost {} to {} ({} days, end exclusive) · {} · account {}{}\n",
        q.start,
        q.end,
        q.period().days(),
        q.metric.api(),
        q.account,
        if filters.is_empty() {
            String::new()
        } else {
            format!(" · filter {}", filters.join(", "))
        }
    ));
    out.push_str(&format!(
        "Fetched from Cost Explorer {} ({})\n",
        show(v.fetched_at),
        if v.cached {
            format!(
                "cached, {} ago; --refresh asks again",
                age(v.now, v.fetched_at)
            )
        } else {
            "just now".to_string()
        }
    ));
    let estimated = if v.answer.estimated() {
        " (estimated: includes figures Cost Explorer has not finalised)"
    } else {
        ""
    };
    out.push_str(&format!(
        "\nTotal: {} {unit}{estimated}\n",
        money(v.answer.total())
    ));
    if v.answer.periods.is_empty() {
        out.push_str("\nCost Explorer reported no costs for this period.\n");
    }

    let groups = v.answer.groups();
    if let Some(dim) = q.group_by.as_ref().filter(|_| !groups.is_empty()) {
        out.push('\n');
        let label = dim.label();
        let amount_header = format!("Amount ({unit})");
        let mut t = new_table(style, &[label.as_str(), amount_header.as_str(), "Share"]);
        let total = v.answer.total();
        let share = |a: Decimal| share(a, total).unwrap_or_else(|| "-".to_string());
        let shown = v.top.max(1).min(groups.len());
        for g in &groups[..shown] {
            t.add_row(vec![cell_text(&g.key), money(g.amount), share(g.amount)]);
        }
        if groups.len() > shown {
            let rest: Decimal = groups[shown..].iter().map(|g| g.amount).sum();
            t.add_row(vec![
                format!("other ({})", groups.len() - shown),
                money(rest),
                share(rest),
            ]);
        }
        for c in 1..=2 {
            if let Some(col) = t.column_mut(c) {
                col.set_cell_alignment(comfy_table::CellAlignment::Right);
            }
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    let days = v.answer.totals_by_start();
    if days.len() > 1 {
        let per = match q.granularity {
            crate::cost::Granularity::Daily => "Daily",
            crate::cost::Granularity::Monthly => "Monthly",
        };
        out.push_str(&format!("\n{per} total ({unit}):\n"));
        out.push_str(&bars(&days));
    }

    if let Some(f) = v.forecast {
        let unit = f.unit.as_deref().unwrap_or(unit);
        let how = match f.method.as_str() {
            "aws" => "Cost Explorer forecast: month-to-date actual plus GetCostForecast for the rest of the month".to_string(),
            _ => "straight-line projection of month-to-date spend, computed locally".to_string(),
        };
        let range = match (f.lower, f.upper) {
            (Some(l), Some(u)) => format!(", 80% interval {} to {}", money(l), money(u)),
            _ => String::new(),
        };
        out.push_str(&format!(
            "\nMonth-end forecast ({} to {}): {} {unit}{range}\n  {how}\n",
            f.start,
            f.end,
            money(f.amount)
        ));
    }
    out
}

/// One bar per day, scaled to the largest; `*` marks estimated figures.
fn bars(days: &[(jiff::civil::Date, Decimal, bool)]) -> String {
    let max = days.iter().map(|d| d.1).max().unwrap_or_default();
    let mut out = String::new();
    let mut any_estimated = false;
    for (day, amount, estimated) in days {
        let eighths = if max > Decimal::ZERO && *amount > Decimal::ZERO {
            use rust_decimal::prelude::ToPrimitive;
            (*amount * Decimal::from(BAR_WIDTH * 8) / max)
                .round()
                .to_usize()
                .unwrap_or(0)
        } else {
            0
        };
        let mut bar = "█".repeat(eighths / 8);
        if eighths % 8 > 0 {
            bar.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8 - 1]);
        }
        any_estimated |= estimated;
        out.push_str(&format!(
            "  {day} {bar:<width$} {:>10}{}\n",
            money(*amount),
            if *estimated { " *" } else { "" },
            width = BAR_WIDTH + 1
        ));
    }
    if any_estimated {
        out.push_str("  * estimated\n");
    }
    out
}

/// `part` as a share of `total` ("84.2%"); `None` when it cannot be said (a zero total, or
/// amounts too large to divide).
pub fn share(part: Decimal, total: Decimal) -> Option<String> {
    let p = part.checked_mul(Decimal::from(100))?.checked_div(total)?;
    Some(format!("{:.1}%", p.round_dp(1)))
}

pub fn age(now: Timestamp, then: Timestamp) -> String {
    let mins = (now.as_second() - then.as_second()).max(0) / 60;
    if mins < 60 {
        format!("{mins} min")
    } else {
        format!("{}h{:02}", mins / 60, mins % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(field("Amazon S3"), "Amazon S3");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK()"), "'=HYPERLINK()");
    }

    #[test]
    fn bars_scale_to_the_largest_day() {
        let d = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
        let out = bars(&[
            (d("2026-11-01"), Decimal::from(10), false),
            (d("2026-11-02"), Decimal::from(5), true),
            (d("2026-11-03"), Decimal::ZERO, false),
        ]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0].matches('█').count(), BAR_WIDTH);
        assert_eq!(lines[1].matches('█').count(), BAR_WIDTH / 2);
        assert!(lines[1].ends_with(" *"));
        assert_eq!(lines[2].matches('█').count(), 0);
        assert_eq!(lines[3], "  * estimated");
    }
}
