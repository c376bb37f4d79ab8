"""Where commands write: the output-path guard, the missing-folder rule and temporary files.

Every command that writes passes its inputs and outputs through :func:`check` (the CLI does it
with the :func:`guarded` decorator) before anything is read or written, so no output ever
overwrites an input or another output of the same run. An output whose folder is missing is an
error, except for the commands the README shows writing into a new folder (``propose``,
``diff --series``), which create it and remove it again when they fail.

Temporary files live beside their target, named ``.<target>.drafting-tmp-<pid>-<random>.tmp`` so a
person can tell what they are; they are removed on any exit, SIGTERM and SIGINT included, and one
left by a killed run (its process gone) is removed by the next write to the same target.
"""
from __future__ import annotations

import functools
import glob
import os
import shutil
import signal
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from drafting.errors import DraftingError

TEMP_MARK = ".drafting-tmp-"  # in every temporary file's name, between the target's name and the pid
STALE_AGE = 24 * 3600  # where a process cannot be asked whether it lives: a temp this old is stale

F = TypeVar("F", bound=Callable[..., Any])


# ---------------------------------------------------------------------------- the guard


def _paths(values: Iterable[str | os.PathLike[str] | None]) -> list[Path]:
    return [Path(v) for v in values if v not in (None, "", "-")]


def _same(a: Path, b: Path) -> bool:
    """One file under two names: the same resolved path, or (both existing) the same inode."""
    if _real(a) == _real(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _read_from(folder: Path, output: Path) -> bool:
    """A folder given as input stands for its resolution files: an existing *.yaml in it (or
    the folder itself) is read, so writing there overwrites an input."""
    if _real(output) == _real(folder):
        return True
    if not output.is_file():
        return False
    return os.path.dirname(_real(output)) == _real(folder) and output.suffix == ".yaml" or \
        any(_same(output, f) for f in folder.glob("*.yaml"))


def _real(path: Path) -> str:
    return os.path.realpath(path)  # never raises, even on a symlink loop (Path.resolve does)


def check(inputs: Iterable[str | os.PathLike[str] | None],
          outputs: Iterable[str | os.PathLike[str] | None], *, create: bool = False,
          folders: bool = False) -> None:
    """Refuse an output that is an input or another output; refuse a missing output folder
    unless ``create``; ``folders``: the outputs are folders to write into, not files.
    A DraftingError names both paths and says how to fix it."""
    ins, outs = _paths(inputs), _paths(outputs)
    for k, out in enumerate(outs):
        for src in ins:
            if src.is_dir() and _read_from(src, out):
                raise DraftingError(f"{out}: this output would overwrite the input folder {src} or "
                                    "a resolution file in it; write somewhere else")
            if not src.is_dir() and _same(src, out):
                raise DraftingError(f"{out}: this output would overwrite the input {src}; "
                                    "write to another file name")
        for other in outs[:k]:
            if _same(other, out):
                raise DraftingError(f"{out}: given for two outputs; give each output its own file name")
        if out.is_dir() and not folders:
            raise DraftingError(f"{out}: expected a file name to write, found a folder")
        parent = out.parent
        if not create and not parent.is_dir():
            what = "is a file, not a folder" if parent.exists() else "does not exist"
            raise DraftingError(f"{out}: the folder {parent} {what}; create the folder first "
                                "or write somewhere else")


@contextmanager
def new_folders(outputs: Sequence[str | os.PathLike[str] | None], *,
                folders: bool = False) -> Iterator[None]:
    """Remove on failure the folders this run created for ``outputs`` (their parents, or the
    outputs themselves when ``folders``): a failed run leaves no empty folder behind."""
    targets = [p if folders else p.parent for p in _paths(outputs)]
    missing = {m for m in map(_first_missing, targets) if m is not None}
    ok = False
    try:
        yield
        ok = True
    except SystemExit as exc:  # diff(1) codes: 0 same, 1 different are successes
        ok = exc.code in (0, 1, None)
        raise
    finally:
        if not ok:
            for folder in sorted(missing, key=lambda p: len(p.parts), reverse=True):
                shutil.rmtree(folder, ignore_errors=True)


def _first_missing(path: Path) -> Path | None:
    """The outermost folder of ``path`` that does not exist yet (None when it all exists)."""
    path = path.absolute()
    if path.exists():
        return None
    while not path.parent.exists():
        path = path.parent
    return path


def guarded(inputs: Sequence[str], outputs: Sequence[str], *, create: bool = False,
            parents: Sequence[str] = (), unless: str | None = None) -> Callable[[F], F]:
    """Decorate a click command: :func:`check` its inputs and outputs (parameter names) first.

    ``parents`` name inputs whose folder is read too (a series the command looks in). With
    ``create`` the outputs' missing folders are made, and removed again when the command fails.
    ``unless`` names a parameter that, when given, makes the command check its paths itself.
    """
    def wrap(command: F) -> F:
        @functools.wraps(command)
        def run(*args: Any, **params: Any) -> Any:
            if unless and params.get(unless):
                return command(*args, **params)
            ins = [v for name in inputs for v in _values(params.get(name))]
            ins += [str(Path(v).parent) for name in parents for v in _values(params.get(name))]
            outs = [v for name in outputs for v in _values(params.get(name))]
            check(ins, outs, create=create)
            with new_folders(outs):
                return command(*args, **params)
        return run  # type: ignore[return-value]
    return wrap


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (tuple, list)) else [str(value)]


# ---------------------------------------------------------------------------- temporary files


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: is there such a process? (never on Windows: it would kill)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def stale_temporaries(target: str | os.PathLike[str]) -> list[Path]:
    """Temporary files for ``target`` that a killed run left (their process is gone)."""
    target = Path(target)
    pattern = os.path.join(glob.escape(str(target.parent)), glob.escape(f".{target.name}{TEMP_MARK}") + "*.tmp*")
    stale = []
    for name in glob.glob(pattern):
        pid_text = name.rsplit(TEMP_MARK, 1)[-1].split("-", 1)[0]
        try:
            if os.name == "nt" or not pid_text.isdigit():
                if time.time() - os.path.getmtime(name) > STALE_AGE:
                    stale.append(Path(name))
            elif not _alive(int(pid_text)):
                stale.append(Path(name))
        except OSError:
            continue
    return sorted(stale)


@contextmanager
def temporary(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file beside ``target`` (created, empty), removed whatever happens; rename
    it onto ``target`` inside the block. Leftovers of killed runs for ``target`` go first."""
    target = Path(target)
    for leftover in stale_temporaries(target):
        leftover.unlink(missing_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}{os.getpid()}-", suffix=".tmp",
                                dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        with _termination_as_exit():
            yield tmp
    finally:
        for extra in (tmp, *tmp.parent.glob(glob.escape(tmp.name) + "-*")):  # an SQLite journal
            extra.unlink(missing_ok=True)


class Terminated(SystemExit):
    """SIGTERM (or SIGHUP) arrived while a temporary file was open: unwind, then exit 128+n."""


@contextmanager
def _termination_as_exit() -> Iterator[None]:
    """Turn SIGTERM/SIGHUP into an exception while the block runs, so ``finally`` clauses remove
    the temporary file; only where Python's default (die at once) was in force."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous: dict[int, Any] = {}
    for name in names:
        number = getattr(signal, name)
        if signal.getsignal(number) is signal.SIG_DFL:
            previous[number] = signal.signal(number, _raise_terminated)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _raise_terminated(number: int, frame: Any) -> None:
    raise Terminated(128 + number)
