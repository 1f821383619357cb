//! Turns the bytes CI hands us into plain UTF-8 JSON documents, one at a time and without
//! buffering the whole input: BOMs, UTF-16 (PowerShell redirection), setup-terraform wrapper
//! noise and terragrunt's several-plans-in-one-stream all end here.

use std::io::{self, Read};

use memchr::{memchr, memchr2, memchr3};

use super::error::{PlanError, Position};

pub const BUF_SIZE: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// What the first bytes say the input is.
pub enum Sniffed<'a> {
    Text(Documents<'a>),
    /// A zip: a binary plan from `terraform plan -out`. Carries the bytes already read.
    BinaryPlan(Vec<u8>, Box<dyn Read + 'a>),
    Empty,
}

/// Reads just enough to tell a binary plan, a BOM or UTF-16 from UTF-8 text.
pub fn sniff<'a>(mut r: Box<dyn Read + 'a>) -> io::Result<Sniffed<'a>> {
    let mut head = [0u8; 4];
    let mut n = 0;
    while n < head.len() {
        match r.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    let head = &head[..n];
    if n == 0 {
        return Ok(Sniffed::Empty);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(Sniffed::BinaryPlan(head.to_vec(), r));
    }
    let (enc, skip) = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        (TextEncoding::Utf8Bom, 3)
    } else if head.starts_with(&[0xFF, 0xFE]) {
        (TextEncoding::Utf16Le, 2)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        (TextEncoding::Utf16Be, 2)
    } else if n >= 2 && head[0] != 0 && head[1] == 0 {
        (TextEncoding::Utf16Le, 0)
    } else if n >= 2 && head[0] == 0 && head[1] != 0 {
        (TextEncoding::Utf16Be, 0)
    } else {
        (TextEncoding::Utf8, 0)
    };
    let rest: Box<dyn Read + 'a> = Box::new(io::Cursor::new(head[skip..].to_vec()).chain(r));
    let text: Box<dyn Read + 'a> = match enc {
        TextEncoding::Utf16Le => Box::new(Utf16Decoder::new(rest, false, skip as u64)),
        TextEncoding::Utf16Be => Box::new(Utf16Decoder::new(rest, true, skip as u64)),
        _ => rest,
    };
    Ok(Sniffed::Text(Documents::new(text, enc)))
}

/// An encoding problem, carried through `io::Error` so serde_json hands it back unchanged.
#[derive(Debug)]
pub struct EncodingError {
    pub detail: String,
    pub position: Position,
}

impl std::fmt::Display for EncodingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.detail, self.position)
    }
}

impl std::error::Error for EncodingError {}

/// Streams UTF-16 (either byte order) as UTF-8.
struct Utf16Decoder<'a> {
    inner: Box<dyn Read + 'a>,
    big_endian: bool,
    raw: Vec<u8>,
    out: Vec<u8>,
    out_pos: usize,
    pending_high: Option<u16>,
    /// Offset in the original input of the first byte in `raw`.
    offset: u64,
    eof: bool,
}

impl<'a> Utf16Decoder<'a> {
    fn new(inner: Box<dyn Read + 'a>, big_endian: bool, offset: u64) -> Self {
        Utf16Decoder {
            inner,
            big_endian,
            raw: Vec::with_capacity(BUF_SIZE),
            out: Vec::with_capacity(BUF_SIZE * 3 / 2),
            out_pos: 0,
            pending_high: None,
            offset,
            eof: false,
        }
    }

