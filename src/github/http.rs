//! The one way requests reach GitHub: raw status and headers, rate limits told apart from
//! plain refusals and waited for, pagination kept on the API's own host, and transport
//! errors described without the token.

use std::time::Duration;

use octocrab::Octocrab;
use serde::de::DeserializeOwned;

use super::*;

#[derive(Debug, Clone, Copy)]
pub(super) enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl GitHub {
    /// Follows `Link: rel="next"` until the last page.
    pub(super) async fn get_all_pages<T: DeserializeOwned>(
        &self,
        first: &str,
        what: &str,
    ) -> Result<Vec<T>, GitHubError> {
        let mut items = Vec::new();
        self.each_page(first, what, |mut page: Vec<T>| items.append(&mut page))
            .await?;
        Ok(items)
    }

    /// Hands each page to `keep` as it arrives, so a caller that wants a few items of a long
    /// listing holds one page at a time.
    pub(super) async fn each_page<T: DeserializeOwned>(
        &self,
        first: &str,
        what: &str,
        mut keep: impl FnMut(Vec<T>),
    ) -> Result<(), GitHubError> {
        let mut seen = HashSet::new();
        let mut route = first.to_string();
        loop {
            if !seen.insert(route.clone()) {
                return Err(GitHubError::Other {
                    what: what.to_string(),
                    detail: format!("pagination loops back to `{route}`"),
                });
            }
            let answer = self.get(&route, what).await?;
            keep(decode(&answer.body, what)?);
            let Some(next) = answer.link.as_deref().and_then(next_link) else {
                return Ok(());
            };
            route = self
                .same_origin_route(&next)
                .ok_or_else(|| GitHubError::Other {
                    what: what.to_string(),
                    // Following it would send the token to another host.
                    detail: format!("the next page is on another host ({next}); not following it"),
                })?;
        }
    }

    /// `url` as a path relative to the API, if it is on the API's origin.
    pub(super) fn same_origin_route(&self, url: &str) -> Option<String> {
        // `//host/...` is protocol-relative: another host, not a path.
        if url.starts_with('/') && !url.starts_with("//") {
            return Some(url.to_string());
        }
        let prefix = url.get(..self.origin.len())?;
        if !prefix.eq_ignore_ascii_case(&self.origin) {
            return None;
        }
        let rest = &url[self.origin.len()..];
        if rest.is_empty() {
            return Some("/".to_string());
        }
        rest.starts_with('/').then(|| rest.to_string())
    }

    pub(super) async fn client(&self) -> Result<&Octocrab, GitHubError> {
        let base = self.config.base_uri.as_deref().unwrap_or(DEFAULT_BASE_URI);
        self.client
            .get_or_try_init(|| async { self.build_client(base) })
            .await
    }

    /// A client whose `/graphql` is GitHub's GraphQL endpoint: octocrab keeps the base path
    /// in front of every route, and Enterprise serves GraphQL at `/api/graphql`, not under
    /// `/api/v3`.
    pub(super) async fn graphql_client(&self) -> Result<&Octocrab, GitHubError> {
        let base = self.config.base_uri.as_deref().unwrap_or(DEFAULT_BASE_URI);
        let base = base.strip_suffix("/v3").unwrap_or(base).to_string();
        self.graphql_client
            .get_or_try_init(|| async { self.build_client(&base) })
            .await
    }

    fn build_client(&self, base: &str) -> Result<Octocrab, GitHubError> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = Octocrab::builder()
            .base_uri(base)
            .map_err(|_| GitHubError::Other {
                what: "the GitHub API address".to_string(),
                detail: format!("`{base}` is not a valid URL"),
            })?
            .set_connect_timeout(Some(CONNECT_TIMEOUT))
            .set_read_timeout(Some(READ_TIMEOUT));
        if let Some(token) = &self.config.token {
            builder = builder.personal_token(token.clone());
        }
        builder.build().map_err(|e| GitHubError::Other {
            what: "the HTTP client".to_string(),
            detail: error_chain(&e),
        })
    }

    pub(super) async fn get(&self, route: &str, what: &str) -> Result<Answer, GitHubError> {
        self.send(Method::Get, route, None, what).await
    }

    /// The one request helper: send `route`, wait out rate limits as configured, and turn
    /// every other failure into a `GitHubError` naming `what`. A request refused for a rate
    /// limit was not carried out, so repeating a POST after the wait cannot post twice.
    pub(super) async fn send(
        &self,
        method: Method,
        route: &str,
        body: Option<&serde_json::Value>,
        what: &str,
    ) -> Result<Answer, GitHubError> {
        self.send_on(self.client().await?, method, route, body, what)
            .await
    }

    pub(super) async fn send_on(
        &self,
        client: &Octocrab,
        method: Method,
        route: &str,
        body: Option<&serde_json::Value>,
        what: &str,
    ) -> Result<Answer, GitHubError> {
        let mut waits = 0;
        loop {
            tracing::debug!(route, method = ?method, "GitHub request");
            let response = match method {
                Method::Get => client._get(route).await,
                Method::Post => client._post(route, body).await,
                Method::Patch => client._patch(route, body).await,
                Method::Delete => client._delete(route, body).await,
            }
            .map_err(|e| transport_error(&e, what))?;
            let status = response.status().as_u16();
            let headers = response.headers();
            let header = |name: &str| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(|s| s.trim().to_string())
            };
            let link = header("link");
            let remaining = header("x-ratelimit-remaining");
            let reset = header("x-ratelimit-reset");
            let retry_after = header("retry-after");
            let body = client
                .body_to_string(response)
                .await
                .map_err(|e| transport_error(&e, what))?;
            tracing::debug!(route, status, "GitHub answered");

            if (200..300).contains(&status) {
                return Ok(Answer { body, link });
            }
            let message = error_message(&body);
            let limited = rate_limit(
                status,
                remaining.as_deref(),
                reset.as_deref(),
                retry_after.as_deref(),
                &message,
                jiff::Timestamp::now(),
            );
            if let Some(limit) = limited {
                let secs = limit.wait.as_secs();
                if !self.config.wait_on_rate_limit {
                    return Err(GitHubError::RateLimited {
                        reset_at: Some(limit.reset_at),
                        detail: format!("{}; not waiting (waiting is turned off)", limit.why),
                    });
                }
                if limit.wait > self.config.max_wait {
                    return Err(GitHubError::RateLimited {
                        reset_at: Some(limit.reset_at),
                        detail: format!(
                            "{}; the reset is {secs} s away, longer than the {} s this run \
                             may wait",
                            limit.why,
                            self.config.max_wait.as_secs()
                        ),
                    });
                }
                if waits >= MAX_RATE_LIMIT_WAITS {
                    return Err(GitHubError::RateLimited {
                        reset_at: Some(limit.reset_at),
                        detail: format!("{}; still limited after waiting {waits} times", limit.why),
                    });
                }
                waits += 1;
                let note = format!(
                    "GitHub rate limit reached; waiting {secs} s until {} (use --no-wait to \
                     stop instead)",
                    limit.reset_at.strftime("%H:%M:%SZ")
                );
                tracing::info!(route, wait_s = secs, "{note}");
                if let Some(f) = &self.on_wait {
                    f(&note);
                }
                tokio::time::sleep(limit.wait).await;
                continue;
            }
            let detail = if message.is_empty() {
                format!("HTTP {status}")
            } else {
                format!("HTTP {status}: {message}")
            };
            return Err(match status {
                401 => GitHubError::Unauthorized { detail },
                403 => GitHubError::Forbidden {
                    what: what.to_string(),
                    detail,
                },
                404 => GitHubError::NotFound {
                    what: what.to_string(),
                },
                409 if matches!(method, Method::Get) => GitHubError::EmptyRepository {
                    what: what.to_string(),
                },
                422 => GitHubError::Invalid {
                    what: what.to_string(),
                    detail,
                },
                _ => GitHubError::Other {
                    what: what.to_string(),
                    detail,
                },
            });
        }
    }
}

