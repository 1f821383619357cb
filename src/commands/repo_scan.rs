//! `cloudops repo scan`: decide what the target is (a directory, a GitHub owner or one
//! repository), gather its `.tf` files, hand them to the scan core, optionally plan local
//! roots, render, and turn failures and the gate into the documented exit code.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::cli::{Format, ScanArgs};
use crate::commands::policy::CodePolicies;
use crate::commands::{repo_scan_github, repo_scan_plan, Context};
use crate::error::{Error, ExitCode};
use crate::render;
use crate::scan::{self, FileKind, ScanReport, SourceFile, Status};

/// Files larger than this are not Terraform anyone writes by hand; skipped with a note.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

pub fn run(args: &ScanArgs, ctx: &Context) -> Result<ExitCode, Error> {
    if !matches!(
        ctx.format,
        Format::Table | Format::Json | Format::Sarif | Format::Markdown
    ) {
        return Err(Error::Usage {
            message: "`cloudops repo scan` prints table, json, markdown or sarif".into(),
            hint: "use --format table, json, markdown or sarif".into(),
        });
    }
    let filter = PathFilter::new(&args.include, &args.exclude)?;
    let project =
        crate::config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let policies = crate::commands::policy::load(&args.policies, &project.plan)?
        .map(|set| std::sync::Arc::new(CodePolicies::new(set, args.policies.policy_unmasked)));
    let report = match Target::parse(&args.target) {
        Target::Local(dir) => {
            let mut repo = scan_local(&dir, &filter, policies.as_deref())?;
            if args.plan {
                repo_scan_plan::plan_roots(&dir, &mut repo, args.terraform_bin.as_deref(), ctx)?;
            }
            scan::report(&args.target, scan::TargetKind::Directory, vec![repo])
        }
        Target::GitHub {
            owner,
            repo,
            git_ref,
        } => {
            if repo.is_none() && git_ref.is_some() {
                return Err(Error::Usage {
                    message: format!("{}: a ref (@...) belongs to one repository", args.target),
                    hint: "scan OWNER/REPO@REF, or OWNER without a ref".into(),
                });
            }
            if args.plan {
                return Err(Error::Usage {
                    message: "--plan runs terraform on a local checkout; it cannot plan a GitHub repository".into(),
                    hint: "clone it and run `cloudops repo scan ./checkout --plan`".into(),
                });
            }
            repo_scan_github::scan(
                args,
                &owner,
                repo.as_deref(),
                git_ref.as_deref(),
                &filter,
                policies.clone(),
                ctx,
            )?
        }
    };
    if let Some(p) = &policies {
        p.finish(ctx)?;
    }
    emit(&report, ctx)?;
    Ok(exit_code(&report, args, ctx))
}

fn emit(report: &ScanReport, ctx: &Context) -> Result<(), Error> {
    if ctx.format == Format::Sarif {
        // Streamed: 50,000 results would otherwise be held as JSON values and again as text.
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return match render::scan::write_sarif(report, &mut out).and_then(|()| out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
                context: "writing to standard output".into(),
                error: e,
            }),
            _ => Ok(()),
        };
    }
    let text = match ctx.format {
        Format::Json => render::pretty_json(report),
        Format::Markdown => render::scan::markdown(report),
        _ => render::scan::table(report, &ctx.style),
    };
    crate::commands::print(text.as_bytes())
}

