//! Turns the bytes CI hands us into plain UTF-8 JSON, one document at a time and without
//! buffering the whole input: BOMs, UTF-16 (PowerShell redirection), setup-terraform wrapper
//! noise and terragrunt's several-plans-in-one-stream all end here. `Documents` is also the
//! structural scanner the plan reader walks: it skips the bulky sections at memchr speed and
//! hands small pieces (one resource change at a time) to serde_json.

use std::io::{self, Read};

use memchr::{memchr, memchr2};
use serde::de::DeserializeOwned;

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
    } else if n == 4 && head[0] != 0 && head[1] == 0 && head[3] == 0 {
        (TextEncoding::Utf16Le, 0)
    } else if n == 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 {
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
    /// A decoding or read error, reported once the text before it has been read.
    pending: Option<io::Error>,
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
            pending: None,
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

    /// Decodes the next chunk. A problem becomes `pending` and is reported only after the
    /// text before it has been read, so errors come in input order.
    fn refill(&mut self) {
        self.out.clear();
        self.out_pos = 0;
        while self.out.is_empty() && !self.eof && self.pending.is_none() {
            let start = self.raw.len();
            self.raw.resize(start + BUF_SIZE, 0);
            let n = loop {
                match self.inner.read(&mut self.raw[start..]) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.pending = Some(e);
                        break 0;
                    }
                    Ok(n) => break n,
                }
            };
            self.raw.truncate(start + n);
            if self.pending.is_some() {
                return;
            }
            let whole = self.raw.len() & !1;
            let mut used = 0;
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
                        used += 2;
                        continue;
                    }
                    (None, 0xDC00..=0xDFFF) | (Some(_), 0..=0xDBFF | 0xE000..) => None,
                    (None, u) => char::from_u32(u as u32),
                    (Some(h), low) => char::from_u32(
                        0x10000 + (((h as u32) - 0xD800) << 10) + (low as u32 - 0xDC00),
                    ),
                };
                let Some(c) = c else {
                    self.pending = Some(self.fail("unpaired surrogate", at));
                    break;
                };
                let mut tmp = [0u8; 4];
                self.out
                    .extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                used += 2;
            }
            self.offset += used as u64;
            self.raw.drain(..used);
            if n == 0 && self.pending.is_none() {
                self.eof = true;
                if !self.raw.is_empty() {
                    self.pending = Some(self.fail("odd number of bytes", self.offset));
                } else if self.pending_high.is_some() {
                    self.pending = Some(self.fail("unpaired surrogate at end", self.offset));
                }
            }
        }
    }
}

impl Read for Utf16Decoder<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_pos >= self.out.len() {
            if let Some(e) = self.pending.take() {
                return Err(e);
            }
            self.refill();
            if self.out.is_empty() {
                return match self.pending.take() {
                    Some(e) => Err(e),
                    None => Ok(0),
                };
            }
        }
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

/// Where a piece of the input starts, to turn serde_json's piece-relative positions into the
/// position in the whole input.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pub line: u64,
    pub column: u64,
    pub offset: u64,
}

impl Mark {
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

/// A stream of top-level JSON documents over one buffer. Between documents it skips
/// whitespace and CI wrapper lines; inside one, the scanner methods below walk it.
pub struct Documents<'a> {
    src: Box<dyn Read + 'a>,
    pub encoding: TextEncoding,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Bytes in `buf` up to here are known to be valid UTF-8.
    checked: usize,
    /// An invalid UTF-8 sequence starts at `checked`.
    bad_utf8: bool,
    eof: bool,
    line: u64,
    column: u64,
    offset: u64,
    /// Lines skipped as CI wrapper noise, for diagnostics.
    pub skipped_lines: u64,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// What a byte outside strings means to the structural scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Invalid,
    Space,
    Quote,
    Open,
    Close,
    Separator,
    Scalar,
}

const CLASS: [Class; 256] = {
    let mut t = [Class::Invalid; 256];
    t[b' ' as usize] = Class::Space;
    t[b'\t' as usize] = Class::Space;
    t[b'\r' as usize] = Class::Space;
    t[b'\n' as usize] = Class::Space;
    t[b'"' as usize] = Class::Quote;
    t[b'{' as usize] = Class::Open;
    t[b'[' as usize] = Class::Open;
    t[b'}' as usize] = Class::Close;
    t[b']' as usize] = Class::Close;
    t[b',' as usize] = Class::Separator;
    t[b':' as usize] = Class::Separator;
    let scalar = b"0123456789-+.eEtruefalsn";
    let mut i = 0;
    while i < scalar.len() {
        t[scalar[i] as usize] = Class::Scalar;
        i += 1;
    }
    t
};