/// Decides whether a failed answer is a rate limit, per GitHub's documented signals:
/// `x-ratelimit-remaining: 0` (primary; reset in `x-ratelimit-reset`), `retry-after`
/// (secondary), or a 403/429 whose message says so (secondary without headers).
pub(super) fn rate_limit(
    status: u16,
    remaining: Option<&str>,
    reset: Option<&str>,
    retry_after: Option<&str>,
    message: &str,
    now: jiff::Timestamp,
) -> Option<RateLimit> {
    if status != 403 && status != 429 {
        return None;
    }
    let why = if message.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status}: {message}")
    };
    let at_least_a_second = |secs: i64| Duration::from_secs(secs.max(1) as u64);

    if let Some(after) = retry_after {
        let secs = match after.parse::<i64>() {
            Ok(s) => Some(s),
            // retry-after may also be an HTTP date.
            Err(_) => jiff::fmt::rfc2822::DateTimeParser::new()
                .parse_timestamp(after)
                .ok()
                .map(|t| t.as_second() - now.as_second()),
        };
        if let Some(secs) = secs {
            let wait = at_least_a_second(secs);
            return Some(RateLimit {
                wait,
                reset_at: add(now, wait),
                why,
            });
        }
    }
    if remaining == Some("0") {
        let reset_at = reset
            .and_then(|r| r.parse::<i64>().ok())
            .and_then(|r| jiff::Timestamp::from_second(r).ok());
        return Some(match reset_at {
            Some(at) => {
                let wait = at_least_a_second(at.as_second() - now.as_second());
                // A reset already past (clock skew) still needs the second we wait.
                let reset_at = if at > now { at } else { add(now, wait) };
                RateLimit {
                    wait,
                    reset_at,
                    why,
                }
            }
            None => RateLimit {
                wait: DEFAULT_RATE_LIMIT_WAIT,
                reset_at: add(now, DEFAULT_RATE_LIMIT_WAIT),
                why,
            },
        });
    }
    if status == 429 || message.to_ascii_lowercase().contains("rate limit") {
        return Some(RateLimit {
            wait: DEFAULT_RATE_LIMIT_WAIT,
            reset_at: add(now, DEFAULT_RATE_LIMIT_WAIT),
            why,
        });
    }
    None
}

