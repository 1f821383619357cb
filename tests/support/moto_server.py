"""moto's server mode, handling one request at a time.

moto's DynamoDB `TransactWriteItems` snapshots the table and, when a transaction is
cancelled, restores that snapshot, undoing writes that other requests made meanwhile. Real
DynamoDB serialises transactions per item; a lock around the WSGI app gives the tests the same
guarantee while clients still connect concurrently.

Every request is logged (its `X-Amz-Target`, path and the access key ID it was signed with;
for Cost Explorer also its body) and the log is served as JSON at `GET /_cloudops/calls`, so
that a test can count the Cost Explorer requests made with its own credentials and read what
they asked for. Usage: moto_server.py HOST PORT
"""

import io
import json
import re
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()
calls = []
CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/")
LOGGED_BODIES = ("AWSInsightsIndexService.",)


def call_of(environ):
    """What the log keeps of one request (reading the body, then putting it back)."""
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    found = CREDENTIAL.search(environ.get("HTTP_AUTHORIZATION", ""))
    call = {
        "target": target,
        "path": environ.get("PATH_INFO", ""),
        "access_key": found.group(1) if found else "",
    }
    if target.startswith(LOGGED_BODIES):
        length = environ.get("CONTENT_LENGTH") or ""
        stream = environ["wsgi.input"]
        raw = stream.read(int(length)) if length.isdigit() else stream.read()
        environ["wsgi.input"] = io.BytesIO(raw)
        environ["CONTENT_LENGTH"] = str(len(raw))
        call["body"] = raw.decode("utf-8", "replace")
    return call


def serialised(environ, start_response):
    if environ.get("PATH_INFO") == "/_cloudops/calls":
        with lock:
            body = json.dumps(calls).encode()
        start_response(
            "200 OK",
            [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
        )
        return [body]
    call = call_of(environ)
    with lock:
        calls.append(call)
        return list(app(environ, start_response))


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    run_simple(host, port, serialised, threaded=True, use_reloader=False)
