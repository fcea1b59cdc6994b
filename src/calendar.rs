//! The Danish working-day calendar for porting dates.
//!
//! Not working days: Saturdays, Sundays, the public holidays (New Year's Day,
//! Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer Day
//! until 2023, Ascension Day, Whit Sunday and Monday, Christmas Day, Boxing
//! Day) and the days the Danish porting business treats as closed:
//! Constitution Day (5 June), Christmas Eve and New Year's Eve.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of a year (anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("valid Easter date")
}

/// Whether a day is a Danish public holiday or a day the porting business is closed.
pub fn is_holiday(date: NaiveDate) -> bool {
    let (m, d) = (date.month(), date.day());
    if matches!(
        (m, d),
        (1, 1) | (6, 5) | (12, 24) | (12, 25) | (12, 26) | (12, 31)
    ) {
        return true;
    }
    let easter = easter_sunday(date.year());
    let offset = (date - easter).num_days();
    let mut easter_based = vec![-3, -2, 0, 1, 39, 49, 50];
    if date.year() <= 2023 {
        easter_based.push(26); // Store bededag, abolished from 2024
    }
    easter_based.contains(&offset)
}

/// Monday to Friday and not a holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(date)
}

/// The first working day strictly after `date`.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let mut d = date + Days::new(1);
    while !is_working_day(d) {
        d = d + Days::new(1);
    }
    d
}

/// The earliest date a port-in can be requested for, asked on `today`:
/// the next working day (Teleloven: by the end of the next working day).
pub fn earliest_porting_date(today: NaiveDate) -> NaiveDate {
    next_working_day(today)
}

/// Working days a SIM card sent by post takes to arrive.
pub const POSTED_SIM_WORKING_DAYS: usize = 2;

/// The earliest porting date of a port-in whose new SIM card is sent by
/// post (`sim_by_post`) or not. A posted card arrives first,
/// [`POSTED_SIM_WORKING_DAYS`] working days after [`earliest_porting_date`],
/// so the number never moves to a card the customer does not have yet.
pub fn earliest_porting_date_for(today: NaiveDate, sim_by_post: bool) -> NaiveDate {
    let days = if sim_by_post {
        POSTED_SIM_WORKING_DAYS
    } else {
        0
    };
    (0..days).fold(earliest_porting_date(today), |d, _| next_working_day(d))
}

/// Why a requested porting date cannot be used.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PortingDateError {
    #[error("The porting date must be a working day no earlier than {0}")]
    TooEarly(NaiveDate),
    #[error("The porting date must be a Danish working day (not a weekend or public holiday)")]
    NotWorkingDay,
}

/// Checks a requested porting date against the calendar, asked on `today`.
pub fn check_porting_date(requested: NaiveDate, today: NaiveDate) -> Result<(), PortingDateError> {
    check_porting_date_for(requested, today, false)
}

/// [`check_porting_date`] for a port-in whose SIM card is sent by post
/// (`sim_by_post`) or not (see [`earliest_porting_date_for`]).
pub fn check_porting_date_for(
    requested: NaiveDate,
    today: NaiveDate,
    sim_by_post: bool,
) -> Result<(), PortingDateError> {
    let earliest = earliest_porting_date_for(today, sim_by_post);
    if requested < earliest {
        return Err(PortingDateError::TooEarly(earliest));
    }
    if !is_working_day(requested) {
        return Err(PortingDateError::NotWorkingDay);
    }
    Ok(())
}

/// Working days from `from` (exclusive) on, `count` of them: for date pickers.
pub fn working_days_after(from: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let mut out = Vec::with_capacity(count);
    let mut d = from;
    while out.len() < count {
        d = next_working_day(d);
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
    }

    #[test]
    fn easter_based_holidays_2026() {
        for day in [
            d(2026, 4, 2),
            d(2026, 4, 3),
            d(2026, 4, 6),
            d(2026, 5, 14),
            d(2026, 5, 25),
        ] {
            assert!(is_holiday(day), "{day}");
            assert!(!is_working_day(day), "{day}");
        }
        // Great Prayer Day (4th Friday after Easter) is a working day from 2024.
        assert!(is_working_day(d(2026, 5, 1)));
        assert!(is_holiday(d(2023, 5, 5)));
    }

    #[test]
    fn fixed_closed_days() {
        for day in [
            d(2026, 1, 1),
            d(2026, 6, 5),
            d(2026, 12, 24),
            d(2026, 12, 25),
            d(2026, 12, 31),
        ] {
            assert!(!is_working_day(day), "{day}");
        }
    }

    #[test]
    fn next_working_day_skips_weekends_and_holidays() {
        // Friday 2026-11-27 -> Monday 30th.
        assert_eq!(next_working_day(d(2026, 11, 27)), d(2026, 11, 30));
        // Wednesday before Easter 2026 -> Tuesday after Easter Monday.
        assert_eq!(next_working_day(d(2026, 4, 1)), d(2026, 4, 7));
        // 23 December 2026 (Wednesday) -> Monday 28th.
        assert_eq!(next_working_day(d(2026, 12, 23)), d(2026, 12, 28));
    }

    #[test]
    fn porting_date_rules() {
        let today = d(2026, 11, 26); // Thursday
        assert_eq!(check_porting_date(d(2026, 11, 27), today), Ok(()));
        assert_eq!(
            check_porting_date(d(2026, 11, 26), today),
            Err(PortingDateError::TooEarly(d(2026, 11, 27)))
        );
        assert_eq!(
            check_porting_date(d(2026, 11, 28), today),
            Err(PortingDateError::NotWorkingDay)
        );
        assert_eq!(
            check_porting_date(d(2026, 12, 25), today),
            Err(PortingDateError::NotWorkingDay)
        );
        assert_eq!(
            working_days_after(today, 3),
            vec![d(2026, 11, 27), d(2026, 11, 30), d(2026, 12, 1)]
        );
    }
}
