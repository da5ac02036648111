"""gunicorn settings for production: `gunicorn -c cms/gunicorn.py cms.wsgi`.

Serving a page or a form POST is CPU-bound Python with short database and Redis waits, so one worker
per core with two threads each keeps the cores busy without threads queueing on the GIL: on the
2-core benchmark machine, 2 workers x 2 threads handled more form POSTs per second than 2 x 4 or 2 x 8
(see README, Performance). Behind the load balancer, which buffers slow clients, set WEB_CONCURRENCY to
the number of cores.
"""

import os

# Where the environment says (GUNICORN_BIND, e.g. "10.0.0.5:8000" or "unix:/run/edna.sock"; else PORT),
# on the loopback interface by default: nginx or the load balancer in front is what faces the network.
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
