//! The dashboard on loopback: an axum server that only reads, only answers on 127.0.0.1, and
//! only under a random per-run token, so that another local user (or a web page in the
//! browser) cannot read the history. Pages are rendered by the thread that owns the stores,
//! which the server asks over a channel: the stores need not be shareable between threads.

use std::net::TcpListener;
use std::sync::{mpsc, Arc};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, Response, StatusCode};
use axum::Router;

use super::{render, Mode, Page, Sources};
use crate::error::Error;

/// A page asked for, and where its HTML (`None`: no such page) or error goes.
pub struct Job {
    pub page: Page,
    reply: tokio::sync::oneshot::Sender<Result<Option<String>, String>>,
}

#[derive(Clone)]
struct Shared {
    /// `super::CSP` and `frame-ancestors 'none'`, sent on every answer.
    csp: HeaderValue,
    token: Arc<str>,
    hosts: Arc<[String]>,
    jobs: mpsc::Sender<Job>,
}

/// 128 random bits, as 32 hex characters: the URL's secret for this run.
pub fn token() -> Result<String, Error> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| Error::Io {
        context: "reading the OS random source for the dashboard's token".into(),
        error: std::io::Error::other(e.to_string()),
    })?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Listens on 127.0.0.1 only: `port` 0 takes a free one.
pub fn bind(port: u16) -> Result<TcpListener, Error> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| Error::Usage {
        message: format!("cannot listen on 127.0.0.1:{port}: {e}"),
        hint: if e.kind() == std::io::ErrorKind::AddrInUse {
            "another program uses that port: pick another --port, or leave --port out for a free one".into()
        } else {
            "leave --port out to take a free port".into()
        },
    })
}

/// The server, running on a thread of its own, and the pages it waits for.
pub struct Running {
    jobs: mpsc::Receiver<Job>,
    server: std::thread::JoinHandle<Result<(), String>>,
}

/// Starts serving on another thread; `Running::answer` then renders what it is asked for.
pub fn start(listener: TcpListener, token: String) -> Result<Running, Error> {
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let (tx, rx) = mpsc::channel();
    let csp = format!("{}; frame-ancestors 'none'", super::CSP);
    let shared = Shared {
        csp: HeaderValue::from_str(&csp).expect("the policy is ASCII"),
        token: token.into(),
        // A DNS-rebinding page reaches 127.0.0.1 under its own host name: refused.
        hosts: vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")].into(),
        jobs: tx,
    };
    listener.set_nonblocking(true).map_err(|e| Error::Io {
        context: "setting up the dashboard's socket".into(),
        error: e,
    })?;
    let rt = crate::aws::runtime()?;
    let server = std::thread::Builder::new()
        .name("dashboard-http".into())
        .spawn(move || -> Result<(), String> {
            rt.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
                let app = Router::new().fallback(handle).with_state(shared);
                axum::serve(listener, app).await.map_err(|e| e.to_string())
            })
        })
        .map_err(|e| Error::Io {
            context: "starting the dashboard's server thread".into(),
            error: e,
        })?;
    Ok(Running { jobs: rx, server })
}

/// A login's AWS credentials last an hour: a dashboard reading the shared tables signs in
/// again before they run out.
const RELOGIN_AFTER: std::time::Duration = std::time::Duration::from_secs(45 * 60);

impl Running {
    /// Renders each page asked for, until the server stops; then its error, if any. `open`
    /// opens the stores again when a login is about to expire.
    pub fn answer(
        self,
        mut src: Sources,
        mut open: impl FnMut() -> Result<Sources, Error>,
    ) -> Result<(), Error> {
        for job in self.jobs {
            if src.signed_in && src.opened_at.elapsed() > RELOGIN_AFTER {
                match open() {
                    Ok(fresh) => src = fresh,
                    Err(e) => tracing::warn!(error = %e, "signing in again failed"),
                }
            }
            job.answer(&src);
        }
        let failed = |e: String| Error::Io {
            context: "serving the dashboard".into(),
            error: std::io::Error::other(e),
        };
        match self.server.join() {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(failed(e)),
            Err(_) => Err(failed("the server thread stopped unexpectedly".into())),
        }
    }
}

