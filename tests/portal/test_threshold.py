"""The threshold algorithm gives the exact ranking of `search.matches` while reading less: checked
against the ranking summed in Python from the same rows, with many ties, words read whole and
records that lack a word, at every k, and at a first depth small enough to take several rounds
(CI runs this file on SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from xxgk.disclosures.choices import Kind, Status
from xxgk.disclosures.models import Disclosure
from xxgk.portal import search, threshold
from xxgk.portal.models import SearchTerm

pytestmark = pytest.mark.django_db

TERMS = ("甲", "乙", "丙")


@pytest.fixture
def index(tree, people) -> dict[int, dict[str, int]]:
    """90 records; each holds each word with probability 0.8 (丙: 0.3, a word read whole early),
    with weights from a few values, so that scores tie often."""
    rng = random.Random(13)
    records = Disclosure.objects.bulk_create(
        Disclosure(
            agency=tree.bureau,
            created_by=people.officer,
            title=f"记录{n}",
            index_number=f"T/2025-{n:05d}",
            publisher=tree.bureau.name,
            made_on=date(2025, 1, 1),
            published_on=date(2025, 1, 2),
            kind=Kind.OTHER,
            status=Status.PUBLISHED,
        )
        for n in range(90)
    )
    held: dict[int, dict[str, int]] = {}
    for disclosure in records:
        for term, chance in zip(TERMS, (0.8, 0.8, 0.3), strict=True):
            if rng.random() < chance:
                held.setdefault(disclosure.pk, {})[term] = rng.choice((1, 1, 2, 3, 10, 11, 13))
    SearchTerm.objects.bulk_create(
        SearchTerm(disclosure_id=d, term=t, weight=w)
        for d, words in held.items()
        for t, w in words.items()
    )
    return held


def expected(index: dict[int, dict[str, int]], terms: tuple[str, ...]) -> list[tuple[int, int]]:
    return sorted(
        ((sum(w[t] for t in terms), d) for d, w in index.items() if all(t in w for t in terms)),
        reverse=True,
    )


@pytest.mark.parametrize(
    ("first_depth", "per_result", "batch"), [(1, 1, 1), (3, 2, 4), (64, 8, 64)]
)
@pytest.mark.parametrize("terms", [("甲",), ("甲", "乙"), ("甲", "乙", "丙"), ("乙", "丙")])
def test_the_best_k_are_the_ranking_of_every_match(
    index, monkeypatch, first_depth, per_result, batch, terms
) -> None:
    monkeypatch.setattr(threshold, "FIRST_DEPTH", first_depth)
    monkeypatch.setattr(threshold, "DEPTH_PER_RESULT", per_result)
    monkeypatch.setattr(threshold, "BATCH", batch)
    whole = expected(index, terms)
    assert len(whole) > 10  # the data has enough matches for the cut to matter
    for k in range(1, len(whole) + 3):
        assert threshold.best(terms, k, max_depth=10_000) == whole[:k], k


def test_it_agrees_with_the_aggregate_query(index) -> None:
    for terms in (["甲"], ["甲", "乙"], ["甲", "乙", "丙"]):
        rows = search.matches(terms=terms, records=None)
        assert threshold.best(terms, 1000, max_depth=10_000) == [
            (r["score"], r["disclosure"]) for r in rows
        ]


def test_it_gives_up_rather_than_read_deeper_than_allowed(index, monkeypatch) -> None:
    monkeypatch.setattr(threshold, "FIRST_DEPTH", 1)
    monkeypatch.setattr(threshold, "DEPTH_PER_RESULT", 1)
    read: list[int] = []  # rows read of each word so far, after each reading
    read_on = threshold._read_on

    def counted(terms, last, count):
        read.append((read[-1] if read else 0) + count)
        return read_on(terms, last, count)

    monkeypatch.setattr(threshold, "_read_on", counted)
    answers = []
    for allowed in (2, 8, 32, 10_000):
        read.clear()
        answers.append(threshold.best(("甲", "乙"), 1, max_depth=allowed))
        assert max(read, default=0) <= allowed
    # Ties at the top need more than two rows of each word: None (the caller then sums them all);
    # once deep enough, the answer.
    assert answers[0] is None
    assert answers[-1] == expected(index, ("甲", "乙"))[:1]
    assert all(a in (None, answers[-1]) for a in answers)


def test_a_ranking_of_the_whole_register_counts_up_to_the_cap(index, monkeypatch) -> None:
    monkeypatch.setattr(search, "CAP", 10)
    every = expected(index, ("甲", "乙"))
    first = search.ranking(terms=["甲", "乙"], records=None, offset=0, limit=4)
    last = search.ranking(terms=["甲", "乙"], records=None, offset=8, limit=4)
    past = search.ranking(terms=["甲", "乙"], records=None, offset=10, limit=4)
    assert (
        (first.total, first.more)
        == (last.total, last.more)
        == (past.total, past.more)
        == (10, True)
    )
    assert [(r["score"], r["disclosure"]) for r in first.rows + last.rows] == every[:4] + every[
        8:10
    ]
    assert past.rows == []


def test_the_count_is_exact_up_to_the_cap(index, monkeypatch) -> None:
    n = len(expected(index, ("乙", "丙")))
    for cap, shown in ((n, (n, False)), (n - 1, (n - 1, True))):
        monkeypatch.setattr(search, "CAP", cap)
        found = search.ranking(terms=["乙", "丙"], records=None, offset=0, limit=4)
        assert (found.total, found.more) == shown


def test_a_word_no_record_holds(index) -> None:
    assert threshold.best(("甲", "无"), 5, max_depth=10_000) == []
