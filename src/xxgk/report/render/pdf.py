"""The report as PDF: the standalone HTML page typeset by WeasyPrint with a CJK font found on
this machine (fontconfig). Without one every Chinese character would print as a box, so rendering
stops with a message naming the package to install."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from xxgk.report.model import Finding, Report
from xxgk.report.render import html
from xxgk.report.render.errors import RenderError

# Families tried in order: a 仿宋 face as the form prints, then serif, then any CJK face.
_PREFERRED = (
    "FangSong_GB2312",
    "仿宋_GB2312",
    "FangSong",
    "仿宋",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "思源宋体",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "思源黑体",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)

NO_FONT = (
    "未找到中文字体，无法生成 PDF（否则汉字会显示为方框）。"
    "请安装中文字体后重试：Debian/Ubuntu 执行 apt-get install fonts-noto-cjk"
    "（或 fonts-wqy-zenhei）；Fedora 执行 dnf install google-noto-serif-cjk-fonts；"
    "macOS、Windows 已自带中文字体"
)


NO_PANGO = (
    "无法生成 PDF：缺少 WeasyPrint 所需的系统库 Pango。"
    "Debian/Ubuntu 执行 apt-get install libpango-1.0-0 libpangoft2-1.0-0 后重试"
)


class NoCJKFont(RenderError):
    """No font on this machine covers Chinese."""


def cjk_families() -> list[str]:
    """Font families fontconfig says cover Chinese (``fc-list :lang=zh family``)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        done = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    names: list[str] = []
    for line in done.stdout.splitlines():
        for name in line.split(","):
            name = name.strip().replace("\\-", "-")
            if name and name not in names:
                names.append(name)
    return names


def choose_font(families: Sequence[str]) -> str:
    """The family to print with: the first preferred one installed, else any CJK family."""
    for name in _PREFERRED:
        if name in families:
            return name
    if families:
        return sorted(families)[0]
    raise NoCJKFont(NO_FONT)


def render(report: Report, *, findings: Sequence[Finding] | None = None) -> bytes:
    """The report as a PDF document (A4, official margins, page numbers)."""
    family = choose_font(cjk_families())
    try:
        from weasyprint import HTML  # heavy: imported only when a PDF is asked for
    except OSError as e:  # WeasyPrint loads Pango, a system library, when imported
        raise RenderError(f"{NO_PANGO}（{e}）") from None

    # The found face goes first so that WeasyPrint does not pick a Latin face's CJK fallback.
    face = f'font-family: "{family}", serif;'
    extra = f".xxgk-report, .xxgk-report h1, .xxgk-report h2 {{ {face} }}\n"
    extra += f"@page {{ @bottom-center {{ {face} }} }}\n"
    page = html.render(report, findings=findings, extra_css=extra)
    pdf = HTML(string=page).write_pdf()
    assert pdf is not None  # write_pdf returns bytes when no target is given
    return pdf
