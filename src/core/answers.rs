//! Answers as a vendor gives them: a value per question id, with notes and evidence.
//!
//! In files a value is a JSON string (a choice id such as `"yes"`), a JSON number, or
//! the string `"n/a"`; `null` or absence means not answered yet.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The reserved answer meaning "not applicable".
pub const NOT_APPLICABLE: &str = "n/a";

/// One answer value.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// The question does not apply to this vendor.
    NotApplicable,
    /// A choice id (`yes`/`partly`/`no` or a choice option id).
    Choice(String),
    /// A number, e.g. days.
    Number(f64),
}

impl Serialize for AnswerValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::NotApplicable => s.serialize_str(NOT_APPLICABLE),
            AnswerValue::Choice(c) => s.serialize_str(c),
            AnswerValue::Number(n) => s.serialize_f64(*n),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    /// A number or a string. Anything else is read whole and then refused with the
    /// message serde gives an untagged `enum Raw { Number(f64), Text(String) }` (what this
    /// used to be), so messages, and the positions serde_json adds to them, stay the same.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnswerValueVisitor)?
            .ok_or_else(|| de::Error::custom("data did not match any variant of untagged enum Raw"))
    }
}

/// Reads an answer value: `None` for JSON that is not one (refused by the caller, outside
/// the deserializer, as the untagged enum did).
struct AnswerValueVisitor;

impl<'de> Visitor<'de> for AnswerValueVisitor {
    type Value = Option<AnswerValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or a string")
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(AnswerValue::Number(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(AnswerValue::Number(v as f64)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(AnswerValue::Number(v as f64)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(if v == NOT_APPLICABLE {
            AnswerValue::NotApplicable
        } else {
            AnswerValue::Choice(v.to_owned())
        }))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(if v == NOT_APPLICABLE {
            AnswerValue::NotApplicable
        } else {
            AnswerValue::Choice(v)
        }))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        de::IgnoredAny::deserialize(d).map(|_| None)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(None)
    }
}

impl AnswerValue {
    /// The option id, for a choice.
    pub fn choice(&self) -> Option<&str> {
        match self {
            AnswerValue::Choice(c) => Some(c),
            _ => None,
        }
    }
}

impl fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerValue::NotApplicable => f.write_str("not applicable"),
            AnswerValue::Choice(c) => f.write_str(c),
            AnswerValue::Number(n) => write!(f, "{n}"),
        }
    }
}

/// A piece of evidence: a link, or a local file recorded by name, size and hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What the evidence is.
    pub label: String,
    /// A link to it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A local file, recorded but never uploaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FileEvidence>,
}

/// A local evidence file, identified by its SHA-256.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEvidence {
    /// File name as the vendor had it.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of the bytes.
    pub sha256: String,
}

impl FileEvidence {
    /// Records a local file by name, size and SHA-256; the bytes themselves are not kept.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Self {
        let mut hash = crate::core::integrity::StreamingSha256::new();
        hash.update(bytes);
        FileEvidence::from_stream(name, hash)
    }

    /// Records a file hashed piece by piece.
    pub fn from_stream(name: &str, hash: crate::core::integrity::StreamingSha256) -> Self {
        FileEvidence {
            name: name.to_owned(),
            size: hash.len(),
            sha256: hash.finish(),
        }
    }
}

/// The schemes a link may have, with their `//`: http or https only, so a file can never
/// smuggle a `javascript:` or `data:` link into a buyer's page or an export.
pub const WEB_SCHEMES: [&str; 2] = ["https://", "http://"];

/// A web link's scheme (one of [`WEB_SCHEMES`]) and the rest after it; `None` for any
/// other URL. The one scheme rule for links on the page and URIs in the exports.
pub fn web_scheme(url: &str) -> Option<(&'static str, &str)> {
    WEB_SCHEMES
        .into_iter()
        .find_map(|s| url.strip_prefix(s).map(|rest| (s, rest)))
}

/// Whether a URL may be rendered as a link ([`web_scheme`]).
pub fn is_web_link(url: &str) -> bool {
    web_scheme(url).is_some()
}

impl Evidence {
    /// The URL if it is safe to render as a link ([`is_web_link`]).
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().filter(|u| is_web_link(u))
    }

    /// Link evidence as typed into the form: the URL must be a web link; an empty label
    /// becomes the URL.
    pub fn from_link(label: &str, url: &str) -> Result<Evidence, String> {
        let url = url.trim();
        if !is_web_link(url) {
            return Err(format!(
                "Links must start with {}",
                WEB_SCHEMES.join(" or ")
            ));
        }
        let label = label.trim();
        Ok(Evidence {
            label: if label.is_empty() { url } else { label }.to_owned(),
            url: Some(url.to_owned()),
            file: None,
        })
    }
}

/// Everything recorded for one question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerEntry {
    /// The answer, or `None` if not answered yet.
    #[serde(default)]
    pub value: Option<AnswerValue>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Supporting evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl AnswerEntry {
    /// An entry holding only a value.
    pub fn with_value(value: AnswerValue) -> Self {
        AnswerEntry {
            value: Some(value),
            ..Default::default()
        }
    }

    /// True when nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.notes.is_empty() && self.evidence.is_empty()
    }
}

/// Answers keyed by question id. Duplicate keys in a file are an error, not "last wins".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, AnswerEntry>);

impl Answers {
    /// The value given for a question, if any.
    pub fn value(&self, id: &str) -> Option<&AnswerValue> {
        self.0.get(id).and_then(|e| e.value.as_ref())
    }

    /// Sets (or clears) the value of a question, keeping notes and evidence.
    pub fn set_value(&mut self, id: &str, value: Option<AnswerValue>) {
        let entry = self.0.entry(id.to_owned()).or_default();
        entry.value = value;
        if entry.is_empty() {
            self.0.remove(id);
        }
    }

