"""数据模型：procedures/ 下 YAML 的中文键只在这里对应到属性，模板、渲染和编辑检查都用属性。

每一项都记得自己在哪个文件的哪个位置：含义检查用 where() 报出行、列，不必再写中文键。
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

from scripts.addresses import article_map_uri, checklist_uri, form_uri, procedure_uri
from scripts.content.yaml_loader import LoadedYaml
from scripts.dates import chinese_date

SUPERSEDED = "已被替代"
# 只差这些标点的写法算同一种写法（“四见面、两点头”就是“四见面两点头”）。
PUNCTUATION = re.compile(r"[、，,。·・\s“”\"]")


def key(name: str, default: Any = ..., *, kind: type | None = None) -> Any:
    """一个字段：name 是 YAML 中的中文键；kind 是列表中每一项的类型。列表都变成元组。"""
    meta = {"key": name, "kind": kind}
    return field(metadata=meta) if default is ... else field(default=default, metadata=meta)


REVIEW_AHEAD_DAYS = 30  # 提前多少天提醒复核：维护者的“待复核”页和 CI 里的 L032 警告


def review_due(reviewed: dt.date, months: int) -> dt.date:
    """下次复核日期：上次复核日期加上周期月数（日取不超过 28）。"""
    year, month = divmod(reviewed.month - 1 + months, 12)
    return dt.date(reviewed.year + year, month + 1, min(reviewed.day, 28))


@dataclass(frozen=True)
class Entry:
    """登记表或规程中的一项（或其中的一部分）。"""

    loaded: LoadedYaml | None = field(default=None, repr=False, compare=False, kw_only=True)
    path: tuple = field(default=(), repr=False, compare=False, kw_only=True)

    @classmethod
    def from_entry(cls, entry: dict, loaded: LoadedYaml | None = None, path: tuple = (), **extra):
        values = {}
        for f in fields(cls):
            name = f.metadata.get("key")
            if name is None or name not in entry:
                continue
            value, kind = entry[name], f.metadata["kind"]
            if kind is not None:
                value = tuple(kind.from_entry(item, loaded, (*path, name, i)) for i, item in enumerate(value))
            elif isinstance(value, list):
                value = tuple(value)
            values[f.name] = value
        return cls(**values, **extra, loaded=loaded, path=path)

    @classmethod
    def key_of(cls, attribute: str) -> str:
        return next(f.metadata["key"] for f in fields(cls) if f.name == attribute)

    def where(self, attribute: str | None = None, *more: int) -> tuple[int, int]:
        """这一项（或它的某个字段、字段中的第几项）在文件中的行、列。"""
        path = (*self.path, self.key_of(attribute), *more) if attribute else self.path
        return self.loaded.position(path) if self.loaded else (1, 1)


def read_all(cls, loaded: LoadedYaml | None) -> list:
    """登记表（顶层是列表）的每一项。"""
    return [cls.from_entry(e, loaded, (i,)) for i, e in enumerate(loaded.data)] if loaded else []


# ---- 登记表 ----------------------------------------------------------------

@dataclass(frozen=True)
class Domain(Entry):
    id: str = key("编号")
    name: str = key("名称")
    intro: str = key("简介")
    source_note: str = key("来源说明", "")


@dataclass(frozen=True)
class Role(Entry):
    name: str = key("角色")
    description: str = key("说明")


@dataclass(frozen=True)
class Regulation(Entry):
    id: str = key("编号")
    name: str = key("名称")
    status: str = key("状态")
    scope: str = key("适用范围")
    issuer: str = key("发布机关", "")
    number: str = key("文号", "")
    effective: str = key("施行日期", "")  # YYYY-MM-DD
    replaced_by: str = key("替代为", "")
    checked: str = key("核对", "")  # 核对记录，不在页面上显示

    @property
    def effective_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.effective) if self.effective else None

    @property
    def full_title(self) -> str:
        """全称加上发布机关、文号和施行日期，如“《信访条例》（国务院，国务院令第431号，2005年5月1日起施行）”。

        地方性文件和内部细则的发布机关常常只是推断，不放进全称。
        """
        parts = [self.issuer] if self.issuer and self.status in ("现行", SUPERSEDED) else []
        parts += [self.number] if self.number else []
        parts += [f"{chinese_date(self.effective_date)}起施行"] if self.effective_date else []
        return self.name + (f"（{'，'.join(parts)}）" if parts else "")


@dataclass(frozen=True)
class TimeLimit(Entry):
    id: str = key("编号")
    domain: str = key("领域")
    stage: str = key("环节")
    days: int = key("天数")
    wording: str = key("写法")
    basis: str = key("依据")
    article: str = key("条款", "")
    note: str = key("说明", "")
    counting: str = key("计日", "日历日")
    direction: str = key("方向", "之内")
    checked: str = key("核对", "")
    actor: str = key("责任人", "")  # 到期前必须办完这件事的角色（_roles.yml 中登记）

    @property
    def text(self) -> str:
        """清单和说明页上显示的写法，如“自受理之日起60日内办结”。"""
        return self.wording.replace("{天数}", str(self.days))

    @property
    def parts(self) -> tuple[str, str]:
        """写法在天数前后的两段，页面上把天数加粗：(“自受理之日起”, “日内办结”)。"""
        before, _, after = self.wording.partition("{天数}")
        return before, after

    @property
    def working_days(self) -> bool:
        return self.counting == "工作日"

    @property
    def unit(self) -> str:
        """天数的单位：“日”，按工作日计算的是“个工作日”。"""
        return "个工作日" if self.working_days else "日"

    @property
    def length(self) -> str:
        """天数连同单位，如“15日”“5个工作日”；“之前”的期限加“前”，如“15日前”。"""
        return f"{self.days}{self.unit}" + ("前" if self.direction == "之前" else "")


@dataclass(frozen=True)
class Term(Entry):
    name: str = key("术语")
    definition: str = key("释义")
    aliases: tuple[str, ...] = key("别称", ())
    deprecated: tuple[str, ...] = key("弃用写法", ())
    procedures: tuple[str, ...] = key("相关规程", ())
    pages: tuple[str, ...] = key("相关页面", ())
    split: str = key("分词", "")  # 搜索分词时切成的几段，空格分开；空表示整体作为一个词

    @property
    def pieces(self) -> tuple[str, ...]:
        return tuple(self.split.split())

    @cached_property
    def pinyin(self) -> list[str]:
        """带声调数字的拼音，如 ["wu3", "hu3", …]；非汉字原样保留。"""
        from scripts.content.pinyin import readings

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
        from scripts.content.pinyin import readings

        syllables = [re.sub(r"[^a-z0-9]", "", s.lower()) for s in readings([self.name])[self.name][1]]
        return "-".join(s for s in syllables if s) or "term"

    @property
    def synonyms(self) -> list[str]:
        """真正不同的别称（不算只差标点的写法），用于“又称”一行。"""
        return [a for a in self.aliases if plain(a) != plain(self.name)]


def plain(text: str) -> str:
    return PUNCTUATION.sub("", text)


@dataclass(frozen=True)
class LearningPath(Entry):
    role: str = key("角色")
    description: str = key("说明")
    reading: tuple[str, ...] = key("先读")
    procedures: tuple[str, ...] = key("规程")


# ---- 规程 ------------------------------------------------------------------

@dataclass(frozen=True)
class Basis(Entry):
    regulation: str = key("文件")
    article: str = key("条款", "")
    note: str = key("说明", "")


@dataclass(frozen=True)
class Party(Entry):
    role: str = key("角色")
    duty: str = key("职责")


@dataclass(frozen=True)
class Step(Entry):
    id: str = key("编号")
    name: str = key("名称")
    how: str = key("做法")
    owner: str = key("责任人")
    records: tuple[str, ...] = key("留痕材料")
    time_limit: str = key("时限", "")
    legal_limit: str = key("法定时限", "")  # 时限登记表中的编号
    bases: tuple[Basis, ...] = key("依据", (), kind=Basis)  # 这一步依据的条款


@dataclass(frozen=True)
class Question(Entry):
    question: str = key("问题")
    answer: str = key("处理")


@dataclass(frozen=True)
class Origin(Entry):
    """“来源”的一项：工作总结的某一部分，或一份现行法规。"""

    piece: str = key("篇目", "")
    section: str = key("章节", "")
    items: tuple[str, ...] = key("条目", ())
    regulation: str = key("法规", "")


@dataclass(frozen=True)
class Procedure(Entry):
    id: str = key("编号")
    title: str = key("标题")
    domain: str = key("领域")
    status: str = key("状态")
    summary: str = key("摘要")
    situations: tuple[str, ...] = key("适用情形")
    parties: tuple[Party, ...] = key("责任主体", kind=Party)
    steps: tuple[Step, ...] = key("步骤", kind=Step)
    points: tuple[str, ...] = key("检查要点")
    origins: tuple[Origin, ...] = key("来源", kind=Origin)
    maintainer: str = key("负责人")
    last_review: str = key("上次复核")  # YYYY-MM-DD
    review_months: int = key("复核周期月数")
    order: int | None = key("顺序", None)
    bases: tuple[Basis, ...] = key("依据", (), kind=Basis)
    questions: tuple[Question, ...] = key("常见问题", (), kind=Question)
    related: tuple[str, ...] = key("相关规程", ())
    first_things: tuple[str, ...] = key("先做什么", ())  # 清单页步骤上方的两三行提示
    source: str = field(default="", kw_only=True)  # 相对项目根目录的 YAML 路径

    @property
    def page_uri(self) -> str:
        """说明页（编辑手写的 Markdown）在 docs/ 中的位置。"""
        return procedure_uri(self.domain, self.id)

    @property
    def checklist_uri(self) -> str:
        """生成的清单页在站点中的位置。"""
        return checklist_uri(self.domain, self.id)

    @property
    def reviewed(self) -> dt.date:
        return dt.date.fromisoformat(self.last_review)

    @property
    def review_due(self) -> dt.date:
        return review_due(self.reviewed, self.review_months)

    def overdue(self, today: dt.date) -> bool:
        return today > self.review_due

    def roles(self) -> list[str]:
        return [party.role for party in self.parties]


# ---- 条文对照（procedures/_article_map.yml，见 article_map.py）------------------

@dataclass(frozen=True)
class ArticleTarget(Entry):
    """手册中讲这一条的地方：一项规程（写了步骤的是清单上的那一步），或 docs/ 下的一个页面。"""

    procedure: str = key("规程", "")
    step: str = key("步骤", "")
    page: str = key("页面", "")  # 相对 docs/ 的路径


@dataclass(frozen=True)
class Article(Entry):
    """法规的一条：条号、用我们自己的话写的一句要求、手册中讲它的地方（或为什么不在本手册中讲）。"""

    number: str = key("条")  # 如“第二十二条”
    requirement: str = key("要求")
    targets: tuple[ArticleTarget, ...] = key("讲在", (), kind=ArticleTarget)
    outside: str = key("不在本手册", "")  # 不在本手册中讲的理由
    chapter: str = key("章", "")  # 写在一章的第一条上，如“第三章 信访事项的提出和受理”


@dataclass(frozen=True)
class ArticleMap(Entry):
    """一份法规的逐条对照：从第一条到最后一条，每条一行。"""

    regulation: str = key("文件")  # 法规登记表中的编号
    domain: str = key("领域")
    count: int = key("条数")  # 全文共多少条
    articles: tuple[Article, ...] = key("条文", kind=Article)
    checked: str = key("核对", "")  # 对照的文本和核对日期，不在页面上显示

    @property
    def page_uri(self) -> str:
        """生成的对照页在站点中的位置。"""
        return article_map_uri(self.domain, self.regulation)


# ---- 文书（procedures/_forms.yml）-------------------------------------------

@dataclass(frozen=True)
class FormSection(Entry):
    """文书中的一栏：标题，印好的说明和法定期限，要手填的项目、勾选项和空行。"""

    heading: str = key("标题")
    note: str = key("说明", "")
    time_limits: tuple[str, ...] = key("时限", ())  # 时限登记表中的编号，印出登记的写法
    fill_in: tuple[str, ...] = key("填写项", ())
    choices: tuple[str, ...] = key("选项", ())
    lines: int = key("行数", 0)


@dataclass(frozen=True)
class Form(Entry):
    id: str = key("编号")
    domain: str = key("领域")
    name: str = key("名称")
    purpose: str = key("用途")
    sections: tuple[FormSection, ...] = key("栏目", kind=FormSection)
    records: tuple[str, ...] = key("留痕材料", ())  # 它对应的留痕材料写法（含“名称”的写法不必列出）
    bases: tuple[str, ...] = key("依据", ())  # 法规登记表中的编号
    signature: tuple[str, ...] = key("落款", ())

    @property
    def page_uri(self) -> str:
        """打印页在站点中的位置。"""
        return form_uri(self.domain, self.id)

    @property
    def docx_uri(self) -> str:
        """Word 文件在站点中的位置（与打印页同一文件夹）。"""
        return form_uri(self.domain, self.id, ".docx")
