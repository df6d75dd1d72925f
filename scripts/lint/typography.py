"""L012 中文排版：用 autocorrect 检查全角标点、全角字符和标点旁的空格。

设置在项目根目录的 .autocorrectrc：本手册中文与数字、英文之间不加空格，所以关掉了
autocorrect 默认的加空格规则，其余保留。只检查读者看得到的正文（代码、链接地址等已去掉）。
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

import autocorrect_py as autocorrect

from scripts import ROOT
from scripts.problems import Problem

from .rules import problem
from .source import Source

CONFIG = ".autocorrectrc"
CONTEXT = 4  # 报告中改动前后各显示几个字


_loaded: str | None = None


def configure(root: Path) -> None:
    """读取 root 下的 .autocorrectrc（没有时用本仓库的）；autocorrect 的设置是全局的，变了才重新加载。"""
    global _loaded
    config = root / CONFIG if (root / CONFIG).is_file() else ROOT / CONFIG
    text = config.read_text(encoding="utf-8")
    if text != _loaded:
        autocorrect.load_config(text)  # type: ignore[attr-defined]  # 包里有这个函数，类型信息里没有
        _loaded = text


def check(source: Source) -> Iterator[Problem]:
    """检查前先调用一次 configure()。"""
    for segment in source.segments:
        old = segment.text
        new = autocorrect.format(old)
        if new == old:
            continue
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            left, right = old[max(0, i1 - CONTEXT):i1], old[i2:i2 + CONTEXT]
            before, after = left + old[i1:i2] + right, left + new[j1:j2] + right  # 只改这一处
            yield problem(source.shown, segment.line, segment.column + i1, "L012",
                          f"中文排版：“{before.strip()}”{_what(old[i1:i2], new[j1:j2])}",
                          f"改成“{after.strip()}”")


def _what(old: str, new: str) -> str:
    if not new.strip() and not old.strip():
        return "中有多余的空格"
    if old.strip() and all(ord(c) < 128 for c in old.strip()):
        return "中用了半角标点或字符"
    return "中的字符需要调整"
