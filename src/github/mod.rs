//! The GitHub adapter (octocrab): repositories of an owner, git trees and blobs, with rate
//! limits honoured and the token never logged.
//!
//! Every request goes through `GitHub::get`, which sees the raw status and headers: that
//! is the only place that can tell a rate limit (403/429 plus `x-ratelimit-*` or
//! `retry-after`) from a plain 403, and so the only place that waits and retries. We read
//! the JSON into small local structs rather than octocrab's models so that a field GitHub
//! omits (Enterprise versions differ) cannot fail a whole listing.

use std::collections::HashSet;
use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use octocrab::Octocrab;
use serde::de::DeserializeOwned;
use serde::Deserialize;

mod comments;
mod http;

pub use comments::IssueComment;

use http::*;

/// Where requests go when the configuration names no other API.
pub const DEFAULT_BASE_URI: &str = "https://api.github.com";

/// How many times one request may sleep on a rate limit before giving up: a limit that
/// keeps coming back after its announced reset means waiting is not helping.
const MAX_RATE_LIMIT_WAITS: u32 = 3;

/// GitHub's advice when a secondary limit gives no reset time: wait at least a minute.
const DEFAULT_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);

/// Without the `retry` feature nothing bounds a hung connection but these.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
const READ_TIMEOUT: Duration = Duration::from_secs(120);

/// How to reach GitHub and how patient to be with its rate limit.
#[derive(Clone)]
pub struct Config {
    /// Default [`DEFAULT_BASE_URI`]; GitHub Enterprise is `https://HOST/api/v3`.
    pub base_uri: Option<String>,
    pub token: Option<String>,
    pub wait_on_rate_limit: bool,
    /// Never wait longer than this for one reset; return `RateLimited` instead.
    pub max_wait: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            base_uri: None,
            token: None,
            wait_on_rate_limit: true,
            max_wait: Duration::from_secs(15 * 60),
        }
    }
}

/// By hand so that `{:?}` of a config (in a log line, a panic) cannot show the token.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("base_uri", &self.base_uri)
            .field("token", &self.token.as_ref().map(|_| "***"))
            .field("wait_on_rate_limit", &self.wait_on_rate_limit)
            .field("max_wait", &self.max_wait)
            .finish()
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Repo {
    pub owner: String,
    pub name: String,
    pub full_name: String,
    pub default_branch: Option<String>,
    pub archived: bool,
    pub fork: bool,
    pub private: bool,
}

#[derive(Debug, Clone)]
pub struct TreeFile {
    pub path: String,
    pub sha: String,
    pub size: Option<u64>,
    /// A symbolic link (mode 120000): its blob holds the target path, not file content.
    pub symlink: bool,
}

#[derive(Debug, Clone)]
pub struct Tree {
    /// Blobs only: directories are implied by the paths, submodules cannot be read.
    pub files: Vec<TreeFile>,
    /// GitHub stopped listing (over 100,000 entries or 7 MB); the files are incomplete.
    pub truncated: bool,
}

#[derive(Debug)]
pub enum GitHubError {
    NotFound {
        what: String,
    },
    RateLimited {
        reset_at: Option<jiff::Timestamp>,
        detail: String,
    },
    /// 401: the token is wrong, expired or revoked.
    Unauthorized {
        detail: String,
    },
    /// 403 that is not a rate limit: missing scope, SSO not authorised, blocked.
    Forbidden {
        what: String,
        detail: String,
    },
    Network {
        detail: String,
    },
    /// 409 on a git endpoint: the repository has no commits yet.
    EmptyRepository {
        what: String,
    },
    /// 422: GitHub understood the request and refused its content (too long, locked issue).
    Invalid {
        what: String,
        detail: String,
    },
    Other {
        what: String,
        detail: String,
    },
}

impl fmt::Display for GitHubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitHubError::NotFound { what } => write!(f, "{what} not found on GitHub"),
            GitHubError::RateLimited { reset_at, detail } => {
                write!(f, "GitHub rate limit reached")?;
                if let Some(t) = reset_at {
                    write!(f, " (resets at {})", t.strftime("%Y-%m-%dT%H:%M:%SZ"))?;
                }
                write!(f, ": {detail}")
            }
            GitHubError::Unauthorized { detail } => {
                write!(f, "GitHub rejected the token: {detail}")
            }
            GitHubError::Forbidden { what, detail } => {
                write!(f, "GitHub refused access to {what}: {detail}")
            }
            GitHubError::Network { detail } => write!(f, "cannot reach GitHub: {detail}"),
            GitHubError::EmptyRepository { what } => write!(f, "{what}: the repository is empty"),
            GitHubError::Invalid { what, detail } => {
                write!(f, "GitHub refused {what}: {detail}")
            }
            GitHubError::Other { what, detail } => {
                write!(f, "GitHub request for {what} failed: {detail}")
            }
        }
    }
}

