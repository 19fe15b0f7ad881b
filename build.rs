//! Build-time facts about the built-in questionnaire, so neither the page nor the CLI
//! computes them at run time:
//! - its content digest (RFC 8785 canonical JSON, SHA-256), which the report shows and
//!   files carry (a test checks it equals the digest the core computes from the JSON);
//! - the data without its pretty-printing, for the tests and readers of the JSON, and the
//!   kept earlier versions for the verifier (1.0.0 likewise, 2.0.0 as the replacements
//!   that turn the current data into it);
//! - the data as static Rust values of the model's types (`builtin_data.rs`), so the
//!   built-in questionnaire is never parsed: the page carries no JSON parser for it and
//!   starts without the work. The gates come twice, with and without their
//!   justifications, which only the verifier and the CLI show; the changelog and the
//!   migration rules stay JSON text, parsed on first use by those who read them. The
//!   domains, the bulk, come packed instead (`builtin_text.txt`, `builtin_shape.bin`,
//!   read by `core::questionnaire::packed`, whose doc gives the form): their text once,
//!   and their structure as small numbers; the questions' "why" and "partly" texts apart
//!   (`builtin_explain.txt`, `builtin_explain.bin`), which the page's module leaves out. A test checks the built-in data equals the
//!   questionnaire parsed from the JSON;
//! - the SHA-256 of the data file's bytes (`builtin_file.rs`): the file is published next
//!   to the page, which fetches the references from it (versioned and integrity-checked
//!   by that digest) instead of carrying them in its first load.

use std::fmt::Write as _;
use std::path::Path;

use base64::Engine as _;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

fn write(dir: &Path, name: &str, content: &str) {
    std::fs::write(dir.join(name), content).expect("OUT_DIR is writable");
}

/// The members of a data object, refusing any the model does not have (the model's
/// types refuse unknown fields too).
fn object<'a>(v: &'a Value, what: &str, known: &[&str]) -> &'a Map<String, Value> {
    let o = v
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object"));
    for k in o.keys() {
        assert!(
            known.contains(&k.as_str()),
            "{what} has an unknown member {k:?}"
        );
    }
    o
}

fn text(s: &str) -> String {
    format!("Cow::Borrowed({s:?})")
}

fn req<'a>(o: &'a Map<String, Value>, key: &str, what: &str) -> &'a Value {
    o.get(key).unwrap_or_else(|| panic!("{what} lacks {key:?}"))
}

fn string(o: &Map<String, Value>, key: &str, what: &str) -> String {
    let s = req(o, key, what)
        .as_str()
        .unwrap_or_else(|| panic!("{what}.{key} is not text"));
    text(s)
}

fn opt_string(o: &Map<String, Value>, key: &str, what: &str) -> String {
    match o.get(key) {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => format!("Some({})", text(s)),
        Some(_) => panic!("{what}.{key} is not text"),
    }
}

fn number(o: &Map<String, Value>, key: &str, what: &str) -> String {
    let n = req(o, key, what)
        .as_f64()
        .unwrap_or_else(|| panic!("{what}.{key} is not a number"));
    assert!(n.is_finite(), "{what}.{key} is not finite");
    format!("{n:?}")
}

fn integer(o: &Map<String, Value>, key: &str, what: &str) -> u64 {
    req(o, key, what)
        .as_u64()
        .unwrap_or_else(|| panic!("{what}.{key} is not a whole number"))
}

fn list(v: &Value, what: &str, item: impl Fn(&Value, &str) -> String) -> String {
    let items = v
        .as_array()
        .unwrap_or_else(|| panic!("{what} is not a list"));
    let mut out = String::from("&[");
    for (i, x) in items.iter().enumerate() {
        out.push_str(&item(x, &format!("{what}[{i}]")));
        out.push(',');
    }
    out.push(']');
    out
}

