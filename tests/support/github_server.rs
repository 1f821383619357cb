//! A small GitHub-API-shaped HTTP/1.1 server on 127.0.0.1, so tests drive the real octocrab
//! client over real sockets instead of mocking it.
//!
//! Include it from any integration test file (tests/*.rs) by path, which needs no change to
//! `tests/support/mod.rs`:
//!
//! ```ignore
//! #[path = "support/github_server.rs"]
//! mod github_server;
//! use github_server::{fixtures, Response, Route, Server};
//! ```
//!
//! Routes match on method and path; a route whose path has a query matches only requests
//! carrying those query pairs (others may be present), and the route matching the most
//! pairs wins, so `/orgs/a/repos` is page 1 and `/orgs/a/repos?page=2` page 2. A route
//! answers its responses in order and repeats the last one. `{base}` in a body or header
//! value becomes the server's base URI when served (for Link headers and `url` fields).
//! Unmatched requests get GitHub's 404 body. Every request is logged with whether it
//! carried an `authorization` header, never the header's value, and with its body (so a
//! test can check what was sent).
//!
//! Pull requests opened with `Server::open_pull` get stateful issue comments, as GitHub
//! keeps them: list (paged by `per_page`/`page` with `Link` headers), create (201; over
//! 65,536 characters is GitHub's 422), edit, delete (204), and GraphQL `minimizeComment`.
//! Explicit routes win over that state, and a `Route::times` route answers its responses
//! once each and then lets requests through, so a test can put a 403 or a rate limit in
//! front of the real behaviour.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One canned answer.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Sets `x-ratelimit-reset` to this many seconds after the moment it is served, so a
    /// slow test machine still sees a reset in the future.
    pub reset_in: Option<u64>,
}

impl Response {
    pub fn json(status: u16, body: serde_json::Value) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: body.to_string(),
            reset_in: None,
        }
    }

    pub fn ok(body: serde_json::Value) -> Response {
        Response::json(200, body)
    }

    /// GitHub's error body: `{"message": ..., "documentation_url": ...}`.
    pub fn error(status: u16, message: &str) -> Response {
        Response::json(
            status,
            serde_json::json!({
                "message": message,
                "documentation_url": "https://docs.github.com/rest",
                "status": status.to_string(),
            }),
        )
    }

    pub fn not_found() -> Response {
        Response::error(404, "Not Found")
    }

    /// The primary rate limit as GitHub answers it: 403, remaining 0, reset `reset_in` s on.
    pub fn rate_limited(reset_in: u64) -> Response {
        let mut r = Response::error(
            403,
            "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated \
             requests get a higher rate limit.)",
        )
        .header("x-ratelimit-limit", "60")
        .header("x-ratelimit-remaining", "0")
        .header("x-ratelimit-used", "60")
        .header("x-ratelimit-resource", "core");
        r.reset_in = Some(reset_in);
        r
    }

    /// A secondary rate limit: 429 with `retry-after`.
    pub fn retry_after(status: u16, secs: u64) -> Response {
        Response::error(
            status,
            "You have exceeded a secondary rate limit. Please wait a few minutes before you \
             try again.",
        )
        .header("retry-after", &secs.to_string())
    }

    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// A `Link` header naming the next (and last) page by absolute URL on this server.
    pub fn next_page(self, next_path: &str, last_path: &str) -> Response {
        self.header(
            "link",
            &format!(r#"<{{base}}{next_path}>; rel="next", <{{base}}{last_path}>; rel="last""#),
        )
    }
}

/// Answers for one method + path (+ query pairs).
#[derive(Debug, Clone)]
pub struct Route {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub responses: Vec<Response>,
    /// Repeat the last response forever (else stop matching once all are served).
    pub repeat_last: bool,
}

impl Route {
    /// `target` is a path, optionally with `?k=v&...` that requests must carry.
    pub fn get(target: &str, response: Response) -> Route {
        Route::seq("GET", target, vec![response])
    }

    /// Answers `responses` in order, then repeats the last.
    pub fn get_seq(target: &str, responses: Vec<Response>) -> Route {
        Route::seq("GET", target, responses)
    }