/// Checks number and literal tokens between strings, byte by byte and across reads, so that
/// sections the scanner skips are still rejected when corrupt (`tru`, `1x`, a stray `e`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Token {
    #[default]
    None,
    Literal(&'static [u8], usize),
    AfterLiteral,
    Number,
}

impl Token {
    fn feed(&mut self, c: u8) -> Result<(), &'static str> {
        let number_char =
            |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-');
        *self = match *self {
            Token::Literal(lit, k) if lit[k] == c => {
                if k + 1 == lit.len() {
                    Token::AfterLiteral
                } else {
                    Token::Literal(lit, k + 1)
                }
            }
            Token::Literal(..) => return Err("a misspelt true, false or null"),
            Token::AfterLiteral => return Err("a character right after true, false or null"),
            Token::Number if number_char(c) => Token::Number,
            Token::Number => return Err("a malformed number"),
            Token::None => match c {
                b't' => Token::Literal(b"true", 1),
                b'f' => Token::Literal(b"false", 1),
                b'n' => Token::Literal(b"null", 1),
                b'0'..=b'9' | b'-' => Token::Number,
                _ => return Err("a stray character where a value was expected"),
            },
        };
        Ok(())
    }

    /// The token ends (at a delimiter or the end of the input).
    fn end(&mut self) -> Result<(), &'static str> {
        let t = std::mem::take(self);
        match t {
            Token::Literal(..) => Err("an unfinished true, false or null"),
            _ => Ok(()),
        }
    }
}

impl<'a> Documents<'a> {
    fn new(src: Box<dyn Read + 'a>, encoding: TextEncoding) -> Self {
        Documents {
            src,
            encoding,
            buf: vec![0; BUF_SIZE],
            start: 0,
            end: 0,
            checked: 0,
            bad_utf8: false,
            eof: false,
            line: 1,
            column: 1,
            offset: 0,
            skipped_lines: 0,
        }
    }

    pub fn position(&self) -> Position {
        Position {
            line: Some(self.line),
            column: Some(self.column),
            offset: Some(self.offset),
        }
    }

    pub fn mark(&self) -> Mark {
        Mark {
            line: self.line,
            column: self.column,
            offset: self.offset,
        }
    }

