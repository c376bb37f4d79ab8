"""Lint: each rule caught on a mistake seeded into a real paragraph, and silent on the original.

The paragraphs are quoted from adopted texts (A/RES/68/128 as adopted; Security Council texts of
the corpus); each test changes one thing and expects exactly that finding. Then: no error on any
precedent, the CLI's exact output and exit codes.
"""
from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from conftest import DIAMONDS, EXAMPLES, PRECEDENTS, golden, precedent_files
from drafting.cli import main
from drafting.checks.engine import RULE_IDS, Finding, Severity, lint
from drafting.model import Address, Body, Paragraph, Resolution

# A/RES/68/128 (2013), PP1, PP2, PP13, OP1, OP2, OP6, OP10, OP33.
PP1 = ("Recognizing that the trade in conflict diamonds continues to be a matter of serious international "
       "concern, which can be directly linked to the fuelling of armed conflict, the activities of rebel "
       "movements aimed at undermining or overthrowing legitimate Governments and the illicit traffic in "
       "and proliferation of armaments, especially small arms and light weapons,")
PP2 = ("Recognizing also the devastating impact of conflicts fuelled by the trade in conflict diamonds on "
       "the peace, safety and security of people in affected countries, and the systematic and gross human "
       "rights violations that have been perpetrated in such conflicts,")
PP13 = ("Recalling its resolutions 55/56 of 1 December 2000, 56/263 of 13 March 2002, 57/302 of 15 April "
        "2003, 58/290 of 14 April 2004, 59/144 of 15 December 2004, 60/182 of 20 December 2005, 61/28 of "
        "4 December 2006, 62/11 of 26 November 2007, 63/134 of 11 December 2008, 64/109 of 11 December "
        "2009, 65/137 of 16 December 2010, 66/252 of 25 January 2012 and 67/135 of 18 December 2012, in "
        "which it called for the development and implementation as well as a periodic review of proposals "
        "for a simple, effective and pragmatic international certification scheme for rough diamonds,")
OP1 = "Reaffirms its strong and continuing support for the Kimberley Process Certification Scheme and the Kimberley Process as a whole;"
OP2 = ("Recognizes that the Kimberley Process Certification Scheme can help to ensure the effective "
       "implementation of relevant resolutions of the Security Council containing sanctions on the trade "
       "in conflict diamonds and contributes to the prevention of future conflicts fuelled by diamonds, and "
       "calls for the full implementation of existing Council measures targeting the illicit trade in rough "
       "diamonds, particularly conflict diamonds which play a role in fuelling conflict;")
OP6 = ("Also notes the decision of the General Council of the World Trade Organization of 15 May 2003 "
       "granting a waiver with respect to the measures taken to implement the Kimberley Process "
       "Certification Scheme, effective from 1 January 2003 to 31 December 2006;")
OP10 = ("Expresses appreciation to Côte d'Ivoire, Liberia, the Russian Federation, Singapore, South Africa "
        "and Viet Nam for receiving review visits or missions in 2013, welcomes the commitment of those "
        "countries to continuously open their certification systems to reviews and improvements, and calls "
        "upon other Participants that have not already done so to make themselves available to receive "
        "review visits;")
OP33 = ("Decides to include in the provisional agenda of its sixty-ninth session the item entitled "
        "\u201cThe role of diamonds in fuelling conflict\u201d.")
# S/RES/705 (1991) OP2; S/RES/363 (1974) (UNDOF), its operative paragraph and sub-paragraphs.
SC705_OP2 = ("Decides that, in accordance with the suggestion made by the Secretary-General in paragraph 7 of "
             "his note, compensation to be paid by Iraq, as arising from section E of resolution 687 (1991) of "
             "3 April 1991, shall not exceed 30 per cent of the annual value of its exports of petroleum and "
             "petroleum products;")
SC363_PP4 = ("Reaffirming that the two agreements on disengagement of forces are only a step towards the "
             "implementation of Security Council resolution 338 (1973) of 22 October 1973,")
SC363_ITEMS = ("To call upon the parties concerned to implement immediately Security Council resolution 338 (1973);",
               "To renew the mandate of the United Nations Disengagement Observer Force for another period of six months;",
               "That the Secretary-General will submit at the end of this period a report on the developments in "
               "the situation and the measures taken to implement resolution 338 (1973).")