fn texts(v: &Value, what: &str) -> String {
    let inner = list(v, what, |x, w| {
        text(x.as_str().unwrap_or_else(|| panic!("{w} is not text")))
    });
    format!("Cow::Borrowed({inner})")
}

fn pair_map(v: Option<&Value>, what: &str, value: impl Fn(&Value, &str) -> String) -> String {
    let mut out = String::from("PairMap(Cow::Borrowed(&[");
    if let Some(v) = v {
        let o = v
            .as_object()
            .unwrap_or_else(|| panic!("{what} is not an object"));
        // Key order, as the model keeps them.
        let mut keys: Vec<&String> = o.keys().collect();
        keys.sort();
        for k in keys {
            let _ = write!(
                out,
                "({}, {}),",
                text(k),
                value(&o[k], &format!("{what}.{k}"))
            );
        }
    }
    out.push_str("]))");
    out
}

fn level_info(v: &Value, what: &str) -> String {
    let o = object(v, what, &["level", "name", "summary"]);
    format!(
        "LevelInfo {{ level: {}, name: {}, summary: {} }}",
        integer(o, "level", what),
        string(o, "name", what),
        string(o, "summary", what)
    )
}

fn reference(v: &Value, what: &str) -> String {
    let o = object(
        v,
        what,
        &[
            "id", "source", "clause", "title", "document", "edition", "year", "url", "note",
        ],
    );
    let year = match o.get("year") {
        None | Some(Value::Null) => "None".into(),
        Some(_) => format!("Some({})", integer(o, "year", what)),
    };
    format!(
        "Reference {{ id: {}, source: {}, clause: {}, title: {}, document: {}, edition: {}, year: {year}, url: {}, note: {} }}",
        string(o, "id", what),
        string(o, "source", what),
        string(o, "clause", what),
        string(o, "title", what),
        opt_string(o, "document", what),
        opt_string(o, "edition", what),
        opt_string(o, "url", what),
        opt_string(o, "note", what)
    )
}

fn context_question(v: &Value, what: &str) -> String {
    let o = object(v, what, &["id", "text", "why", "options"]);
    let options = list(
        req(o, "options", what),
        &format!("{what}.options"),
        |x, w| {
            let p = object(x, w, &["id", "label"]);
            format!(
                "ContextOption {{ id: {}, label: {} }}",
                string(p, "id", w),
                string(p, "label", w)
            )
        },
    );
    format!(
        "ContextQuestion {{ id: {}, text: {}, why: {}, options: Cow::Borrowed({options}) }}",
        string(o, "id", what),
        string(o, "text", what),
        string(o, "why", what)
    )
}

fn applicability(o: &Map<String, Value>, what: &str) -> String {
    match o.get("applies_if") {
        None | Some(Value::Null) => "None".into(),
        Some(a) => {
            let w = format!("{what}.applies_if");
            let a = object(a, &w, &["question", "any_of"]);
            format!(
                "Some(Applicability {{ question: {}, any_of: {} }})",
                string(a, "question", &w),
                texts(req(a, "any_of", &w), &format!("{w}.any_of"))
            )
        }
    }
}

/// The domains in the compact form `core::questionnaire::packed` reads: every distinct
/// text once, in one string (`builtin_text.txt`), and the structure as bytes
/// (`builtin_shape.bin`) whose texts are indexes into that string's pieces. Static Rust
/// values would carry three words of pointer, length and tag per text and a pointer per
/// list, which compress poorly; this carries the text and small numbers.
#[derive(Default)]
struct Packer {
    texts: Vec<String>,
    index: std::collections::HashMap<String, u32>,
    numbers: Vec<f64>,
    shape: Vec<u8>,
    /// Each question's "why", then its "partly" if it has one, in question order: kept
    /// apart (`builtin_explain.txt`) so a module that never reads them does not carry
    /// them (the page reads them from the published data file).
    explanations: Vec<String>,
}

