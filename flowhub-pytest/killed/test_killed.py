"""A session killed mid-run, as a cancelled CI job is: its run is left to its lease, which runs out, and the reaper
cleans it up. Run on its own by the repository's Java test, with a short lease."""

import json
import os
import signal
import urllib.request


def test_killed_after_creating_its_data(flowhub_run):
    editor = flowhub_run.user("EDITOR")
    request = urllib.request.Request(flowhub_run.url + "/api/v1/items", method="POST",
                                     data=json.dumps({"name": "left behind"}).encode("utf-8"),
                                     headers={"Authorization": f"Bearer {editor['token']}",
                                              "Content-Type": "application/json", **flowhub_run.headers})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 201
    with open(os.environ["FLOWHUB_SAMPLE_RUNS"], "a", encoding="utf-8") as runs:
        runs.write(flowhub_run.run_id + "\n")
    os.kill(os.getpid(), signal.SIGKILL)
