//! What a cost query asks Cost Explorer and what it answered, as exact decimals, plus the
//! arithmetic on top (totals, ranking, the month-end projection) — pure, so that the same
//! numbers come out of a fresh answer and a cached one.

pub mod period;

use std::collections::BTreeMap;
use std::str::FromStr;

use jiff::civil::Date;
use jiff::Timestamp;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use period::Period;

/// How long an answer is reused: Cost Explorer charges per request and refreshes its data a
/// few times a day.
pub const CACHE_HOURS: i64 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Daily,
    Monthly,
}

impl Granularity {
    pub fn api(self) -> &'static str {
        match self {
            Granularity::Daily => "DAILY",
            Granularity::Monthly => "MONTHLY",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    Unblended,
    Blended,
    Amortized,
    Net,
}

impl Metric {
    /// The name in GetCostAndUsage requests and answers.
    pub fn api(self) -> &'static str {
        match self {
            Metric::Unblended => "UnblendedCost",
            Metric::Blended => "BlendedCost",
            Metric::Amortized => "AmortizedCost",
            Metric::Net => "NetUnblendedCost",
        }
    }

    /// The name in GetCostForecast requests.
    pub fn forecast_api(self) -> &'static str {
        match self {
            Metric::Unblended => "UNBLENDED_COST",
            Metric::Blended => "BLENDED_COST",
            Metric::Amortized => "AMORTIZED_COST",
            Metric::Net => "NET_UNBLENDED_COST",
        }
    }
}

/// A Cost Explorer dimension, or a cost-allocation tag.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dimension {
    Service,
    Account,
    Region,
    UsageType,
    Tag(String),
}

impl Dimension {
    pub const CHOICES: &'static str = "service, account, region, usage-type or tag:KEY";

    pub fn parse(s: &str) -> Option<Dimension> {
        match s.trim() {
            "service" => Some(Dimension::Service),
            "account" => Some(Dimension::Account),
            "region" => Some(Dimension::Region),
            "usage-type" => Some(Dimension::UsageType),
            t => t
                .strip_prefix("tag:")
                .filter(|k| !k.is_empty())
                .map(|k| Dimension::Tag(k.to_string())),
        }
    }

    /// The Cost Explorer key (`SERVICE`, ...) or the tag key.
    pub fn api_key(&self) -> &str {
        match self {
            Dimension::Service => "SERVICE",
            Dimension::Account => "LINKED_ACCOUNT",
            Dimension::Region => "REGION",
            Dimension::UsageType => "USAGE_TYPE",
            Dimension::Tag(k) => k,
        }
    }

    pub fn label(&self) -> String {
        match self {
            Dimension::Service => "service".into(),
            Dimension::Account => "account".into(),
            Dimension::Region => "region".into(),
            Dimension::UsageType => "usage-type".into(),
            Dimension::Tag(k) => format!("tag:{k}"),
        }
    }
}

impl Serialize for Dimension {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

impl<'de> Deserialize<'de> for Dimension {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Dimension::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("dimension {s:?}")))
    }
}

/// `--filter KEY=VALUE` entries of one key (values are alternatives).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub key: Dimension,
    pub values: Vec<String>,
}

/// Repeated `--filter` flags: the same key twice means either value, different keys all of them.
pub fn parse_filters(flags: &[String]) -> Result<Vec<Filter>, String> {
    let mut by_key: BTreeMap<Dimension, Vec<String>> = BTreeMap::new();
    for f in flags {
        let (k, v) = f.split_once('=').ok_or_else(|| {
            format!(
                "--filter {f:?} is not KEY=VALUE (e.g. service=\"Amazon Simple Storage Service\")"
            )
        })?;
        let key = Dimension::parse(k)
            .ok_or_else(|| format!("--filter {f:?}: {k:?} is not one of {}", Dimension::CHOICES))?;
        let v = v.trim();
        if v.is_empty() {
            return Err(format!("--filter {f:?} has no value"));
        }
        let values = by_key.entry(key).or_default();
        if !values.iter().any(|x| x == v) {
            values.push(v.to_string());
        }
    }
    Ok(by_key
        .into_iter()
        .map(|(key, mut values)| {
            values.sort();
            Filter { key, values }
        })
        .collect())
}

