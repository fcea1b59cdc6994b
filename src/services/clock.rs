//! Time in Copenhagen: "today" for start dates and porting dates.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;

/// The date in Copenhagen at `at`.
pub fn copenhagen_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Copenhagen).date_naive()
}

/// 02:00 Copenhagen time on `date`, when ports are executed, in UTC.
pub fn porting_time(date: NaiveDate) -> DateTime<Utc> {
    let local = date.and_hms_opt(2, 0, 0).expect("valid time");
    Copenhagen
        .from_local_datetime(&local)
        .earliest()
        .map(|dt| dt.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// The first day of the month after `date`.
pub fn next_month_start(date: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copenhagen_is_ahead_of_utc() {
        let late = Utc.with_ymd_and_hms(2026, 11, 26, 23, 30, 0).unwrap();
        assert_eq!(
            copenhagen_date(late),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
        );
        let summer = porting_time(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(summer, Utc.with_ymd_and_hms(2026, 7, 1, 0, 0, 0).unwrap());
        assert_eq!(
            next_month_start(NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }
}
