"""用 Jinja2 模板（scripts/templates/）把目录渲染成 Markdown 页面。

generate() 是唯一的入口：返回 {docs 中的路径: 页面内容}。其中既有全新生成的页面
（清单页、索引页），也有在编辑手写的说明页前面加上“规程信息”后的版本。
MkDocs 钩子和命令行都调用它，两条路径生成的内容完全相同。
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .article_map import add_article_map_pages
from .catalog import Catalog
from .flowchart import add_whole_flow, charts, whole_flow
from .forms import add_form_pages
from .change_pages import add_change_pages, md_text
from .model import LearningPath, Procedure, Regulation, chinese_date
from .reference import H1, content_pages, page_title, glossary_entries, glossary_groups, regulation_entries
from .page_types import CHECKLIST, DOMAIN_CHECKLISTS, DOMAIN_OVERVIEW, DOMAIN_PRINT, START, TIME_LIMITS
from .problems import ProblemsFound
from .private_cache import subfolder
from .time_limits import REFERENCE, substitute

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # 编译好的模板存在本用户的私有缓存文件夹里（按模板内容校验），每次构建省下约 0.05 秒的编译。
        bytecode_cache=FileSystemBytecodeCache(str(subfolder("jinja"))),
    )
    env.filters["date"] = chinese_date
    env.filters["px"] = lambda value: f"{round(value, 1):g}"  # 流程图的坐标
    # 前置元数据里的文字：JSON 字符串也是合法的 YAML，保留汉字原样。
    env.filters["yaml_text"] = lambda text: Markup(json.dumps(str(text), ensure_ascii=False))
    env.filters["md_text"] = md_text  # 提交说明等数据当作纯文字放进 Markdown
    return env


def source_order(proc: Procedure) -> tuple:
    """规程在领域内的顺序：先按“顺序”（办理流程中的核心规程），再按来源总结中的条目顺序
    （6.41 排在 6.54 前面），都没有的排在最后。"""
    items = [i for origin in proc.origins for i in origin.items]
    key = min((tuple(int(n) for n in i.split(".")) for i in items), default=(99, 99))
    return 1000 if proc.order is None else proc.order, key, proc.id


class Renderer:
    def __init__(self, catalog: Catalog, today: dt.date, *, alias_lines: bool = True, directory_urls: bool = True):
        self.catalog = catalog
        self.today = today
        self.directory_urls = directory_urls  # MkDocs 的 use_directory_urls：离线包是 False
        self.env = _environment()
        # alias_lines=False 只用于搜索基准测试的对照组：不加“又称”一行。
        self.env.globals.update(alias_lines=alias_lines, regulation_facts=self._regulation_facts)

    def authored(self, uri: str) -> str | None:
        return self.catalog.pages.get(uri)

    def page_of(self, proc: Procedure) -> str:
        """读者点开一项规程时去的页面：有说明页就去说明页，否则去清单页。"""
        return proc.page_uri if proc.page_uri in self.catalog.pages else proc.checklist_uri

    def render(self, template: str, uri: str, **context) -> str:
        def link(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(uri) or ".")

        def href(target: str) -> str:
            """HTML 里（清单步骤、流程图）的链接：MkDocs 不改写它们，直接写成站点中的相对地址。"""
            return page_href(target, uri, self.directory_urls)

        return self.env.get_template(template).render(
            catalog=self.catalog, today=self.today, link=link, href=href, page_of=self.page_of, uri=uri, **context
        )

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
            uri = f"{domain.id}/checklists/index.md"
            pages[uri] = self.render(DOMAIN_CHECKLISTS.template, uri, domain=domain, procedures=members)
            print_uri = f"{domain.id}/checklists/print.md"
            pages[print_uri] = self.render(DOMAIN_PRINT.template, print_uri, domain=domain, procedures=members)
            overview = f"{domain.id}/index.md"
            if self.authored(overview) is None:
                pages[overview] = self.render(DOMAIN_OVERVIEW.template, overview, domain=domain, procedures=members)
        if self.catalog.paths:
            pages["start.md"] = self.render(START.template, "start.md", titles=self._titles())
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
        add_article_map_pages(self, pages)  # 法规的逐条对照（article_map.py）
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
        （如“先做什么”“做法”）带进生成页面的。YAML 里不认识的编号已由含义检查（C031）指出位置。"""
        problems = []
        for uri in dict.fromkeys([*self.catalog.pages, *pages]):
            text = pages.get(uri) or self.catalog.pages[uri]
            if REFERENCE.search(text):
                pages[uri], found = substitute(text, self.catalog.time_limits, f"docs/{uri}")
                problems += found if uri in self.catalog.pages else []
        if problems:
            raise ProblemsFound(problems)

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

    def _aliases(self, uri: str, terms: list) -> str:
        return self.render("glossary_aliases.md.j2", uri, terms=terms)

    @staticmethod
    def _after_title(text: str, insert: str) -> str:
        match = H1.search(text)
        if not insert or not match:
            return text
        return text[: match.end()] + "\n\n" + insert + text[match.end():]

    @staticmethod
    def _before_title(text: str, insert: str) -> str:
        match = H1.search(text)
        return text[: match.start()] + insert + text[match.start():] if match else text

    def _regulation_facts(self, regulation: Regulation) -> str:
        """清单页“依据”中文件名后括号里的内容：发布机关、文号、施行日期和状态。"""
        details = regulation.full_title[len(regulation.name):].strip("（）")
        status = regulation.status
        if regulation.replaced_by:
            status = f"已被替代，现行文件为{self.catalog.regulation(regulation.replaced_by).name}"
        return f"{details}；{status}" if details else status

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

    def _titles(self) -> dict[str, str]:
        """docs/ 下每个手写页面的一级标题，用于生成链接文字。"""
        return {uri: title for uri, text in self.catalog.pages.items() if (title := page_title(text))}

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
        for i, (page, uris) in enumerate(pages):
            stop = PathStop(number, path, i + 1, len(pages), pages[i - 1][0] if i else None,
                            pages[i + 1][0] if i + 1 < len(pages) else None)
            for uri in uris:
                result.setdefault(uri, []).append(stop)
    return result


def site_url(uri: str, directory_urls: bool) -> str:
    """页面（docs 中的路径）在站点中的地址，规则与 MkDocs 相同：a/b.md → a/b/ 或 a/b.html。"""
    if not uri.endswith(".md"):
        return uri
    stem = uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5] if directory_urls else f"{stem}.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def page_href(target: str, uri: str, directory_urls: bool) -> str:
    """从页面 uri 到 target（docs 中的路径，可带 #锚点）的相对地址，在线站点和离线包各自正确。"""
    path, _, anchor = target.partition("#")
    here, there = site_url(uri, directory_urls), site_url(path, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{anchor}" if anchor else "")


def time_limits_uri(domain_id: str) -> str:
    return f"{domain_id}/shixian.md"


def generate(catalog: Catalog, today: dt.date | None = None, *, alias_lines: bool = True,
             directory_urls: bool = True) -> dict[str, str]:
    return Renderer(catalog, today or dt.date.today(), alias_lines=alias_lines,
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