    /// The entry of a question, created if missing.
    pub fn entry_mut(&mut self, id: &str) -> &mut AnswerEntry {
        self.0.entry(id.to_owned()).or_default()
    }

    /// Removes entries with nothing in them.
    pub fn prune(&mut self) {
        self.0.retain(|_, e| !e.is_empty());
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NoDuplicates;
        impl<'de> Visitor<'de> for NoDuplicates {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of answers keyed by question id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, AnswerEntry>()? {
                    match out.entry(k) {
                        std::collections::btree_map::Entry::Occupied(taken) => {
                            return Err(de::Error::custom(format_args!(
                                "question id {:?} is answered twice",
                                taken.key()
                            )));
                        }
                        std::collections::btree_map::Entry::Vacant(free) => {
                            free.insert(v);
                        }
                    }
                }
                Ok(Answers(out))
            }
        }
        d.deserialize_map(NoDuplicates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_link_must_be_a_web_link_and_the_message_names_the_schemes() {
        let e = Evidence::from_link("  ", " https://example.com/vdp ").unwrap();
        assert_eq!(
            (e.label.as_str(), e.link()),
            ("https://example.com/vdp", e.url.as_deref())
        );
        for url in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://example.com",
            "",
        ] {
            assert_eq!(
                Evidence::from_link("x", url).unwrap_err(),
                "Links must start with https:// or http://",
                "{url}"
            );
        }
    }

    #[test]
    fn only_a_web_url_is_a_link_and_only_a_choice_has_an_option_id() {
        let evidence = |url: &str| Evidence {
            label: "policy".into(),
            url: Some(url.into()),
            file: None,
        };
        assert_eq!(
            evidence("https://example.com/vdp").link(),
            Some("https://example.com/vdp")
        );
        assert_eq!(evidence("javascript:alert(1)").link(), None);
        assert_eq!(
            AnswerValue::Choice("partly".into()).choice(),
            Some("partly")
        );
        assert_eq!(AnswerValue::Number(3.0).choice(), None);
        assert_eq!(AnswerValue::NotApplicable.choice(), None);
        let entry = AnswerEntry::with_value(AnswerValue::Number(30.0));
        assert_eq!(entry.value, Some(AnswerValue::Number(30.0)));
        assert!(!entry.is_empty());
    }

    #[test]
    fn a_value_of_a_kind_no_answer_has_is_refused_in_the_visitors_words() {
        // JSON never reaches `expecting` (every JSON kind has a visit method here); a
        // format with bytes does.
        let bytes = serde::de::value::BytesDeserializer::<serde::de::value::Error>::new(b"x");
        let refused = AnswerValue::deserialize(bytes).unwrap_err().to_string();
        assert!(refused.contains("a number or a string"), "{refused}");
        let not_a_map = serde_json::from_str::<Answers>("5")
            .unwrap_err()
            .to_string();
        assert!(
            not_a_map.contains("an object of answers keyed by question id"),
            "{not_a_map}"
        );
    }

    /// How answer values were read before they had their own visitor.
    #[derive(Debug, PartialEq)]
    struct Untagged(AnswerValue);

    impl<'de> Deserialize<'de> for Untagged {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            #[derive(Deserialize)]
            #[serde(untagged)]
            enum Raw {
                Number(f64),
                Text(String),
            }
            Ok(Untagged(match Raw::deserialize(d)? {
                Raw::Number(n) => AnswerValue::Number(n),
                Raw::Text(t) if t == NOT_APPLICABLE => AnswerValue::NotApplicable,
                Raw::Text(t) => AnswerValue::Choice(t),
            }))
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields, bound = "V: Deserialize<'de>")]
    struct Entry<V> {
        #[serde(default)]
        value: Option<V>,
        #[serde(default)]
        notes: String,
    }

    #[test]
    fn values_and_messages_are_those_of_the_untagged_enum() {
        let values = [
            "1",
            "-0",
            "-7",
            "2.5",
            "1e3",
            "18446744073709551615",
            "\"yes\"",
            "\"n/a\"",
            "\"N/A\"",
            "\"\\u0041\"",
            "\"\"",
            "true",
            "false",
            "null",
            "[]",
            "[1, [2, {}]]",
            "{}",
            "{\"a\": [true, null]}",
            "1e400",
            "\"open",
            "[1,",
        ];
        for v in values {
            let new = serde_json::from_str::<AnswerValue>(v).map_err(|e| e.to_string());
            let old = serde_json::from_str::<Untagged>(v).map_err(|e| e.to_string());
            assert_eq!(new, old.map(|u| u.0), "text {v}");
            // Inside an entry, with more after it: the same positions in messages.
            let entry = format!("{{\n  \"value\": {v},\n  \"notes\": \"x\"\n}}");
            let new = serde_json::from_str::<Entry<AnswerValue>>(&entry).map_err(|e| e.to_string());
            let old = serde_json::from_str::<Entry<Untagged>>(&entry).map_err(|e| e.to_string());
            assert_eq!(
                new,
                old.map(|e| Entry {
                    value: e.value.map(|u| u.0),
                    notes: e.notes
                }),
                "{entry}"
            );
            // From parsed JSON, as files are decoded.
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(&entry) {
                let new = serde_json::from_value::<Entry<AnswerValue>>(value.clone())
                    .map_err(|e| e.to_string());
                let old =
                    serde_json::from_value::<Entry<Untagged>>(value).map_err(|e| e.to_string());
                assert_eq!(
                    new,
                    old.map(|e| Entry {
                        value: e.value.map(|u| u.0),
                        notes: e.notes
                    }),
                    "value {v}"
                );
            }
        }
    }
}
