//! The built-in domains in their compact form, as `build.rs` writes them: every distinct
//! text once, one after the other in one string, and the structure as bytes whose texts
//! are indexes into those pieces. Read once, when the built-in questionnaire is first
//! asked for; the texts stay borrowed from the program's data.
//!
//! Static Rust values of the model's types carried a pointer, a length and a tag per
//! text and a pointer and a length per list, which compress poorly (about 10 KB of the
//! page's gzip); this form carries the text and small numbers. The structure, in order:
//! the pieces' count and byte lengths, the distinct credits and bounds (their count, then
//! each `f64` as eight little-endian bytes), then the domains (a list is its length, then
//! its items; a count is LEB128; a number is an index into its table, and a text is 0 if
//! it is the next piece not read yet, or else 1 + the index of a piece read before):
//!
//! - domain: id, title, summary, weight, levels (count, then key and text), questions;
//! - question: id, text, level (a byte), answer, refs, a byte of flags (not applicable
//!   allowed, then which of show-if, partly, "not applicable" wording and applies-if
//!   follow), then those that do, in that order (but for partly);
//! - answer: a byte, 0 yes/partly/no, 1 choice (options: id, label, credit), 2 number
//!   (unit, min, max, a byte for lower or higher better, bands: threshold, credit).
//!
//! The questions' explanations, each "why" and then its "partly" if the flag says there
//! is one, in question order, are apart ([`Explanations`]): the text one after the other,
//! and their count and byte lengths. Read without them, a question's "why" is empty and
//! it has no "partly"; the page's module reads them from the published data file
//! ([`super::published`]) instead of carrying them.
//!
//! The test suite checks that what this reads equals `data/questionnaire.json` parsed.

use std::borrow::Cow;

use super::model::{
    AnswerSpec, Applicability, Band, Better, ChoiceOption, Condition, Domain, List, PairMap,
    Question, Text,
};

static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_text.txt"));
static SHAPE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_shape.bin"));

/// The questions' "why" and "partly" texts, packed apart from the rest.
#[derive(Debug, Clone, Copy)]
pub(super) struct Explanations {
    /// The texts, one after the other.
    text: &'static str,
    /// Their count and byte lengths (LEB128).
    lengths: &'static [u8],
}

/// The built-in explanations. Only a module that names this carries them.
pub(super) static EXPLANATIONS: Explanations = Explanations {
    text: include_str!(concat!(env!("OUT_DIR"), "/builtin_explain.txt")),
    lengths: include_bytes!(concat!(env!("OUT_DIR"), "/builtin_explain.bin")),
};

/// The built-in domains, with or without their explanations. `None` only if `build.rs`
/// and this reader disagree, which the test suite would catch first.
pub(super) fn domains(explanations: Option<Explanations>) -> Option<Vec<Domain>> {
    read(TEXT, SHAPE, explanations)
}

/// The domains packed as `text` and `shape`; `None` when the shape ends early, has bytes
/// left over, or names a piece or a number it does not have, or when the explanations
/// given are not one for each that the shape asks for.
fn read(
    text: &'static str,
    shape: &'static [u8],
    explanations: Option<Explanations>,
) -> Option<Vec<Domain>> {
    let explained = match explanations {
        Some(e) => Some(pieces(e.text, e.lengths)?),
        None => None,
    };
    let mut reader = Reader {
        shape,
        pieces: Vec::new(),
        next_piece: 0,
        numbers: Vec::new(),
        explanations: explained.map(Vec::into_iter),
    };
    reader.pieces = reader.cut(text)?;
    for _ in 0..reader.count()? {
        let (bytes, rest) = reader.shape.split_first_chunk::<8>()?;
        reader.shape = rest;
        reader.numbers.push(f64::from_le_bytes(*bytes));
    }
    let domains = reader.list(Reader::domain)?.into_owned();
    let explanations_left = reader.explanations.is_some_and(|mut e| e.next().is_some());
    (reader.shape.is_empty() && !explanations_left).then_some(domains)
}

/// `text` cut into the pieces whose count and byte lengths `lengths` gives.
fn pieces(text: &'static str, lengths: &'static [u8]) -> Option<Vec<&'static str>> {
    let mut reader = Reader {
        shape: lengths,
        pieces: Vec::new(),
        next_piece: 0,
        numbers: Vec::new(),
        explanations: None,
    };
    let out = reader.cut(text)?;
    reader.shape.is_empty().then_some(out)
}