# S/RES/444 (1979) PP1 (UNIFIL), as it cites the first two UNIFIL resolutions.
SC444_PP1 = "Recalling its resolutions 425 (1978) and 426 (1978) of 19 March 1978,"


def ga(preamble=(PP1, PP2), operative=(OP1, OP33), **kw) -> Resolution:
    return Resolution(body=Body.GA, year=2013, preamble=tuple(map(_p, preamble)),
                      operative=tuple(map(_p, operative)), **kw)


def sc(preamble=(SC363_PP4,), operative=None, year=1974, **kw) -> Resolution:
    if operative is None:
        operative = (Paragraph("Decides:", tuple(Paragraph(t) for t in SC363_ITEMS)),)
    return Resolution(body=Body.SC, year=year, preamble=tuple(map(_p, preamble)),
                      operative=tuple(map(_p, operative)), **kw)


def _p(x: str | Paragraph) -> Paragraph:
    return x if isinstance(x, Paragraph) else Paragraph(x)


def hits(resolution: Resolution, rule: str, profile: str = "un", library=None) -> list[tuple[str, str]]:
    return [(str(f.paragraph), f.message) for f in lint(resolution, profile, library) if f.rule == rule]


def test_the_real_paragraphs_are_clean():
    assert lint(ga(operative=(OP1, OP2, OP6, OP10, OP33), preamble=(PP1, PP2, PP13))) == []
    assert lint(sc()) == []
    assert lint(sc(operative=(SC705_OP2, "Decides to remain seized of the matter."), year=1991)) == []


# ---------------------------------------------------------------------------- structure

def test_pp_lead():
    assert hits(ga(preamble=("recognizing" + PP1[len("Recognizing"):], PP2)), "pp-lead") == [
        ("PP1", 'preambular lead "recognizing" is not capitalized')]
    assert hits(ga(preamble=("The trade in conflict diamonds" + PP1[len("Recognizing that the trade in conflict diamonds"):],)),
                "pp-lead") == [("PP1", 'preambular paragraph does not open with a participle or adjective lead: "The trade in conflict …"')]
    assert hits(ga(preamble=("Recognizes" + PP1[len("Recognizing"):],)), "pp-lead") == [
        ("PP1", 'preambular paragraph opens with the operative verb "Recognizes"')]


def test_pp_comma():
    assert hits(ga(preamble=(PP1[:-1] + ";", PP2)), "pp-comma") == [
        ("PP1", 'preambular paragraph ends with a semicolon: "…especially small arms and light weapons;"')]
    assert hits(ga(preamble=(PP1, PP2[:-1])), "pp-comma")[0][0] == "PP2"


def test_op_verb():
    found = lint(ga(operative=("reaffirms" + OP1[len("Reaffirms"):], OP33)))
    assert [(f.rule, str(f.paragraph), f.fix) for f in found] == [("op-verb", "OP1", 'write "Reaffirms"')]
    assert [(f.message, f.fix) for f in lint(ga(operative=("Reaffirming" + OP1[len("Reaffirms"):], OP33)))] == [
        ('operative paragraph opens with the participle "Reaffirming"', 'use the present tense: "Reaffirms"')]


def test_op_semicolon_and_last_full_stop():
    assert hits(ga(operative=(OP1[:-1] + ".", OP33)), "op-semicolon") == [
        ("OP1", 'operative paragraph ends with a full stop: "…and the Kimberley Process as a whole."')]
    assert hits(ga(operative=(OP1, OP33[:-1] + ";")), "op-last-full-stop") == [
        ("OP2", 'last operative paragraph ends with a semicolon: "…role of diamonds in fuelling conflict\u201d;"')]
    assert hits(ga(operative=(OP1, OP33)), "op-last-full-stop") == []


