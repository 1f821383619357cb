//! Shared harness for the cloudops fuzz targets: the whole `sniff → analyze_documents →
//! policy → every renderer` pipeline, a reader that hands bytes over in awkward pieces, and
//! the builder that splices fuzz bytes into a valid plan skeleton (`plan_structured`).
//!
//! Every check here is a property the CLI relies on; a failed `assert!` is a finding just like
//! a panic inside cloudops. See README.md in this directory.

use std::io::{self, Read};

use cloudops::cli::Format;
use cloudops::plan::policy::Policy;
use cloudops::plan::report::{Report, Severity};
use cloudops::plan::{self, AnalyzeOptions, Sniffed};
use cloudops::render::{self, Style};

pub const FORMATS: [Format; 6] = [
    Format::Table,
    Format::Json,
    Format::Markdown,
    Format::Github,
    Format::Sarif,
    Format::Junit,
];

/// What one run of the pipeline produced, in a form two runs can be compared by.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Empty,
    /// A zip header: the CLI hands these to `terraform show -json`; nothing to analyse here.
    BinaryPlan,
    /// `sniff` itself failed (only possible through an IO error from the reader).
    SniffError(String),
    /// `analyze_documents` refused the input: the error's variant name and Display text.
    Rejected {
        kind: String,
        message: String,
    },
    /// The JSON rendering of the analysed (and policy-applied) report.
    Analysed(String),
}

/// Hands the input over in small, irregular pieces, now and then failing a read with
/// `Interrupted` (which every reader in the pipeline must retry). The piece sizes come from a
/// PRNG seeded by the input length, so a given input always replays identically.
pub struct Trickle<'a> {
    data: &'a [u8],
    pos: usize,
    state: u64,
}

impl<'a> Trickle<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Trickle {
            data,
            pos: 0,
            state: 0x9E37_79B9_7F4A_7C15 ^ (data.len() as u64).wrapping_mul(0x2545_F491_4F6C_DD1D),
        }
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.state | 1;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let r = self.next();
        if r.is_multiple_of(11) {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "fuzz: interrupted",
            ));
        }
        let want = match r % 8 {
            0..=4 => 1 + (r >> 8) as usize % 3,
            5 | 6 => 1 + (r >> 8) as usize % 17,
            _ => 1 + (r >> 8) as usize % 4096,
        };
        let n = want.min(buf.len()).min(self.data.len() - self.pos);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Knobs the structured target varies; the byte targets use the defaults.
#[derive(Debug, Clone)]
pub struct Knobs {
    pub opts: AnalyzeOptions,
    pub policy: Policy,
    /// Extra table style (decorated, coloured, narrow) rendered besides `Style::plain()`.
    pub table_style: Option<Style>,
    /// Extra markdown budget passed to `render_within`, besides the default one.
    pub markdown_limit: Option<usize>,
}

impl Default for Knobs {
    fn default() -> Self {
        Knobs {
            opts: AnalyzeOptions::default(),
            policy: Policy {
                fail_on: Some(Severity::High),
                max_destroy: Some(3),
                ..Policy::default()
            },
            table_style: Some(Style {
                color: true,
                decorate: true,
                width: Some(60),
            }),
            markdown_limit: Some(1500),
        }
    }
}

/// Runs the whole pipeline and checks what must hold for any input. Returns the outcome and,
/// when analysed, every rendering (for the structured target's leak check).
pub fn run(reader: Box<dyn Read + '_>, knobs: &Knobs) -> (Outcome, Vec<Vec<u8>>) {
    let docs = match plan::sniff(reader) {
        Ok(Sniffed::Text(docs)) => docs,
        Ok(Sniffed::BinaryPlan(head, _rest)) => {
            assert_eq!(
                head, b"PK\x03\x04",
                "a binary plan is recognised by its zip header"
            );
            return (Outcome::BinaryPlan, Vec::new());
        }
        Ok(Sniffed::Empty) => return (Outcome::Empty, Vec::new()),
        Err(e) => return (Outcome::SniffError(e.to_string()), Vec::new()),
    };
    let mut report = match plan::analyze_documents(docs, "fuzz", &knobs.opts) {
        Ok(r) => r,
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty(), "an error must say something");
            let debug = format!("{e:?}");
            let kind = debug
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_string();
            return (Outcome::Rejected { kind, message }, Vec::new());
        }
    };
    check_report(&report);
    knobs.policy.apply(&mut report);
    check_report(&report);

    let mut outputs = Vec::new();
    for f in FORMATS {
        let mut out = Vec::new();
        render::write(&report, f, &Style::plain(), &mut out)
            .unwrap_or_else(|e| panic!("rendering {f:?} into a Vec failed: {e}"));
        assert!(
            std::str::from_utf8(&out).is_ok(),
            "{f:?} output is not UTF-8"
        );
        outputs.push(out);
    }
    // The machine formats must be JSON, and the JSON format must read back as the same report.
    let json = &outputs[1];
    let back: Report =
        serde_json::from_slice(json).expect("--format json output reads back as a Report");
    assert_eq!(back, report, "--format json does not round-trip");
    serde_json::from_slice::<serde_json::Value>(&outputs[4])
        .expect("--format sarif output is JSON");

    if let Some(style) = knobs.table_style {
        let mut out = Vec::new();
        render::write(&report, Format::Table, &style, &mut out).expect("decorated table renders");
        outputs.push(out);
    }
    if let Some(limit) = knobs.markdown_limit {
        outputs.push(render::markdown::render_within(&report, limit).into_bytes());
    }
    let json = String::from_utf8(outputs[1].clone()).expect("checked above");
    (Outcome::Analysed(json), outputs)
}

/// Invariants of any report the analysis hands out.
fn check_report(r: &Report) {
    let s = &r.summary;
    let n = r.plans.len();
    assert!(n > 0, "an analysed report has at least one plan");
    for (i, p) in r.plans.iter().enumerate() {
        assert_eq!(p.index, i, "plan indexes are positions");
    }
    for e in r.changes.iter().chain(r.drift.iter()) {
        assert!(e.plan < n, "entry points at a plan that does not exist");
    }
    for f in &r.findings {
        assert!(f.plan < n, "finding points at a plan that does not exist");
        assert!(
            cloudops::plan::rules::lookup(&f.rule).is_some(),
            "finding with unknown rule {}",
            f.rule
        );
    }
    assert!(
        s.replace <= s.add && s.replace <= s.destroy,
        "every replace is also an add and a destroy: {s:?}"
    );
    assert_eq!(
        s.drift as usize,
        r.drift.len(),
        "drift count matches the drift list"
    );
    assert!(
        r.findings
            .windows(2)
            .all(|w| w[0].severity >= w[1].severity),
        "findings are sorted by severity, highest first"
    );
}

/// Byte targets: the plain pipeline over a slice reader.
pub fn run_bytes(data: &[u8]) -> Outcome {
    run(Box::new(data), &Knobs::default()).0
}

/// Byte targets: the same pipeline over the `Trickle` reader.
pub fn run_trickle(data: &[u8]) -> Outcome {
    run(Box::new(Trickle::new(data)), &Knobs::default()).0
}

/// Whether two runs of the same input over different read patterns agree: exactly, result
/// and error message alike.
pub fn agree(a: &Outcome, b: &Outcome) -> bool {
    a == b
}

pub mod structured;
