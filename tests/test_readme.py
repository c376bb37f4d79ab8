"""Every Python example in the README runs, as written, from the project's root."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT


def python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "the README has no Python example"  # an empty loop would pass unseen
    return blocks


@pytest.mark.parametrize("n", range(len(python_blocks())))
def test_readme_python_example_runs(n: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    # The examples use paths relative to the project (precedents/, out/): run them in a copy of
    # that layout whose out/ is a temporary folder.
    for name in ("precedents", "examples"):
        os.symlink(ROOT / name, tmp_path / name)
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    exec(compile(python_blocks()[n], f"README.md python block {n + 1}", "exec"), {})
    printed = capsys.readouterr().out
    if n == 0:  # the API tour: each step printed or wrote what it says
        import drafting

        assert printed.startswith("Acknowledges with great appreciation the important contribution "
                                  "that South Africa")  # OP31 of 68/128
        assert "# Proposed draft from A/RES/68/128" in printed
        assert (tmp_path / "out" / "draft-2014.docx").read_bytes()[:2] == b"PK"
        assert (tmp_path / "out" / "tracked.docx").read_bytes()[:2] == b"PK"
        assert drafting.load(tmp_path / "out" / "draft-2014.yaml").year == 2014
        assert "['OP29']" in printed  # the one paragraph with "tripartite nature"
