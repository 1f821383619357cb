//! Which days a cost query covers, in Cost Explorer's terms (start inclusive, end exclusive,
//! UTC dates), so that the last day of a month is never dropped and February, 30-day months
//! and the year end all come out right. Pure: "today" is given.

use jiff::civil::Date;
use jiff::ToSpan;

/// `[start, end)` in whole UTC days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    /// This month up to and including today (Cost Explorer shows today's estimate).
    pub fn this_month(today: Date) -> Period {
        Period {
            start: today.first_of_month(),
            end: tomorrow(today),
        }
    }

    pub fn last_month(today: Date) -> Period {
        let start = today.first_of_month() - 1.month();
        Period {
            start,
            end: today.first_of_month(),
        }
    }

    /// `YYYY-MM`: the whole month, or up to today for the current one.
    pub fn month(text: &str, today: Date) -> Result<Period, String> {
        let start = parse_month(text)?;
        if start > today {
            return Err(format!("{text} has not begun yet (today is {today})"));
        }
        if start == today.first_of_month() {
            return Ok(Period::this_month(today));
        }
        Ok(Period {
            start,
            end: start + 1.month(),
        })
    }

    /// `Nd`: the N days ending today, today included.
    pub fn last_days(text: &str, today: Date) -> Result<Period, String> {
        let n: i64 = text
            .strip_suffix('d')
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("{text:?} is not a number of days such as 30d"))?;
        if !(1..=366).contains(&n) {
            return Err(format!("{text:?}: give between 1d and 366d"));
        }
        Ok(Period {
            start: today - (n - 1).days(),
            end: tomorrow(today),
        })
    }

    /// `--start`/`--end` as typed: dates, end exclusive.
    pub fn between(start: &str, end: &str) -> Result<Period, String> {
        let date = |flag: &str, s: &str| {
            s.parse::<Date>()
                .map_err(|_| format!("{flag} {s:?} is not a date such as 2026-11-01"))
        };
        let p = Period {
            start: date("--start", start)?,
            end: date("--end", end)?,
        };
        if p.end <= p.start {
            return Err(format!(
                "--end {} must be after --start {} (the end date is exclusive: --start 2026-11-01 --end 2026-12-01 is all of November)",
                p.end, p.start
            ));
        }
        Ok(p)
    }

    /// From the first day of the month `months - 1` before today's to today (the window in
    /// which a service name must have appeared).
    pub fn recent_months(today: Date, months: i64) -> Period {
        Period {
            start: today.first_of_month() - (months - 1).months(),
            end: tomorrow(today),
        }
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).get_days() as i64
    }

    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day < self.end
    }
}

/// `2026-11` → its first day.
pub fn parse_month(text: &str) -> Result<Date, String> {
    let bad = || format!("{text:?} is not a month such as 2026-11 (YYYY-MM)");
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let y: i16 = y.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&m) {
        return Err(format!("{text:?}: the month must be 01 to 12"));
    }
    Date::new(y, m, 1).map_err(|_| bad())
}

fn tomorrow(today: Date) -> Date {
    today + 1.day()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn months_end_on_the_first_of_the_next() {
        let today = d("2026-11-25");
        for (m, start, end, days) in [
            ("2024-02", "2024-02-01", "2024-03-01", 29),
            ("2023-02", "2023-02-01", "2023-03-01", 28),
            ("2026-04", "2026-04-01", "2026-05-01", 30),
            ("2026-01", "2026-01-01", "2026-02-01", 31),
            ("2025-12", "2025-12-01", "2026-01-01", 31),
        ] {
            let p = Period::month(m, today).unwrap();
            assert_eq!((p.start, p.end, p.days()), (d(start), d(end), days), "{m}");
        }
        assert_eq!(
            Period::month("2026-11", today).unwrap().end,
            d("2026-11-26")
        );
        assert!(Period::month("2026-12", today).is_err());
        for bad in ["2026-13", "2026-00", "26-01", "2026/01", "2026-1", ""] {
            assert!(Period::month(bad, today).is_err(), "{bad}");
        }
    }

    #[test]
    fn this_and_last_month_cross_year_and_leap_day() {
        let p = Period::this_month(d("2024-02-29"));
        assert_eq!((p.start, p.end), (d("2024-02-01"), d("2024-03-01")));
        let p = Period::this_month(d("2025-12-31"));
        assert_eq!((p.start, p.end), (d("2025-12-01"), d("2026-01-01")));
        let p = Period::last_month(d("2026-01-15"));
        assert_eq!((p.start, p.end), (d("2025-12-01"), d("2026-01-01")));
        let p = Period::last_month(d("2024-03-31"));
        assert_eq!((p.start, p.end), (d("2024-02-01"), d("2024-03-01")));
    }

    #[test]
    fn last_days_include_today() {
        let p = Period::last_days("30d", d("2026-03-01")).unwrap();
        assert_eq!(
            (p.start, p.end, p.days()),
            (d("2026-01-31"), d("2026-03-02"), 30)
        );
        for bad in ["0d", "367d", "30", "d", "-1d", "3w", "+5d", " 5d"] {
            assert!(Period::last_days(bad, d("2026-03-01")).is_err(), "{bad}");
        }
    }

    #[test]
    fn explicit_ranges_are_end_exclusive() {
        let p = Period::between("2026-11-01", "2026-12-01").unwrap();
        assert_eq!(p.days(), 30);
        assert!(Period::between("2026-11-02", "2026-11-02").is_err());
        assert!(Period::between("2026-11-02", "2026-11-01").is_err());
        assert!(Period::between("2026-11-31", "2026-12-01").is_err());
        let p = Period::recent_months(d("2026-11-25"), 12);
        assert_eq!((p.start, p.end), (d("2025-12-01"), d("2026-11-26")));
    }
}
