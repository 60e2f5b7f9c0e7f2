"""Report JSON (spec/report-json.md): load with clear refusals, save exactly."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator, ValidationError, validators

from xxgk.report import editions
from xxgk.report.edition import Edition, Kind, Severity
from xxgk.report.model import Finding, Provenance, Report, Value
from xxgk.report.schema import MONEY_PATTERN, SCHEMA_VERSION, json_schema

_MAX_PROBLEMS = 8


class ReportError(ValueError):
    """A report JSON that does not fit the format; `problems` name each key or cell."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        head = f"{source}：" if source else ""
        super().__init__(head + "；".join(problems))


# "Integers are JSON integers": 1.0 is a number, not a count (jsonschema's default says it is).
_TYPES = Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, v: isinstance(v, int) and not isinstance(v, bool)
)
_Validator = validators.extend(Draft202012Validator, type_checker=_TYPES)


@cache
def _validator(edition_key: str) -> Draft202012Validator:
    return _Validator(json_schema(editions.get(edition_key)))


def _refuse_constant(name: str) -> None:
    raise ValueError(f"JSON 不允许 {name}")


# The json module's reasons, in Chinese (a reason not listed is shown as it is).
_JSON_ERRORS = {
    "Expecting value": "此处应为一个值",
    "Expecting property name enclosed in double quotes": "此处应为带双引号的键名",
    "Expecting ',' delimiter": "此处缺少逗号",
    "Expecting ':' delimiter": "此处缺少冒号",
    "Unterminated string starting at": "字符串没有结束（缺少后引号）",
    "Extra data": "JSON 结束后还有多余内容",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "无效的转义（\\）",
}


def loads(text: str, source: str | None = None) -> Report:
    """A report from report JSON text; raises `ReportError` naming what does not fit."""
    if not text.strip():
        raise ReportError(["文件是空的"], source)
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as e:
        raise ReportError(
            [f"不是有效的 JSON：第 {e.lineno} 行第 {e.colno} 列，{_JSON_ERRORS.get(e.msg, e.msg)}"],
            source,
        ) from None
    except RecursionError:
        raise ReportError(["不是报告 JSON：嵌套层数过多"], source) from None
    except ValueError as e:  # NaN/Infinity, or an integer too long to convert
        raise ReportError([f"不是有效的 JSON：{e}"], source) from None
    return from_json(data, source)


def load(path: str | Path) -> Report:
    """A report from a report JSON file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReportError(["文件不存在"], str(path)) from None
    except IsADirectoryError:
        raise ReportError(["这是一个文件夹，不是报告 JSON 文件"], str(path)) from None
    except UnicodeDecodeError:
        raise ReportError(["不是 UTF-8 编码的文本文件"], str(path)) from None
    except OSError as e:
        raise ReportError([f"无法读取：{e.strerror}"], str(path)) from None
    return loads(text, str(path))


def from_json(data: Any, source: str | None = None) -> Report:
    """A report from parsed report JSON."""
    if not isinstance(data, dict):
        raise ReportError([f"顶层应为 JSON 对象，实际为{_type_name(data)}"], source)
    edition = _edition_of(data, source)
    # dict.fromkeys: jsonschema reports each missing key of one object separately
    problems = list(dict.fromkeys(_describe(e, edition) for e in _errors(edition, data)))
    if problems:
        extra = len(problems) - _MAX_PROBLEMS
        shown = problems[:_MAX_PROBLEMS] + ([f"另有 {extra} 处问题"] if extra > 0 else [])
        raise ReportError(shown, source)
    return _build(edition, data, source)


def _edition_of(data: dict[str, Any], source: str | None) -> Edition:
    if "edition" not in data:
        raise ReportError(['缺少 “edition”（报告格式版本，如 "2021"）'], source)
    key = data["edition"]
    if not isinstance(key, str):
        raise ReportError([f'edition：应为字符串（如 "2021"），实际为 {json.dumps(key)}'], source)
    try:
        return editions.get(key)
    except editions.UnknownEdition as e:
        raise ReportError([f"edition：{e}"], source) from None


def _errors(edition: Edition, data: dict[str, Any]) -> list[ValidationError]:
    errs = list(_validator(edition.key).iter_errors(data))
    return sorted(errs, key=lambda e: [str(p) for p in e.absolute_path])


_TYPE_NAMES = {
    "integer": "整数",
    "string": "字符串",
    "object": "对象",
    "array": "数组",
    "null": "null",
    "number": "数字",
    "boolean": "true/false",
}


def _type_name(value: Any) -> str:
    if value is None:
        return " null"
    if isinstance(value, bool):
        return f" {json.dumps(value)}"
    if isinstance(value, (dict, list)):
        return "对象" if isinstance(value, dict) else f"含 {len(value)} 项的数组"
    return f" {json.dumps(value, ensure_ascii=False)}"


def _where(error: ValidationError, edition: Edition) -> str:
    path = [str(p) for p in error.absolute_path]
    # tables.applications.<row>.<i> names a cell: applications.<row>.<column>
    if len(path) == 4 and path[:2] == ["tables", "applications"] and path[3].isdigit():
        return f"applications.{path[2]}.{edition.columns[int(path[3])].key}"
    if path[:1] == ["tables"] and len(path) >= 2:
        return ".".join(path[1:])
    return ".".join(path) or "报告"


def _describe(error: ValidationError, edition: Edition) -> str:
    where = _where(error, edition)
    inst = error.instance
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in inst]
        return f"{where}：缺少 {'、'.join(f'“{k}”' for k in missing)}"
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        extra = [k for k in inst if k not in allowed]
        return f"{where}：{edition.key} 版没有 {'、'.join(f'“{k}”' for k in extra)}"
    if kind in ("minItems", "maxItems"):
        cols = "、".join(c.label.text for c in edition.columns)
        return f"{where}：应为 {len(edition.columns)} 个整数（{cols}），实际为 {len(inst)} 个"
    if kind == "type":
        expected = error.validator_value
        names = [_TYPE_NAMES[t] for t in (expected if isinstance(expected, list) else [expected])]
        return f"{where}：应为{'或'.join(names)}，实际为{_type_name(inst)}"
    if kind == "pattern" and error.validator_value == MONEY_PATTERN:
        return f'{where}：金额应为以元计的十进制数字串（如 "190000"），实际为{_type_name(inst)}'
    if kind == "pattern":
        return f"{where}：含有不可打印的控制字符"
    if kind == "const":
        return f"{where}：应为 {json.dumps(error.validator_value)}，实际为{_type_name(inst)}"
    if "propertyNames" in error.schema_path:
        return f"{where}：{edition.key} 版没有 “{inst}”"
    if kind == "enum":
        allowed = "、".join(json.dumps(v, ensure_ascii=False) for v in error.validator_value)
        return f"{where}：应为 {allowed} 之一，实际为{_type_name(inst)}"
    if kind in ("minimum", "maximum"):
        return f"{where}：{inst} 超出范围"
    return f"{where}：{error.message}"


def _money(value: str | None) -> Decimal | None:
    # The schema has already matched MONEY_PATTERN, so Decimal() cannot fail here.
    return None if value is None else Decimal(value)


def _build(edition: Edition, data: dict[str, Any], source: str | None) -> Report:
    tables = data["tables"]
    cells: dict[str, Value] = {}
    for b, r in edition.proactive_rows:
        for f in b.fields:
            raw = tables["proactive"][r.key][f.key]
            cells[f"proactive.{r.key}.{f.key}"] = _money(raw) if f.kind is Kind.MONEY else raw
    for row in edition.application_rows:
        for c, v in zip(edition.columns, tables["applications"][row.key], strict=True):
            cells[f"applications.{row.key}.{c.key}"] = v
    for g in edition.appeal_groups:
        for c in edition.appeal_columns:
            cells[f"appeals.{g.key}.{c.key}"] = tables["appeals"][g.key][c.key]
    findings = [
        Finding(
            f["rule"],
            Severity(f["severity"]),
            f["message"],
            tuple(f.get("cells", ())),
            tuple(f.get("where", ())),
            f.get("source"),
        )
        for f in data.get("findings", [])
    ]
    # A cell's file is left out when it is the report's source (see Provenance.to_json).
    file = data.get("source") if isinstance(data.get("source"), str) else None
    provenance = {
        c: Provenance(**({"file": file} | p)) for c, p in data.get("provenance", {}).items()
    }
    return Report(
        edition,
        data["agency"],
        data["year"],
        {c: cells[c] for c in edition.cells},
        dict(data.get("sections", {})),
        findings,
        provenance,
    )


def to_json(report: Report, *, source: str | None = None) -> dict[str, Any]:
    """Report JSON as a dict: ``schema``, ``edition``, ``agency``, ``year``, ``tables``,
    ``sections``, ``findings`` and, when known, ``provenance`` (``source`` first if given).
    Cells printed alike may share one provenance dict: serialise the result, don't edit it."""
    out: dict[str, Any] = {"source": source} if source is not None else {}
    out |= {
        "schema": SCHEMA_VERSION,
        "edition": report.edition.key,
        "agency": report.agency,
        "year": report.year,
        "tables": report.tables(),
        "sections": dict(report.sections),
        "findings": [f.to_json() for f in report.findings],
    }
    if report.provenance:
        out["provenance"] = _provenance_json(report.provenance, source)
    return out


def _provenance_json(provenance: dict[str, Provenance], source: str | None) -> dict[str, Any]:
    """Each cell's provenance as JSON. A reader shares one `Provenance` between cells printed
    alike (a row of 0s on one line): each is turned into JSON once, and its cells share that
    dict — a caller must not change one in place."""
    done: dict[int, dict[str, Any]] = {}  # by id(): every Provenance stays alive meanwhile
    out: dict[str, Any] = {}
    for cell, p in provenance.items():
        as_json = done.get(id(p))
        if as_json is None:
            as_json = done[id(p)] = p.to_json(source=source)
        out[cell] = as_json
    return out


def dumps(
    report: Report,
    *,
    source: str | None = None,
    indent: int | None = 2,
    audit: dict[str, Any] | None = None,
) -> str:
    """Report JSON text (UTF-8, Chinese kept as is); `indent=None`: one compact line.
    `audit`: the ``audit`` object `xxgk audit --json` adds last (derived; ignored on load)."""
    data = to_json(report, source=source)
    if audit is not None:
        data["audit"] = audit
    if indent is None:
        # orjson: a JSON line for each of thousands of audited reports, several times faster
        try:
            return orjson.dumps(data).decode()
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, printed in a report
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


def save(report: Report, path: str | Path) -> None:
    Path(path).write_text(dumps(report) + "\n", encoding="utf-8")
