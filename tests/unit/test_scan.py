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


def test_a_sidecar_no_article_takes_is_a_source_of_its_own_that_read_warns_about(tmp_path):
    """A typo in a sidecar's name, or a second sidecar, overrides nothing: scan gives it as a
    source, and read.py makes it a warning naming the file, not a silence."""
    from ssg.config import load_config
    from ssg.read import read_source
    for name in ("a.txt", "a.meta.toml", "a.meta.json", "b.md", "bb.meta.toml", "c.md", "c.meta.json", "d.MD", "d.meta.toml"):
        (tmp_path / name).write_text("x")
    sources, _ = scan(tmp_path, (), {})
    assert [(s.rel_path, s.sidecar) for s in sources] == [
        ("a.meta.json", None), ("a.txt", "a.meta.toml"), ("b.md", None), ("bb.meta.toml", None),
        ("c.md", "c.meta.json"), ("d.MD", "d.meta.toml")]
    config = load_config(tmp_path)
    told = {s.rel_path: read_source(s, b"x", None, config).problems for s in sources if s.rel_path.endswith("toml") or s.rel_path == "a.meta.json"}
    assert [(p.path, p.severity) for ps in told.values() for p in ps] == [("a.meta.json", "warning"), ("bb.meta.toml", "warning")]
    assert "a.meta.toml is, and is the one used" in told["a.meta.json"][0].message
    assert "(bb.md, bb.txt, ...) is beside it (a sidecar" in told["bb.meta.toml"][0].message
    assert not read_source(sources[1], b"x", None, config).problems[0].message.startswith("overrides nothing")


def test_rescan_declines_when_an_article_comes_beside_a_sidecar_or_leaves_one(tmp_path):
    """ssg watch: b.md added beside a b.meta.toml that overrode nothing takes it as its sidecar,
    and a.md deleted leaves its a.meta.toml overriding nothing; ``rescan`` gave b.md without it
    and missed the other, where a full scan sees both."""
    from ssg import scan as scanning
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "a.meta.toml").write_text("x")
    (tmp_path / "b.meta.toml").write_text("x")
    files = scanning.walk(tmp_path, ())
    found = scanning.scan(tmp_path, (), {}, files)
    known = {s.rel_path: (s.stamp, "d" + s.rel_path) for s in found[0]}
    found = scanning.scan(tmp_path, (), known, files)
    for change in ("b.md", "a.md"):
        path = tmp_path / change
        path.unlink() if path.exists() else path.write_text("b")
        again = scanning.rewalk(tmp_path, (), files, {change})
        got = scanning.rescan(again, known, files, scanning.records(*found))
        assert got is None or got == scanning.scan(tmp_path, (), known, again), change
        files, found = again, scanning.scan(tmp_path, (), known, again)
    assert [(s.rel_path, s.sidecar) for s in found[0]] == [("a.meta.toml", None), ("b.md", "b.meta.toml")]


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


