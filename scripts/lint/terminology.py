"""用词和引用。

- L009 弃用的写法：术语表 procedures/_glossary.yml 中每个术语的“弃用写法”（如 联系会议 → 联席会议）。
  术语表还没有建立时这条规则不报任何问题。
- L010 引用已被替代的文件而没有说明：正文引用《信访条例》这样已被替代的文件，同一节里
  （Markdown 两个标题之间；YAML 同一项，如“依据”中的文件和说明）既没有写出现行文件，
  也没有“已被……取代/替代”之类的说明。已被替代的文件来自 data/superseded.yml 和
  法规登记表 procedures/_regulations.yml（状态为已被替代/已废止的项）。
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from .data import load
from .rules import problem
from .source import Source

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
GLOSSARY = "procedures/_glossary.yml"
REGISTER = "procedures/_regulations.yml"
TERM_KEYS = ("术语", "名称", "词条")
ALIAS_KEYS = ("别称", "别名", "又称", "同义词")
DEPRECATED_KEYS = ("弃用写法", "弃用", "错误写法", "不规范写法", "误写")
WRONG_KEYS = ("写法", "弃用", "错误", "误写")
PREFERRED_KEYS = ("改为", "推荐", "正确", "规范写法", "术语")
TITLE_KEYS = ("名称", "标题", "文件", "全称")
REPLACEMENT_KEYS = ("替代为", "被替代为", "取代者", "替代文件", "现行文件", "新文件")
NOTE = re.compile(r"已被[^。；\n]{0,30}?(?:取代|替代|废止)|(?:已|现已)(?:废止|失效)|被[^。；\n]{0,20}?(?:取代|替代)")


@dataclass(frozen=True)
class Deprecated:
    wrong: str
    preferred: str


@dataclass(frozen=True)
class Superseded:
    title: str
    replacement: str
    replacement_id: str = ""  # 现行文件在法规登记表中的编号（YAML“依据”里写的是编号）

    def explained_in(self, text: str) -> bool:
        """这段文字写出了现行文件，或说明了旧文件已被替代。"""
        named = any(name and name in text for name in (self.replacement, self.replacement_id))
        return named or NOTE.search(text) is not None


@dataclass(frozen=True)
class Terminology:
    deprecated: tuple[Deprecated, ...]
    protected: tuple[str, ...]  # 规范的术语和别名：弃用写法恰好是它们的一部分时不报
    superseded: tuple[Superseded, ...]
    skip: frozenset[str]  # 术语表和法规登记表本身列着旧写法，不检查

    @classmethod
    def from_root(cls, root: Path) -> Terminology:
        glossary = _read(root / GLOSSARY)
        register = _read(root / REGISTER)
        deprecated, protected = _glossary_terms(glossary)
        superseded = {s.title: s for s in _superseded(load("superseded.yml"), {})}
        superseded.update({s.title: s for s in _superseded(register, _titles_by_id(register))})
        return cls(tuple(deprecated), tuple(protected), tuple(superseded.values()), frozenset({GLOSSARY, REGISTER}))


def _read(path: Path) -> list[dict[str, Any]]:
    """读取术语表或登记表：列表，或包着一个列表的映射；文件不存在或有错时当作空的（构建会报它的错）。"""
    if not path.is_file():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return []
    if isinstance(data, dict):
        data = next((value for value in data.values() if isinstance(value, list)), [])
    return [entry for entry in data or [] if isinstance(entry, dict)]


def _first(entry: dict[str, Any], keys: Iterable[str]) -> Any:
    return next((entry[key] for key in keys if entry.get(key)), None)


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value] if value else []


def _glossary_terms(entries: list[dict[str, Any]]) -> tuple[list[Deprecated], list[str]]:
    deprecated, protected = [], []
    for entry in entries:
        term = _first(entry, TERM_KEYS)
        if not isinstance(term, str):
            continue
        protected.append(term)
        protected += [a for a in _as_list(_first(entry, ALIAS_KEYS)) if isinstance(a, str)]
        for item in _as_list(_first(entry, DEPRECATED_KEYS)):
            if isinstance(item, str):
                deprecated.append(Deprecated(item, term))
            elif isinstance(item, dict) and isinstance(_first(item, WRONG_KEYS), str):
                deprecated.append(Deprecated(_first(item, WRONG_KEYS), str(_first(item, PREFERRED_KEYS) or term)))
    return [d for d in deprecated if d.wrong and d.wrong != d.preferred], protected


def _titles_by_id(entries: list[dict[str, Any]]) -> dict[str, str]:
    return {str(e["编号"]): str(_first(e, TITLE_KEYS)).strip() for e in entries if e.get("编号") and _first(e, TITLE_KEYS)}


def _superseded(entries: list[dict[str, Any]], titles: dict[str, str]) -> Iterator[Superseded]:
    for entry in entries:
        title = _first(entry, TITLE_KEYS)
        status = str(entry.get("状态", ""))
        replacement = _first(entry, REPLACEMENT_KEYS)
        if not isinstance(title, str) or not (replacement or re.search("替代|取代|废止|失效", status)):
            continue
        if replacement is None:
            named = re.search(r"《[^》]+》", status)
            replacement = named.group() if named else ""
        replacement = str(replacement)
        if replacement in titles:
            yield Superseded(title.strip(), titles[replacement], replacement)
        else:
            yield Superseded(title.strip(), replacement.strip())


def check(source: Source, terms: Terminology) -> Iterator[Problem]:
    if source.shown in terms.skip:
        return
    yield from _deprecated(source, terms)
    yield from _superseded_citations(source, terms)


def _deprecated(source: Source, terms: Terminology) -> Iterator[Problem]:
    if not terms.deprecated:
        return
    by_wrong = {d.wrong: d for d in terms.deprecated}
    pattern = re.compile("|".join(map(re.escape, sorted(by_wrong, key=len, reverse=True))))
    protected = re.compile("|".join(map(re.escape, sorted(terms.protected, key=len, reverse=True)))) if terms.protected else None
    for segment in source.segments:
        safe = [m.span() for m in protected.finditer(segment.text)] if protected else []
        for match in pattern.finditer(segment.text):
            if any(start <= match.start() and match.end() <= end for start, end in safe):
                continue
            wanted = by_wrong[match.group()].preferred
            yield problem(source.shown, segment.line, segment.column + match.start(), "L009",
                          f"“{match.group()}”是弃用的写法", f"改为“{wanted}”（见术语表 {GLOSSARY}）")


def _superseded_citations(source: Source, terms: Terminology) -> Iterator[Problem]:
    if not terms.superseded:
        return
    by_title = {s.title: s for s in terms.superseded}
    pattern = re.compile("|".join(map(re.escape, by_title)))
    blocks: dict[int, str] | None = None
    for segment in source.segments:
        for match in pattern.finditer(segment.text):
            old = by_title[match.group()]
            blocks = blocks or source.blocks()
            if old.explained_in(blocks[segment.block]):
                continue
            current = old.replacement or "现行文件"
            yield problem(source.shown, segment.line, segment.column + match.start(), "L010",
                          f"引用了已被替代的{old.title}，这一节没有说明",
                          f"写明“{old.title}已被{current}取代”，或改为引用现行的{current}")
