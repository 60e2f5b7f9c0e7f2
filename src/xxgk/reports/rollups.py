"""汇总 of published reports over a part of the agency tree (`xxgk.report.rollup`: the cell-wise
sum, checked, each source's findings kept with its name).

Only published reports are summed. The roll-up says so wherever it is read — its title, its
section 一 on the page, and a note on every sheet of its workbook with the agencies in it and
those left out — so that a total is never taken for the whole tree's."""

from __future__ import annotations

from collections.abc import Sequence

from xxgk.report import jsonio
from xxgk.report.model import Report
from xxgk.report.render import layout, render
from xxgk.report.rollup import rollup
from xxgk.reports.selectors import AgencyStatus
from xxgk.reports.workbook import note_under_titles, to_bytes

# What a roll-up's narrative sections are: the national format's 一, 五 and 六 are each
# agency's own text, which no sum makes.
NOT_SUMMED = "各机关报告的文字部分不汇总，请查阅各机关已发布的年度报告。"


def rollup_scope(statuses: Sequence[AgencyStatus], *, year: int) -> str:
    """Which agencies a roll-up sums (count and names) and which it leaves out, in one
    paragraph."""
    included = [s.agency.name for s in statuses if _published(s)]
    excluded = [s.agency.name for s in statuses if not _published(s)]
    text = (
        f"本汇总仅为已发布{year}年度报告的{len(included)}个机关的报告逐格相加："
        f"{'、'.join(included)}。"
    )
    if excluded:
        text += f"尚未发布年度报告的{len(excluded)}个机关未计入：{'、'.join(excluded)}。"
    return text


def published_rollup(statuses: Sequence[AgencyStatus], *, name: str, year: int) -> Report | None:
    """The sum of the published reports among `statuses` as the report of `name` (the scope:
    全部机关, or an agency's part of the tree), titled as a sum of the published ones only;
    None if none is published. Section 一 says which agencies are in it and which are not."""
    reports = [
        jsonio.from_json(s.published.report_json)  # type: ignore[union-attr]
        for s in statuses
        if _published(s)
    ]
    if not reports:
        return None
    total = rollup(reports, agency=f"{name}已发布报告的{len(reports)}个机关汇总")
    total.sections = {
        "overview": rollup_scope(statuses, year=year),
        "problems": NOT_SUMMED,
        "other": NOT_SUMMED,
    }
    return total


def rollup_workbook(total: Report, statuses: Sequence[AgencyStatus], *, year: int) -> bytes:
    """The roll-up's workbook in the national layout, each table saying under its title which
    agencies are summed and which are not, and a first sheet 汇总范围 listing them."""
    scope = rollup_scope(statuses, year=year)
    book = note_under_titles(render(total, "xlsx"), total, scope)
    listing = book.create_sheet("汇总范围", 0)
    listing.append([layout.title(total)])
    listing.append([scope])
    listing.append([])
    listing.append(["机关", f"{year}年度报告"])
    for s in statuses:
        counted = (
            f"已发布（第{s.published.version}版），计入汇总"  # type: ignore[union-attr]
            if _published(s)
            else "未发布，未计入汇总"
        )
        listing.append([s.agency.name, counted])
    listing.column_dimensions["A"].width = 40
    listing.column_dimensions["B"].width = 28
    return to_bytes(book)


def _published(status: AgencyStatus) -> bool:
    return status.published is not None and bool(status.published.report_json)
