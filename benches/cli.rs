//! The CLI for pipelines: `vendor-readiness verify` and `compare` on N realistic signed
//! score files, timed as a buyer's pipeline runs them (one process, every file on the
//! command line), with the peak memory (maximum resident set size) of that process.
//!
//! Run with `make bench`, or on its own with `cargo bench --bench cli`. The binary timed
//! is the one cargo builds for the benchmark: the `bench` profile, which inherits the
//! release profile's settings (opt-level 3, LTO, one codegen unit).
//!
//! Settings (environment): `CLI_BENCH_FILES` (default `1000,10000`), `CLI_BENCH_RUNS`
//! (runs per figure, default 3: the median wall time and the largest peak memory are
//! reported), `CLI_BENCH_DIR` (keep the generated files there and reuse them), and
//! `VENDOR_READINESS_BIN` (another binary to time, e.g. a copy of an
//! earlier build, to compare). Figures are recorded in docs/performance.md.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;
    use vendor_readiness::answers::{AnswerValue, Evidence, FileEvidence};
    use vendor_readiness::assessment::Assessment;
    use vendor_readiness::core::files::key_file::KeyFile;
    use vendor_readiness::core::questionnaire::history;
    use vendor_readiness::questionnaire::{AnswerSpec, Questionnaire};
    use vendor_readiness::score_file;

    /// Distinct vendor keys the files are signed with.
    const KEYS: u8 = 16;
    /// One file in this many answers the older questionnaire 1.0.0 (migrated on load).
    const OLD_VERSION_EVERY: usize = 20;

    /// A small deterministic generator, so every run times the same files.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            // SplitMix64.
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const WORDS: &[&str] = &[
        "advisories",
        "triage",
        "reporters",
        "embargo",
        "CVE",
        "backport",
        "SBOM",
        "supplier",
        "patch",
        "release",
        "severity",
        "CVSS",
        "PSIRT",
        "disclosure",
        "customers",
        "signed",
        "inventory",
        "tracked",
        "quarterly",
        "reviewed",
        "owner",
        "ticket",
        "escalation",
        "hours",
        "documented",
        "policy",
        "process",
        "tested",
    ];

    fn sentence(rng: &mut Rng, words: usize) -> String {
        let mut s: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        s[0] = "We";
        format!("{}.", s.join(" "))
    }

    /// A realistic assessment: answers spread over best, middle, worst, "n/a" and
    /// unanswered; notes on most answers; links and recorded evidence files on some.
    fn assessment(q: &Questionnaire, seed: usize) -> Assessment {
        let mut rng = Rng(seed as u64 ^ 0x5EED);
        let mut a = Assessment::default();
        a.profile.organisation = format!("Vendor {seed:05}");
        a.profile.products = format!("Product line {}", seed % 97);
        a.profile.versions = format!("{}.x", 1 + seed % 9);
        a.profile.security_contact = format!("security@vendor{seed}.example");
        a.profile.vdp_url = format!("https://vendor{seed}.example/security/policy");
        a.profile.security_txt_url =
            format!("https://vendor{seed}.example/.well-known/security.txt");
        a.profile.assessor = "Product security team".into();
        a.profile.assessment_date = "2026-11-20".into();
        for c in q.context.iter() {
            let option = &c.options[rng.below(c.options.len())];
            a.answers
                .set_value(&c.id, Some(AnswerValue::Choice(option.id.to_string())));
        }
        // A vendor's overall maturity: stronger vendors answer "best" more often.
        let strength = 30 + rng.below(65);
        for (i, question) in q.questions().enumerate() {
            let roll = rng.below(100);
            let value = if roll < 4 {
                None
            } else if roll < 7 && question.allow_na {
                Some(AnswerValue::NotApplicable)
            } else if roll < strength {
                Some(question.answer.best())
            } else if roll < strength + (100 - strength) / 2 {
                Some(middle(&question.answer))
            } else {
                Some(question.answer.worst())
            };
            a.answers.set_value(&question.id, value);
            if rng.below(10) < 7 {
                let words = 6 + rng.below(40);
                a.answers.entry_mut(&question.id).notes = sentence(&mut rng, words);
            }
            if rng.below(10) < 3 {
                let entry = a.answers.entry_mut(&question.id);
                entry.evidence.push(Evidence {
                    label: format!("{} ({i})", sentence(&mut rng, 3)),
                    url: Some(format!("https://vendor{seed}.example/docs/{}", question.id)),
                    file: None,
                });
                if rng.below(2) == 0 {
                    let name = format!("{}-{seed}.pdf", question.id);
                    entry.evidence.push(Evidence {
                        label: "Internal procedure".into(),
                        url: None,
                        file: Some(FileEvidence::from_bytes(&name, name.as_bytes())),
                    });
                }
            }
        }
        a
    }

    /// An answer between the worst and the best, where the question has one.
    fn middle(spec: &AnswerSpec) -> AnswerValue {
        let options = spec.options_worst_to_best();
        if options.len() > 2 {
            AnswerValue::Choice(options[options.len() / 2].0.clone())
        } else if options.is_empty() {
            match (spec.worst(), spec.best()) {
                (AnswerValue::Number(a), AnswerValue::Number(b)) => {
                    AnswerValue::Number(((a + b) / 2.0).round())
                }
                (_, best) => best,
            }
        } else {
            spec.worst()
        }
    }

    /// Writes `vendor-00000.json` … into `dir`, sealed and signed as the app does; a
    /// file answering 1.0.0 every [`OLD_VERSION_EVERY`] files.
    fn generate(dir: &Path, n: usize) -> Vec<PathBuf> {
        let paths: Vec<PathBuf> = (0..n)
            .map(|i| dir.join(format!("vendor-{i:05}.json")))
            .collect();
        let missing: Vec<usize> = (0..n).filter(|&i| !paths[i].exists()).collect();
        if missing.is_empty() {
            return paths;
        }
        let started = Instant::now();
        let keys: Vec<_> = (0..KEYS)
            .map(|k| KeyFile::from_seed([k + 1; 32]).signing_key().unwrap())
            .collect();
        let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
        let current = Questionnaire::builtin();
        let old = history::historic(&current.id, "1.0.0").expect("1.0.0 is kept");
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        std::thread::scope(|s| {
            for t in 0..threads {
                let (missing, paths, keys) = (&missing, &paths, &keys);
                s.spawn(move || {
                    for &i in missing.iter().skip(t).step_by(threads) {
                        let q = if i % OLD_VERSION_EVERY == OLD_VERSION_EVERY - 1 {
                            old
                        } else {
                            current
                        };
                        let created = (now - time::Duration::days((i % 300) as i64))
                            .format(&Rfc3339)
                            .unwrap();
                        let file = score_file::seal(
                            q,
                            &assessment(q, i),
                            "0.1.0",
                            &created,
                            Some(&keys[i % keys.len()]),
                        );
                        std::fs::write(&paths[i], serde_json::to_vec_pretty(&file).unwrap())
                            .unwrap();
                    }
                });
            }
        });
        let bytes: u64 = paths
            .iter()
            .map(|p| std::fs::metadata(p).unwrap().len())
            .sum();
        println!(
            "generated {} files ({:.1} MB, {:.1} KB a file on average) in {:.1} s",
            missing.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e3 / n as f64,
            started.elapsed().as_secs_f64()
        );
        paths
    }

    /// One run of the CLI: wall time, CPU time (user + system) and peak resident memory.
    struct Run {
        wall: Duration,
        cpu: Duration,
        max_rss_kib: u64,
        floor_kib: u64,
        exit: i32,
        stdout_lines: usize,
    }

    /// Environment variable that makes this executable the runner (see [`runner`]).
    const RUNNER: &str = "CLI_BENCH_RUNNER_REPORT";

    /// Runs the CLI through a fresh copy of this executable, [`runner`], and reads its
    /// report.
    ///
    /// Why not spawn the CLI directly: Linux counts a process's peak memory from before
    /// its `exec` too, so a child started by this benchmark (which holds thousands of
    /// paths and has read large outputs) would report at least the benchmark's own peak.
    /// The runner starts small and stays small, so the CLI's figure is its own.
    fn run(bin: &Path, args: &[&str], files: &[PathBuf], out_dir: &Path) -> Run {
        let stdout_path = out_dir.join("stdout.txt");
        let stderr_path = out_dir.join("stderr.txt");
        let report_path = out_dir.join("report.txt");
        let status = Command::new(std::env::current_exe().unwrap())
            .env(RUNNER, &report_path)
            .arg(bin)
            .args(args)
            .args(files)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&stdout_path).unwrap())
            .stderr(std::fs::File::create(&stderr_path).unwrap())
            .status()
            .expect("the runner starts");
        assert!(status.success(), "runner: {status}");
        let report = std::fs::read_to_string(&report_path).unwrap();
        let fields: Vec<u64> = report
            .split_whitespace()
            .map(|f| f.parse().unwrap())
            .collect();
        let [wall_ns, cpu_ns, max_rss_kib, exit, floor_kib] = fields[..] else {
            panic!("runner report: {report}")
        };
        let exit = exit as i32;
        if exit != 0 {
            let stderr = std::fs::read_to_string(&stderr_path).unwrap();
            panic!(
                "{args:?} exited with {exit}: {}",
                stderr.lines().take(5).collect::<Vec<_>>().join("\n")
            );
        }
        // Counted as it is read: the outputs of 10,000 files are large.
        let stdout = std::io::BufReader::new(std::fs::File::open(&stdout_path).unwrap());
        Run {
            wall: Duration::from_nanos(wall_ns),
            cpu: Duration::from_nanos(cpu_ns),
            max_rss_kib,
            floor_kib,
            exit,
            stdout_lines: std::io::BufRead::lines(stdout).count(),
        }
    }

    /// The runner: starts the CLI given on its command line (stdout and stderr inherited),
    /// waits for it with `wait4` and writes `wall-ns cpu-ns max-rss-kib exit floor-kib` to
    /// the file named by [`RUNNER`], where the floor is the runner's own peak memory when
    /// it started the CLI: the least the CLI can report.
    fn runner(report: &Path) {
        let mut args = std::env::args_os().skip(1);
        let bin = args.next().expect("the CLI to run");
        let floor = own_peak_kib().unwrap_or(0);
        let started = Instant::now();
        let child = Command::new(bin)
            .args(args)
            .stdin(Stdio::null())
            .spawn()
            .expect("the CLI starts");
        let pid = child.id() as libc::pid_t;
        let mut status = 0;
        // SAFETY: `rusage` is plain data that wait4 fills in; `pid` is our own child, not
        // yet waited for (std's `Child` does not reap on drop).
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        let wall = started.elapsed();
        assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
        drop(child);
        let time = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
        };
        let exit = if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            255
        };
        let cpu = time(usage.ru_utime) + time(usage.ru_stime);
        std::fs::write(
            report,
            format!(
                "{} {} {} {exit} {floor}",
                wall.as_nanos(),
                cpu.as_nanos(),
                // Linux reports ru_maxrss in KiB.
                usage.ru_maxrss
            ),
        )
        .unwrap();
    }

    /// This process's own peak memory so far (`VmHWM`), in KiB.
    fn own_peak_kib() -> Option<u64> {
        std::fs::read_to_string("/proc/self/status")
            .ok()?
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    fn thousands(n: usize) -> String {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    fn machine() -> String {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| {
                c.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split(':').nth(1))
                    .map(|m| m.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown CPU".into());
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        let memory = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines()
                    .find(|l| l.starts_with("MemTotal:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kib| kib.parse::<u64>().ok())
            })
            .map_or_else(String::new, |kib| {
                format!(", {:.0} GiB", kib as f64 / 1024.0 / 1024.0)
            });
        format!("{cores} cores ({cpu}){memory}")
    }

    pub fn main() {
        if let Some(report) = std::env::var_os(RUNNER) {
            return runner(Path::new(&report));
        }
        let sizes: Vec<usize> = std::env::var("CLI_BENCH_FILES")
            .unwrap_or_else(|_| "1000,10000".into())
            .split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("CLI_BENCH_FILES: numbers, comma-separated")
            })
            .collect();
        let runs: usize = std::env::var("CLI_BENCH_RUNS")
            .ok()
            .map_or(3, |r| r.parse().expect("CLI_BENCH_RUNS: a number"));
        let bin = std::env::var_os("VENDOR_READINESS_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_vendor-readiness")));
        let bin = std::fs::canonicalize(&bin).unwrap_or(bin);
        let temp = tempfile::tempdir().unwrap();
        let dir = std::env::var_os("CLI_BENCH_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| temp.path().join("files"));
        std::fs::create_dir_all(&dir).unwrap();
        let largest = sizes.iter().copied().max().unwrap_or(0);
        let all = generate(&dir, largest);

        println!(
            "CLI benchmark: {} on {}, {} run(s) per figure (median wall time, largest peak memory)",
            bin.display(),
            machine(),
            runs
        );
        let commands: [(&str, &[&str]); 4] = [
            ("verify", &["verify"]),
            ("compare --format csv", &["compare", "--format", "csv"]),
            ("compare (table)", &["compare"]),
            ("compare --format json", &["compare", "--format", "json"]),
        ];
        println!();
        println!("| command | files | wall | CPU (user + sys) | peak memory (max RSS) |");
        println!("| --- | ---: | ---: | ---: | ---: |");
        let mut verify_largest = None;
        let mut floor = 0;
        for &n in &sizes {
            let files = &all[..n];
            for (label, args) in commands {
                let mut results: Vec<Run> = (0..runs.max(1))
                    .map(|_| run(&bin, args, files, temp.path()))
                    .collect();
                for r in &results {
                    let expected = match label {
                        "verify" => n,
                        "compare --format csv" => n + 1,
                        _ => r.stdout_lines,
                    };
                    assert_eq!(r.stdout_lines, expected, "{label}: one line per file");
                    assert_eq!(r.exit, 0);
                }
                floor = results.iter().map(|r| r.floor_kib).fold(floor, u64::max);
                results.sort_by_key(|r| r.wall);
                let median = &results[results.len() / 2];
                let peak = results.iter().map(|r| r.max_rss_kib).max().unwrap_or(0);
                println!(
                    "| `{label}` | {} | {:.2} s | {:.2} s | {:.1} MiB |",
                    thousands(n),
                    median.wall.as_secs_f64(),
                    median.cpu.as_secs_f64(),
                    peak as f64 / 1024.0
                );
                if label == "verify" && n == largest {
                    verify_largest = Some((median.wall, peak));
                }
            }
        }
        println!();
        println!(
            "Peak memory is the CLI process's maximum resident set size (wait4); it cannot \
             read below the {:.1} MiB its runner had when it started the CLI.",
            floor as f64 / 1024.0
        );
        if let Some((wall, peak)) = verify_largest {
            println!();
            println!("| figure | now | target |");
            println!("| --- | ---: | ---: |");
            println!(
                "| CLI `verify` of {} signed files (peak memory {:.1} MiB) | {:.2} s | 10,000 files ≤ 2 s |",
                thousands(largest),
                peak as f64 / 1024.0,
                wall.as_secs_f64()
            );
        }
    }
}
