"""Hand-made reports that tests share."""

from xxgk.report import Report


def unbalanced_departments() -> tuple[Report, Report]:
    """Two 2021-edition departments whose errors cancel out in their sum: 甲局 received 5
    applications it never accounts for, 乙局 printed −5 in the same cells."""
    a = Report.empty("2021", "甲局", 2022)
    b = Report.empty("2021", "乙局", 2022)
    for report, n in ((a, 5), (b, -5)):
        report["applications.new_received.natural_person"] = n
        report["applications.new_received.total"] = n
    return a, b