impl Packer {
    fn count(&mut self, mut n: u64) {
        // LEB128: seven bits a byte, the high bit set on all but the last.
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.shape.push(byte);
                break;
            }
            self.shape.push(byte | 0x80);
        }
    }

    fn text(&mut self, s: &str) {
        // A text seen for the first time is the next piece, written as 0; one seen before
        // is written as its index + 1. Most texts appear once, so most are one zero byte.
        let next = self.texts.len() as u32;
        let i = *self.index.entry(s.to_owned()).or_insert(next);
        if i == next {
            self.texts.push(s.to_owned());
            self.count(0);
        } else {
            self.count(u64::from(i) + 1);
        }
    }

    fn number(&mut self, o: &Map<String, Value>, key: &str, what: &str) {
        let n: f64 = number(o, key, what)
            .parse()
            .expect("a number's debug form parses");
        // Credits and bounds take few distinct values: each is an index into a table.
        let i = match self
            .numbers
            .iter()
            .position(|&m| m.to_bits() == n.to_bits())
        {
            Some(i) => i,
            None => {
                self.numbers.push(n);
                self.numbers.len() - 1
            }
        };
        self.count(i as u64);
    }

    fn explanation(&mut self, o: &Map<String, Value>, key: &str, what: &str) {
        let s = req(o, key, what)
            .as_str()
            .unwrap_or_else(|| panic!("{what}.{key} is not text"));
        self.explanations.push(s.to_owned());
    }

    fn string(&mut self, o: &Map<String, Value>, key: &str, what: &str) {
        let s = req(o, key, what)
            .as_str()
            .unwrap_or_else(|| panic!("{what}.{key} is not text"));
        self.text(s);
    }

    /// Whether optional text `key` is there.
    fn has_text(&self, o: &Map<String, Value>, key: &str, what: &str) -> bool {
        match o.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::String(_)) => true,
            Some(_) => panic!("{what}.{key} is not text"),
        }
    }

    fn list(&mut self, v: &Value, what: &str, mut item: impl FnMut(&mut Self, &Value, &str)) {
        let items = v
            .as_array()
            .unwrap_or_else(|| panic!("{what} is not a list"));
        self.count(items.len() as u64);
        for (i, x) in items.iter().enumerate() {
            item(self, x, &format!("{what}[{i}]"));
        }
    }

    fn texts(&mut self, v: &Value, what: &str) {
        self.list(v, what, |p, x, w| {
            p.text(x.as_str().unwrap_or_else(|| panic!("{w} is not text")))
        });
    }

    fn answer_spec(&mut self, v: &Value, what: &str) {
        let kind = v
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{what} has no answer type"));
        match kind {
            "yes_partly_no" => {
                object(v, what, &["type"]);
                self.shape.push(0);
            }
            "choice" => {
                let o = object(v, what, &["type", "options"]);
                self.shape.push(1);
                self.list(
                    req(o, "options", what),
                    &format!("{what}.options"),
                    |p, x, w| {
                        let o = object(x, w, &["id", "label", "credit"]);
                        p.string(o, "id", w);
                        p.string(o, "label", w);
                        p.number(o, "credit", w);
                    },
                );
            }
            "number" => {
                let o = object(v, what, &["type", "unit", "min", "max", "better", "bands"]);
                self.shape.push(2);
                self.string(o, "unit", what);
                self.number(o, "min", what);
                self.number(o, "max", what);
                self.shape.push(match req(o, "better", what).as_str() {
                    Some("lower") => 0,
                    Some("higher") => 1,
                    _ => panic!("{what}.better is neither lower nor higher"),
                });
                self.list(
                    req(o, "bands", what),
                    &format!("{what}.bands"),
                    |p, x, w| {
                        let o = object(x, w, &["threshold", "credit"]);
                        p.number(o, "threshold", w);
                        p.number(o, "credit", w);
                    },
                );
            }
            other => panic!("{what} has an unknown answer type {other:?}"),
        }
    }

    fn question(&mut self, v: &Value, what: &str) {
        let o = object(
            v,
            what,
            &[
                "id",
                "text",
                "why",
                "level",
                "answer",
                "allow_na",
                "refs",
                "show_if",
                "partly",
                "na_label",
                "applies_if",
            ],
        );
        self.string(o, "id", what);
        self.string(o, "text", what);
        self.explanation(o, "why", what);
        let level = integer(o, "level", what);
        assert!(level <= 4, "{what}.level is not a level");
        self.shape.push(level as u8);
        self.answer_spec(req(o, "answer", what), &format!("{what}.answer"));
        self.texts(req(o, "refs", what), &format!("{what}.refs"));
        let show_if = o.get("show_if").filter(|v| !v.is_null());
        let applies_if = o.get("applies_if").filter(|v| !v.is_null());
        let partly = self.has_text(o, "partly", what);
        let na_label = self.has_text(o, "na_label", what);
        let allow_na = o.get("allow_na").and_then(Value::as_bool).unwrap_or(false);
        // One byte of flags: which optional parts follow, in this order.
        let flags = u8::from(allow_na)
            | u8::from(show_if.is_some()) << 1
            | u8::from(partly) << 2
            | u8::from(na_label) << 3
            | u8::from(applies_if.is_some()) << 4;
        self.shape.push(flags);
        if let Some(c) = show_if {
            let w = format!("{what}.show_if");
            let c = object(c, &w, &["question", "credit_at_least"]);
            self.string(c, "question", &w);
            self.number(c, "credit_at_least", &w);
        }
        if partly {
            self.explanation(o, "partly", what);
        }
        if na_label {
            self.string(o, "na_label", what);
        }
        if let Some(a) = applies_if {
            let w = format!("{what}.applies_if");
            let a = object(a, &w, &["question", "any_of"]);
            self.string(a, "question", &w);
            self.texts(req(a, "any_of", &w), &format!("{w}.any_of"));
        }
    }

    fn domain(&mut self, v: &Value, what: &str) {
        let o = object(
            v,
            what,
            &["id", "title", "summary", "weight", "levels", "questions"],
        );
        self.string(o, "id", what);
        self.string(o, "title", what);
        self.string(o, "summary", what);
        self.count(integer(o, "weight", what));
        let levels = o.get("levels").and_then(Value::as_object);
        let mut keys: Vec<&String> = levels.map(|l| l.keys().collect()).unwrap_or_default();
        // Key order, as the model keeps them.
        keys.sort();
        self.count(keys.len() as u64);
        for k in keys {
            let v = &levels.expect("keys come from the levels")[k];
            self.text(k);
            self.text(
                v.as_str()
                    .unwrap_or_else(|| panic!("{what}.levels.{k} is not text")),
            );
        }
        self.list(
            req(o, "questions", what),
            &format!("{what}.questions"),
            Self::question,
        );
    }

    /// The explanations (one after the other) and their count and byte lengths.
    fn explanations(&self) -> (String, Vec<u8>) {
        let mut lengths = Packer::default();
        lengths.count(self.explanations.len() as u64);
        for t in &self.explanations {
            lengths.count(t.len() as u64);
        }
        (self.explanations.concat(), lengths.shape)
    }

    /// The text (the pieces one after the other) and the shape: the pieces' count and
    /// byte lengths, the numbers' count and values, then the domains.
    fn finish(self) -> (String, Vec<u8>) {
        let mut head = Packer::default();
        head.count(self.texts.len() as u64);
        for t in &self.texts {
            head.count(t.len() as u64);
        }
        head.count(self.numbers.len() as u64);
        for n in &self.numbers {
            head.shape.extend_from_slice(&n.to_le_bytes());
        }
        head.shape.extend_from_slice(&self.shape);
        (self.texts.concat(), head.shape)
    }
}

