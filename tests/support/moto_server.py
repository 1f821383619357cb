"""moto's server mode, handling one request at a time.

moto's DynamoDB `TransactWriteItems` snapshots the table and, when a transaction is
cancelled, restores that snapshot, undoing writes that other requests made meanwhile. Real
DynamoDB serialises transactions per item; a lock around the WSGI app gives the tests the same
guarantee while clients still connect concurrently. Usage: moto_server.py HOST PORT
"""

import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()


def serialised(environ, start_response):
    with lock:
        return list(app(environ, start_response))


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    run_simple(host, port, serialised, threaded=True, use_reloader=False)
