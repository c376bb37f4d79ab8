"""Agreed-language search: the FTS5 index, its freshness, queries, --similar and the CLI.

Two libraries: a small one written here from real paragraphs of the corpus (UNDOF 363, 369 and
398, UNIFIL 659, 68/128 OP29), copied per test so tests may edit it; and the whole Security
Council corpus (811 texts) imported once per session with the project's importer.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from conftest import PRECEDENTS, UNSC, need_corpus
from drafting.cli import main
from drafting.errors import DraftingError
from drafting.library.index import INDEX_NAME, Index, fts_query, search, significant_words, similarity

# ---------------------------------------------------------------------------- a small real library

UNDOF_363 = """\
symbol: S/RES/363 (1974)
body: Security Council
year: 1974
adopted: 1974-11-29
preamble:
  - Having considered the report of the Secretary-General on the United Nations Disengagement Observer
    Force (S/11563),
  - Expressing concern over the prevailing state of tension in the area,
operative:
  - text: 'Decides:'
    items:
      - To call upon the parties concerned to implement immediately Security Council resolution 338
        (1973);
      - To renew the mandate of the United Nations Disengagement Observer Force for another period
        of six months;
"""

UNDOF_369 = UNDOF_363.replace("363 (1974)", "369 (1975)").replace("1974-11-29", "1975-05-28") \
    .replace("year: 1974", "year: 1975").replace(" (S/11563),", ",")

UNDOF_398 = """\
symbol: S/RES/398 (1976)
body: Security Council
year: 1976
adopted: 1976-11-30
preamble:
  - Having considered the report of the Secretary-General on the United Nations Disengagement Observer
    Force,
operative:
  - text: 'Decides:'
    items:
      - To call upon the parties concerned to implement immediately Security Council resolution 338
        (1973) of 22 October 1973;
      - To renew the mandate of the United Nations Disengagement Observer Force for another period
        of six months, that is, until 31 May 1977;
"""

UNIFIL_659 = """\
symbol: S/RES/659 (1990)
body: Security Council
year: 1990
adopted: 1990-07-31
preamble:
  - Responding to the request of the Government of Lebanon,
operative:
  - Decides to extend the present mandate of the United Nations Interim Force in Lebanon for a further
    interim period of six months, that is, until 31 January 1991;
  - Reiterates its strong support for the territorial integrity, sovereignty and independence of Lebanon
    within its internationally recognized boundaries;
"""

DIAMONDS = """\
symbol: A/RES/68/128
body: General Assembly
session: 68
year: 2013
adopted: 2013-12-18
preamble:
  - Recognizing that the trade in conflict diamonds continues to be a matter of serious international
    concern,
operative:
  - Reaffirms the importance of the tripartite nature of the Kimberley Process, and welcomes the commitment
    of the plenary meeting to continue its constructive engagement with civil society in recognition
    of the role that civil society plays in the Kimberley Process;
"""

OP29 = ("Reaffirms the importance of the tripartite nature of the Kimberley Process, and welcomes the "
        "commitment of the plenary meeting to continue its constructive engagement with civil society in "
        "recognition of the role that civil society plays in the Kimberley Process;")


def write_library(root: Path) -> Path:
    files = {"undof/0363.yaml": UNDOF_363, "undof/0369.yaml": UNDOF_369, "undof/0398.yaml": UNDOF_398,
             "unifil/0659.yaml": UNIFIL_659, "conflict-diamonds/2013.yaml": DIAMONDS}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib")


# ---------------------------------------------------------------------------- queries and escaping


@pytest.mark.parametrize("query, expected", [
    ("tripartite nature", '"tripartite" "nature"'),
    ('"tripartite nature"', '"tripartite nature"'),
    ('renew* "six months', '"renew"* "six months"'),  # an unbalanced quote runs to the end
    ('(NEAR "x', '"NEAR" "x"'),  # FTS5 syntax words are searched as words
    ("NOT AND - * OR", '"NOT" "AND" "OR"'),
    ("Secretary-General’s report", '"Secretary" "General" "s" "report"'),
    ("Côte d'Ivoire", '"Côte" "d" "Ivoire"'),
])
def test_fts_query_quotes_every_term(query: str, expected: str) -> None:
    assert fts_query(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "()*-", '"" ""', "^:"])
def test_fts_query_without_words_is_a_clear_error(query: str) -> None:
    with pytest.raises(DraftingError, match="expected words to search for"):
        fts_query(query)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()*-:^+NEAROTD{},.’é\t')), max_size=30))
def test_any_query_runs_or_is_refused_clearly(query: str) -> None:
    """Whatever a user types, SQLite never sees a syntax error: it searches or we refuse."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('a b NEAR OR ab')")
    try:
        match = fts_query(query)
    except DraftingError:
        assert not re.search(r"[^\W_]", query)
        return
    db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()


