//! Parse-only floor for `benches/plan/run.sh`: the least work any streaming serde_json pass over a plan can do, so `cloudops plan analyze` time is judged against it.
//!
//! Reads the file named by the first argument (`-` for stdin) through a 64 KiB
//! `BufReader` and `serde_json::from_reader` into `serde::de::IgnoredAny`:
//! the whole document is tokenised and validated, nothing is kept. Prints the
//! byte count to stderr; exits 1 on a read or JSON error, 2 on bad usage.
//!
//! ```text
//! benches/plan/run.sh builds this as its own crate (plain serde_json) and runs it.
//! ```

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::process::ExitCode;

use serde::de::IgnoredAny;

/// Counts the bytes that pass through, for the stderr report.
struct Counting<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

fn floor<R: Read>(input: R) -> Result<u64, String> {
    let mut counting = Counting {
        inner: input,
        bytes: 0,
    };
    let reader = BufReader::with_capacity(64 * 1024, &mut counting);
    let _: IgnoredAny =
        serde_json::from_reader(reader).map_err(|e| format!("invalid JSON: {e}"))?;
    Ok(counting.bytes)
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: parse_floor <plan.json | ->");
        return ExitCode::from(2);
    };
    let result = if path == "-" {
        floor(io::stdin().lock())
    } else {
        File::open(&path)
            .map_err(|e| format!("{}: {e}", path.to_string_lossy()))
            .and_then(floor)
    };
    match result {
        Ok(bytes) => {
            eprintln!("{bytes} bytes");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parse_floor: {e}");
            ExitCode::FAILURE
        }
    }
}
