//! What the CycloneDX and OSCAL exports share: the input both are made from
//! ([`ExportInput`]: a verified score file, an answers file, or the assessment open in the
//! page) and the rules that keep every value they write valid in its format: name-based
//! UUIDs, URIs, date-times and one-line strings.
//!
//! Nothing here reads a clock or draws a random number: the same input (and the same
//! `now`, where one is needed) always gives the same bytes.

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use super::answer_label;
use crate::core::answers::{web_scheme, AnswerEntry, Answers};
use crate::core::assessment::{Assessment, VendorProfile};
use crate::core::files::score_file::QuestionnaireRef;
use crate::core::integrity::{self, SignatureState};
use crate::core::open::{Loaded, LoadedAnswers};
use crate::core::questionnaire::migration::MigrationReport;
use crate::core::questionnaire::{Domain, Question, Questionnaire};
use crate::core::scoring::{self, QuestionStatus, Score, Statuses};
use crate::core::verify::{IntegrityState, VerifiedScore};

/// What a sealed score file adds to an export: the facts that tie it to the file's bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seal {
    /// The digest the file carries (`sha256:` + hex of the RFC 8785 canonical content).
    pub digest: String,
    /// Whether the content still matches that digest.
    pub integrity: IntegrityState,
    /// The signature check, with the key fingerprint when signed.
    pub signature: SignatureState,
    /// Whether the result written in the file differs from the one its answers give.
    pub edited: bool,
    /// `created` as the file writes it.
    pub created: String,
    /// The version of the app that sealed it.
    pub app_version: String,
}

/// Everything an interoperable export is made from. Score files and answers files both
/// give one; only a score file has a [`Seal`].
#[derive(Debug, Clone, PartialEq)]
pub struct ExportInput {
    /// Who is assessed.
    pub profile: VendorProfile,
    /// The answers, under the current questionnaire's ids (migrated when older).
    pub answers: Answers,
    /// The result recomputed from the answers under the current questionnaire.
    pub score: Score,
    /// The questionnaire the source answers, as it names it (before any migration).
    pub answered: QuestionnaireRef,
    /// For a score file: its digest, integrity, signature and edited state.
    pub seal: Option<Seal>,
    /// What migration did, when the source answers an older questionnaire version.
    pub migration: Option<MigrationReport>,
    /// The digest every identifier of the export is derived from: the score file's
    /// digest, or for an unsealed source the digest of its canonical content.
    pub content_digest: String,
}

impl ExportInput {
    /// The export input of a verified score file. A flagged file still exports; the
    /// export states its integrity, signature and edited state.
    pub fn from_verified(v: &VerifiedScore) -> Self {
        ExportInput {
            profile: v.content.profile.clone(),
            answers: v.content.answers.clone(),
            score: v.recomputed.clone(),
            answered: v.content.questionnaire.clone(),
            seal: Some(Seal {
                digest: v.digest.clone(),
                integrity: v.integrity.clone(),
                signature: v.signature.clone(),
                edited: v.edited,
                created: v.content.created.clone(),
                app_version: v.content.app_version.clone(),
            }),
            migration: v.migration.clone(),
            content_digest: v.digest.clone(),
        }
    }

    /// The export input of an answers file (work in progress: nothing sealed).
    pub fn from_answers(q: &Questionnaire, a: &LoadedAnswers) -> Self {
        let mut input = Self::unsealed(q, &a.file.profile, &a.file.answers);
        input.answered = a.file.questionnaire.clone();
        input.migration = a.migration.clone();
        input
    }

    /// The export input of the assessment open in the page (current questionnaire).
    pub fn from_assessment(q: &Questionnaire, a: &Assessment) -> Self {
        Self::unsealed(q, &a.profile, &a.answers)
    }

    /// The export input of any loaded file.
    pub fn from_loaded(q: &Questionnaire, loaded: &Loaded) -> Self {
        match loaded {
            Loaded::Score(v) => Self::from_verified(v),
            Loaded::Answers(a) => Self::from_answers(q, a),
        }
    }

    fn unsealed(q: &Questionnaire, profile: &VendorProfile, answers: &Answers) -> Self {
        let answered = QuestionnaireRef::of(q);
        let content = serde_json::json!({
            "questionnaire": answered,
            "profile": profile,
            "answers": answers,
        });
        // Answers hold finite numbers only, so canonicalization cannot fail in practice;
        // the fallback keeps the function total.
        let content_digest = integrity::digest_value(&content)
            .unwrap_or_else(|_| integrity::sha256_hex(content.to_string().as_bytes()));
        ExportInput {
            profile: profile.clone(),
            answers: answers.clone(),
            score: scoring::score(q, answers),
            answered,
            seal: None,
            migration: None,
            content_digest,
        }
    }

