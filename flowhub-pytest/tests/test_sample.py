"""A sample suite using the plugin as a test suite would; the repository's Java test runs it with two workers."""

import json
import os
import urllib.error
import urllib.request

import pytest


def call(run, method, path, token, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(run.url + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", **run.headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode("utf-8"))


@pytest.fixture(autouse=True)
def record_run(flowhub_run):
    """Notes the run id where the Java test that runs this suite looks, to check it is gone afterwards."""
    out = os.environ.get("FLOWHUB_SAMPLE_RUNS")
    if out:
        with open(out, "a", encoding="utf-8") as runs:
            runs.write(flowhub_run.run_id + "\n")


@pytest.mark.parametrize("name", ["apple", "pear", "plum"])
def test_an_editor_creates_an_item_under_the_run(flowhub_run, name):
    editor = flowhub_run.user("EDITOR")

    status, created = call(flowhub_run, "POST", "/api/v1/items", editor["token"], {"name": name, "tags": ["pytest"]})

    assert status == 201
    assert created["data"]["run_id"] == flowhub_run.run_id


def test_a_viewer_reads_but_may_not_create(flowhub_run):
    viewer = flowhub_run.user("VIEWER")

    listed, _ = call(flowhub_run, "GET", "/api/v1/items", viewer["token"])
    refused, problem = call(flowhub_run, "POST", "/api/v1/items", viewer["token"], {"name": "not allowed"})

    assert viewer["role"] == "VIEWER"
    assert listed == 200
    assert refused == 403
    assert problem["status"] == 403
