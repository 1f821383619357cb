//! `cloudops plan comment`: analyze as `plan analyze` does, then keep one comment per
//! workspace on the pull request current — found by its hidden marker, edited in place, or
//! replaced — so a PR shows the latest plan of each workspace and nothing stale pretends
//! to be current.

use std::path::Path;

use serde::Deserialize;

use crate::cli::{CommentArgs, CommentBehavior};
use crate::commands::{plan_analyze, plan_save, Context};
use crate::config;
use crate::error::{Error, ExitCode};
use crate::github::{self, GitHub, GitHubError, IssueComment};
use crate::plan::Report;
use crate::render::pr_comment;

/// A comment run waits at most this long for a rate-limit reset: CI jobs have time limits.
const MAX_RATE_LIMIT_WAIT: std::time::Duration = std::time::Duration::from_secs(600);

/// Where the comment goes, resolved before the plan is read so a bad flag fails fast.
struct Target {
    owner: String,
    repo: String,
    pr: u64,
    workspace: String,
    commit: Option<String>,
    run_url: Option<String>,
}

pub fn run(args: &CommentArgs, ctx: &Context) -> Result<ExitCode, Error> {
    let project =
        config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let event = Event::load()?;
    let target = target(args, &project, event.as_ref())?;
    let api = args.github_api.clone().or_else(|| env("GITHUB_API_URL"));
    let token = github::token(api.as_deref(), &|m| ctx.warn(m)).ok_or_else(|| Error::Auth {
        message: "posting a pull-request comment needs a GitHub token, and none was found".into(),
        hint: "set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ github.token }}`) or \
               GH_TOKEN, or store one with `cloudops auth github login`"
            .into(),
    })?;
    let mut gh = GitHub::new(github::Config {
        base_uri: api,
        token: Some(token),
        wait_on_rate_limit: !args.no_wait,
        max_wait: MAX_RATE_LIMIT_WAIT,
    })
    .map_err(|e| gh_error(e, &target))?;
    let quiet = ctx.quiet;
    gh.on_wait(Box::new(move |m: &str| {
        if !quiet {
            eprintln!("{m}");
        }
    }));

    plan_analyze::run_then(&args.analyze, ctx, |report| {
        let posted =
            crate::aws::runtime()?.block_on(post(&gh, report, &target, args.behavior, ctx))?;
        ctx.note(&format!("{}: {}", posted.verb, posted.url));
        set_output("comment-url", &posted.url, ctx);
        Ok(())
    })
}

struct Posted {
    verb: &'static str,
    url: String,
}

async fn post(
    gh: &GitHub,
    report: &Report,
    t: &Target,
    behavior: CommentBehavior,
    ctx: &Context,
) -> Result<Posted, Error> {
    let cx = pr_comment::Context {
        workspace: t.workspace.clone(),
        commit: t.commit.clone(),
        run_url: t.run_url.clone(),
        at: jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    };
    let body = pr_comment::body(report, &cx);
    let e = |err| gh_error(err, t);
    let mine = gh
        .find_comments(&t.owner, &t.repo, t.pr, |b| {
            pr_comment::is_current(b, &t.workspace)
        })
        .await
        .map_err(e)?;

    match behavior {
        CommentBehavior::Update => {
            // Two jobs racing may each have created one: edit the newest, retire the rest.
            if let Some((newest, older)) = mine.split_last() {
                if same_report(&newest.body, &body) {
                    retire(gh, t, older, &newest.html_url, ctx).await;
                    return Ok(Posted {
                        verb: "comment unchanged",
                        url: newest.html_url.clone(),
                    });
                }
                match gh.update_comment(&t.owner, &t.repo, newest.id, &body).await {
                    Ok(c) => {
                        retire(gh, t, older, &c.html_url, ctx).await;
                        return Ok(Posted {
                            verb: "comment updated",
                            url: c.html_url,
                        });
                    }
                    // Deleted since it was listed: post afresh.
                    Err(GitHubError::NotFound { .. }) => {}
                    Err(err) => return Err(e(err)),
                }
            }
            let c = create(gh, t, &body).await?;
            Ok(Posted {
                verb: "comment created",
                url: c.html_url,
            })
        }
        CommentBehavior::New => {
            let c = create(gh, t, &body).await?;
            retire(gh, t, &mine, &c.html_url, ctx).await;
            Ok(Posted {
                verb: "comment created",
                url: c.html_url,
            })
        }
        CommentBehavior::DeleteAndNew => {
            for old in &mine {
                match gh.delete_comment(&t.owner, &t.repo, old.id).await {
                    Ok(()) | Err(GitHubError::NotFound { .. }) => {}
                    Err(err) => return Err(e(err)),
                }
            }
            let c = create(gh, t, &body).await?;
            Ok(Posted {
                verb: "comment created",
                url: c.html_url,
            })
        }
    }
}

