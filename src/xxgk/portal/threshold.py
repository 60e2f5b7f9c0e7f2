"""The best matches of a search without reading every row of its words: Fagin's threshold
algorithm over the index's (term, weight, disclosure) order.

A common word is held by most of a city's records (公开, 建设: 60,000–100,000 of 100,000), and
summing the weights of every record that holds all the words of a query reads all their rows.
The page needs only the best `k`. So each word's rows are read best first, a few at a time
("sorted access"); a record seen under one word has its weights under the others looked up by
the (term, disclosure) index ("random access") — unless what it could score at most is already
below the k-th best score known; and no record left unseen can score more than the sum of the
last weights read, the *threshold*. Once the k-th best score found is above it, the k best are
known; otherwise each word is read further and the reading goes on.

The result is the exact ranking `xxgk.portal.search.matches` gives (score descending, the newer
record first on a tie), on SQLite and PostgreSQL alike: only how much is read differs. Each
step is one statement for all the words, in SQL written here: the ORM builds an ``IN`` of
hundreds of ids slower than the database looks them up, and cannot limit each part of a union
on SQLite.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.db import connection

from xxgk.portal.models import SearchTerm

# Rows read of each word at first: FIRST_DEPTH, or DEPTH_PER_RESULT for each result asked. Rows
# read in order are cheap beside records looked up one by one, and the deeper the first reading,
# the more records are seen under every word and the fewer need looking up.
FIRST_DEPTH = 64
DEPTH_PER_RESULT = 8
GROWTH = 4  # each further reading, this many times the rows read so far
BATCH = 64  # records looked up at least per statement

Row = tuple[int, int]  # (disclosure, weight)


def best(terms: Sequence[str], k: int, *, max_depth: int) -> list[tuple[int, int]] | None:
    """The `k` best (score, disclosure id) of the records that hold every word of `terms`, best
    first (fewer when fewer match); None when that takes reading more than `max_depth` rows of
    a word — the caller then sums them all."""
    depth = max(FIRST_DEPTH, DEPTH_PER_RESULT * k)
    weights: dict[int, dict[str, int]] = {}  # what is known of each record seen
    last: dict[str, Row | None] = dict.fromkeys(terms)  # the last row read of each word
    whole: set[str] = set()  # words read to their end
    lacking: set[int] = set()  # records seen that lack a word: no match
    read = 0
    while depth <= max_depth:
        for term, rows in _read_on(terms, last, depth - read).items():
            for disclosure, weight in rows:
                weights.setdefault(disclosure, {})[term] = weight
            if len(rows) < depth - read:
                whole.add(term)
            if rows:
                last[term] = rows[-1]
        read = depth
        _look_up(terms, weights, lacking, whole, last, k)
        ranked = _ranked(terms, weights)
        if whole:  # a word read to its end: every record that holds it was seen
            return ranked[:k]
        if len(ranked) >= k and _beats_unseen(ranked[k - 1], last):
            return ranked[:k]
        depth *= GROWTH
    return None


def _read_on(terms: Sequence[str], last: dict[str, Row | None], count: int) -> dict[str, list[Row]]:
    """Each word's next `count` rows best first, after its last row read (one statement)."""
    parts: list[str] = []
    params: list[Any] = []  # str, int and a list or JSON of ids
    for i, term in enumerate(terms):
        after = last[term]
        where = "term = %s"
        params.append(term)
        if after is not None:  # keyset: rows after (weight, disclosure) in the index's order
            where += " AND (weight, disclosure_id) < (%s, %s)"
            params += [after[1], after[0]]
        parts.append(
            f"SELECT {i} AS i, disclosure_id, weight FROM (SELECT disclosure_id, weight "  # noqa: S608 - names from the model, values bound
            f"FROM {_table()} WHERE {where} ORDER BY weight DESC, disclosure_id DESC "
            f"LIMIT %s) AS r{i}"
        )
        params.append(count)
    found: dict[str, list[Row]] = {term: [] for term in terms}
    for i, disclosure, weight in _union(parts, params):
        found[terms[i]].append((disclosure, weight))
    for rows in found.values():  # a union keeps no order: each word's rows best first again
        rows.sort(key=lambda row: (row[1], row[0]), reverse=True)
    return found


def _look_up(
    terms: Sequence[str],
    weights: dict[int, dict[str, int]],
    lacking: set[int],
    whole: set[str],
    last: dict[str, Row | None],
    k: int,
) -> None:
    """Random access, for the records that could still be among the best `k`: the most each
    could score (its known weights, and each missing word's last weight read) is at least the
    k-th score of the records known whole. The likeliest first, a batch at a time, so that the
    records looked up raise the k-th score and rule the rest out; a record found to lack a
    word, or lacking a word read to its end, is out (`lacking`)."""
    most = {term: (row[1] if row else 0) for term, row in last.items()}
    for disclosure, found in weights.items():
        if any(t in whole and t not in found for t in terms):
            lacking.add(disclosure)
    while True:
        known = _ranked(terms, weights)
        cut = known[k - 1][0] if len(known) >= k else 0
        could = sorted(
            (
                (sum(found.values()) + sum(most[t] for t in terms if t not in found), d)
                for d, found in weights.items()
                if len(found) < len(terms) and d not in lacking
            ),
            reverse=True,
        )
        batch = [d for bound, d in could[: max(k, BATCH)] if bound >= cut]
        if not batch:
            return
        wanted = {t: [d for d in batch if t not in weights[d]] for t in terms}
        for term, disclosure, weight in _weights_of(wanted):
            weights[disclosure][term] = weight
        lacking.update(d for d in batch if len(weights[d]) < len(terms))


def _weights_of(wanted: dict[str, list[int]]) -> list[tuple[str, int, int]]:
    """(term, disclosure, weight) of the records each word is wanted for that hold it, by the
    (term, disclosure) index, in one statement (PostgreSQL takes each list of ids as one array,
    SQLite as one JSON list)."""
    parts: list[str] = []
    params: list[Any] = []  # str, int and a list or JSON of ids
    for term, ids in wanted.items():
        if not ids:
            continue
        value: Any
        if connection.vendor == "postgresql":
            among, value = "= ANY(%s)", ids
        else:
            among, value = "IN (SELECT value FROM json_each(%s))", json.dumps(ids)
        parts.append(
            f"SELECT term, disclosure_id, weight FROM {_table()} "  # noqa: S608 - names from the model, values bound
            f"WHERE term = %s AND disclosure_id {among}"
        )
        params += [term, value]
    if not parts:
        return []
    return _union(parts, params)


def _union(parts: list[str], params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of the SELECTs `parts`, as one statement."""
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _ranked(terms: Sequence[str], weights: dict[int, dict[str, int]]) -> list[tuple[int, int]]:
    """The records known to hold every word, as (score, id), best first."""
    whole = ((sum(w.values()), d) for d, w in weights.items() if len(w) == len(terms))
    return sorted(whole, reverse=True)


def _beats_unseen(entry: tuple[int, int], last: dict[str, Row | None]) -> bool:
    """Whether (score, id) ranks above every record not seen under any word. Such a record
    comes after the last row read of each word, so it scores at most the sum of their weights,
    and scores exactly that only with each word's last weight and an id below each last row's:
    below the smallest of them."""
    rows = [row for row in last.values() if row is not None]
    score, disclosure = entry
    threshold = sum(weight for _, weight in rows)
    return score > threshold or (score == threshold and disclosure >= min(d for d, _ in rows))


def _table() -> str:
    return connection.ops.quote_name(SearchTerm._meta.db_table)
