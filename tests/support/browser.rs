//! A headless Chromium driven over the DevTools protocol (`--remote-debugging-pipe`: JSON
//! messages on file descriptors 3 and 4, no port, no WebSocket), for the dashboard's browser
//! tests: load a page, collect every console error, exception and failed load, read the
//! rendered text, take a screenshot.

use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

/// The browser binary: $CHROMIUM, else `chromium` on PATH (Debian's package, which
/// `tests/run` installs). Missing, it fails the test with what to do: never a skip.
pub fn binary() -> String {
    let b = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let found = Command::new(&b)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "the browser tests need Chromium: `{b}` did not run. Install Debian's `chromium` \
         package (tests/run does, as root) or set CHROMIUM to a Chromium binary"
    );
    b
}

pub struct Browser {
    child: Child,
    to: std::io::PipeWriter,
    from: mpsc::Receiver<Value>,
    next_id: u64,
    session: String,
    /// Events not yet looked at.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

/// What loading one page showed.
pub struct Loaded {
    /// Console errors, uncaught exceptions and failed loads, one line each.
    pub errors: Vec<String>,
    /// `document.body.innerText`.
    pub text: String,
    pub png: Vec<u8>,
}

impl Browser {
    pub fn start() -> Browser {
        let binary = binary();
        let profile = tempfile::tempdir().expect("tempdir");
        let (to_reader, to) = std::io::pipe().expect("pipe");
        let (from, from_writer) = std::io::pipe().expect("pipe");
        let (r, w) = (to_reader.as_raw_fd(), from_writer.as_raw_fd());
        let mut cmd = Command::new(binary);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--window-size=1280,900",
            "--remote-debugging-pipe",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls between fork and exec. The pipe ends are first
        // moved above 10 so that placing them on 3 and 4 cannot overwrite one with the other.
        unsafe {
            cmd.pre_exec(move || {
                let hi_r = libc::fcntl(r, libc::F_DUPFD, 10);
                let hi_w = libc::fcntl(w, libc::F_DUPFD, 10);
                if hi_r < 0 || hi_w < 0 || libc::dup2(hi_r, 3) < 0 || libc::dup2(hi_w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start chromium");
        drop(to_reader);
        drop(from_writer);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from);
            loop {
                let mut buf = Vec::new();
                match reader.read_until(0, &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        buf.pop();
                        if let Ok(v) = serde_json::from_slice::<Value>(&buf) {
                            if tx.send(v).is_err() {
                                break;
                            }
                        }
                    }
                }
            }
        });
        let mut b = Browser {
            child,
            to,
            from: rx,
            next_id: 0,
            session: String::new(),
            events: Vec::new(),
            _profile: profile,
        };
        let target = b.call("Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().expect("a target").to_string();
        let attached = b.call(
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        );
        b.session = attached["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            b.call(domain, json!({}));
        }
        b
    }

    fn send(&mut self, method: &str, params: Value) -> u64 {
        self.next_id += 1;
        let mut msg = json!({"id": self.next_id, "method": method, "params": params});
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&msg).expect("json");
        bytes.push(0);
        self.to.write_all(&bytes).expect("write to chromium");
        self.next_id
    }

    fn recv(&mut self, deadline: Instant, what: &str) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        self.from
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("chromium did not answer in time ({what})"))
    }

    /// A command's result (panics on a protocol error).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.send(method, params);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let m = self.recv(deadline, method);
            if m["id"].as_u64() == Some(id) {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
            if m.get("method").is_some() {
                self.events.push(m);
            }
        }
    }

    /// Loads `url`, waits for its load event and a moment for late messages, and reports.
    pub fn load(&mut self, url: &str) -> Loaded {
        self.events.clear();
        let nav = self.call("Page.navigate", json!({"url": url}));
        if let Some(e) = nav.get("errorText").and_then(Value::as_str) {
            panic!("chromium could not load {url}: {e}");
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self
            .events
            .iter()
            .any(|e| e["method"] == "Page.loadEventFired")
        {
            let m = self.recv(deadline, "load");
            if m.get("method").is_some() {
                self.events.push(m);
            }
        }
        // Messages logged just after the load event.
        let settle = Instant::now() + Duration::from_millis(300);
        while let Ok(m) = self
            .from
            .recv_timeout(settle.saturating_duration_since(Instant::now()))
        {
            if m.get("method").is_some() {
                self.events.push(m);
            }
        }
        let text = self.call(
            "Runtime.evaluate",
            json!({"expression": "document.body.innerText", "returnByValue": true}),
        )["result"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let shot = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true}),
        );
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("base64");
        Loaded {
            errors: self.events.iter().filter_map(problem).collect(),
            text,
            png,
        }
    }
}

/// An event that is a problem on the page, as one line.
fn problem(e: &Value) -> Option<String> {
    let p = &e["params"];
    match e["method"].as_str()? {
        "Runtime.consoleAPICalled" if matches!(p["type"].as_str(), Some("error" | "assert")) => {
            Some(format!("console.{}: {}", p["type"], p["args"]))
        }
        "Runtime.exceptionThrown" => Some(format!("exception: {}", p["exceptionDetails"])),
        "Log.entryAdded" if p["entry"]["level"] == "error" => Some(format!(
            "{}: {} {}",
            p["entry"]["source"], p["entry"]["text"], p["entry"]["url"]
        )),
        "Network.loadingFailed" => Some(format!("load failed: {}", p["errorText"])),
        "Network.responseReceived"
            if p["response"]["status"].as_u64().is_some_and(|s| s >= 400) =>
        {
            Some(format!(
                "HTTP {} for {}",
                p["response"]["status"], p["response"]["url"]
            ))
        }
        _ => None,
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
