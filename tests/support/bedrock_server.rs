//! A small Amazon Bedrock Runtime on 127.0.0.1 speaking the Converse wire protocol (moto's
//! bedrock-runtime does not answer Converse): `POST /model/{modelId}/converse` answers JSON,
//! `POST /model/{modelId}/converse-stream` answers `application/vnd.amazon.eventstream`
//! frames sent one HTTP chunk at a time, so the real SDK client parses real frames. Every
//! request's path and body are recorded, so tests can check what would have left the machine.
#![allow(dead_code)]

use std::io::{BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_smithy_types::event_stream::{Header, HeaderValue, Message};
use serde_json::{json, Value};

/// How the server answers one request.
#[derive(Clone)]
pub enum Reply {
    /// A Converse answer (or, streamed, the same text in `pieces`).
    Text {
        pieces: Vec<String>,
        input_tokens: i64,
        output_tokens: i64,
    },
    /// An error as Bedrock sends it: status, `x-amzn-errortype`, `{"message": ...}`.
    Error {
        status: u16,
        kind: String,
        message: String,
    },
}

impl Reply {
    pub fn text(pieces: &[&str], input_tokens: i64, output_tokens: i64) -> Reply {
        Reply::Text {
            pieces: pieces.iter().map(|s| s.to_string()).collect(),
            input_tokens,
            output_tokens,
        }
    }

    pub fn error(status: u16, kind: &str, message: &str) -> Reply {
        Reply::Error {
            status,
            kind: kind.into(),
            message: message.into(),
        }
    }
}

/// One recorded request.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub body: String,
}

pub struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(reply: Reply) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (l, s) = (log.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (l, r) = (l.clone(), reply.clone());
                std::thread::spawn(move || serve(stream, &l, &r));
            }
        });
        Server { addr, log, stop }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<Request>>, reply: &Reply) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(read) = stream.try_clone() else { return };
    let mut reader = BufReader::new(read);
    let mut w = stream;
    let Some(req) = crate::support::http_request::read(&mut reader) else {
        return;
    };
    let path = req.target().to_string();
    let body = req.body;
    log.lock().unwrap().push(Request {
        path: path.clone(),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let streaming = path.ends_with("/converse-stream");
    if !path.starts_with("/model/") || !(streaming || path.ends_with("/converse")) {
        return respond(
            &mut w,
            404,
            Some("UnknownOperationException"),
            &json!({"message": "not found"}),
        );
    }
    match reply {
        Reply::Error {
            status,
            kind,
            message,
        } => respond(&mut w, *status, Some(kind), &json!({ "message": message })),
        Reply::Text {
            pieces,
            input_tokens,
            output_tokens,
        } => {
            let usage = json!({
                "inputTokens": input_tokens,
                "outputTokens": output_tokens,
                "totalTokens": input_tokens + output_tokens,
            });
            if !streaming {
                let body = json!({
                    "output": {"message": {"role": "assistant", "content": [{"text": pieces.concat()}]}},
                    "stopReason": "end_turn",
                    "usage": usage,
                    "metrics": {"latencyMs": 12},
                });
                return respond(&mut w, 200, None, &body);
            }
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/vnd.amazon.eventstream\r\n\
                        x-amzn-requestid: req-stream\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n";
            if w.write_all(head.as_bytes()).is_err() {
                return;
            }
            let mut events = vec![("messageStart", json!({"role": "assistant"}))];
            for p in pieces {
                events.push((
                    "contentBlockDelta",
                    json!({"contentBlockIndex": 0, "delta": {"text": p}}),
                ));
            }
            events.push(("contentBlockStop", json!({"contentBlockIndex": 0})));
            events.push(("messageStop", json!({"stopReason": "end_turn"})));
            events.push((
                "metadata",
                json!({"usage": usage, "metrics": {"latencyMs": 12}}),
            ));
            for (kind, payload) in events {
                let frame = frame(kind, &payload);
                let chunk = [
                    format!("{:x}\r\n", frame.len()).into_bytes(),
                    frame,
                    b"\r\n".to_vec(),
                ]
                .concat();
                if w.write_all(&chunk).and_then(|()| w.flush()).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = w.write_all(b"0\r\n\r\n");
            let _ = w.flush();
        }
    }
}

/// One event-stream message: prelude, headers, payload, CRC32s (aws-smithy-eventstream).
fn frame(event_type: &str, payload: &Value) -> Vec<u8> {
    let s = |v: &str| HeaderValue::String(v.to_string().into());
    let message = Message::new(payload.to_string().into_bytes())
        .add_header(Header::new(":event-type", s(event_type)))
        .add_header(Header::new(":content-type", s("application/json")))
        .add_header(Header::new(":message-type", s("event")));
    let mut out = Vec::new();
    aws_smithy_eventstream::frame::write_message_to(&message, &mut out).expect("frame");
    out
}

fn respond(w: &mut TcpStream, status: u16, kind: Option<&str>, body: &Value) {
    let text = body.to_string();
    let mut out = format!(
        "HTTP/1.1 {status} {}\r\n",
        if status == 200 { "OK" } else { "Error" }
    );
    out.push_str("content-type: application/json\r\nx-amzn-requestid: req-1\r\n");
    if let Some(k) = kind {
        out.push_str(&format!("x-amzn-errortype: {k}\r\n"));
    }
    out.push_str(&format!(
        "content-length: {}\r\nconnection: close\r\n\r\n{text}",
        text.len()
    ));
    let _ = w.write_all(out.as_bytes());
    let _ = w.flush();
}
