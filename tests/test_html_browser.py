"""The HTML report in a real browser: headless Chromium (Debian's /usr/bin/chromium) via Playwright.

One browser launch for every check: the page renders, the summary table counts are right, the
substantive filter hides routine changes, the side-by-side view toggles, and a moved paragraph
links to its old place.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PRECEDENTS, need_program
from drafting.diff import diff, diff_files
from drafting.model import Paragraph, Resolution
from drafting.render import html

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


def test_report_in_chromium(tmp_path: Path):
    chromium = need_program("chromium", "chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    comparison = diff(OLD, NEW)
    counts = comparison.summary()
    assert counts["moved"] == 1 and counts["routine"] == 2 and counts["substantive"] == 2
    page_file = tmp_path / "report.html"
    page_file.write_text(html.render(comparison), encoding="utf-8")
    real = None
    unifil = PRECEDENTS / "unifil"
    if (unifil / "0444.yaml").exists() and (unifil / "0450.yaml").exists():
        pair = diff_files(unifil / "0444.yaml", unifil / "0450.yaml")
        real_file = tmp_path / "unifil.html"
        real_file.write_text(html.render(pair), encoding="utf-8")
        real = (pair.summary(), real_file)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            assert page.title() == "S/RES/444 (1979) → S/RES/450 (1979)"
            shown = {row.get_attribute("data-kind"): int(row.inner_text().split()[-1])
                     for row in page.query_selector_all("#summary tr[data-kind]")}
            assert shown == counts
            visible = lambda: [s.get_attribute("id") for s in page.query_selector_all("main .change")
                               if s.is_visible()]
            # unchanged paragraphs are hidden until asked for; routine and substantive both shown
            assert visible() == ["new-PP2", "new-OP1", "new-OP2", "new-OP3"]
            assert page.inner_text("#visible") == "4"
            page.check("#substantive")
            assert visible() == ["new-OP2", "new-OP3"]
            assert page.inner_text("#visible") == "2"
            page.check("#unchanged")
            assert visible() == ["new-OP2", "new-OP3"]  # unchanged is routine: still filtered
            page.uncheck("#substantive")
            assert visible() == ["new-PP1", "new-PP2", "new-OP1", "new-OP2", "new-OP3"]
            # views: inline by default, side by side on request
            assert page.is_visible("#new-OP1 .inline-view") and not page.is_visible("#new-OP1 .side-view")
            page.check("#view-side")
            assert page.is_visible("#new-OP1 .side-view") and not page.is_visible("#new-OP1 .inline-view")
            assert page.inner_text("#new-OP1 .side-view .new ins") == "six"
            # the moved paragraph links to a marker at its old place, and back
            page.click("#new-OP2 .origin a")
            assert page.evaluate("location.hash") == "#old-PP3"
            assert "PP3 of the old text moved to OP2" in page.inner_text("#old-PP3")
            assert errors == []
            if real is not None:  # the same checks on a real UNIFIL pair
                page.goto(real[1].as_uri())
                shown = {row.get_attribute("data-kind"): int(row.inner_text().split()[-1])
                         for row in page.query_selector_all("#summary tr[data-kind]")}
                assert shown == real[0]
                before = len(visible())
                assert before == real[0]["routine"] + real[0]["substantive"]
                page.check("#substantive")
                assert "new-OP8" not in visible() and len(visible()) == real[0]["substantive"]
        finally:
            browser.close()
