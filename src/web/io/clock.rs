//! The browser clock.

/// Current time from the browser clock (whole seconds), as the core's buyer side takes it.
pub fn now() -> time::OffsetDateTime {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    time::OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// Now as RFC 3339 in UTC (`2026-11-29T10:11:12.345Z`), from the browser itself.
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Today's date in UTC, `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    now_rfc3339().chars().take(10).collect()
}
