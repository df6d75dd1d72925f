"""乱码和混进来的字符。

- L003 乱码字符：□、替换字符 U+FFFD、控制字符、私用区字符、零宽字符、中文之间的“[]”。
- L004 中文里的半角括号或引号：“县(市、区)”“"标题"”。半角逗号、句号、冒号等由 L012（autocorrect）检查。
- L005 形近字符：data/lookalikes.yml 中的字符，以及康熙部首、兼容汉字等看起来和常用汉字一样的字符。
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from scripts.problems import Problem

from .data import load
from .rules import problem
from .source import Segment, Source

CJK = r"\u3400-\u9fff"
GARBLED = re.compile(
    "[\u25a1\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff\u200b-\u200d\u2060\ufeff]"
    rf"|锟斤拷|烫烫烫|屯屯屯|(?<=[{CJK}])\[\](?=[{CJK}0-9])"
)
PAREN_PAIR = re.compile(r"\(([^()\n]*)\)")
LONE_PAREN = re.compile(rf"(?<=[{CJK}])[()]|[()](?=[{CJK}])")
QUOTE_PAIR = re.compile(r'"([^"\n]*)"')
HAS_CJK = re.compile(rf"[{CJK}]")
# 看起来和常用汉字一样、其实是另一个字符的区段：由 NFKC 换算出标准汉字。
RADICAL_RANGES = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


def check(source: Source) -> Iterator[Problem]:
    for segment in source.segments:
        yield from _garbled(source.shown, segment)
        yield from _halfwidth(source.shown, segment)
        yield from _lookalikes(source.shown, segment)


def _garbled(shown: str, segment: Segment) -> Iterator[Problem]:
    for match in GARBLED.finditer(segment.text):
        text = match.group()
        visible = text if text.isprintable() and text.strip() else ""
        name = f"“{visible}”（U+{ord(text):04X}）" if len(text) == 1 and visible else (
            f"“{visible}”" if visible else f"看不见的字符 U+{ord(text[0]):04X}")
        yield problem(shown, segment.line, segment.column + match.start(), "L003", f"乱码字符：{name}",
                      "对照原文确定这里原本是什么字或标点，改正或删除")


def _halfwidth(shown: str, segment: Segment) -> Iterator[Problem]:
    text = segment.text
    reported: set[int] = set()
    for match in PAREN_PAIR.finditer(text):
        start, end = match.span()
        inside_cjk = HAS_CJK.search(match.group(1))
        beside_cjk = (start > 0 and HAS_CJK.match(text[start - 1])) or (end < len(text) and HAS_CJK.match(text[end]))
        if inside_cjk or beside_cjk:
            reported.update((start, end - 1))
            yield problem(shown, segment.line, segment.column + start, "L004",
                          f"中文里用了半角括号：“{match.group()}”", f"改成全角括号：“（{match.group(1)}）”")
    for match in LONE_PAREN.finditer(text):
        if match.start() not in reported:
            full = "（" if match.group() == "(" else "）"
            yield problem(shown, segment.line, segment.column + match.start(), "L004",
                          f"中文里用了半角括号“{match.group()}”", f"改成全角括号“{full}”")
    for match in QUOTE_PAIR.finditer(text):
        if HAS_CJK.search(match.group(1)):
            yield problem(shown, segment.line, segment.column + match.start(), "L004",
                          f"中文里用了英文引号：{match.group()}", f"改成中文引号：“{match.group(1)}”")


@lru_cache(maxsize=1)
def _lookalike_table() -> tuple[dict[str, dict], re.Pattern]:
    table = {entry["字符"]: entry for entry in load("lookalikes.yml")}
    pattern = re.compile("[" + "".join(re.escape(c) for c in table) + "]|" + RADICAL_RANGES.pattern)
    return table, pattern


def _lookalikes(shown: str, segment: Segment) -> Iterator[Problem]:
    table, pattern = _lookalike_table()
    text = segment.text
    for match in pattern.finditer(text):
        char, index = match.group(), match.start()
        entry = table.get(char)
        if entry is None:
            wanted, note = unicodedata.normalize("NFKC", char), _block_name(char)
            if wanted == char:
                continue
        else:
            wanted, note = entry["改为"], entry.get("说明", "")
            if entry.get("只在英文词中"):
                around = text[max(0, index - 1):index] + text[index + 1:index + 2]
                if not re.search("[A-Za-z]", around):
                    continue
        detail = f"，{note}" if note else ""
        yield problem(shown, segment.line, segment.column + index, "L005",
                      f"形近字符“{char}”（U+{ord(char):04X}{detail}）", f"改成“{wanted}”")


def _block_name(char: str) -> str:
    code = ord(char)
    if 0x2F00 <= code <= 0x2FDF:
        return "康熙部首"
    if 0x2E80 <= code <= 0x2EFF:
        return "部首补充"
    return "兼容汉字"