impl Job {
    fn answer(self, src: &Sources) {
        let html = render(src, &self.page, Mode::Served).map_err(|e| match e.hint() {
            Some(h) => format!("{e}\n{h}"),
            None => e.to_string(),
        });
        if let Err(e) = &html {
            tracing::warn!(page = %self.page.path(), error = %e, "dashboard page failed");
        }
        let _ = self.reply.send(html);
    }
}

fn same(a: &[u8], b: &[u8]) -> bool {
    // Constant time in the token's length: how much of a guess was right does not leak.
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn reply(status: StatusCode, body: String) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn plain(status: StatusCode, text: &str) -> Response<Body> {
    let page = maud::html! {
        (maud::DOCTYPE) title { (status) } p { (status) } @if !text.is_empty() { pre { (text) } }
    };
    reply(status, page.into_string())
}

fn redirect(to: &str) -> Response<Body> {
    let mut r = reply(StatusCode::SEE_OTHER, String::new());
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

async fn handle(State(s): State<Shared>, req: Request) -> Response<Body> {
    let mut r = route(&s, req).await;
    // Every answer, page or refusal, carries the same protections.
    let h = r.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, s.csp.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

async fn route(s: &Shared, req: Request) -> Response<Body> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "the dashboard only reads");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    // One Host, ours, and no other authority in an absolute-form target.
    let mut hosts = req.headers().get_all(header::HOST).iter();
    let host = match (hosts.next(), hosts.next()) {
        (Some(h), None) => h.to_str().unwrap_or(""),
        _ => "",
    };
    let authority_ok = req.uri().authority().is_none_or(|a| a.as_str() == host);
    if !authority_ok || !s.hosts.iter().any(|h| h == host) {
        return plain(
            StatusCode::MISDIRECTED_REQUEST,
            "open the URL cloudops printed",
        );
    }
    let path = req.uri().path();
    let (token, rest) = path
        .strip_prefix('/')
        .map(|p| p.split_once('/').unwrap_or((p, "")))
        .unwrap_or_default();
    // Every path outside the token gets the same answer, so it tells nothing.
    if !same(token.as_bytes(), s.token.as_bytes()) {
        return plain(StatusCode::NOT_FOUND, "");
    }
    if !path.starts_with(&format!("/{token}/")) {
        return redirect(&format!("/{token}/index.html"));
    }
    if rest == "compare.html" {
        let q = req.uri().query().unwrap_or("");
        let arg = |k: &str| {
            q.split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        };
        return match (arg("a"), arg("b")) {
            (Some(a), Some(b)) if crate::store::is_id_text(&a) && crate::store::is_id_text(&b) => {
                redirect(&format!("/{token}/{}", Page::Compare(a, b).path()))
            }
            _ => plain(StatusCode::BAD_REQUEST, "compare.html needs ?a=ID&b=ID"),
        };
    }
    let Some(page) = Page::parse(rest) else {
        return plain(StatusCode::NOT_FOUND, "no such page");
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    if s.jobs.send(Job { page, reply: tx }).is_err() {
        return plain(StatusCode::SERVICE_UNAVAILABLE, "the dashboard is stopping");
    }
    match rx.await {
        Ok(Ok(Some(html))) => reply(StatusCode::OK, html),
        Ok(Ok(None)) => plain(
            StatusCode::NOT_FOUND,
            "no such page (the entry may have expired)",
        ),
        Ok(Err(e)) => plain(StatusCode::INTERNAL_SERVER_ERROR, &e),
        Err(_) => plain(StatusCode::SERVICE_UNAVAILABLE, "the dashboard is stopping"),
    }
}
