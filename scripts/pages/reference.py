"""术语表页和“法规与文件”页的数据：每个术语、每份文件用在哪些页面上。

“用在哪里”是扫描页面源文件得出的：手写的 Markdown（已加上规程信息的版本）和生成的
清单页。汇总性的生成页面（索引、全部清单、打印页、学习路径）只是转述，不算。
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from scripts.content.catalog import Catalog
from scripts.content.model import SUPERSEDED, Procedure, Regulation, Term
from scripts.pages.page_types import page_type

H1 = re.compile(r"^# (.+)$", re.MULTILINE)
STATUS_ORDER = ["现行", SUPERSEDED, "地方性文件", "内部细则"]


@dataclass
class PageRef:
    uri: str
    title: str


@dataclass
class GlossaryEntry:
    term: Term
    about: list[PageRef] = field(default_factory=list)  # 讲这个术语的页面（相关规程、相关页面）
    used: list[PageRef] = field(default_factory=list)   # 其他用到它的页面


@dataclass
class RegulationEntry:
    regulation: Regulation
    replacement: Regulation | None
    relied_on_by: list[Procedure] = field(default_factory=list)  # 以它为“依据”的规程
    mentioned_in: list[PageRef] = field(default_factory=list)


def content_pages(catalog: Catalog, generated: dict[str, str]) -> dict[str, str]:
    """{页面路径: Markdown 源文}：docs/ 下的手写页面（被生成版本替换的用生成版本）和生成的页面，汇总性的除外。"""
    texts = {**catalog.pages, **generated}
    return {uri: text for uri, text in texts.items() if not page_type(catalog, uri).summary}


def page_order(catalog: Catalog, uri: str) -> tuple:
    """按导航的大致顺序排列：领域顺序，领域内先说明页后清单页。"""
    domains = [d.id for d in catalog.domains]
    folder = uri.split("/")[0]
    return (domains.index(folder) if folder in domains else len(domains), "/checklists/" in uri, uri)


def page_title(text: str) -> str | None:
    """页面的一级标题（第一个“# 标题”）。"""
    match = H1.search(text)
    return match.group(1).strip() if match else None


def _title(text: str, uri: str) -> str:
    return page_title(text) or uri


def _without_paired_checklists(catalog: Catalog, uris: set[str], listed: Iterable[str] = ()) -> list[str]:
    """按导航顺序排列；清单页和它的说明页都在（或说明页已列出）时，只列说明页。"""
    pages = set(uris) | set(listed)
    paired = {p.checklist_uri for p in catalog.procedures if p.page_uri in pages}
    return sorted((u for u in uris if u not in paired), key=lambda u: page_order(catalog, u))


def glossary_entries(catalog: Catalog, texts: dict[str, str], page_of) -> list[GlossaryEntry]:
    procedures = catalog.by_id()
    used: dict[str, set[str]] = {}
    for uri, text in texts.items():
        for name in catalog.glossary.used_in(text):
            used.setdefault(name, set()).add(uri)
    entries = []
    for term in catalog.glossary.in_pinyin_order():
        about = [PageRef(page_of(procedures[p]), procedures[p].title) for p in term.procedures if p in procedures]
        about += [PageRef(u, _title(texts.get(u, ""), u)) for u in term.pages]
        about_uris = [ref.uri for ref in about]
        others = _without_paired_checklists(catalog, used.get(term.name, set()) - set(about_uris), about_uris)
        entries.append(GlossaryEntry(term, about, [PageRef(u, _title(texts[u], u)) for u in others]))
    return entries


def glossary_groups(entries: list[GlossaryEntry]) -> list[tuple[str, list[GlossaryEntry]]]:
    """按拼音首字母分组：[("B", […]), ("C", […]), …]。"""
    groups: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.term.initial, []).append(entry)
    return list(groups.items())


def regulation_entries(catalog: Catalog, texts: dict[str, str]) -> list[tuple[str, list[RegulationEntry]]]:
    """按状态分组的登记表：[("现行", […]), ("已被替代", […]), …]，组内按登记顺序。"""
    known = {r.id: r for r in catalog.regulations}
    groups: dict[str, list[RegulationEntry]] = {status: [] for status in STATUS_ORDER}
    for regulation in catalog.regulations:
        relying = [p for p in catalog.procedures if any(b.regulation == regulation.id for b in p.bases)]
        mentioned = _without_paired_checklists(catalog, {u for u, text in texts.items() if regulation.name in text})
        groups[regulation.status].append(RegulationEntry(
            regulation, known.get(regulation.replaced_by),
            sorted(relying, key=lambda p: page_order(catalog, p.page_uri)),
            [PageRef(u, _title(texts[u], u)) for u in mentioned]))
    return [(status, entries) for status, entries in groups.items() if entries]