    fn fail(&self, detail: &str, at: u64) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            EncodingError {
                detail: format!("invalid UTF-16 text ({detail})"),
                position: Position::offset(at),
            },
        )
    }

    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.out_pos = 0;
        while self.out.is_empty() && !self.eof {
            let start = self.raw.len();
            self.raw.resize(start + BUF_SIZE, 0);
            let n = loop {
                match self.inner.read(&mut self.raw[start..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    r => break r?,
                }
            };
            self.raw.truncate(start + n);
            if n == 0 {
                self.eof = true;
                if !self.raw.is_empty() {
                    return Err(self.fail("odd number of bytes", self.offset));
                }
                if self.pending_high.is_some() {
                    return Err(self.fail("unpaired surrogate at end", self.offset));
                }
            }
            let whole = self.raw.len() & !1;
            for (i, pair) in self.raw[..whole].chunks_exact(2).enumerate() {
                let unit = if self.big_endian {
                    u16::from_be_bytes([pair[0], pair[1]])
                } else {
                    u16::from_le_bytes([pair[0], pair[1]])
                };
                let at = self.offset + 2 * i as u64;
                let c = match (self.pending_high.take(), unit) {
                    (None, 0xD800..=0xDBFF) => {
                        self.pending_high = Some(unit);
                        continue;
                    }
                    (None, 0xDC00..=0xDFFF) => return Err(self.fail("unpaired surrogate", at)),
                    (None, u) => char::from_u32(u as u32),
                    (Some(h), 0xDC00..=0xDFFF) => char::from_u32(
                        0x10000 + (((h as u32) - 0xD800) << 10) + (unit as u32 - 0xDC00),
                    ),
                    (Some(_), _) => return Err(self.fail("unpaired surrogate", at)),
                };
                let c = c.ok_or_else(|| self.fail("invalid code point", at))?;
                let mut tmp = [0u8; 4];
                self.out
                    .extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            }
            self.offset += whole as u64;
            self.raw.drain(..whole);
        }
        Ok(())
    }
}

impl Read for Utf16Decoder<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_pos >= self.out.len() {
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

/// Where a document starts, to turn serde_json's document-relative positions into the
/// position in the whole input.
#[derive(Debug, Clone, Copy)]
pub struct DocStart {
    pub line: u64,
    pub column: u64,
    pub offset: u64,
}

impl DocStart {
    pub fn translate(&self, line: usize, column: usize) -> Position {
        let (line, column) = if line <= 1 {
            (self.line, self.column + column.saturating_sub(1) as u64)
        } else {
            (self.line + line as u64 - 1, column as u64)
        };
        Position {
            line: Some(line),
            column: Some(column),
            offset: None,
        }
    }
}

/// A stream of top-level JSON documents. Between documents it skips whitespace and CI wrapper
/// lines; inside one it hands bytes to the parser and reports end-of-file at the closing brace,
/// so each document gets a fresh parser and nothing is read twice.
pub struct Documents<'a> {
    src: Box<dyn Read + 'a>,
    pub encoding: TextEncoding,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    line: u64,
    column: u64,
    offset: u64,
    in_doc: bool,
    scan: ScanState,
    /// Bytes from `start` already checked to be whole UTF-8 characters.
    valid: usize,
    /// Lines skipped as CI wrapper noise, for diagnostics.
    pub skipped_lines: u64,
}

impl<'a> Documents<'a> {
    fn new(src: Box<dyn Read + 'a>, encoding: TextEncoding) -> Self {
        Documents {
            src,
            encoding,
            buf: vec![0; BUF_SIZE],
            start: 0,
            end: 0,
            eof: false,
            line: 1,
            column: 1,
            offset: 0,
            in_doc: false,
            scan: ScanState::default(),
            valid: 0,
            skipped_lines: 0,
        }
    }

    fn position(&self) -> Position {
        Position {
            line: Some(self.line),
            column: Some(self.column),
            offset: Some(self.offset),
        }
    }

    /// Makes at least `want` bytes available unless the input ends first.
    fn fill(&mut self, want: usize) -> io::Result<()> {
        while self.end - self.start < want && !self.eof {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.end == self.buf.len() {
                self.buf.resize(self.buf.len() * 2, 0);
            }
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn advance(&mut self, n: usize) {
        let s = &self.buf[self.start..self.start + n];
        match memchr::memrchr(b'\n', s) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', s).count() as u64;
                self.column = (n - last) as u64;
            }
            None => self.column += n as u64,
        }
        self.offset += n as u64;
        self.start += n;
        self.valid = self.valid.saturating_sub(n);
    }

    /// Skips to the next document. `Ok(None)` at the end of the input.
    pub fn next_document(&mut self) -> Result<Option<DocStart>, PlanError> {
        debug_assert!(!self.in_doc);
        loop {
            self.fill(1).map_err(PlanError::io)?;
            if self.start == self.end {
                return Ok(None);
            }
            let s = &self.buf[self.start..self.end];
            let ws = s
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                .unwrap_or(s.len());
            if ws > 0 {
                self.advance(ws);
                continue;
            }
            if s[0] == b'{' {
                self.in_doc = true;
                self.scan = ScanState::default();
                return Ok(Some(DocStart {
                    line: self.line,
                    column: self.column,
                    offset: self.offset,
                }));
            }
            self.fill(9).map_err(PlanError::io)?;
            let s = &self.buf[self.start..self.end];
            if self.column == 1 && (s.starts_with(b"::") || s.starts_with(b"[command]")) {
                self.skip_line().map_err(PlanError::io)?;
                self.skipped_lines += 1;
                continue;
            }
            return Err(PlanError::UnexpectedText {
                found: describe_start(s),
                position: self.position(),
            });
        }
    }