impl std::error::Error for GitHubError {}

impl GitHubError {
    /// The next step for the operator.
    pub fn hint(&self) -> String {
        match self {
            GitHubError::NotFound { .. } => "check the spelling of the name; private \
                repositories and organisations are only visible with a token that can read \
                them (set GITHUB_TOKEN or GH_TOKEN, or `cloudops auth github login`)"
                .to_string(),
            GitHubError::RateLimited { reset_at, .. } => {
                let when = match reset_at {
                    Some(t) => format!("after {}", t.strftime("%H:%M:%SZ")),
                    None => "in a few minutes".to_string(),
                };
                format!(
                    "run again {when}, or without --no-wait to wait for the reset; without a \
                     token GitHub allows only 60 requests an hour, so set GITHUB_TOKEN or \
                     GH_TOKEN, or store one with `cloudops auth github login`"
                )
            }
            GitHubError::Unauthorized { .. } => "the token (GITHUB_TOKEN, else GH_TOKEN, else \
                the one stored by `cloudops auth github login`) is wrong, expired or revoked: \
                create a new one, or unset the variables and `cloudops auth github logout` to \
                read public repositories anonymously"
                .to_string(),
            GitHubError::Forbidden { .. } => "the token lacks access: give it read access to \
                the repository contents (fine-grained) or the `repo` scope (classic), and \
                authorise it for the organisation's SAML SSO if there is one"
                .to_string(),
            GitHubError::Network { .. } => "check the network connection, any proxy, and that \
                the GitHub API address is right"
                .to_string(),
            GitHubError::EmptyRepository { .. } => {
                "nothing to scan until something is pushed".to_string()
            }
            GitHubError::Invalid { .. } => "GitHub validated the request and refused it; the \
                message above says why (a locked conversation, a body over 65,536 characters)"
                .to_string(),
            GitHubError::Other { .. } => "try again in a moment; if it persists, run with \
                CLOUDOPS_LOG=debug to see the requests"
                .to_string(),
        }
    }

    /// The same error with every occurrence of `secret` masked: details quote the server and
    /// the transport, and neither is trusted not to echo a credential.
    fn redacted(self, secret: Option<&str>) -> GitHubError {
        let Some(secret) = secret.filter(|s| !s.is_empty()) else {
            return self;
        };
        let r = |s: String| s.replace(secret, "***");
        match self {
            GitHubError::NotFound { what } => GitHubError::NotFound { what: r(what) },
            GitHubError::RateLimited { reset_at, detail } => GitHubError::RateLimited {
                reset_at,
                detail: r(detail),
            },
            GitHubError::Unauthorized { detail } => GitHubError::Unauthorized { detail: r(detail) },
            GitHubError::Forbidden { what, detail } => GitHubError::Forbidden {
                what: r(what),
                detail: r(detail),
            },
            GitHubError::Network { detail } => GitHubError::Network { detail: r(detail) },
            GitHubError::EmptyRepository { what } => GitHubError::EmptyRepository { what: r(what) },
            GitHubError::Invalid { what, detail } => GitHubError::Invalid {
                what: r(what),
                detail: r(detail),
            },
            GitHubError::Other { what, detail } => GitHubError::Other {
                what: r(what),
                detail: r(detail),
            },
        }
    }
}

type WaitCallback = Box<dyn Fn(&str) + Send + Sync>;

pub struct GitHub {
    config: Config,
    /// `scheme://authority` of the API, lower-cased: pagination links must stay on it.
    origin: String,
    /// Built on first use: octocrab spawns its request worker on the current tokio
    /// runtime, so building in `new` would tie `new` to being called inside one.
    client: tokio::sync::OnceCell<Octocrab>,
    graphql_client: tokio::sync::OnceCell<Octocrab>,
    on_wait: Option<WaitCallback>,
}

impl fmt::Debug for GitHub {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GitHub")
            .field("config", &self.config)
            .field("on_wait", &self.on_wait.as_ref().map(|_| "set"))
            .finish_non_exhaustive()
    }
}

/// What a successful request gave back.
struct Answer {
    body: String,
    link: Option<String>,
}

/// Why a request was refused for a rate limit, and how long GitHub asks us to wait.
struct RateLimit {
    wait: Duration,
    reset_at: jiff::Timestamp,
    why: String,
}

#[derive(Deserialize)]
struct OwnerJson {
    login: String,
    #[serde(rename = "type", default)]
    kind: Option<String>,
}

