//! Budgets: what an operator may set (validated here, once, for every store), how month-to-
//! date spend is judged against one (status, crossed thresholds), and what an alert says.
//! Pure: spend, projection and the month are given.

use std::str::FromStr;

use jiff::Timestamp;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

const MAX_AMOUNT: i64 = 1_000_000_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: String,
    /// Percentages of `amount`, ascending, without duplicates.
    pub thresholds: Vec<u32>,
    /// Only this Cost Explorer service's spend counts (None: the whole account).
    pub service: Option<String>,
    /// Where alerts go; None: the configured `aws.alert_topic` at check time.
    pub topic: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

pub fn check_name(name: &str) -> Result<(), String> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "budget name {name:?}: use 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'"
        ))
    }
}

pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(format!("--amount {text:?} must be more than zero"));
    }
    let plain = !t.is_empty()
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().filter(|b| *b == b'.').count() <= 1;
    let amount = plain
        .then(|| Decimal::from_str(t).ok())
        .flatten()
        .ok_or_else(|| {
            format!("--amount {text:?} is not a plain positive number such as 100 or 99.50")
        })?;
    if amount <= Decimal::ZERO {
        return Err(format!("--amount {text:?} must be more than zero"));
    }
    if amount > Decimal::from(MAX_AMOUNT) {
        return Err(format!("--amount {text:?} is more than 1000000000000"));
    }
    if amount.normalize().scale() > 6 {
        return Err(format!("--amount {text:?} has more than 6 decimals"));
    }
    Ok(amount.normalize())
}

pub fn parse_currency(text: &str) -> Result<String, String> {
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "--currency {text:?} is not an ISO 4217 code in capitals such as USD"
        ))
    }
}

pub fn parse_thresholds(text: &str) -> Result<Vec<u32>, String> {
    let mut out: Vec<u32> = Vec::new();
    for part in text.split(',') {
        let p = part.trim().trim_end_matches('%');
        let n: u32 = p.parse().map_err(|_| {
            format!("--thresholds {text:?}: {part:?} is not a whole percentage (e.g. --thresholds 50,80,100)")
        })?;
        if !(1..=1000).contains(&n) {
            return Err(format!(
                "--thresholds {text:?}: {n} is outside 1 to 1000 (percent of the amount)"
            ));
        }
        if out.contains(&n) {
            return Err(format!("--thresholds {text:?}: {n} is given twice"));
        }
        out.push(n);
    }
    out.sort_unstable();
    Ok(out)
}

/// The region of an SNS topic ARN (SNS answers only there), or why it is not one:
/// `arn:PARTITION:sns:REGION:ACCOUNT:NAME`, PARTITION `aws` or `aws-…`, ACCOUNT 12 digits,
/// NAME 1–256 letters, digits, `-` and `_` (a FIFO topic's with `.fifo` at the end).
pub fn topic_region(v: &str) -> Result<&str, String> {
    let parts: Vec<&str> = v.split(':').collect();
    let bad = || format!("{v:?} is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
    let [arn, partition, service, region, account, name] = parts[..] else {
        return Err(bad());
    };
    let word = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let base = name.strip_suffix(".fifo").unwrap_or(name);
    let ok = arn == "arn"
        && (partition == "aws" || partition.starts_with("aws-"))
        && word(partition)
        && service == "sns"
        && word(region)
        && account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && !base.is_empty()
        && name.len() <= 256
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(region)
    } else {
        Err(bad())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    OnTrack,
    Warning,
    OverBudget,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::OnTrack => "on-track",
            Status::Warning => "warning",
            Status::OverBudget => "over-budget",
        }
    }
}

/// Spend against one budget this month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub percent: Decimal,
    pub status: Status,
    /// Thresholds month-to-date spend has reached (the projection alone never alerts).
    pub crossed: Vec<u32>,
}

pub fn judge(budget: &Budget, spend: Decimal, projected: Decimal) -> Judgement {
    // Cut, not rounded: 79.996% must not read as 80% when the 80% alert did not go out.
    let percent = (spend * Decimal::from(100) / budget.amount)
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    let crossed: Vec<u32> = budget
        .thresholds
        .iter()
        .copied()
        .filter(|t| spend * Decimal::from(100) >= budget.amount * Decimal::from(*t))
        .collect();
    let status = if spend >= budget.amount {
        Status::OverBudget
    } else if !crossed.is_empty() || projected > budget.amount {
        Status::Warning
    } else {
        Status::OnTrack
    };
    Judgement {
        percent,
        status,
        crossed,
    }
}

/// Money as people read it: two decimals, rounded half away from zero.
pub fn money(d: Decimal) -> String {
    format!(
        "{:.2}",
        d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    )
}

/// An SNS subject: printable ASCII, under 100 characters (SNS's limit).
pub fn alert_subject(b: &Budget, threshold: u32, spend: Decimal) -> String {
    let s = format!(
        "cloudops budget {}: {threshold}% threshold crossed ({} of {} {})",
        b.name,
        money(spend),
        money(b.amount),
        b.currency
    );
    if s.len() < 100 {
        return s;
    }
    let short = format!("cloudops budget {}: {threshold}% crossed", b.name);
    short.chars().take(99).collect()
}

/// Where one budget stands this month, as an alert tells it.
pub struct Standing<'a> {
    pub budget: &'a Budget,
    /// `YYYY-MM`
    pub month: &'a str,
    pub account: &'a str,
    pub spend: Decimal,
    pub projected: Decimal,
}