    /// "Organisation (product, product)", with placeholders for what is not given, on one
    /// line.
    pub fn subject(&self) -> String {
        let org = one_line(&self.profile.organisation);
        let products = lines(&self.profile.products).join(", ");
        match (org.is_empty(), products.is_empty()) {
            (true, true) => "an unnamed vendor".to_owned(),
            (false, true) => org,
            (true, false) => format!("an unnamed vendor ({products})"),
            (false, false) => format!("{org} ({products})"),
        }
    }

    /// The document time: the score file's `created` when it is a usable RFC 3339
    /// date-time, otherwise `now` (answers files have no time of their own).
    pub fn document_time(&self, now: OffsetDateTime) -> String {
        let created = self
            .seal
            .as_ref()
            .and_then(|s| OffsetDateTime::parse(&s.created, &Rfc3339).ok());
        utc_timestamp(created.unwrap_or(now))
    }

    /// Every scored question with its domain, entry, status and answer label, in
    /// questionnaire order.
    pub(crate) fn questions<'a>(
        &'a self,
        q: &'a Questionnaire,
        statuses: &'a Statuses,
    ) -> impl Iterator<Item = QuestionView<'a>> {
        q.domains.iter().flat_map(move |domain| {
            domain.questions.iter().map(move |question| {
                let entry = self.answers.0.get(&*question.id);
                let value = entry.and_then(|e| e.value.as_ref());
                QuestionView {
                    domain,
                    question,
                    entry,
                    status: statuses
                        .get(&*question.id)
                        .unwrap_or(&QuestionStatus::Unanswered),
                    label: value.map(|v| answer_label(question, v)),
                }
            })
        })
    }

    /// The context answers given, as (context question id, option label).
    pub(crate) fn context_answers(&self, q: &Questionnaire) -> Vec<(String, String)> {
        q.context
            .iter()
            .filter_map(|c| {
                let value = self.answers.value(&c.id)?.to_string();
                let label = c
                    .options
                    .iter()
                    .find(|o| o.id == value)
                    .map_or(value, |o| o.label.to_string());
                Some((c.id.to_string(), label))
            })
            .collect()
    }

    /// The profile's non-empty fields as (snake_case name, value on one line, the lines
    /// of a list joined by `; `).
    pub(crate) fn profile_fields(&self) -> Vec<(String, String)> {
        self.profile
            .fields()
            .filter_map(|(field, value)| {
                let name = serde_json::to_value(field).ok()?.as_str()?.to_owned();
                let value = lines(value).join("; ");
                (!value.is_empty()).then_some((name, value))
            })
            .collect()
    }

    /// One line on what migration did, for a source that answers an older version.
    pub(crate) fn migration_line(&self) -> Option<String> {
        self.migration
            .as_ref()
            .map(|m| format!("answers questionnaire {}; {}", m.from, m.summary()))
    }
}

/// One question as both exports see it.
pub(crate) struct QuestionView<'a> {
    pub domain: &'a Domain,
    pub question: &'a Question,
    pub entry: Option<&'a AnswerEntry>,
    pub status: &'a QuestionStatus,
    /// The answer's label, when there is a value.
    pub label: Option<String>,
}

