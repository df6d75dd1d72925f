"""问题（错误、警告）的统一表示：每条都指明文件、行、列、规则编号和修改建议。"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# 报告里不能原样打印的字符：控制字符（换行除外）、格式字符（双向控制、零宽字符、软连字符）、
# 行/段分隔符、私用区和代理码位。原样打印时，U+202E 之类会让终端把这一行倒过来显示。
_CANDIDATE = re.compile("[^\x20-\x7e\n]")  # 可打印的 ASCII 和换行以外的字符，再逐个判断


def _shown_char(match: re.Match) -> str:
    char = match.group()
    category = unicodedata.category(char)
    if category == "Zs" or (char.isprintable() and category not in ("Cf", "Co")):
        return char
    return f"U+{ord(char):04X}"


def visible(text: str) -> str:
    """把看不见的字符和控制字符写成 U+202E 的样子；其余文字原样保留。"""
    return _CANDIDATE.sub(_shown_char, text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" 或 "warning"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column} [{self.code}] {self.message}"
        return visible(f"{text} → {self.hint}" if self.hint else text)


class ManualError(Exception):
    """本手册的工具预料得到的错误。它的文字就是给编辑看的说明（中文、指明文件和改法）：
    命令行（python -m scripts、make）打印这段文字并以退出码 1 结束，不打印调用栈。

    子类：ProblemsFound（内容的问题，可以有很多条）、BuildFailed（构建没有完成，旧站点不变）、
    CspError（页面里有不允许的写法）、WorkerMismatch（搜索 worker 与修正对不上）、
    YamlLoadError 和 RefusedFile（读取时的问题，最后都汇进 ProblemsFound）、ScaffoldError（make new）。
    """


class ProblemsFound(ManualError):
    """内容有错误：携带全部问题，而不是只报第一个。"""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [str(p) for p in self.problems]
        lines.append(f"共发现 {len(errors)} 个错误，构建已停止；请按提示修改后重新构建。")
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """报告中的文件名：相对项目根目录，统一用“/”。"""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