def test_sub_ending():
    items = list(SC363_ITEMS)
    items[0] = items[0][:-1] + ","
    seeded = sc(operative=(Paragraph("Decides:", tuple(Paragraph(t) for t in items)),))
    assert hits(seeded, "sub-ending") == [
        ("OP1(a)", "sub-paragraph ends with a comma where the others end with a semicolon")]
    items = list(SC363_ITEMS)
    items[0] = items[0] + " and"
    seeded = sc(operative=(Paragraph("Decides:", tuple(Paragraph(t) for t in items)),))
    assert hits(seeded, "sub-ending") == [
        ("OP1(a)", '"and" ends a sub-paragraph that is not the one before the last')]
    seeded = sc(operative=(Paragraph("Decides", tuple(Paragraph(t) for t in SC363_ITEMS)),))
    assert hits(seeded, "sub-ending") == [
        ("OP1", 'the words before the sub-paragraphs end with no punctuation: "Decides"')]
    # the last sub-paragraph carries the operative paragraph's own ending
    items = list(SC363_ITEMS)
    items[2] = items[2][:-1] + ";"
    assert hits(sc(operative=(Paragraph("Decides:", tuple(Paragraph(t) for t in items)),)), "op-last-full-stop")[0][0] == "OP1"


def test_repeated_lead():
    plain = "Recognizing" + PP2[len("Recognizing also"):]
    found = [f for f in lint(ga(preamble=(PP1, plain))) if f.rule == "repeated-lead"]
    assert [(str(f.paragraph), f.message, f.fix) for f in found] == [
        ("PP2", 'repeats the lead "Recognizing" of the paragraph before', 'write "Recognizing also"')]
    also = "Notes" + OP6[len("Also notes"):]
    found = [f for f in lint(ga(operative=("Notes the efforts;", also, OP33))) if f.rule == "repeated-lead"]
    assert [(str(f.paragraph), f.fix) for f in found] == [("OP2", 'write "Also notes"')]
    assert hits(ga(operative=("Notes the efforts;", OP6, OP33)), "repeated-lead") == []


def test_empty_paragraph():
    assert hits(ga(preamble=(PP1, "", PP2)), "empty-paragraph") == [("PP2", "empty paragraph")]


# ---------------------------------------------------------------------------- references

def test_ref_form():
    seeded = SC363_PP4.replace("22 October 1973", "22 October 1974")
    assert hits(sc(preamble=(seeded,)), "ref-form") == [
        ("PP1", '"resolution 338 (1973) of 22 October 1974": the date does not fall in 1973')]
    seeded = PP13.replace("67/135 of 18 December 2012", "67/135 of 18 December 2014")
    assert hits(ga(preamble=(seeded,)), "ref-form") == [
        ("PP1", '"resolution 67/135 of 18 December 2014": the date does not fall in 2012 or 2013')]


def test_recall_order():
    seeded = PP13.replace("55/56 of 1 December 2000, 56/263 of 13 March 2002",
                          "56/263 of 13 March 2002, 55/56 of 1 December 2000")
    assert hits(ga(preamble=(seeded,)), "recall-order") == [
        ("PP1", "resolution 55/56 is listed after the later resolution 56/263")]


def test_ref_library():
    library = PRECEDENTS / "unifil"
    assert hits(sc(preamble=(SC444_PP1,), year=1979), "ref-library", library=library) == []
    seeded = SC444_PP1.replace("19 March", "18 March")
    found = hits(sc(preamble=(seeded,), year=1979), "ref-library", library=library)
    assert found == [("PP1", '"resolution 426 (1978) of 18 March 1978": S/RES/426 (1978) was adopted on 19 March 1978')]
    # a 2014 draft recalling 68/128, which the library holds (adopted on 18 December 2013)
    recall = PP13.replace(" and 67/135 of 18 December 2012", ", 67/135 of 18 December 2012 and 68/128 of 18 December 2013")
    assert hits(ga(preamble=(recall,)), "ref-library", library=PRECEDENTS) == []
    found = hits(ga(preamble=(recall.replace("18 December 2013", "17 December 2013"),)), "ref-library", library=PRECEDENTS)
    assert found == [("PP1", '"resolution 68/128 of 17 December 2013": A/RES/68/128 was adopted on 18 December 2013')]


# ---------------------------------------------------------------------------- words

@pytest.mark.parametrize("wrong,right", [("Côte d'Ivoire", "Ivory Coast"), ("Viet Nam", "Vietnam"),
                                         ("the Russian Federation", "Russia")])
