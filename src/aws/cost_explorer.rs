//! The adapter for Cost Explorer (and STS, for the account a cached answer belongs to): turns
//! a `CostQuery` into GetCostAndUsage pages and GetCostForecast, and their answers into exact
//! decimals — and every failure into an error, never into a zero.

use aws_config::{Region, SdkConfig};
use aws_sdk_costexplorer::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_costexplorer::types::{
    DateInterval, DimensionValues, Expression, GroupDefinition, GroupDefinitionType, MetricValue,
    TagValues,
};
use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::cost::{
    parse_amount, CostAnswer, CostQuery, Dimension, Filter, GroupAmount, PeriodCost,
};
use crate::error::Error;

/// Cost Explorer lives in one region per partition.
fn ce_region(config: &SdkConfig) -> &'static str {
    match config.region().map(|r| r.as_ref()) {
        Some(r) if r.starts_with("cn-") => "cn-northwest-1",
        _ => "us-east-1",
    }
}

/// Where Cost Explorer requests go, for messages: the SDK's own precedence (the service's
/// variable, then AWS_ENDPOINT_URL), else the public endpoint of its region.
fn ce_endpoint(config: &SdkConfig) -> String {
    std::env::var("AWS_ENDPOINT_URL_COST_EXPLORER")
        .ok()
        .filter(|e| !e.is_empty())
        .or_else(|| config.endpoint_url().map(str::to_string))
        .unwrap_or_else(|| match ce_region(config) {
            "us-east-1" => "https://ce.us-east-1.amazonaws.com".into(),
            r => format!("https://ce.{r}.amazonaws.com.cn"),
        })
}

#[derive(Clone)]
pub struct Explorer {
    ce: aws_sdk_costexplorer::Client,
    sts: aws_sdk_sts::Client,
    endpoint: String,
    sts_endpoint: String,
}

impl Explorer {
    pub fn new(config: &SdkConfig) -> Explorer {
        let ce = aws_sdk_costexplorer::config::Builder::from(config)
            .region(Region::new(ce_region(config)))
            .build();
        let mut sts = aws_sdk_sts::config::Builder::from(config);
        if config.region().is_none() {
            sts = sts.region(Region::new("us-east-1"));
        }
        Explorer {
            ce: aws_sdk_costexplorer::Client::from_conf(ce),
            sts: aws_sdk_sts::Client::from_conf(sts.build()),
            endpoint: ce_endpoint(config),
            sts_endpoint: std::env::var("AWS_ENDPOINT_URL_STS")
                .ok()
                .filter(|e| !e.is_empty())
                .or_else(|| config.endpoint_url().map(str::to_string))
                .unwrap_or_else(|| {
                    let r = config.region().map_or("us-east-1", |r| r.as_ref());
                    format!("https://sts.{r}.amazonaws.com")
                }),
        }
    }

