"""The HTML report in a real browser: headless Chromium (Debian's /usr/bin/chromium) via Playwright.

One browser launch for every check: the page renders without asking the network for anything,
the headline and summary table counts are right, the substantive filter hides routine changes and
says so, the controls work from the keyboard, the side-by-side view toggles (and stacks on a
narrow screen), deletions and insertions carry a non-colour cue (strike-through, underline, a box
round a changed punctuation mark) on screen and in print, the print stylesheet drops the
controls, and a moved paragraph links to its old place and back.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PRECEDENTS, need_program
from drafting.comparison.diff import diff, diff_files
from drafting.model import Paragraph, Resolution
from drafting.render.reports import html

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

OLD = Resolution(
    symbol="S/RES/444", year=1979,
    preamble=(Paragraph("Recalling its resolutions 425 (1978) and 426 (1978),"),
              Paragraph("Having studied the report of the Secretary-General on the United Nations "
                        "Interim Force in Lebanon (S/13026) & its annex <1>,"),
              Paragraph("Noting with concern that the Force has not been able to deploy fully,")),
    operative=(Paragraph("Decides to renew the mandate of the Force for a further period of five "
                         "months, that is, until 19 June 1979;"),
               Paragraph("Requests the Secretary-General to report to the Council on the progress made;")))
NEW = Resolution(
    symbol="S/RES/450", year=1979,
    preamble=(Paragraph("Recalling its resolutions 425 (1978) and 426 (1978),"),
              Paragraph("Having studied the report of the Secretary-General on the United Nations "
                        "Interim Force in Lebanon (S/13384) & its annex <1>,")),
    operative=(Paragraph("Decides to renew the mandate of the Force for a further period of six "
                         "months, that is, until 19 December 1979;"),
               Paragraph("Notes with concern that the Force has not been able to deploy fully;"),
               Paragraph("Requests the Secretary-General to report urgently to the Council on the "
                         "progress made;")))


@pytest.mark.slow
def test_report_in_chromium(tmp_path: Path):
    chromium = need_program("chromium", "chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    comparison = diff(OLD, NEW)
    counts = comparison.summary()
    assert counts["moved"] == 1 and counts["routine"] == 3 and counts["substantive"] == 2  # + the symbol
    page_file = tmp_path / "report.html"
    page_file.write_text(html.render(comparison), encoding="utf-8")
    unifil = PRECEDENTS / "unifil"  # committed precedents: never skipped when missing
    pair = diff_files(unifil / "0444.yaml", unifil / "0450.yaml")
    real_file = tmp_path / "unifil.html"
    real_file.write_text(html.render(pair), encoding="utf-8")
    real = (pair.summary(), real_file)
    # 444 OP4 (the renewal) stands as 450 OP8; 444 OP6 is 450 OP7 word for word (the corpus texts)
    assert (real[0]["moved"], real[0]["unchanged"]) == (1, 1)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            asked: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: asked.append(r.url))
            page.goto(page_file.as_uri())
            assert page.title() == "S/RES/444 (1979) → S/RES/450 (1979)"
            assert page.inner_text("#headline") == "2 substantive changes, 3 routine; 1 paragraph unchanged."
            shown = {row.get_attribute("data-kind"): int(row.inner_text().split()[-1])
                     for row in page.query_selector_all("#summary tr[data-kind]")}
            assert shown == counts
            visible = lambda: [s.get_attribute("id") for s in page.query_selector_all("main .change")
                               if s.is_visible()]
            # unchanged paragraphs are hidden until asked for; routine and substantive both shown
            # the heading's changes first (here the symbol), then the paragraphs
            assert visible() == ["field-1", "new-PP2", "new-OP1", "new-OP2", "new-OP3"]
            assert page.inner_text("#status") == "Shown: 5 changes (unchanged paragraphs hidden)"
            # the filter works from the keyboard: Space on the focused box
            page.focus("#substantive")
            page.keyboard.press("Space")
            assert visible() == ["new-OP2", "new-OP3"]
            assert page.inner_text("#status") == ("Shown: 2 changes (routine changes and unchanged "
                                                  "paragraphs hidden)")
            page.check("#unchanged")
            # substantive changes read in their context: unchanged paragraphs shown, routine changes not
            assert visible() == ["new-PP1", "new-OP2", "new-OP3"]
            assert page.inner_text("#status") == "Shown: 3 changes (routine changes hidden)"
            page.uncheck("#substantive")
            assert visible() == ["field-1", "new-PP1", "new-PP2", "new-OP1", "new-OP2", "new-OP3"]
            # views: inline by default, side by side on request
            assert page.is_visible("#new-OP1 .inline-view") and not page.is_visible("#new-OP1 .side-view")
            # non-colour cues: struck deletions, underlined insertions, a boxed punctuation mark
            style = lambda sel, prop: page.eval_on_selector(sel, f"e => getComputedStyle(e).{prop}")
            assert style("#new-OP1 .inline-view del", "textDecorationLine") == "line-through"
            assert style("#new-OP1 .inline-view ins", "textDecorationLine") == "underline"
            assert page.inner_text("#new-OP2 .inline-view del.mark") == ","
            assert style("#new-OP2 .inline-view del.mark", "borderTopStyle") == "solid"
            assert style("#new-OP2 .inline-view ins.mark", "borderTopStyle") == "solid"
            # views from the keyboard: an arrow key moves the view radio to side by side
            page.focus("#view-inline")
            page.keyboard.press("ArrowRight")
            assert page.is_checked("#view-side")
            assert page.is_visible("#new-OP1 .side-view") and not page.is_visible("#new-OP1 .inline-view")
            assert page.inner_text("#new-OP1 .side-view .new ins") == "six"
            box = lambda sel: page.eval_on_selector(sel, "e => e.getBoundingClientRect().toJSON()")
            old_box, new_box = box("#new-OP1 .side-view .old"), box("#new-OP1 .side-view .new")
            assert new_box["x"] > old_box["x"] and new_box["y"] == old_box["y"]  # two columns
            page.set_viewport_size({"width": 390, "height": 844})
            old_box, new_box = box("#new-OP1 .side-view .old"), box("#new-OP1 .side-view .new")
            assert new_box["y"] > old_box["y"] and new_box["x"] == old_box["x"]  # stacked
            page.set_viewport_size({"width": 1280, "height": 900})
            # print: the chosen view and filter, no controls, the state in words, cues kept
            page.emulate_media(media="print")
            assert not page.is_visible("#view-inline") and not page.is_visible("#substantive")
            assert page.is_visible("#status") and visible() == ["field-1", "new-PP1", "new-PP2", "new-OP1", "new-OP2", "new-OP3"]
            assert style("#new-OP1 .side-view del", "textDecorationLine") == "line-through"
            page.emulate_media(media="screen")
            # the moved paragraph links to a marker at its old place, and back
            assert page.inner_text("#new-OP2 .origin") == "Moved from PP3 of the old text ↑"
            page.click("#new-OP2 .origin a")
            assert page.evaluate("location.hash") == "#old-PP3"
            assert page.inner_text("#old-PP3") == "PP3 of the old text moved to OP2 ↓"
            page.click("#old-PP3 a")
            assert page.evaluate("location.hash") == "#new-OP2"
            assert errors == []
            assert asked == [page_file.as_uri()]  # self-contained: nothing else fetched
            # the same checks on a real UNIFIL pair
            page.goto(real[1].as_uri())
            shown = {row.get_attribute("data-kind"): int(row.inner_text().split()[-1])
                     for row in page.query_selector_all("#summary tr[data-kind]")}
            assert shown == real[0]
            before = visible()
            assert len(before) == real[0]["routine"] + real[0]["substantive"]
            assert "new-OP8" in before and "new-OP7" not in before  # OP7 unchanged: hidden
            page.check("#substantive")
            # the moved renewal (its period and date routine) goes; the substantive ones stay
            assert "new-OP8" not in visible() and "new-OP10" in visible()  # (OP9: "ex-amine", spelling)
            assert len(visible()) == real[0]["substantive"]
        finally:
            browser.close()
