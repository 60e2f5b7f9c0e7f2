"""Render a report in the national layout: html, docx, xlsx, pdf, md, txt, json.

Every form is laid out from the edition definition (`xxgk.report.render.layout`); no form has a
template of its own per edition. `render(report, form)` gives the bytes to write.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from xxgk.report.model import Finding, Report
from xxgk.report.render.errors import RenderError

# form → (module, file suffix); text forms are encoded as UTF-8
FORMS: dict[str, tuple[str, str]] = {
    "html": ("html", ".html"),
    "docx": ("docx", ".docx"),
    "xlsx": ("xlsx", ".xlsx"),
    "pdf": ("pdf", ".pdf"),
    "md": ("markdown", ".md"),
    "txt": ("text", ".txt"),
    "json": ("json", ".json"),
}

__all__ = ["FORMS", "RenderError", "UnknownForm", "render", "suffix"]


class UnknownForm(RenderError):
    """No renderer for that form."""


def suffix(form: str) -> str:
    """The file suffix of a form (``.md`` for ``md``)."""
    return _entry(form)[1]


def render(
    report: Report,
    form: str,
    *,
    findings: Sequence[Finding] | None = None,
    fragment: bool = False,
) -> bytes:
    """The report in `form` as bytes. `findings`: highlight the cells they name and list them.
    `fragment` (html only): the embeddable ``<article>`` instead of a whole page."""
    module = importlib.import_module(f"{__name__}.{_entry(form)[0]}")
    if form == "html":
        out = module.render(report, findings=findings, fragment=fragment)
    else:
        out = module.render(report, findings=findings)
    return out.encode("utf-8") if isinstance(out, str) else out


def _entry(form: str) -> tuple[str, str]:
    try:
        return FORMS[form]
    except KeyError:
        known = "、".join(FORMS)
        raise UnknownForm(f"不支持的输出格式“{form}”（可用：{known}）") from None