async fn create(gh: &GitHub, t: &Target, body: &str) -> Result<IssueComment, Error> {
    gh.create_comment(&t.owner, &t.repo, t.pr, body)
        .await
        .map_err(|e| gh_error(e, t))
}

/// Marks older comments outdated (edited to point at the new one, then minimised). The new
/// comment is already up, so a failure here is a warning, not a failed run.
async fn retire(gh: &GitHub, t: &Target, old: &[IssueComment], newer: &str, ctx: &Context) {
    for c in old {
        let body = pr_comment::outdated(&c.body, &t.workspace, newer);
        match gh.update_comment(&t.owner, &t.repo, c.id, &body).await {
            Ok(_) | Err(GitHubError::NotFound { .. }) => {}
            Err(e) => {
                ctx.warn(&format!("could not mark {} outdated: {e}", c.html_url));
                continue;
            }
        }
        if c.node_id.is_empty() {
            continue;
        }
        if let Err(e) = gh.minimize_comment(&c.node_id).await {
            ctx.warn(&format!(
                "marked {} outdated but could not minimise it: {e}",
                c.html_url
            ));
        }
    }
}

/// The footer carries the time of the run; an edit that only changes that is noise.
fn same_report(old: &str, new: &str) -> bool {
    let strip = |s: &str| s.rsplit_once("\n<sub>").map_or(s, |(a, _)| a).to_string();
    strip(old) == strip(new)
}

fn target(
    args: &CommentArgs,
    project: &config::ProjectSettings,
    event: Option<&Event>,
) -> Result<Target, Error> {
    let repo = args
        .repo
        .clone()
        .or_else(|| env("GITHUB_REPOSITORY"))
        .ok_or_else(|| {
            Error::usage(
                "no repository to comment on",
                "pass --repo OWNER/NAME (GitHub Actions sets GITHUB_REPOSITORY)",
            )
        })?;
    let (owner, name) = repo
        .trim()
        .split_once('/')
        .filter(|(o, n)| valid_name(o) && valid_name(n))
        .ok_or_else(|| {
            Error::usage(
                format!("--repo `{repo}` is not OWNER/NAME"),
                "name the repository as on GitHub, e.g. --repo acme/infra",
            )
        })?;
    let pr = match (args.pr, event) {
        (Some(n), _) => n,
        (None, Some(ev)) => ev.number().ok_or_else(|| {
            Error::usage(
                format!(
                    "the GitHub Actions event ({}) is not about a pull request",
                    env("GITHUB_EVENT_NAME").unwrap_or_else(|| "unknown".into())
                ),
                "run on `pull_request` events, or pass --pr N",
            )
        })?,
        (None, None) => {
            return Err(Error::usage(
                "no pull request to comment on",
                "pass --pr N (inside GitHub Actions it is read from GITHUB_EVENT_PATH)",
            ))
        }
    };
    let run_url = match (
        env("GITHUB_SERVER_URL"),
        env("GITHUB_REPOSITORY"),
        env("GITHUB_RUN_ID"),
    ) {
        (Some(server), Some(r), Some(id)) => Some(format!("{server}/{r}/actions/runs/{id}")),
        _ => None,
    };
    Ok(Target {
        owner: owner.to_string(),
        repo: name.to_string(),
        pr,
        workspace: plan_save::workspace(&args.analyze, project)?,
        commit: event.and_then(|e| e.head_sha()),
        run_url,
    })
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        && s != "."
        && s != ".."
}

/// The parts of a GitHub Actions event payload that locate a pull request.
#[derive(Deserialize, Default)]
struct Event {
    number: Option<u64>,
    pull_request: Option<EventPr>,
    issue: Option<EventIssue>,
}

#[derive(Deserialize)]
struct EventPr {
    number: u64,
    head: Option<EventHead>,
}

#[derive(Deserialize)]
struct EventHead {
    sha: Option<String>,
}

