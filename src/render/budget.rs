//! Output of `cloudops budget`: the list of budgets and the result of a check, as a table
//! for people and JSON for machines.

use serde_json::{json, Value};

use super::table::{cell_text, new_table};
use super::Style;
use crate::budget::{money, Budget, Judgement};
use crate::timefmt::show;

pub fn list_json(budgets: &[Budget], store: &str) -> Value {
    json!({"schema_version": super::cost::SCHEMA_VERSION, "store": store, "budgets": budgets})
}

pub fn list_table(budgets: &[Budget], default_topic: Option<&str>, style: &Style) -> String {
    if budgets.is_empty() {
        return "No budgets. Set one with `cloudops budget set NAME --amount 100`.\n".into();
    }
    let mut t = new_table(
        style,
        &["Budget", "Amount", "Thresholds", "Service", "Alerts to"],
    );
    for b in budgets {
        let thresholds: Vec<String> = b.thresholds.iter().map(|t| format!("{t}%")).collect();
        let topic = match (&b.topic, default_topic) {
            (Some(t), _) => t.clone(),
            (None, Some(d)) => format!("{d} (aws.alert_topic)"),
            (None, None) => "(none: set aws.alert_topic)".into(),
        };
        t.add_row(vec![
            cell_text(&b.name),
            format!("{} {}", money(b.amount), b.currency),
            thresholds.join(", "),
            cell_text(b.service.as_deref().unwrap_or("(all)")),
            cell_text(&topic),
        ]);
    }
    format!("{t}\n")
}

/// What happened to one crossed threshold's alert.
#[derive(Debug, Clone)]
pub struct AlertOutcome {
    pub threshold: u32,
    /// sent, already-sent, in-progress, failed, no-topic, deleted (during the check)
    pub state: &'static str,
    pub message_id: Option<String>,
    pub error: Option<String>,
}

/// One budget's line in a check.
pub struct Checked {
    pub budget: Budget,
    pub result: Result<CheckedSpend, String>,
}

pub struct CheckedSpend {
    pub spend: rust_decimal::Decimal,
    pub projected: rust_decimal::Decimal,
    pub judgement: Judgement,
    pub fetched_at: jiff::Timestamp,
    pub cached: bool,
    pub alerts: Vec<AlertOutcome>,
}

pub fn check_json(month: &str, checked: &[Checked]) -> Value {
    let budgets: Vec<Value> = checked
        .iter()
        .map(|c| {
            let b = &c.budget;
            let mut v = json!({
                "name": b.name,
                "amount": b.amount.to_string(),
                "currency": b.currency,
                "service": b.service,
            });
            match &c.result {
                Ok(s) => {
                    let extra = json!({
                        "spend": s.spend.to_string(),
                        "projected": s.projected.to_string(),
                        "percent": s.judgement.percent.to_string(),
                        "status": s.judgement.status.label(),
                        "crossed": s.judgement.crossed,
                        "fetched_at": s.fetched_at.to_string(),
                        "cached": s.cached,
                        "alerts": s.alerts.iter().map(|a| {
                            let mut o = json!({"threshold": a.threshold, "state": a.state});
                            if let Some(m) = &a.message_id { o["message_id"] = json!(m); }
                            if let Some(e) = &a.error { o["error"] = json!(e); }
                            o
                        }).collect::<Vec<_>>(),
                    });
                    merge(&mut v, extra);
                }
                Err(e) => merge(&mut v, json!({"status": "error", "error": e})),
            }
            v
        })
        .collect();
    json!({"schema_version": super::cost::SCHEMA_VERSION, "month": month, "budgets": budgets})
}

fn merge(into: &mut Value, from: Value) {
    if let (Value::Object(a), Value::Object(b)) = (into, from) {
        a.extend(b);
    }
}

pub fn check_table(month: &str, checked: &[Checked], style: &Style) -> String {
    let mut t = new_table(
        style,
        &[
            "Budget",
            "Spend (month to date)",
            "Projected",
            "Amount",
            "Used",
            "Status",
            "Alerts",
        ],
    );
    let mut fetched: Vec<String> = Vec::new();
    for c in checked {
        let b = &c.budget;
        let cur = &b.currency;
        match &c.result {
            Ok(s) => {
                let alerts: Vec<String> = s
                    .alerts
                    .iter()
                    .map(|a| format!("{}% {}", a.threshold, a.state))
                    .collect();
                let status = s.judgement.status.label();
                let status = match s.judgement.status {
                    crate::budget::Status::OnTrack => style.paint(status, "32"),
                    crate::budget::Status::Warning => style.paint(status, "33"),
                    crate::budget::Status::OverBudget => style.paint(status, "31;1"),
                };
                t.add_row(vec![
                    cell_text(&b.name),
                    format!("{} {cur}", money(s.spend)),
                    format!("{} {cur}", money(s.projected)),
                    format!("{} {cur}", money(b.amount)),
                    format!(
                        "{}%",
                        s.judgement
                            .percent
                            .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::ToZero)
                    ),
                    status,
                    if alerts.is_empty() {
                        "-".into()
                    } else {
                        alerts.join(", ")
                    },
                ]);
                let f = format!(
                    "{}{}",
                    show(s.fetched_at),
                    if s.cached { " (cached)" } else { "" }
                );
                if !fetched.contains(&f) {
                    fetched.push(f);
                }
            }
            Err(e) => {
                t.add_row(vec![
                    cell_text(&b.name),
                    "-".into(),
                    "-".into(),
                    format!("{} {cur}", money(b.amount)),
                    "-".into(),
                    style.paint("error", "31;1"),
                    cell_text(e),
                ]);
            }
        }
    }
    let mut out = format!("Budgets for {month}\n{t}\n");
    for c in checked {
        for a in c.result.iter().flat_map(|r| &r.alerts) {
            if let Some(e) = &a.error {
                out.push_str(&format!(
                    "Alert {}% of {}: {}\n",
                    a.threshold,
                    c.budget.name,
                    super::printable(e)
                ));
            }
        }
    }
    if !fetched.is_empty() {
        out.push_str(&format!(
            "Spend from Cost Explorer, fetched {}; projected in a straight line to the month's end.\n",
            fetched.join(", ")
        ));
    }
    out
}