#[derive(Deserialize)]
struct RepoJson {
    name: String,
    full_name: Option<String>,
    owner: Option<OwnerJson>,
    default_branch: Option<String>,
    archived: Option<bool>,
    fork: Option<bool>,
    private: Option<bool>,
}

#[derive(Deserialize)]
struct TreeJson {
    #[serde(default)]
    tree: Vec<TreeEntryJson>,
    #[serde(default)]
    truncated: bool,
}

#[derive(Deserialize)]
struct TreeEntryJson {
    path: String,
    #[serde(default)]
    mode: String,
    #[serde(rename = "type")]
    kind: String,
    sha: String,
    size: Option<u64>,
}

#[derive(Deserialize)]
struct BlobJson {
    content: String,
    #[serde(default)]
    encoding: Option<String>,
}

#[derive(Deserialize)]
struct MessageJson {
    message: Option<String>,
    #[serde(default)]
    errors: Vec<serde_json::Value>,
}

impl GitHub {
    pub fn new(mut config: Config) -> Result<GitHub, GitHubError> {
        let base = config
            .base_uri
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_BASE_URI)
            .trim_end_matches('/')
            .to_string();
        let origin = origin_of(&base).ok_or_else(|| GitHubError::Other {
            what: "the GitHub API address".to_string(),
            detail: format!("`{base}` is not an http(s) URL"),
        })?;
        // Validates the address the same way the client will, without spawning anything.
        Octocrab::builder()
            .base_uri(base.as_str())
            .map_err(|_| GitHubError::Other {
                what: "the GitHub API address".to_string(),
                detail: format!("`{base}` is not a valid URL"),
            })?;
        config.base_uri = Some(base);

