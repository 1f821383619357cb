//! The machine format: the report itself, pretty-printed, with `schema_version` first.

use std::io::{self, Write};

use crate::plan::report::Report;

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
