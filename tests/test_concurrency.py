"""Nothing hangs, nothing is lost: concurrent searches on one library, queries during a rebuild,
and temporary files of a write that is killed (SIGKILL), terminated (SIGTERM) or interrupted.

Every loop is bounded in count and time; every child process has a timeout.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from conftest import PRECEDENTS
from drafting.library.index import INDEX_NAME, Index, search
from drafting.outputs import TEMP_MARK, stale_temporaries
from drafting.store import write_atomic

CHILD_TIMEOUT = 120  # seconds: a child still running then is a hang, and the test fails


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    """The project's precedent library (77 texts), indexed, then every file changed: each
    search that comes next must bring the index up to date."""
    lib = tmp_path / "precedents"
    shutil.copytree(PRECEDENTS, lib, ignore=shutil.ignore_patterns(".drafting-index*"))  # a fresh library
    search(lib, "mandate")
    for f in sorted(lib.rglob("*.yaml")):
        f.write_text(f.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    return lib


def _search_command(lib: Path, query: str) -> list[str]:
    return [sys.executable, "-m", "drafting", "search", "--library", str(lib), "--format", "json", query]


def test_16_threads_search_a_library_that_needs_updating(library: Path) -> None:
    results: list[object] = []

    def one() -> None:
        try:
            results.append(len(search(library, '"renew the mandate"').hits))
        except Exception as exc:  # noqa: BLE001 - the test counts every failure, whatever it is
            results.append(exc)

    threads = [threading.Thread(target=one) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=CHILD_TIMEOUT)
    assert [r for r in results if not isinstance(r, int)] == []
    assert len(results) == 16 and len(set(results)) == 1 and results[0] > 0


@pytest.mark.slow
def test_16_processes_search_a_library_that_needs_updating(library: Path) -> None:
    children = [subprocess.Popen(_search_command(library, '"renew the mandate"'), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(16)]
    outcomes = []
    for child in children:
        out, err = child.communicate(timeout=CHILD_TIMEOUT)
        outcomes.append((child.returncode, err, out.count('"address"')))
    assert [o for o in outcomes if o[:2] != (0, "")] == []
    assert len({o[2] for o in outcomes}) == 1 and outcomes[0][2] > 0


@pytest.mark.slow
def test_queries_during_rebuilds_never_fail(library: Path) -> None:
    search(library, "mandate")  # up to date: the queries below only read
    rebuilder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        from drafting.library.index import Index
        with Index({str(library)!r}, auto_refresh=False) as index:
            for _ in range(6):
                index.rebuild()
        """)], stderr=subprocess.PIPE, text=True)
    failures, answers, deadline = [], set(), time.monotonic() + CHILD_TIMEOUT
    with Index(library) as index:
        for _ in range(400):  # bounded: at most 400 queries, and only while the rebuilds run
            try:
                answers.add(len(index.search('"renew the mandate"')))
            except Exception as exc:  # noqa: BLE001
                failures.append(repr(exc))
            if rebuilder.poll() is not None or time.monotonic() > deadline:
                break
    assert rebuilder.wait(timeout=CHILD_TIMEOUT) == 0, rebuilder.stderr.read() if rebuilder.stderr else ""
    assert failures == []
    assert len(answers) == 1 and answers.pop() > 0


def test_a_search_meanwhile_sees_the_old_index_until_the_update_commits(library: Path) -> None:
    with Index(library, auto_refresh=False) as reader:
        reader._db = reader._usable()
        before = len(reader.search('"renew the mandate"'))
        writer = Index(library)
        writer.refresh()  # commits in WAL mode while the reader's connection is open
        writer.close()
        assert len(reader.search('"renew the mandate"')) == before > 0


# ---------------------------------------------------------------------------- temporary files

_SLOW_WRITER = """
import sys, time
from drafting.store import write_atomic
def slow(path):
    path.write_bytes(b"half")
    print("writing", flush=True)
    time.sleep(60)
write_atomic(sys.argv[1], slow)
"""


def _start_slow_write(target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _SLOW_WRITER, str(target)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"  # the temporary file exists now
    return child


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_MARK in p.name)


def test_a_killed_write_leaves_a_named_temporary_that_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "2014.yaml"
    target.write_text("old\n")
    child = _start_slow_write(target)
    child.kill()
    child.wait(timeout=CHILD_TIMEOUT)
    left = _temporaries(tmp_path)
    assert len(left) == 1 and left[0].startswith(f".2014.yaml{TEMP_MARK}{child.pid}-")
    assert target.read_text() == "old\n"  # the target is untouched
    assert [p.name for p in stale_temporaries(target)] == left
    write_atomic(target, "new\n")
    assert (_temporaries(tmp_path), target.read_text()) == ([], "new\n")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_terminated_or_interrupted_write_removes_its_temporary(tmp_path: Path, sig: int) -> None:
    target = tmp_path / "report.html"
    child = _start_slow_write(target)
    assert len(_temporaries(tmp_path)) == 1
    child.send_signal(sig)
    code = child.wait(timeout=CHILD_TIMEOUT)
    assert code != 0
    assert _temporaries(tmp_path) == [] and not target.exists()


def test_a_live_writers_temporary_is_not_stale(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    child = _start_slow_write(target)
    try:
        assert stale_temporaries(target) == []
        write_atomic(target, "mine\n")  # another writer's file is left alone
        assert len(_temporaries(tmp_path)) == 1
    finally:
        child.kill()
        child.wait(timeout=CHILD_TIMEOUT)


def test_a_killed_index_build_is_cleaned_by_the_next_search(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(PRECEDENTS, lib, ignore=shutil.ignore_patterns(".drafting-index*"))  # a fresh library
    index = lib / INDEX_NAME
    leftover = lib / f".{INDEX_NAME}{TEMP_MARK}999999999-abc.tmp"  # no process has this pid
    leftover.write_bytes(b"x" * 1000)
    Path(f"{leftover}-journal").write_bytes(b"j")
    assert search(lib, "mandate").hits
    assert index.is_file() and _temporaries(lib) == []
    assert os.path.getsize(index) > 0
