"""Drafting: render, propose, evaluate, and the facts files."""
from __future__ import annotations


import click

from drafting.cli import emit, main, word_file
from drafting.outputs import guarded


# ---------------------------------------------------------------------------- render


@main.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(), help="The Word file to write (.docx).")
@click.option("-t", "--template", "template", help="Template: ga, sc, or the path of a .docx "
              "template (default: ga for the General Assembly, sc for the Security Council).")
@guarded(["source", "template"], ["output"])
def render(source: str, output: str, template: str | None) -> None:
    """Write a resolution as a clean Word document in UN layout.

    \b
    Masthead and symbol, session and agenda item, title, organ line, preambular paragraphs with
    the lead phrase in italics, auto-numbered operative paragraphs and lettered sub-paragraphs,
    footnotes, adoption line. Characters XML forbids are dropped with a warning on stderr.
    \b
      drafting render precedents/conflict-diamonds/2013.yaml -o 68-128.docx
    """
    import warnings

    from drafting.render.documents.docx import render_file

    word_file(output)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_file(source, output, template)
    for warning in caught:
        click.echo(f"drafting: warning: {warning.message}", err=True)
    click.echo(f"wrote {output}")

# ---------------------------------------------------------------------------- propose


@main.command()
@click.argument("precedent", type=click.Path())
@click.option("--facts", "facts", required=True, type=click.Path(),
              help="The new year's facts (YAML, same keys as the precedent's facts block).")
@click.option("-o", "--output", required=True, type=click.Path(), help="Where to write the draft YAML.")
@click.option("--docx", type=click.Path(), help="Also write the draft as a Word file with tracked "
              "changes against the precedent and each warning as a comment.")
@click.option("--log", type=click.Path(), help="Write the change log here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Format of the change log.")
@guarded(["precedent", "facts"], ["output", "docx", "log"], create=True)  # README: -o out/...
def propose(precedent: str, facts: str, output: str, docx: str | None, log: str | None, fmt: str) -> None:
    """Propose next year's draft from PRECEDENT and the new facts.

    Every routine update is made and logged; the draft is read back, and every paragraph that
    still needs a person (a fact not given or none this time, left as a bracketed placeholder; an
    edit not confirmed; a document of last year still cited; an ambiguous place) is a warning
    quoting its words. Exit 0 when the draft is written, 2 on bad input (nothing is written then).
    """
    from drafting.model import counted
    from drafting.proposal.files import propose_files
    from drafting.proposal.log import warning_messages

    if docx:
        word_file(docx, "--docx")
    proposal, text = propose_files(precedent, facts, output, docx=docx, log=log, fmt=fmt)
    if log is None:
        click.echo(text, nl=False)
    written = " and ".join(str(p) for p in (output, docx, log) if p)
    # On stderr, so that standard output stays the log alone (for a pipe or a redirect).
    click.echo(f"wrote {written}: {counted(len(proposal.edits), 'edit')}, "
               f"{counted(len(warning_messages(proposal)), 'warning')} for a person to look at", err=True)


@main.command()
@click.argument("series", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Report format.")
@click.option("--calendar-only", is_flag=True, help="Give propose no facts: measure what the rules that "
              "need none (sessions, recall chains, mandate periods) make alone.")
@click.option("--realistic", is_flag=True, help="Old facts read from each precedent's words, new facts only "
              "the typed roles of the next text's facts: what a drafter on an unseen series gets.")
def evaluate(series: str, fmt: str, calendar_only: bool, realistic: bool) -> None:
    """Measure propose on a series: each text proposed from the one before and its facts.

    For every consecutive pair, prints the recall (share of the year-over-year word edits the
    proposal made), the precision (share of the proposal's edits the adopted text also made) and
    the word edit distance to the adopted text, of the proposal and of the unchanged precedent.
    """
    from drafting.proposal.evaluate import Mode, evaluate_series, report_json, report_terminal

    result = evaluate_series(series, calendar_only=calendar_only, mode=Mode.REALISTIC if realistic else Mode.STORED)
    click.echo(report_json(result) if fmt == "json" else report_terminal(result), nl=False)

@main.group()
def facts() -> None:
    """Facts files: read them from a precedent, prepare next time's, read them from a document."""


@facts.command(name="extract")
@click.argument("precedent", type=click.Path())
@click.option("-o", "--output", type=click.Path(), metavar="FACTS.yaml", help="Write here (default: print).")
@guarded(["precedent"], ["output"])
def facts_extract(precedent: str, output: str | None) -> None:
    """The facts PRECEDENT states, by role, each with the paragraph and words it was read from."""
    from drafting.proposal.factsheet import extract_text
    from drafting.store import load

    emit(extract_text(load(precedent)), output)


@facts.command(name="next")
@click.argument("precedent", type=click.Path())
@click.option("-o", "--output", type=click.Path(), metavar="NEXT.facts.yaml", help="Write here (default: print).")
@guarded(["precedent"], ["output"])
def facts_next(precedent: str, output: str | None) -> None:
    """The facts file of the text after PRECEDENT, to fill in: last time's values and where they stand,
    the values the calendar gives worked out and marked derived."""
    from drafting.proposal.factsheet import next_text
    from drafting.store import load

    emit(next_text(load(precedent)), output)


@facts.command(name="read")
@click.argument("document", type=click.Path())
@click.option("--for", "precedent", required=True, type=click.Path(),
              help="The precedent whose next text the document is for.")
@click.option("-o", "--output", type=click.Path(), metavar="FACTS.yaml", help="Write here (default: print).")
@guarded(["document", "precedent"], ["output"])
def facts_read(document: str, precedent: str, output: str | None) -> None:
    """Facts read from DOCUMENT (a Secretary-General's report, a plenary's communiqué), each with the
    sentence it came from; what it cannot find it says."""
    from drafting.proposal.reading import read_file
    from drafting.store import load

    emit(read_file(document, load(precedent)), output)