/// Everything that decides Cost Explorer's answer; the cache key is derived from all of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostQuery {
    pub account: String,
    pub start: Date,
    pub end: Date,
    pub granularity: Granularity,
    pub group_by: Option<Dimension>,
    pub metric: Metric,
    pub filter: Vec<Filter>,
}

impl CostQuery {
    /// The month-to-date question `budget check` asks for one scope (the whole account, or
    /// one service); the dashboard looks for its cached answer with the same query.
    pub fn month_to_date(account: String, today: Date, service: Option<&str>) -> CostQuery {
        let p = Period::this_month(today);
        CostQuery {
            account,
            start: p.start,
            end: p.end,
            granularity: Granularity::Monthly,
            group_by: None,
            metric: Metric::Unblended,
            filter: service
                .map(|svc| Filter {
                    key: Dimension::Service,
                    values: vec![svc.to_string()],
                })
                .into_iter()
                .collect(),
        }
    }

    pub fn period(&self) -> Period {
        Period {
            start: self.start,
            end: self.end,
        }
    }

    /// A digest of the whole query (`kind` tells usage and forecast answers apart).
    pub fn cache_key(&self, kind: &str) -> String {
        let canonical = serde_json::to_string(&(kind, self)).unwrap_or_default();
        format!("{:x}", Sha256::digest(canonical.as_bytes()))
    }
}

/// How long the cache remembers which account a set of credentials belongs to: an access
/// key belongs to one account for life, but a profile can be pointed elsewhere.
pub const ACCOUNT_MEMO_HOURS: i64 = 7 * 24;

/// The cache key under which the account of `identity` is remembered, so that a cache hit
/// needs no STS call. `identity` names the credentials (`key:ACCESS_KEY_ID` or
/// `profile:NAME`), never a secret; only its digest is stored.
pub fn account_memo_key(identity: &str) -> String {
    format!(
        "account-{:x}",
        Sha256::digest(format!("account\n{identity}").as_bytes())
    )
}

/// One amount of one group in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupAmount {
    pub key: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// One `ResultsByTime` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodCost {
    pub start: Date,
    pub end: Date,
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    pub estimated: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupAmount>,
}

/// What Cost Explorer answered to a `CostQuery` (every page), as cached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostAnswer {
    /// The currency (or unit) Cost Explorer returned; `None` when it returned no amounts.
    pub unit: Option<String>,
    pub periods: Vec<PeriodCost>,
    /// The question it answers, kept with the cached copy so that the dashboard can say what
    /// a cached answer is (answers cached before this was kept have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<CostQuery>,
}

impl CostAnswer {
    pub fn total(&self) -> Decimal {
        self.periods.iter().map(|p| p.total).sum()
    }

    pub fn estimated(&self) -> bool {
        self.periods.iter().any(|p| p.estimated)
    }

    /// Groups summed over all periods, largest first (ties by name).
    pub fn groups(&self) -> Vec<GroupAmount> {
        let mut sums: BTreeMap<&str, Decimal> = BTreeMap::new();
        for g in self.periods.iter().flat_map(|p| &p.groups) {
            *sums.entry(&g.key).or_default() += g.amount;
        }
        let mut out: Vec<GroupAmount> = sums
            .into_iter()
            .map(|(k, amount)| GroupAmount {
                key: k.to_string(),
                amount,
            })
            .collect();
        out.sort_by(|a, b| b.amount.cmp(&a.amount).then(a.key.cmp(&b.key)));
        out
    }

    /// Daily (or monthly) totals in date order, summed when pages split a day.
    pub fn totals_by_start(&self) -> Vec<(Date, Decimal, bool)> {
        let mut by: BTreeMap<Date, (Decimal, bool)> = BTreeMap::new();
        for p in &self.periods {
            let e = by.entry(p.start).or_default();
            e.0 += p.total;
            e.1 |= p.estimated;
        }
        by.into_iter().map(|(d, (t, e))| (d, t, e)).collect()
    }
}

/// A month-end projection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    /// `straight-line` (computed here) or `aws` (GetCostForecast).
    pub method: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub unit: Option<String>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub lower: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub upper: Option<Decimal>,
    /// The month it projects: [start, end).
    pub start: Date,
    pub end: Date,
}