        config.token = config
            .token
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        // octocrab unwraps the header value it makes from the token: a control character
        // or a non-ASCII letter would panic there, so refuse it here (without echoing it).
        if let Some(t) = &config.token {
            if !t.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(GitHubError::Unauthorized {
                    detail: "the token contains characters that cannot be sent in an HTTP \
                             header (spaces, control characters or non-ASCII)"
                        .to_string(),
                });
            }
        }
        Ok(GitHub {
            config,
            origin,
            client: tokio::sync::OnceCell::new(),
            graphql_client: tokio::sync::OnceCell::new(),
            on_wait: None,
        })
    }

    /// Called with a human message before sleeping on a rate limit, so the CLI can print it
    /// above its progress bar.
    pub fn on_wait(&mut self, f: Box<dyn Fn(&str) + Send + Sync>) {
        self.on_wait = Some(f);
    }

    /// Every repository of a user or organisation, all pages; private ones when the token
    /// can see them.
    pub async fn list_repos(&self, owner: &str) -> Result<Vec<Repo>, GitHubError> {
        self.list_repos_inner(owner)
            .await
            .map_err(|e| self.redact(e))
    }

    pub async fn repo(&self, owner: &str, name: &str) -> Result<Repo, GitHubError> {
        let what = format!("repository `{owner}/{name}`");
        let route = format!("/repos/{}/{}", seg(owner), seg(name));
        let result = async {
            let answer = self.get(&route, &what).await?;
            let json: RepoJson = decode(&answer.body, &what)?;
            Ok(repo_from(json, owner))
        }
        .await;
        result.map_err(|e| self.redact(e))
    }

    /// The recursive tree at `git_ref` (branch, tag or commit sha).
    pub async fn tree(&self, repo: &Repo, git_ref: &str) -> Result<Tree, GitHubError> {
        let what = format!("ref `{git_ref}` of `{}/{}`", repo.owner, repo.name);
        let route = format!(
            "/repos/{}/{}/git/trees/{}?recursive=1",
            seg(&repo.owner),
            seg(&repo.name),
            encode(git_ref, true)
        );
        let result = async {
            // An empty repository answers 409 "Git Repository is empty.": `EmptyRepository`.
            let answer = self.get(&route, &what).await?;
            let json: TreeJson = decode(&answer.body, &what)?;
            let files = json
                .tree
                .into_iter()
                .filter(|e| e.kind == "blob")
                .map(|e| TreeFile {
                    symlink: e.mode == "120000",
                    path: e.path,
                    sha: e.sha,
                    size: e.size,
                })
                .collect();
            Ok(Tree {
                files,
                truncated: json.truncated,
            })
        }
        .await;
        result.map_err(|e| self.redact(e))
    }

    /// A blob's bytes.
    pub async fn blob(&self, repo: &Repo, sha: &str) -> Result<Vec<u8>, GitHubError> {
        let what = format!("blob {sha} of `{}/{}`", repo.owner, repo.name);
        let route = format!(
            "/repos/{}/{}/git/blobs/{}",
            seg(&repo.owner),
            seg(&repo.name),
            seg(sha)
        );
        let result = async {
            let answer = self.get(&route, &what).await?;
            let json: BlobJson = decode(&answer.body, &what)?;
            match json.encoding.as_deref() {
                Some("utf-8") | Some("utf8") => Ok(json.content.into_bytes()),
                Some("base64") | None => {
                    // GitHub wraps the base64 at 60 columns with `\n`.
                    let compact: Vec<u8> = json
                        .content
                        .bytes()
                        .filter(|b| !b.is_ascii_whitespace())
                        .collect();
                    base64::engine::general_purpose::STANDARD
                        .decode(compact)
                        .map_err(|e| GitHubError::Other {
                            what: what.clone(),
                            detail: format!("the blob's base64 content is invalid: {e}"),
                        })
                }
                Some(other) => Err(GitHubError::Other {
                    what: what.clone(),
                    detail: format!("unknown blob encoding `{other}`"),
                }),
            }
        }
        .await;
        result.map_err(|e| self.redact(e))
    }

    async fn list_repos_inner(&self, owner: &str) -> Result<Vec<Repo>, GitHubError> {
        let what = format!("owner `{owner}`");
        let answer = self.get(&format!("/users/{}", seg(owner)), &what).await?;
        let account: OwnerJson = decode(&answer.body, &what)?;
        let login = account.login;
        let what = format!("repositories of `{login}`");

        let route = if account.kind.as_deref() == Some("Organization") {
            // type=all includes the private repositories the token's user can see.
            format!("/orgs/{}/repos?type=all&per_page=100", seg(&login))
        } else if self.config.token.is_some() && self.is_authenticated_user(&login).await? {
            // /users/{u}/repos lists public repositories only, even for their owner.
            "/user/repos?affiliation=owner&per_page=100".to_string()
        } else {
            format!("/users/{}/repos?type=owner&per_page=100", seg(&login))
        };
        let all: Vec<RepoJson> = self.get_all_pages(&route, &what).await?;
        Ok(all.into_iter().map(|r| repo_from(r, &login)).collect())
    }

    async fn is_authenticated_user(&self, login: &str) -> Result<bool, GitHubError> {
        let what = "the token's user".to_string();
        // An installation token (GitHub Actions' GITHUB_TOKEN) has no user: `/user` answers
        // 403, and the public listing is the right one.
        let answer = match self.get("/user", &what).await {
            Err(GitHubError::Forbidden { .. } | GitHubError::Unauthorized { .. }) => {
                return Ok(false)
            }
            other => other?,
        };
        let me: OwnerJson = decode(&answer.body, &what)?;
        Ok(me.login.eq_ignore_ascii_case(login))
    }

    fn redact(&self, e: GitHubError) -> GitHubError {
        e.redacted(self.config.token.as_deref())
    }
}

/// `api.github.com`, or the host of a GitHub Enterprise API URL: tokens are kept per host.
pub fn api_host(api: Option<&str>) -> String {
    let url = api.unwrap_or("https://api.github.com");
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest).to_ascii_lowercase()
}

/// Where `cloudops auth github login` keeps the token for `host`.
pub fn token_vault(
    host: &str,
    for_write: bool,
    insecure_ok: bool,
) -> Result<crate::auth::Vault, crate::Error> {
    let dir = crate::config::user_config_dir();
    crate::auth::Vault::open(
        &format!("github/{host}"),
        for_write,
        insecure_ok,
        dir.as_deref(),
    )
}

/// The token for a scan: GITHUB_TOKEN, else GH_TOKEN, else the one stored for the host.
/// A keyring that cannot be read is reported and the scan goes on without a token.
pub fn token(api: Option<&str>, warn: &dyn Fn(&str)) -> Option<String> {
    if let Some(t) = token_from_env() {
        return Some(t);
    }
    let host = api_host(api);
    match token_vault(&host, false, false).and_then(|v| v.get("token")) {
        Ok(t) => t,
        Err(e) => {
            tracing::debug!(error = %e, "no stored GitHub token");
            if !matches!(e, crate::Error::Auth { ref message, .. } if message.starts_with("no OS keyring works"))
            {
                warn(&format!(
                    "the stored GitHub token could not be read ({e}); going on without one"
                ));
            }
            None
        }
    }
}

