"""gunicorn settings for production: `gunicorn -c cms/gunicorn.py cms.wsgi`, behind nginx (or the load
balancer), which buffers slow clients and keeps the visitors' keep-alive connections.

Sync workers, one per core (WEB_CONCURRENCY, default 2). A sync worker takes one connection at a time
and closes it after the response, so every request goes to whichever worker is free and both cores
work. With threaded (gthread) workers and keep-alive, a worker keeps the connections it accepted: under
16 keep-alive clients all of them once landed on one worker while the other core sat idle. Measured
with `bench/pages.py --workers` (README, Performance): the cached policy page served about 1.7 times
faster with 2 sync workers than with 2 gthread workers x 2 threads, which sometimes did all the work
on one worker, and uncached pages and form POSTs no slower. GUNICORN_WORKER_CLASS=gthread (with
GUNICORN_THREADS) remains possible; keep-alive stays off (GUNICORN_KEEPALIVE=0) so connections cannot
pile onto one worker.
"""

import os

# Where the environment says (GUNICORN_BIND, e.g. "10.0.0.5:8000" or "unix:/run/edna.sock"; else PORT),
# on the loopback interface by default: nginx or the load balancer in front is what faces the network.
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))  # gthread only
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))  # seconds; sync workers never keep alive
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
