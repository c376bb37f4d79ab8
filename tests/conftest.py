"""Shared paths and fixtures: the real corpus (../shared/corpus) and the committed precedents."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from drafting.model import Resolution

ROOT = Path(__file__).resolve().parents[1]
PRECEDENTS = ROOT / "precedents"
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"
YEARBOOK = CORPUS / "yearbook-2013-political-security-ch1.txt"
UNSC = CORPUS / "unsc"
DIAMONDS = PRECEDENTS / "conflict-diamonds" / "2013.yaml"  # A/RES/68/128, the GA text most tests use

# Golden files are rewritten, instead of compared, when this is set:
#   DRAFTING_REGENERATE=1 python -m pytest
REGENERATE_HINT = "regenerate with: DRAFTING_REGENERATE=1 python -m pytest"


def precedent_files() -> list[Path]:
    """Every committed precedent, in a stable order (asserts there are some)."""
    files = sorted(PRECEDENTS.glob("*/*.yaml"))
    assert files, f"no precedents in {PRECEDENTS}"  # an empty loop would pass unseen
    return files


# The compilation of A/RES/68/128 written by hand in UN notation.
COMPILE_HAND = ROOT / "tests" / "data" / "compile-68-128.txt"


def renewal_pairs() -> list[tuple[Path, Path]]:
    """Every consecutive pair of the UNDOF and UNIFIL renewal series, in order."""
    from drafting.comparison.diff import series_pairs

    return [p for s in ("undof", "unifil") for p in series_pairs(PRECEDENTS / s)]


def addressed_texts(resolution: Resolution) -> list[tuple[str, str]]:
    """(address, text) of every paragraph, in order: two texts that read the same compare equal."""
    return [(str(a), p.text) for a, p in resolution.walk()]


def diamonds() -> Resolution:
    """A/RES/68/128 (conflict diamonds, 2013), loaded from the committed precedent."""
    from drafting import load

    return load(DIAMONDS)


def need_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}: clone the project beside shared/")


def need_program(name: str, package: str) -> str:
    """The program's path, or skip the test saying how to install it."""
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed: apt-get install -y {package}")
    return path


def golden(case: str, name: str, actual: str | bytes) -> None:
    """Compare with tests/golden/<case>/<name>, or rewrite it when DRAFTING_REGENERATE=1."""
    import os

    path = GOLDEN / case / name
    if os.environ.get("DRAFTING_REGENERATE"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8") if isinstance(actual, str) else actual)
        return
    assert path.exists(), f"missing golden file {path}; {REGENERATE_HINT}"
    expected = path.read_bytes()
    got = actual.encode("utf-8") if isinstance(actual, str) else actual
    assert got == expected, f"output differs from {path}; if the change is intended, {REGENERATE_HINT}"


# The start of every LibreOffice test script: start a headless office on its own profile and pipe,
# connect, run the script's ``work(desktop, dispatcher, args)`` and print what it returns as JSON,
# then close the office. ``load`` opens a document hidden; ``all_changes`` accepts or rejects all.
UNO_PROLOGUE = r'''
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                        (prop("Hidden", True),))

def all_changes(dispatcher, doc, mode):
    command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())

def office_session(work):
    profile, pipe, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=" + profile, "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        print(json.dumps(work(desktop, dispatcher, args)))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except Exception:
            office.kill()
'''


def run_uno(script: str, args: list[str], tmp: Path, name: str, timeout: int = 900) -> Any:
    """Run ``script``, which defines ``work(desktop, dispatcher, args)``, after :data:`UNO_PROLOGUE`
    in python3-uno on a headless LibreOffice; what ``work`` returned (through JSON). LibreOffice drops its bridge now and then (a restart of a new profile, load):
    that is tried again, three times in all; any other failure fails the test with LibreOffice's words."""
    import json
    import os
    import subprocess

    need_program("soffice", "libreoffice-writer-nogui")
    python = shutil.which("python3", path="/usr/bin")
    if not python or subprocess.run([python, "-c", "import uno"], capture_output=True).returncode:
        pytest.skip("LibreOffice's Python bridge is not installed: apt-get install -y python3-uno")
    path = tmp / f"{name}.py"
    path.write_text(UNO_PROLOGUE + script + "\noffice_session(work)\n")
    stderr = ""
    profile = (tmp / f"lo-{name}").as_uri()
    # A fresh profile makes LibreOffice restart itself once; let a first start create it.
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--terminate_after_init"],
                   capture_output=True, timeout=120)
    for attempt in range(3):  # the same, now settled, profile: a restart does not come twice
        run = subprocess.run([python, str(path), profile, f"{name}_{os.getpid()}_{tmp.name}_{attempt}", *args],
                             capture_output=True, text=True, timeout=timeout)
        if run.returncode == 0:
            return json.loads(run.stdout)
        stderr = run.stderr
        if not any(sign in stderr for sign in _LIBREOFFICE_GONE):
            raise AssertionError(f"LibreOffice failed: {stderr[-2000:]}")
    # Three starts in a row lost the office itself (not a wrong result): say so rather than fail.
    pytest.skip(f"LibreOffice's bridge failed three times on this machine: {stderr.strip().splitlines()[-1]}")


# What LibreOffice going away under the bridge looks like: the bridge disposed, no connection, or a
# document load answered with nothing.
_LIBREOFFICE_GONE = ("DisposedException", "NoConnectException", "RuntimeException",
                     "'NoneType' object has no attribute")