fn gate(v: &Value, what: &str, with_justification: bool) -> String {
    let o = object(
        v,
        what,
        &[
            "id",
            "title",
            "reason",
            "justification",
            "applies_if",
            "fires_if_any",
            "domain_caps",
            "overall_max",
        ],
    );
    let triggers = list(
        req(o, "fires_if_any", what),
        &format!("{what}.fires_if_any"),
        |x, w| {
            let t = object(x, w, &["question", "credit_below"]);
            format!(
                "GateTrigger {{ question: {}, credit_below: {} }}",
                string(t, "question", w),
                number(t, "credit_below", w)
            )
        },
    );
    let caps = pair_map(
        o.get("domain_caps"),
        &format!("{what}.domain_caps"),
        |x, w| {
            let n = x.as_u64().unwrap_or_else(|| panic!("{w} is not a level"));
            format!("{n}")
        },
    );
    let overall_max = match o.get("overall_max") {
        None | Some(Value::Null) => "None".into(),
        Some(_) => format!("Some({})", integer(o, "overall_max", what)),
    };
    let justification = if with_justification {
        opt_string(o, "justification", what)
    } else {
        "None".into()
    };
    format!(
        "Gate {{ id: {}, title: {}, reason: {}, justification: {justification}, applies_if: {}, fires_if_any: Cow::Borrowed({triggers}), domain_caps: {caps}, overall_max: {overall_max} }}",
        string(o, "id", what),
        string(o, "title", what),
        string(o, "reason", what),
        applicability(o, what)
    )
}

