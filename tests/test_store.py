"""The YAML store: validation with places, round trips, atomic writes."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import drafting
from drafting.errors import DraftingError, ValidationError
from drafting.model import Body, Paragraph, Resolution
from drafting.store import dumps, load, load_facts, loads, resolution_files, save, validate

from conftest import PRECEDENTS

# Real paragraphs (68/128 PP1 and OP31) for the hand-written files below.
PP1 = ("Recognizing that the trade in conflict diamonds continues to be a matter of serious "
       "international concern, which can be directly linked to the fuelling of armed conflict,")
OP31 = ("Welcomes the selection of China as the Chair and Angola as the Vice-Chair of the Process "
        "for 2014;")


def problems_of(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        loads(text, "r.yaml")
    return [str(p) for p in info.value.problems]


def test_every_problem_is_reported_with_file_line_column_and_path() -> None:
    text = (
        "symbol: A/RES/68/128\n"
        "sesion: 68\n"
        "year: twenty\n"
        "preamble:\n"
        f"  - {PP1}\n"
        "  - [a, list]\n"
        "operative:\n"
        "  - text: 'Requests the Secretary-General:'\n"
        "    items:\n"
        "      - to continue;\n"
        "      - [x]\n"
        "  - tetx: oops\n"
    )
    assert problems_of(text) == [
        'r.yaml:2:1: unknown key "sesion"; did you mean "session"?',
        "r.yaml:3:7: year: expected a whole number, found a string ('twenty')",
        'r.yaml:6:5: preamble[1]: expected a string or a mapping with "text", found a list',
        'r.yaml:11:9: operative[0].items[1]: expected a string or a mapping with "text", found a list',
        'r.yaml:12:5: operative[1]: unknown key "tetx"; did you mean "text"?',
        'r.yaml:12:5: operative[1]: expected a "text" key in this paragraph mapping, found none',
    ]


@pytest.mark.parametrize("text, message", [
    ("", "r.yaml: the file is empty: expected a mapping with preamble and operative paragraphs "
         "(see README, 'The YAML format')"),
    ("preamble: [a\n", "r.yaml:2:1: broken YAML: did not find expected ',' or ']' "
                       "(while parsing a flow sequence)"),
    ("- just a list\n", "r.yaml:1:1: expected a mapping with preamble and operative paragraphs, "
                        "found a list"),
    ("body: Trusteeship Council\noperative: [Decides.]\n",
     "r.yaml:1:7: body: expected \"General Assembly\" or \"Security Council\", found 'Trusteeship Council'"),
    ("adopted: 18 December 2013\noperative: [Decides.]\n",
     "r.yaml:1:10: adopted: expected a date such as 2013-12-18, found a string ('18 December 2013')"),
    ("symbol: x\n", "r.yaml:1:1: expected preamble and/or operative paragraphs, found neither"),
    ("operative:\n  - ''\n", "r.yaml:2:5: operative[0]: expected paragraph text, found an empty string; "
                             "delete the item"),
    # unsafe tags never construct anything: the tagged key is read as a plain (unknown) key
    ("operative: [Decides.]\n!!python/object:os.system x: 1\n",
     "r.yaml:2:1: expected plain YAML, found the tag !!python/object:os.system; remove it"),
])
def test_bad_files_get_one_line_each(text: str, message: str) -> None:
    assert problems_of(text) == [message]


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "scan.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(DraftingError, match=r"scan.yaml: expected a UTF-8 text file, found binary data"):
        load(binary)
    with pytest.raises(DraftingError, match=r"nothing.yaml: no such file"):
        load(tmp_path / "nothing.yaml")


def test_save_is_atomic_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out" / "2013.yaml"
    resolution = Resolution(symbol="A/RES/68/128", preamble=(Paragraph(PP1),), operative=(Paragraph(OP31),))
    save(resolution, target)
    assert load(target) == resolution
    assert sorted(os.listdir(target.parent)) == ["2013.yaml"]


def test_long_paragraphs_fold_one_item_each() -> None:
    text = dumps(Resolution(preamble=(Paragraph(PP1),), operative=(Paragraph(OP31),)))
    assert text == (
        "body: General Assembly\n"
        "preamble:\n"
        "  - Recognizing that the trade in conflict diamonds continues to be a matter of serious international\n"
        "    concern, which can be directly linked to the fuelling of armed conflict,\n"
        "operative:\n"
        "  - Welcomes the selection of China as the Chair and Angola as the Vice-Chair of the Process for 2014;\n"
    )


def test_facts_file(tmp_path: Path) -> None:
    path = tmp_path / "2014.facts.yaml"
    path.write_text("plenary_city: Guangzhou\nnext_vice_chair: null\nplenary_dates: 11 to 14 November 2014\n",
                    encoding="utf-8")
    assert load_facts(path) == {"plenary_city": "Guangzhou", "next_vice_chair": None,
                                "plenary_dates": "11 to 14 November 2014"}
    path.write_text("- Guangzhou\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"2014.facts.yaml:1:1: expected a mapping of fact names"):
        load_facts(path)


def test_every_precedent_loads_and_saves_byte_for_byte() -> None:
    files = resolution_files([PRECEDENTS])
    assert files, "precedents/ holds no resolution files"
    assert validate([PRECEDENTS]) == []
    for path in files:
        assert dumps(load(path)) == path.read_text(encoding="utf-8"), path


# ---------------------------------------------------------------------------- round trip

_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                 min_size=1, max_size=60).filter(lambda s: s.strip())
_text = st.one_of(_words, st.sampled_from([PP1, OP31, "Yes", "null", "12", "- a", "a: b", "'quoted'",
                                           "Côte d'Ivoire & <Viet Nam>", "два", "السلام", "和平"]))


def _paragraphs(depth: int) -> st.SearchStrategy[Paragraph]:
    items = st.just(()) if depth == 0 else st.lists(_paragraphs(depth - 1), max_size=3).map(tuple)
    return st.builds(Paragraph, text=_text, items=items,
                     id=st.none() | st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z"),
                     lead=st.none() | _words, note=st.none() | _text)


_facts = st.dictionaries(
    st.from_regex(r"\A[a-z_]{1,12}\Z"),
    st.none() | st.integers(0, 10_000) | _text | st.lists(_text, max_size=4)
    | st.dates(dt.date(1946, 1, 1), dt.date(2030, 12, 31)),
    max_size=4)

resolutions = st.builds(
    Resolution,
    symbol=st.none() | st.sampled_from(["A/RES/68/128", "S/RES/350 (1974)"]),
    body=st.sampled_from(list(Body)),
    session=st.none() | st.integers(1, 80),
    year=st.none() | st.integers(1946, 2030),
    adopted=st.none() | st.dates(dt.date(1946, 1, 1), dt.date(2030, 12, 31)),
    meeting=st.none() | st.integers(1, 9999),
    agenda_item=st.none() | st.sampled_from(["32", "14 (a)", "7"]),
    vote=st.none() | _text,
    adoption_note=st.none() | _text,
    sponsors=st.lists(_words, max_size=3).map(tuple),
    title=st.none() | _text,
    facts=_facts,
    preamble=st.lists(_paragraphs(1), max_size=4).map(tuple),
    operative=st.lists(_paragraphs(2), min_size=1, max_size=4).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(resolutions)
def test_any_valid_resolution_survives_dumps_and_load(resolution: Resolution) -> None:
    text = dumps(resolution)
    again = loads(text)
    assert again == resolution
    assert dumps(again) == text


def test_package_exports_the_store() -> None:
    assert drafting.load is load and drafting.dumps is dumps and drafting.save is save


def test_a_failed_write_is_one_error_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from drafting.store import write_atomic

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    target = tmp_path / "out.yaml"
    with pytest.raises(DraftingError, match=r"out\.yaml: cannot write: No space left on device$"):
        write_atomic(target, "operative: []\n")
    assert list(tmp_path.iterdir()) == []
