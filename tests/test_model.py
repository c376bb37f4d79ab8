"""The domain model: addresses, walking paragraphs, to_dict/from_dict."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, strategies as st

from drafting.model import Address, Body, Paragraph, Part, Resolution, label, roman

REQUESTS = Paragraph(
    "Requests the Secretary-General:",
    items=(
        Paragraph("To call upon the parties concerned to implement immediately Security Council "
                  "resolution 338 (1973);"),
        Paragraph("To renew the mandate of the United Nations Disengagement Observer Force:",
                  items=(Paragraph("for another period of six months;"), Paragraph("until 30 November 1977;"))),
    ),
)
UNDOF = Resolution(
    symbol="S/RES/408 (1977)", body=Body.SC, year=1977, adopted=dt.date(1977, 5, 26),
    preamble=(Paragraph("Having considered the report of the Secretary-General on the United Nations "
                        "Disengagement Observer Force,"),
              Paragraph("Expressing concern over the prevailing state of tension in the area,")),
    operative=(REQUESTS, Paragraph("Decides to remain seized of the matter.")),
)


@pytest.mark.parametrize("text", ["PP3", "OP12", "OP12(b)", "OP12(b)(ii)", "OP1(aa)", "PP2(c)(iv)"])
def test_address_prints_what_it_parses(text: str) -> None:
    assert str(Address.parse(text)) == text


def test_address_parts() -> None:
    address = Address.parse("OP12(b)(ii)")
    assert (address.part, address.number, address.sub) == (Part.OPERATIVE, 12, (2, 2))
    assert str(address.parent) == "OP12(b)"
    assert address.depth == 2


@pytest.mark.parametrize("bad", ["P3", "OP", "OP12b", "OP12(B)", "12", "OP12(b)(q)"])
def test_address_rejects_what_negotiators_would_not_write(bad: str) -> None:
    with pytest.raises(ValueError, match="expected"):
        Address.parse(bad)


def test_labels_follow_un_practice() -> None:
    assert [label(1, n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert [label(2, n) for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert roman(1994) == "mcmxciv"


@given(st.integers(min_value=1, max_value=60), st.lists(st.integers(1, 40), max_size=3))
def test_address_round_trip(number: int, sub: list[int]) -> None:
    address = Address(Part.OPERATIVE, number, tuple(sub))
    assert Address.parse(str(address)) == address


def test_walk_gives_every_paragraph_with_its_address() -> None:
    assert [str(a) for a, _ in UNDOF.walk()] == [
        "PP1", "PP2", "OP1", "OP1(a)", "OP1(b)", "OP1(b)(i)", "OP1(b)(ii)", "OP2"]
    assert UNDOF.get("OP1(b)(ii)").text == "until 30 November 1977;"
    with pytest.raises(KeyError):
        UNDOF.get("OP3")


def test_replace_paragraph_keeps_the_rest() -> None:
    changed = UNDOF.replace_paragraph(Address.parse("OP1(b)(i)"), Paragraph("for six months;"))
    assert changed.get("OP1(b)(i)").text == "for six months;"
    assert changed.get("OP1(b)(ii)") == UNDOF.get("OP1(b)(ii)")
    assert changed.preamble == UNDOF.preamble


def test_lead_phrase_from_lexicon_and_override() -> None:
    assert UNDOF.preamble[1].lead_phrase(Part.PREAMBLE) == "Expressing concern"
    assert REQUESTS.lead_phrase(Part.OPERATIVE) == "Requests"
    assert Paragraph("Notes further that", lead="Notes further").lead_phrase() == "Notes further"


def test_to_dict_uses_the_fixed_key_order_and_bare_strings() -> None:
    data = UNDOF.to_dict()
    assert list(data) == ["symbol", "body", "year", "adopted", "preamble", "operative"]
    assert data["preamble"][0] == UNDOF.preamble[0].text
    assert list(data["operative"][0]) == ["text", "items"]
    assert Resolution.from_dict(data) == UNDOF


def test_dates_and_ordinals_as_the_un_writes_them() -> None:
    from drafting.model import MONTHS, format_date, ordinal_word, parse_ordinal

    assert format_date(dt.date(2013, 12, 18)) == "18 December 2013"
    assert format_date(dt.date(1974, 5, 1)) == "1 May 1974"  # no leading zero
    assert (MONTHS[0], MONTHS[-1], len(MONTHS)) == ("January", "December", 12)
    assert ordinal_word(68) == "sixty-eighth"
    assert ordinal_word(101) == "one hundred first"  # no "and", as the UN writes session numbers
    assert (parse_ordinal("Sixty-eighth"), parse_ordinal("one hundred first")) == (68, 101)
    assert parse_ordinal("plenary") is None


# ---------------------------------------------------------------------------- footnote anchors

def test_note_anchor_is_the_shortest_run_found_first_at_the_marker() -> None:
    from drafting.model.resolution import note_anchor
    text = "Recalling its resolution 425 (1978), and the report of the Council, and the report"
    assert note_anchor(text, len("Recalling its resolution 425 (1978)")) == "(1978)"
    assert note_anchor(text, len(text)) == "Council, and the report"


def test_footnote_offsets_place_each_line_of_the_note() -> None:
    para = Paragraph("Recalling resolution 425 (1978), and the report of 1 May", note="S/12611.\nS/12620.",
                     note_at=("(1978)", "May"))
    assert para.footnote_offsets == (("S/12611.", 31), ("S/12620.", len(para.text)))
    edited = Paragraph("Recalling resolution 426", note="S/12611.\nS/12620.", note_at=("(1978)", "May"))
    assert [offset for _, offset in edited.footnote_offsets] == [24, 24]


@given(st.text(alphabet="ab ,.()1", min_size=1, max_size=40), st.data())
def test_note_anchor_round_trips_any_marker_place(text: str, data: st.DataObject) -> None:
    from drafting.model.resolution import anchor_offset, note_anchor
    first = len(text) - len(text.lstrip())
    assume(first < len(text))
    offset = data.draw(st.integers(first + 1, len(text)))
    assert anchor_offset(text, note_anchor(text, offset)) == offset


# ---------------------------------------------------------------------------- document symbols

def test_a_symbol_takes_in_its_corrigenda_and_addenda() -> None:
    from conftest import UNSC, need_corpus
    from drafting.importers import import_file
    from drafting.model import SYMBOL_RE

    need_corpus()
    pp2 = import_file(UNSC / "S_RES_0368_1975_EN_GOLD.txt").preamble[1].text
    assert [m.group() for m in SYMBOL_RE.finditer(pp2)] == ["S/11670 and Corr.1 and 2"]
    note = import_file(UNSC / "S_RES_0214_1965_EN_GOLD.txt").preamble[0].note
    assert note is not None and [m.group() for m in SYMBOL_RE.finditer(note)] == ["S/6710 and Add.1 and 2"]


@pytest.mark.parametrize("text, symbols", [
    ("report S/1994/888/Add.1 and 2 of", ["S/1994/888/Add.1 and 2"]),
    ("S/1234 and Corr.1, 2 and 3.", ["S/1234 and Corr.1, 2 and 3"]),
    ("S/1234 and Add.1 and Corr.1", ["S/1234 and Add.1 and Corr.1"]),
    ("A/68/L.29 and Add.1", ["A/68/L.29 and Add.1"]),
    ("S/1234/Add.1 and 2 May 1990", ["S/1234/Add.1"]),  # a date follows, not a second addendum
    ("resolutions S/RES/242 and 338", ["S/RES/242"]),
    ("S/11670 and 2 others", ["S/11670"]),
])
def test_symbol_boundaries(text: str, symbols: list[str]) -> None:
    from drafting.model import SYMBOL_RE

    assert [m.group() for m in SYMBOL_RE.finditer(text)] == symbols


_NUMBERS = st.integers(1, 9).map(str)
_PARTS = st.lists(st.tuples(st.sampled_from(["Add", "Corr", "Rev"]), st.lists(_NUMBERS, min_size=1, max_size=3)),
                  max_size=3)


@given(st.sampled_from(["S/11670", "S/1994/888", "A/68/L.29", "A/RES/68/128"]), _PARTS,
       st.sampled_from([")", ",", ";", " of 2 May 1990", " and 2 May", "."]))
def test_a_symbol_with_any_parts_is_found_whole(base: str, parts: list[tuple[str, list[str]]], after: str) -> None:
    from drafting.model import SYMBOL_RE

    def numbers(ns: list[str]) -> str:
        return ns[0] if len(ns) == 1 else ", ".join(ns[:-1]) + " and " + ns[-1]

    symbol = base + "".join(f" and {kind}.{numbers(ns)}" for kind, ns in parts)
    text = f"the report ({symbol}{after}"
    assert [m.group() for m in SYMBOL_RE.finditer(text)] == [symbol]