#[derive(Deserialize)]
struct EventIssue {
    number: u64,
    /// Present only when the issue is a pull request (`issue_comment` on a PR).
    pull_request: Option<serde_json::Value>,
}

impl Event {
    fn load() -> Result<Option<Event>, Error> {
        let Some(path) = env("GITHUB_EVENT_PATH") else {
            return Ok(None);
        };
        let file = std::fs::File::open(&path).map_err(|e| Error::Io {
            context: format!("reading the GitHub Actions event file {path} (GITHUB_EVENT_PATH)"),
            error: e,
        })?;
        // Events can be large (a push of many commits): read what we need, nothing kept.
        let ev = serde_json::from_reader(std::io::BufReader::new(file)).map_err(|e| {
            Error::usage(
                format!(
                    "{}: not a GitHub Actions event payload: {e}",
                    Path::new(&path).display()
                ),
                "unset GITHUB_EVENT_PATH or point it at the event JSON, and pass --pr N",
            )
        })?;
        Ok(Some(ev))
    }

    fn number(&self) -> Option<u64> {
        if let Some(pr) = &self.pull_request {
            return Some(pr.number);
        }
        if let Some(i) = self.issue.as_ref().filter(|i| i.pull_request.is_some()) {
            return Some(i.number);
        }
        self.number.filter(|_| self.issue.is_none())
    }

    fn head_sha(&self) -> Option<String> {
        let sha = self.pull_request.as_ref()?.head.as_ref()?.sha.clone()?;
        sha.bytes().all(|b| b.is_ascii_hexdigit()).then_some(sha)
    }
}

/// Inside GitHub Actions, hands the URL to later steps (`steps.<id>.outputs.comment-url`).
fn set_output(key: &str, value: &str, ctx: &Context) {
    if env("GITHUB_ACTIONS").as_deref() != Some("true") {
        return;
    }
    let Some(path) = env("GITHUB_OUTPUT") else {
        return;
    };
    use std::io::Write;
    let res = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| writeln!(f, "{key}={}", value.replace(['\n', '\r'], "")));
    if let Err(e) = res {
        ctx.warn(&format!("could not write {key} to GITHUB_OUTPUT: {e}"));
    }
}

fn env(k: &str) -> Option<String> {
    std::env::var(k)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// GitHub's errors with the next step a commenter needs (not the scanner's advice).
fn gh_error(e: GitHubError, t: &Target) -> Error {
    let pr = format!("{}/{}#{}", t.owner, t.repo, t.pr);
    match e {
        GitHubError::Unauthorized { .. } => Error::Auth {
            hint: e.hint(),
            message: e.to_string(),
        },
        GitHubError::Forbidden { .. } => Error::Remote {
            message: e.to_string(),
            hint: "the token may not write to pull requests: in a workflow give the job \
                   `permissions: pull-requests: write` (a pull request from a fork gets a \
                   read-only token); a fine-grained token needs \"Pull requests: Read and \
                   write\", a classic one the `repo` scope"
                .into(),
        },
        GitHubError::NotFound { .. } => Error::Remote {
            message: format!("{e} (pull request {pr})"),
            hint: "check --repo and --pr; a private repository is only visible to a token \
                   that can read it"
                .into(),
        },
        _ => Error::Remote {
            hint: e.hint(),
            message: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_locate_the_pull_request() {
        let ev: Event = serde_json::from_str(
            r#"{"number": 7, "pull_request": {"number": 7, "head": {"sha": "abc123"}}}"#,
        )
        .unwrap();
        assert_eq!(ev.number(), Some(7));
        assert_eq!(ev.head_sha().as_deref(), Some("abc123"));
        let on_pr: Event =
            serde_json::from_str(r#"{"issue": {"number": 9, "pull_request": {}}}"#).unwrap();
        assert_eq!(on_pr.number(), Some(9));
        let on_issue: Event = serde_json::from_str(r#"{"issue": {"number": 9}}"#).unwrap();
        assert_eq!(on_issue.number(), None);
        let push: Event = serde_json::from_str(r#"{"ref": "refs/heads/main"}"#).unwrap();
        assert_eq!(push.number(), None);
    }

    #[test]
    fn repository_names() {
        assert!(valid_name("acme-infra.v2"));
        assert!(!valid_name(".."));
        assert!(!valid_name("a b"));
        assert!(!valid_name(""));
    }
}