/// A failed repository (or plan) is an error even when others were fine: a scan that could
/// not look must never read as "nothing found".
fn exit_code(report: &ScanReport, args: &ScanArgs, ctx: &Context) -> ExitCode {
    let failed: Vec<&str> = report
        .repositories
        .iter()
        .filter(|r| r.status == Status::Failed)
        .map(|r| r.name.as_str())
        .collect();
    if !failed.is_empty() {
        ctx.note(&format!(
            "error: {} of {} could not be scanned: {}",
            failed.len(),
            report.repositories.len(),
            failed.join(", ")
        ));
        return ExitCode::Failure;
    }
    let Some(threshold) = args.fail_on.and_then(|t| t.0) else {
        return ExitCode::Success;
    };
    let mut gate_failed = false;
    if report.max_severity().is_some_and(|max| max >= threshold) {
        ctx.note(&format!(
            "gate failed: findings at or above {} (--fail-on)",
            threshold.label()
        ));
        gate_failed = true;
    }
    // A file that was not read may hold exactly the finding the gate is for.
    let skipped: Vec<&str> = report
        .repositories
        .iter()
        .flat_map(|r| r.skipped_files.iter().map(String::as_str))
        .collect();
    if !skipped.is_empty() && !args.allow_skipped {
        ctx.note(&format!(
            "gate failed: {} file(s) not scanned (--fail-on): {}; fix them, --exclude them, or pass --allow-skipped",
            skipped.len(),
            skipped.join("; ")
        ));
        gate_failed = true;
    }
    if gate_failed {
        ExitCode::GateFailed
    } else {
        ExitCode::Success
    }
}

pub enum Target {
    Local(PathBuf),
    GitHub {
        owner: String,
        repo: Option<String>,
        git_ref: Option<String>,
    },
}

impl Target {
    /// An existing path (or one written as a path) is local; otherwise `OWNER` or
    /// `OWNER/REPO[@REF]` on GitHub.
    pub fn parse(t: &str) -> Target {
        let p = Path::new(t);
        let path_like = t.starts_with('.') || t.starts_with('/') || t.starts_with('~');
        if path_like || p.exists() {
            return Target::Local(p.to_path_buf());
        }
        let (name, git_ref) = match t.split_once('@') {
            Some((n, r)) => (n, Some(r.to_string())),
            None => (t, None),
        };
        match name.split_once('/') {
            Some((o, r)) => Target::GitHub {
                owner: o.to_string(),
                repo: Some(r.to_string()),
                git_ref,
            },
            None => Target::GitHub {
                owner: name.to_string(),
                repo: None,
                git_ref,
            },
        }
    }
}

/// `--include` / `--exclude` over paths relative to the repository.
#[derive(Clone)]
pub struct PathFilter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl PathFilter {
    pub fn new(include: &[String], exclude: &[String]) -> Result<PathFilter, Error> {
        Ok(PathFilter {
            include: globs(include, "--include")?,
            exclude: globs(exclude, "--exclude")?,
        })
    }

    /// How `path` takes part in the scan, when the user wants it at all.
    pub fn wants(&self, path: &str) -> Option<FileKind> {
        let kind = scan::kind_of(path)?;
        (self.include.as_ref().is_none_or(|g| g.is_match(path))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(path)))
        .then_some(kind)
    }

    /// Whether to read `path` (of `size` bytes, when known); a wanted file that is not read
    /// is named in `notes`, wherever the files come from.
    pub fn admit(&self, path: &str, size: Option<u64>, notes: &mut Vec<String>) -> bool {
        match self.wants(path) {
            None => false,
            Some(FileKind::Unsupported) => {
                notes.push(format!("{path} not scanned (this syntax is not read yet)"));
                false
            }
            Some(_) => match size.filter(|s| *s > MAX_FILE_BYTES) {
                Some(size) => {
                    notes.push(format!("{path} skipped ({size} bytes)"));
                    false
                }
                None => true,
            },
        }
    }
}

/// A read file joins the scan as text, or is named in `notes` when it is not UTF-8.
pub fn add_text(
    files: &mut Vec<SourceFile>,
    notes: &mut Vec<String>,
    path: String,
    bytes: Vec<u8>,
) {
    match String::from_utf8(bytes) {
        Ok(text) => files.push(SourceFile { path, text }),
        Err(_) => notes.push(format!("{path} skipped (not UTF-8)")),
    }
}

pub fn globs(patterns: &[String], flag: &str) -> Result<Option<GlobSet>, Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        // `*` stays within one directory; `**` spans directories (as the README says).
        b.add(
            GlobBuilder::new(p)
                .literal_separator(true)
                .build()
                .map_err(|e| Error::Usage {
                    message: format!("{flag} {p:?}: {e}"),
                    hint: "globs use *, ?, [..] and ** (any directories)".into(),
                })?,
        );
    }
    b.build().map(Some).map_err(|e| Error::Usage {
        message: format!("{flag}: {e}"),
        hint: "globs use *, ?, [..] and ** (any directories)".into(),
    })
}

