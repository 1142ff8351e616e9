"""ssg serve: output/ under the base path on 127.0.0.1, traversal-safe, live reload injected at serve time only."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ssg.serve import PreviewServer, inject, reload_script, safe_target
from ssg.watch import Watcher
from tests.conftest import REPO, default_sigint

A_PAGE = "2024/03/الخبر-الأول-عن-الاقتصاد/"
SECRET = "top-secret-marker-7d1f"


@pytest.fixture
def site(built, tmp_path):
    site = Path(shutil.copytree(built, tmp_path / "site", symlinks=True))
    (site / "secret.txt").write_text(SECRET)                    # beside output/: must never be served
    (tmp_path / "secret.txt").write_text(SECRET)
    return site


@pytest.fixture
def served(site):
    watcher = Watcher(site, {"workers": 1}, quiet=0.05, log=lambda line: None).start()
    server = PreviewServer(watcher, "127.0.0.1", 0).start()
    yield watcher, server
    server.stop()
    watcher.stop()


def get(server: PreviewServer, path: str, method: str = "GET", headers: dict | None = None):
    """A raw request: the path goes on the wire exactly as given (no client-side normalisation)."""
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    conn.putrequest(method, path, skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), body


def q(path: str) -> str:
    return urllib.request.quote(path)


def step(watcher: Watcher, change) -> None:
    mark = watcher.mark()
    change()
    watcher.wait_idle(15, after=mark)


def test_binds_loopback_and_serves_under_the_base_path(served, site):
    watcher, server = served
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.endswith("/archive/")
    status, headers, _ = get(server, "/")
    assert status == 302 and headers["Location"] == "/archive/"
    status, headers, _ = get(server, "/archive")
    assert status == 302 and headers["Location"] == "/archive/"
    status, headers, body = get(server, "/archive/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    assert "Test Archive" in body.decode()
    status, headers, body = get(server, q("/archive/" + A_PAGE))
    assert status == 200 and "الخبر الأول عن الاقتصاد" in body.decode()
    status, headers, _ = get(server, q("/archive/" + A_PAGE.rstrip("/")))
    assert status == 301 and headers["Location"] == q("/archive/" + A_PAGE)
    status, _, body = get(server, "/index.html")                  # outside the base path
    assert status == 404 and body.lower().startswith(b"<!doctype html")


TYPES = [("feed.xml", "application/xml; charset=utf-8"), ("atom.xml", "application/xml; charset=utf-8"),
         ("feed.json", "application/json; charset=utf-8"), ("sitemap.xml", "application/xml; charset=utf-8"),
         ("robots.txt", "text/plain; charset=utf-8"), ("404.html", "text/html; charset=utf-8")]


def test_content_types(served, site):
    _, server = served
    for name, ctype in TYPES:
        status, headers, body = get(server, "/archive/" + name)
        assert status == 200 and headers["Content-Type"] == ctype, name
        if not name.endswith(".html"):
            assert body == (site / "output" / name).read_bytes()      # only HTML gets the script


def test_css_and_head(served, site):
    _, server = served
    css = next((site / "output").rglob("*.css")).relative_to(site / "output").as_posix()
    status, headers, body = get(server, "/archive/" + css)
    assert status == 200 and headers["Content-Type"] == "text/css; charset=utf-8"
    status, headers, body = get(server, "/archive/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_missing_page_is_a_404_with_the_sites_404_page(served, site):
    _, server = served
    status, headers, body = get(server, "/archive/no/such/page/")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body.startswith((site / "output/404.html").read_bytes()[:100]) and b"data-ssg-reload" in body


TRAVERSALS = [
    "/archive/../secret.txt", "/archive/../../secret.txt", "/archive/../../../../../../etc/passwd",
    "/archive/%2e%2e/secret.txt", "/archive/%2E%2E/%2E%2E/secret.txt", "/archive/..%2fsecret.txt",
    "/archive/..%2F..%2Fsecret.txt", "/archive/%2e%2e%2f%2e%2e%2fsecret.txt", "/archive/..%5c..%5csecret.txt",
    "/archive/..\\..\\secret.txt", "/archive//etc/passwd", "/archive/%2fetc%2fpasswd", "/archive/%00",
    "/archive/index.html%00.txt", "/archive/%252e%252e/secret.txt", "/archive/%c0%ae%c0%ae/secret.txt",
    "/archive/.ssg-staging/", "/../secret.txt", "/archive/archive/../../secret.txt",
]


def test_never_serves_a_file_outside_output(served):
    _, server = served
    for path in TRAVERSALS:
        status, _, body = get(server, path)
        assert status in (302, 400, 404), (path, status)
        assert SECRET.encode() not in body and b"root:" not in body, path


def test_symlinks_leaving_output_are_refused(served, site, tmp_path):
    _, server = served
    os.symlink(tmp_path / "secret.txt", site / "output/leak.txt")
    os.symlink(tmp_path, site / "output/leakdir")
    for path in ("/archive/leak.txt", "/archive/leakdir/secret.txt", "/archive/leakdir/"):
        status, _, body = get(server, path)
        assert status == 404 and SECRET.encode() not in body, path


def test_safe_target_unit(tmp_path):
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    assert safe_target(out, "a") == (out / "a").resolve()
    assert safe_target(out, "") == out.resolve()
    for rel in ("..", "../x", "a/../../x", "/etc/passwd", "a\\..\\..\\x", "x\x00", ".ssg-staging/a"):
        target = safe_target(out, rel)
        assert target is None or target.is_relative_to(out.resolve()), rel


def test_reload_script_is_served_but_never_written(served, site):
    watcher, server = served
    _, _, body = get(server, q("/archive/" + A_PAGE))
    assert b"data-ssg-reload" in body and b"/__ssg/events" in body
    assert body.index(b"data-ssg-reload") < body.rindex(b"</body>")
    for page in (site / "output").rglob("*"):
        if page.is_file():
            assert b"data-ssg-reload" not in page.read_bytes() and b"__ssg" not in page.read_bytes(), page


def test_every_request_is_fresh_from_disk(served, site):
    watcher, server = served
    step(watcher, lambda: (site / "content/2024/a.md").write_text(
        (site / "content/2024/a.md").read_text().replace("فقرة ثانية", "تصحيح فوري")))
    _, _, body = get(server, q("/archive/" + A_PAGE))
    assert "تصحيح فوري" in body.decode()


def read_event(resp) -> dict:
    fields = {}
    while True:
        line = resp.fp.readline().decode().rstrip("\n")
        if line == "":
            if fields.get("event") == "build":
                return fields
            fields = {}
        elif not line.startswith(":"):
            key, _, value = line.partition(": ")
            fields[key] = value


def open_events(server: PreviewServer, since: int):
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    conn.request("GET", f"/__ssg/events?since={since}")
    resp = conn.getresponse()
    assert resp.status == 200 and resp.getheader("Content-Type").startswith("text/event-stream")
    return conn, resp


def test_server_sent_event_after_each_rebuild(served, site):
    watcher, server = served
    conn, resp = open_events(server, watcher.generation)
    try:
        step(watcher, lambda: (site / "content/2024/a.md").write_text(
            (site / "content/2024/a.md").read_text().replace("فقرة ثانية", "حدث")))
        event = read_event(resp)
        data = json.loads(event["data"])
        assert data == {"generation": watcher.generation, "error": None, "changed": True}
        assert event["id"] == str(watcher.generation)
    finally:
        conn.close()
    conn, resp = open_events(server, 0)            # a page loaded before the last build catches up at once
    try:
        assert json.loads(read_event(resp)["data"])["generation"] == watcher.generation
    finally:
        conn.close()


def test_errors_show_as_an_escaped_overlay_and_the_fix_clears_it(served, site):
    watcher, server = served
    conn, resp = open_events(server, watcher.generation)
    try:
        def break_it():
            (site / "templates").mkdir()
            (site / "templates/article.html").write_text("{% extends 'base.html' %}{{ < }}")
        step(watcher, break_it)
        data = json.loads(read_event(resp)["data"])
        assert "article.html" in data["error"] and "<" in data["error"]
    finally:
        conn.close()
    _, _, body = get(server, q("/archive/" + A_PAGE))             # the last good page, plus the overlay
    text = body.decode()
    assert "الخبر الأول عن الاقتصاد" in text
    script = text[text.index("<script data-ssg-reload>"):]
    assert "article.html" in script and "ssg-error-overlay" in script
    assert "'<'" not in script and "\\u003c" in script               # the error text cannot close the script
    step(watcher, lambda: (site / "templates/article.html").unlink())
    _, _, body = get(server, q("/archive/" + A_PAGE))
    assert b"article.html" not in body.split(b"<script data-ssg-reload>")[1]


def test_broken_article_overlay_then_recovery(served, site):
    watcher, server = served
    good = (site / "content/2024/a.md").read_text()
    step(watcher, lambda: (site / "content/2024/a.md").write_text("---\ntitle: [oops\n---\n"))
    status, _, body = get(server, q("/archive/" + A_PAGE))
    assert status == 404 and "2024/a.md" in body.decode().split("data-ssg-reload")[1]
    step(watcher, lambda: (site / "content/2024/a.md").write_text(good))
    status, _, body = get(server, q("/archive/" + A_PAGE))
    assert status == 200 and "2024/a.md" not in body.decode().split("data-ssg-reload")[1]


def test_base_path_change_in_site_toml_is_followed(served, site):
    watcher, server = served
    toml = site / "site.toml"
    step(watcher, lambda: toml.write_text(toml.read_text().replace("example.github.io/archive/", "example.org/")))
    status, _, body = get(server, "/")
    assert status == 200 and "Test Archive" in body.decode()
    assert get(server, "/archive/2024/")[0] == 404            # /archive/ is now the archive listing
    assert get(server, "/2024/")[0] == 200


def test_inject_and_script_units():
    script = reload_script(3, "bad </script><b>")
    assert b"</script><b>" not in script and b"\\u003c/script\\u003e" in script
    assert inject(b"<html><body>x</body></html>", b"S") == b"<html><body>xS</body></html>"
    assert inject(b"<p>no body", b"S") == b"<p>no bodyS"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_serve_end_to_end(site):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "ssg", "serve", str(site), "--port", str(port), "-j", "1"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=default_sigint)
    try:
        deadline, body = time.monotonic() + 20, b""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:   # follows the redirect
                    body = resp.read()
                    assert resp.url == f"http://127.0.0.1:{port}/archive/"
                    break
            except OSError:
                time.sleep(0.1)
        assert b"data-ssg-reload" in body
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert f"http://127.0.0.1:{port}/archive/" in err and "Traceback" not in err


def test_cli_serve_busy_port_is_one_line_error(site):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "ssg", "serve", str(site), "--port", str(port)], cwd=REPO,
                                capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "cannot listen" in result.stderr and "Traceback" not in result.stderr
