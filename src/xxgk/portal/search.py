"""Searching the published register in Chinese.

**How.** Chinese has no spaces, so words are cut with rjieba (jieba's dictionary in Rust). Each
published record's title, 内容概述 and body are cut with `cut_for_search`, which gives each long
word and the dictionary words inside it (中华人民共和国 → 中华, 人民, 共和国, …), so a
two-character word such as 公开 or 采购 is found inside longer ones. The words go into the
portal's own inverted index, `SearchTerm` (record, word, weight): a query is cut the same way, and
a record matches when it holds every word of the query; its score is the sum of the words'
weights (a word in the title counts `TITLE`, in the summary `SUMMARY`, in the body `BODY` times
per occurrence).

**Why not FTS5 and tsvector.** Both would need the same words fed in (neither segments Chinese),
and they then tokenise and rank differently (FTS5's bm25 against ts_rank), so the two databases
would answer the same query with different orders. One ordinary table with a (term, record)
B-tree index gives the same rows and the same integer scores on SQLite and PostgreSQL by
construction, and it is fast enough for one government's register (a query reads only the rows
of its few words, and over the whole register not even all of them: `threshold.best` finds the
page's best records from each word's best rows, and the count stops at `CAP`).

**Keeping it current.** `index_refresh(disclosure=…)` (through `xxgk.portal.services
.portal_refresh`) after a record is published, edited, or withdrawn; `index_rebuild()` (the
`rebuild_search` command) for everything. A record that is not `published` has no rows, and the
query joins the register's status as well, so a stale index never shows a withdrawn record.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rjieba
from django.db import transaction
from django.db.models import Count, QuerySet, Sum, Window
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from xxgk.disclosures.choices import Status
from xxgk.disclosures.models import Disclosure
from xxgk.portal import threshold
from xxgk.portal.models import SearchTerm

TITLE, SUMMARY, BODY = 10, 3, 1
MAX_TERMS = 10  # words of a query beyond these are ignored
# The results a search of the whole register counts and pages through (50 pages): a search of
# common words matches most of a city's records, and counting them all reads all their rows.
CAP = 1_000
MAX_DEPTH = 4_096  # rows of each word `threshold.best` reads before summing them all instead
MAX_TERM_LENGTH = 64
# Words of a query that every record holds and that would only narrow it by accident.
STOPWORDS = frozenset(
    ("的", "了", "和", "与", "及", "或", "是", "在", "等", "对", "之", "其", "也", "而", "并")
)

_WORD = re.compile(r"[^\W_]+")


def _normalise(tokens: Iterable[str]) -> list[str]:
    """The words of jieba's tokens: punctuation and spaces dropped, Latin letters lower-cased."""
    words: list[str] = []
    for token in tokens:
        words.extend(w.lower() for w in _WORD.findall(token) if len(w) <= MAX_TERM_LENGTH)
    return words


# A place an agency is named after, with its level: 江城市 and 东湖区 in 江城市东湖区人民政府.
# Longest first: 自治区 before 区.
_LEVELS = ("特别行政区", "自治区", "自治州", "自治县", "街道", *"省市区县镇乡旗盟")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:" + "|".join(_LEVELS) + ")")


def places_of(name: str) -> list[str]:
    """The places at the start of an agency's name, outermost first (江城市东湖区人民政府 →
    江城市, 东湖区; 国家税务总局江城市税务局 → none: its name does not start with a place)."""
    found: list[str] = []
    at = 0
    while (m := _PLACE.match(name, at)) is not None:
        found.append(m.group())
        at = m.end()
    return found


@dataclass(frozen=True)
class Places:
    """The places the register's agencies are named after, each with its name without its
    level (江城市 → 江城). jieba cuts 江城市 into 江 / 城市, so a citizen's 江城 would never
    meet it: a record that prints a known place is indexed under its short name too."""

    short: dict[str, str]  # 江城市 → 江城
    pattern: re.Pattern[str] | None

    def short_names_in(self, text: str) -> Counter[str]:
        if self.pattern is None:
            return Counter()
        return Counter(self.short[m.group()] for m in self.pattern.finditer(text))


