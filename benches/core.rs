//! Core benchmarks: building the page's built-in questionnaire, re-scoring one assessment,
//! and verify + re-score of 1,000 score files.
//! Run with `make bench`; figures are recorded in docs/performance.md.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use criterion::{criterion_group, Criterion};

    use vendor_readiness::assessment::Assessment;
    use vendor_readiness::core::files::key_file::KeyFile;
    use vendor_readiness::core::open::{self, Loaded};
    use vendor_readiness::questionnaire::Questionnaire;
    use vendor_readiness::score_file;
    use vendor_readiness::scoring;

    /// A realistic assessment: every question answered, alternating best and worst.
    fn sample_assessment(q: &Questionnaire, seed: usize) -> Assessment {
        let mut a = Assessment::default();
        for (i, question) in q.questions().enumerate() {
            let value = if (i + seed) % 3 == 0 {
                question.answer.worst()
            } else {
                question.answer.best()
            };
            a.answers.set_value(&question.id, Some(value));
            a.answers.entry_mut(&question.id).notes = format!("Note {i} for vendor {seed}");
        }
        a.profile.organisation = format!("Vendor {seed}");
        a
    }

    fn benches(c: &mut Criterion) {
        // What the page does once at start: read the packed domains, assemble, index.
        c.bench_function("build the page's built-in questionnaire", |b| {
            b.iter(vendor_readiness::questionnaire::page_data)
        });
        let q = Questionnaire::builtin();
        let one = sample_assessment(q, 1);
        c.bench_function("rescore one assessment", |b| {
            b.iter(|| scoring::score(q, &one.answers))
        });

        let key = KeyFile::from_seed([42; 32]).signing_key().unwrap();
        let files: Vec<Vec<u8>> = (0..1000)
            .map(|i| {
                let sealed = score_file::seal(
                    q,
                    &sample_assessment(q, i),
                    "bench",
                    "2026-11-28T00:00:00Z",
                    Some(&key),
                );
                serde_json::to_vec(&sealed).unwrap()
            })
            .collect();
        let mut group = c.benchmark_group("buyer");
        group.sample_size(10);
        group.bench_function("verify + rescore 1000 signed score files", |b| {
        b.iter(|| {
            files
                .iter()
                .filter(|f| matches!(open::load(f, q), Ok(Loaded::Score(v)) if v.status(Default::default()) == vendor_readiness::core::verify::Status::Ok))
                .count()
        })
    });
        group.finish();
    }

    criterion_group!(core_benches, benches);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::core_benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
