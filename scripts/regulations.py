"""法规登记表（procedures/_regulations.yml）：规程的“依据”按编号引用这里登记的文件。

登记表写明每份文件的名称、发布机关、文号、施行日期、状态（现行、已被替代、地方性文件、
内部细则）和适用范围。构建时检查引用是否存在，清单页的“依据”显示文件全称和状态，
“法规与文件”索引页列出每份文件和依据它的规程。

给编辑检查用的函数：superseded_mentions(text) 找出正文中引用已被替代的文件、
却没有同时说明已被替代的地方。
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import yaml

from . import ROOT
from .problems import Problem
from .yaml_loader import LoadedYaml

REGISTER = "_regulations.yml"
SUPERSEDED = "已被替代"
# 同一段里出现这些字样，就算已经说明了文件被替代。
EXPLAINED = re.compile(r"已被(?:其)?(?:替代|取代|废止)|已经被(?:替代|取代|废止)|被.{0,12}(?:替代|取代)|已废止|已失效")


def by_id(regulations: list[dict]) -> dict[str, dict]:
    return {r["编号"]: r for r in regulations}


def full_title(regulation: dict) -> str:
    """文件全称加上发布机关、文号和施行日期，如“《信访条例》（国务院，国务院令第431号，2005年5月1日起施行）”。

    地方性文件和内部细则的发布机关常常只是推断，不放进全称。
    """
    parts = []
    if regulation.get("发布机关") and regulation["状态"] in ("现行", SUPERSEDED):
        parts.append(regulation["发布机关"])
    if regulation.get("文号"):
        parts.append(regulation["文号"])
    if regulation.get("施行日期"):
        year, month, day = (int(n) for n in regulation["施行日期"].split("-"))
        parts.append(f"{year}年{month}月{day}日起施行")
    return regulation["名称"] + (f"（{'，'.join(parts)}）" if parts else "")


def register_problems(loaded: LoadedYaml, shown: str) -> list[Problem]:
    """登记表内部的含义检查：“替代为”必须指向另一份已登记、且本身没有被替代的文件。"""
    problems = []
    known = by_id(loaded.data)
    for index, entry in enumerate(loaded.data):
        target = entry.get("替代为")
        if target is None:
            continue
        line, column = loaded.position((index, "替代为"))
        if entry["状态"] != SUPERSEDED:
            problems.append(Problem(shown, line, column, "C021", f"“{entry['编号']}”的状态是“{entry['状态']}”，却写了“替代为”",
                                    "把状态改为“已被替代”，或删除“替代为”"))
        elif target == entry["编号"]:
            problems.append(Problem(shown, line, column, "C021", "“替代为”不能指向自己", "写取代它的那份文件的编号"))
        elif target not in known:
            problems.append(Problem(shown, line, column, "C020", f"“替代为”引用的法规编号“{target}”没有登记",
                                    "先在 procedures/_regulations.yml 中登记取代它的文件，或检查编号拼写"))
        elif known[target]["状态"] == SUPERSEDED:
            problems.append(Problem(shown, line, column, "C021", f"“替代为”指向的“{target}”本身也已被替代",
                                    f"直接写现行文件的编号（“{target}”的“替代为”）"))
    return problems


def basis_problems(data: dict, loaded: LoadedYaml, shown: str, known: set[str]) -> list[Problem]:
    """规程“依据”中的每个“文件”必须是登记表中的编号。"""
    problems = []
    for index, basis in enumerate(data.get("依据", [])):
        if basis["文件"] not in known:
            line, column = loaded.position(("依据", index, "文件"))
            problems.append(Problem(shown, line, column, "C020", f"依据的法规编号“{basis['文件']}”没有登记",
                                    "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号"))
    return problems


# ---- 编辑检查 ---------------------------------------------------------------

class Mention(NamedTuple):
    """正文中一处没有说明已被替代的引用。line、column 从 1 开始，column 按字符计。"""

    line: int
    column: int
    found: str        # 原文中的写法，如“《信访条例》”
    current: str      # 取代它的现行文件，如“《信访工作条例》”


@cache
def load_register(root: Path = ROOT) -> tuple[dict, ...]:
    """只读取登记表（不校验），供编辑检查等不需要整个目录的代码使用。"""
    text = (root / "procedures" / REGISTER).read_text(encoding="utf-8-sig")
    return tuple(yaml.safe_load(text) or [])


def superseded_mentions(text: str, regulations: list[dict] | None = None) -> list[Mention]:
    """找出 text 中引用已被替代的文件、而同一段没有说明它已被替代（也没有提到现行文件）的地方。

    text 是 Markdown 或纯文本；段落以空行分隔。regulations 默认读取本仓库的登记表。
    返回 [(行, 列, 原文写法, 现行文件名称), …]，按出现顺序排列。
    """
    register = list(regulations if regulations is not None else load_register())
    known = by_id(register)
    replaced = {r["名称"]: known[r["替代为"]]["名称"] for r in register
                if r["状态"] == SUPERSEDED and r.get("替代为") in known}
    found: list[Mention] = []
    lines = text.split("\n")
    for paragraph in _paragraphs(lines):
        body = "\n".join(lines[i] for i in paragraph)
        for old, new in replaced.items():
            if old not in body or new in body or EXPLAINED.search(body):
                continue
            for i in paragraph:
                for match in re.finditer(re.escape(old), lines[i]):
                    found.append(Mention(i + 1, match.start() + 1, old, new))
    return sorted(found)


def _paragraphs(lines: list[str]) -> list[list[int]]:
    groups, current = [], []
    for index, line in enumerate(lines):
        if line.strip():
            current.append(index)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups

