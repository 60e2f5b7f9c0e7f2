"""The JSON Schema of a report, generated from an edition's definition."""

from __future__ import annotations

from typing import Any

from xxgk.report.edition import Edition, Kind
from xxgk.report.tally import Verdict

SCHEMA_VERSION = 1

# Negative money is loadable (a reader may read it as printed); `values.negative` flags it.
MONEY_PATTERN = r"^-?\d+(\.\d+)?$"
# Text may hold tabs and line breaks but no other control character (Word and Excel refuse them).
TEXT_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$"
_TEXT: dict[str, Any] = {"type": "string", "pattern": TEXT_PATTERN}

_COUNT: dict[str, Any] = {"type": ["integer", "null"]}
_SIGNED: dict[str, Any] = {"type": ["integer", "null"]}
_MONEY: dict[str, Any] = {
    "type": ["string", "null"],
    "pattern": MONEY_PATTERN,
    "description": "元 (yuan), a decimal string",
}
_VALUE = {Kind.COUNT: _COUNT, Kind.SIGNED: _SIGNED, Kind.MONEY: _MONEY}


def _object(properties: dict[str, Any], description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        out["description"] = description
    return out


def json_schema(edition: Edition) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) that accepts exactly the valid reports of this edition."""
    proactive = _object(
        {
            r.key: _object(
                {f.key: {**_VALUE[f.kind], "title": f.label.text} for f in b.fields},
                r.label.text,
            )
            for b, r in edition.proactive_rows
        }
    )
    row = {
        "type": "array",
        "items": _COUNT,
        "minItems": len(edition.columns),
        "maxItems": len(edition.columns),
        "description": " / ".join(c.key for c in edition.columns),
    }
    applications = _object(
        {r.key: {**row, "title": r.label.text} for r in edition.application_rows}
    )
    appeals = _object(
        {
            g.key: _object(
                {c.key: {**_COUNT, "title": c.label.text} for c in edition.appeal_columns},
                g.label.text,
            )
            for g in edition.appeal_groups
        }
    )
    finding = {
        "type": "object",
        "required": ["rule", "severity", "message"],
        "properties": {
            "rule": {"type": "string", "minLength": 1},
            "severity": {"enum": ["error", "warning"]},
            "message": {"type": "string"},
            "cells": {"type": "array", "items": {"type": "string"}},
            "where": {"type": "array", "items": {"type": "string"}},
            "source": {"type": "string"},
        },
    }
    provenance = {
        "type": "object",
        "required": ["form"],
        "properties": {
            "form": {"type": "string"},
            "file": {"type": "string"},
            "page": {"type": "integer"},
            "line": {"type": "integer"},
            "text": {"type": "string"},
            "blank": {"type": "boolean"},
            "derived": {"type": "boolean"},
            "inferred": {"type": "boolean"},
        },
        "additionalProperties": False,
    }
    # what `xxgk audit --json` adds: the findings counted by whom they blame (xxgk.report.tally)
    audit = {
        "type": "object",
        "properties": {
            "verdict": {"enum": [str(v) for v in Verdict]},
            "rule_errors": {"type": "integer", "minimum": 0},
            "unreadable_cells": {"type": "integer", "minimum": 0},
            "warnings": {"type": "integer", "minimum": 0},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"政府信息公开工作年度报告（{edition.title}）",
        "type": "object",
        "required": ["edition", "agency", "year", "tables"],
        "properties": {
            "schema": {"const": SCHEMA_VERSION},
            "edition": {"const": edition.key},
            "agency": _TEXT,
            "year": {"type": "integer", "minimum": 1900, "maximum": 2999},
            "tables": _object(
                {"proactive": proactive, "applications": applications, "appeals": appeals}
            ),
            "sections": {
                "type": "object",
                "propertyNames": {"enum": [s.key for s in edition.sections]},
                "additionalProperties": _TEXT,
            },
            "findings": {"type": "array", "items": finding},
            "provenance": {
                "type": "object",
                "propertyNames": {"enum": list(edition.cells)},
                "additionalProperties": provenance,
            },
            "source": {"type": "string"},
            "audit": audit,
        },
    }
