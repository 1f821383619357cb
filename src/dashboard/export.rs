//! `cloudops dashboard --export DIR`: every page written as a static file, for CI
//! artifacts. The pages are the served ones (same paths, relative links), minus the compare
//! form, and load nothing: they open offline, from the file system.

use std::path::Path;

use super::{render, Mode, Page, Sources};
use crate::error::Error;

/// Writes the pages into `dir` (created if missing); returns how many.
pub fn export(src: &Sources, dir: &Path) -> Result<usize, Error> {
    let now = src.now()?;
    let entries = src.entries(None, now)?;
    let mut pages = vec![Page::Index, Page::Cost, Page::Budgets];
    let mut seen_ws: Vec<&str> = Vec::new();
    // Newest first: each entry is compared with the next older one of its workspace.
    let mut previous: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for m in entries.entries.iter().rev() {
        if let Some(older) = previous.insert(&m.workspace, &m.id) {
            pages.push(Page::Compare(older.to_string(), m.id.clone()));
        }
    }
    for m in &entries.entries {
        if !seen_ws.contains(&m.workspace.as_str()) {
            seen_ws.push(&m.workspace);
            pages.push(Page::workspace(&m.workspace));
        }
        pages.push(Page::Plan(m.id.clone()));
    }
    let io = |what: &Path, e: std::io::Error| Error::Io {
        context: format!("writing the dashboard export {}", what.display()),
        error: e,
    };
    let mut written = 0;
    for page in &pages {
        let Some(html) = render(src, page, Mode::Export)? else {
            continue;
        };
        let path = dir.join(page.path());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        std::fs::write(&path, html).map_err(|e| io(&path, e))?;
        written += 1;
    }
    Ok(written)
}
