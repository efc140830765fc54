//! Matches over time: day counts grouped into days, ISO weeks, months or
//! years, with empty periods kept so that gaps show.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

/// The width of a timeline's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
    Year,
}

impl Period {
    pub fn from_name(name: &str) -> Option<Period> {
        match name.trim().to_ascii_lowercase().as_str() {
            "day" | "d" => Some(Period::Day),
            "week" | "w" => Some(Period::Week),
            "month" | "m" => Some(Period::Month),
            "year" | "y" => Some(Period::Year),
            _ => None,
        }
    }

    /// The period's name, as `--timeline` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// The label of the period holding `date`: `2022-05-13`, `2022-W19`,
    /// `2022-05`, `2022`.
    pub fn label(self, date: NaiveDate) -> String {
        match self {
            Period::Day => date.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let week = date.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Period::Month => date.format("%Y-%m").to_string(),
            Period::Year => date.format("%Y").to_string(),
        }
    }

    /// The first day of the period after the one holding `date`.
    fn next(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Day => date.succ_opt(),
            Period::Week => {
                let monday =
                    date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
                monday.checked_add_signed(Duration::days(7))
            }
            Period::Month => {
                let (y, m) = if date.month() == 12 {
                    (date.year() + 1, 1)
                } else {
                    (date.year(), date.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
            }
            Period::Year => NaiveDate::from_ymd_opt(date.year() + 1, 1, 1),
        }
    }
}

/// At most this many periods; a longer span should use a wider period.
pub const MAX_PERIODS: usize = 5000;

/// Groups day counts (`YYYY-MM-DD` → n) by period, from the first dated
/// match to the last, empty periods included.
pub fn timeline(day_counts: &BTreeMap<String, u64>, period: Period) -> Vec<(String, u64)> {
    let days: Vec<(NaiveDate, u64)> = day_counts
        .iter()
        .filter_map(|(day, n)| day.parse::<NaiveDate>().ok().map(|d| (d, *n)))
        .collect();
    let (Some(first), Some(last)) = (days.first().map(|d| d.0), days.last().map(|d| d.0)) else {
        return Vec::new();
    };
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for (day, n) in &days {
        *totals.entry(period.label(*day)).or_default() += n;
    }
    let mut out = Vec::new();
    let mut cursor = Some(first);
    while let Some(day) = cursor {
        if day > last || out.len() >= MAX_PERIODS {
            break;
        }
        let label = period.label(day);
        let n = totals.get(&label).copied().unwrap_or(0);
        out.push((label, n));
        cursor = period.next(day);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|(d, n)| (d.to_string(), *n)).collect()
    }

    #[test]
    fn months_keep_empty_gaps() {
        let c = counts(&[("2022-01-03", 2), ("2022-01-20", 1), ("2022-04-02", 5)]);
        assert_eq!(
            timeline(&c, Period::Month),
            vec![
                ("2022-01".into(), 3),
                ("2022-02".into(), 0),
                ("2022-03".into(), 0),
                ("2022-04".into(), 5)
            ]
        );
    }

    #[test]
    fn weeks_are_iso_weeks() {
        // 2022-01-02 is a Sunday (ISO week 2021-W52); 2022-01-03 a Monday (2022-W01).
        let c = counts(&[("2022-01-02", 1), ("2022-01-03", 1), ("2022-01-09", 1)]);
        assert_eq!(
            timeline(&c, Period::Week),
            vec![("2021-W52".into(), 1), ("2022-W01".into(), 2)]
        );
    }

    #[test]
    fn years_and_days() {
        let c = counts(&[("2020-12-31", 1), ("2022-01-01", 1)]);
        assert_eq!(timeline(&c, Period::Year).len(), 3);
        assert_eq!(timeline(&c, Period::Day).len(), 367);
        assert!(timeline(&BTreeMap::new(), Period::Day).is_empty());
    }
}
