//! Instants as operators type and read them: `--since 7d` or `--since 2026-11-01`, and UTC
//! times in listings so that a CI log and a laptop agree. Given "now"; never reads the clock.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

/// `2026-11-01` (midnight UTC), `2026-11-01T08:00:00Z` (any RFC 3339 offset), or an age:
/// `90m`, `36h`, `7d`, `2w`.
pub fn parse_since(s: &str, now: Timestamp) -> Result<Timestamp, String> {
    let s = s.trim();
    if let Some(age) = parse_age(s) {
        return now
            .checked_sub(age)
            .map_err(|_| format!("{s:?} reaches back too far"));
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    if let Ok(d) = s.parse::<Date>() {
        return jiff::tz::TimeZone::UTC
            .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
            .map_err(|e| format!("{s:?}: {e}"));
    }
    Err(format!(
        "{s:?} is not a date (2026-11-01), a time (2026-11-01T08:00:00Z) or an age (90m, 36h, 7d, 2w)"
    ))
}

fn parse_age(s: &str) -> Option<SignedDuration> {
    let unit = s.chars().last()?;
    let n: i64 = s[..s.len() - unit.len_utf8()]
        .parse()
        .ok()
        .filter(|n| *n >= 0)?;
    let secs = match unit {
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        'w' => 7 * 86_400,
        _ => return None,
    };
    Some(SignedDuration::from_secs(n.checked_mul(secs)?))
}

/// `2026-11-25 21:41:12Z`: UTC, sortable, cut (not rounded) to the second so that the time
/// shown, given back to `--since`, still includes the entry.
pub fn show(t: Timestamp) -> String {
    let t = Timestamp::from_second(t.as_second()).unwrap_or(t);
    t.strftime("%Y-%m-%d %H:%M:%SZ").to_string()
}

/// `retention_days` after `now`; `None` (forever) for 0.
pub fn expiry(now: Timestamp, retention_days: u32) -> Option<Timestamp> {
    if retention_days == 0 {
        return None;
    }
    now.checked_add(SignedDuration::from_hours(24 * i64::from(retention_days)))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-25T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn ages_dates_and_times() {
        let t = |s: &str| parse_since(s, now()).unwrap().to_string();
        assert_eq!(t("7d"), "2026-11-18T12:00:00Z");
        assert_eq!(t("36h"), "2026-11-24T00:00:00Z");
        assert_eq!(t("90m"), "2026-11-25T10:30:00Z");
        assert_eq!(t("2w"), "2026-11-11T12:00:00Z");
        assert_eq!(t("2026-11-01"), "2026-11-01T00:00:00Z");
        assert_eq!(t("2026-11-01T08:00:00+02:00"), "2026-11-01T06:00:00Z");
        for bad in ["yesterday", "7x", "-3d", "2026-13-01", ""] {
            assert!(parse_since(bad, now()).is_err(), "{bad}");
        }
    }

    #[test]
    fn retention_zero_is_forever() {
        assert_eq!(expiry(now(), 0), None);
        assert_eq!(
            expiry(now(), 30).unwrap().to_string(),
            "2026-12-25T12:00:00Z"
        );
    }
}
