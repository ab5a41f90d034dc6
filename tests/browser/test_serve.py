#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""`complaints serve` in a real browser: each test starts the server on a
free port of 127.0.0.1 (--port 0), drives headless Chromium against it, and
stops it. Run serially (one browser), with timeouts and no retries.

usage: test_serve.py COMPLAINTS_BINARY SOURCE_DIR [SCREENSHOT_DIR]"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import Browser  # noqa: E402

BINARY = SOURCE = SHOTS = None
NOW = "2026-11-20T10:00:00+00:00"
AXE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor", "axe-core",
                   "axe.min.js")


def environment():
    env = dict(os.environ, COMPLAINTS_NOW=NOW, COMPLAINTS_USER="Test User",
               COMPLAINTS_PAGER="cat")
    env.pop("COMPLAINTS_REPO", None)
    return env


def complaints(repo, *args):
    return subprocess.run([BINARY, "--repo", repo, *args], env=environment(),
                          capture_output=True, text=True, timeout=60)


class Served:
    """A copy of an example repository, and `serve` running on it."""

    def __init__(self, example, *options):
        self.dir = tempfile.mkdtemp(prefix="complaints-serve-")
        self.repo = os.path.join(self.dir, example)
        shutil.copytree(os.path.join(SOURCE, "cases-example", example), self.repo)
        self.process = subprocess.Popen(
            [BINARY, "--repo", self.repo, "serve", "--port", "0", *options],
            env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        found = re.search(r"http://([^ /]+)/\?token=([0-9a-f]{64})", line)
        if not found:
            self.stop()
            raise AssertionError(f"serve printed no link: {line!r} {self.process.stderr.read()}")
        self.host, self.token = found.group(1), found.group(2)
        self.port = int(self.host.rsplit(":", 1)[1])
        self.base = f"http://127.0.0.1:{self.port}"

    def link(self):
        return f"{self.base}/?token={self.token}"

    def request(self, path, cookie=None, host=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": host or f"127.0.0.1:{self.port}"}
        if cookie:
            headers["Cookie"] = cookie
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
        return response.status, dict(response.getheaders()), body

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
        return self.process.returncode


class ServeInABrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.browser = Browser(timeout=60)
        with open(AXE) as f:
            cls.axe = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()

    def served(self, example, *options):
        served = Served(example, *options)
        self.addCleanup(lambda: self.assertEqual(served.stop(), 0, "serve stops cleanly"))
        return served

    def look(self, served, path, shot=None):
        """Loads a page as a person would, and holds it to no console
        error and no serious or critical accessibility violation."""
        self.browser.open(served.base + path)
        self.assertEqual(self.browser.errors, [], f"console errors on {path}")
        self.assertEqual(self.browser.axe(self.axe), [], f"accessibility of {path}")
        if shot and SHOTS:
            self.browser.screenshot(os.path.join(SHOTS, shot))
        return self.browser.evaluate("document.body.innerText")

    def internal_links(self):
        return self.browser.evaluate(
            "[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
            ".filter(h => h.startsWith('/'))")

    @staticmethod
    def status_of(served, path):
        # Through a client of our own: the page's policy forbids its scripts
        # to fetch anything, a check of ours included.
        return served.request(path, cookie="complaints_token=" + served.token)[0]

    def test_every_page_loads_without_error_and_passes_axe(self):
        served = self.served("clinic", "--include-names")
        self.browser.open(served.link())  # sets the cookie, then drops the token
        self.assertNotIn("token", self.browser.evaluate("location.href"))
        today = self.look(served, "/", "today.png")
        self.assertIn("Overdue", today)
        cases = self.look(served, "/cases", "cases.png")
        self.assertIn("match", cases)
        # The picker sends its month list and its free field together: a
        # quarter typed is the one shown.
        self.look(served, "/report")
        self.browser.submit("form.filters", {"input[type=text]": "2026Q3"})
        self.assertIn("2026-07-01 to 2026-09-30", self.browser.evaluate("document.body.innerText"))
        for path in ["/cases?status=closed", "/report", "/report?period=2026Q3",
                     "/report?period=2026-10", "/leaflet"]:
            self.look(served, path, "report.png" if path == "/report?period=2026-10" else None)

    def test_links_between_pages_work(self):
        served = self.served("clinic")
        self.browser.open(served.link())
        seen = set()
        for page in ["/", "/cases"]:
            self.look(served, page)
            for href in self.internal_links():
                if href not in seen:
                    seen.add(href)
                    self.assertEqual(self.status_of(served, href), 200, f"{href} from {page}")
        self.assertTrue(any(h.startswith("/case/") for h in seen))

    def test_a_case_page_shows_what_show_shows(self):
        served = self.served("clinic", "--include-names")
        self.browser.open(served.link())
        listed = json.loads(complaints(served.repo, "list", "--format", "json").stdout)
        case_id = next(c["id"] for c in listed["cases"] if c["status"] == "closed")
        shown = json.loads(complaints(served.repo, "show", case_id, "--format", "json").stdout)
        page = self.look(served, f"/case/{case_id}", "case.png")
        self.assertIn(shown["complainant"], page)
        for point in shown["points"]:
            self.assertIn(point["text"], page)
        for event in shown["events"]:
            if event["text"]:
                self.assertIn(event["text"].splitlines()[0].strip(), page)
        for clock in shown["clocks"]:
            self.assertIn(clock["due_date"], page)
        letters = [i + 1 for i, e in enumerate(shown["events"]) if e["letter"]]
        for number in letters:
            self.look(served, f"/case/{case_id}/letter/{number}")

    def test_a_change_made_by_a_command_appears_at_reload(self):
        served = self.served("clinic")
        self.browser.open(served.link())
        listed = json.loads(complaints(served.repo, "list", "--format", "json").stdout)
        case_id = listed["cases"][0]["id"]
        before = self.look(served, f"/case/{case_id}")
        self.assertNotIn("Rang back about the refund", before)
        logged = complaints(served.repo, "log", case_id, "--type", "call", "--text",
                            "Rang back about the refund")
        self.assertEqual(logged.returncode, 0, logged.stderr)
        self.assertIn("Rang back about the refund", self.look(served, f"/case/{case_id}"))

    def test_names_are_withheld_unless_asked_for(self):
        served = self.served("clinic")
        self.browser.open(served.link())
        listed = json.loads(complaints(served.repo, "list", "--format", "json").stdout)
        target = listed["cases"][0]
        page = self.look(served, f"/case/{target['id']}")
        self.assertIn("(withheld)", page)
        self.assertNotIn(target["complainant"], page)
        self.assertNotIn(target["complainant"], self.look(served, "/cases"))

    def test_the_platform_has_its_clinicians_page(self):
        served = self.served("platform")
        self.browser.open(served.link())
        self.assertIn("Clinicians", self.look(served, "/clinicians", "clinicians.png"))


class ServeRefuses(unittest.TestCase):
    def test_no_token_no_page_on_loopback(self):
        served = Served("clinic")
        try:
            status, headers, body = served.request("/")
            self.assertEqual(status, 403)
            self.assertIn("token", body)
            status, _, _ = served.request("/case/x", cookie="complaints_token=" + "0" * 64)
            self.assertEqual(status, 403)
            # Another site's name pointed at 127.0.0.1 (DNS rebinding).
            status, _, _ = served.request("/?token=" + served.token, host="evil.example:80")
            self.assertEqual(status, 403)
            status, headers, _ = served.request("/?token=" + served.token)
            self.assertEqual(status, 303)
            cookie = headers["Set-Cookie"].split(";")[0]
            self.assertIn("HttpOnly", headers["Set-Cookie"])
            status, headers, body = served.request("/", cookie=cookie)
            self.assertEqual(status, 200)
            policy = headers["Content-Security-Policy"]
            self.assertIn("default-src 'none'", policy)
            self.assertNotIn("script-src", policy)
            self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        finally:
            self.assertEqual(served.stop(), 0)

    def test_no_token_no_page_when_listening_beyond_loopback(self):
        served = Served("clinic", "--listen", "0.0.0.0")
        try:
            self.assertIn("0.0.0.0", served.host)
            status, _, body = served.request("/cases", host=f"clinic.example:{served.port}")
            self.assertEqual(status, 403)
            status, _, _ = served.request("/style.css")
            self.assertEqual(status, 403)
        finally:
            self.assertEqual(served.stop(), 0)

    def test_a_case_id_in_the_address_is_escaped_and_an_unknown_one_is_404(self):
        served = Served("clinic")
        try:
            cookie = "complaints_token=" + served.token
            path = "/case/" + urllib.parse.quote("<img src=x onerror=alert(1)>")
            status, _, body = served.request(path, cookie=cookie)
            self.assertEqual(status, 404)
            self.assertNotIn("<img", body)
            self.assertIn("&lt;img src=x onerror=alert(1)&gt;", body)
        finally:
            self.assertEqual(served.stop(), 0)


if __name__ == "__main__":
    BINARY, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
    unittest.main(argv=[sys.argv[0], "-v"])
