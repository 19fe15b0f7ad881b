//! The browser clock, as the `time` types the core takes.

/// Current time from the browser clock (whole seconds).
pub fn now() -> time::OffsetDateTime {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// `now()` as RFC 3339, UTC.
pub fn now_rfc3339() -> String {
    now()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Today's date, `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    now().date().to_string()
}