def test_country_name(wrong, right):
    seeded = OP10.replace(wrong, right)
    found = [f for f in lint(ga(operative=(seeded, OP33))) if f.rule == "country-name"]
    assert [(str(f.paragraph), f.message) for f in found] == [("OP1", f'"{right.split()[-1] if right == "Russia" else right}" is not the UN short name')]


def test_country_name_keeps_the_name_of_its_time():
    # "Ivory Coast" was the UN name until 1985 (S/RES/150 (1960) recommends its admission).
    text = "Recommends to the General Assembly that the Republic of the Ivory Coast be admitted to membership in the United Nations."
    assert hits(sc(preamble=(), operative=(text,), year=1960), "country-name") == []
    assert hits(sc(preamble=(), operative=(text,), year=1990), "country-name") == [
        ("OP1", '"Ivory Coast" is not the UN short name')]


def test_spelling():
    seeded = OP2.replace("fuelled by diamonds", "fueled by diamonds")
    assert hits(ga(operative=(seeded, OP33)), "spelling") == [("OP1", 'US spelling "fueled"')]
    text = "Requests the Secretary-General to prepare a programme of work;"
    assert hits(ga(operative=(text.replace("programme", "program"), OP33)), "spelling") == [("OP1", 'US spelling "program"')]
    assert hits(ga(operative=(text.replace("programme", "computer program"), OP33)), "spelling") == []
    recognising = "Recognising" + PP1[len("Recognizing"):]
    assert hits(ga(preamble=(recognising,)), "spelling") == [("PP1", '-ise spelling "Recognising"')]
    # a capital inside the sentence is a proper name
    assert hits(ga(operative=(OP1.replace("as a whole", "and the Carter Center"), OP33)), "spelling") == []


def test_per_cent():
    assert hits(sc(preamble=(), operative=(SC705_OP2[:-1] + ".",), year=1991), "per-cent") == []
    for seeded, message in ((SC705_OP2.replace("30 per cent", "30 percent"), '"percent"'),
                            (SC705_OP2.replace("30 per cent", "30%"), '"30%" in running text')):
        assert hits(sc(preamble=(), operative=(seeded[:-1] + ".",), year=1991), "per-cent") == [("OP1", message)]


def test_date_style():
    for seeded, message in (("May 15, 2003", 'date "May 15, 2003" in US order'),
                            ("15th May 2003", 'date "15th May 2003" with an ordinal'),
                            ("15 May, 2003", 'comma in the date "15 May, 2003"')):
        text = OP6.replace("15 May 2003", seeded)
        assert hits(ga(operative=(text, OP33)), "date-style") == [("OP1", message)]


def test_quote_style_double_space():
    # OP33 has curly quotes; straight ones in another paragraph are the odd ones out
    seeded = OP1.replace("as a whole", 'as a "whole"')
    assert hits(ga(operative=(seeded, OP33)), "quote-style") == [
        ("OP1", "quotation mark \" where the rest of the text uses \u201c \u201d")]
    # one curly and one straight apostrophe: a tie, so either one is the odd one out, but only one
    found = hits(ga(operative=(OP10.replace("d'Ivoire", "d\u2019Ivoire"), OP1.replace("its", "its own Government's"), OP33)),
                 "quote-style")
    assert found in ([("OP1", "apostrophe \u2019 where the rest of the text uses '")],
                     [("OP2", "apostrophe ' where the rest of the text uses \u2019")])
    assert hits(ga(operative=(OP1.replace("continuing support", "continuing  support"), OP33)), "double-space") == [
        ("OP1", 'double space after "…its strong and continuing"')]


# ---------------------------------------------------------------------------- Model UN