/// Every wanted `.tf` file under `dir`, skipping `.git`, `.terraform` and symlinked
/// directories (which could loop or leave the tree). Whatever cannot be read below the
/// target (a directory or file without permission, a dangling or looping link, a FIFO or a
/// device) is named in the notes and skipped: the rest of the tree is still reported.
fn scan_local(
    dir: &Path,
    filter: &PathFilter,
    policies: Option<&CodePolicies>,
) -> Result<scan::RepoScan, Error> {
    if !dir.is_dir() {
        return Err(Error::Usage {
            message: format!("{} is not a directory", dir.display()),
            hint: "pass a directory with Terraform files, OWNER or OWNER/REPO".into(),
        });
    }
    // The target itself must be readable: an unreadable target is not an empty one.
    std::fs::read_dir(dir).map_err(|e| Error::Io {
        context: format!("reading {}", dir.display()),
        error: e,
    })?;
    let mut files = Vec::new();
    let mut notes = Vec::new();
    walk(dir, dir, filter, &mut files, &mut notes);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut repo = scan::scan_files(&dir.display().to_string(), None, &files);
    if let Some(p) = policies {
        p.apply(&files, &mut repo);
    }
    repo.set_skipped(notes);
    Ok(repo)
}

fn walk(
    root: &Path,
    dir: &Path,
    filter: &PathFilter,
    files: &mut Vec<SourceFile>,
    notes: &mut Vec<String>,
) {
    let skip = |notes: &mut Vec<String>, p: &Path, e: std::io::Error| {
        notes.push(format!("{}/ skipped (cannot read: {e})", relative(root, p)));
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return skip(notes, dir, e),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                skip(notes, dir, e);
                break;
            }
        };
        let path = entry.path();
        let rel = relative(root, &path);
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) => {
                notes.push(format!("{rel} skipped (cannot read: {e})"));
                continue;
            }
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if kind.is_dir() {
            if !scan::ignored_dir(&name) {
                walk(root, &path, filter, files, notes);
            }
            continue;
        }
        // What a link points at; `Err` for a dangling link or a loop of links.
        let target = if kind.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) => Some(m.file_type()),
                Err(e) => {
                    // A loop says so in its own message ("Too many levels of symbolic links").
                    let why = if e.kind() == std::io::ErrorKind::NotFound {
                        "a dangling symbolic link".to_string()
                    } else {
                        format!("a symbolic link that cannot be followed: {e}")
                    };
                    notes.push(format!("{rel} skipped ({why})"));
                    continue;
                }
            }
        } else {
            None
        };
        if target.is_some_and(|t| t.is_dir()) {
            notes.push(format!("{rel} skipped (a symbolic link to a directory)"));
            continue;
        }
        if filter.wants(&rel).is_none() {
            continue;
        }
        let real = target.unwrap_or(kind);
        if !real.is_file() {
            // Reading a FIFO would block; a device is not a file anyone wrote.
            notes.push(format!(
                "{rel} skipped (not a regular file: {})",
                special(real)
            ));
            continue;
        }
        let len = match std::fs::metadata(&path) {
            Ok(m) => m.len(),
            Err(e) => {
                notes.push(format!("{rel} skipped (cannot read: {e})"));
                continue;
            }
        };
        if filter.admit(&rel, Some(len), notes) {
            match std::fs::read(&path) {
                Ok(bytes) => add_text(files, notes, rel, bytes),
                Err(e) => notes.push(format!("{rel} skipped (cannot read: {e})")),
            }
        }
    }
}

#[cfg(unix)]
fn special(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "an unknown kind of file"
    }
}

#[cfg(not(unix))]
fn special(_: std::fs::FileType) -> &'static str {
    "not a file"
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A progress bar over repositories on a terminal; hidden for pipes, `--quiet` and machine
/// formats.
pub fn progress(len: u64, ctx: &Context) -> indicatif::ProgressBar {
    if ctx.quiet || ctx.format != Format::Table || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} [{elapsed}] {bar:30} {pos}/{len} {msg}")
    {
        bar.set_style(style);
    }
    bar
}
