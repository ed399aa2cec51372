"""The ``flowhub_run`` fixture: a FlowHub test run for the pytest session, standard library only.

Each session (under pytest-xdist, each worker) gets a run id of its own. ``flowhub_run.headers`` is the run
header to add to one's own HTTP client, ``flowhub_run.user(role)`` makes a test user of the run (a dict with
``_id``, ``email``, ``role`` and ``token``), and a lease on the run is renewed while the session lives, so a
session that is killed leaves its data only until the lease runs out. After the session the run is deleted, and
the session fails when the cleanup's receipt finds anything of it left.
"""

import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

DEFAULT_URL = "http://localhost:8080"
DEFAULT_KEY = "flowhub-secret-automation-key-2025"


class FlowHubError(Exception):
    """A call to FlowHub answered an error: its status and the Problem Details' ``detail``."""

    def __init__(self, method, path, status, detail):
        super().__init__(f"{method} {path} answered {status}: {detail}")
        self.status = status
        self.detail = detail


class FlowHubRun:
    """One test run: its id, the header that puts a call under it, its test users, its lease and its cleanup."""

    def __init__(self, url, key, run_id, lease_seconds):
        self.url = url.rstrip("/")
        self.run_id = run_id
        self.lease_seconds = lease_seconds
        self._key = key

    @property
    def headers(self):
        """The header to send with every call of the session, so that what it creates belongs to the run."""
        return {"X-FlowHub-Run": self.run_id}

    def user(self, role="EDITOR", name=None, email=None):
        """A new user of the run with this role and its bearer token; the run's cleanup removes it."""
        body = {"role": role}
        if name is not None:
            body["name"] = name
        if email is not None:
            body["email"] = email
        return self.call("POST", "/api/v1/internal/users", body)["data"]

    def renew(self):
        """Sets the run's lease to end ``lease_seconds`` from now."""
        return self.call("PUT", f"/api/v1/internal/runs/{self._quoted()}", {"ttl_seconds": self.lease_seconds})

    def cleanup(self):
        """Hard-deletes the run (its items, files and users) and answers the cleanup's erasure receipt."""
        cleaned = self.call("DELETE", f"/api/v1/internal/runs/{self._quoted()}")
        return self.call("GET", f"/api/v1/internal/jobs/{cleaned['job_id']}/receipt")["data"]

    def call(self, method, path, body=None):
        """One call with the internal key and the run header; answers the JSON, raises FlowHubError on an error."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "x-internal-key": self._key, "Content-Type": "application/json", **self.headers})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read().decode("utf-8") or "{}")
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                detail = json.loads(text).get("detail", text)
            except ValueError:
                detail = text
            raise FlowHubError(method, path, error.code, detail) from None

    def _quoted(self):
        return urllib.parse.quote(self.run_id, safe="")


def pytest_addoption(parser):
    group = parser.getgroup("flowhub", "FlowHub Jobs test runs")
    group.addoption("--flowhub-url", default=None,
                    help=f"the gateway (default: FLOWHUB_URL, else {DEFAULT_URL})")
    group.addoption("--flowhub-key", default=None,
                    help="the internal key (default: FLOWHUB_INTERNAL_KEY, else the development key)")
    group.addoption("--flowhub-lease", type=int, default=600,
                    help="seconds a run outlives a killed session before it is cleaned up for it (default 600)")


@pytest.fixture(scope="session")
def flowhub_run(request):
    """A FlowHub test run for this session (per pytest-xdist worker), cleaned up after it."""
    config = request.config
    url = config.getoption("--flowhub-url") or os.environ.get("FLOWHUB_URL") or DEFAULT_URL
    key = config.getoption("--flowhub-key") or os.environ.get("FLOWHUB_INTERNAL_KEY") or DEFAULT_KEY
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    run = FlowHubRun(url, key, f"pytest-{worker}-{uuid.uuid4().hex[:12]}", config.getoption("--flowhub-lease"))
    run.renew()
    stop = threading.Event()

    def keep_leased():
        while not stop.wait(max(1, run.lease_seconds // 3)):
            try:
                run.renew()
            except (FlowHubError, OSError):
                pass  # a missed renewal is tried again; the lease is the net for a killed session

    renewer = threading.Thread(target=keep_leased, name="flowhub-lease", daemon=True)
    renewer.start()
    yield run
    stop.set()
    renewer.join(timeout=5)
    receipt = run.cleanup()
    if not receipt.get("verified"):
        pytest.fail(f"FlowHub run {run.run_id} is not gone after its cleanup: {receipt.get('remaining')}",
                    pytrace=False)