struct Reader {
    shape: &'static [u8],
    pieces: Vec<&'static str>,
    /// The piece a text seen for the first time is.
    next_piece: usize,
    numbers: Vec<f64>,
    /// The explanations not read yet, when they are read at all.
    explanations: Option<std::vec::IntoIter<&'static str>>,
}

impl Reader {
    /// The next explanation: `Some(None)` when they are not read, `None` when they are
    /// but none is left.
    fn explanation(&mut self) -> Option<Option<Text>> {
        match &mut self.explanations {
            None => Some(None),
            Some(left) => left.next().map(|s| Some(Cow::Borrowed(s))),
        }
    }

    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.shape.split_first()?;
        self.shape = rest;
        Some(b)
    }

    /// `text` cut into pieces by a count and that many byte lengths read from the shape;
    /// `None` unless the pieces are the whole text.
    fn cut(&mut self, text: &'static str) -> Option<Vec<&'static str>> {
        let mut out = Vec::new();
        let mut start = 0;
        for _ in 0..self.count()? {
            let end = start + self.count()?;
            out.push(text.get(start..end)?);
            start = end;
        }
        (start == text.len()).then_some(out)
    }

    fn count(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..32).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn number(&mut self) -> Option<f64> {
        let i = self.count()?;
        self.numbers.get(i).copied()
    }

    fn text(&mut self) -> Option<Text> {
        let i = match self.count()? {
            0 => {
                self.next_piece += 1;
                self.next_piece - 1
            }
            seen => seen - 1,
        };
        self.pieces.get(i).map(|&s| Cow::Borrowed(s))
    }

    fn list<T: Clone>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<List<T>> {
        let n = self.count()?;
        // A plain loop: collecting into `Option<Vec<T>>` instantiates more code per type.
        let mut items = Vec::with_capacity(n.min(self.shape.len()));
        for _ in 0..n {
            items.push(item(self)?);
        }
        Some(Cow::Owned(items))
    }

    fn domain(&mut self) -> Option<Domain> {
        Some(Domain {
            id: self.text()?,
            title: self.text()?,
            summary: self.text()?,
            weight: u32::try_from(self.count()?).ok()?,
            levels: PairMap(self.list(|r| Some((r.text()?, r.text()?)))?),
            questions: self.list(Reader::question)?,
        })
    }

    fn answer(&mut self) -> Option<AnswerSpec> {
        Some(match self.byte()? {
            0 => AnswerSpec::YesPartlyNo,
            1 => AnswerSpec::Choice {
                options: self.list(|r| {
                    Some(ChoiceOption {
                        id: r.text()?,
                        label: r.text()?,
                        credit: r.number()?,
                    })
                })?,
            },
            2 => AnswerSpec::Number {
                unit: self.text()?,
                min: self.number()?,
                max: self.number()?,
                better: match self.byte()? {
                    0 => Better::Lower,
                    _ => Better::Higher,
                },
                bands: self.list(|r| {
                    Some(Band {
                        threshold: r.number()?,
                        credit: r.number()?,
                    })
                })?,
            },
            _ => return None,
        })
    }

    fn question(&mut self) -> Option<Question> {
        let id = self.text()?;
        let text = self.text()?;
        let why = self.explanation()?.unwrap_or_default();
        let level = self.byte()?;
        let answer = self.answer()?;
        let refs = self.list(Reader::text)?;
        let flags = self.byte()?;
        let has = |bit: u8| flags & (1 << bit) != 0;
        let show_if = match has(1) {
            true => Some(Condition {
                question: self.text()?,
                credit_at_least: self.number()?,
            }),
            false => None,
        };
        let partly = match has(2) {
            true => self.explanation()?,
            false => None,
        };
        let na_label = match has(3) {
            true => Some(self.text()?),
            false => None,
        };
        let applies_if = match has(4) {
            true => Some(Applicability {
                question: self.text()?,
                any_of: self.list(Reader::text)?,
            }),
            false => None,
        };
        Some(Question {
            id,
            text,
            why,
            level,
            answer,
            allow_na: has(0),
            refs,
            show_if,
            partly,
            na_label,
            applies_if,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_shape_reads_to_its_end() {
        let domains = read(TEXT, SHAPE, Some(EXPLANATIONS)).expect("the built-in data reads");
        assert_eq!(domains.len(), 10);
        assert!(domains.iter().all(|d| !d.questions.is_empty()));
        let questions = || domains.iter().flat_map(|d| d.questions.iter());
        assert!(questions().all(|q| !q.why.is_empty()));
        assert!(questions().any(|q| q.partly.is_some()));
    }

    #[test]
    fn without_the_explanations_the_rest_is_the_same() {
        let full = read(TEXT, SHAPE, Some(EXPLANATIONS)).unwrap();
        let mut lean = read(TEXT, SHAPE, None).expect("reads without them");
        let full_questions = full.iter().flat_map(|d| d.questions.iter());
        let lean_questions = lean
            .iter_mut()
            .flat_map(|d| d.questions.to_mut().iter_mut());
        for (lean, full) in lean_questions.zip(full_questions) {
            assert!(lean.why.is_empty() && lean.partly.is_none(), "{}", lean.id);
            lean.why = full.why.clone();
            lean.partly = full.partly.clone();
        }
        assert_eq!(lean, full);
    }

    /// `pieces` packed as `Explanations` are.
    fn packed(pieces: &[&str]) -> Explanations {
        fn leb128(mut n: usize, out: &mut Vec<u8>) {
            loop {
                let byte = (n & 0x7f) as u8;
                n >>= 7;
                if n == 0 {
                    out.push(byte);
                    return;
                }
                out.push(byte | 0x80);
            }
        }
        let mut lengths = Vec::new();
        leb128(pieces.len(), &mut lengths);
        for p in pieces {
            leb128(p.len(), &mut lengths);
        }
        Explanations {
            text: Box::leak(pieces.concat().into_boxed_str()),
            lengths: Vec::leak(lengths),
        }
    }

    #[test]
    fn explanations_that_do_not_fit_the_shape_read_as_nothing() {
        let all = pieces(EXPLANATIONS.text, EXPLANATIONS.lengths).unwrap();
        assert!(read(TEXT, SHAPE, Some(packed(&all))).is_some(), "repacked");
        assert!(
            read(TEXT, SHAPE, Some(packed(&all[1..]))).is_none(),
            "one too few"
        );
        let more = [&all[..], &["extra"]].concat();
        assert!(
            read(TEXT, SHAPE, Some(packed(&more))).is_none(),
            "one too many"
        );
        let cut = Explanations {
            text: EXPLANATIONS.text,
            lengths: &EXPLANATIONS.lengths[..EXPLANATIONS.lengths.len() - 1],
        };
        assert!(read(TEXT, SHAPE, Some(cut)).is_none(), "a length missing");
    }

    #[test]
    fn a_shape_cut_short_or_overlong_reads_as_nothing() {
        assert!(read(TEXT, &SHAPE[..SHAPE.len() - 1], None).is_none());
        let longer: &'static [u8] = Vec::leak([SHAPE, &[0]].concat());
        assert!(read(TEXT, longer, None).is_none());
        assert!(read("", SHAPE, None).is_none(), "pieces beyond the text");
        let more_text: &'static str = Box::leak(format!("{TEXT}x").into_boxed_str());
        assert!(
            read(more_text, SHAPE, None).is_none(),
            "text beyond the pieces"
        );
    }

    #[test]
    fn a_text_is_the_next_piece_or_one_read_before() {
        // Two pieces, "a" and "bc"; no numbers; one domain whose id is the first piece,
        // title the second, summary the first again (1 + index 0), weight 3, no levels,
        // no questions.
        let shape: &'static [u8] = &[2, 1, 2, 0, 1, 0, 0, 1, 3, 0, 0];
        let domains = read("abc", shape, None).expect("reads");
        assert_eq!(
            (&*domains[0].id, &*domains[0].title, &*domains[0].summary),
            ("a", "bc", "a")
        );
        assert_eq!(domains[0].weight, 3);
        // An index past the pieces names nothing.
        let shape: &'static [u8] = &[2, 1, 2, 0, 1, 0, 0, 9, 3, 0, 0];
        assert!(read("abc", shape, None).is_none());
    }
}
