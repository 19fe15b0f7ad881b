//! RFC 8785 canonical JSON as verification computes it (`integrity::canonical_json`, one
//! pass over parsed JSON): the RFC's own examples, and byte-for-byte agreement with the
//! generic canonicaliser (`integrity::canonical_bytes`) on any JSON value.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use vendor_readiness::integrity::{canonical_bytes, canonical_json};

fn canonical(value: &Value) -> String {
    let fast = canonical_json(value);
    assert_eq!(
        fast,
        canonical_bytes(value).unwrap(),
        "both canonicalisers agree"
    );
    String::from_utf8(fast).unwrap()
}

#[test]
fn the_rfc_8785_example() {
    // RFC 8785, section 3.2.2 (input) and 3.2.3 (output).
    let input = r#"{
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
    }"#;
    let value: Value = serde_json::from_str(input).unwrap();
    assert_eq!(
        canonical(&value),
        r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
    );
}

#[test]
fn member_names_sort_by_utf16_code_units() {
    // RFC 8785, section 3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB33.
    let value = json!({
        "\u{20ac}": "Euro Sign",
        "\r": "Carriage Return",
        "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\u{1f600}": "Emoji: Grinning Face",
        "\u{80}": "Control",
        "\u{f6}": "Latin Small Letter O With Diaeresis"
    });
    let names: Vec<Value> = {
        let text = canonical(&value);
        let parsed: Map<String, Value> = serde_json::from_str(&text).unwrap();
        // Read the names back in written order (serde_json's map would sort them).
        let mut order: Vec<(usize, String)> = parsed
            .keys()
            .map(|k| {
                (
                    text.find(&format!("{}:", Value::from(k.as_str()))).unwrap(),
                    k.clone(),
                )
            })
            .collect();
        order.sort();
        order.into_iter().map(|(_, k)| Value::from(k)).collect()
    };
    assert_eq!(
        names,
        [
            "\r",
            "1",
            "\u{80}",
            "\u{f6}",
            "\u{20ac}",
            "\u{1f600}",
            "\u{fb33}"
        ]
    );
}

#[test]
fn numbers_are_written_as_ecmascript_writes_them() {
    // RFC 8785, appendix B.
    let cases: [(u64, &str); 24] = [
        (0x0000000000000000, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ];
    for (bits, expected) in cases {
        let value = json!([f64::from_bits(bits)]);
        assert_eq!(canonical(&value), format!("[{expected}]"), "{bits:#018x}");
    }
    // Integers as parsed (not floats) are doubles too.
    let ints: Value = serde_json::from_str("[0, -0, 1, -1, 9007199254740991, 100, 1e2]").unwrap();
    assert_eq!(canonical(&ints), "[0,0,1,-1,9007199254740991,100,100]");
}

#[test]
fn strings_escape_only_what_rfc_8785_escapes() {
    let all_controls: String = (0u8..0x20).map(char::from).collect();
    let value = json!([
        all_controls,
        "\u{7f}\u{80}\u{2028}\u{2029}/<>&'\"\\",
        "\u{1f600}\u{fffd}\u{e000}"
    ]);
    assert_eq!(
        canonical(&value),
        concat!(
            r#"["\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#,
            r#"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c"#,
            r#"\u001d\u001e\u001f","#,
            "\"\u{7f}\u{80}\u{2028}\u{2029}/<>&'\\\"\\\\\",",
            "\"\u{1f600}\u{fffd}\u{e000}\"]"
        )
    );
}

/// Strings that exercise escapes and the UTF-16 order: ASCII, controls, and characters
/// on both sides of the surrogate range.
fn tricky_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-z0-9_.]{0,6}",
        1 => proptest::char::range('\u{0}', '\u{1f}').prop_map(String::from),
        1 => Just("\"\\/".to_owned()),
        1 => proptest::char::range('\u{80}', '\u{7ff}').prop_map(String::from),
        1 => proptest::char::range('\u{d7f0}', '\u{d7ff}').prop_map(String::from),
        1 => proptest::char::range('\u{e000}', '\u{ffff}').prop_map(String::from),
        1 => proptest::char::range('\u{10000}', '\u{10ffff}').prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..4).prop_map(|p| p.concat())
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i32>().prop_map(Value::from),
        (-(1i64 << 53) + 1..(1i64 << 53)).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        (-30i32..30, -1000.0f64..1000.0).prop_map(|(e, m)| Value::from(m * 10f64.powi(e))),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((tricky_string(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn agrees_with_the_generic_canonicaliser(value in json_value()) {
        prop_assert_eq!(
            String::from_utf8(canonical_json(&value)).unwrap(),
            String::from_utf8(canonical_bytes(&value).unwrap()).unwrap()
        );
    }

    #[test]
    fn agrees_on_parsed_text(value in json_value()) {
        // As verification sees it: text parsed back, numbers as serde_json reads them.
        let parsed: Value = serde_json::from_str(&value.to_string()).unwrap();
        prop_assert_eq!(canonical_json(&parsed), canonical_bytes(&parsed).unwrap());
    }
}
