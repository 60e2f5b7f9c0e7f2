"""The edition definitions match the national format (spec §1–§2) and hold together."""

import pytest

from xxgk.report import editions
from xxgk.report.edition import CellRule, EqualityRule, Kind

ROW_KEYS_2019 = [
    "new_received", "carried_over", "granted", "partial",
    "denied_state_secret", "denied_law_forbidden", "denied_three_safeties", "denied_third_party",
    "denied_internal_affairs", "denied_process_info", "denied_enforcement_file",
    "denied_admin_query", "unable_not_held", "unable_needs_creation",
    "unable_unclear_after_correction", "not_processed_petition", "not_processed_duplicate",
    "not_processed_publication", "not_processed_massive", "not_processed_confirm",
    "other", "total", "carried_forward",
]  # fmt: skip
ROW_KEYS_2021 = [
    *ROW_KEYS_2019[:20], "other_no_correction", "other_no_fee", "other_other",
    "total", "carried_forward",
]  # fmt: skip


def test_both_editions_are_discovered_oldest_first():
    assert list(editions.all_editions()) == ["2019", "2021"]


@pytest.mark.parametrize(
    ("year", "key"),
    [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2026, "2021"), (2010, "2019")],
)
def test_edition_in_force_for_a_year(year, key):
    assert editions.for_year(year).key == key


def test_unknown_edition_is_refused_with_the_known_ones():
    with pytest.raises(editions.UnknownEdition, match="没有 2030 版报告格式（已知：2019、2021）"):
        editions.get("2030")


@pytest.mark.parametrize(("key", "rows"), [("2019", ROW_KEYS_2019), ("2021", ROW_KEYS_2021)])
def test_table_3_rows_in_printed_order(key, rows):
    assert [r.key for r in editions.get(key).application_rows] == rows


@pytest.mark.parametrize(
    ("key", "proactive", "table3", "results_span"), [("2019", 22, 161, 20), ("2021", 10, 175, 22)]
)
def test_cell_counts_and_the_results_rowspan(key, proactive, table3, results_span):
    ed = editions.get(key)
    assert len([c for c in ed.cells if c.startswith("proactive.")]) == proactive
    assert len([c for c in ed.cells if c.startswith("applications.")]) == table3
    assert len([c for c in ed.cells if c.startswith("appeals.")]) == 15
    assert sum("results" in r.groups for r in ed.application_rows) == results_span


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_merged_headers_cover_every_column_once(key):
    ed = editions.get(key)
    # Lay the header out on a grid, as a renderer would, and check it is exactly full.
    for header, width, leaves in (
        (ed.application_header, 10, [c.key for c in ed.columns]),
        (
            ed.appeal_header,
            15,
            [f"{g.key}.{c.key}" for g in ed.appeal_groups for c in ed.appeal_columns],
        ),
    ):
        grid = [[None] * width for _ in header]
        for r, row in enumerate(header):
            c = 0
            for cell in row:
                while grid[r][c] is not None:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        assert grid[r + dr][c + dc] is None
                        grid[r + dr][c + dc] = cell
                c += cell.colspan
        assert all(all(x is not None for x in row) for row in grid)
        bottom = [cell.column for cell in dict.fromkeys(grid[-1]) if cell.column]
        assert bottom == leaves


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_every_rule_names_existing_cells(key):
    ed = editions.get(key)
    for rule in (*ed.rules, *ed.cross_year_rules):
        cells = rule.cells if isinstance(rule, CellRule) else [t.cell for t in rule.terms]
        assert set(cells) <= set(ed.cells), rule


@pytest.mark.parametrize("key", ["2019", "2021"])
def test_rule_ids_are_those_of_report_json(key):
    ed = editions.get(key)
    ids = {r.id for r in ed.rules if isinstance(r, EqualityRule)}
    cols = [c.key for c in ed.columns]
    assert {f"applications.balance.{c}" for c in cols} <= ids
    assert {f"applications.outcomes.{c}" for c in cols} <= ids
    assert {f"applications.row_total.{r.key}" for r in ed.application_rows} <= ids
    assert {
        f"appeals.total.{g}" for g in ("review", "litigation_direct", "litigation_after_review")
    } <= ids
    assert len(ids) == 2 * 7 + len(ed.application_rows) + 3


def test_only_2019_change_may_be_negative_and_money_units_are_printed_units():
    assert [c for c, k in editions.get("2019").kinds.items() if k is Kind.SIGNED] == [
        "proactive.licensing.change",
        "proactive.other_services.change",
        "proactive.penalties.change",
        "proactive.enforcement.change",
        "proactive.fees.change",
    ]
    assert editions.get("2019").units == {"proactive.procurement.amount": "元"}
    assert editions.get("2021").units == {"proactive.fees.amount": "万元"}


def test_outcome_rows_carry_their_legal_grounds():
    ed = editions.get("2021")
    assert "第三十七条" in ed.application_row("partial").grounds[0]
    assert all(r.grounds for r in ed.outcome_rows if r.key != "other_other")
