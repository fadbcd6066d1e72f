"""gunicorn for production: `gunicorn -c site/gunicorn.conf.py portal.wsgi`."""

import multiprocessing
import os

pythonpath = os.path.dirname(os.path.abspath(__file__))  # site/, where the portal package lives
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
