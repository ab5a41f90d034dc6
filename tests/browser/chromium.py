#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A real headless Chromium driven through the DevTools protocol
(python3-websocket): pages loaded as a person's browser loads them, with
every console error and uncaught exception kept, axe-core run inside the
page, and screenshots taken. Used by tests/browser/test_serve.py."""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket


class Browser:
    def __init__(self, timeout=30):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="complaints-chromium-")
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-dev-shm-usage",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._debugging_port()
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"],
                                                  timeout=timeout, suppress_origin=True)
        self.next_id = 0
        self.errors = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _debugging_port(self):
        # Chromium writes the port it chose to its profile once it listens.
        path = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if os.path.exists(path):
                with open(path) as f:
                    first = f.readline().strip()
                if first:
                    return int(first)
            if self.process.poll() is not None:
                raise RuntimeError("chromium exited before it listened")
            time.sleep(0.1)
        raise RuntimeError("chromium did not start within the timeout")

    def _keep(self, message):
        method = message.get("method")
        params = message.get("params", {})
        if method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            self.errors.append(" ".join(str(a.get("value", "")) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", "") + " " +
                               params["entry"].get("url", ""))

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._keep(message)

    def _wait_for(self, method):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self.socket.recv())
            self._keep(message)
            if message.get("method") == method:
                return message
        raise RuntimeError(f"no {method} within the timeout")

    def open(self, url):
        """Loads `url` and waits for its load event; the page's errors since
        the last open are in `errors`."""
        self.errors = []
        self.call("Page.navigate", url=url)
        self._wait_for("Page.loadEventFired")
        # Console messages of the load arrive just after it.
        self.evaluate("1")

    def submit(self, form, values):
        """Fills the fields of `form` (CSS selectors to values) and submits
        it as a person's click would, waiting for the next page."""
        self.errors = []
        fill = "".join(f"f.querySelector({json.dumps(k)}).value = {json.dumps(v)};"
                       for k, v in values.items())
        self.call("Runtime.evaluate",
                  expression=f"(() => {{ const f = document.querySelector({json.dumps(form)});"
                             f"{fill} f.requestSubmit(); }})()")
        self._wait_for("Page.loadEventFired")
        self.evaluate("1")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluating {expression[:60]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data["data"]))

    def axe(self, source):
        """axe-core's serious and critical violations of the page: injected
        through the protocol, which the page's Content-Security-Policy does
        not govern."""
        self.evaluate(source)
        violations = self.evaluate(
            "axe.run(document).then(r => r.violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target).join(' ')))")
        return violations

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)
