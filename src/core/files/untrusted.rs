//! The one loader for untrusted files. Every file the app or the CLI reads — score,
//! answers, buyer profile, signing key — passes here first:
//!
//! 1. the size limit of its kind, before anything is parsed;
//! 2. not empty, UTF-8;
//! 3. the nesting depth, counted without parsing so a hostile file cannot exhaust the
//!    stack;
//! 4. JSON with repeated keys refused anywhere (parsers disagree on which copy wins) and
//!    integers from 2^53 up refused (they have no exact JSON number, so RFC 8785 would
//!    hash two values alike);
//! 5. the `format` member is one of the kind's formats, and `format_version` one this
//!    build reads.
//!
//! A format then declares only its types ([`decode`]) and its own checks.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::error::FileError;
use crate::core::text;

/// One file format: its `format` name and the `format_version` this build reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    /// The `format` member.
    pub name: &'static str,
    /// The `format_version` read.
    pub version: u32,
    /// Whether a file may leave `format_version` out (key files made before it existed).
    pub version_optional: bool,
}

/// A kind of file: what it is called in messages, its formats and its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// What a file of this kind is, for "not …" messages, e.g. "a buyer profile file".
    pub description: &'static str,
    /// The formats accepted.
    pub formats: &'static [Format],
    /// Largest file accepted, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects accepted.
    pub max_depth: usize,
}

/// A file that passed the general checks: its format and its JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The format it declares.
    pub format: &'static str,
    /// Its JSON, duplicate-free.
    pub value: Value,
}

/// Checks a file's size before it is read at all (the CLI and the page know the size
/// first).
pub fn check_size(size: u64, kind: &Kind) -> Result<(), FileError> {
    if size > kind.max_bytes as u64 {
        Err(FileError::TooLarge {
            size,
            limit: kind.max_bytes as u64,
        })
    } else {
        Ok(())
    }
}

/// Applies every general check to the bytes of a file of `kind`.
pub fn read(bytes: &[u8], kind: &Kind) -> Result<Document, FileError> {
    check_size(bytes.len() as u64, kind)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| FileError::NotJson("not UTF-8 text".into()))?;
    if json_depth(text) > kind.max_depth {
        return Err(FileError::TooDeep(kind.max_depth));
    }
    let value = serde_json::from_str::<UniqueKeys>(text)
        .map_err(|e| FileError::NotJson(text::quoted(&e.to_string())))?
        .0;
    let found = value
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let format = kind
        .formats
        .iter()
        .find(|f| f.name == found)
        .ok_or_else(|| FileError::UnknownFormat {
            found: text::quoted(found),
            expected: kind.description,
        })?;
    match value.get("format_version") {
        None if format.version_optional => {}
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(format.version)) => {}
        other => {
            return Err(FileError::UnsupportedVersion {
                found: other.map_or("missing".into(), |v| text::quoted(&v.to_string())),
                supported: format.version,
            })
        }
    }
    Ok(Document {
        format: format.name,
        value,
    })
}

/// Turns checked JSON into a format's types; a mismatch is [`FileError::Malformed`].
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, FileError> {
    serde_json::from_value(value).map_err(|e| FileError::Malformed(text::quoted(&e.to_string())))
}

/// Deepest nesting of arrays and objects, counted without parsing.
///
/// Brackets inside strings do not count; a backslash in a string hides the byte after
/// it. Strings are skipped eight bytes at a time up to their next `"` or `\\`, since
/// every file read passes here first.
pub fn json_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    // From one byte that matters (a quote or a bracket) to the next, skipping the rest.
    while let Some(at) = find_structure(&bytes[i..]) {
        i += at;
        match bytes[i] {
            b'"' => {
                // Inside a string: to the closing quote, hopping over escaped bytes.
                i += 1;
                loop {
                    match find_quote_or_backslash(&bytes[i.min(bytes.len())..]) {
                        None => return max,
                        Some(at) if bytes[i + at] == b'\\' => i += at + 2,
                        Some(at) => {
                            i += at;
                            break;
                        }
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            _ => depth = depth.saturating_sub(1),
        }
        i += 1;
    }
    max
}

/// The position of the first `"`, `[`, `]`, `{` or `}` in `bytes`. Setting bit 5 of a
/// byte turns `[` into `{` and `]` into `}` and no other byte into either.
fn find_structure(bytes: &[u8]) -> Option<usize> {
    const BIT5: u64 = 0x2020_2020_2020_2020;
    text::find_byte(
        bytes,
        |w| {
            text::word_has_byte(w, b'"')
                || text::word_has_byte(w | BIT5, b'{')
                || text::word_has_byte(w | BIT5, b'}')
        },
        |b| matches!(b, b'"' | b'[' | b']' | b'{' | b'}'),
    )
}

/// The position of the first `"` or `\\` in `bytes`.
fn find_quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    text::find_byte(
        bytes,
        |w| text::word_has_byte(w, b'"') || text::word_has_byte(w, b'\\'),
        |b| b == b'"' || b == b'\\',
    )
}

/// A JSON value parsed with duplicate object keys refused anywhere in the document and
/// integers from 2^53 up refused.
pub struct UniqueKeys(pub Value);

impl<'de> Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeysVisitor).map(UniqueKeys)
    }
}

struct UniqueKeysVisitor;

