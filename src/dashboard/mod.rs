//! `cloudops dashboard`: the plan history, drift, spend and budgets as web pages, read from
//! the stores the commands use. The same renderer serves them on loopback behind a per-run
//! token (`serve`) and writes them as static files (`export`), so both show the same thing.

pub mod export;
mod pages;
pub mod serve;
pub mod sources;
mod svg;

pub use pages::{plan_document, render, Mode};
pub use sources::Sources;

/// One page, named by its path under the dashboard's root. The path is the same in the
/// server and in an export, so every link between pages is relative and works in both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Index,
    /// A workspace, by its name.
    Workspace(String),
    /// A saved analysis, by its ID (or an unambiguous prefix).
    Plan(String),
    /// Two saved analyses, older then newer.
    Compare(String, String),
    Cost,
    Budgets,
}

impl Page {
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
            return unslug(&slug).map(Page::Workspace);
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
            Page::Workspace(w) => format!("ws/{}.html", slug(w)),
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

/// A workspace name as a file name that is the same in a URL and on every file system:
/// ASCII letters, digits, '-' and '_' as they are, every other byte as `~XX`.
pub fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            s.push(b as char);
        } else {
            s.push_str(&format!("~{b:02x}"));
        }
    }
    s
}

fn unslug(slug: &str) -> Option<String> {
    let mut out = Vec::with_capacity(slug.len());
    let mut bytes = slug.bytes();
    while let Some(b) = bytes.next() {
        if b == b'~' {
            let hex = [bytes.next()?, bytes.next()?];
            out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
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
            Page::Workspace("prod/eu-west-1 ünï".into()),
            Page::Workspace(String::new()),
            Page::Plan("01abcdef".into()),
            Page::Compare("01abcdef".into(), "01abcdeg".into()),
        ] {
            assert_eq!(Page::parse(&p.path()), Some(p.clone()), "{}", p.path());
        }
        assert_eq!(slug("a/b.c"), "a~2fb~2ec");
        for bad in [
            "../etc/passwd",
            "ws/a.b.html",
            "plan/../x.html",
            "ws/~zz.html",
            "x.html",
        ] {
            assert_eq!(Page::parse(bad), None, "{bad}");
        }
    }
}
