"""``ssg serve``: watch, plus a local HTTP server over output/ with live reload.

- Binds 127.0.0.1 unless told otherwise, and serves output/ under the configured base path
  (``base_url = "https://user.github.io/archive/"`` -> http://127.0.0.1:8000/archive/), so that
  GitHub Pages subpaths behave the same locally. ``/`` redirects to the base path.
- Never serves a file outside output/: the request path is decoded, resolved (symlinks too) and
  must stay inside output/; anything else is a 404.
- Every response is read fresh from disk with ``Cache-Control: no-store``: there is no stale page.
- Live reload: each HTML response gets a small script *at serve time* (never written to disk)
  that listens on ``/__ssg/events`` (Server-Sent Events) and reloads after each build that changed
  output; when the last build failed it shows the error as an overlay instead.
"""
from __future__ import annotations

import ipaddress
import json
import mimetypes
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from .errors import ConfigError
from .watch import Watcher

EVENTS_PATH = "/__ssg/events"
TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
         ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml",
         ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".webmanifest": "application/manifest+json"}
KEEPALIVE_S = 15.0

RELOAD_JS = """<script data-ssg-reload>(function () {
  var since = %(generation)d, error = %(error)s, box = null;
  function overlay(text) {
    if (!box) {
      box = document.createElement("pre");
      box.id = "ssg-error-overlay";
      box.dir = "auto";
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;margin:0;padding:2em;overflow:auto;" +
        "background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap;text-align:start";
      document.documentElement.appendChild(box);
    }
    box.textContent = "ssg: the last build failed; the page below is the last good one.\\n\\n" + text;
  }
  if (error) { document.readyState === "loading" ? addEventListener("DOMContentLoaded", function () { overlay(error); }) : overlay(error); }
  var events = new EventSource("%(endpoint)s?since=" + since);
  events.addEventListener("build", function (e) {
    var d = JSON.parse(e.data);
    if (d.error) { overlay(d.error); } else if (d.changed || box || error) { location.reload(); }
  });
})();</script>
"""


def reload_script(generation: int, error: str | None) -> bytes:
    """The live-reload script for one response; the error travels as a JSON string, shown via textContent."""
    text = json.dumps(error, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (RELOAD_JS % {"generation": generation, "error": text, "endpoint": EVENTS_PATH}).encode("utf-8")


def inject(page: bytes, script: bytes) -> bytes:
    """Insert ``script`` before the last ``</body>`` (or at the end)."""
    at = page.lower().rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def safe_target(out: Path, rel: str) -> Path | None:
    """output/rel if it resolves (symlinks followed) to a file or folder inside output/, else None."""
    if "\x00" in rel or any(part in ("..", ".ssg-staging") for part in re.split(r"[/\\]", rel)):
        return None
    root = out.resolve()
    try:
        target = (root / rel.lstrip("/")).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return target if target == root or target.is_relative_to(root) else None


class Handler(BaseHTTPRequestHandler):
    server: "PreviewServer"
    server_version = "ssg-serve"

    def log_message(self, format: str, *args: Any) -> None:   # quiet: the terminal is for build results
        if self.server.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        try:
            url = urlsplit(self.path)
            if url.path == EVENTS_PATH:
                return self.events(url.query)
            self.serve_path(unquote(url.path, errors="strict"), url.query, head)
        except UnicodeDecodeError:
            self.not_found(head)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def serve_path(self, path: str, query: str, head: bool) -> None:
        config = self.server.watcher.config
        base = config.base_path
        if path + "/" == base or (path == "/" and base != "/"):
            return self.redirect(base + (f"?{query}" if query else ""))
        if not path.startswith(base):
            return self.not_found(head)
        out = config.output_path
        target = safe_target(out, path[len(base):])
        if target is None:
            return self.not_found(head)
        if target.is_dir():
            if not path.endswith("/"):
                return self.redirect(quote(path + "/") + (f"?{query}" if query else ""), HTTPStatus.MOVED_PERMANENTLY)
            target = target / "index.html"
        if not target.is_file():
            return self.not_found(head)
        try:
            data = target.read_bytes()
        except OSError:
            return self.not_found(head)
        self.send(HTTPStatus.OK, content_type(target), data, head)

    def not_found(self, head: bool) -> None:
        config = self.server.watcher.config
        try:
            page = (config.output_path / "404.html").read_bytes()
        except OSError:
            page = b"<!doctype html><meta charset=utf-8><title>404</title><body><h1>404 Not Found</h1></body>"
        self.send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", page, head)

    def redirect(self, location: str, status: HTTPStatus = HTTPStatus.FOUND) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def send(self, status: HTTPStatus, ctype: str, data: bytes, head: bool) -> None:
        if ctype.startswith("text/html"):
            watcher = self.server.watcher
            data = inject(data, reload_script(watcher.generation, watcher.error))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def events(self, query: str) -> None:
        """Server-Sent Events: one "build" event per build after ``?since=N``; comments keep it alive."""
        watcher = self.server.watcher
        match = re.search(r"(?:^|&)since=(\d+)", query)
        seen = int(match.group(1)) if match else watcher.generation
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(b"retry: 1000\n\n")
        self.wfile.flush()
        quiet = 0.0
        while not self.server.stopping:
            now = watcher.wait_build(seen, timeout=1.0)
            if now > seen:
                quiet = 0.0
                seen = now
                report = watcher.last_report
                changed = bool(report and (report.written or report.removed))
                data = json.dumps({"generation": now, "error": watcher.error, "changed": changed}, ensure_ascii=False)
                self.wfile.write(f"id: {now}\nevent: build\ndata: {data}\n\n".encode("utf-8"))
            elif (quiet := quiet + 1.0) >= KEEPALIVE_S:
                quiet = 0.0
                self.wfile.write(b": keep-alive\n\n")     # a closed tab shows up as a failed write
            self.wfile.flush()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, watcher: Watcher, host: str = "127.0.0.1", port: int = 8000, *, verbose: bool = False):
        self.watcher, self.verbose, self.stopping = watcher, verbose, False
        try:
            super().__init__((host, port), Handler)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        except OverflowError:                      # (a port past 65535 from a caller other than the CLI)
            raise ConfigError(f"cannot listen on {host}:{port}: the port must be 0-65535") from None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}{self.watcher.config.base_path}"

    def start(self) -> "PreviewServer":
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1}, name="ssg-serve",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping = True
        self.shutdown()
        self.server_close()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(site_dir: str | Path = ".", *, overrides: Any = None, host: str = "127.0.0.1", port: int = 8000,
          poll: bool = False) -> int:
    """``ssg serve``: build, watch, and serve output/ with live reload until Ctrl+C."""
    watcher = Watcher(site_dir, overrides, poll=poll, debug=bool(getattr(overrides, "debug", False)))
    server = PreviewServer(watcher, host, port)      # bind first: a busy port fails before the build
    watcher.start()
    watcher.log(f"serving {server.url} (watching {watcher.site_dir}; {'polling' if poll else 'native events'}); "
                "press Ctrl+C to stop")
    if not _is_loopback(host):
        watcher.log(f"warning: {host} is not a loopback address: the preview is reachable from the network")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stopping = True
        server.server_close()
        watcher.stop()
    return 0

