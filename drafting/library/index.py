"""Agreed-language search: a full-text index of every paragraph of a precedent library.

The index is an SQLite database with FTS5 kept beside the library
(``<library>/.drafting-index.sqlite``, git-ignored). It holds one row per paragraph and
sub-paragraph: the series (folder name), the text's symbol, body, year and adoption date, the
PP/OP address and the text. It never goes stale: every search first compares the library's
files (path, size, mtime, and a content hash when those moved) with what the index holds, and
re-indexes changed files, drops deleted ones and adds new ones in one transaction. A full build
goes into a temporary database that is renamed into place, so an interrupted build leaves
nothing half-built.

Queries: bare words must all occur (in any order), "quoted phrases" must occur as written,
``word*`` matches a prefix; everything else the user types is escaped, so FTS5 syntax
(parentheses, NEAR, AND/OR/NOT, '-') is searched as plain words. :meth:`Index.similar` finds
the closest paragraphs to a whole paragraph even when reworded: FTS candidates (an OR of its 24
rarest significant words, best 200 by bm25) re-scored with rapidfuzz on normalised text.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from drafting.errors import DraftingError, ValidationError
from drafting.model import Resolution
from drafting.library.query import fts_query, significant_words, similarity, spans as _spans

INDEX_NAME = ".drafting-index.sqlite"
SCHEMA_VERSION = 3
CANDIDATES = 200  # FTS candidates re-scored by --similar
RARE_WORDS = 24  # --similar searches for (at most) this many of the paragraph's rarest words
MIN_SIMILARITY = 60.0  # below this a paragraph is not "similar" (0-100)
FIRST_BAND = 5.0  # --similar --first: hits this close to the best count as the same wording

Progress = Callable[[int, int], None]  # (done, total), called while a full build runs

_SCHEMA = f"""
CREATE TABLE files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,  -- relative to the library, with '/'
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    series TEXT NOT NULL,
    symbol TEXT,
    body TEXT,                  -- GA or SC
    year INTEGER,
    adopted TEXT,               -- ISO date
    error TEXT                  -- why the file could not be indexed, else NULL
);
CREATE TABLE paragraphs(
    id INTEGER PRIMARY KEY,
    file INTEGER NOT NULL REFERENCES files(id),
    ord INTEGER NOT NULL,       -- reading order inside the text
    address TEXT NOT NULL,      -- PP3, OP12, OP12(b)
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_file ON paragraphs(file);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');
CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
PRAGMA user_version = {SCHEMA_VERSION};
"""


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Hit:
    """One adopted paragraph that answers a query."""

    series: str
    path: str  # the precedent file, relative to the library
    symbol: str | None
    body: str | None  # "GA" or "SC"
    year: int | None
    adopted: str | None  # ISO date
    address: str  # PP3, OP12(b)
    text: str
    matches: tuple[tuple[int, int], ...] = ()  # [start, end) character offsets of the matches in text
    score: float = 0.0  # bm25 (lower is better) for word queries
    similarity: float | None = None  # 0-100 for --similar

    @property
    def label(self) -> str:
        """'A/RES/68/128 (2013)', 'S/RES/363 (1974)': the symbol with its year once."""
        name = self.symbol or self.path
        if self.year and f"({self.year})" not in name:
            name += f" ({self.year})"
        return name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "symbol": self.symbol, "year": self.year, "adopted": self.adopted, "body": self.body,
            "series": self.series, "file": self.path, "address": self.address, "text": self.text,
        }
        if self.similarity is None:
            out["matches"] = [{"start": start, "end": end} for start, end in self.matches]
        else:
            out["similarity"] = self.similarity
        return out


@dataclass(frozen=True)
class Refresh:
    """What a refresh of the index did."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (path, why) for files that are not resolutions
    texts: int = 0  # resolutions now in the index
    full: bool = False  # a full (re)build

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.deleted)


