"""用词和引用：与构建用同一份术语表和法规登记表、同一套匹配代码（glossary.py、regulations.py）。

- L009 弃用的写法：术语表 procedures/_glossary.yml 中每个术语的“弃用写法”（如 联系会议 → 联席会议）。
- L010 引用已被替代的文件而没有说明：正文引用《信访条例》这样已被替代的文件，同一节里
  （Markdown 两个标题之间；YAML 同一项，如“依据”中的文件和说明）既没有写出现行文件，
  也没有“已被……取代/替代”之类的说明。已被替代的文件来自法规登记表（状态为已被替代的项）。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from scripts.content.glossary import DEPRECATED, Glossary
from scripts.content.model import Regulation
from scripts.content.regulations import Replacement, replacements
from scripts.problems import Problem

from .rules import problem
from .source import Source

GLOSSARY = "procedures/_glossary.yml"
REGISTER = "procedures/_regulations.yml"


@dataclass(frozen=True)
class Terminology:
    glossary: Glossary
    replaced: dict[str, Replacement]
    skip: frozenset[str] = frozenset({GLOSSARY, REGISTER})  # 这两份登记表本身列着旧写法，不检查

    @classmethod
    def from_registers(cls, glossary: Glossary, regulations: list[Regulation]) -> Terminology:
        return cls(glossary, replacements(regulations))


def check(source: Source, terms: Terminology) -> Iterator[Problem]:
    if source.shown in terms.skip:
        return
    yield from _deprecated(source, terms.glossary)
    yield from _superseded_citations(source, terms.replaced)


def _deprecated(source: Source, glossary: Glossary) -> Iterator[Problem]:
    for segment in source.segments:
        for match in glossary.find(segment.text, deprecated=True):
            if match.kind == DEPRECATED:
                yield problem(source.shown, segment.line, segment.column + match.start, "L009",
                              f"“{match.text}”是弃用的写法", f"改为“{match.term.name}”（见术语表 {GLOSSARY}）")


def _superseded_citations(source: Source, replaced: dict[str, Replacement]) -> Iterator[Problem]:
    if not replaced:
        return
    pattern = re.compile("|".join(map(re.escape, replaced)))
    blocks: dict[int, str] | None = None
    for segment in source.segments:
        for match in pattern.finditer(segment.text):
            old, new = replaced[match.group()]
            blocks = blocks or source.blocks()
            if replaced[match.group()].explained_in(blocks[segment.block]):
                continue
            current = new.name if new else "现行文件"
            yield problem(source.shown, segment.line, segment.column + match.start(), "L010",
                          f"引用了已被替代的{old.name}，这一节没有说明",
                          f"写明“{old.name}已被{current}取代”，或改为引用现行的{current}")
