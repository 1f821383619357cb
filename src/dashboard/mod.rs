//! `cloudops dashboard`: the plan history, drift, spend and budgets as web pages, read from
//! the stores the commands use. The same renderer serves them on loopback behind a per-run
//! token (`serve`) and writes them as static files (`export`), so both show the same thing.

use sha2::Digest;

pub mod export;
mod pages;
pub mod serve;
pub mod sources;
mod svg;

pub use pages::{plan_document, render, Mode};
pub use sources::Sources;

/// What a page may load: nothing but its own inline styles and `data:` images (the favicon),
/// and its forms go only to the dashboard. Exported files carry it in a meta tag; the server
/// also sends it, adding what only a header can say (`frame-ancestors`).
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'";

/// One page, named by its path under the dashboard's root. The path is the same in the
/// server and in an export, so every link between pages is relative and works in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Index,
    /// A workspace, by its slug (`Page::workspace` makes one from a name).
    Workspace(String),
    /// A saved analysis, by its ID (or an unambiguous prefix).
    Plan(String),
    /// Two saved analyses, older then newer.
    Compare(String, String),
    Cost,
    Budgets,
}

impl Page {
    pub fn workspace(name: &str) -> Page {
        Page::Workspace(slug(name))
    }

    /// The page at `path` (relative, as in `ws/prod.html`); `None` for anything else.
    pub fn parse(path: &str) -> Option<Page> {
        let page = |p: &str, prefix: &str| {
            p.strip_prefix(prefix)
                .and_then(|r| r.strip_suffix(".html"))
                .map(str::to_string)
        };
        match path {
            "" | "index.html" => return Some(Page::Index),
            "cost.html" => return Some(Page::Cost),
            "budgets.html" => return Some(Page::Budgets),
            _ => {}
        }
        if let Some(slug) = page(path, "ws/") {
            let cut = slug.contains("~~") && slug.bytes().all(|b| is_kept(b) || b == b'~');
            return (cut || unslug(&slug).is_some()).then_some(Page::Workspace(slug));
        }
        if let Some(id) = page(path, "plan/") {
            return crate::store::is_id_text(&id).then_some(Page::Plan(id));
        }
        let (a, b) = page(path, "compare/")?
            .split_once('_')
            .map(|(a, b)| (a.to_string(), b.to_string()))?;
        (crate::store::is_id_text(&a) && crate::store::is_id_text(&b))
            .then_some(Page::Compare(a, b))
    }

    /// The path of the page under the root, as links and export files name it.
    pub fn path(&self) -> String {
        match self {
            Page::Index => "index.html".into(),
            Page::Workspace(slug) => format!("ws/{slug}.html"),
            Page::Plan(id) => format!("plan/{id}.html"),
            Page::Compare(a, b) => format!("compare/{a}_{b}.html"),
            Page::Cost => "cost.html".into(),
            Page::Budgets => "budgets.html".into(),
        }
    }

    /// How a link from this page reaches the root.
    fn root(&self) -> &'static str {
        match self {
            Page::Workspace(_) | Page::Plan(_) | Page::Compare(..) => "../",
            _ => "",
        }
    }
}

/// Bytes a slug keeps as they are: lower case, so that names differing only in case do not
/// share a file on a case-insensitive file system.
fn is_kept(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
}

/// Longest slug kept readable; longer ones are cut and end in a digest of the name, so that
/// a file name stays under every file system's 255-byte limit.
const SLUG_MAX: usize = 120;

/// A workspace name as a file name that is the same in a URL and on every file system:
/// lower-case letters, digits, '-' and '_' as they are, every other byte as `~XX`.
pub fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for b in name.bytes() {
        if is_kept(b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("~{b:02x}"));
        }
    }
    if s.len() <= SLUG_MAX {
        return s;
    }
    let mut cut = 80;
    // Never inside a `~XX`.
    while s.as_bytes()[..cut].iter().rev().take(2).any(|b| *b == b'~') {
        cut -= 1;
    }
    let digest = format!("{:x}", sha2::Sha256::digest(name.as_bytes()));
    format!("{}~~{}", &s[..cut], &digest[..16])
}

/// The name a slug was made from, when it says it in full (not a cut, digested one).
pub fn unslug(slug: &str) -> Option<String> {
    if slug.contains("~~") {
        return None;
    }
    let mut out = Vec::with_capacity(slug.len());
    let mut bytes = slug.bytes();
    while let Some(b) = bytes.next() {
        if b == b'~' {
            let hex = [bytes.next()?, bytes.next()?];
            out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else if is_kept(b) {
            out.push(b);
        } else {
            return None;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip() {
        for p in [
            Page::Index,
            Page::Cost,
            Page::Budgets,
            Page::workspace("prod/eu-west-1 ünï"),
            Page::workspace(""),
            Page::workspace(&"long/name".repeat(40)),
            Page::Plan("01abcdef".into()),
            Page::Compare("01abcdef".into(), "01abcdeg".into()),
        ] {
            assert_eq!(Page::parse(&p.path()), Some(p.clone()), "{}", p.path());
        }
        assert_eq!(slug("a/b.C"), "a~2fb~2e~43");
        assert_ne!(
            slug("Prod"),
            slug("prod"),
            "one file each, whatever the file system"
        );
        for name in ["prod/eu-west-1 ünï", "", "Prod"] {
            assert_eq!(unslug(&slug(name)).as_deref(), Some(name));
        }
        let long = "ü/".repeat(200);
        let cut = slug(&long);
        assert!(cut.len() < 120 && cut.contains("~~"), "{cut}");
        assert_ne!(
            cut,
            slug(&format!("{long}x")),
            "the digest tells long names apart"
        );
        assert_eq!(unslug(&cut), None, "a cut slug is looked up, not decoded");
        for bad in [
            "../etc/passwd",
            "ws/a.b.html",
            "ws/A.html",
            "plan/../x.html",
            "ws/~zz.html",
            "x.html",
        ] {
            assert_eq!(Page::parse(bad), None, "{bad}");
        }
    }
}