@dataclass(frozen=True)
class SearchResult:
    """The answer to one search, as the CLI prints it."""

    query: str
    mode: str  # "words" or "similar"
    library: str
    texts: int
    hits: tuple[Hit, ...]
    limit: int
    first: bool = False
    refresh: Refresh = field(default_factory=Refresh)
    min_similarity: float | None = None  # with --similar: the lowest similarity shown

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "mode": self.mode, "library": self.library, "texts": self.texts,
                "first": self.first, "min_similarity": self.min_similarity, "count": len(self.hits),
                "hits": [h.to_dict() for h in self.hits]}


# ---------------------------------------------------------------------------- the index


@dataclass(frozen=True)
class _Stat:
    path: str
    size: int
    mtime_ns: int


def library_files(library: Path) -> dict[str, tuple[int, int]]:
    """The resolution files of a library, relative path -> (size, mtime_ns): every *.yaml below
    it but facts files and hidden ones (the scan every search makes, so os.walk, not pathlib)."""
    out: dict[str, tuple[int, int]] = {}
    for folder, subfolders, names in os.walk(library):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        rel = os.path.relpath(folder, library).replace(os.sep, "/")
        for name in names:
            if name.endswith(".yaml") and not name.endswith(".facts.yaml") and not name.startswith("."):
                st = os.stat(os.path.join(folder, name))
                out[name if rel == "." else f"{rel}/{name}"] = (st.st_size, st.st_mtime_ns)
    return dict(sorted(out.items()))


def _paragraph_rows(resolution: Resolution) -> Iterator[tuple[int, str, str]]:
    for ord_, (address, paragraph) in enumerate(resolution.walk()):
        if paragraph.text.strip():
            yield ord_, str(address), paragraph.text


def default_index_path(library: Path) -> Path:
    """Beside the library, so it travels with it; for a library this user cannot write (a shared
    folder, a read-only checkout), in the user's cache, one file per library."""
    beside = library / INDEX_NAME
    if beside.exists() or os.access(library, os.W_OK):
        return beside
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafting"
    return cache / f"index-{hashlib.sha1(str(library.resolve()).encode()).hexdigest()[:16]}.sqlite"


