"""生成全部页面：generate() 是唯一的入口，返回 {docs 中的路径: 页面内容}。

其中既有全新生成的页面（清单页、索引页），也有在编辑手写的说明页前面加上“规程信息”后的版本。
MkDocs 钩子和 Zensical 构建都经 pipeline.generate 调用它，两条路径生成的内容完全相同。
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scripts.addresses import START_URI, checklists_uri, overview_uri, print_uri, time_limits_uri
from scripts.content.catalog import Catalog
from scripts.content.model import LearningPath, Procedure
from scripts.content.time_limits import REFERENCE, substitute
from scripts.history.changes import History
from scripts.pages.article_map_pages import add_article_map_pages
from scripts.pages.change_pages import add_change_pages
from scripts.pages.flowchart import add_whole_flow, charts, whole_flow
from scripts.pages.form_pages import add_form_pages
from scripts.pages.page_types import CHECKLIST, DOMAIN_CHECKLISTS, DOMAIN_OVERVIEW, DOMAIN_PRINT, START, TIME_LIMITS
from scripts.pages.reference import H1, content_pages, glossary_entries, glossary_groups, regulation_entries
from scripts.pages.renderer import Renderer, source_order


class PageGenerator(Renderer):
    """生成全部页面：清单页、说明页的“规程信息”、索引页、时限一览、术语表、面包屑和修订记录。"""

    def generate(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        procedures = sorted(self.catalog.procedures, key=source_order)
        self.neighbours = _neighbours(procedures)
        for proc in procedures:
            pages[proc.checklist_uri] = self.render(CHECKLIST.template, proc.checklist_uri, proc=proc,
                                                    pager=self.neighbours[proc.id])
            text = self.authored(proc.page_uri)
            if text is not None:
                pages[proc.page_uri] = self._with_info(text, proc)
        for domain in self.catalog.domains:
            members = [p for p in procedures if p.domain == domain.id]
            uri = checklists_uri(domain.id)
            pages[uri] = self.render(DOMAIN_CHECKLISTS.template, uri, domain=domain, procedures=members)
            print_page = print_uri(domain.id)
            pages[print_page] = self.render(DOMAIN_PRINT.template, print_page, domain=domain, procedures=members)
            overview = overview_uri(domain.id)
            if self.authored(overview) is None:
                pages[overview] = self.render(DOMAIN_OVERVIEW.template, overview, domain=domain, procedures=members)
        if self.catalog.paths:
            pages[START_URI] = self.render(START.template, START_URI, titles=self._titles())
        pages["indexes/domains.md"] = self.render(
            "index_domains.md.j2", "indexes/domains.md", procedures=procedures
        )
        pages["indexes/tags.md"] = self.render("index_tags.md.j2", "indexes/tags.md")
        pages["indexes/roles.md"] = self.render(
            "index_roles.md.j2", "indexes/roles.md", roles=self._roles_in_use(procedures)
        )
        self._add_time_limit_pages(pages)
        add_form_pages(self, pages)
        add_whole_flow(self, pages)
        add_article_map_pages(self, pages)  # 法规的逐条对照（article_map_pages.py）
        self._substitute_time_limits(pages)
        self._add_glossary_pages(pages)
        self._add_wayfinding(pages)
        add_change_pages(self, pages)  # 修订记录（页面最后）、更新说明、待复核（change_pages.py）
        return pages

    def _add_wayfinding(self, pages: dict[str, str]) -> None:
        """说明页和清单页的一级标题前加面包屑；学习路径上的页面在标题后加路径条（见 path_bar.md.j2）。

        放在最后做：面包屑和路径条里的标题不算页面“用到”的术语或文件。"""
        stops = path_stops(self.catalog, self.page_of, self._titles())
        crumbs = {uri: proc for proc in self.catalog.procedures for uri in (proc.page_uri, proc.checklist_uri)}
        for uri in sorted(set(stops) | set(crumbs)):
            text = pages.get(uri, self.authored(uri))
            if text is None:
                continue
            if uri in stops:
                text = self._after_title(text, self.render("path_bar.md.j2", uri, stops=stops[uri]))
            if uri in crumbs:
                text = self._before_title(text, self.render("breadcrumbs.md.j2", uri, proc=crumbs[uri]))
            pages[uri] = text

    def _add_time_limit_pages(self, pages: dict[str, str]) -> None:
        """每个登记了法定时限的领域一页“办理时限一览”，并列出引用每个期限的清单步骤。"""
        used_by: dict[str, list] = {ref: [] for ref in self.catalog.time_limits}
        for proc in sorted(self.catalog.procedures, key=source_order):
            for step in proc.steps:
                if step.legal_limit in used_by:
                    used_by[step.legal_limit].append((proc, step))
        for domain in self.catalog.domains:
            limits = [t for t in self.catalog.time_limits.values() if t.domain == domain.id]
            if limits:
                uri = time_limits_uri(domain.id)
                pages[uri] = self.render(TIME_LIMITS.template, uri, domain=domain, limits=limits, used_by=used_by,
                                         stages=whole_flow(self.catalog, domain.id))

    def _substitute_time_limits(self, pages: dict[str, str]) -> None:
        """[[时限:编号]]、[[天数:编号]] 换成时限登记表中的写法或天数：说明页正文里的，以及 YAML 文字
        （如“先做什么”“做法”）带进生成页面的。不认识的编号已由检查阶段（C031）指出位置。"""
        for uri in dict.fromkeys([*self.catalog.pages, *pages]):
            text = pages.get(uri) or self.catalog.pages[uri]
            if REFERENCE.search(text):
                pages[uri] = substitute(text, self.catalog.time_limits, f"docs/{uri}")[0]

    def _add_glossary_pages(self, pages: dict[str, str]) -> None:
        """术语讲到的其他手写页面加上“又称”一行；生成术语表页和“法规与文件”页。"""
        for uri in dict.fromkeys(u for term in self.catalog.glossary for u in term.pages):
            text = pages.get(uri, self.authored(uri))
            if text is not None and self.catalog.glossary.about_page(uri):
                pages[uri] = self._after_title(text, self._aliases(uri, self.catalog.glossary.about_page(uri)))
        texts = content_pages(self.catalog, pages)
        entries = glossary_entries(self.catalog, texts, self.page_of)
        pages["indexes/glossary.md"] = self.render("glossary.md.j2", "indexes/glossary.md",
                                                   groups=glossary_groups(entries))
        pages["indexes/regulations.md"] = self.render("regulations.md.j2", "indexes/regulations.md",
                                                      groups=regulation_entries(self.catalog, texts))

    def _with_info(self, text: str, proc: Procedure) -> str:
        """在说明页的一级标题之后插入“规程信息”框（状态、复核日期、清单入口）。"""
        info = self.render("procedure_info.md.j2", proc.page_uri, proc=proc)
        info += self._aliases(proc.page_uri, self.catalog.glossary.about_procedure(proc.id, proc.title))
        info += "\n" + self.render("flowchart.md.j2", proc.page_uri, proc=proc, charts=charts(self.catalog, proc))
        match = H1.search(text)
        if match:
            text = text[: match.end()] + "\n\n" + info + text[match.end():]
        else:
            text = info + "\n" + text
        text = text.rstrip("\n") + "\n\n" + self.render("pager.md.j2", proc.page_uri, proc=proc,
                                                        pager=self.neighbours[proc.id], checklists=False)
        if text.startswith("---\n"):  # 编辑自己写了前置元数据，不再加标签
            return text
        return self.render("front_matter.md.j2", proc.page_uri, proc=proc) + "\n" + text

    def _roles_in_use(self, procedures: list[Procedure]) -> list[dict]:
        """每个登记的角色，以及它在哪些规程的哪些步骤中负责。"""
        result = []
        for role in self.catalog.roles:
            uses = []
            for proc in procedures:
                steps = [s.name for s in proc.steps if s.owner == role.name]
                if role.name in proc.roles():
                    uses.append({"proc": proc, "steps": steps})
            if uses:
                result.append({"role": role, "uses": uses})
        return result


@dataclass(frozen=True)
class PathStop:
    """学习路径上的一站：第几条路径、第几步、上一站和下一站（uri、title）。"""

    number: int
    path: LearningPath
    position: int
    total: int
    before: PathPage | None
    after: PathPage | None


@dataclass(frozen=True)
class PathPage:
    uri: str
    title: str


def path_stops(catalog: Catalog, page_of, titles: dict[str, str]) -> dict[str, list[PathStop]]:
    """{页面: [它在各条学习路径上的位置]}。一站是“先读”的一页或一项规程；规程的说明页和清单页是同一站。"""
    result: dict[str, list[PathStop]] = {}
    for number, path in enumerate(catalog.paths, 1):
        pages = [(PathPage(uri, titles.get(uri, uri)), (uri,)) for uri in path.reading]
        for proc_id in path.procedures:
            proc = catalog.by_id()[proc_id]
            pages.append((PathPage(page_of(proc), proc.title), tuple(dict.fromkeys((page_of(proc), proc.checklist_uri)))))
        for i, (_page, uris) in enumerate(pages):
            stop = PathStop(number, path, i + 1, len(pages), pages[i - 1][0] if i else None,
                            pages[i + 1][0] if i + 1 < len(pages) else None)
            for uri in uris:
                result.setdefault(uri, []).append(stop)
    return result








def generate(catalog: Catalog, history: History, today: dt.date | None = None, *, alias_lines: bool = True,
             directory_urls: bool = True) -> dict[str, str]:
    """history 是 load 阶段读好的修订记录（history/changes.py）：生成页面时不再运行 git。"""
    return PageGenerator(catalog, today or dt.date.today(), history=history, alias_lines=alias_lines,
                         directory_urls=directory_urls).generate()


def _neighbours(procedures: list[Procedure]) -> dict[str, tuple[Procedure | None, Procedure | None]]:
    """同一领域内按原始材料顺序的上一项和下一项规程：{编号: (上一项, 下一项)}。"""
    result: dict[str, tuple[Procedure | None, Procedure | None]] = {}
    by_domain: dict[str, list[Procedure]] = {}
    for proc in procedures:
        by_domain.setdefault(proc.domain, []).append(proc)
    for members in by_domain.values():
        for i, proc in enumerate(members):
            result[proc.id] = (members[i - 1] if i else None, members[i + 1] if i + 1 < len(members) else None)
    return result
