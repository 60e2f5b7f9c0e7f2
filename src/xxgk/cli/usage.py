"""A command line used wrongly, said in Chinese: Typer's click (vendored, with no gettext to
translate it) says it in English only. The usage line, the English message and the help hint
stay as click prints them; a line in Chinese comes first, in the `错误：` form of every other
xxgk error."""

from __future__ import annotations

import re
import sys

from typer._click import exceptions as click_errors  # Typer's own click, as app.py uses

_KINDS = {"argument": "参数", "option": "选项"}
_NOT_A_NUMBER = re.compile(r"'(.*)' is not a valid (int|integer|float)\.")
_OUT_OF_RANGE = re.compile(r"(.*) is not in the range (.*)\.")
_EXTRA = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)")


def _value(e: click_errors.BadParameter, name: str) -> str:
    if found := _NOT_A_NUMBER.fullmatch(e.message):
        wanted = "整数" if found[2] != "float" else "数"
        return f"{name} 应当是{wanted}，不能是 '{found[1]}'"
    if found := _OUT_OF_RANGE.fullmatch(e.message):
        return f"{name} 的值 {found[1]} 超出范围 {found[2]}"
    return f"{name} 的值无效（原因见下面的英文说明）"


def _hint(e: click_errors.BadParameter) -> str:
    """The parameter as it was typed (``'--jobs' / '-j'``), as click's own message names it."""
    if e.param is None or e.ctx is None:
        return ""
    return e.param.get_error_hint(e.ctx)


def chinese(e: click_errors.UsageError) -> str:
    """What went wrong, in Chinese (names as they were typed)."""
    if isinstance(e, click_errors.NoSuchOption):
        maybe = "，".join(e.possibilities or [])
        return f"没有这个选项：{e.option_name}" + (f"（可用的选项：{maybe}）" if maybe else "")
    if isinstance(e, click_errors.MissingParameter):
        kind = _KINDS.get(e.param.param_type_name, "参数") if e.param is not None else "参数"
        return f"缺少{kind} {_hint(e)}".rstrip()
    if isinstance(e, click_errors.BadParameter):
        return _value(e, _hint(e)).lstrip()
    if isinstance(e, click_errors.BadOptionUsage):
        if "requires" in e.message:
            return f"选项 {e.option_name} 后面缺少它的值"
        if "does not take a value" in e.message:
            return f"选项 {e.option_name} 不带值"
        return f"选项 {e.option_name} 的用法不对"
    message = e.message
    if message.startswith("No such command"):
        return f"没有这个命令：{message.split(' ', 3)[-1].strip(chr(39) + '.')}"
    if found := _EXTRA.fullmatch(message):
        return f"多余的参数：{found[1]}"
    return "命令行的用法不对"


def show(e: click_errors.ClickException) -> None:
    """Print `e` for the user: the Chinese line first, then click's own lines."""
    if isinstance(e, click_errors.NoArgsIsHelpError):
        e.show()  # `xxgk` alone: its help, as click prints it
        return
    if not isinstance(e, click_errors.UsageError):
        print(f"错误：{e.format_message()}", file=sys.stderr)
        return
    print(f"错误：{chinese(e)}", file=sys.stderr)
    e.show()