def test_significant_words_drop_stop_words_and_numbers() -> None:
    assert significant_words("To renew the mandate of the Force for another period of 6 months;") == [
        "renew", "mandate", "force", "another", "period", "months"]


def test_similarity_ignores_case_punctuation_and_word_order() -> None:
    assert similarity("Decides to renew the mandate;", "decides to RENEW the mandate.") == 100.0
    assert similarity("sovereignty and territorial integrity", "territorial integrity and sovereignty") == 100.0
    assert similarity("Decides to renew the mandate", "Condemns the attack") < 50


# ---------------------------------------------------------------------------- searching


def test_phrase_finds_the_paragraph_with_its_match_offsets(lib: Path) -> None:
    with Index(lib) as index:
        hits = index.search('"tripartite nature"')
    assert [(h.symbol, h.address, h.series, h.path, h.year, h.body) for h in hits] == [
        ("A/RES/68/128", "OP1", "conflict-diamonds", "conflict-diamonds/2013.yaml", 2013, "GA")]
    hit = hits[0]
    assert hit.text == OP29
    assert [hit.text[a:b] for a, b in hit.matches] == ["tripartite nature"]
    assert hit.matches == ((32, 49),)


def test_words_need_not_be_adjacent_but_a_phrase_must(lib: Path) -> None:
    with Index(lib) as index:
        assert [h.address for h in index.search("tension prevailing")] == ["PP2", "PP2"]
        assert index.search('"tension prevailing"') == []


def test_sub_paragraphs_are_indexed_with_their_address(lib: Path) -> None:
    with Index(lib) as index:
        hits = index.search('"renew the mandate of the United Nations Disengagement Observer Force"', first=True)
    assert [(h.label, h.address) for h in hits] == [
        ("S/RES/363 (1974)", "OP1(b)"), ("S/RES/369 (1975)", "OP1(b)"), ("S/RES/398 (1976)", "OP1(b)")]


def test_filters_by_body_and_year(lib: Path) -> None:
    with Index(lib) as index:
        assert [h.label for h in index.search("Security", body="SC", since=1975, first=True)] == [
            "S/RES/369 (1975)", "S/RES/398 (1976)"]
        assert [h.label for h in index.search("the", body="GA")] == ["A/RES/68/128 (2013)", "A/RES/68/128 (2013)"]
        with pytest.raises(DraftingError, match="expected --body GA or SC, found 'UN'"):
            index.search("the", body="UN")


def test_similar_finds_a_reworded_paragraph(lib: Path) -> None:
    reworded = ("Reaffirms its firm support for the sovereignty, territorial integrity and political "
                "independence of Lebanon within its internationally recognised borders;")
    with Index(lib) as index:
        hits = index.similar(reworded)
    assert [(h.label, h.address) for h in hits] == [("S/RES/659 (1990)", "OP2")]
    assert 75 < hits[0].similarity < 100
    assert hits[0].matches == ()


