//! `repo scan OWNER[/REPO[@REF]]`: repositories listed through the GitHub adapter, each
//! one's tree read without cloning, blobs fetched only for the wanted `.tf` files, a bounded
//! number of repositories and blobs in flight, and every failure kept as a failure.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::cli::ScanArgs;
use crate::commands::policy::CodePolicies;
use crate::commands::repo_scan::{add_text, globs, progress, PathFilter};
use crate::commands::Context;
use crate::error::Error;
use crate::github::{self, GitHub, GitHubError, Repo, TreeFile};
use crate::scan::{self, RepoScan, ScanReport, Status};

/// Blob downloads in flight across all repositories.
const BLOBS_AT_ONCE: usize = 8;
/// The longest wait for a rate-limit reset (GitHub's window is an hour).
const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(3600);

pub fn scan(
    args: &ScanArgs,
    owner: &str,
    repo: Option<&str>,
    git_ref: Option<&str>,
    filter: &PathFilter,
    policies: Option<Arc<CodePolicies>>,
    ctx: &Context,
) -> Result<ScanReport, Error> {
    crate::aws::runtime()?.block_on(scan_async(
        args, owner, repo, git_ref, filter, policies, ctx,
    ))
}

async fn scan_async(
    args: &ScanArgs,
    owner: &str,
    repo: Option<&str>,
    git_ref: Option<&str>,
    filter: &PathFilter,
    policies: Option<Arc<CodePolicies>>,
    ctx: &Context,
) -> Result<ScanReport, Error> {
    let names = globs(&args.repos, "--repos")?;
    let mut gh = GitHub::new(github::Config {
        base_uri: args.github_api.clone(),
        token: github::token(args.github_api.as_deref(), &|m| ctx.warn(m)),
        wait_on_rate_limit: !args.no_wait,
        max_wait: MAX_RATE_LIMIT_WAIT,
    })
    .map_err(gh_error)?;
    let bar = progress(0, ctx);
    let quiet = ctx.quiet;
    let waiting = bar.clone();
    // Requests in flight all meet the same reset: say it once.
    let last = std::sync::Mutex::new(String::new());
    gh.on_wait(Box::new(move |msg: &str| {
        let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
        if !quiet && *last != msg {
            waiting.suspend(|| eprintln!("{msg}"));
        }
        *last = msg.to_string();
    }));
    let gh = Arc::new(gh);

    let repos = match repo {
        Some(name) => vec![gh.repo(owner, name).await.map_err(gh_error)?],
        None => gh.list_repos(owner).await.map_err(gh_error)?,
    };
    let mut results = Vec::new();
    let mut wanted = Vec::new();
    // GitHub pages by offset: a repository created while listing can show up twice.
    let mut seen = std::collections::HashSet::new();
    for r in repos
        .into_iter()
        .filter(|r| seen.insert(r.full_name.clone()))
    {
        let why_not = if names.as_ref().is_some_and(|g| !g.is_match(&r.name)) {
            None // not asked for: left out entirely
        } else if args.skip_archived && r.archived {
            Some("archived (--skip-archived)")
        } else if args.skip_forks && r.fork {
            Some("a fork (--skip-forks)")
        } else {
            wanted.push(r);
            continue;
        };
        if let Some(why) = why_not {
            results.push(scan::not_scanned(
                &r.full_name,
                Status::Skipped,
                why.to_string(),
            ));
        }
    }
    bar.set_length(wanted.len() as u64);

    let repo_slots = Arc::new(Semaphore::new(usize::from(args.concurrency)));
    let blob_slots = Arc::new(Semaphore::new(BLOBS_AT_ONCE));
    let filter = Arc::new(filter.clone());
    let mut tasks = JoinSet::new();
    let mut pending: std::collections::BTreeSet<String> =
        wanted.iter().map(|r| r.full_name.clone()).collect();
    for r in wanted {
        let (gh, repo_slots, blob_slots, filter) = (
            Arc::clone(&gh),
            Arc::clone(&repo_slots),
            Arc::clone(&blob_slots),
            Arc::clone(&filter),
        );
        let git_ref = git_ref.map(str::to_string);
        let policies = policies.clone();
        tasks.spawn(async move {
            let _slot = repo_slots.acquire_owned().await;
            let outcome = scan_repo(gh, r.clone(), git_ref, filter, blob_slots, policies).await;
            (r, outcome)
        });
    }
    while let Some(done) = tasks.join_next().await {
        let (r, outcome) = done.map_err(|e| Error::Io {
            context: "a repository scan task".into(),
            error: std::io::Error::other(e.to_string()),
        })?;
        bar.set_message(r.full_name.clone());
        bar.inc(1);
        pending.remove(&r.full_name);
        match outcome {
            Ok(scan) => results.push(scan),
            // Out of API budget and told not to wait: every further call would fail too. Stop,
            // but keep what was scanned and list what was not.
            Err(e @ GitHubError::RateLimited { .. }) => {
                tasks.abort_all();
                bar.suspend(|| {
                    if !ctx.quiet {
                        eprintln!("error: {e}\n  hint: {}", e.hint());
                    }
                });
                let detail = format!("not scanned: {e}");
                results.push(scan::not_scanned(
                    &r.full_name,
                    Status::Failed,
                    detail.clone(),
                ));
                for name in std::mem::take(&mut pending) {
                    results.push(scan::not_scanned(&name, Status::Failed, detail.clone()));
                }
                break;
            }
            Err(e) => results.push(scan::not_scanned(
                &r.full_name,
                Status::Failed,
                format!("{e} ({})", e.hint()),
            )),
        }
    }
    bar.finish_and_clear();
    results.sort_by(|a, b| a.name.cmp(&b.name));
    let target = match (repo, git_ref) {
        (Some(r), Some(g)) => format!("{owner}/{r}@{g}"),
        (Some(r), None) => format!("{owner}/{r}"),
        _ => owner.to_string(),
    };
    let kind = if repo.is_some() {
        scan::TargetKind::Repository
    } else {
        scan::TargetKind::Owner
    };
    Ok(scan::report(&target, kind, results))
}

