from decimal import Decimal
from pathlib import Path

import pytest

from xxgk.report import Report, editions, load

DEMO = Path(__file__).parents[3] / "src/xxgk/demo/changzhou-fao-2020.json"


@pytest.fixture
def sample() -> Report:
    """The demo report (2019 edition, 常州市外办 2020)."""
    return load(DEMO)


def filled(edition: str) -> Report:
    """A report whose every count cell holds a different number (so a cell printed in the wrong
    place shows), with money and a negative signed count where the edition has them."""
    ed = editions.get(edition)
    report = Report.empty(ed, "某某市生态环境局", 2019 if edition == "2019" else 2022)
    for n, cell in enumerate(ed.cells, 1):
        report[cell] = n
    for cell in ed.units:
        report[cell] = Decimal("1234567.89")
    if "proactive.fees.change" in report.cells:
        report["proactive.fees.change"] = -8
    report.sections = {s.key: f"{s.heading}的正文。\n第二段。" for s in ed.sections}
    return report


@pytest.fixture(params=["2019", "2021"])
def any_edition(request) -> Report:
    return filled(request.param)