    pub fn seq(method: &str, target: &str, responses: Vec<Response>) -> Route {
        assert!(!responses.is_empty(), "a route needs at least one response");
        let (path, query) = split_target(target);
        Route {
            method: method.to_string(),
            path,
            query,
            responses,
            repeat_last: true,
        }
    }

    /// Answers each of `responses` once, then no longer matches.
    pub fn times(method: &str, target: &str, responses: Vec<Response>) -> Route {
        Route {
            repeat_last: false,
            ..Route::seq(method, target, responses)
        }
    }
}

/// A comment as the server keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: u64,
    pub node_id: String,
    pub author: String,
    pub body: String,
    pub minimized: bool,
}

/// A request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// An `authorization` header was present (its value is never kept).
    pub authorized: bool,
    /// Some route answered (false: the default 404).
    pub matched: bool,
    pub body: String,
}

struct State {
    routes: Vec<(Route, usize)>,
    log: Vec<Logged>,
    /// Issue comments per "owner/repo#n" of the pull requests opened.
    pulls: BTreeMap<String, Vec<Comment>>,
    next_id: u64,
}

pub struct Server {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(routes: Vec<Route>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let state = Arc::new(Mutex::new(State {
            routes: routes.into_iter().map(|r| (r, 0)).collect(),
            log: Vec::new(),
            pulls: BTreeMap::new(),
            next_id: 1_000_000,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        let base = format!("http://{addr}");
        thread::spawn(move || {
            for stream in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (st, base) = (st.clone(), base.clone());
                // One thread per connection: the client may hold one open while opening
                // another.
                thread::spawn(move || serve(stream, &st, &base));
            }
        });
        Server { addr, state, stop }
    }

    /// `http://127.0.0.1:PORT`, for `Config::base_uri`.
    pub fn base_uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Adds a route after start (for bodies that need to know the port, though `{base}`
    /// usually does).
    pub fn add(&self, route: Route) {
        self.state.lock().unwrap().routes.push((route, 0));
    }

    /// Opens pull request `n` of `owner/repo` with no comments.
    pub fn open_pull(&self, owner: &str, repo: &str, n: u64) {
        self.state
            .lock()
            .unwrap()
            .pulls
            .insert(format!("{owner}/{repo}#{n}"), Vec::new());
    }

    /// Adds a comment as `author` would post it; returns its id.
    pub fn seed_comment(&self, owner: &str, repo: &str, n: u64, author: &str, body: &str) -> u64 {
        let mut st = self.state.lock().unwrap();
        let id = st.next_id;
        st.next_id += 1;
        st.pulls
            .get_mut(&format!("{owner}/{repo}#{n}"))
            .expect("open_pull first")
            .push(Comment {
                id,
                node_id: format!("IC_kwDO{id}"),
                author: author.to_string(),
                body: body.to_string(),
                minimized: false,
            });
        id
    }

    /// The comments of a pull request, oldest first.
    pub fn comments(&self, owner: &str, repo: &str, n: u64) -> Vec<Comment> {
        self.state.lock().unwrap().pulls[&format!("{owner}/{repo}#{n}")].clone()
    }

    pub fn requests(&self) -> Vec<Logged> {
        self.state.lock().unwrap().log.clone()
    }

    /// The targets (path + query) requested, in order.
    pub fn targets(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.target).collect()
    }

    /// How many requests had `path` (query ignored).
    pub fn hits(&self, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| split_target(&r.target).0 == path)
            .count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>, base: &str) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut writer = stream;
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut authorized = false;
    let mut content_length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim().to_ascii_lowercase();
            if name == "authorization" {
                authorized = true;
            } else if name == "content-length" {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; content_length];
    if content_length > 0 {
        let _ = reader.read_exact(&mut body);
    }
    let body = String::from_utf8_lossy(&body).into_owned();

    let response = {
        let mut st = state.lock().unwrap();
        let found = answer(&mut st.routes, &method, &target)
            .or_else(|| comments::answer(&mut st, &method, &target, &body));
        st.log.push(Logged {
            method: method.clone(),
            target: target.clone(),
            authorized,
            matched: found.is_some(),
            body,
        });
        found.unwrap_or_else(Response::not_found)
    };

    let mut headers = response.headers.clone();
    if let Some(secs) = response.reset_in {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock after 1970")
            .as_secs();
        headers.push(("x-ratelimit-reset".to_string(), (now + secs).to_string()));
    }
    let body = response.body.replace("{base}", base);
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    out.push_str("content-type: application/json; charset=utf-8\r\n");
    out.push_str(&format!("content-length: {}\r\n", body.len()));
    // One request per connection keeps the parser trivial; the client reconnects.
    out.push_str("connection: close\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {}\r\n", v.replace("{base}", base)));
    }
    out.push_str("\r\n");
    out.push_str(&body);
    let _ = writer.write_all(out.as_bytes());
    let _ = writer.flush();
}