    fn skip_line(&mut self) -> io::Result<()> {
        loop {
            self.fill(1)?;
            if self.start == self.end {
                return Ok(());
            }
            let s = &self.buf[self.start..self.end];
            match memchr(b'\n', s) {
                Some(i) => {
                    self.advance(i + 1);
                    return Ok(());
                }
                None => {
                    let n = s.len();
                    self.advance(n);
                }
            }
        }
    }
}

/// Brace depth and string state of the document being read, carried across reads.
#[derive(Debug, Default)]
struct ScanState {
    depth: u64,
    in_string: bool,
    escape_pending: bool,
}

impl ScanState {
    /// Finds the end of the current document within `s`, carrying string/escape state across
    /// calls. Returns the length up to and including the closing brace, if it is in `s`.
    fn find_end(&mut self, s: &[u8]) -> Option<usize> {
        let mut i = 0;
        if self.escape_pending && !s.is_empty() {
            self.escape_pending = false;
            i = 1;
        }
        while i < s.len() {
            if self.in_string {
                match memchr2(b'"', b'\\', &s[i..]) {
                    None => return None,
                    Some(k) => {
                        i += k;
                        if s[i] == b'\\' {
                            if i + 1 < s.len() {
                                i += 2;
                            } else {
                                self.escape_pending = true;
                                return None;
                            }
                        } else {
                            self.in_string = false;
                            i += 1;
                        }
                    }
                }
            } else {
                match memchr3(b'"', b'{', b'}', &s[i..]) {
                    None => return None,
                    Some(k) => {
                        i += k;
                        match s[i] {
                            b'"' => self.in_string = true,
                            b'{' => self.depth += 1,
                            _ => {
                                self.depth = self.depth.saturating_sub(1);
                                if self.depth == 0 {
                                    return Some(i + 1);
                                }
                            }
                        }
                        i += 1;
                    }
                }
            }
        }
        None
    }
}

impl Read for Documents<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if !self.in_doc || out.is_empty() {
            return Ok(0);
        }
        while self.valid == 0 {
            self.fill(1)?;
            if self.start == self.end {
                // Input ended inside the document: the parser reports the truncation.
                self.in_doc = false;
                return Ok(0);
            }
            // Validate ahead of the parser so that an encoding error is reported as such,
            // with its position, rather than as a confusing syntax error.
            match std::str::from_utf8(&self.buf[self.start..self.end]) {
                Ok(_) => self.valid = self.end - self.start,
                Err(e) if e.valid_up_to() > 0 => self.valid = e.valid_up_to(),
                Err(e) if e.error_len().is_none() && !self.eof => {
                    // A character straddles the buffer edge: fetch the rest of it.
                    let want = self.end - self.start + 4;
                    self.fill(want)?;
                }
                Err(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        EncodingError {
                            detail: "invalid UTF-8 text".into(),
                            position: self.position(),
                        },
                    ))
                }
            }
        }
        let mut n = out.len().min(self.valid);
        let chunk_start = self.start;
        if let Some(len) = self.scan.find_end(&self.buf[chunk_start..chunk_start + n]) {
            n = len;
            self.in_doc = false;
        }
        out[..n].copy_from_slice(&self.buf[chunk_start..chunk_start + n]);
        self.advance(n);
        Ok(n)
    }
}

fn describe_start(s: &[u8]) -> String {
    match s.first() {
        Some(b'[') => "a JSON array where a plan object was expected".into(),
        Some(b'"') => "a JSON string where a plan object was expected".into(),
        Some(b'}') => "a stray '}' (is a document cut or doubled?)".into(),
        Some(b'-' | b'0'..=b'9') => "a number where a plan object was expected".into(),
        Some(b't' | b'f' | b'n')
            if s.starts_with(b"true") || s.starts_with(b"false") || s.starts_with(b"null") =>
        {
            "a JSON literal where a plan object was expected".into()
        }
        Some(0) => "binary data (a NUL byte)".into(),
        _ => "text that is not JSON".into(),
    }
}
