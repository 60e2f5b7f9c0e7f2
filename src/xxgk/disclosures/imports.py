"""Importing table-2 figures and an old site's catalogue from CSV or XLSX.

Both are all-or-nothing: every row is checked first, and every bad row is reported with its line
(the header is line 1) and the reason; nothing is written if any row is bad. Both are idempotent:
a figure equal to the one in force adds no history, a record whose 索引号 is already in the
register is left as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from xxgk.agencies.models import Agency
from xxgk.audit.models import AuditEventType
from xxgk.audit.services import audit_record
from xxgk.disclosures.choices import (
    ARTICLE_20,
    ARTICLE_21_ITEMS,
    ARTICLE_21_TOPICS,
    ITEMS,
    LIFECYCLE_KINDS,
    Kind,
    Status,
    Validity,
    item_refusal,
)
from xxgk.disclosures.figures import FigureError, cell_of, figure_cells, figure_enter, parse_value
from xxgk.disclosures.models import Disclosure, Theme
from xxgk.disclosures.services import (
    DisclosureError,
    public_changed,
    publish_due,
    registrar,
    sanitise,
)
from xxgk.report import editions


class ImportFileError(Exception):
    """The file cannot be read at all (not CSV/XLSX, no header, a missing column)."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}"


@dataclass
class ImportResult:
    written: int = 0  # figures entered / records created
    unchanged: int = 0  # rows equal to what is there already
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- reading a table ---------------------------------------------------------------------------


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, {header: value}) for each non-blank row of a CSV (UTF-8, with or without BOM, or
    GB18030) or the first sheet of an XLSX."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx(path)
    elif suffix == ".csv":
        rows = _csv(path)
    else:
        raise ImportFileError(f"只能导入 CSV 或 XLSX 文件，而不是“{path.name}”。")
    header: list[str] | None = None
    for line, values in enumerate(rows, start=1):
        if header is None:
            header = [str(v or "").strip() for v in values]
            if not any(header):
                raise ImportFileError("第 1 行应为表头。")
            continue
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        yield line, dict(zip(header, values, strict=False))
    if header is None:
        raise ImportFileError("文件是空的。")