def known_places(names: Iterable[str] | None = None) -> Places:
    """The `Places` of these agency names (default: every agency's)."""
    if names is None:
        from xxgk.agencies.models import Agency

        names = Agency.objects.order_by("pk").values_list("name", flat=True)
    return _places(tuple(names))


# Each record published re-indexes with the places (an import of thousands in one run): the
# agencies' names are read each time, their pattern made once for as long as they stay the same.
@functools.lru_cache(maxsize=8)
def _places(names: tuple[str, ...]) -> Places:
    short: dict[str, str] = {}
    for name in names:
        for place in places_of(name):
            level = next(x for x in _LEVELS if place.endswith(x))
            if len(place) - len(level) >= 2:  # 甲市 → 甲 is too short to be a word
                short[place] = place[: -len(level)]
    longest_first = sorted(short, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, longest_first))) if short else None
    return Places(short, pattern)


def record_terms(disclosure: Disclosure, places: Places | None = None) -> dict[str, int]:
    """Every word of a record with its weight; with `places`, the short name of each known
    place the record prints, where jieba's words do not hold it already."""
    weights: Counter[str] = Counter()
    fields = (
        (disclosure.title, TITLE),
        (disclosure.summary, SUMMARY),
        (plain_text(disclosure.body), BODY),
    )
    for text, weight in fields:
        words = _normalise(rjieba.cut_for_search(text))
        for word in words:
            weights[word] += weight
        if places is not None:
            cut = set(words)
            for name, times in places.short_names_in(text).items():
                if name not in cut:
                    weights[name] += weight * times
    return dict(weights)


def query_terms(query: str) -> list[str]:
    """The words a record must hold to match `query`.

    Each word of the query is replaced by the dictionary words inside it when it has some: a
    record that says 中华人民共和国政府 is cut into 中华人民共和国政府 and its parts, never into
    中华人民共和国, so the parts are what both sides share.
    """
    terms: list[str] = []
    for word in _normalise(rjieba.cut(query)):
        parts = [p for p in _normalise(rjieba.cut_for_search(word)) if len(p) < len(word)]
        terms.extend(parts or [word])
    unique = [t for t in dict.fromkeys(terms) if t not in STOPWORDS]
    return unique[:MAX_TERMS]


@transaction.atomic
def index_refresh(*, disclosure: Disclosure) -> None:
    """Bring one record's index rows in line with it: its words if it is published, none if
    not. Call after every change of a record's text or status."""
    SearchTerm.objects.filter(disclosure=disclosure).delete()
    if disclosure.status == Status.PUBLISHED:
        SearchTerm.objects.bulk_create(
            SearchTerm(disclosure=disclosure, term=term, weight=weight)
            for term, weight in record_terms(disclosure, known_places()).items()
        )


def index_rebuild() -> int:
    """Rebuild the whole index from the register; returns the number of records indexed."""
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        count = 0
        places = known_places()
        published = Disclosure.objects.filter(status=Status.PUBLISHED).order_by("pk")
        for disclosure in published.iterator(chunk_size=500):
            SearchTerm.objects.bulk_create(
                SearchTerm(disclosure=disclosure, term=term, weight=weight)
                for term, weight in record_terms(disclosure, places).items()
            )
            count += 1
    return count


@dataclass(frozen=True)
class Hit:
    disclosure: Disclosure
    score: int
    title: SafeString  # highlighted
    snippet: SafeString  # highlighted


def matches(*, terms: list[str], records: QuerySet[Disclosure] | None) -> QuerySet[Any, Any]:
    """The ranked matches among `records` (already filtered; None: every published record,
    which is what the index holds — the register's services re-index a record in the same
    transaction that publishes or withdraws it), best first, as rows of `disclosure` (its id)
    and `score`: every term present, score the sum of their weights, ties newest record first.

    Without a filter the query reads the index alone, never joining the register."""
    rows = SearchTerm.objects.filter(term__in=terms)
    if records is not None:
        rows = rows.filter(disclosure__in=records.filter(status=Status.PUBLISHED).values("pk"))
    return (
        rows.values("disclosure")
        .annotate(found=Count("term"), score=Sum("weight"))
        .filter(found=len(terms))
        .order_by("-score", "-disclosure")
    )