/// Month-to-date spend projected in a straight line to the month's end: spend per elapsed
/// day (today counts as a day) times the days in the month.
pub fn straight_line(month_to_date: Decimal, today: Date) -> Decimal {
    let elapsed = Decimal::from(today.day());
    let days = Decimal::from(today.days_in_month());
    (month_to_date / elapsed * days).round_dp(4).normalize()
}

pub fn straight_line_forecast(answer: &CostAnswer, today: Date) -> Forecast {
    let first = today.first_of_month();
    let mtd: Decimal = answer
        .periods
        .iter()
        .filter(|p| p.start >= first && p.start <= today)
        .map(|p| p.total)
        .sum();
    Forecast {
        method: "straight-line".into(),
        amount: straight_line(mtd, today),
        unit: answer.unit.clone(),
        lower: None,
        upper: None,
        start: first,
        end: first + jiff::ToSpan::month(1),
    }
}

/// Cost Explorer's amounts are decimal strings ("0.0101516483", rarely "1.2E-7").
pub fn parse_amount(s: &str) -> Option<Decimal> {
    let s = s.trim();
    Decimal::from_str(s)
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
}

/// `when` as a UTC date.
pub fn utc_date(when: Timestamp) -> Date {
    jiff::tz::TimeZone::UTC.to_datetime(when).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        parse_amount(s).unwrap()
    }

    #[test]
    fn projection_uses_the_month_length() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(straight_line(dec("10"), d("2024-02-10")), dec("29"));
        assert_eq!(straight_line(dec("10"), d("2023-02-10")), dec("28"));
        assert_eq!(straight_line(dec("3"), d("2026-04-01")), dec("90"));
        assert_eq!(straight_line(dec("31"), d("2026-01-31")), dec("31"));
    }

    #[test]
    fn amounts_are_exact() {
        let a = CostAnswer {
            query: None,
            unit: Some("USD".into()),
            periods: ["0.1", "0.2"]
                .iter()
                .enumerate()
                .map(|(i, t)| PeriodCost {
                    start: Date::new(2026, 11, i as i8 + 1).unwrap(),
                    end: Date::new(2026, 11, i as i8 + 2).unwrap(),
                    total: dec(t),
                    estimated: i == 1,
                    groups: vec![GroupAmount {
                        key: "S3".into(),
                        amount: dec(t),
                    }],
                })
                .collect(),
        };
        assert_eq!(a.total().to_string(), "0.3");
        assert!(a.estimated());
        assert_eq!(a.groups()[0].amount.to_string(), "0.3");
        assert_eq!(dec("1.2E-7").to_string(), "0.00000012");
        assert!(parse_amount("NaN").is_none());
    }

    #[test]
    fn filters_group_by_key() {
        let f = parse_filters(&[
            "service=B".into(),
            "region=eu-west-1".into(),
            "service=A".into(),
        ])
        .unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].values, vec!["A", "B"]);
        assert!(parse_filters(&["nokey".into()]).is_err());
        assert!(parse_filters(&["colour=red".into()]).is_err());
        assert!(parse_filters(&["service=".into()]).is_err());
    }

    #[test]
    fn cache_keys_cover_every_field() {
        let q = CostQuery {
            account: "1".into(),
            start: Date::new(2026, 11, 1).unwrap(),
            end: Date::new(2026, 11, 2).unwrap(),
            granularity: Granularity::Daily,
            group_by: Some(Dimension::Service),
            metric: Metric::Unblended,
            filter: vec![],
        };
        let mut other = q.clone();
        other.account = "2".into();
        assert_ne!(q.cache_key("usage"), other.cache_key("usage"));
        let memo = account_memo_key("key:AKIAEXAMPLE");
        assert!(!memo.contains("AKIAEXAMPLE"), "{memo}");
        assert_ne!(memo, account_memo_key("key:AKIAOTHER"));
        assert_ne!(memo, q.cache_key("usage"));
        assert_ne!(q.cache_key("usage"), q.cache_key("forecast"));
        let mut g = q.clone();
        g.group_by = Some(Dimension::Tag("team".into()));
        assert_ne!(q.cache_key("usage"), g.cache_key("usage"));
        assert_eq!(q.cache_key("usage"), q.clone().cache_key("usage"));
    }
}
