"""目录对象：全部规程、登记表和 docs/ 页面原文，以及对它们的查询。

只是数据：由 loader.py 读出，由 checks.py 检查，由 pages/ 生成页面；它自己不读文件、不做检查。
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.content.article_map import article_href
from scripts.content.forms import form_for
from scripts.content.glossary import Glossary
from scripts.content.model import ArticleMap, Domain, Form, LearningPath, Procedure, Regulation, Role, Step, TimeLimit
from scripts.problems import Problem


@dataclass
class Catalog:
    root: Path
    domains: list[Domain]
    roles: list[Role]
    procedures: list[Procedure]
    warnings: list[Problem] = field(default_factory=list)
    paths: list[LearningPath] = field(default_factory=list)  # 学习路径
    glossary: Glossary = field(default_factory=lambda: Glossary([]))  # 术语表，见 glossary.py
    regulations: list[Regulation] = field(default_factory=list)  # 法规登记表
    time_limits: dict[str, TimeLimit] = field(default_factory=dict)  # 时限登记表，见 time_limits.py
    pages: dict[str, str] = field(default_factory=dict)  # docs/ 下每个 Markdown 页面的原文：{路径: 文字}
    failed: set[str] = field(default_factory=set)  # 没能读进来的文件（显示路径）
    forms: list[Form] = field(default_factory=list)  # 文书登记表，见 forms.py
    article_maps: list[ArticleMap] = field(default_factory=list)  # 条文对照，见 article_map.py

    def __post_init__(self):
        self._by_id = {p.id: p for p in self.procedures}
        self._regulations = {r.id: r for r in self.regulations}
        # 规程的说明页和清单页 → 规程
        self.procedure_pages = {uri: p for p in self.procedures for uri in (p.page_uri, p.checklist_uri)}

    def form_for(self, record: str) -> Form | None:
        """清单中这项留痕材料对应的文书：登记的写法优先，否则取写法中含有的最长的文书名称。"""
        return form_for(self.forms, record)

    def step_time_limit(self, step: Step) -> str:
        """清单上这一步的“时限”：引用登记表的显示登记的写法，否则显示编辑写的文字。"""
        return self.time_limits[step.legal_limit].text if step.legal_limit else step.time_limit

    def step_limit_citation(self, step: Step) -> str:
        """这一步法定时限的出处，如“《信访工作条例》第二十二条”；没有法定时限或条款时为空。"""
        limit = self.time_limits.get(step.legal_limit) if step.legal_limit else None
        return self.citation(limit.basis, limit.article) if limit and limit.article else ""

    def citation(self, regulation_id: str, article: str) -> str:
        """法规名称加条款，如“《信访工作条例》第十七条”。"""
        return self._regulations[regulation_id].name + article if regulation_id in self._regulations else article

    def article_href(self, regulation_id: str, article: str) -> str:
        """条款在“逐条对照”页上的位置（docs 中的路径加锚点），没有对照时为空。"""
        return article_href(self.article_maps, regulation_id, article)

    def regulation(self, regulation_id: str) -> Regulation:
        return self._regulations[regulation_id]

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def in_domain(self, domain_id: str) -> list[Procedure]:
        return [p for p in self.procedures if p.domain == domain_id]

    def by_id(self) -> dict[str, Procedure]:
        """{编号: 规程}。"""
        return self._by_id
