"""Find which of an edition's rows a printed label names.

Labels are compared by `normalise.key` (no spaces, punctuation or brackets). The label text a
value row carries is everything printed since the previous value row, so the row's own label
is at its end: we look for the edition's labels as a suffix, exactly first (the full label,
then the label without its numbering ``一、`` / ``1.``), and only then tolerantly (rapidfuzz
ratio over the tail), with a threshold high enough that no two rows of an edition are
confused. Each index is built once per edition and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from xxgk.report import editions
from xxgk.report.edition import Edition
from xxgk.report.normalise import clean, key

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)")
# Tolerant matches: the tail must resemble the label at least this much (Indel ratio, 0-100),
# and beat the next-best other row by a margin.
_FUZZY_MIN = 80.0
_FUZZY_MARGIN = 8.0
_MIN_CORE = 4  # a label without its numbering must keep this many characters to be used alone


@dataclass(frozen=True)
class Match:
    target: str  # the row key (or a special target such as a row group)
    score: float  # 100 for an exact match
    exact: bool


@dataclass(frozen=True)
class LabelIndex:
    """Labels (keys) to targets; `exact` sorted longest first."""

    exact: tuple[tuple[str, str], ...]
    # last character -> the exact labels ending with it, longest first
    by_last: dict[str, tuple[tuple[str, str], ...]]
    # bigram -> (label, target, end of the bigram in the label)
    bigrams: dict[str, tuple[tuple[str, str, int], ...]]

    def match(self, text: str, *, tolerant: bool = True) -> Match | None:
        """The target whose label ends `text` (a key()), or None. `tolerant` allows a near
        match when no label matches exactly."""
        if text:
            for label, target in self.by_last.get(text[-1], ()):
                if text.endswith(label):
                    return Match(target, 100.0, True)
        return self._fuzzy(text) if tolerant else None

    def resembles(self, text: str) -> bool:
        """Whether the text's end looks like some label at all (even if not one clearly):
        a label we cannot place is not the same as a row the edition does not have."""
        for drop in (0, 1, 2):
            end = len(text) - drop
            if end < 2:
                break
            for label, _, cut in self.bigrams.get(text[end - 2 : end], ()):
                head = label[:cut]
                if len(head) >= _MIN_CORE and fuzz.ratio(head, text[max(0, end - cut) : end]) >= 60:
                    return True
        return False

    def find_in_tail(self, text: str, window: int) -> Match | None:
        """The target whose label occurs last within the last `window` characters of `text` —
        for labels followed by printed instructions (``规章（设区的市…应提供）``)."""
        tail = text[-window:]
        best: tuple[int, int, str] | None = None
        for label, target in self.exact:
            pos = tail.rfind(label)
            if pos >= 0:
                cand = (pos + len(label), len(label), target)
                if best is None or cand[:2] > best[:2]:
                    best = cand
        return Match(best[2], 100.0, True) if best else None

    def _fuzzy(self, text: str) -> Match | None:
        """A near match of a label ending the text — or of the label's beginning, when a
        laid-out page wrapped the rest of it below the numbers (``…不再处理其政府信`` /
        ``息公开申请``). Candidates come from the text's last two characters (a bigram index),
        so only a few labels are scored."""
        if len(text) < 2:
            return None
        scores: dict[str, float] = {}
        for drop in (0, 1, 2):  # up to two stray characters after the label
            end = len(text) - drop
            if end < 2:
                break
            for label, target, cut in self.bigrams.get(text[end - 2 : end], ()):
                if cut < max(_MIN_CORE, len(label) // 2):
                    continue
                head = label[:cut]
                best = 0.0
                for extra in (-1, 0, 1, 2):
                    size = cut + extra
                    if 0 < size <= end:
                        best = max(best, fuzz.ratio(head, text[end - size : end]))
                # a truncated label counts for less than a whole one
                best -= 10.0 * (len(label) - cut) / len(label)
                if best > scores.get(target, 0.0):
                    scores[target] = best
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        target, score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if score >= _FUZZY_MIN and score - runner_up >= _FUZZY_MARGIN:
            return Match(target, score, False)
        return None


def _core(label_key: str) -> str:
    return _NUMBERING.sub("", label_key)


def build_index(labels: dict[str, tuple[str, ...]], *, cores: bool = True) -> LabelIndex:
    """An index over printed labels (`target` -> its texts). Cores (labels without numbering)
    are added only when they stay unique and long enough."""
    exact: dict[str, str] = {}
    for target, texts in labels.items():
        for text in texts:
            exact.setdefault(key(clean(text)), target)
    if cores:
        core_targets: dict[str, set[str]] = {}
        for label, target in list(exact.items()):
            core = _core(label)
            if core != label and len(core) >= _MIN_CORE:
                core_targets.setdefault(core, set()).add(target)
        for core, targets in core_targets.items():
            if len(targets) == 1 and core not in exact:
                exact[core] = next(iter(targets))
    ordered = tuple(sorted(exact.items(), key=lambda kv: len(kv[0]), reverse=True))
    bigrams: dict[str, list[tuple[str, str, int]]] = {}
    for label, target in ordered:
        if len(label) < _MIN_CORE:
            continue
        for i in range(len(label) - 1):
            bigrams.setdefault(label[i : i + 2], []).append((label, target, i + 2))
    by_last: dict[str, list[tuple[str, str]]] = {}
    for label, target in ordered:
        by_last.setdefault(label[-1], []).append((label, target))
    return LabelIndex(
        ordered,
        {k: tuple(v) for k, v in by_last.items()},
        {k: tuple(v) for k, v in bigrams.items()},
    )


# Targets that are not data rows of table 3.
GROUP = "group:"
SINGLE_OTHER = "single_other"


def collapsed_group(edition: Edition) -> str | None:
    """The row group of this edition that an older edition printed as one data row with the
    same label (2021's （六）其他处理 group, 2019's single （六）其他处理 row), if any."""
    return _collapsed_group(edition.key)


@cache
def _collapsed_group(edition_key: str) -> str | None:
    edition = editions.get(edition_key)
    row_keys = {r.key for r in edition.application_rows}
    for other in editions.all_editions().values():
        if other.key == edition.key:
            continue
        for row in other.application_rows:
            if row.key in row_keys:
                continue
            for g in edition.row_groups:
                if key(g.label.text) == key(row.label.text):
                    return g.key
    return None


def application_index(edition: Edition) -> LabelIndex:
    """Table 3's rows, its row-group labels (``group:<key>``), and the one-row form of a
    `collapsed_group` that older reports print (`SINGLE_OTHER`)."""
    return _application_index(edition.key)


@cache
def _application_index(edition_key: str) -> LabelIndex:
    edition = editions.get(edition_key)
    labels: dict[str, tuple[str, ...]] = {r.key: r.label.all for r in edition.application_rows}
    collapsed = collapsed_group(edition)
    for g in edition.row_groups:
        if g.key == collapsed:
            labels[SINGLE_OTHER] = g.label.all
        else:
            labels[GROUP + g.key] = g.label.all
    return build_index(labels)


def proactive_index(edition: Edition) -> LabelIndex:
    return _proactive_index(edition.key)


@cache
def _proactive_index(edition_key: str) -> LabelIndex:
    edition = editions.get(edition_key)
    labels = {r.key: r.label.all for _, r in edition.proactive_rows}
    return build_index(labels, cores=False)