/// The questionnaire as static Rust data of the model's types.
fn rust_data(q: &Value) -> String {
    let o = object(
        q,
        "the questionnaire",
        &[
            "id",
            "version",
            "title",
            "levels",
            "references",
            "domains",
            "gates",
            "context",
            "migrations",
            "renames",
            "changelog",
        ],
    );
    let w = "the questionnaire";
    assert!(
        o.get("renames")
            .and_then(Value::as_object)
            .is_none_or(Map::is_empty),
        "the built-in questionnaire uses migrations, not renames"
    );
    let empty = Value::Array(Vec::new());
    let raw = |key: &str| o.get(key).unwrap_or(&empty).to_string();
    let mut out = String::from("// Made by build.rs from data/questionnaire.json: do not edit.\n");
    let mut item = |name: &str, ty: &str, value: String| {
        let _ = writeln!(out, "pub(super) static {name}: {ty} = {value};");
    };
    item(
        "ID",
        "&str",
        format!("{:?}", req(o, "id", w).as_str().expect("id is text")),
    );
    item(
        "VERSION",
        "&str",
        format!(
            "{:?}",
            req(o, "version", w).as_str().expect("version is text")
        ),
    );
    item(
        "TITLE",
        "&str",
        format!("{:?}", req(o, "title", w).as_str().expect("title is text")),
    );
    item(
        "LEVELS",
        "&[LevelInfo]",
        list(req(o, "levels", w), "levels", level_info),
    );
    item(
        "REFERENCES",
        "&[Reference]",
        list(req(o, "references", w), "references", reference),
    );
    item(
        "GATES_FULL",
        "&[Gate]",
        list(req(o, "gates", w), "gates", |v, w| gate(v, w, true)),
    );
    item(
        "GATES_PAGE",
        "&[Gate]",
        list(req(o, "gates", w), "gates", |v, w| gate(v, w, false)),
    );
    item(
        "CONTEXT",
        "&[ContextQuestion]",
        list(
            o.get("context").unwrap_or(&empty),
            "context",
            context_question,
        ),
    );
    item(
        "MIGRATIONS_JSON",
        "&str",
        format!("{:?}", raw("migrations")),
    );
    item("CHANGELOG_JSON", "&str", format!("{:?}", raw("changelog")));
    out
}

