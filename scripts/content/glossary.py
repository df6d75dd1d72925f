"""术语表（procedures/_glossary.yml）：一处登记，多处使用。

每个术语有释义、别称（读者可能输入的其他说法）、弃用写法（错误或不再使用的写法）、
相关规程和相关页面。由它生成或驱动：

- 术语表页面（按拼音排序，见 render.py 和 templates/glossary.md.j2）；
- 页面上的术语提示（tooltips.py）；
- 搜索用的 jieba 用户词典（search_dictionary.py，由 MkDocs 钩子交给 Material 的搜索插件）；
- 说明页和清单页上的“又称”一行（templates/glossary_aliases.md.j2），让按别称搜索也能找到页面；
- 编辑检查中的用词提醒（L009，scripts/lint/terminology.py 用 find(deprecated=True)）。

中文没有词间空格，术语常常出现在句子中间，所以这里的匹配不看“词边界”：从左到右扫描，
每个位置取能匹配的最长写法（“四级包案”优先于“包案”），匹配过的文字不再参与后面的匹配。
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from scripts.content.model import Term, plain
from scripts.content.pinyin import readings

TERM, ALIAS, DEPRECATED = "术语", "别称", "弃用写法"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")

class Match(NamedTuple):
    start: int
    end: int
    text: str
    term: Term
    kind: str  # TERM、ALIAS 或 DEPRECATED


class Usage(NamedTuple):
    """一处弃用写法。line、column 从 1 开始，column 按字符计。"""

    line: int
    column: int
    found: str      # 原文中的写法，如“联系会议”
    preferred: str  # 应改为的术语，如“联席会议”


class Glossary:
    def __init__(self, terms: Iterable[Term]):
        self.terms = list(terms)
        self.forms: dict[str, tuple[Term, str]] = {}
        for term in self.terms:
            for form, kind in [(term.name, TERM)] + [(a, ALIAS) for a in term.aliases] \
                    + [(d, DEPRECATED) for d in term.deprecated]:
                self.forms.setdefault(form, (term, kind))
        self.longest = max(map(len, self.forms), default=0)
        # 最左最长匹配交给正则引擎（C 实现）：备选按长度从长到短排列，同一位置先试最长的。
        self._patterns = {
            with_deprecated: _alternation(f for f, (_, kind) in self.forms.items()
                                          if len(f) > 1 and (with_deprecated or kind != DEPRECATED))
            for with_deprecated in (False, True)
        }

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def by_name(self) -> dict[str, Term]:
        return {t.name: t for t in self.terms}

    def find(self, text: str, *, deprecated: bool = False) -> list[Match]:
        """text 中的术语和别称（deprecated=True 时连同弃用写法），最左最长、互不重叠。"""
        pattern = self._patterns[deprecated]
        if pattern is None:
            return []
        found = []
        for m in pattern.finditer(text):
            term, kind = self.forms[m.group()]
            found.append(Match(m.start(), m.end(), m.group(), term, kind))
        return found

    def used_in(self, text: str) -> set[str]:
        """text 中出现了哪些术语（按术语名称，别称也算）。"""
        return {m.term.name for m in self.find(text)}

    def deprecated_usages(self, text: str) -> list[Usage]:
        usages = []
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        for match in self.find(text, deprecated=True):
            if match.kind == DEPRECATED:
                line = bisect_right(starts, match.start)
                usages.append(Usage(line, match.start - starts[line - 1] + 1, match.text, match.term.name))
        return usages

    def tooltip(self, match: Match) -> str:
        """提示框里的文字：术语本身显示释义，别称先说明它指哪个术语。"""
        if match.kind == TERM or plain(match.text) == plain(match.term.name):
            return match.term.definition
        return f"即“{match.term.name}”：{match.term.definition}"

    def in_pinyin_order(self) -> list[Term]:
        readings(t.name for t in self.terms)  # 一次查齐，缺的一起算
        return sorted(self.terms, key=lambda t: t.sort_key)

    def about_procedure(self, proc_id: str, title: str = "") -> list[Term]:
        """讲这项规程的术语；出现在标题里的排在前面。"""
        terms = [t for t in self.terms if proc_id in t.procedures]
        return sorted(terms, key=lambda t: not any(form in title for form in (t.name, *t.aliases)))

    def about_page(self, uri: str) -> list[Term]:
        return [t for t in self.terms if uri in t.pages]

    def search_units(self) -> list[str]:
        """搜索分词的单位：术语（写了“分词”的用切开的各段）和别称中的汉字部分，两个字以上。

        怎样把这些单位写进 jieba 词典，见 search_dictionary.py。
        """
        units: list[str] = []
        for term in self.terms:
            for form in (" ".join(term.pieces) or term.name, *term.aliases):
                for run in HAN_RUN.findall(form):
                    if run not in units:
                        units.append(run)
        return units


def _alternation(forms) -> re.Pattern | None:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None