def test_similar_searches_the_rarest_words_of_a_long_paragraph(lib: Path) -> None:
    from drafting.library.index import RARE_WORDS

    with Index(lib) as index:
        words = significant_words(OP29 + " " + UNIFIL_659)
        assert len(words) > RARE_WORDS
        rare = index._rarest(index.db, words)
        # words of no paragraph (the YAML keys) are dropped; the common ones ("united",
        # "nations", "lebanon", "force": 4 paragraphs and more) give way to rarer ones
        assert len(rare) == RARE_WORDS and "symbol" not in rare and "preamble" not in rare
        assert {"united", "nations", "force", "security"}.isdisjoint(rare)
        assert {"tripartite", "kimberley", "civil"} <= set(rare)
        assert index.similar(OP29 + " " + UNIFIL_659, min_similarity=0)[0].address == "OP1"


def test_similar_without_significant_words_is_an_error(lib: Path) -> None:
    with Index(lib) as index, pytest.raises(DraftingError, match="no significant word"):
        index.similar("of the and to")


# ---------------------------------------------------------------------------- freshness


def test_a_full_build_reports_its_progress(lib: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = search(lib, "mandate", progress=lambda done, total: seen.append((done, total)))
    assert result.refresh.full and seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert result.refresh.added == ("conflict-diamonds/2013.yaml", "undof/0363.yaml", "undof/0369.yaml",
                                    "undof/0398.yaml", "unifil/0659.yaml")


def test_a_changed_file_is_reindexed_on_the_next_search(lib: Path) -> None:
    with Index(lib) as index:
        assert [h.path for h in index.search('"strong support"')] == ["unifil/0659.yaml"]
        path = lib / "unifil/0659.yaml"
        path.write_text(path.read_text().replace("strong support", "unwavering support"))
        assert index.search('"strong support"') == []
        assert index.last_refresh.changed == ("unifil/0659.yaml",)
        assert [h.address for h in index.search('"unwavering support"')] == ["OP2"]
        assert not index.last_refresh.touched


def test_a_deleted_file_disappears_and_a_new_one_appears(lib: Path) -> None:
    search(lib, "mandate")  # builds the index
    (lib / "undof/0369.yaml").unlink()
    (lib / "undof/0363.yaml").rename(lib / "undof/0363-renamed.yaml")
    result = search(lib, '"Disengagement Observer Force for another period"', first=True)
    assert [h.path for h in result.hits] == ["undof/0363-renamed.yaml", "undof/0398.yaml"]
    assert result.refresh.deleted == ("undof/0363.yaml", "undof/0369.yaml")
    assert result.refresh.added == ("undof/0363-renamed.yaml",)
    assert result.texts == 4


def test_the_index_is_rebuilt_by_another_process_view(lib: Path) -> None:
    """A second Index on the same library sees the first one's work and the file changes since."""
    search(lib, "mandate")
    (lib / "conflict-diamonds/2013.yaml").write_text(DIAMONDS.replace("tripartite", "three-sided"))
    with Index(lib) as index:
        assert index.search('"tripartite nature"') == []
        assert index.last_refresh.changed == ("conflict-diamonds/2013.yaml",)
        assert not index.last_refresh.full


def test_a_touched_but_unchanged_file_is_not_reindexed(lib: Path) -> None:
    search(lib, "mandate")
    path = lib / "undof/0398.yaml"
    path.write_text(path.read_text())  # same bytes, new mtime
    result = search(lib, "mandate")
    assert (result.refresh.added, result.refresh.changed, result.refresh.deleted) == ((), (), ())


def test_a_file_that_is_no_resolution_is_skipped_with_the_reason(lib: Path) -> None:
    (lib / "undof/notes.yaml").write_text("owner: someone\n")
    result = search(lib, "mandate")
    assert result.refresh.skipped == (
        ("undof/notes.yaml", f'{lib}/undof/notes.yaml:1:1: unknown key "owner"; expected one of: symbol, '
         "body, session, year, adopted, meeting, agenda_item, draft, vote, adoption_note, sponsors, title, source, "
             "section_numbering, facts, "
         "preamble, operative"),)
    assert result.texts == 5


def test_an_interrupted_full_build_leaves_no_index(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def boom(self, db, stat):  # type: ignore[no-untyped-def]
        calls.append(stat.path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, db, stat)

    original = Index._index_file
    monkeypatch.setattr(Index, "_index_file", boom)
    with pytest.raises(KeyboardInterrupt):
        search(lib, "mandate")
    # the writers' lock file stays (removing a lock file races with the next writer): no index
    assert sorted(p.name for p in lib.iterdir() if p.name.startswith(".")) == [".drafting-index.sqlite.lock"]


def test_an_interrupted_update_keeps_the_old_index_whole(lib: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    search(lib, "mandate")
    (lib / "unifil/0659.yaml").write_text(UNIFIL_659.replace("strong support", "unwavering support"))
    (lib / "undof/0398.yaml").unlink()

    def boom(self, db, stat):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(Index, "_index_file", boom)
    with pytest.raises(KeyboardInterrupt):
        search(lib, "mandate")
    monkeypatch.undo()
    with Index(lib, auto_refresh=False) as index:  # the index as it was: nothing half-done
        index.refresh = lambda progress=None: None  # type: ignore[method-assign]
        index._db = index._usable()
        assert [h.path for h in index.search('"strong support"')] == ["unifil/0659.yaml"]
        assert len(index.search('"31 May 1977"')) == 1
    assert [h.path for h in search(lib, '"unwavering support"').hits] == ["unifil/0659.yaml"]


def test_an_index_that_cannot_be_written_is_a_clear_error(lib: Path) -> None:
    (lib / INDEX_NAME).mkdir()  # in the way, and not replaceable by a file (works as root too)
    with pytest.raises(DraftingError) as info:
        search(lib, "mandate")
    assert str(info.value) == (f"{lib / INDEX_NAME}: expected the search index file here, found a "
                               "folder; move the folder away")
    # no temp file left (the writers' lock file stays)
    assert sorted(p.name for p in lib.iterdir() if p.name.startswith(".")) == [INDEX_NAME, f"{INDEX_NAME}.lock"]


def test_an_index_of_an_older_schema_or_a_broken_file_is_rebuilt(lib: Path) -> None:
    (lib / INDEX_NAME).write_bytes(b"not a database at all")
    result = search(lib, '"tripartite nature"')
    assert result.refresh.full and [h.address for h in result.hits] == ["OP1"]


# ---------------------------------------------------------------------------- CLI


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["search", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_phrase_terminal_output(lib: Path) -> None:
    code, out, err = run("--library", str(lib), '"tripartite nature"')
    assert (code, err) == (0, "")
    assert out == (
        "A/RES/68/128 (2013) OP1  conflict-diamonds/2013.yaml\n"
        f"    {OP29}\n"
        "\n"
        "1 paragraph in 1 text, first adopted 2013 (searched 5 texts)\n")


def test_cli_first_lists_the_earliest_adoption_first(lib: Path) -> None:
    code, out, _ = run("--library", str(lib), "--first", "--limit", "2", '"renew the mandate"')
    assert code == 0
    assert out.splitlines()[::3] == [
        "S/RES/363 (1974) OP1(b)  undof/0363.yaml",
        "S/RES/369 (1975) OP1(b)  undof/0369.yaml",
        "2 paragraphs in 2 texts, first adopted 1974 (searched 5 texts; limit 2 reached, use --limit for more)"]


def test_cli_json_gives_text_and_offsets(lib: Path) -> None:
    code, out, _ = run("--library", str(lib), "--format", "json", "--body", "sc", '"strong support"')
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 1 and data["mode"] == "words" and data["texts"] == 5
    assert data["hits"] == [{
        "symbol": "S/RES/659 (1990)", "year": 1990, "adopted": "1990-07-31", "body": "SC",
        "series": "unifil", "file": "unifil/0659.yaml", "address": "OP2",
        "text": "Reiterates its strong support for the territorial integrity, sovereignty and independence "
                "of Lebanon within its internationally recognized boundaries;",
        "matches": [{"start": 15, "end": 29}]}]


def test_cli_similar_prints_the_similarity(lib: Path) -> None:
    code, out, _ = run("--library", str(lib), "--similar",
                       "Reaffirms its firm support for the sovereignty, territorial integrity and political "
                       "independence of Lebanon within its internationally recognised borders;")
    assert code == 0
    # The figure is the better of the two rapidfuzz ratios on the normalised texts:
    from rapidfuzz import fuzz

    a = ("reaffirms its firm support for the sovereignty territorial integrity and political independence "
         "of lebanon within its internationally recognised borders")
    b = ("reiterates its strong support for the territorial integrity sovereignty and independence of "
         "lebanon within its internationally recognized boundaries")
    assert round(fuzz.token_sort_ratio(a, b), 1) == 82.7 > fuzz.ratio(a, b)
    assert out.splitlines()[0] == "S/RES/659 (1990) OP2  82.7% similar  unifil/0659.yaml"


def test_cli_exit_codes(lib: Path) -> None:
    assert run("--library", str(lib), "xyzzy") == (1, "no paragraph found (searched 5 texts)\n", "")
    code, out, err = run("--library", str(lib), "()*")
    assert (code, out) == (2, "")
    assert err == ("drafting: expected words to search for, found none in '()*'; "
                   'search words, "a quoted phrase" or a prefix*\n')
    code, _, err = run("--library", str(lib / "nowhere"), "mandate")
    assert code == 2 and err == (f"drafting: {lib / 'nowhere'}: expected a precedent library folder "
                                 "(<series>/<year>.yaml files), found none; pass --library DIR\n")
    code, _, err = run("--library", str(lib))
    assert code == 2 and "give either a QUERY or --similar PARAGRAPH" in err
    code, _, err = run("--library", str(lib), "--limit", "0", "x")
    assert code == 2 and err == "drafting: expected --limit to be 1 or more, found 0\n"


def test_cli_warns_about_a_file_it_cannot_index(lib: Path) -> None:
    (lib / "undof/broken.yaml").write_text("preamble: [\n")
    code, out, err = run("--library", str(lib), "tripartite")
    assert code == 0
    assert err.startswith(f"drafting: warning: not indexed: {lib}/undof/broken.yaml:2:1: broken YAML")


# ---------------------------------------------------------------------------- the real libraries


def corpus_numbers(phrase: str) -> list[int]:
    """Resolution numbers of the corpus texts holding ``phrase``, read from the raw text files
    (line breaks and line-break hyphens undone): the independent expectation for the index."""
    found = []
    for path in sorted(UNSC.glob("*.txt")):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8").replace("-\n", ""))
        if phrase in text:
            found.append(int(path.name.split("_")[2]))
    return found


def number(symbol: str | None) -> int:
    match = re.search(r"(\d+)\s*(?:\(\d{4}\))?$", symbol or "")
    assert match, symbol
    return int(match.group(1))


@pytest.fixture(scope="session")
def unsc_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 811 Security Council texts imported with the project's importer, indexed once."""
    need_corpus()
    from drafting.importers import import_file
    from drafting.store import save

    root = tmp_path_factory.mktemp("unsc-library")
    folder = root / "unsc"
    folder.mkdir()
    failed = []
    for text in sorted(UNSC.glob("*.txt")):
        try:
            save(import_file(text), folder / f"{text.name.split('_')[2]}.yaml")
        except DraftingError as exc:
            failed.append(f"{text.name}: {exc}")
    assert failed == []  # every corpus text imports (test_importers checks the same with parse_sc)
    with Index(root) as index:
        index.refresh()
    return root


@pytest.mark.slow
def test_the_corpus_library_holds_800_texts(unsc_library: Path) -> None:
    with Index(unsc_library) as index:
        stats = index.stats()
    assert stats["texts"] == len(list(UNSC.glob("*.txt"))) == 811 and stats["paragraphs"] > 5000


@pytest.mark.slow  # the whole corpus, imported
def test_a_phrase_of_the_undof_renewals_lists_every_renewal_from_the_first(unsc_library: Path) -> None:
    phrase = "Disengagement Observer Force for another period of six months"
    expected = corpus_numbers(phrase)
    assert (expected[0], expected[-1], len(expected)) == (363, 887, 39)  # 363 (1974) ... 887 (1993)
    result = search(unsc_library, f'"{phrase}"', first=True, limit=100)
    assert [number(h.symbol) for h in result.hits] == expected
    assert result.hits[0].year == 1974
    assert all(h.text[a:b].lower() == phrase.lower() for h in result.hits for a, b in h.matches)


@pytest.mark.slow  # the whole corpus, imported
def test_a_reworded_unifil_paragraph_finds_its_original(unsc_library: Path) -> None:
    # UNIFIL renewals 549 (1984) ... 895 (1994), OP3, read from the raw corpus texts
    guidelines = set(corpus_numbers("terms of reference and general guidelines of the Force as stated in the "
                                    "report of the Secretary-General of 19 March 1978"))
    holding = guidelines & set(
        corpus_numbers("calls upon all parties concerned to co-operate fully with the Force for the full "
                       "implementation of its mandate")
        + corpus_numbers("calls upon all parties concerned to cooperate fully with the Force for the full "
                         "implementation of its mandate"))
    assert len(holding) == 20 and min(holding) == 549
    reworded = ("Stresses once more the terms of reference and the general guidelines of the Force as set out "
                "in the Secretary-General's report of 19 March 1978, approved by resolution 426 (1978), and "
                "calls on all parties concerned to cooperate fully with the Force so that its mandate can be "
                "fully implemented;")
    result = search(unsc_library, reworded, similar=True, limit=10)
    assert len(result.hits) == 10
    assert {number(h.symbol) for h in result.hits} <= holding
    assert all(h.address == "OP3" and 85 <= h.similarity < 100 for h in result.hits)
    first = search(unsc_library, reworded, similar=True, first=True, limit=1).hits[0]
    assert (number(first.symbol), first.year, first.address) == (549, 1984, "OP3")


@pytest.mark.slow  # the whole corpus, imported
def test_cli_json_on_the_corpus(unsc_library: Path) -> None:
    code, out, _ = run("--library", str(unsc_library), "--format", "json", "--first", "--since", "1990",
                       "--limit", "3", '"Interim Force in Lebanon"')
    assert code == 0
    data = json.loads(out)
    # read from the raw corpus: 648 (1990) of 31 January 1990 is the first text since 1990 naming the
    # Force (PP2 "report ... on the United Nations Interim Force in Lebanon", OP1 "extend the present
    # mandate of the United Nations Interim Force in Lebanon"), then 659 (1990) PP2
    assert [(h["symbol"], h["address"]) for h in data["hits"]] == [
        ("S/RES/648 (1990)", "PP2"), ("S/RES/648 (1990)", "OP1"), ("S/RES/659 (1990)", "PP2")]
    assert [h["year"] for h in data["hits"]] == sorted(h["year"] for h in data["hits"])
    assert all(h["year"] >= 1990 and h["body"] == "SC" for h in data["hits"])
    assert data["texts"] == 811


def test_tripartite_nature_finds_68_128_op29(tmp_path: Path) -> None:
    shutil.copytree(PRECEDENTS, tmp_path / "precedents", ignore=shutil.ignore_patterns(".*"))
    code, out, _ = run("--library", str(tmp_path / "precedents"), '"tripartite nature"')
    assert code == 0
    assert out.splitlines()[0] == "A/RES/68/128 (2013) OP29  conflict-diamonds/2013.yaml"
    assert out.splitlines()[1] == "    " + OP29


def test_a_library_this_user_cannot_write_keeps_its_index_in_the_cache(lib: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting.library.index as search_module

    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    real_access = os.access
    monkeypatch.setattr(search_module.os, "access",
                        lambda p, mode: False if Path(p) == lib else real_access(p, mode))
    result = search(lib, '"tripartite nature"')
    assert [h.address for h in result.hits] == ["OP1"]
    assert not (lib / INDEX_NAME).exists()
    assert [p.parent.name for p in cache.rglob("index-*.sqlite")] == ["drafting"]