/// The most specific route for the request, advancing its position in its sequence.
fn answer(routes: &mut [(Route, usize)], method: &str, target: &str) -> Option<Response> {
    let (path, query) = split_target(target);
    let best = routes
        .iter_mut()
        .filter(|(r, served)| {
            r.method.eq_ignore_ascii_case(method)
                && r.path == path
                && r.query.iter().all(|pair| query.contains(pair))
                && (r.repeat_last || *served < r.responses.len())
        })
        .max_by_key(|(r, _)| r.query.len())?;
    let (route, served) = best;
    let i = (*served).min(route.responses.len() - 1);
    *served += 1;
    Some(route.responses[i].clone())
}

fn split_target(target: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let pairs = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .collect();
    (path.to_string(), pairs)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        422 => "Unprocessable Entity",
        301 => "Moved Permanently",
        302 => "Found",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "Status",
    }
}

/// The stateful issue-comment routes (see the module note).
mod comments {
    use super::{split_target, Comment, Response, State};
    use serde_json::{json, Value};

    const AUTHOR: &str = "github-actions[bot]";

    pub(super) fn answer(
        st: &mut State,
        method: &str,
        target: &str,
        body: &str,
    ) -> Option<Response> {
        let (path, query) = split_target(target);
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let q = |k: &str| query.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        match (method, parts.as_slice()) {
            ("POST", ["graphql"]) => Some(minimize(st, body)),
            (_, ["repos", o, r, "issues", n, "comments"]) => {
                let key = format!("{o}/{r}#{n}");
                let n: u64 = n.parse().ok()?;
                match method {
                    "GET" => {
                        let list = st.pulls.get(&key)?;
                        let per: usize = q("per_page").and_then(|v| v.parse().ok()).unwrap_or(30);
                        let page: usize = q("page").and_then(|v| v.parse().ok()).unwrap_or(1);
                        let items: Vec<Value> = list
                            .iter()
                            .skip(per * (page - 1))
                            .take(per)
                            .map(|c| to_json(o, r, n, c))
                            .collect();
                        let mut resp = Response::ok(Value::Array(items));
                        if per * page < list.len() {
                            let base = format!("/repos/{o}/{r}/issues/{n}/comments?per_page={per}");
                            resp = resp.next_page(
                                &format!("{base}&page={}", page + 1),
                                &format!("{base}&page={}", list.len().div_ceil(per)),
                            );
                        }
                        Some(resp)
                    }
                    "POST" => {
                        let text = match body_text(body) {
                            Ok(t) => t,
                            Err(r) => return Some(r),
                        };
                        let id = st.next_id;
                        st.next_id += 1;
                        let c = Comment {
                            id,
                            node_id: format!("IC_kwDO{id}"),
                            author: AUTHOR.to_string(),
                            body: text,
                            minimized: false,
                        };
                        let v = to_json(o, r, n, &c);
                        st.pulls.get_mut(&key)?.push(c);
                        Some(Response::json(201, v))
                    }
                    _ => None,
                }
            }
            (_, ["repos", o, r, "issues", "comments", id]) => {
                let id: u64 = id.parse().ok()?;
                let prefix = format!("{o}/{r}#");
                let (key, i) = st.pulls.iter().find_map(|(k, list)| {
                    let i = list.iter().position(|c| c.id == id)?;
                    k.starts_with(&prefix).then(|| (k.clone(), i))
                })?;
                let n: u64 = key.rsplit('#').next()?.parse().ok()?;
                let list = st.pulls.get_mut(&key)?;
                match method {
                    "PATCH" => {
                        let text = match body_text(body) {
                            Ok(t) => t,
                            Err(r) => return Some(r),
                        };
                        list[i].body = text;
                        Some(Response::ok(to_json(o, r, n, &list[i])))
                    }
                    "DELETE" => {
                        list.remove(i);
                        Some(Response {
                            status: 204,
                            headers: Vec::new(),
                            body: String::new(),
                            reset_in: None,
                        })
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn body_text(body: &str) -> Result<String, Response> {
        let v: Value = serde_json::from_str(body)
            .map_err(|_| Response::error(400, "Problems parsing JSON"))?;
        let text = v["body"].as_str().unwrap_or_default().to_string();
        if text.chars().count() > 65_536 {
            let mut r = Response::error(422, "Validation Failed");
            r.body = json!({
                "message": "Validation Failed",
                "errors": [{"resource": "IssueComment", "code": "custom", "field": "body",
                            "message": "body is too long (maximum is 65536 characters)"}],
                "documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
                "status": "422"
            })
            .to_string();
            return Err(r);
        }
        Ok(text)
    }

    fn minimize(st: &mut State, body: &str) -> Response {
        let v: Value = serde_json::from_str(body).unwrap_or_default();
        let id = v["variables"]["id"].as_str().unwrap_or_default();
        let found = st
            .pulls
            .values_mut()
            .flat_map(|l| l.iter_mut())
            .find(|c| c.node_id == id);
        match found {
            Some(c)
                if v["query"]
                    .as_str()
                    .is_some_and(|q| q.contains("minimizeComment")) =>
            {
                c.minimized = true;
                Response::ok(
                    json!({"data": {"minimizeComment": {"minimizedComment": {"isMinimized": true}}}}),
                )
            }
            _ => Response::ok(json!({
                "data": {"minimizeComment": null},
                "errors": [{"type": "NOT_FOUND", "path": ["minimizeComment"],
                            "message": format!("Could not resolve to a node with the global id of '{id}'")}]
            })),
        }
    }

    fn to_json(o: &str, r: &str, n: u64, c: &Comment) -> Value {
        json!({
            "id": c.id,
            "node_id": c.node_id,
            "url": format!("{{base}}/repos/{o}/{r}/issues/comments/{}", c.id),
            "html_url": format!("https://github.com/{o}/{r}/pull/{n}#issuecomment-{}", c.id),
            "issue_url": format!("{{base}}/repos/{o}/{r}/issues/{n}"),
            "body": c.body,
            "user": super::fixtures::author(&c.author, if c.author.ends_with("[bot]") { "Bot" } else { "User" }),
            "created_at": "2026-12-01T10:00:00Z",
            "updated_at": "2026-12-01T10:00:00Z",
            "author_association": "NONE"
        })
    }
}

/// JSON in the shapes GitHub's REST API answers (trimmed recordings), with every field
/// octocrab's models require, so typed octocrab calls can read them too. URLs use `{base}`.
pub mod fixtures {
    use base64::Engine as _;
    use serde_json::{json, Value};

    /// `GET /users/{login}`; `kind` is "User" or "Organization".
    pub fn account(login: &str, kind: &str) -> Value {
        let mut v = author(login, kind);
        v["name"] = json!(format!("{login} (test)"));
        v["public_repos"] = json!(3);
        v["created_at"] = json!("2015-03-02T10:00:00Z");
        v["updated_at"] = json!("2024-11-05T08:30:00Z");
        v
    }

    /// The `owner` object inside a repository (octocrab's `Author`).
    pub fn author(login: &str, kind: &str) -> Value {
        let u = format!("{{base}}/users/{login}");
        json!({
            "login": login,
            "id": id_of(login),
            "node_id": format!("MDQ6VXNlcj{}", id_of(login)),
            "avatar_url": format!("https://avatars.githubusercontent.com/u/{}?v=4", id_of(login)),
            "gravatar_id": "",
            "url": u,
            "html_url": format!("https://github.com/{login}"),
            "followers_url": format!("{u}/followers"),
            "following_url": format!("{u}/following{{/other_user}}"),
            "gists_url": format!("{u}/gists{{/gist_id}}"),
            "starred_url": format!("{u}/starred{{/owner}}{{/repo}}"),
            "subscriptions_url": format!("{u}/subscriptions"),
            "organizations_url": format!("{u}/orgs"),
            "repos_url": format!("{u}/repos"),
            "events_url": format!("{u}/events{{/privacy}}"),
            "received_events_url": format!("{u}/received_events"),
            "type": kind,
            "site_admin": false
        })
    }

    #[derive(Debug, Clone, Copy, Default)]
    pub struct Flags {
        pub private: bool,
        pub fork: bool,
        pub archived: bool,
    }

    pub const PLAIN: Flags = Flags {
        private: false,
        fork: false,
        archived: false,
    };

    /// One repository as listed by `/orgs/{o}/repos`, `/users/{u}/repos`, `/user/repos`
    /// or returned by `/repos/{o}/{r}`.
    pub fn repo(owner: &str, owner_kind: &str, name: &str, flags: Flags) -> Value {
        let full = format!("{owner}/{name}");
        let u = format!("{{base}}/repos/{full}");
        json!({
            "id": id_of(&full),
            "node_id": format!("R_kgDO{}", id_of(&full)),
            "name": name,
            "full_name": full,
            "private": flags.private,
            "owner": author(owner, owner_kind),
            "html_url": format!("https://github.com/{full}"),
            "description": format!("{name} infrastructure"),
            "fork": flags.fork,
            "url": u,
            "git_trees_url": format!("{u}/git/trees{{/sha}}"),
            "blobs_url": format!("{u}/git/blobs{{/sha}}"),
            "trees_url": format!("{u}/git/trees{{/sha}}"),
            "clone_url": format!("https://github.com/{full}.git"),
            "created_at": "2020-01-01T00:00:00Z",
            "updated_at": "2024-06-01T00:00:00Z",
            "pushed_at": "2024-06-01T00:00:00Z",
            "size": 120,
            "stargazers_count": 0,
            "watchers_count": 0,
            "language": "HCL",
            "forks_count": 0,
            "archived": flags.archived,
            "disabled": false,
            "open_issues_count": 0,
            "visibility": if flags.private { "private" } else { "public" },
            "default_branch": "main",
            "topics": []
        })
    }

    /// `GET /repos/{o}/{r}/git/trees/{ref}?recursive=1`; entries are `(path, type, sha)`
    /// with type "blob", "tree" or "commit" (a submodule).
    pub fn tree(owner: &str, name: &str, entries: &[(&str, &str, &str)], truncated: bool) -> Value {
        let u = format!("{{base}}/repos/{owner}/{name}/git");
        let tree: Vec<Value> = entries
            .iter()
            .map(|(path, kind, sha)| {
                let mut e = json!({
                    "path": path,
                    "mode": match *kind { "tree" => "040000", "commit" => "160000", _ => "100644" },
                    "type": kind,
                    "sha": sha,
                });
                if *kind == "blob" {
                    e["size"] = json!(path.len() * 10);
                    e["url"] = json!(format!("{u}/blobs/{sha}"));
                } else if *kind == "tree" {
                    e["url"] = json!(format!("{u}/trees/{sha}"));
                }
                e
            })
            .collect();
        json!({
            "sha": "9fb037999f264ba9a7fc6274d15fa3ae2ab98312",
            "url": format!("{u}/trees/9fb037999f264ba9a7fc6274d15fa3ae2ab98312"),
            "tree": tree,
            "truncated": truncated
        })
    }

    /// `GET /repos/{o}/{r}/git/blobs/{sha}`: base64 wrapped at 60 columns with `\n`, as
    /// GitHub sends it.
    pub fn blob(owner: &str, name: &str, sha: &str, bytes: &[u8]) -> Value {
        let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        let mut wrapped = String::new();
        for chunk in b64.as_bytes().chunks(60) {
            wrapped.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
            wrapped.push('\n');
        }
        json!({
            "sha": sha,
            "node_id": format!("B_{sha}"),
            "size": bytes.len(),
            "url": format!("{{base}}/repos/{owner}/{name}/git/blobs/{sha}"),
            "content": wrapped,
            "encoding": "base64"
        })
    }

    /// A stable small id per name, so the same repo always gets the same id.
    fn id_of(s: &str) -> u64 {
        s.bytes().fold(1_469_598_103u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(1_099_511)
        }) % 900_000_000
            + 1_000
    }
}
