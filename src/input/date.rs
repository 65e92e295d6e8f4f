//! Publication dates as articles give them, normalised to ISO 8601 so that
//! they sort as text: a date stays a date, a time with an offset becomes UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// The forms [`normalize_date`] accepts, for error messages and the README.
pub const ACCEPTED_DATES: &str = "YYYY-MM-DD, RFC 3339 (2015-11-11T10:30:00-05:00), \
     a date and time without offset (2015-11-11T10:30:00) or RFC 2822 (Wed, 11 Nov 2015 10:30:00 -0500)";

/// Parses a publication date and returns it as ISO 8601:
///
/// - `2015-11-11` stays `2015-11-11` (a date is not a midnight);
/// - a date and time with an offset (RFC 3339 or RFC 2822) becomes UTC,
///   `2015-11-11T15:30:00Z`;
/// - a date and time without offset is kept as written, `2015-11-11T10:30:00`
///   (its zone is unknown, so it is not converted).
///
/// The error is a one-line reason naming the accepted forms.
pub fn normalize_date(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        // chrono accepts one-digit months and days; ISO output pads them.
        return Ok(date.format("%Y-%m-%d").to_string());
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Ok(utc(at.with_timezone(&Utc)));
    }
    for form in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(s, form) {
            return Ok(at.format("%Y-%m-%dT%H:%M:%S%.f").to_string());
        }
    }
    if let Ok(at) = DateTime::parse_from_rfc2822(s) {
        return Ok(utc(at.with_timezone(&Utc)));
    }
    Err(format!("bad date '{raw}': expected {ACCEPTED_DATES}"))
}

fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_stay_dates_and_times_become_utc() {
        assert_eq!(normalize_date("2015-11-11").unwrap(), "2015-11-11");
        assert_eq!(normalize_date(" 2015-1-5 ").unwrap(), "2015-01-05");
        assert_eq!(
            normalize_date("2015-11-11T10:30:00-05:00").unwrap(),
            "2015-11-11T15:30:00Z"
        );
        assert_eq!(
            normalize_date("2015-11-11 23:30:00+02:00").unwrap(),
            "2015-11-11T21:30:00Z"
        );
        assert_eq!(
            normalize_date("2015-11-11T10:30:00.250Z").unwrap(),
            "2015-11-11T10:30:00.250Z"
        );
        assert_eq!(
            normalize_date("2015-11-11T10:30:00").unwrap(),
            "2015-11-11T10:30:00"
        );
        assert_eq!(
            normalize_date("Wed, 11 Nov 2015 10:30:00 -0500").unwrap(),
            "2015-11-11T15:30:00Z"
        );
    }

    #[test]
    fn bad_dates_say_what_is_accepted() {
        for bad in ["2015-13-01", "2015-02-30", "yesterday", "11/11/2015", ""] {
            let err = normalize_date(bad).unwrap_err();
            assert!(err.starts_with(&format!("bad date '{bad}'")), "{err}");
            assert!(err.contains("YYYY-MM-DD"), "{err}");
        }
    }
}