def test_mun_rules():
    whereas = "Whereas the trade" + PP1[len("Recognizing that the trade"):]
    assert hits(ga(preamble=(whereas,)), "mun-whereas", "mun") == [("PP1", '"Whereas" clause')]
    assert hits(ga(preamble=(whereas,)), "mun-whereas", "un") == []
    assert hits(ga(), "mun-whereas", "mun") == []
    long_lead = Paragraph(OP1, lead="Reaffirms its strong and continuing support")
    assert hits(ga(operative=(long_lead, OP33)), "mun-lead-length", "mun") == [
        ("OP1", 'lead "Reaffirms its strong and continuing support" has 6 words')]
    applauding = "Applauding" + PP2[len("Recognizing also"):]
    assert hits(ga(preamble=(PP1, applauding)), "lead-unknown", "mun") == [
        ("PP2", '"Applauding" is not among the usual opening phrases')]
    assert hits(ga(preamble=(PP1, PP2)), "lead-unknown", "mun") == []


def test_operative_forms_that_are_not_slips():
    # S/RES/1445 (2002) OP11: an introductory phrase, then the verb
    intro = ("In regard to DDR under the new MONUC concept of operation, endorses also the interim funding "
             "mechanism in paragraph 97 of the Secretary-General's report;")
    assert hits(sc(preamble=(), operative=(intro, "Decides to remain seized of the matter."), year=2002), "op-verb") == []
    # S/RES/794 (1992): "Acting under Chapter VII ..." standing unnumbered among operative paragraphs
    acting = "Acting under Chapter VII of the Charter of the United Nations,"
    ops = ("Decides to remain seized of the matter;", acting, "Decides to remain seized of the matter.")
    assert [f.rule for f in lint(sc(preamble=(), operative=ops, year=1992))] == []
    # S/RES/5 (1946): "Resolves:" then "To ..." paragraphs; early texts' forms are information only
    early = ("Resolves:", "To defer further proceedings on the Iranian matter;", "To consider what further proceedings may be required.")
    assert lint(sc(preamble=(), operative=early, year=1966)) == []
    organ = "The Security Council directs the Military Staff Committee to draw up proposals."
    assert hits(sc(preamble=(), operative=(organ,), year=1946), "op-verb") == []
    rambling = "By Article 47 of the Charter, the United Nations have agreed that there shall be established a Military Staff Committee."
    found = lint(sc(preamble=(), operative=(rambling,), year=1946))
    assert [(f.rule, f.severity) for f in found] == [("op-verb", Severity.INFO)]
    assert [(f.rule, f.severity) for f in lint(sc(preamble=(), operative=(rambling,), year=1950))] == [("op-verb", Severity.ERROR)]


def test_every_rule_has_a_test_here():
    import pathlib

    source = pathlib.Path(__file__).read_text()
    assert [r for r in RULE_IDS if f'"{r}"' not in source] == []
    table = (PRECEDENTS.parent / "docs" / "lint-rules.md").read_text()
    assert [r for r in RULE_IDS if f"| `{r}` |" not in table] == []


# ---------------------------------------------------------------------------- precedents

# The errors left on the precedents: each a slip of the text as the corpus holds it (the OCR read
# the printed ";" or "," as ":" or ".", e.g. S/RES/531 (1983) "Observer Force. 10" for "Force,10").
# Listed in docs/lint-rules.md; a new error here is a false alarm to fix (or a slip to document).
KNOWN_SLIPS: list[tuple[str, str, str]] = []  # OCR slips of closing marks are mended on import


@pytest.mark.slow  # the whole library
def test_no_error_on_any_precedent_but_the_documented_slips():
    from drafting.store import load

    files = precedent_files()
    errors = [(f"{f.parent.name}/{f.name}", str(x.paragraph), x.rule) for f in files
              for x in lint(load(f), library=PRECEDENTS) if x.severity is Severity.ERROR]
    assert errors == KNOWN_SLIPS
    assert not [f for f in lint(load(DIAMONDS)) if f.severity is Severity.ERROR]
    doc = (PRECEDENTS.parent / "docs" / "lint-rules.md").read_text()
    assert [s for s in KNOWN_SLIPS if f"{s[0]} {s[1]}" not in doc] == []
    assert "closing marks mended (OCR)" in doc


# ---------------------------------------------------------------------------- CLI

MUN = EXAMPLES / "mun" / "climate-draft.yaml"