/// A JSON Pointer token (RFC 6901): `~` and `/` escaped.
fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// What turns `from` into `to`, as deep as the two share their shape: `replace` holds
/// (JSON Pointer, value) pairs, `truncate` (pointer, length) pairs for a list that is a
/// longer copy of the one wanted, so only its common items are compared (an object with
/// other keys, or a list that grew, is replaced whole).
fn difference(
    from: &Value,
    to: &Value,
    at: &str,
    replace: &mut Vec<Value>,
    truncate: &mut Vec<Value>,
) {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) if a.keys().eq(b.keys()) => {
            for (k, v) in a {
                let at = format!("{at}/{}", pointer_token(k));
                difference(v, &b[k], &at, replace, truncate);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() >= b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                difference(x, y, &format!("{at}/{i}"), replace, truncate);
            }
            if a.len() > b.len() {
                truncate.push(serde_json::json!([at, b.len()]));
            }
        }
        _ if from == to => {}
        _ => replace.push(serde_json::json!([at, to])),
    }
}

/// The kept earlier versions for `core::questionnaire::history` (the verifier carries
/// every one): 1.0.0 whole, without its pretty-printing; 2.0.0 and 2.0.1 as what turns the
/// current data into each ([`difference`]), since the later 2.0 versions changed only some
/// texts and added to lists.
fn kept_versions(out: &Path, current: &Value) {
    let read = |version: &str| -> Value {
        let path = format!("data/history/questionnaire-{version}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).expect("a kept version is readable");
        serde_json::from_str(&text).expect("a kept version is JSON")
    };
    write(
        out,
        "questionnaire-1.0.0.min.json",
        &read("1.0.0").to_string(),
    );
    for version in ["2.0.0", "2.0.1"] {
        let (mut replace, mut truncate) = (Vec::new(), Vec::new());
        difference(current, &read(version), "", &mut replace, &mut truncate);
        let patch = serde_json::json!({ "replace": replace, "truncate": truncate });
        write(
            out,
            &format!("questionnaire-{version}.patch.json"),
            &patch.to_string(),
        );
    }
}

fn main() {
    let path = "data/questionnaire.json";
    println!("cargo:rerun-if-changed={path}");
    let source = std::fs::read_to_string(path).expect("data/questionnaire.json is readable");
    let value: Value = serde_json::from_str(&source).expect("data/questionnaire.json is JSON");
    let canonical =
        serde_json_canonicalizer::to_vec(&value).expect("the questionnaire canonicalizes");
    let digest = format!("sha256:{}", hex::encode(Sha256::digest(&canonical)));
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set");
    let out = Path::new(&out);

    // The data file itself is published next to the page (index.html copies it into
    // dist/, scripts/post_build.py names it after its content): the page fetches its
    // references from there, checked by the SHA-256 of these exact bytes.
    let file_sha256 = Sha256::digest(source.as_bytes());
    write(
        out,
        "builtin_file.rs",
        &format!(
            "/// SHA-256 of `data/questionnaire.json` as built, in Subresource Integrity form.\n\
             pub const BUILTIN_FILE_INTEGRITY: &str = {:?};\n",
            format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(file_sha256)
            ),
        ),
    );
    write(out, "questionnaire.min.json", &value.to_string());
    kept_versions(out, &value);
    write(out, "builtin_data.rs", &rust_data(&value));
    let mut packer = Packer::default();
    packer.list(
        req(
            value.as_object().expect("checked above"),
            "domains",
            "the questionnaire",
        ),
        "domains",
        Packer::domain,
    );
    let (explanations, lengths) = packer.explanations();
    write(out, "builtin_explain.txt", &explanations);
    std::fs::write(out.join("builtin_explain.bin"), lengths).expect("OUT_DIR is writable");
    let (text, shape) = packer.finish();
    write(out, "builtin_text.txt", &text);
    std::fs::write(out.join("builtin_shape.bin"), shape).expect("OUT_DIR is writable");
    write(
        out,
        "builtin_digest.rs",
        &format!(
            "/// Content digest of the built-in questionnaire, computed at build time.\n\
             pub const BUILTIN_DIGEST: &str = {digest:?};\n"
        ),
    );
}
