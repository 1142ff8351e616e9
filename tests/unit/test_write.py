from ssg import write


def test_identical_bytes_are_not_written_and_changed_ones_are_staged(tmp_path):
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a/index.html").write_bytes(b"same")
    staging = write.prepare(out)
    assert not staging.write("a/index.html", b"same", "f").written
    result = staging.write("b/c/index.html", b"new", "f")
    assert result.written and not (out / "b").exists()          # nothing visible before commit
    staging.commit(["b/c/index.html"])
    assert (out / "b/c/index.html").read_bytes() == b"new" and not staging.path.exists()


def test_into_an_empty_output_files_are_written_in_place_and_an_abort_empties_it_again(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    staging = write.prepare(out)
    assert staging.direct
    assert staging.write("2024/05/a/index.html", b"x", "f").written
    assert (out / "2024/05/a/index.html").read_bytes() == b"x"
    staging.abort()
    assert list(out.iterdir()) == []


def test_into_a_site_nothing_is_visible_before_commit(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_bytes(b"old")
    staging = write.prepare(out)
    assert not staging.direct
    staging.write("index.html", b"new", "f")
    assert (out / "index.html").read_bytes() == b"old"
    staging.abort()
    assert (out / "index.html").read_bytes() == b"old" and not staging.path.exists()


def test_prune_removes_files_and_empty_folders(tmp_path):
    out = tmp_path / "out"
    (out / "x/y").mkdir(parents=True)
    (out / "x/y/index.html").write_text("1")
    (out / "keep.html").write_text("2")
    assert write.existing_outputs(out) == {"x/y/index.html", "keep.html"}
    write.prune(out, {"x/y/index.html"})
    assert not (out / "x").exists() and (out / "keep.html").exists()


def test_outputs_in_each_others_way_are_refused_before_anything_is_written(tmp_path):
    import pytest
    from ssg.errors import OutputError
    ok = ["index.html", "a/index.html", "a/b/index.html", "feed.xml"]
    write.check_paths(ok, ok, tmp_path, set())
    for outputs, stale, message in (
            (ok + ["a"], None, "'a' is a file, and 'a/index.html' needs it as a folder"),     # (a cold build: all stale)
            (ok + ["feed.xml/index.html"], ["feed.xml/index.html"], "'feed.xml' is a file"),
            (ok + ["index.html"], ["a"], "two outputs of this build are 'index.html'"),
            (ok + ["../x/index.html"], ["../x/index.html"], "not a path inside output/"),
            (ok + [".ssg-staging/x"], [".ssg-staging/x"], "not a path inside output/")):
        with pytest.raises(OutputError, match=message.replace("(", r"\(")):
            write.check_paths(outputs, outputs if stale is None else stale, tmp_path, set())
    (tmp_path / "old").mkdir()                   # a folder already in output/ where a file is planned
    with pytest.raises(OutputError, match="'old' is a folder"):
        write.check_paths(ok + ["old"], ["old"], tmp_path, {"old/index.html"})


def test_a_commit_that_cannot_make_a_folder_fails_before_any_file_moves(tmp_path):
    import pytest
    from ssg.errors import OutputError
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_bytes(b"old")
    (out / "blocked").write_bytes(b"a file where a folder is needed")
    staging = write.prepare(out)
    written = [staging.write("index.html", b"new", "f").output, staging.write("blocked/x/index.html", b"page", "g").output]
    with pytest.raises(OutputError, match="cannot make folder"):
        staging.commit(written)
    assert (out / "index.html").read_bytes() == b"old"          # the last good site, whole