def test_cli_lint_mun_example_terminal_and_json(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    runner = CliRunner()
    result = runner.invoke(main, ["lint", "examples/mun/climate-draft.yaml", "--profile", "mun"])
    assert result.exit_code == 1
    golden("lint-mun-example", "terminal.txt", result.output)
    assert result.output.splitlines()[-1] == "6 errors, 9 warnings, 8 info in 1 file"
    result = runner.invoke(main, ["lint", "examples/mun/climate-draft.yaml", "--profile", "mun", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert list(data) == ["findings"]
    assert data["findings"][2] == {"rule": "mun-whereas", "severity": "error", "paragraph": "PP2",
                                   "message": '"Whereas" clause',
                                   "fix": 'open with a participle such as "Noting" or "Recognizing"'}
    golden("lint-mun-example", "findings.json", result.output)


def test_cli_lint_clean_several_files_and_errors(tmp_path, monkeypatch):
    from drafting.store import save

    clean = tmp_path / "clean.yaml"
    save(ga(operative=(OP1, OP2, OP33)), clean)
    runner = CliRunner()
    result = runner.invoke(main, ["lint", str(clean), "--library", ""])
    assert (result.exit_code, result.output) == (0, "0 errors, 0 warnings, 0 info in 1 file\n")
    result = runner.invoke(main, ["lint", str(clean), str(MUN), "--format", "json", "--library", ""])
    assert result.exit_code == 1
    files = {f["file"] for f in json.loads(result.output)["findings"]}
    assert files == {str(MUN)}
    missing = tmp_path / "missing.yaml"
    result = runner.invoke(main, ["lint", str(missing)])
    assert (result.exit_code, result.output) == (2, f"drafting: {missing}: no such file\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("preamble: [\n")
    result = runner.invoke(main, ["lint", str(bad)])
    assert (result.exit_code, result.output) == (
        2, f"drafting: {bad}:2:1: broken YAML: did not find expected node content (while parsing a flow node)\n")
    result = runner.invoke(main, ["lint", str(clean), "--profile", "eu"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: Invalid value for '--profile': 'eu' is not one of 'un', 'mun'."


def test_finding_is_a_frozen_value():
    f = Finding("pp-comma", Severity.ERROR, Address.parse("PP1"), "m", "f")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "x"  # type: ignore[misc]
    assert f.to_dict() == {"rule": "pp-comma", "severity": "error", "paragraph": "PP1", "message": "m", "fix": "f"}


def test_ocr_damage_finds_misread_glyphs_and_spares_names():
    r = Resolution(body=Body.SC, operative=(
        Paragraph("Calls upon the parties in the arca to report by i993, see document S/1234/Add.1l;"),
        Paragraph("Decides that the Force in Rome and Dili shall report, Tbid. and (ii);"),))
    found = [(str(f.paragraph), f.message) for f in lint(r) if f.rule == "ocr-damage"]
    assert found == [("OP1", '"arca" looks like OCR damage of "area"'),
                     ("OP1", '"i993" looks like OCR damage of "1993"'),
                     ("OP1", '"Add.1l" looks like OCR damage of "Add.11"'),
                     ("OP2", '"Tbid" looks like OCR damage of "Ibid"')]


def test_ocr_damage_on_the_precedents_is_the_two_real_slips():
    from drafting.store import load

    found = [(f.paragraph, f.message) for path in precedent_files()
             for f in lint(load(path)) if f.rule == "ocr-damage"]
    # S/RES/363 (1974) PP2 "arca"; S/RES/450 (1979) the note on PP2, "Tbid., 2144th meeting, para. 2."
    assert [m for _, m in found] == ['"arca" looks like OCR damage of "area"',
                                     '"Tbid" in its footnote looks like OCR damage of "Ibid"']


# ---------------------------------------------------------------------------- texts the rules were not written on

def _corpus_text(number: int, year: int) -> Resolution:
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    return import_file(UNSC / f"S_RES_{number:04d}_{year}_EN_GOLD.txt")


def test_quote_pair_finds_a_footnote_marker_read_as_a_quotation_mark():
    # UNIIMOG renewals: the report's footnote marker came out as ”4 and as "; nothing else told.
    assert hits(_corpus_text(671, 1990), "quote-pair") == [
        ("PP2", "closing quotation mark that no quotation opened: “…Observer Group of 21 September 1990,”4 and "
                "taking note of the observations…”")]
    assert hits(_corpus_text(685, 1991), "quote-pair") == [
        ("PP2", "closing quotation mark that no quotation opened: “…Observer Group of 28 January 1991,\" and "
                "taking note of the observations…”")]
    # A quotation of several paragraphs printed as one opens each anew: no slip (S/RES/267 rules).
    rules = "Decides to adopt the following rule: “Rule 60 “The Security Council shall decide.”"
    assert hits(sc(preamble=(), operative=(rules,), year=1975), "quote-pair") == []
    # One left open, where the next paragraph does not carry it on (S/RES/276 (1970) OP1).
    open_ = "Strongly condemns the refusal to comply with the resolutions of the Security “Council pertaining to Namibia;"
    assert hits(sc(preamble=(), operative=(open_, "Decides to remain seized of the matter."), year=1970),
                "quote-pair") == [("OP1", "quotation opened and never closed: “…the resolutions of the Security "
                                          "“Council pertaining to Namibia;”")]


def test_ocr_damage_finds_a_glyph_no_word_has():
    # UNAVEM S/RES/785 (1992) OP4 "Calls_on"; ONUSAL S/RES/729 (1992) OP2 "El} Salvador".
    assert hits(_corpus_text(785, 1992), "ocr-damage") == [
        ("OP4", '"Calls_on" holds a character no word has: OCR damage of "Calls on"?')]
    assert ("OP2", '"El}" holds a character no word has: OCR damage of "El"?') in hits(_corpus_text(729, 1992), "ocr-damage")
    web = "Invites States to consult www.un.org/sc/suborg/en/sanctions_list and to write to un_sc@un.org;"
    assert hits(sc(preamble=(), operative=(web, "Decides to remain seized of the matter."), year=1994), "ocr-damage") == []


def test_recall_order_names_the_number_when_the_dates_are_in_order():
    # UNAVEM S/RES/834 (1993) PP1: "804 (1993) of 29 January 1993" printed as "84 (1993)".
    assert hits(_corpus_text(834, 1993), "recall-order") == [
        ("PP1", "resolution 84 (1993) of 29 January 1993 comes after 793 (1992) of 30 November 1992 in date but "
                "bears a lower number")]


_WORDS = st.lists(st.sampled_from(["the", "Council", "report", "of", "22 March 1990", "and", "Peace", "Accords"]),
                  min_size=1, max_size=6).map(" ".join)


@given(st.lists(st.tuples(_WORDS, st.booleans(), st.sampled_from([("“", "”"), ('"', '"')])), min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_quote_pair_takes_every_closed_quotation_and_finds_a_closing_mark_alone(parts) -> None:
    # Any paragraph of quotations opened and closed, curly or straight, is clean; the same paragraph
    # with one more closing mark after a word has exactly one finding.
    text = "Calls upon " + " ".join(f"{o}{w}{c}" if quoted else w for w, quoted, (o, c) in parts) + ";"
    last = "Decides to remain seized of the matter."
    assert hits(sc(preamble=(), operative=(text, last), year=1990), "quote-pair") == []
    stray = text[:-1] + ",” and;"
    found = hits(sc(preamble=(), operative=(stray, last), year=1990), "quote-pair")
    assert [(a, m.split(":")[0]) for a, m in found] == [("OP1", "closing quotation mark that no quotation opened")]


def test_ocr_damage_reads_the_footnotes_too():
    # UNEF S/RES/396 (1976): the note on PP3 reads "[bid., document S/12210."; UNIFIL S/RES/450 (1979) "Tbid.".
    assert hits(_corpus_text(396, 1976), "ocr-damage") == [
        ("PP3", '"[bid" in its footnote looks like OCR damage of "Ibid"')]
    from drafting.store import load

    r450 = load(PRECEDENTS / "unifil/0450.yaml")
    assert ("PP2", '"Tbid" in its footnote looks like OCR damage of "Ibid"') in hits(r450, "ocr-damage")
    # A bracket that opens a word the corpus does not know is left alone ("[the draft]" is no "Ithe").
    draft = "Decides to keep [the draft] under review;"
    assert hits(sc(preamble=(), operative=(draft, "Decides to remain seized of the matter."), year=1994),
                "ocr-damage") == []