pub(super) fn add(t: jiff::Timestamp, d: Duration) -> jiff::Timestamp {
    jiff::Timestamp::from_second(t.as_second().saturating_add(d.as_secs() as i64)).unwrap_or(t)
}

/// GitHub's `message` from an error body (with the reasons a 422 lists), else the start of
/// the body itself.
pub(super) fn error_message(body: &str) -> String {
    if let Ok(MessageJson {
        message: Some(m),
        errors,
    }) = serde_json::from_str::<MessageJson>(body)
    {
        let reasons: Vec<String> = errors
            .iter()
            .filter_map(|e| match e {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Object(o) => o
                    .get("message")
                    .or_else(|| o.get("code"))
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
                _ => None,
            })
            .take(5)
            .collect();
        if reasons.is_empty() {
            return m;
        }
        return format!("{m} ({})", reasons.join("; "));
    }
    let text: String = body.trim().chars().take(200).collect();
    text.replace(['\n', '\r'], " ")
}

/// A transport failure: octocrab's own Display is often just a label ("Service Error"),
/// the cause is further down the source chain.
pub(super) fn transport_error(e: &octocrab::Error, what: &str) -> GitHubError {
    let detail = error_chain(e);
    match e {
        octocrab::Error::Service { .. } | octocrab::Error::Hyper { .. } => {
            GitHubError::Network { detail }
        }
        _ => GitHubError::Other {
            what: what.to_string(),
            detail,
        },
    }
}

pub(super) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

/// The URL of `rel="next"` in a Link header.
pub(super) fn next_link(link: &str) -> Option<String> {
    link.split(',').find_map(|part| {
        let mut pieces = part.split(';');
        let url = pieces.next()?.trim();
        let url = url.strip_prefix('<')?.strip_suffix('>')?;
        pieces
            .any(|p| {
                let p = p.trim();
                p == "rel=\"next\"" || p == "rel=next"
            })
            .then(|| url.to_string())
    })
}

/// `scheme://authority` of an http(s) URL, lower-cased.
pub(super) fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.is_empty() {
        return None;
    }
    Some(format!("{scheme}://{}", authority.to_ascii_lowercase()))
}