@dataclass(frozen=True)
class Ranking:
    """One page of a search's ranked matches, and how many match in all."""

    rows: list[dict[str, int]]  # {"disclosure": id, "score": n}, best first
    total: int  # how many match; when `more`, the count stopped there (CAP)
    more: bool = False


def ranking(
    *,
    terms: list[str],
    records: QuerySet[Disclosure] | None,
    order: tuple[str, ...] = (),
    offset: int,
    limit: int,
) -> Ranking:
    """The rows `offset`..`offset + limit` of `matches` (or of it in `order`), with the number
    of all matches.

    Over the whole register in the ranking's order (the common search) the words' rows are not
    all read: the page comes from `threshold.best`, and the count stops at `CAP` — the first
    `CAP` results are reached page by page, and a filter (an agency, a year) narrows the rest.
    Narrowed or sorted otherwise, the page's rows carry the total (a window count over the same
    aggregate): one pass over the words' rows, not two."""
    if records is None and not order:
        return _best_page(terms, offset=offset, limit=limit)
    ranked = matches(terms=terms, records=records).annotate(total=Window(Count("*")))
    if order:
        ranked = ranked.order_by(*order)
    rows = list(ranked[offset : offset + limit])
    if rows:
        total = rows[0]["total"]
    else:  # past the last page (or none): only the count is left to tell
        total = matches(terms=terms, records=records).count() if offset else 0
    return Ranking(
        rows=[{"disclosure": r["disclosure"], "score": r["score"]} for r in rows], total=total
    )


def _best_page(terms: list[str], *, offset: int, limit: int) -> Ranking:
    """A page of the whole register's ranking, counted up to CAP."""
    holding = SearchTerm.objects.filter(term=terms[0])
    for term in terms[1:]:
        holding = holding.filter(
            disclosure__in=SearchTerm.objects.filter(term=term).values("disclosure")
        )
    counted = holding[: CAP + 1].count()
    total = min(counted, CAP)
    if offset >= total:
        return Ranking(rows=[], total=total, more=counted > CAP)
    end = min(offset + limit, total)
    found = threshold.best(terms, end, max_depth=MAX_DEPTH)
    if found is None:  # the best are deep in every word's rows: sum them all
        page = [
            (r["score"], r["disclosure"]) for r in matches(terms=terms, records=None)[offset:end]
        ]
    else:
        page = found[offset:end]
    return Ranking(
        rows=[{"disclosure": d, "score": s} for s, d in page], total=total, more=counted > CAP
    )


def hits(rows: Iterable[dict[str, int]], *, query: str, terms: list[str]) -> list[Hit]:
    """The page's rows of `matches` as records with their highlighted title and snippet."""
    rows = list(rows)
    found = Disclosure.objects.in_bulk([row["disclosure"] for row in rows])
    words = highlight_words(query, terms)
    return [
        Hit(
            disclosure=found[row["disclosure"]],
            score=row["score"],
            title=highlight(found[row["disclosure"]].title, words),
            snippet=snippet(found[row["disclosure"]], words),
        )
        for row in rows
        if row["disclosure"] in found
    ]


def plain_text(body: str) -> str:
    """A sanitised HTML body as plain text, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(body))).strip()


def highlight_words(query: str, terms: list[str]) -> list[str]:
    """What to mark: the query's own words and their parts, longest first."""
    words = set(terms) | set(_normalise(rjieba.cut(query)))
    words -= STOPWORDS
    return sorted(words, key=len, reverse=True)


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def highlight(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with each occurrence of `words` in <mark>."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308  (every piece escaped above)


def snippet(
    disclosure: Disclosure, words: list[str], *, before: int = 30, after: int = 90
) -> SafeString:
    """A window of the summary and body around the first word found, highlighted."""
    text = " ".join(t for t in (disclosure.summary, plain_text(disclosure.body)) if t)
    pattern = _pattern(words)
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - before) if found else 0
    end = min(len(text), start + before + after)
    piece = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(f"{prefix}{highlight(piece, words)}{suffix}")  # noqa: S308
