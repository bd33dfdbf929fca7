//! Calendar arithmetic on the proleptic Gregorian calendar, without a date crate: days since
//! 1970-01-01 and back (Howard Hinnant's algorithms), weekdays, month lengths.

/// A day as the number of days since 1970-01-01.
pub type DayNumber = i64;

/// Days since 1970-01-01 of a civil date. `month` is 1–12, `day` 1–31.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> DayNumber {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date (year, month, day) of a day number.
pub fn civil_from_days(days: DayNumber) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// A day number as an ISO date (`2020-09-28`).
pub fn iso_day(days: DayNumber) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(days: DayNumber) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Whether year-month-day is a real date.
pub fn is_valid(year: i32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2020, 9, 28)), (2020, 9, 28));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(
            weekday(days_from_civil(2020, 9, 28)),
            0,
            "28 September 2020 was a Monday"
        );
        assert_eq!(
            weekday(days_from_civil(2023, 10, 7)),
            5,
            "7 October 2023 was a Saturday"
        );
        assert!(!is_valid(2023, 2, 29) && is_valid(2024, 2, 29) && !is_valid(2024, 13, 1));
    }
}