    /// The AWS account the credentials belong to (GetCallerIdentity needs no permission).
    pub async fn account(&self) -> Result<String, Error> {
        let out = self
            .sts
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| fail("STS GetCallerIdentity", &self.sts_endpoint, &e))?;
        out.account
            .filter(|a| !a.is_empty())
            .ok_or_else(|| Error::Remote {
                message: "STS GetCallerIdentity named no account".into(),
                hint: "check AWS_ENDPOINT_URL and the credentials".into(),
            })
    }

    /// Every page of GetCostAndUsage for `q`.
    pub async fn cost_and_usage(&self, q: &CostQuery) -> Result<CostAnswer, Error> {
        let mut answer = CostAnswer {
            unit: None,
            periods: Vec::new(),
            query: Some(q.clone()),
        };
        let mut token: Option<String> = None;
        let mut pages = 0u32;
        loop {
            let mut req = self
                .ce
                .get_cost_and_usage()
                .time_period(interval(q.start, q.end))
                .granularity(q.granularity.api().into())
                .metrics(q.metric.api())
                .set_filter(expression(&q.filter))
                .set_next_page_token(token.take());
            if let Some(g) = &q.group_by {
                let kind = match g {
                    Dimension::Tag(_) => GroupDefinitionType::Tag,
                    _ => GroupDefinitionType::Dimension,
                };
                req = req.group_by(
                    GroupDefinition::builder()
                        .r#type(kind)
                        .key(g.api_key())
                        .build(),
                );
            }
            let out = req
                .send()
                .await
                .map_err(|e| fail("Cost Explorer GetCostAndUsage", &self.endpoint, &e))?;
            pages += 1;
            for r in out.results_by_time() {
                answer.periods.push(period_of(r, q, &mut answer.unit)?);
            }
            match out.next_page_token().filter(|t| !t.is_empty()) {
                Some(t) if pages < 1000 => token = Some(t.to_string()),
                Some(_) => {
                    return Err(Error::Remote {
                        message: "Cost Explorer kept answering with another page after 1000 pages"
                            .into(),
                        hint: "narrow the query: a shorter period, monthly granularity or a filter"
                            .into(),
                    })
                }
                None => break,
            }
        }
        Ok(answer)
    }

    /// Cost Explorer's forecast for [start, end) (start no earlier than today).
    pub async fn forecast(
        &self,
        q: &CostQuery,
        start: Date,
        end: Date,
    ) -> Result<(Decimal, Option<String>, Option<Decimal>, Option<Decimal>), Error> {
        let out = self
            .ce
            .get_cost_forecast()
            .time_period(interval(start, end))
            .metric(q.metric.forecast_api().into())
            .granularity(aws_sdk_costexplorer::types::Granularity::Monthly)
            .set_filter(expression(&q.filter))
            .prediction_interval_level(80)
            .send()
            .await
            .map_err(|e| fail("Cost Explorer GetCostForecast", &self.endpoint, &e))?;
        let total = out
            .total()
            .ok_or_else(|| unreadable("GetCostForecast", "no Total"))?;
        let amount = amount_of(total, "GetCostForecast Total")?;
        let bound = |f: fn(&aws_sdk_costexplorer::types::ForecastResult) -> Option<&str>| {
            let mut sum = Decimal::ZERO;
            for r in out.forecast_results_by_time() {
                sum += parse_amount(f(r)?)?;
            }
            (!out.forecast_results_by_time().is_empty()).then_some(sum)
        };
        Ok((
            amount,
            total.unit().map(str::to_string),
            bound(|r| r.prediction_interval_lower_bound()),
            bound(|r| r.prediction_interval_upper_bound()),
        ))
    }
}

fn interval(start: Date, end: Date) -> DateInterval {
    DateInterval::builder()
        .start(start.to_string())
        .end(end.to_string())
        .build()
        .expect("start and end are set")
}

fn expression(filters: &[Filter]) -> Option<Expression> {
    let mut parts: Vec<Expression> = filters
        .iter()
        .map(|f| match &f.key {
            Dimension::Tag(k) => Expression::builder()
                .tags(
                    TagValues::builder()
                        .key(k)
                        .set_values(Some(f.values.clone()))
                        .build(),
                )
                .build(),
            d => Expression::builder()
                .dimensions(
                    DimensionValues::builder()
                        .key(d.api_key().into())
                        .set_values(Some(f.values.clone()))
                        .build(),
                )
                .build(),
        })
        .collect();
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Expression::builder().set_and(Some(parts)).build()),
    }
}

fn period_of(
    r: &aws_sdk_costexplorer::types::ResultByTime,
    q: &CostQuery,
    unit: &mut Option<String>,
) -> Result<PeriodCost, Error> {
    let tp = r
        .time_period()
        .ok_or_else(|| unreadable("GetCostAndUsage", "a result without TimePeriod"))?;
    let date = |s: &str| {
        s.get(..10)
            .and_then(|d| d.parse::<Date>().ok())
            .ok_or_else(|| unreadable("GetCostAndUsage", &format!("TimePeriod date {s:?}")))
    };
    let metric = q.metric.api();
    let mut groups = Vec::new();
    for g in r.groups() {
        let v = g.metrics().and_then(|m| m.get(metric)).ok_or_else(|| {
            unreadable(
                "GetCostAndUsage",
                &format!("group {:?} has no {metric}", g.keys().join(" / ")),
            )
        })?;
        note_unit(unit, v)?;
        groups.push(GroupAmount {
            key: group_key(g.keys(), q.group_by.as_ref()),
            amount: amount_of(v, "a group's amount")?,
        });
    }
    let total = if q.group_by.is_some() {
        groups.iter().map(|g| g.amount).sum()
    } else {
        match r.total().and_then(|t| t.get(metric)) {
            Some(v) => {
                note_unit(unit, v)?;
                amount_of(v, "Total")?
            }
            // Cost Explorer states every asked-for metric, zero included: an answer without
            // it is not an answer, and must not read as $0.
            None => {
                return Err(unreadable(
                    "GetCostAndUsage",
                    &format!("a period's Total has no {metric}"),
                ))
            }
        }
    };
    Ok(PeriodCost {
        start: date(tp.start())?,
        end: date(tp.end())?,
        total,
        estimated: r.estimated(),
        groups,
    })
}