impl QuestionView<'_> {
    /// The credit earned, for an answered question (not N/A).
    pub fn credit(&self) -> Option<f64> {
        match self.status {
            QuestionStatus::Answered { credit } => Some(*credit),
            _ => None,
        }
    }

    /// Whether the vendor gave an answer that counts as one: a value with a credit, or N/A.
    pub fn answered(&self) -> bool {
        matches!(
            self.status,
            QuestionStatus::Answered { .. } | QuestionStatus::NotApplicable
        )
    }

    /// The notes, when there are any.
    pub fn notes(&self) -> Option<&str> {
        self.entry.map(|e| e.notes.trim()).filter(|n| !n.is_empty())
    }

    /// What the status means for the level, in one sentence.
    pub fn meaning(&self, q: &Questionnaire) -> String {
        let label = self.label.as_deref().unwrap_or_default();
        match self.status {
            QuestionStatus::Answered { credit } => {
                let state = super::status_label(self.status);
                let mut s = format!(
                    "Answer: {label} (credit {}, {state}).",
                    super::csv_number(*credit)
                );
                if *credit > 0.0 && *credit < 1.0 {
                    if let Some(partly) = &self.question.partly {
                        s.push_str(&format!(" Partly means: {partly}"));
                    }
                }
                s
            }
            QuestionStatus::NotApplicable => {
                let mut s =
                    format!("Answer: {label} (not applicable): left out of the domain's level.");
                for gate in q.gates.iter().filter(|g| {
                    g.fires_if_any
                        .iter()
                        .any(|t| t.question == self.question.id)
                }) {
                    s.push_str(&format!(
                        " Not applicable does not pass the gate \"{}\".",
                        gate.title
                    ));
                }
                s
            }
            QuestionStatus::Unanswered => "Unanswered: counts as not met.".to_owned(),
            QuestionStatus::Hidden => {
                "Not shown, because an earlier answer does not open it: counts as not met."
                    .to_owned()
            }
            QuestionStatus::OutOfScope => {
                "Out of scope for the vendor's deployment context: left out of every count."
                    .to_owned()
            }
        }
    }
}

/// A UUID derived from the export's content digest and a path of names: the first 16
/// bytes of SHA-256 over them, with the version bits set to 5 and the variant bits to
/// RFC 4122's. (RFC 4122 version 5 hashes with SHA-1; OSCAL accepts only versions 4 and 5,
/// so the SHA-256 form carries the version-5 bits. No randomness: the same input always
/// gives the same UUID, and different paths give different ones.)
pub fn name_uuid(digest: &str, path: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(b"vendor-readiness export\0");
    h.update(digest.as_bytes());
    for part in path {
        h.update([0u8]);
        h.update(part.as_bytes());
    }
    let hash = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A web link as a URI every strict parser accepts, or `None` when it cannot be one
/// safely: only `http(s)://host[:port]` links with an ASCII host are kept; in the rest,
/// characters a URI may not hold are percent-encoded (a `%` not starting an escape
/// becomes `%25`, a second `#` becomes `%23`).
pub fn web_uri(url: &str) -> Option<String> {
    let (scheme, rest) = web_scheme(url)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !host_ok || !port_ok {
        return None;
    }
    let mut out = format!("{scheme}{authority}");
    let mut in_fragment = false;
    let bytes = tail.as_bytes();
    for (i, c) in tail.char_indices() {
        match c {
            '#' if !in_fragment => {
                in_fragment = true;
                out.push('#');
            }
            '%' if bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit) =>
            {
                out.push('%')
            }
            c if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?".contains(c) => out.push(c),
            c => percent_encode_char(&mut out, c),
        }
    }
    Some(out)
}

/// A file name as a relative URI reference (every byte but `A-Z a-z 0-9 - . _ ~`
/// percent-encoded, so it can never read as a scheme or a path), or `None` when empty.
pub fn file_uri(name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || "-._~".contains(c) {
            out.push(c);
        } else {
            percent_encode_char(&mut out, c);
        }
    }
    Some(out)
}