fn exact_integer<E: serde::de::Error>(magnitude: u64) -> Result<(), E> {
    if magnitude >= (1u64 << 53) {
        Err(E::custom(format_args!(
            "integer {magnitude} is too large to be represented exactly"
        )))
    } else {
        Ok(())
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeysVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
        exact_integer(v.unsigned_abs())?;
        Ok(Value::from(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
        exact_integer(v)?;
        Ok(Value::from(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(UniqueKeys(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some((key, UniqueKeys(v))) = map.next_entry::<String, UniqueKeys>()? {
            match out.entry(key) {
                serde_json::map::Entry::Occupied(taken) => {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate key {:?}",
                        taken.key()
                    )));
                }
                serde_json::map::Entry::Vacant(free) => {
                    free.insert(v);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_json_cannot_hold_is_refused_in_the_visitors_words() {
        // JSON reaches every visit method but `expecting`; a format with bytes does not.
        let bytes = serde::de::value::BytesDeserializer::<serde::de::value::Error>::new(b"x");
        let refused = UniqueKeys::deserialize(bytes).err().unwrap().to_string();
        assert!(refused.contains("any JSON value"), "{refused}");
    }

    const KIND: Kind = Kind {
        description: "a test file",
        formats: &[
            Format {
                name: "a",
                version: 1,
                version_optional: false,
            },
            Format {
                name: "k",
                version: 1,
                version_optional: true,
            },
        ],
        max_bytes: 64,
        max_depth: 3,
    };

    #[test]
    fn depth_ignores_brackets_inside_strings_and_escapes() {
        assert_eq!(json_depth(r#"{"a":"[[[{{{"}"#), 1);
        assert_eq!(json_depth(r#"{"a":"\"[[["}"#), 1);
        assert_eq!(json_depth(r#"{"a":"\\","b":[[1]]}"#), 3);
        assert_eq!(json_depth(r#"[[],[[]]]"#), 3);
        assert_eq!(json_depth(r#"]]]]{"#), 1);
        assert_eq!(json_depth(""), 0);
    }

    /// The byte-at-a-time count `json_depth` must agree with.
    fn reference_depth(text: &str) -> usize {
        let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
        for b in text.bytes() {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    max = max.max(depth);
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        max
    }

    #[test]
    fn depth_agrees_with_the_byte_at_a_time_count() {
        let alphabet = [
            '"', '\\', '[', ']', '{', '}', 'a', ' ', 'é', 'K', 'k', '_', ';',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for case in 0..20_000 {
            let len = case % 48;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(json_depth(&text), reference_depth(&text), "{text:?}");
        }
        let long_string = format!("[{{\"a\":\"{}\\\"[[\"}}]", "x".repeat(100));
        assert_eq!(json_depth(&long_string), reference_depth(&long_string));
    }

    #[test]
    fn limits_apply_before_parsing_and_exactly() {
        let at_limit = format!(
            r#"{{"format":"a","format_version":1,"x":"{}"}}"#,
            "y".repeat(64 - 40)
        );
        assert_eq!(at_limit.len(), 64);
        assert!(read(at_limit.as_bytes(), &KIND).is_ok());
        let over = format!("{at_limit} ");
        assert_eq!(
            read(over.as_bytes(), &KIND),
            Err(FileError::TooLarge {
                size: 65,
                limit: 64
            })
        );
        assert_eq!(read(b"  \n", &KIND), Err(FileError::Empty));
        assert!(matches!(read(b"\xff{}", &KIND), Err(FileError::NotJson(_))));
        assert_eq!(read(br#"{"a":[[[1]]]}"#, &KIND), Err(FileError::TooDeep(3)));
        assert!(read(br#"{"format":"a","format_version":1,"a":[[1]]}"#, &KIND).is_ok());
    }

    #[test]
    fn repeated_keys_and_inexact_integers_are_refused() {
        let dup = read(
            br#"{"format":"a","format_version":1,"x":{"y":1,"y":2}}"#,
            &KIND,
        );
        assert!(matches!(dup, Err(FileError::NotJson(m)) if m.contains("duplicate key \"y\"")));
        let big = read(
            br#"{"format":"a","format_version":1,"x":9007199254740992}"#,
            &KIND,
        );
        assert!(matches!(big, Err(FileError::NotJson(m)) if m.contains("too large")));
        let neg = read(
            br#"{"format":"a","format_version":1,"x":-9007199254740992}"#,
            &KIND,
        );
        assert!(matches!(neg, Err(FileError::NotJson(_))));
        assert!(read(
            br#"{"format":"a","format_version":1,"x":9007199254740991}"#,
            &KIND
        )
        .is_ok());
    }

    #[test]
    fn format_and_version_are_checked() {
        let other = read(br#"{"format":"zz<\u202e>","format_version":1}"#, &KIND);
        assert_eq!(
            other,
            Err(FileError::UnknownFormat {
                found: "zz<\\u{202e}>".into(),
                expected: "a test file"
            })
        );
        assert_eq!(
            read(br#"{"format":"a"}"#, &KIND),
            Err(FileError::UnsupportedVersion {
                found: "missing".into(),
                supported: 1
            })
        );
        assert_eq!(
            read(br#"{"format":"a","format_version":"1"}"#, &KIND),
            Err(FileError::UnsupportedVersion {
                found: "\"1\"".into(),
                supported: 1
            })
        );
        assert_eq!(read(br#"{"format":"k"}"#, &KIND).map(|d| d.format), Ok("k"));
        assert!(read(br#"{"format":"k","format_version":2}"#, &KIND).is_err());
    }
}
