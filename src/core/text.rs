//! Text rules every file obeys, and how text from a file is made safe to show.
//!
//! A file may not carry control characters (other than tab and line breaks) or
//! bidirectional controls: they can make a rendered value say something other than what
//! it stores. Messages that quote a file escape such characters instead of refusing them,
//! so a hostile file cannot restyle a terminal, add lines to a log or reorder what a
//! reader sees.

/// The prefix of every digest and fingerprint string (`sha256:` and 64 hex digits).
pub const SHA256_PREFIX: &str = "sha256:";
/// How a digest or fingerprint must be written ([`is_sha256_digest`]), as every message
/// refusing one says it.
pub const SHA256_DIGEST_FORM: &str = "\"sha256:\" followed by 64 lower-case hex digits";

/// Longest accepted free-text field, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Longest piece of file text quoted in a message, in characters.
pub const MAX_QUOTED_CHARS: usize = 120;

/// Why a piece of text is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Control characters or bidirectional controls.
    #[error("{field} contains control or bidirectional-override characters")]
    Unsafe {
        /// Where the text was.
        field: String,
    },
    /// Over [`MAX_TEXT_CHARS`].
    #[error("{field} is too long")]
    TooLong {
        /// Where the text was.
        field: String,
    },
}

/// True for the characters no file may carry: controls other than tab, LF and CR, and
/// the bidirectional embedding, override, isolate and mark characters.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && c != '\r')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Refuses unsafe characters and over-long text.
pub fn check_text(field: &str, s: &str) -> Result<(), TextError> {
    check_text_in(s, || field.to_owned())
}

/// [`check_text`], naming the field only when the text is refused (for callers that
/// would otherwise format a name for every field they check).
pub fn check_text_in(s: &str, field: impl FnOnce() -> String) -> Result<(), TextError> {
    let has_unsafe = if s.is_ascii() {
        // The ASCII characters [`is_unsafe_char`] refuses: C0 controls but tab and line
        // breaks, and DEL.
        s.bytes()
            .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F)
    } else {
        s.chars().any(is_unsafe_char)
    };
    if has_unsafe {
        return Err(TextError::Unsafe { field: field() });
    }
    // No more characters than bytes: only long text needs counting.
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(TextError::TooLong { field: field() });
    }
    Ok(())
}

/// Text from a file made safe to print: unsafe characters, line breaks and tabs are
/// written as `\u{..}` escapes.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe_char(c) || c == '\n' || c == '\r' || c == '\t' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// [`printable`], cut to [`MAX_QUOTED_CHARS`] characters with an ellipsis: the form file
/// text takes inside a message.
pub fn quoted(s: &str) -> String {
    let clean = printable(s);
    if clean.chars().count() > MAX_QUOTED_CHARS {
        format!(
            "{}…",
            clean.chars().take(MAX_QUOTED_CHARS).collect::<String>()
        )
    } else {
        clean
    }
}