fn percent_encode_char(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// The RFC 6920 name of content by its SHA-256 (`ni:///sha-256;` + base64url), or `None`
/// when `sha256_hex` is not a SHA-256 in hex.
pub fn ni_uri(sha256_hex: &str) -> Option<String> {
    let bytes = hex::decode(sha256_hex).ok().filter(|b| b.len() == 32)?;
    Some(format!(
        "ni:///sha-256;{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    ))
}

/// `YYYY-MM-DDTHH:MM:SSZ` in UTC, within the years 1900 to 2999 that OSCAL's date-time
/// accepts (earlier or later times are clamped to those bounds).
pub fn utc_timestamp(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    if t.year() < 1900 {
        return "1900-01-01T00:00:00Z".to_owned();
    }
    if t.year() > 2999 {
        return "2999-12-31T23:59:59Z".to_owned();
    }
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Text on one line: runs of white space (line breaks included) become one space, and
/// the ends are trimmed.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of a free-text list (the products in scope), each on one line, empty ones
/// left out.
pub fn lines(s: &str) -> Vec<String> {
    s.lines().map(one_line).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_uuids_are_stable_distinct_and_version_5_shaped() {
        let a = name_uuid("sha256:00", &["observation", "intake.channel"]);
        assert_eq!(
            a,
            name_uuid("sha256:00", &["observation", "intake.channel"])
        );
        assert_ne!(a, name_uuid("sha256:00", &["finding", "intake.channel"]));
        assert_ne!(
            a,
            name_uuid("sha256:01", &["observation", "intake.channel"])
        );
        // A separator keeps ("ab", "c") apart from ("a", "bc").
        assert_ne!(name_uuid("d", &["ab", "c"]), name_uuid("d", &["a", "bc"]));
        for u in [a, name_uuid("", &[])] {
            let b = u.as_bytes();
            assert_eq!(u.len(), 36);
            assert_eq!(b[14], b'5', "{u}: version 5");
            assert!(b"89ab".contains(&b[19]), "{u}: RFC 4122 variant");
            assert!(u.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
            assert_eq!(u, u.to_lowercase());
        }
    }

    #[test]
    fn web_links_are_kept_only_when_they_can_be_a_uri() {
        let cases = [
            ("https://example.com/a b", Some("https://example.com/a%20b")),
            ("https://example.com", Some("https://example.com")),
            (
                "http://example.com:8080/x?y=1#z",
                Some("http://example.com:8080/x?y=1#z"),
            ),
            ("https://e.com/a#b#c", Some("https://e.com/a#b%23c")),
            ("https://e.com/%41%zz%", Some("https://e.com/%41%25zz%25")),
            ("https://e.com/ä[1]", Some("https://e.com/%C3%A4%5B1%5D")),
            (
                "https://e.com/\"<>\\^`{|}",
                Some("https://e.com/%22%3C%3E%5C%5E%60%7B%7C%7D"),
            ),
            ("https://exa mple.com/", None),
            ("https://user@e.com/", None),
            ("https://e.com:/", None),
            ("https://e.com:8x/", None),
            ("https://[::1]/", None),
            ("https://", None),
            ("javascript:alert(1)", None),
            ("ftp://e.com/", None),
        ];
        for (input, expected) in cases {
            assert_eq!(web_uri(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn an_export_keeps_a_uri_only_where_the_page_shows_a_link() {
        use crate::core::answers::is_web_link;
        for url in [
            "https://e.com/",
            "http://e.com/",
            "HTTPS://e.com/",
            "javascript:alert(1)",
            "data:text/html,x",
            "//e.com/",
            " https://e.com/",
            "mailto:a@e.com",
        ] {
            assert!(
                web_uri(url).is_none() || is_web_link(url),
                "{url}: an export must not keep what the page would not link"
            );
            assert_eq!(
                web_uri(url).is_some(),
                is_web_link(url),
                "{url}: a plain host link is kept by both"
            );
        }
    }

    #[test]
    fn file_names_become_relative_references_that_cannot_be_schemes() {
        assert_eq!(
            file_uri("policy v2.pdf").as_deref(),
            Some("policy%20v2.pdf")
        );
        assert_eq!(file_uri("a:b/c").as_deref(), Some("a%3Ab%2Fc"));
        assert_eq!(file_uri("é").as_deref(), Some("%C3%A9"));
        assert_eq!(file_uri(""), None);
    }

    #[test]
    fn ni_uris_name_content_by_hash() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(
            ni_uri(empty).as_deref(),
            Some("ni:///sha-256;47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")
        );
        assert_eq!(ni_uri("abc"), None);
        assert_eq!(ni_uri(&"0".repeat(62)), None);
    }

    #[test]
    fn timestamps_are_utc_seconds_within_oscal_years() {
        let t = OffsetDateTime::parse("2025-03-04T05:06:07.89+02:00", &Rfc3339).unwrap();
        assert_eq!(utc_timestamp(t), "2025-03-04T03:06:07Z");
        let early = OffsetDateTime::parse("1800-01-01T00:00:00Z", &Rfc3339).unwrap();
        assert_eq!(utc_timestamp(early), "1900-01-01T00:00:00Z");
        let late = OffsetDateTime::parse("3000-01-01T00:00:00Z", &Rfc3339).unwrap();
        assert_eq!(utc_timestamp(late), "2999-12-31T23:59:59Z");
    }

    #[test]
    fn text_on_one_line() {
        assert_eq!(one_line("  a \n\t b\u{2028}c  "), "a b c");
        assert_eq!(lines("A\n\n  B  \r\n"), ["A", "B"]);
    }
}