def test_rescan_after_rewalk_gives_what_scan_gives(tmp_path):
    """Records of files rewalk did not stat again are kept (the same objects); the others, and
    content records that had no digest yet, are made again; any sidecar means a full scan."""
    import os
    from ssg import scan
    root = tmp_path / "content"
    for rel in ("2024/a.md", "2024/b.md", "2023/c.md", "2023/pic.jpg", "notes.xyz"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    ignore = (".*",)
    files = scan.walk(root, ignore)
    st = {rel: f"{s.st_mtime_ns}:{s.st_size}" for rel, s in files.items()}
    known = {"2024/a.md": (st["2024/a.md"], "da"), "2024/b.md": (st["2024/b.md"], "db")}   # c.md not read yet
    first = scan.scan(root, ignore, known, files)
    records = scan.records(*first)
    (root / "2024/a.md").write_text("edited, longer")
    os.utime(root / "2024/a.md", ns=(1, 2))
    (root / "2024/new.md").write_text("new")
    (root / "2023/pic.jpg").unlink()
    known["2023/c.md"] = (st["2023/c.md"], "dc")                                             # read since
    again = scan.rewalk(root, ignore, files, {"2024/a.md", "2024/new.md", "2023/pic.jpg"})
    got = scan.rescan(again, known, files, records)
    assert got == scan.scan(root, ignore, known, again)
    by_rel = {s.rel_path: s for s in got[0]}
    assert by_rel["2024/b.md"] is first[0][[s.rel_path for s in first[0]].index("2024/b.md")]
    assert by_rel["2023/c.md"].digest == "dc" and by_rel["2024/a.md"].digest == ""

    (root / "2024/b.meta.toml").write_text('title = "x"\n')
    with_sidecar = scan.rewalk(root, ignore, again, {"2024/b.meta.toml"})
    assert scan.rescan(with_sidecar, known, again, records) is None


def test_patch_gives_what_scan_gives_for_edits_additions_and_deletions_and_declines_the_rest(tmp_path):
    import os
    from ssg import scan
    root = tmp_path / "content"
    for rel in ("2024/a.md", "2024/b.md", "2023/c.md", "2023/pic.jpg"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    ignore = (".*",)
    files = scan.walk(root, ignore)
    known = {rel: (f"{s.st_mtime_ns}:{s.st_size}", "d" + rel) for rel, s in files.items() if rel != "2023/c.md"}
    first = scan.scan(root, ignore, known, files)
    records, where = scan.records(*first), {s.rel_path: i for i, s in enumerate(first[0])}
    (root / "2024/a.md").write_text("edited, longer")
    os.utime(root / "2024/a.md", ns=(1, 2))
    (root / "2023/pic.jpg").write_text("new picture")
    known["2023/c.md"] = (f"{files['2023/c.md'].st_mtime_ns}:{files['2023/c.md'].st_size}", "dc")   # read since
    changed = {"2024/a.md", "2023/pic.jpg", "2024/.a.md.swp"}
    again = scan.rewalk(root, ignore, files, changed)
    got = scan.patch(root, first, again, known, files, records, where, changed | {"2023/c.md"})
    assert got == scan.scan(root, ignore, known, again)
    assert got[0][where["2024/b.md"]] is first[0][where["2024/b.md"]]
    (root / "2024/new.md").write_text("new")                   # a file came, another went
    (root / "2023/c.md").unlink()
    changed = {"2024/new.md", "2023/c.md"}
    third = scan.rewalk(root, ignore, again, changed)
    got = scan.patch(root, got, third, known, again, records, where, changed)
    assert got == scan.scan(root, ignore, known, third)
    assert where == {s.rel_path: i for i, s in enumerate(got[0])} and records == scan.records(*got)
    assert scan.patch(root, got, third, known, third, records, where, {"2024"}) is None   # a folder
    (root / "2024/new.meta.toml").write_text('title = "x"\n')     # a sidecar
    assert scan.patch(root, got, scan.rewalk(root, ignore, third, {"2024/new.meta.toml"}), known, third, records, where,
                      {"2024/new.meta.toml"}) is None


def test_patch_or_rescan_gives_what_scan_gives_over_random_changes(tmp_path):
    """What ``build.scan_content`` does in watch mode (``rewalk``, then ``patch`` or else
    ``rescan``) over random batches of files added, edited and deleted, folders and sidecars
    among them, ends where a full scan does; a third of the batches are patched."""
    import os
    import random
    import shutil
    from ssg import scan
    rng = random.Random(4)
    root = tmp_path / "content"
    root.mkdir()
    ignore = (".*",)
    names = [f"{d}/{n}{ext}" for d in ("2023", "2024", "2024/x") for n in "abcdefgh"
             for ext in (".md", ".md", ".md", ".jpg", ".xyz")] + [".tmp.md"]
    for rel in rng.sample(names, 30):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    files = scan.walk(root, ignore)
    known: dict = {}
    found = scan.scan(root, ignore, known, files)
    records, where = scan.records(*found), {s.rel_path: i for i, s in enumerate(found[0])}
    patched = 0
    for step in range(200):
        changed = set()
        for _ in range(rng.choice((1, 1, 2, 3))):
            rel = "2024/b.meta.toml" if rng.random() < 0.08 else rng.choice(names)
            path = root / rel
            if path.exists() and rng.random() < 0.5:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"{rel} {step}")
                os.utime(path, ns=(step, step * 1000 + 7))
            changed.add(rel)
        if rng.random() < 0.1 and (root / "2024/x").exists():      # a folder removed at once
            shutil.rmtree(root / "2024/x")
            changed.add("2024/x")
        for rel, st in files.items():                # what the last build read gets a digest
            known[rel] = (f"{st.st_mtime_ns}:{st.st_size}", f"d{rel}{st.st_mtime_ns}")
        again = scan.rewalk(root, ignore, files, changed)
        got = scan.patch(root, found, again, known, files, records, where, changed | {s.rel_path for s in found[0] if not s.digest})
        if got is None:
            got = scan.rescan(again, known, files, records)
            where.clear()
            where.update({s.rel_path: i for i, s in enumerate(got[0])} if got else {})
        else:
            patched += 1
        if got is None:
            got = scan.scan(root, ignore, known, again)
            records, where = scan.records(*got), {s.rel_path: i for i, s in enumerate(got[0])}
        assert got == scan.scan(root, ignore, known, again), step
        expected = scan.records(*got)          # (rescan leaves the records of files gone: never looked up)
        assert {k: records[k] for k in expected} == expected and where == {s.rel_path: i for i, s in enumerate(got[0])}, step
        files, found = again, got
    assert patched > 50, patched                      # 66 of 200 now (folders and a sidecar come and go)


def test_rewalk_keeps_the_sorted_order_after_edits_only(tmp_path):
    from ssg import scan
    root = tmp_path / "content"
    for rel in ("a.md", "b.md", "c.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    before = scan.walk(root, ())
    (root / "a.md").write_text("edited, longer")
    assert list(scan.rewalk(root, (), before, {"a.md"})) == ["a.md", "b.md", "c.md"]


def test_rewalk_sees_a_symlink_loop_as_walk_does(tmp_path):
    # (ssg watch said nothing of a loop made while it watched; ssg build skipped it in one line)
    import os
    from ssg import scan
    (tmp_path / "a.md").write_text("x")
    before = scan.walk(tmp_path, ())
    os.symlink("q.md", tmp_path / "p.md")
    os.symlink("p.md", tmp_path / "q.md")
    walked, rewalked = scan.walk(tmp_path, ()), scan.rewalk(tmp_path, (), before, {"p.md", "q.md"})
    assert list(walked) == list(rewalked) == ["a.md", "p.md", "q.md"]
    assert all(type(rewalked[n]) is scan.Unusable and rewalked[n].problem == walked[n].problem for n in ("p.md", "q.md"))