/// The token from the environment: GITHUB_TOKEN, else GH_TOKEN (trimmed; empty = none).
pub fn token_from_env() -> Option<String> {
    ["GITHUB_TOKEN", "GH_TOKEN"].iter().find_map(|k| {
        std::env::var(k)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

fn decode<T: DeserializeOwned>(body: &str, what: &str) -> Result<T, GitHubError> {
    serde_json::from_str(body).map_err(|e| GitHubError::Other {
        what: what.to_string(),
        detail: format!("unexpected answer from GitHub: {e}"),
    })
}

fn repo_from(r: RepoJson, owner: &str) -> Repo {
    let owner = r
        .owner
        .map(|o| o.login)
        .unwrap_or_else(|| owner.to_string());
    Repo {
        full_name: r.full_name.unwrap_or_else(|| format!("{owner}/{}", r.name)),
        owner,
        name: r.name,
        default_branch: r.default_branch,
        archived: r.archived.unwrap_or(false),
        fork: r.fork.unwrap_or(false),
        private: r.private.unwrap_or(false),
    }
}

/// One path segment, percent-encoded so a name cannot change the route.
fn seg(s: &str) -> String {
    encode(s, false)
}

fn encode(s: &str, keep_slash: bool) -> String {
    // `.` and `..` as whole segments would be resolved as paths by some proxies.
    if s == "." || s == ".." {
        return s.replace('.', "%2E");
    }
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: i64) -> jiff::Timestamp {
        jiff::Timestamp::from_second(s).unwrap()
    }

    #[test]
    fn next_link_finds_next_among_others() {
        let link = r#"<https://api.github.com/orgs/a/repos?page=3>; rel="next", <https://api.github.com/orgs/a/repos?page=9>; rel="last""#;
        assert_eq!(
            next_link(link).as_deref(),
            Some("https://api.github.com/orgs/a/repos?page=3")
        );
        assert_eq!(
            next_link(r#"<https://x/a?page=1>; rel="prev", <https://x/a?page=1>; rel="first""#),
            None
        );
    }

    #[test]
    fn rate_limit_signals() {
        let now = ts(1_000);
        let primary = rate_limit(403, Some("0"), Some("1030"), None, "", now).unwrap();
        assert_eq!(primary.wait, Duration::from_secs(30));
        assert_eq!(primary.reset_at, ts(1030));
        let past = rate_limit(403, Some("0"), Some("900"), None, "", now).unwrap();
        assert_eq!(past.wait, Duration::from_secs(1));
        let after = rate_limit(429, None, None, Some("7"), "", now).unwrap();
        assert_eq!(after.wait, Duration::from_secs(7));
        let date = rate_limit(
            403,
            None,
            None,
            Some("Thu, 01 Jan 1970 00:16:50 GMT"),
            "",
            now,
        );
        assert_eq!(date.unwrap().wait, Duration::from_secs(10));
        let secondary = rate_limit(
            403,
            Some("12"),
            None,
            None,
            "You have exceeded a secondary rate limit",
            now,
        );
        assert_eq!(secondary.unwrap().wait, DEFAULT_RATE_LIMIT_WAIT);
        assert!(rate_limit(
            403,
            Some("12"),
            Some("1030"),
            None,
            "Resource not accessible",
            now
        )
        .is_none());
        assert!(rate_limit(404, Some("0"), Some("1030"), None, "", now).is_none());
    }

    #[test]
    fn same_origin_only() {
        let gh = GitHub::new(Config {
            base_uri: Some("https://GHE.example.com/api/v3/".into()),
            ..Config::default()
        })
        .unwrap();
        assert_eq!(
            gh.same_origin_route("https://ghe.example.com/api/v3/user/repos?page=2")
                .as_deref(),
            Some("/api/v3/user/repos?page=2")
        );
        assert_eq!(
            gh.same_origin_route("https://ghe.example.com.evil.io/x"),
            None
        );
        assert_eq!(gh.same_origin_route("http://ghe.example.com/x"), None);
        assert_eq!(gh.same_origin_route("https://other/x"), None);
        assert_eq!(gh.same_origin_route("//other/x"), None);
    }

    #[test]
    fn segments_are_encoded() {
        assert_eq!(seg("a/../b c"), "a%2F..%2Fb%20c");
        assert_eq!(encode("feature/x y", true), "feature/x%20y");
    }

    #[test]
    fn bad_tokens_are_refused_without_echo() {
        let e = GitHub::new(Config {
            token: Some("ghp_a\u{7}b".into()),
            ..Config::default()
        })
        .unwrap_err();
        assert!(!format!("{e} {e:?}").contains("ghp_a"));
        assert!(GitHub::new(Config {
            token: Some("  ghp_ok\n".into()),
            ..Config::default()
        })
        .is_ok());
    }
}
