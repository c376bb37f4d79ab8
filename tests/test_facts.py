"""Facts files and how facts are written in UN texts: found in the form used, rewritten the same way."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from drafting.errors import ValidationError
from drafting.proposal.extract import extract
from drafting.model import format_date, ordinal_word, parse_date, parse_ordinal
from drafting.proposal.facts import find, format_list, format_range, leaves, lookup, missing, short_symbol
from drafting.store import load_facts, loads_facts
from tools.extract_facts import fill_series
from drafting.model import Body, Paragraph, Resolution
from drafting.store import load, save

# Real paragraphs of A/RES/68/128 (Yearbook of the United Nations 2013).
OP10 = ("Expresses appreciation to Côte d'Ivoire, Liberia, the Russian Federation, Singapore, South Africa "
        "and Viet Nam for receiving review visits or missions in 2013, welcomes the commitment of those "
        "countries to continuously open their certification systems to reviews and improvements, and calls "
        "upon other Participants that have not already done so to make themselves available to receive "
        "review visits;")
PP19 = ("Noting the outcomes of the eleventh plenary meeting of the Kimberley Process, hosted in "
        "Johannesburg by South Africa from 19 to 22 November 2013,")
PP18 = ("Welcoming also the decision of the 54 Kimberley Process Participants, representing 81 countries, "
        "including the 28 members of the European Union represented by the European Commission, to address "
        "the problem of conflict diamonds by participating in the Process and implementing the Kimberley "
        "Process Certification Scheme,")
PP10 = ("Recalling also Security Council resolution 1459 (2003) of 28 January 2003, in which the Council "
        "strongly supported the Kimberley Process Certification Scheme as a valuable contribution against "
        "trafficking in conflict diamonds,")
VISITS = ["Côte d'Ivoire", "Liberia", "Russian Federation", "Singapore", "South Africa", "Viet Nam"]


# ---------------------------------------------------------------------------- rendering


def test_lists_are_written_the_un_way() -> None:
    assert format_list(["Angola", "Liberia", "Sierra Leone"]) == "Angola, Liberia and Sierra Leone"
    assert format_list(["China", "Angola"], conj="or") == "China or Angola"
    assert format_list(["Mali"]) == "Mali"


def test_dates_and_ranges() -> None:
    assert format_date(dt.date(2013, 12, 18)) == "18 December 2013"
    assert parse_date("1 December 2000") == dt.date(2000, 12, 1)
    assert parse_date("31 February 2000") is None
    assert format_range(dt.date(2014, 11, 11), dt.date(2014, 11, 14)) == "11 to 14 November 2014"
    assert format_range(dt.date(2013, 9, 30), dt.date(2013, 10, 4)) == "30 September to 4 October 2013"
    assert format_range(dt.date(2013, 12, 30), dt.date(2014, 1, 2)) == "30 December 2013 to 2 January 2014"


def test_ordinals_as_words() -> None:
    assert ordinal_word(69) == "sixty-ninth"
    assert ordinal_word(70) == "seventieth"
    assert ordinal_word(101) == "one hundred first"
    assert parse_ordinal("Sixty-ninth") == 69
    assert parse_ordinal("plenary") is None


@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_round_trip(value: dt.date) -> None:
    assert parse_date(format_date(value)) == value


@given(st.integers(min_value=1, max_value=200))
def test_ordinals_round_trip(n: int) -> None:
    assert parse_ordinal(ordinal_word(n)) == n


@given(st.lists(st.sampled_from(VISITS + ["Mali", "United Arab Emirates", "Angola"]), min_size=1,
                max_size=5, unique=True))
def test_a_written_list_is_found_whole_and_rewritten_identically(names: list[str]) -> None:
    text = "Expresses appreciation to " + format_list(names) + " for receiving review visits;"
    found = find(names, text)
    assert [f.text for f in found] == [format_list(names)]
    assert found[0].write(names) == format_list(names)


# ---------------------------------------------------------------------------- finding


def test_a_list_is_found_with_its_articles_and_the_new_one_takes_them_where_due() -> None:
    (found,) = find(VISITS, OP10)
    assert found.text == "Côte d'Ivoire, Liberia, the Russian Federation, Singapore, South Africa and Viet Nam"
    assert found.write(["Angola", "Russian Federation", "United Arab Emirates"]) == \
        "Angola, the Russian Federation and the United Arab Emirates"


def test_a_name_inside_a_list_is_one_place_of_the_list_only_when_the_list_is_sought() -> None:
    assert [f.text for f in find("South Africa", OP10)] == ["South Africa"]


def test_ordinal_fact_is_found_as_a_word_and_rewritten_as_one() -> None:
    (found,) = find("eleventh", PP19)
    assert (found.text, found.write("twelfth"), found.write(12)) == ("eleventh", "twelfth", "twelfth")


def test_date_range_string_is_one_place() -> None:
    assert [f.text for f in find("19 to 22 November 2013", PP19)] == ["19 to 22 November 2013"]
    assert find({"from": dt.date(2013, 11, 19), "to": dt.date(2013, 11, 22)}, PP19)[0].start == PP19.index("19 to")


def test_numbers_are_found_as_digits_but_never_as_the_day_of_a_date() -> None:
    assert [(f.text, f.write(29)) for f in find(28, PP18)] == [("28", "29")]
    assert find(28, PP10) == []  # "28 January 2003" is a date
    assert [f.text for f in find(54, PP18)] == ["54"]


def test_numbers_written_in_words_keep_words() -> None:
    text = "for another period of six months, that is, until 31 May 1993;"
    (found,) = find(6, text)
    assert (found.text, found.write(3)) == ("six", "three")


def test_dates_are_found_in_un_form() -> None:
    text = "To renew the mandate ... for another period of six months, that is, until 31 May 1993;"
    (found,) = find(dt.date(1993, 5, 31), text)
    assert found.write(dt.date(1993, 11, 30)) == "30 November 1993"


# ---------------------------------------------------------------------------- leaves


FACTS_2013 = {
    "chair": "South Africa", "next_vice_chair": "Angola",
    "admitted": [{"participant": "Mali", "when": "June 2013", "how": "written procedure"}],
    "chair_report": {"symbol": "A/68/649", "transmitted": "9 December 2013"},
    "review_visits": VISITS, "sources": ["Yearbook"],
}


def test_leaves_open_records_and_keep_lists_of_names_whole() -> None:
    assert leaves(FACTS_2013) == {
        "chair": "South Africa", "next_vice_chair": "Angola",
        "admitted[0].participant": "Mali", "admitted[0].when": "June 2013",
        "admitted[0].how": "written procedure",
        "chair_report.symbol": "A/68/649", "chair_report.transmitted": "9 December 2013",
        "review_visits": VISITS,
    }


def test_null_is_a_value_and_absence_is_not() -> None:
    new = {"chair": "China", "next_vice_chair": None, "admitted": None}
    assert lookup(new, "next_vice_chair") is None and not missing(new, "next_vice_chair")
    assert not missing(new, "admitted[0].participant")  # "nobody admitted" covers the record's fields
    assert missing(new, "review_visits")


# ---------------------------------------------------------------------------- facts files


def test_the_example_facts_file_loads(tmp_path) -> None:
    from conftest import EXAMPLES

    facts = load_facts(EXAMPLES / "conflict-diamonds" / "2014.facts.yaml")
    assert facts["next_vice_chair"] is None
    assert facts["plenary_dates"] == "11 to 14 November 2014"


@pytest.mark.parametrize("text, message", [
    ("chair: China\nsuspended: yes\n",
     "f.yaml:2:12: suspended: expected a string, number, date, list or null, found 'yes'; quote it to keep it as text"),
    ("review_visits:\n  - [Liberia, Mali]\n",
     "f.yaml:2:5: review_visits[0]: expected a name, number or date inside this list, found a list; flatten it"),
    ("review_visits: [Liberia, ~]\n",
     "f.yaml:1:26: review_visits[1]: expected a value in this list, found null; remove the item"),
    ("- chair\n", "f.yaml:1:1: expected a mapping of fact names to values (name: value), found a list"),
    ("Guangzhou\n", "f.yaml:1:1: expected a mapping of fact names to values (name: value), found a string "
                    "('Guangzhou')"),
    ("chair: China\n1: Angola\n", "f.yaml:2:1: expected a fact name (a string), found a number (1)"),
    ("", "f.yaml: the facts file is empty: expected a mapping of fact names to values"),
    ("chair: China\nchair: Angola\n", 'f.yaml:2:1: fact "chair" appears twice; keep one'),
    ("chair: [China\n", "f.yaml:2:1: broken YAML: did not find expected ',' or ']' "
                        "(while parsing a flow sequence)"),
])
def test_bad_facts_files_say_where_and_why(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        loads_facts(text, "f.yaml")
    assert str(err.value) == message


# ---------------------------------------------------------------------------- facts a text states

# S/RES/803 (1993), UNIFIL, as the corpus gives it.
UNIFIL_803 = Resolution(
    symbol="S/RES/803 (1993)", body=Body.SC, year=1993, adopted=dt.date(1993, 1, 28),
    preamble=(
        Paragraph("Recalling its resolutions 425 (1978) and 426 (1978) of 19 March 1978, 501 (1982) of "
                  "25 February 1982, 508 (1982) of 5 June 1982, 509 (1982) of 6 June 1982, and 520 (1982) "
                  "of 17 September 1982, as well as all its resolutions on the situation in Lebanon,"),
        Paragraph("Having studied the report of the Secretary-General on the United Nations Interim Force in "
                  "Lebanon of 22 January 1993 (S/25150 and Add.1) and taking note of the observations "
                  "expressed therein,"),
        Paragraph("Taking note of the letter dated 18 January 1993 from the Permanent Representative of "
                  "Lebanon to the United Nations addressed to the Secretary-General (S/25125),"),
    ),
    operative=(Paragraph("Decides to extend the present mandate of UNIFIL for a further interim period of "
                         "six months, that is until 31 July 1993;"),
               Paragraph("Re-emphasizes the terms of reference and general guidelines of the Force as stated "
                         "in the report of the Secretary-General of 19 March 1978, approved by resolution "
                         "426 (1978);")),
)


def test_extract_reads_what_a_renewal_states_and_skips_history() -> None:
    assert extract(UNIFIL_803, previous="768 (1992)") == {
        "report_date": dt.date(1993, 1, 22),
        "report_symbol": "S/25150 and Add.1",
        "letter_date": dt.date(1993, 1, 18),
        "letter_symbol": "S/25125",
        "mandate_period": "six months",
        "mandate_end": dt.date(1993, 7, 31),
    }


def test_extract_names_the_previous_resolution_when_the_text_cites_it() -> None:
    text = Paragraph("Recalling its resolutions 425 (1978), 426 (1978), 467 (1980) and 474 (1980),")
    r = Resolution(symbol="S/RES/483 (1980)", body=Body.SC, year=1980, adopted=dt.date(1980, 12, 17),
                   preamble=(text,))
    assert extract(r, previous="474 (1980)") == {"previous_resolution": "474 (1980)"}


def test_short_symbols() -> None:
    assert short_symbol("A/RES/68/128") == "68/128"
    assert short_symbol("S/RES/803 (1993)") == "803 (1993)"
    assert short_symbol(None) is None


def test_fill_series_writes_security_council_facts_and_leaves_the_assembly_alone(tmp_path) -> None:
    folder = tmp_path / "unifil"
    save(UNIFIL_803, folder / "0803.yaml")
    ga = Resolution(symbol="A/RES/68/128", year=2013, session=68, facts={"chair": "South Africa"},
                    operative=(Paragraph("Decides to include the item;"),))
    save(ga, tmp_path / "ga" / "2013.yaml")
    assert [f for f, _ in fill_series(folder)] == [str(folder / "0803.yaml")]
    assert load(folder / "0803.yaml").facts["mandate_end"] == dt.date(1993, 7, 31)
    assert fill_series(tmp_path / "ga") == []
    assert load(tmp_path / "ga" / "2013.yaml").facts == {"chair": "South Africa"}


def test_ordinals_in_digits() -> None:
    from drafting.proposal.facts import ordinal_digits

    assert [ordinal_digits(n) for n in (1, 2, 3, 11, 12, 13, 21, 112, 2266, 3081, 2502)] == [
        "1st", "2nd", "3rd", "11th", "12th", "13th", "21st", "112th", "2266th", "3081st", "2502nd"]
    assert [(f.text, f.write("twelfth")) for f in find("eleventh", "the 11th plenary and the Eleventh")] == [
        ("11th", "12th"), ("Eleventh", "Twelfth")]


def test_extract_keeps_two_days_of_a_month_as_one_fact_and_reads_past_an_ocr_slip() -> None:
    # S/RES/684 (1991) cites "the report ... of 24 and 26 July 1990"; S/RES/551 (1984) reads "until! 30 November 1984".
    r = Resolution(symbol="S/RES/684 (1991)", body=Body.SC, year=1991, adopted=dt.date(1991, 1, 30), preamble=(
        Paragraph("Having studied the report of the Secretary-General on the United Nations Interim Force in "
                  "Lebanon of 24 and 26 July 1990, and taking note of the observations expressed therein,"),),
        operative=(Paragraph("Decides to extend the present mandate for a further interim period of six months, "
                             "that is, until! 31 July 1991;"),))
    assert extract(r) == {"report_date": [dt.date(1990, 7, 24), dt.date(1990, 7, 26)], "mandate_period": "six months",
                          "mandate_end": dt.date(1991, 7, 31)}


def test_extract_keeps_the_period_as_the_text_states_it() -> None:
    # S/RES/594 (1987), operative paragraph 1, as the corpus gives it ("that is." an OCR slip).
    r = Resolution(symbol="S/RES/594 (1987)", body=Body.SC, year=1987, adopted=dt.date(1987, 1, 15), operative=(
        Paragraph("Decides to extend the present mandate of the United Nations Interim Force in Lebanon for a "
                  "further interim period of six months and twelve days, that is. until 31 July 1987;"),))
    assert extract(r) == {"mandate_period": "six months and twelve days", "mandate_end": dt.date(1987, 7, 31)}


def test_extract_reads_an_end_after_terminating_on_and_ending_on() -> None:
    # ONUMOZ S/RES/879 (1993): "for an interim period terminating on 5 November 1993" was read as the
    # report's date (the nearest document noun, 25 words back), so propose moved the end to the new
    # report's day. ONUSAL S/RES/791 (1992): "for a further period of six months ending on 31 May 1993".
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r879 = import_file(UNSC / "S_RES_0879_1993_EN_GOLD.txt")
    assert extract(r879) == {"mandate_end": dt.date(1993, 11, 5)}
    r791 = import_file(UNSC / "S_RES_0791_1992_EN_GOLD.txt")
    assert extract(r791)["mandate_end"] == dt.date(1993, 5, 31)
