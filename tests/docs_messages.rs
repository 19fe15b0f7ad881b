//! The buyer's documentation lists every message verification and the verdict can give:
//! a new or reworded `Problem` or `Reason` fails here until docs/buyer.md shows it.

use vendor_readiness::core::buyer::compare::Reason;

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

#[test]
fn every_verification_and_verdict_message_is_in_the_buyers_guide() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/buyer.md"))
        .expect("docs/buyer.md");
    let spans = quoted_spans(&doc);
    let missing: Vec<String> = Reason::examples()
        .iter()
        .map(ToString::to_string)
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