/// A name (of a file, say) safe to show as it is: unsafe characters become U+FFFD.
pub fn safe_name(name: &str) -> String {
    name.chars()
        .map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// The first position in `bytes` where `is` holds, looking at eight bytes at a time and
/// at single bytes only in a word `word_may_hold` flags (it must flag every word that
/// holds such a byte). For the scans every file passes through: its depth, and the
/// escapes of its canonical form.
pub(crate) fn find_byte(
    bytes: &[u8],
    word_may_hold: impl Fn(u64) -> bool,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut offset = 0;
    for chunk in bytes.chunks_exact(8) {
        // Cannot fail: `chunks_exact(8)` gives eight bytes.
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if word_may_hold(word) {
            break;
        }
        offset += 8;
    }
    bytes[offset..]
        .iter()
        .position(|&b| is(b))
        .map(|p| offset + p)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `word` is `b` (the zero-byte test on `word ^ b…b`; exact).
pub(crate) fn word_has_byte(word: u64, b: u8) -> bool {
    let x = word ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Whether any byte of `word` is below `n`, for `n` up to 128 (exact).
pub(crate) fn word_has_byte_below(word: u64, n: u8) -> bool {
    debug_assert!(n <= 128);
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS != 0
}

/// True for exactly 64 lower-case hexadecimal digits (a SHA-256 in hex).
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// True for `sha256:` followed by [`is_sha256_hex`]: every digest and key fingerprint.
pub fn is_sha256_digest(s: &str) -> bool {
    s.strip_prefix(SHA256_PREFIX).is_some_and(is_sha256_hex)
}

/// The text with its first letter in capitals (`different content` → `Different content`):
/// how the page shows a label the CLI prints in capitals.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number with exactly `places` decimals (`2.0`, `1.5`), rounded half away from zero;
/// empty when not finite. Integer arithmetic only, so the page carries no float
/// formatter; exact for the scores and answers shown (a few decimals, far below 2^53).
pub fn decimal(x: f64, places: u32) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let scale = 10i64.pow(places.min(9));
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let (whole, frac) = (n / scale as u64, n % scale as u64);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}

/// [`decimal`] with trailing zeros (and a bare point) dropped: `12.5`, `3`, `0.25`.
pub fn short_decimal(x: f64, max_places: u32) -> String {
    let s = decimal(x, max_places);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Cuts text to `max` characters, ending with an ellipsis when cut.
pub fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_exactly_controls_and_bidi_marks() {
        for c in [
            '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{202a}', '\u{202e}', '\u{2066}',
            '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        ] {
            assert!(is_unsafe_char(c), "{c:?} is unsafe");
        }
        for c in [
            '\n', '\t', '\r', 'a', 'é', '\u{2029}', '\u{200d}', '\u{2065}', '\u{2070}', '\u{202f}',
            '\u{61b}',
        ] {
            assert!(!is_unsafe_char(c), "{c:?} is allowed");
        }
    }

    #[test]
    fn printable_escapes_unsafe_characters_and_line_breaks_only() {
        assert_eq!(
            printable("a\nb\tc\u{202e}d\u{1b}[31m é"),
            "a\\u{a}b\\u{9}c\\u{202e}d\\u{1b}[31m é"
        );
        assert_eq!(printable("plain <b>text</b>"), "plain <b>text</b>");
    }

    #[test]
    fn quoted_text_is_cut_at_the_limit() {
        let exact = "x".repeat(MAX_QUOTED_CHARS);
        assert_eq!(quoted(&exact), exact);
        let longer = "x".repeat(MAX_QUOTED_CHARS + 1);
        assert_eq!(quoted(&longer), format!("{exact}…"));
    }

    #[test]
    fn text_limits_are_exact() {
        assert!(check_text("f", &"a".repeat(MAX_TEXT_CHARS)).is_ok());
        assert_eq!(
            check_text("f", &"a".repeat(MAX_TEXT_CHARS + 1)),
            Err(TextError::TooLong { field: "f".into() })
        );
        assert_eq!(
            check_text("notes", "a\u{202e}b"),
            Err(TextError::Unsafe {
                field: "notes".into()
            })
        );
        assert!(check_text("f", "line\nbreak\ttab\r").is_ok());
        // The limit counts characters, not bytes.
        assert!(check_text("f", &"é".repeat(MAX_TEXT_CHARS)).is_ok());
        assert!(check_text("f", &"é".repeat(MAX_TEXT_CHARS + 1)).is_err());
    }

    #[test]
    fn the_ascii_shortcut_refuses_exactly_what_the_character_rule_refuses() {
        for b in 0u8..0x80 {
            let s = format!("ok {} ok", char::from(b));
            assert_eq!(
                check_text("f", &s).is_err(),
                is_unsafe_char(char::from(b)),
                "{b:#04x}"
            );
        }
        // Non-ASCII text takes the character rule: C1 controls and bidi marks.
        for c in ['\u{85}', '\u{9f}', '\u{200e}', '\u{2066}', '\u{61c}'] {
            assert!(check_text("f", &format!("é{c}")).is_err(), "{c:?}");
        }
        // Unsafe before too long, and the field is named only when refused.
        let long_and_unsafe = format!("{}\u{0}", "a".repeat(MAX_TEXT_CHARS));
        assert_eq!(
            check_text_in(&long_and_unsafe, || "notes of x".into()),
            Err(TextError::Unsafe {
                field: "notes of x".into()
            })
        );
        assert!(check_text_in("fine", || unreachable!("named only when refused")).is_ok());
    }

    #[test]
    fn word_tests_flag_exactly_the_words_that_hold_the_bytes() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Bytes from a small range, so hits and near misses are common.
            let bytes: [u8; 8] = (seed.wrapping_mul(0x2545_f491_4f6c_dd1d)).to_le_bytes();
            let word = u64::from_le_bytes(bytes.map(|b| b % 40 + if b > 200 { 80 } else { 0 }));
            let bytes = word.to_le_bytes();
            for b in [b'"', b'\\', 0, 31, 32] {
                assert_eq!(word_has_byte(word, b), bytes.contains(&b), "{bytes:?} {b}");
            }
            for n in [1, 0x20, 0x21, 128] {
                assert_eq!(
                    word_has_byte_below(word, n),
                    bytes.iter().any(|&b| b < n),
                    "{bytes:?} < {n}"
                );
            }
            assert_eq!(
                find_byte(&bytes, |w| word_has_byte(w, b'"'), |b| b == b'"'),
                bytes.iter().position(|&b| b == b'"')
            );
        }
    }

    #[test]
    fn digests_are_prefix_and_64_lower_hex_digits() {
        let hex = "0123456789abcdef".repeat(4);
        assert!(is_sha256_digest(&format!("sha256:{hex}")));
        assert!(!is_sha256_digest(&format!("sha256:{}", hex.to_uppercase())));
        assert!(!is_sha256_digest(&format!("sha256:{}", &hex[1..])));
        assert!(!is_sha256_digest(&format!("sha256:{hex}0")));
        assert!(!is_sha256_digest(&format!("sha512:{hex}")));
        assert!(!is_sha256_digest(&format!("sha256:{}g", &hex[1..])));
        assert!(is_sha256_hex(&hex));
    }

    #[test]
    fn capitalised_changes_only_the_first_letter() {
        assert_eq!(capitalised("different content"), "Different content");
        assert_eq!(capitalised("émis"), "Émis");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn decimals_without_a_float_formatter() {
        assert_eq!(decimal(2.0, 1), "2.0");
        assert_eq!(decimal(1.25, 1), "1.3");
        assert_eq!(decimal(0.05, 1), "0.1");
        assert_eq!(decimal(-0.04, 1), "0.0");
        assert_eq!(decimal(-1.26, 1), "-1.3");
        assert_eq!(decimal(3.0, 0), "3");
        assert_eq!(decimal(f64::NAN, 1), "");
        assert_eq!(short_decimal(12.5, 6), "12.5");
        assert_eq!(short_decimal(30.0, 6), "30");
        assert_eq!(short_decimal(0.25, 6), "0.25");
        assert_eq!(short_decimal(1.0 / 3.0, 6), "0.333333");
        for x in [0.0, 0.1, 0.2, 1.7, 2.4, 3.9, 4.0] {
            assert_eq!(decimal(x, 1), format!("{x:.1}"), "{x}");
        }
    }

    #[test]
    fn safe_names_and_fitting() {
        assert_eq!(safe_name("a\u{202e}b.json"), "a\u{fffd}b.json");
        assert_eq!(safe_name("plain.json"), "plain.json");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abcd", 4), "abcd");
    }
}