pub fn alert_message(st: &Standing<'_>, threshold: u32) -> String {
    let b = st.budget;
    let scope = b
        .service
        .as_deref()
        .map_or("all services".to_string(), |s| format!("service {s}"));
    format!(
        "Budget {name} ({scope}, account {account}) crossed its {threshold}% threshold for {month}.\n\n\
         Month-to-date spend: {spend} {cur}\n\
         Budget:              {amount} {cur} ({threshold}% = {at} {cur})\n\
         Projected month end: {projected} {cur} (straight line from month-to-date)\n\n\
         Sent once per threshold per month by `cloudops budget check`.\n",
        name = b.name,
        account = st.account,
        month = st.month,
        spend = money(st.spend),
        cur = b.currency,
        amount = money(b.amount),
        at = money(b.amount * Decimal::from(threshold) / Decimal::from(100)),
        projected = money(st.projected),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(amount: &str, thresholds: &[u32]) -> Budget {
        Budget {
            name: "team-a".into(),
            amount: parse_amount(amount).unwrap(),
            currency: "USD".into(),
            thresholds: thresholds.to_vec(),
            service: None,
            topic: None,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_are_positive_plain_decimals() {
        assert_eq!(parse_amount("100").unwrap(), d("100"));
        assert_eq!(parse_amount("99.50").unwrap(), d("99.5"));
        for bad in [
            "0",
            "0.00",
            "-5",
            "NaN",
            "inf",
            "1e3",
            "abc",
            "",
            "1.2.3",
            "1000000000001",
            "0.0000001",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn thresholds_are_percentages_once_each() {
        assert_eq!(parse_thresholds("100,50,80").unwrap(), vec![50, 80, 100]);
        assert_eq!(parse_thresholds("1000").unwrap(), vec![1000]);
        for bad in ["0", "1001", "50,50", "50,,80", "", "x", "-1", "50.5"] {
            assert!(parse_thresholds(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_currencies_and_topics() {
        assert!(check_name("prod.eu-west_1").is_ok());
        for bad in ["", "a b", "é", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(parse_currency("usd").is_err());
        assert!(parse_currency("USDX").is_err());
        assert_eq!(
            topic_region("arn:aws:sns:eu-west-1:123456789012:alerts").unwrap(),
            "eu-west-1"
        );
        assert!(topic_region("not-an-arn").is_err());
        assert!(topic_region("arn:aws:sqs:eu-west-1:123456789012:q").is_err());
    }

    #[test]
    fn judging_spend() {
        let b = budget("100", &[50, 80, 100]);
        let j = judge(&b, d("49.99"), d("90"));
        assert_eq!((j.status, j.crossed.len()), (Status::OnTrack, 0));
        let j = judge(&b, d("10"), d("101"));
        assert_eq!(j.status, Status::Warning);
        let j = judge(&b, d("80"), d("99"));
        assert_eq!(
            (j.status, j.crossed.clone()),
            (Status::Warning, vec![50, 80])
        );
        let j = judge(&b, d("100"), d("100"));
        assert_eq!(
            (j.status, j.crossed),
            (Status::OverBudget, vec![50, 80, 100])
        );
        assert_eq!(judge(&b, d("85.2"), d("0")).percent, d("85.2"));
    }

    #[test]
    fn subjects_stay_under_the_sns_limit() {
        let mut b = budget("123456789012.99", &[100]);
        b.name = "n".repeat(64);
        let s = alert_subject(&b, 1000, d("999999999999.99"));
        assert!(s.len() < 100 && s.is_ascii(), "{s}");
        let b = budget("100", &[80]);
        assert_eq!(
            alert_subject(&b, 80, d("85.2")),
            "cloudops budget team-a: 80% threshold crossed (85.20 of 100.00 USD)"
        );
    }

    #[test]
    fn alert_topic_must_be_an_sns_topic_arn() {
        for ok in [
            "arn:aws:sns:us-east-1:123456789012:cloudops-budget-alerts",
            "arn:aws-cn:sns:cn-north-1:123456789012:alerts_1",
            "arn:aws-us-gov:sns:us-gov-west-1:123456789012:a.fifo",
        ] {
            assert!(topic_region(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "cloudops-budget-alerts",
            "arn:aws:sqs:us-east-1:123456789012:alerts",
            "arn:aws:sns:us-east-1:12345678901:alerts",
            "arn:aws:sns:us-east-1:1234567890123:alerts",
            "arn:aws:sns:us-east-1:12345678901a:alerts",
            "arn:aws:sns:us-east-1:123456789012:",
            "arn:aws:sns:us-east-1:123456789012:.fifo",
            "arn:aws:sns:us-east-1:123456789012:a:b",
            "arn:aws:sns:us-east-1:123456789012:a b",
            "arn:aws:sns:us-east-1:123456789012:a.b",
            "arn:aws:sns::123456789012:alerts",
            "arn::sns:us-east-1:123456789012:alerts",
            "arn:other:sns:us-east-1:123456789012:alerts",
            "ARN:aws:sns:us-east-1:123456789012:alerts",
            " arn:aws:sns:us-east-1:123456789012:alerts",
            "arn:aws:sns:us-east-1:123456789012:alerts\n",
        ] {
            assert!(topic_region(bad).is_err(), "{bad:?}");
        }
        let long = format!("arn:aws:sns:us-east-1:123456789012:{}", "a".repeat(257));
        assert!(topic_region(&long).is_err());
        let max = format!("arn:aws:sns:us-east-1:123456789012:{}", "a".repeat(256));
        assert!(topic_region(&max).is_ok());
    }
}
