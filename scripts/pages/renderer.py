"""渲染器：Jinja2 环境（模板在 templates/）和各种页面共用的渲染方法。

生成页面的各个部分（render.py、flowchart.py、form_pages.py、change_pages.py）都用它渲染，互相不再引用。
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from scripts.addresses import page_href
from scripts.content.catalog import Catalog
from scripts.content.model import Procedure, Regulation
from scripts.dates import chinese_date
from scripts.history.changes import History
from scripts.pages.markdown_text import md_text
from scripts.pages.reference import H1, page_title
from scripts.site.private_cache import subfolder

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
    def __init__(self, catalog: Catalog, today: dt.date, *, history: History | None = None, alias_lines: bool = True,
                 directory_urls: bool = True):
        self.catalog = catalog
        self.today = today
        self.directory_urls = directory_urls  # MkDocs 的 use_directory_urls：离线包是 False
        self.env = _environment()
        self.history = history or History(available=False)  # 修订记录：load 阶段读好的
        # alias_lines=False 只用于搜索基准测试的对照组：不加“又称”一行。
        self.env.globals.update(alias_lines=alias_lines, regulation_facts=self._regulation_facts)

    def authored(self, uri: str) -> str | None:
        return self.catalog.pages.get(uri)

    def page_of(self, proc: Procedure) -> str:
        """读者点开一项规程时去的页面：有说明页就去说明页，否则去清单页。"""
        return proc.page_uri if proc.page_uri in self.catalog.pages else proc.checklist_uri

    def render(self, template: str | None, uri: str, **context) -> str:
        assert template is not None, f"{uri}：这种页面没有模板"
        def link(target: str) -> str:
            return posixpath.relpath(target, posixpath.dirname(uri) or ".")

        def href(target: str) -> str:
            """HTML 里（清单步骤、流程图）的链接：MkDocs 不改写它们，直接写成站点中的相对地址。"""
            return page_href(target, uri, self.directory_urls)

        return self.env.get_template(template).render(
            catalog=self.catalog, today=self.today, link=link, href=href, page_of=self.page_of, uri=uri, **context
        )

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

    def _titles(self) -> dict[str, str]:
        """docs/ 下每个手写页面的一级标题，用于生成链接文字。"""
        return {uri: title for uri, text in self.catalog.pages.items() if (title := page_title(text))}
