"""Output files: checked before work starts, written whole or not at all."""

from __future__ import annotations

import errno
import io
import os
import sys

import pytest

from kalinovsky_nlp import outputs
from kalinovsky_nlp.outputs import (
    UsageError,
    atomic_output,
    check_distinct,
    check_output_file,
    check_output_folder,
    write_text,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_usage_error_is_a_value_error():
    assert issubclass(UsageError, ValueError)


# --- check_distinct ----------------------------------------------------------------------------------------------

def test_an_output_that_is_the_input_is_refused(tmp_path, monkeypatch):
    source = tmp_path / "budget.jsonl"
    source.write_text("{}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="the output is the input file"):
        check_distinct(source, source)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="the output is the input file"):
        check_distinct(source, "budget.jsonl")  # the same file by a relative name
    with pytest.raises(UsageError, match="the output is the input file"):
        check_distinct(source, tmp_path / "sub" / ".." / "budget.jsonl")


def test_a_link_to_the_input_is_the_input(tmp_path):
    source = tmp_path / "budget.jsonl"
    source.write_text("{}\n", encoding="utf-8")
    (tmp_path / "hard.jsonl").hardlink_to(source)
    with pytest.raises(UsageError):
        check_distinct(source, tmp_path / "hard.jsonl")


def test_another_file_or_standard_output_is_distinct(tmp_path):
    source = tmp_path / "budget.jsonl"
    source.write_text("{}\n", encoding="utf-8")
    check_distinct(source, tmp_path / "annotated.jsonl")
    check_distinct(source, "-")
    check_distinct("-", "-")


# --- check_output_file -------------------------------------------------------------------------------------------

def test_a_new_or_existing_file_in_a_folder_can_be_written(tmp_path, monkeypatch):
    check_output_file(tmp_path / "report.md")
    (tmp_path / "old.md").write_text("old", encoding="utf-8")
    check_output_file(tmp_path / "old.md")
    check_output_file("-")
    monkeypatch.chdir(tmp_path)
    check_output_file("report.md")  # the current folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.md"]  # the probe leaves nothing


def test_a_folder_is_not_an_output_file(tmp_path):
    with pytest.raises(UsageError, match="is a folder: give a file name"):
        check_output_file(tmp_path)


def test_an_output_file_under_a_file_or_a_missing_folder_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="notes.txt is a file, not a folder"):
        check_output_file(tmp_path / "notes.txt" / "report.md")
    with pytest.raises(UsageError, match="does not exist: create it first"):
        check_output_file(tmp_path / "missing" / "report.md")


def test_a_read_only_output_file_is_refused(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    if IS_ROOT:  # root may write any file: the check is asked as a user would be answered
        monkeypatch.setattr(outputs.os, "access", lambda path, mode: not (path == target and mode == os.W_OK))
    with pytest.raises(UsageError, match="the file is read-only"):
        check_output_file(target)


def test_a_folder_that_cannot_be_written_in_is_refused(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(outputs.tempfile, "TemporaryFile", refuse)
    with pytest.raises(UsageError, match=r"cannot write in folder .* \(Permission denied\): choose another"):
        check_output_file(tmp_path / "report.md")


# --- check_output_folder -----------------------------------------------------------------------------------------

def test_an_existing_or_creatable_folder_is_accepted(tmp_path):
    check_output_folder(tmp_path)
    check_output_folder(tmp_path / "tables" / "2020")
    assert list(tmp_path.iterdir()) == []  # checking creates nothing


def test_a_file_is_not_an_output_folder(tmp_path):
    (tmp_path / "tables").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file, not a folder: give a folder"):
        check_output_folder(tmp_path / "tables")
    with pytest.raises(UsageError, match="tables is a file, not a folder: choose another folder"):
        check_output_folder(tmp_path / "tables" / "2020")


# --- atomic_output and write_text ----------------------------------------------------------------------------------

def test_write_text_writes_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.md"
    write_text(target, "Fares rose \u2014 by 4%.\r\nTwo lines.\n")
    assert target.read_bytes() == "Fares rose \u2014 by 4%.\r\nTwo lines.\n".encode("utf-8")  # newlines as given
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_an_error_in_the_block_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("the old report", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as handle:
            handle.write("half of a new rep")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_the_file_appears_only_when_the_block_ends(tmp_path):
    target = tmp_path / "report.md"
    with atomic_output(target) as handle:
        handle.write("complete")
        handle.flush()
        assert not target.exists()
        assert os.path.basename(handle.name).startswith(".report.md.") and handle.name.endswith(".part")
    assert target.read_text(encoding="utf-8") == "complete"


@pytest.mark.skipif(not hasattr(os, "umask"), reason="POSIX file modes")
def test_a_written_file_has_the_mode_a_plain_open_would_give(tmp_path):
    import stat

    old = os.umask(0o022)
    try:
        write_text(tmp_path / "report.html", "<p>fares</p>")
        with open(tmp_path / "plain.html", "w", encoding="utf-8") as handle:
            handle.write("<p>fares</p>")
    finally:
        os.umask(old)
    mode = stat.S_IMODE(os.stat(tmp_path / "report.html").st_mode)
    assert mode == stat.S_IMODE(os.stat(tmp_path / "plain.html").st_mode) == 0o644


def test_lone_surrogates_are_written_as_escapes(tmp_path):
    target = tmp_path / "out.txt"
    write_text(target, "bad \udc80 byte")
    assert target.read_text(encoding="utf-8") == "bad \\udc80 byte"


def test_a_failed_rename_is_a_usage_error_and_leaves_nothing(tmp_path, monkeypatch):
    def full_disk(source, destination):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs.os, "replace", full_disk)
    with pytest.raises(UsageError, match="cannot write \\(No space left on device\\); nothing was written"):
        write_text(tmp_path / "report.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot write"):
        write_text(tmp_path / "missing" / "report.md", "text")


def test_standard_output_is_written_as_utf8_and_left_open(monkeypatch):
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)
    write_text("-", "caf\u00e9 \udc80\n")
    assert buffer.getvalue() == "caf\u00e9 \\udc80\n".encode("utf-8")
    assert not stream.closed
    stream.write("more")
    stream.flush()
    assert buffer.getvalue().endswith(b"more")


def test_standard_output_without_a_buffer_is_written_directly(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    write_text("-", "caf\u00e9\n")
    assert stream.getvalue() == "caf\u00e9\n"
    assert not stream.closed
