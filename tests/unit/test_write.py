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