    /// Makes at least `want` bytes available unless the input ends first. Only bytes checked
    /// to be UTF-8 are made available: an invalid byte stops the supply there, and reaching
    /// it is an encoding error at its exact position — reported in input order, so a syntax
    /// error before it is reported first however the input was chunked.
    fn fill(&mut self, want: usize) -> Result<(), PlanError> {
        if self.start == self.checked && self.bad_utf8 {
            return Err(PlanError::Encoding {
                detail: "invalid UTF-8 text".into(),
                position: self.position(),
            });
        }
        while self.checked - self.start < want && !self.eof && !self.bad_utf8 {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.checked -= self.start;
                self.start = 0;
            }
            if self.end == self.buf.len() {
                self.buf.resize(self.buf.len() * 2, 0);
            }
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(PlanError::io(e)),
            }
            self.check_utf8()?;
        }
        Ok(())
    }

    fn check_utf8(&mut self) -> Result<(), PlanError> {
        match std::str::from_utf8(&self.buf[self.checked..self.end]) {
            Ok(_) => self.checked = self.end,
            Err(e) => {
                // Up to the bad byte (or a character straddling the read boundary, which the
                // next read completes) is good.
                self.checked += e.valid_up_to();
                if e.error_len().is_some() || self.eof {
                    self.bad_utf8 = true;
                    if self.start == self.checked {
                        return Err(PlanError::Encoding {
                            detail: "invalid UTF-8 text".into(),
                            position: self.position(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// No progress is possible: either the input ended or an invalid byte is next.
    fn stuck(&mut self) -> PlanError {
        match self.fill(1) {
            Err(e) => e,
            Ok(()) => self.truncated(),
        }
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
    }

    /// Skips to the next document. `Ok(None)` at the end of the input.
    pub fn next_document(&mut self) -> Result<Option<Mark>, PlanError> {
        loop {
            match self.peek()? {
                None => return Ok(None),
                Some(b'{') => return Ok(Some(self.mark())),
                Some(_) => {}
            }
            self.fill(9)?;
            let s = &self.buf[self.start..self.checked];
            if self.column == 1 && (s.starts_with(b"::") || s.starts_with(b"[command]")) {
                self.skip_line()?;
                self.skipped_lines += 1;
                continue;
            }
            return Err(PlanError::UnexpectedText {
                found: describe_start(s),
                position: self.position(),
            });
        }
    }

    fn skip_line(&mut self) -> Result<(), PlanError> {
        loop {
            self.fill(1)?;
            if self.start == self.checked {
                return Ok(());
            }
            let s = &self.buf[self.start..self.checked];
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

    /// The next non-whitespace byte, not consumed; `None` at the end of the input.
    pub fn peek(&mut self) -> Result<Option<u8>, PlanError> {
        loop {
            self.fill(1)?;
            if self.start == self.checked {
                return Ok(None);
            }
            let s = &self.buf[self.start..self.checked];
            match s.iter().position(|b| !is_ws(*b)) {
                Some(0) => return Ok(Some(s[0])),
                Some(k) => self.advance(k),
                None => {
                    let n = s.len();
                    self.advance(n);
                }
            }
        }
    }

    fn truncated(&self) -> PlanError {
        PlanError::Truncated {
            position: self.position(),
        }
    }

    fn unexpected(&self, expected: &str, found: u8) -> PlanError {
        PlanError::Syntax {
            detail: format!("expected {expected}, found {}", describe_byte(found)),
            position: self.position(),
        }
    }

    /// Consumes `b` (after whitespace) or fails saying what was expected.
    pub fn expect(&mut self, b: u8, expected: &str) -> Result<(), PlanError> {
        match self.peek()? {
            Some(c) if c == b => {
                self.advance(1);
                Ok(())
            }
            Some(c) => Err(self.unexpected(expected, c)),
            None => Err(self.truncated()),
        }
    }

    /// Consumes one JSON value, checking its structure (balanced brackets, closed strings,
    /// only JSON characters between tokens); `capture` receives its bytes.
    pub fn value(&mut self, mut capture: Option<&mut Vec<u8>>) -> Result<(), PlanError> {
        let first = self.peek()?.ok_or_else(|| self.truncated())?;
        match CLASS[first as usize] {
            Class::Scalar => return self.scalar(capture),
            Class::Quote | Class::Open => {}
            _ => return Err(self.unexpected("a JSON value", first)),
        }
        let mut stack: Vec<u8> = Vec::new();
        let mut in_string = false;
        let mut token = Token::None;
        loop {
            self.fill(2)?;
            if self.start == self.checked {
                return Err(self.truncated());
            }
            let s = &self.buf[self.start..self.checked];
            let mut i = 0;
            let mut done = false;
            let mut error: Option<(usize, String)> = None;
            while i < s.len() {
                if in_string {
                    // Most strings in a plan are short keys: a plain loop beats a memchr
                    // call for them; long values go to memchr.
                    let short = s.len().min(i + 24);
                    let mut j = i;
                    while j < short && s[j] != b'"' && s[j] != b'\\' {
                        j += 1;
                    }
                    let found = if j < short {
                        Some(j - i)
                    } else {
                        memchr2(b'"', b'\\', &s[j..]).map(|k| k + j - i)
                    };
                    match found {
                        None => i = s.len(),
                        Some(k) => {
                            i += k;
                            if s[i] == b'\\' {
                                if i + 1 == s.len() {
                                    break;
                                }
                                i += 2;
                            } else {
                                i += 1;
                                in_string = false;
                                if stack.is_empty() {
                                    done = true;
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
                let c = s[i];
                let class = CLASS[c as usize];
                let checked = if class == Class::Scalar {
                    token.feed(c)
                } else {
                    token.end()
                };
                if let Err(what) = checked {
                    error = Some((i, format!("{what} ({})", describe_byte(c))));
                    break;
                }
                match class {
                    Class::Quote => in_string = true,
                    Class::Open => stack.push(c),
                    Class::Close => {
                        let want = if c == b'}' { b'{' } else { b'[' };
                        let open = stack.pop();
                        if open != Some(want) {
                            let detail = match open {
                                Some(o) => format!(
                                    "'{}' where the open '{}' needs '{}'",
                                    c as char,
                                    o as char,
                                    if o == b'{' { '}' } else { ']' }
                                ),
                                None => format!("'{}' without an open bracket", c as char),
                            };
                            error = Some((i, detail));
                            break;
                        }
                        if stack.is_empty() {
                            i += 1;
                            done = true;
                            break;
                        }
                    }
                    Class::Space | Class::Separator | Class::Scalar => {}
                    Class::Invalid => {
                        error = Some((i, format!("unexpected {}", describe_byte(c))));
                        break;
                    }
                }
                i += 1;
            }
            if let Some(c) = capture.as_deref_mut() {
                c.extend_from_slice(&s[..i]);
            }
            self.advance(i);
            if let Some((_, detail)) = error {
                return Err(PlanError::Syntax {
                    detail,
                    position: self.position(),
                });
            }
            if i == 0 && (self.eof || self.bad_utf8) {
                return Err(self.stuck());
            }
            if done {
                return Ok(());
            }
        }
    }

    fn scalar(&mut self, mut capture: Option<&mut Vec<u8>>) -> Result<(), PlanError> {
        let mut token = Token::None;
        loop {
            self.fill(1)?;
            let s = &self.buf[self.start..self.checked];
            let n = s
                .iter()
                .position(|b| CLASS[*b as usize] != Class::Scalar)
                .unwrap_or(s.len());
            let mut bad = None;
            for (k, c) in s[..n].iter().enumerate() {
                if let Err(what) = token.feed(*c) {
                    bad = Some((k, format!("{what} ({})", describe_byte(*c))));
                    break;
                }
            }
            let whole = n == s.len();
            if let Some((k, detail)) = bad {
                self.advance(k);
                return Err(PlanError::Syntax {
                    detail,
                    position: self.position(),
                });
            }
            if let Some(c) = capture.as_deref_mut() {
                c.extend_from_slice(&s[..n]);
            }
            self.advance(n);
            if !whole || self.eof {
                return token.end().map_err(|what| PlanError::Syntax {
                    detail: what.to_string(),
                    position: self.position(),
                });
            }
        }
    }

    /// Consumes one value and deserializes it.
    pub fn parse<T: DeserializeOwned>(
        &mut self,
        document: usize,
        scratch: &mut Vec<u8>,
    ) -> Result<T, PlanError> {
        scratch.clear();
        self.peek()?;
        let mark = self.mark();
        self.value(Some(scratch))?;
        serde_json::from_slice(scratch).map_err(|e| json_error(e, &mark, document))
    }

    /// Walks an object member by member; `f` must consume each value. `null` is an empty object.
    pub fn members(
        &mut self,
        mut f: impl FnMut(&mut Self, String) -> Result<(), PlanError>,
    ) -> Result<(), PlanError> {
        if self.peek()? == Some(b'n') {
            return self.value(None);
        }
        self.expect(b'{', "a JSON object")?;
        if self.peek()? == Some(b'}') {
            self.advance(1);
            return Ok(());
        }
        let mut key = Vec::new();
        loop {
            let mark = self.mark();
            key.clear();
            match self.peek()? {
                Some(b'"') => self.value(Some(&mut key))?,
                Some(c) => return Err(self.unexpected("an object key", c)),
                None => return Err(self.truncated()),
            }
            let name: String = serde_json::from_slice(&key).map_err(|e| json_error(e, &mark, 0))?;
            self.expect(b':', "':' after an object key")?;
            f(self, name)?;
            match self.peek()? {
                Some(b',') => self.advance(1),
                Some(b'}') => {
                    self.advance(1);
                    return Ok(());
                }
                Some(c) => return Err(self.unexpected("',' or '}'", c)),
                None => return Err(self.truncated()),
            }
        }
    }

    /// Walks an array element by element, handing `f` each element's bytes and start.
    /// `null` is an empty array.
    pub fn elements(
        &mut self,
        mut f: impl FnMut(&[u8], Mark) -> Result<(), PlanError>,
    ) -> Result<(), PlanError> {
        if self.peek()? == Some(b'n') {
            return self.value(None);
        }
        self.expect(b'[', "a JSON array")?;
        if self.peek()? == Some(b']') {
            self.advance(1);
            return Ok(());
        }
        let mut buf = Vec::new();
        loop {
            self.peek()?;
            let mark = self.mark();
            buf.clear();
            self.value(Some(&mut buf))?;
            f(&buf, mark)?;
            match self.peek()? {
                Some(b',') => self.advance(1),
                Some(b']') => {
                    self.advance(1);
                    return Ok(());
                }
                Some(c) => return Err(self.unexpected("',' or ']'", c)),
                None => return Err(self.truncated()),
            }
        }
    }
}

/// Maps a serde_json error in a piece that started at `mark` to a plan error.
pub fn json_error(e: serde_json::Error, mark: &Mark, document: usize) -> PlanError {
    use serde_json::error::Category;
    let position = mark.translate(e.line(), e.column());
    let full = e.to_string();
    let detail = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    match e.classify() {
        Category::Io => PlanError::io(e.into()),
        Category::Eof => PlanError::Truncated { position },
        Category::Syntax => PlanError::Syntax { detail, position },
        Category::Data => PlanError::Shape {
            document: document + 1,
            detail: without_values(&detail),
            position,
        },
    }
}

/// serde's type errors quote the offending value (`invalid type: string "s3cr3t", expected
/// a sequence`); a plan we cannot read may hold secrets we cannot recognise, so the value is
/// cut from the message and only serde's own words around it are kept.
fn without_values(detail: &str) -> String {
    for lead in [
        "invalid type: ",
        "invalid value: ",
        "unknown variant ",
        "unknown field ",
    ] {
        if let Some(rest) = detail.strip_prefix(lead) {
            let kind = match lead {
                "invalid type: " | "invalid value: " => rest.split([' ', ',']).next().unwrap_or(""),
                _ => "",
            };
            let expected = detail
                .rfind(", expected")
                .map(|i| &detail[i..])
                .unwrap_or("");
            let kind = if matches!(
                kind,
                "string"
                    | "integer"
                    | "floating"
                    | "boolean"
                    | "map"
                    | "sequence"
                    | "null"
                    | "unit"
                    | "character"
            ) {
                format!("{kind} ")
            } else {
                String::new()
            };
            return format!("{lead}{kind}(value withheld){expected}");
        }
    }
    detail.to_string()
}

fn describe_byte(b: u8) -> String {
    match b {
        0 => "a NUL byte (binary data?)".to_string(),
        b if b.is_ascii_graphic() => format!("'{}'", b as char),
        b => format!("byte 0x{b:02x}"),
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

#[cfg(test)]
mod tests {
    use super::without_values;
    use crate::plan::{analyze_documents, sniff, AnalyzeOptions, Sniffed};
    use std::io::Read;

    /// Hands the input over one byte per read, as a slow pipe may.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.1 >= self.0.len() || buf.is_empty() {
                return Ok(0);
            }
            buf[0] = self.0[self.1];
            self.1 += 1;
            Ok(1)
        }
    }

    fn error_of(input: &[u8], trickle: bool) -> String {
        let r: Box<dyn Read> = if trickle {
            Box::new(Trickle(input.to_vec(), 0))
        } else {
            Box::new(std::io::Cursor::new(input.to_vec()))
        };
        let Ok(Sniffed::Text(docs)) = sniff(r) else {
            panic!("text input")
        };
        match analyze_documents(docs, "t", &AnalyzeOptions::default()) {
            Ok(_) => "ok".to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn errors_do_not_depend_on_how_the_input_is_chunked() {
        for input in [
            &b"{\"a\":[1}"[..],
            b"{\"a\":\x01,\"b\":\"\xff\"}",
            b"{\"a\":\"\xff\"}",
            b"{\"format_version\":\"1.2\",\"planned_values\":{\"k\":\"a\\\"b\"}}",
            b"{\"format_version\":\"1.2\",\"planned_values\":{\"k\":\"\xe2\x82\xac\"}}",
            b"{\"format_version\":\"1.2\",\"planned_values\":{\"k\":[true,fals,1]}}",
            b"{\"format_version\":\"1.2\",\"planned_values\":{\"k\":[null,-1.5e+3,truee]}}",
            b"{\"format_version\":\"1.2\",\"x\":tru",
        ] {
            assert_eq!(
                error_of(input, false),
                error_of(input, true),
                "{:?}",
                String::from_utf8_lossy(input)
            );
        }
        assert!(error_of(b"{\"a\":[1}", true).contains("the open '[' needs ']'"));
        // UTF-16: a bad surrogate after an earlier problem does not jump the queue.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(
            "{\"format_version\":\"9.2\",\"x\":\""
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        utf16.extend([0x00, 0xDC, b'"', 0, b'}', 0]);
        assert_eq!(error_of(&utf16, false), error_of(&utf16, true));
        assert!(error_of(&utf16, false).contains("format version 9.2"));
        assert!(error_of(b"{\"a\":\x01,\"b\":\"\xff\"}", false).contains("found byte 0x01"));
    }

    #[test]
    fn serde_messages_lose_their_values() {
        assert_eq!(
            without_values(r#"invalid type: string "s3cr3t", expected a sequence"#),
            "invalid type: string (value withheld), expected a sequence"
        );
        assert_eq!(
            without_values(r#"invalid type: string "a\", expected x LEAK", expected struct V"#),
            "invalid type: string (value withheld), expected struct V"
        );
        assert_eq!(
            without_values("invalid type: integer `12345`, expected a string"),
            "invalid type: integer (value withheld), expected a string"
        );
        assert_eq!(
            without_values("unknown variant `s3cr3t`, expected one of `a`, `b`"),
            "unknown variant (value withheld), expected one of `a`, `b`"
        );
        assert_eq!(
            without_values("missing field `address`"),
            "missing field `address`"
        );
    }
}