/// Tag groups come back as `KEY$value` (`KEY$` when untagged).
fn group_key(keys: &[String], dim: Option<&Dimension>) -> String {
    let k = keys.join(" / ");
    match dim {
        Some(Dimension::Tag(tag)) => match k.strip_prefix(&format!("{tag}$")) {
            Some("") => "(untagged)".to_string(),
            Some(v) => v.to_string(),
            None => k,
        },
        _ if k.is_empty() => "(none)".to_string(),
        _ => k,
    }
}

fn note_unit(unit: &mut Option<String>, v: &MetricValue) -> Result<(), Error> {
    match (unit.as_deref(), v.unit()) {
        (_, None) => Ok(()),
        (None, Some(u)) => {
            *unit = Some(u.to_string());
            Ok(())
        }
        (Some(a), Some(b)) if a == b => Ok(()),
        (Some(a), Some(b)) => Err(unreadable(
            "GetCostAndUsage",
            &format!("amounts in two units ({a} and {b})"),
        )),
    }
}

fn amount_of(v: &MetricValue, what: &str) -> Result<Decimal, Error> {
    let text = v.amount().unwrap_or("");
    parse_amount(text)
        .ok_or_else(|| unreadable("Cost Explorer", &format!("{what} {text:?} is not a number")))
}

fn unreadable(op: &str, what: &str) -> Error {
    Error::Remote {
        message: format!("{op} answered something cloudops cannot read: {what}"),
        hint: "check AWS_ENDPOINT_URL; if it is AWS itself, please report this".into(),
    }
}

fn fail<E>(
    op: &str,
    endpoint: &str,
    e: &SdkError<E, aws_smithy_runtime_api::http::Response>,
) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let (why, hint): (String, String) = match e {
        SdkError::ServiceError(s) => {
            let code = s.err().code().unwrap_or("error");
            let said = s.err().message().unwrap_or("");
            let hint = match code {
                "AccessDeniedException" | "UnrecognizedClientException" => "your AWS identity needs ce:GetCostAndUsage (and ce:GetCostForecast for --forecast aws); the deploy/ stack's role has them, and Cost Explorer must be enabled for the account",
                "ExpiredTokenException" | "InvalidClientTokenId" | "InvalidSignatureException" | "SignatureDoesNotMatch" => "refresh your AWS credentials (or `cloudops login` again)",
                "DataUnavailableException" => "Cost Explorer has no data for that period (it keeps 13 months, 38 with multi-year data enabled, and needs up to 24 hours after it is enabled)",
                "LimitExceededException" | "ThrottlingException" => "Cost Explorer is throttling: retry in a minute (cached answers make no request)",
                "BillExpirationException" => "the period is older than Cost Explorer keeps",
                "ValidationException" => "check the period, --group-by and --filter values",
                _ => "run again with -v for details",
            };
            let said = if said.is_empty() {
                String::new()
            } else {
                format!(": {said}")
            };
            (format!("{code}{said}"), hint.to_string())
        }
        other => {
            let (why, hint) = crate::aws::failure(other);
            (why, hint.to_string())
        }
    };
    Error::Remote {
        message: format!("{op} failed ({endpoint}): {why}"),
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_groups_lose_their_key() {
        let tag = Dimension::Tag("team".into());
        assert_eq!(group_key(&["team$web".into()], Some(&tag)), "web");
        assert_eq!(group_key(&["team$".into()], Some(&tag)), "(untagged)");
        assert_eq!(
            group_key(&["Amazon S3".into()], Some(&Dimension::Service)),
            "Amazon S3"
        );
    }
}