def _csv(path: Path) -> Iterator[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError("无法识别 CSV 的编码（应为 UTF-8 或 GB18030）。")
    yield from csv.reader(io.StringIO(text))


def _xlsx(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFileError(f"无法读取 XLSX 文件：{e}") from None
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def _pick(row: dict[str, Any], *names: str) -> str:
    for name in names:
        if name in row and row[name] is not None:
            value = row[name]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            return str(value).strip()
    return ""


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(value: Any) -> date | None:
    """A date cell: a spreadsheet date, 2024-09-27, 2024/9/27 or 2024年9月27日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(str(value or "").strip().split(" ")[0])
    if match is None:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _agency_by_name(name: str) -> Agency | None:
    found = list(Agency.objects.filter(name=name)[:2])
    return found[0] if len(found) == 1 else None


# -- figures -----------------------------------------------------------------------------------


def _resolve_cell(year: int, text: str) -> str:
    """A cell given by name (proactive.penalties.decisions) or by its label
    (行政处罚·处理决定数量, as the edition prints it)."""
    if text.startswith("proactive."):
        return cell_of(year, text).cell
    for c in figure_cells(year):
        if c.label == text:
            return c.cell
    edition = editions.for_year(year)
    names = "、".join(c.label for c in figure_cells(year))
    raise FigureError(f"{edition.title}没有统计项“{text}”（可用：{names}）。")


def figures_import(
    *, path: Path, agency: Agency | None = None, user: User | None = None
) -> ImportResult:
    """Import figures: columns 机关 (unless `agency` is given), 年度, 统计项 (a cell name or its
    label), 数值. All or nothing; idempotent."""
    result = ImportResult()
    parsed: list[tuple[Agency, int, str, str]] = []
    for line, row in read_rows(path):
        try:
            parsed.append(_figure_row(row, agency))
        except FigureError as e:
            result.errors.append(RowError(line, str(e)))
    if result.errors:
        return result
    with transaction.atomic():
        for a, year, cell, value in parsed:
            figure = figure_enter(
                user=user, agency=a, year=year, cell=cell, value=value, source=path.name
            )
            if figure is None:
                result.unchanged += 1
            else:
                result.written += 1
    return result


def _figure_row(row: dict[str, Any], agency: Agency | None) -> tuple[Agency, int, str, str]:
    a = agency
    if a is None:
        name = _pick(row, "机关", "agency")
        a = _agency_by_name(name) if name else None
        if a is None:
            raise FigureError(
                f"找不到机关“{name}”。" if name else "缺少机关（或用 --agency 指定）。"
            )
    year_text = _pick(row, "年度", "year")
    if not year_text.isdigit() or not 2019 <= int(year_text) <= 2100:
        raise FigureError(f"年度“{year_text}”无效。")
    year = int(year_text)
    cell = _resolve_cell(year, _pick(row, "统计项", "cell"))
    value = _pick(row, "数值", "value")
    if value == "":
        raise FigureError("缺少数值。")
    parse_value(cell_of(year, cell), value)
    return a, year, cell, value


# -- the catalogue of an old site ------------------------------------------------------------

_KINDS = {
    **{k.label: k.value for k in Kind},
    **{k.value: k.value for k in Kind},
    "规范性文件": "normative",
}
_VALIDITY = {**{v.label: v.value for v in Validity}, **{v.value: v.value for v in Validity}}
_CHINESE_NUMERALS = {label[1 : label.index("）")]: number for number, label in ARTICLE_20.items()}
# Art. 21's items: "21-市政建设" (the Article, a hyphen, the topic as the Article words it), or the
# label itself ("第二十一条：市政建设"), or the number (2101).
_ARTICLE_21_SPELLINGS = {
    **{f"21-{topic}": number for number, topic, _ in ARTICLE_21_TOPICS},
    **{label: number for number, label in ARTICLE_21_ITEMS},
}
_SPLIT = re.compile(r"[;；|\n]")


@dataclass(frozen=True)
class CatalogueRow:
    line: int
    agency: Agency
    index_number: str
    values: dict[str, Any]
    themes: tuple[Theme, ...]


def _item_number(part: str) -> int | None:
    spelt = part.replace("－", "-").replace(":", "：")
    if spelt in _ARTICLE_21_SPELLINGS:
        return _ARTICLE_21_SPELLINGS[spelt]
    part = part.strip("（）() 第项")
    return int(part) if part.isdigit() else _CHINESE_NUMERALS.get(part)


def _items(text: str, agency: Agency) -> list[int]:
    """Items as an old site lists them: Art. 20's as 1, 5 or 一、五; Art. 21's as 21-市政建设
    (or its label, or its number); each must apply to `agency`'s level."""
    items = []
    for part in re.split(r"[,，、;；\s]+", text.strip()):
        if not part.strip("（）() 第项"):
            continue
        number = _item_number(part)
        if number not in ITEMS:
            raise ValueError(
                f"没有“{part}”这一事项（第二十条事项写 1 或 一，第二十一条事项写 21-市政建设）。"
            )
        refusal = item_refusal(number, agency)
        if refusal is not None:
            raise ValueError(refusal)
        items.append(number)
    return sorted(set(items))


def _themes(text: str) -> tuple[Theme, ...]:
    names = [n.strip() for n in _SPLIT.split(text) if n.strip()]
    found = {t.name: t for t in Theme.objects.filter(name__in=names)}
    missing = [n for n in names if n not in found]
    if missing:
        raise ValueError(f"没有主题分类“{missing[0]}”。")
    return tuple(found[n] for n in names)


def _catalogue_row(line: int, row: dict[str, Any], agency: Agency | None) -> CatalogueRow:
    index_number = _pick(row, "索引号", "index_number")
    if not index_number:
        raise ValueError("缺少索引号。")
    title = _pick(row, "标题", "名称", "title")
    if not title:
        raise ValueError("缺少标题。")
    publisher = _pick(row, "发布机构", "publisher")
    a = agency or (_agency_by_name(publisher) if publisher else None)
    if a is None:
        raise ValueError(f"找不到发布机构“{publisher}”对应的机关（或用 --agency 指定）。")
    made_on = parse_date(row.get("成文日期", row.get("made_on")))
    if made_on is None:
        raise ValueError("成文日期无效。")
    published_raw = row.get("发布日期", row.get("published_on"))
    published_on = parse_date(published_raw)
    if published_raw not in (None, "") and published_on is None:
        raise ValueError("发布日期无效。")
    if published_on is not None and published_on < made_on:
        raise ValueError("发布日期早于成文日期。")
    kind_text = _pick(row, "类别", "kind") or Kind.OTHER.label
    if kind_text not in _KINDS:
        raise ValueError(f"没有类别“{kind_text}”。")
    kind = _KINDS[kind_text]
    validity_text = _pick(row, "有效性", "validity")
    validity = _VALIDITY.get(validity_text, "") if validity_text else ""
    if validity_text and not validity:
        raise ValueError(f"没有有效性“{validity_text}”。")
    if kind in LIFECYCLE_KINDS and not validity:
        validity = Validity.IN_FORCE
    if validity and kind not in LIFECYCLE_KINDS:
        raise ValueError("只有规章和行政规范性文件有有效性。")
    changed_raw = row.get("修改或废止日期", row.get("validity_changed_on"))
    changed_on = parse_date(changed_raw)
    if validity in (Validity.AMENDED, Validity.REPEALED) and changed_on is None:
        raise ValueError("已修改或已废止的文件须有修改或废止日期。")
    existing = Disclosure.objects.filter(index_number=index_number).values("agency_id").first()
    if existing is not None and existing["agency_id"] != a.pk:
        raise ValueError(f"索引号“{index_number}”已属于另一机关的信息。")
    return CatalogueRow(
        line,
        a,
        index_number,
        {
            "title": title[:300],
            "document_number": _pick(row, "文号", "document_number")[:80],
            "publisher": (publisher or a.name)[:120],
            "made_on": made_on,
            "published_on": published_on,
            "kind": kind,
            "items": _items(_pick(row, "第二十条事项", "公开事项", "事项", "items"), a),
            "summary": _pick(row, "内容概述", "摘要", "summary"),
            "body": sanitise(_pick(row, "正文", "body")),
            "validity": validity,
            "validity_changed_on": changed_on if validity != Validity.IN_FORCE else None,
        },
        _themes(_pick(row, "主题分类", "theme", "themes")),
    )


def _registrar(agency: Agency) -> User | None:
    try:
        return registrar(agency)
    except DisclosureError:
        return None


def disclosures_import(
    *, path: Path, agency: Agency | None = None, user: User | None = None
) -> ImportResult:
    """Import an old site's catalogue: 索引号, 标题, 文号, 发布机构 (finds the agency unless
    `agency` is given), 成文日期, 发布日期, 类别, 主题分类 (names separated by ；), 第二十条事项
    (1, 5 or 一、五; Art. 21's items, where the agency's level has them, as 21-市政建设 or
    第二十一条：市政建设), 内容概述, 正文, and for 规章/规范性文件 有效性 and 修改或废止日期.

    A row with a 发布日期 becomes a published record (it was public on the old site: its
    保密审查 happened there, so none is recorded here); one without, a draft. A 索引号 already
    in the register is left alone. All or nothing."""
    result = ImportResult()
    rows: list[CatalogueRow] = []
    seen: dict[str, int] = {}
    for line, row in read_rows(path):
        try:
            parsed = _catalogue_row(line, row, agency)
        except ValueError as e:
            result.errors.append(RowError(line, str(e)))
            continue
        if parsed.index_number in seen:
            msg = f"索引号“{parsed.index_number}”与第 {seen[parsed.index_number]} 行重复。"
            result.errors.append(RowError(line, msg))
            continue
        seen[parsed.index_number] = line
        rows.append(parsed)
    registrars = {r.agency.pk: _registrar(r.agency) for r in rows}
    for r in rows:
        if registrars[r.agency.pk] is None and user is None:
            result.errors.append(RowError(r.line, f"{r.agency.name}没有经办人可作登记人。"))
    if result.errors:
        return result
    taken = set(
        Disclosure.objects.filter(index_number__in=[r.index_number for r in rows]).values_list(
            "index_number", flat=True
        )
    )
    with transaction.atomic():
        for r in rows:
            if r.index_number in taken:
                result.unchanged += 1
                continue
            _create_imported(r, user or registrars[r.agency.pk], user, path.name)
            result.written += 1
    return result


def _create_imported(r: CatalogueRow, registrar: Any, user: User | None, source: str) -> None:
    v = r.values
    d = Disclosure.objects.create(
        agency=r.agency,
        index_number=r.index_number,
        status=Status.PUBLISHED if v["published_on"] else Status.DRAFT,
        created_by=registrar,
        publish_due_on=publish_due(v["made_on"]),
        **v,
    )
    d.themes.set(r.themes)
    audit_record(
        actor=user,
        event_type=AuditEventType.DISCLOSURE_IMPORTED,
        obj=d,
        object_repr=f"{d.index_number} {d.title}",
        agency=r.agency,
        new={"source": source, "index_number": d.index_number, "status": d.status},
    )
    public_changed(d)
