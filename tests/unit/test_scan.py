from ssg.scan import scan


def test_scan_pairs_sidecars_skips_ignored_and_reuses_known_digests(tmp_path):
    for name in ("a.txt", "a.meta.toml", "b.md", "README.md", "_draft.md", "img.png", "notes.docx"):
        (tmp_path / name).write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden/c.md").write_text("x")
    sources, assets = scan(tmp_path, ("README.md", "_*", ".*"), {})
    assert [s.rel_path for s in sources] == ["a.txt", "b.md"]
    assert sources[0].sidecar == "a.meta.toml" and "|" in sources[0].stamp
    assert [a.rel_path for a in assets] == ["img.png"]
    again, _ = scan(tmp_path, ("README.md", "_*", ".*"), {"b.md": (sources[1].stamp, "digest-b"), "a.txt": ("old", "digest-a")})
    assert [s.digest for s in again] == ["", "digest-b"]
