"""L011 重复的段落：同一段话（或几乎相同的一段话）出现在两处，同一文件内或不同文件之间都算。

做法：去掉标点、空格和 Markdown 符号，只留汉字、字母和数字，把每段切成连续 5 个字的小片。
很多段（5 段以上）都有的小片是固定说法（如“法规已更新”提示里的标准句子、“以现行条例为准”），
不作为判断依据；一段的其余小片中至少 80% 也出现在前面的某一段里，就是重复
（后一段是前一段的一部分也算）。

不比较的：不到 60 个字的短段（标题、来源说明等）、表格行、规程的“依据”
（多项规程引用同一文件时说明可以相同）、以 _ 开头的登记表（按设计复述正文中的定义）。
报告指向后出现的一处，并说出先出现的位置。
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from scripts.content.model import Procedure
from scripts.problems import Problem

from .rules import problem
from .source import Passage, Source

SHINGLE = 5
MIN_LENGTH = 60
COMMON = 5  # 出现在这么多段里的小片算固定说法
MIN_DISTINCT = 20  # 去掉固定说法后至少还要有这么多小片才比较
THRESHOLD = 0.8
CANDIDATES = 5
SKIPPED_KEYS = {Procedure.key_of("bases")}  # “依据”的说明常常照抄法规登记表，不算重复
NOT_TEXT = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


@dataclass(frozen=True)
class _Entry:
    shown: str
    passage: Passage
    text: str
    shingles: frozenset[str]


def normalize(text: str) -> str:
    return NOT_TEXT.sub("", unicodedata.normalize("NFKC", text).lower())


def _entries(sources: Iterable[Source]) -> Iterator[_Entry]:
    for source in sources:
        if source.path.name.startswith("_"):
            continue
        for passage in source.passages:
            if passage.key in SKIPPED_KEYS or passage.text.lstrip().startswith("|"):
                continue
            text = normalize(passage.text)
            if len(text) >= MIN_LENGTH:
                shingles = frozenset(text[i:i + SHINGLE] for i in range(len(text) - SHINGLE + 1))
                yield _Entry(source.shown, passage, text, shingles)


def check(sources: Iterable[Source], report: set[str] | None = None) -> Iterator[Problem]:
    """按顺序比较全部文件的段落；report 给出时只报告这些文件中的重复。"""
    entries = list(_entries(sources))
    frequency = Counter(s for entry in entries for s in entry.shingles)
    postings: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        distinct = frozenset(s for s in entry.shingles if frequency[s] < COMMON)
        if len(distinct) >= MIN_DISTINCT and (report is None or entry.shown in report):
            match = _best_match(distinct, entries, postings)
            if match is not None:
                yield _problem(entry, *match)
        for shingle in distinct:
            postings.setdefault(shingle, []).append(index)


def _best_match(distinct: frozenset[str], entries: list[_Entry], postings: dict[str, list[int]]) -> tuple[_Entry, float] | None:
    votes = Counter(i for s in distinct for i in postings.get(s, ()))
    best = None
    for index, _ in votes.most_common(CANDIDATES):
        covered = len(distinct & entries[index].shingles) / len(distinct)
        if covered >= THRESHOLD and (best is None or covered > best[1]):
            best = (entries[index], covered)
    return best


def _problem(entry: _Entry, original: _Entry, covered: float) -> Problem:
    line = original.passage.line
    where = f"第 {line} 行" if original.shown == entry.shown else f" {original.shown}:{line} "
    if entry.text == original.text:
        how = "完全相同"
    elif entry.text in original.text:
        how = "相同（是那一段的一部分）"
    else:
        how = f"几乎相同（{covered:.0%} 的文字相同）"
    return problem(entry.shown, entry.passage.line, entry.passage.column, "L011",
                   f"这一段与{where}的段落{how}",
                   "删去重复的一处，或改写成不同的内容；需要引用时写一句话并加链接")
