//! The buyer's documentation lists every message verification and the verdict can give:
//! a new or reworded `Problem`, `Reason` or `Finding` (what `verify` lists after the
//! status) fails here until docs/buyer.md shows it. The example lists cover every variant
//! by construction (`core::examples`), and the CLI lines the guide shows must be made of
//! these phrases.

use vendor_readiness::core::buyer::compare::Reason;
use vendor_readiness::core::verify::{Finding, KeyPinState};

/// A message's fixed words, with every placeholder (`{name}`) and number as a gap that
/// any text fills in the docs' example.
fn pattern(message: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            for d in chars.by_ref() {
                if d == '}' {
                    break;
                }
            }
            parts.push(String::new());
        } else if c.is_ascii_digit() {
            while chars
                .peek()
                .is_some_and(|d| d.is_ascii_digit() || *d == '.')
            {
                chars.next();
            }
            parts.push(String::new());
        } else {
            parts.last_mut().expect("one part").push(c);
        }
    }
    parts
}

/// Whether `text` is the parts in order with something (or nothing, at the ends)
/// between them.
fn matches(parts: &[String], text: &str) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    let Some(mut text) = text.strip_prefix(first.as_str()) else {
        return false;
    };
    for (i, part) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        if last {
            return text.len() > part.len() && text.ends_with(part.as_str());
        }
        // The gap is at least one character; take the first place the next part fits.
        let Some(at) = text
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .find(|&i| text[i..].starts_with(part.as_str()))
        else {
            return false;
        };
        text = &text[at + part.len()..];
    }
    text.is_empty()
}

fn quoted_spans(doc: &str) -> Vec<&str> {
    doc.split('`').skip(1).step_by(2).collect()
}

fn buyers_guide() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/buyer.md"))
        .expect("docs/buyer.md")
}

/// Whether `text` is one or more of the patterns joined by `; ` (a phrase may itself hold
/// `; `, so every split is tried).
fn phrases(patterns: &[Vec<String>], text: &str) -> bool {
    if patterns.iter().any(|p| matches(p, text)) {
        return true;
    }
    text.match_indices("; ").any(|(at, sep)| {
        patterns.iter().any(|p| matches(p, &text[..at]))
            && phrases(patterns, &text[at + sep.len()..])
    })
}

#[test]
fn every_verification_and_verdict_message_is_in_the_buyers_guide() {
    let doc = buyers_guide();
    let spans = quoted_spans(&doc);
    let pins = [
        KeyPinState::Matches,
        KeyPinState::Mismatch {
            pinned: "{pinned}".into(),
            found: None,
        },
    ];
    let missing: Vec<String> = Reason::examples()
        .iter()
        .map(ToString::to_string)
        .chain(Finding::examples().iter().map(ToString::to_string))
        .chain(pins.iter().filter_map(KeyPinState::phrase))
        .filter(|message| !spans.iter().any(|s| matches(&pattern(message), s)))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/buyer.md does not quote these messages (placeholders and numbers may differ):\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_matcher_tells_a_reworded_message_apart() {
    let p = pattern("assessment is 400 days old; the maximum is 365 days");
    assert!(matches(
        &p,
        "assessment is 12 days old; the maximum is 10 days"
    ));
    assert!(!matches(
        &p,
        "assessment is 12 days old; the limit is 10 days"
    ));
    let p = pattern("signature is invalid: {reason}");
    assert!(matches(
        &p,
        "signature is invalid: signature does not match the content"
    ));
    assert!(!matches(&p, "signature is invalid: "));
    assert!(!matches(&p, "the signature is invalid: x"));
}

#[test]
fn the_guides_verify_lines_are_the_clis_own_phrases() {
    let doc = buyers_guide();
    let patterns: Vec<Vec<String>> = Finding::examples()
        .iter()
        .map(|f| pattern(&f.to_string()))
        .collect();
    let mut checked = 0;
    for line in doc.lines() {
        let Some(rest) = ["OK ", "FLAGGED "]
            .iter()
            .find_map(|status| line.strip_prefix(status))
        else {
            continue;
        };
        // `STATUS  path  findings`
        let Some((_, findings)) = rest.trim_start().split_once("  ") else {
            panic!("not a verify line: {line}");
        };
        assert!(
            phrases(&patterns, findings),
            "docs/buyer.md shows a verify line the CLI does not print:\n{line}"
        );
        checked += 1;
    }
    assert!(
        checked >= 3,
        "the guide shows verify lines ({checked} found)"
    );
    assert!(
        !phrases(&patterns, "integrity intact; signature INVALID (x)"),
        "the check tells an old line apart"
    );
}
