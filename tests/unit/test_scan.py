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


def test_rewalk_gives_what_walk_gives(tmp_path):
    """Edits, new files, deletions, a folder moved and a folder deleted: patching the last walk with
    the changed paths ends where a fresh walk does."""
    from ssg import scan
    root = tmp_path / "content"
    for rel in ("2024/a.md", "2024/b.md", "2023/x/c.md", "2023/x/d.md", "keep.txt", ".hidden.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    ignore = (".*",)
    before = scan.walk(root, ignore)
    (root / "2024/a.md").write_text("edited, longer")
    (root / "2024/new.md").write_text("new")
    (root / "2024/b.md").unlink()
    (root / "2023/x").rename(root / "2022")
    (root / ".secret.md").write_text("ignored")
    changed = {"2024/a.md", "2024/new.md", "2024/b.md", "2023/x", "2022", ".secret.md"}
    assert scan.rewalk(root, ignore, before, changed) == scan.walk(root, ignore)
    assert list(scan.rewalk(root, ignore, before, changed)) == sorted(scan.walk(root, ignore))