async fn scan_repo(
    gh: Arc<GitHub>,
    repo: Repo,
    git_ref: Option<String>,
    filter: Arc<PathFilter>,
    blob_slots: Arc<Semaphore>,
    policies: Option<Arc<CodePolicies>>,
) -> Result<RepoScan, GitHubError> {
    let reference = git_ref
        .or_else(|| repo.default_branch.clone())
        .unwrap_or_else(|| "HEAD".to_string());
    let tree = match gh.tree(&repo, &reference).await {
        Ok(t) => t,
        // An empty repository has no tree at all (GitHub answers 409).
        Err(GitHubError::EmptyRepository { .. }) => {
            let mut s = scan::scan_files(&repo.full_name, Some(reference), &[]);
            s.detail = Some("empty repository".into());
            return Ok(s);
        }
        Err(e) => return Err(e),
    };
    let mut notes = Vec::new();
    let by_path: std::collections::HashMap<&str, &TreeFile> =
        tree.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut wanted = Vec::new();
    for f in &tree.files {
        if f.path.split('/').any(scan::ignored_dir) || !filter.admit(&f.path, f.size, &mut notes) {
            continue;
        }
        if !f.symlink {
            wanted.push(f.clone());
            continue;
        }
        // The blob is the link's target path; scan the target's content under the link's
        // name, as a checkout would.
        let target = String::from_utf8(gh.blob(&repo, &f.sha).await?).unwrap_or_default();
        let resolved = scan::join(&scan::parent_dir(&f.path), target.trim());
        match by_path.get(resolved.as_str()).filter(|t| !t.symlink) {
            Some(t) if filter.admit(&f.path, t.size, &mut notes) => wanted.push(TreeFile {
                path: f.path.clone(),
                ..(*t).clone()
            }),
            Some(_) => {}
            None => notes.push(format!(
                "{} skipped (a symbolic link outside the repository or to a link)",
                f.path
            )),
        }
    }
    let mut fetches = JoinSet::new();
    let repo = Arc::new(repo);
    for f in wanted {
        let (gh, repo, slots) = (Arc::clone(&gh), Arc::clone(&repo), Arc::clone(&blob_slots));
        fetches.spawn(async move {
            let _slot = slots.acquire_owned().await;
            gh.blob(&repo, &f.sha).await.map(|bytes| (f.path, bytes))
        });
    }
    let mut files = Vec::new();
    while let Some(done) = fetches.join_next().await {
        let (path, bytes) = done.map_err(|e| GitHubError::Other {
            what: "a blob download".into(),
            detail: e.to_string(),
        })??;
        add_text(&mut files, &mut notes, path, bytes);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut s = scan::scan_files(&repo.full_name, Some(reference), &files);
    if let Some(p) = &policies {
        p.apply(&files, &mut s);
    }
    s.set_skipped(notes.clone());
    if tree.truncated {
        // Part of the repository was never looked at: that is not a clean result.
        s.status = Status::Failed;
        notes.insert(
            0,
            "GitHub truncated the file tree (very large repository): some files were not seen"
                .into(),
        );
    }
    if !notes.is_empty() {
        s.detail = Some(notes.join("; "));
    }
    Ok(s)
}

fn gh_error(e: GitHubError) -> Error {
    let hint = e.hint();
    match e {
        GitHubError::Unauthorized { .. } => Error::Auth {
            message: e.to_string(),
            hint,
        },
        _ => Error::Remote {
            message: e.to_string(),
            hint,
        },
    }
}