class Index:
    """The full-text index of one precedent library; open it, search it, close it.

    >>> with Index("precedents") as index:
    ...     hits = index.search('"tripartite nature"')
    """

    def __init__(self, library: str | os.PathLike[str], path: str | os.PathLike[str] | None = None,
                 *, auto_refresh: bool = True):
        self.library = Path(library)
        if not self.library.is_dir():
            raise DraftingError(f"{self.library}: expected a precedent library folder "
                                "(<series>/<year>.yaml files), found none; pass --library DIR")
        self.path = Path(path) if path else default_index_path(self.library)
        self.auto_refresh = auto_refresh
        self._db: sqlite3.Connection | None = None
        self.last_refresh = Refresh()

    # -- lifecycle

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connect(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit below
        db.execute("PRAGMA foreign_keys = ON")
        return db

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.refresh()
        assert self._db is not None
        return self._db

    def _usable(self) -> sqlite3.Connection | None:
        """The existing index when it is ours and of this schema version, else None."""
        if not self.path.exists():
            return None
        try:
            db = self._connect(self.path)
            if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return db
            db.close()
        except sqlite3.DatabaseError:
            pass
        return None

    # -- building

    def refresh(self, progress: Progress | None = None) -> Refresh:
        """Bring the index in line with the library's files; a full build when there is none."""
        try:
            if self._db is None:
                self._db = self._usable()
                if self._db is None:
                    self.last_refresh = self._build(progress)
                    self._db = self._connect(self.path)
                    return self.last_refresh
            self.last_refresh = self._update(self._db, progress, full=False)
        except FileNotFoundError as exc:
            raise DraftingError(f"{exc.filename}: the file went away while it was being indexed; "
                                "search again") from None
        except (OSError, sqlite3.OperationalError) as exc:
            raise DraftingError(f"{self.path}: cannot write the search index ({exc}); "
                                "make the library folder writable") from None
        return self.last_refresh

    def rebuild(self, progress: Progress | None = None) -> Refresh:
        """Build the whole index again from the files."""
        self.close()
        self.last_refresh = self._build(progress)
        self._db = self._connect(self.path)
        return self.last_refresh

    def _build(self, progress: Progress | None) -> Refresh:
        """A new database in a temporary file, renamed over the old one when complete.

        Not ``store.write_atomic``: its OSError must reach :meth:`refresh`, which names the index
        and says how to fix it, and a sqlite error in the middle is no write error.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)  # the cache folder, for a read-only library
        fd, tmp = tempfile.mkstemp(prefix=".drafting-index-", suffix=".tmp.sqlite", dir=self.path.parent)
        os.close(fd)
        try:
            db = self._connect(Path(tmp))
            try:
                db.executescript(_SCHEMA)
                report = self._update(db, progress, full=True)
                # merge the FTS segments and drop free pages: ~20 % smaller, faster to read
                db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('optimize')")
                db.execute("VACUUM")
            finally:
                db.close()
            os.chmod(tmp, 0o644)  # mkstemp makes it private; the index is as readable as the library
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return report

    def _scan(self) -> dict[str, _Stat]:
        return {rel: _Stat(rel, size, mtime) for rel, (size, mtime) in library_files(self.library).items()}

    def _update(self, db: sqlite3.Connection, progress: Progress | None, full: bool) -> Refresh:
        """Compare files with the index; re-index what changed, in one transaction."""
        on_disk = self._scan()
        known = {row[0]: row[1:] for row in db.execute("SELECT path, size, mtime_ns, sha256 FROM files")}
        deleted = sorted(set(known) - set(on_disk))
        added, changed, touched_only = [], [], []
        for rel, stat in on_disk.items():
            if rel not in known:
                added.append(rel)
            elif known[rel][:2] != (stat.size, stat.mtime_ns):
                if _sha256(self.library / rel) == known[rel][2]:
                    touched_only.append(rel)  # same bytes (e.g. a `touch`): no re-index needed
                else:
                    changed.append(rel)
        work = added + changed
        skipped: list[tuple[str, str]] = []
        if deleted or work or touched_only:
            db.execute("BEGIN IMMEDIATE")
            try:
                for rel in deleted + changed:
                    db.execute("DELETE FROM paragraphs WHERE file = (SELECT id FROM files WHERE path = ?)",
                               (rel,))
                    db.execute("DELETE FROM files WHERE path = ?", (rel,))
                for rel in touched_only:
                    db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                               (on_disk[rel].size, on_disk[rel].mtime_ns, rel))
                for done, rel in enumerate(work, start=1):
                    error = self._index_file(db, on_disk[rel])
                    if error:
                        skipped.append((rel, error))
                    if progress:
                        progress(done, len(work))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        texts = db.execute("SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0]
        return Refresh(tuple(added), tuple(changed), tuple(deleted), tuple(skipped), texts, full)

    def _index_file(self, db: sqlite3.Connection, stat: _Stat) -> str | None:
        """Insert one file's paragraphs; returns why it was skipped when it is no resolution."""
        from drafting.store import loads, read_text

        file = self.library / stat.path
        data = file.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        parent = Path(stat.path).parent
        series = parent.as_posix() if parent != Path(".") else self.library.resolve().name
        try:
            resolution = loads(read_text(file), str(file))
        except ValidationError as exc:
            error = str(exc.problems[0]) + (f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else "")
        except DraftingError as exc:
            error = str(exc)
        else:
            cursor = db.execute(
                "INSERT INTO files(path, size, mtime_ns, sha256, series, symbol, body, year, adopted) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (stat.path, stat.size, stat.mtime_ns, digest, series, resolution.symbol,
                 resolution.body.short, resolution.year,
                 resolution.adopted.isoformat() if resolution.adopted else None))
            db.executemany("INSERT INTO paragraphs(file, ord, address, text) VALUES (?, ?, ?, ?)",
                           ((cursor.lastrowid, *row) for row in _paragraph_rows(resolution)))
            return None
        db.execute("INSERT INTO files(path, size, mtime_ns, sha256, series, error) VALUES (?, ?, ?, ?, ?, ?)",
                   (stat.path, stat.size, stat.mtime_ns, digest, series, error))
        return error

    # -- querying

    def _fresh(self) -> sqlite3.Connection:
        if self.auto_refresh or self._db is None:
            self.refresh()
        return self.db

    @staticmethod
    def _filters(body: str | None, since: int | None) -> tuple[str, list[Any]]:
        sql, args = "", []
        if body:
            sql += " AND f.body = ?"
            args.append(_body(body))
        if since is not None:
            sql += " AND f.year >= ?"
            args.append(since)
        return sql, args

    def search(self, query: str, *, body: str | None = None, since: int | None = None,
               first: bool = False, limit: int = 20) -> list[Hit]:
        """Paragraphs holding every word / "phrase" of ``query``: best bm25 first, or oldest
        first when ``first`` (the earliest adoption of the wording leads)."""
        match = fts_query(query)
        db = self._fresh()
        where, args = self._filters(body, since)
        order = "f.year, f.adopted, f.path, p.ord" if first else "score, f.year, f.path, p.ord"
        sql = f"""
            SELECT f.series, f.path, f.symbol, f.body, f.year, f.adopted, p.address,
                   highlight(paragraphs_fts, 0, char(1), char(2)), bm25(paragraphs_fts) AS score
            FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid
                 JOIN files f ON f.id = p.file
            WHERE paragraphs_fts MATCH ?{where}
            ORDER BY {order} LIMIT ?"""
        hits = []
        for series, path, symbol, body_, year, adopted, address, marked, score in self._run(
                db, sql, [match, *args, limit], query):
            text, spans = _spans(marked)
            hits.append(Hit(series, path, symbol, body_, year, adopted, address, text, spans, round(score, 4)))
        return hits

    def similar(self, paragraph: str, *, body: str | None = None, since: int | None = None,
                first: bool = False, limit: int = 10, min_similarity: float = MIN_SIMILARITY) -> list[Hit]:
        """The adopted paragraphs closest to ``paragraph``, even reworded, most similar first
        (oldest first when ``first``); each with its similarity (0-100)."""
        words = significant_words(paragraph)
        if not words:
            raise DraftingError(f"expected a paragraph to compare, found no significant word in {paragraph!r}")
        db = self._fresh()
        where, args = self._filters(body, since)
        sql = f"""
            SELECT f.series, f.path, f.symbol, f.body, f.year, f.adopted, p.address, p.text
            FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid
                 JOIN files f ON f.id = p.file
            WHERE paragraphs_fts MATCH ?{where}
            ORDER BY rank LIMIT {CANDIDATES}"""
        match = " OR ".join(f'"{w}"' for w in self._rarest(db, words))
        hits = []
        for row in self._run(db, sql, [match, *args], paragraph):
            score = similarity(paragraph, row[7])
            if score >= min_similarity:
                hits.append(Hit(*row, similarity=score))
        hits.sort(key=lambda h: (-(h.similarity or 0), h.year or 0, h.path, h.address))
        if first and hits:
            # The earliest adoption of the wording closest to the paragraph: the hits within
            # FIRST_BAND points of the best (spelling and OCR noise), oldest first.
            floor = (hits[0].similarity or 0) - FIRST_BAND
            hits = sorted((h for h in hits if (h.similarity or 0) >= floor),
                          key=lambda h: (h.year or 0, h.adopted or "", h.path, h.address))
        return hits[:limit]

    @staticmethod
    def _rarest(db: sqlite3.Connection, words: list[str]) -> list[str]:
        """The words that occur in the fewest paragraphs (absent ones dropped): an OR of common
        words would make every paragraph a candidate and bm25 score them all."""
        if len(words) <= RARE_WORDS:
            return words
        marks = ", ".join("?" * len(words))
        counts = dict(db.execute(f"SELECT term, doc FROM paragraphs_vocab WHERE term IN ({marks})", words))
        present = [w for w in words if counts.get(w)] or words
        return sorted(present, key=lambda w: (counts.get(w, 0), words.index(w)))[:RARE_WORDS]

    @staticmethod
    def _run(db: sqlite3.Connection, sql: str, args: Sequence[Any], query: str) -> list[tuple]:
        try:
            return db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:  # the escaping above should make this unreachable
            raise DraftingError(f"cannot search for {query!r}: {exc}; "
                                'search plain words or "a quoted phrase"') from None

    def stats(self) -> dict[str, int]:
        """Texts, paragraphs and bytes on disk, for benchmarks and `--verbose` output."""
        db = self._fresh()
        texts = db.execute("SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0]
        paragraphs = db.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        return {"texts": texts, "paragraphs": paragraphs, "bytes": self.path.stat().st_size}


def _body(value: str) -> str:
    from drafting.model import Body

    try:
        return Body.parse(value).short
    except ValueError:
        raise DraftingError(f"expected --body GA or SC, found {value!r}") from None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------- the CLI's entry


def search(library: str | os.PathLike[str], query: str, *, similar: bool = False,
           body: str | None = None, since: int | None = None, first: bool = False,
           limit: int | None = None, progress: Progress | None = None,
           min_similarity: float = MIN_SIMILARITY) -> SearchResult:
    """Refresh the library's index and answer one query (``similar``: ``query`` is a paragraph)."""
    if limit is not None and limit < 1:
        raise DraftingError(f"expected --limit to be 1 or more, found {limit}")
    if not 0 <= min_similarity <= 100:
        raise DraftingError(f"expected --min-similarity from 0 to 100, found {min_similarity:g}")
    if body:
        _body(body)
    with Index(library, auto_refresh=False) as index:
        refresh = index.refresh(progress)
        if similar:
            hits = index.similar(query, body=body, since=since, first=first, limit=limit or 10,
                                 min_similarity=min_similarity)
        else:
            hits = index.search(query, body=body, since=since, first=first, limit=limit or 20)
    return SearchResult(query, "similar" if similar else "words", str(library), refresh.texts,
                        tuple(hits), limit or (10 if similar else 20), first, refresh,
                        min_similarity if similar else None)


# ---------------------------------------------------------------------------- output


def render_terminal(result: SearchResult) -> str:
    """Rich markup: one block per hit (label, address, file; the paragraph, matches in bold)."""
    from rich.markup import escape

    lines: list[str] = []
    for hit in result.hits:
        figure = f"  [cyan]{hit.similarity:.1f}% similar[/]" if hit.similarity is not None else ""
        lines.append(f"[bold]{escape(hit.label)}[/] [bold magenta]{hit.address}[/]{figure}  "
                     f"[dim]{escape(hit.path)}[/]")
        lines.append("    " + _marked(hit, escape))
        lines.append("")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _marked(hit: Hit, escape: Callable[[str], str]) -> str:
    out, pos = [], 0
    for start, end in hit.matches:
        out += [escape(hit.text[pos:start]), "[bold yellow]", escape(hit.text[start:end]), "[/]"]
        pos = end
    out.append(escape(hit.text[pos:]))
    return "".join(out)


def summary_line(result: SearchResult) -> str:
    """'3 paragraphs in 3 texts, first adopted 1974 (searched 811 texts)'."""
    n = len(result.hits)
    floor = (f"at least {result.min_similarity:g}% similar; " if result.min_similarity is not None
             else "")
    if not n:
        what = "similar paragraph" if result.mode == "similar" else "paragraph"
        return f"no {what} found ({floor}searched {_plural(result.texts, 'text')})"
    texts = len({h.path for h in result.hits})
    years = [h.year for h in result.hits if h.year]
    first = f", first adopted {min(years)}" if years else ""
    more = f"; limit {result.limit} reached, use --limit for more" if n >= result.limit else ""
    return (f"{_plural(n, 'paragraph')} in {_plural(texts, 'text')}{first} "
            f"({floor}searched {_plural(result.texts, 'text')}{more})")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_json(result: SearchResult) -> str:
    import json

    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
