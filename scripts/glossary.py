"""术语表（procedures/_glossary.yml）：一处登记，多处使用。

每个术语有释义、别称（读者可能输入的其他说法）、弃用写法（错误或不再使用的写法）、
相关规程和相关页面。由它生成或驱动：

- 术语表页面（按拼音排序，见 render.py 和 templates/glossary.md.j2）；
- 页面上的术语提示（tooltips.py）；
- 搜索用的 jieba 用户词典（search_dictionary.py，由 MkDocs 钩子交给 Material 的搜索插件）；
- 说明页和清单页上的“又称”一行（templates/glossary_aliases.md.j2），让按别称搜索也能找到页面；
- 编辑检查中的用词提醒：deprecated_usages(text)。

中文没有词间空格，术语常常出现在句子中间，所以这里的匹配不看“词边界”：从左到右扫描，
每个位置取能匹配的最长写法（“四级包案”优先于“包案”），匹配过的文字不再参与后面的匹配。
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Iterable, NamedTuple

import yaml

from . import ROOT
from .pinyin import readings
from .problems import Problem
from .yaml_loader import LoadedYaml

GLOSSARY = "_glossary.yml"
TERM, ALIAS, DEPRECATED = "术语", "别称", "弃用写法"
# 只差这些标点的写法算同一种写法（“四见面、两点头”就是“四见面两点头”）。
PUNCTUATION = re.compile(r"[、，,。·・\s“”\"]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _plain(text: str) -> str:
    return PUNCTUATION.sub("", text)


@dataclass(frozen=True)
class Term:
    name: str
    definition: str
    aliases: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    pieces: tuple[str, ...] = ()  # 搜索分词时切成的几段；空表示整体作为一个词

    @classmethod
    def from_entry(cls, entry: dict) -> Term:
        return cls(entry["术语"], entry["释义"], tuple(entry.get("别称", ())), tuple(entry.get("弃用写法", ())),
                   tuple(entry.get("相关规程", ())), tuple(entry.get("相关页面", ())),
                   tuple(entry.get("分词", "").split()))

    @cached_property
    def pinyin(self) -> list[str]:
        """带声调数字的拼音，如 ["wu3", "hu3", …]；非汉字原样保留。"""
        return readings([self.name])[self.name][0]

    @property
    def sort_key(self) -> tuple:
        return " ".join(self.pinyin), self.name

    @property
    def initial(self) -> str:
        """术语表中的分组字母：拼音的首字母，如“五虎牧羊阵”→“W”。"""
        first = self.pinyin[0][:1].upper() if self.pinyin else "#"
        return first if "A" <= first <= "Z" else "#"

    @cached_property
    def anchor(self) -> str:
        """术语表中的锚点：不带声调的拼音，如 wu-hu-mu-yang-zhen。"""
        syllables = [re.sub(r"[^a-z0-9]", "", s.lower()) for s in readings([self.name])[self.name][1]]
        return "-".join(s for s in syllables if s) or "term"

    @property
    def synonyms(self) -> list[str]:
        """真正不同的别称（不算只差标点的写法），用于“又称”一行。"""
        return [a for a in self.aliases if _plain(a) != _plain(self.name)]


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

    @classmethod
    def from_entries(cls, entries: list[dict]) -> Glossary:
        return cls(Term.from_entry(e) for e in entries)

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
        if match.kind == TERM or _plain(match.text) == _plain(match.term.name):
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


# ---- 校验（由 catalog.load_catalog 调用）------------------------------------

def register_problems(loaded: LoadedYaml, shown: str, procedure_ids: set[str], docs_dir: Path) -> list[Problem]:
    """术语表的含义检查：写法不能在两处登记，相关规程和相关页面必须存在。"""
    problems = []
    owner: dict[str, tuple[int, str]] = {}  # 写法 → (第几项, 术语)
    for index, entry in enumerate(loaded.data):
        forms = [((index, "术语"), entry["术语"])]
        forms += [((index, field, n), form) for field in ("别称", "弃用写法") for n, form in enumerate(entry.get(field, []))]
        for path, form in forms:
            if form not in owner:
                owner[form] = (index, entry["术语"])
                continue
            if path[1] == "术语" and owner[form][1] == form:
                continue  # 同一个术语登记了两次，由 C010 报告
            line, column = loaded.position(path)
            where = "本条的术语或别称" if owner[form][0] == index else f"术语“{owner[form][1]}”"
            problems.append(Problem(shown, line, column, "C022", f"写法“{form}”已经登记在{where}中",
                                    "同一种写法只能属于一个术语，而且不能既是推荐写法又是弃用写法；删除其中一处"))
        if "分词" in entry and entry["分词"].replace(" ", "") != entry["术语"]:
            line, column = loaded.position((index, "分词"))
            problems.append(Problem(shown, line, column, "C024", f"“分词”拼起来是“{entry['分词'].replace(' ', '')}”，不等于术语“{entry['术语']}”",
                                    "只在术语中间加空格，不要增删或改动字"))
        for n, proc_id in enumerate(entry.get("相关规程", [])):
            if proc_id not in procedure_ids:
                line, column = loaded.position((index, "相关规程", n))
                problems.append(Problem(shown, line, column, "C003", f"相关规程“{proc_id}”不存在",
                                        "检查编号拼写，或删除这一项"))
        for n, page in enumerate(entry.get("相关页面", [])):
            if not (docs_dir / page).is_file():
                line, column = loaded.position((index, "相关页面", n))
                problems.append(Problem(shown, line, column, "C023", f"相关页面 docs/{page} 不存在",
                                        "写相对 docs/ 的路径，如 xinfang/baozhang.md；或删除这一项"))
    return problems


# ---- 给编辑检查（scripts/lint/）用的简单入口 ---------------------------------

@cache
def load_glossary(root: Path = ROOT) -> Glossary:
    """读取 root/procedures/_glossary.yml（不校验；校验由 load_catalog 做）。"""
    text = (root / "procedures" / GLOSSARY).read_text(encoding="utf-8-sig")
    return Glossary.from_entries(yaml.safe_load(text) or [])


def deprecated_usages(text: str, glossary: Glossary | None = None) -> list[Usage]:
    """找出 text 中的弃用写法。

    text 是任意文字（Markdown、YAML 都可以）；glossary 默认读取本仓库的术语表。
    返回 [(行, 列, 原文写法, 推荐写法), …]，按出现顺序排列，行和列从 1 开始，列按字符计。
    例如 deprecated_usages("召开联系会议") == [(1, 3, "联系会议", "联席会议")]。
    弃用写法恰好是某个正确写法的一部分时不报。
    """
    return (glossary or load_glossary()).deprecated_usages(text)


def _alternation(forms) -> re.Pattern | None:
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None
