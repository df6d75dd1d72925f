"""页面的种类：一张表写明每种页面用哪个模板、是否进导航、是否只是汇总、“编辑此页”指向哪里。

渲染（render.py）、导航（navigation.py）、术语表和法规页的“用到它的页面”（reference.py）和
MkDocs 钩子都查这张表，不再各自按路径字符串判断。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scripts.addresses import CHANGES_URI, REVIEW_DUE_URI, START_URI

if TYPE_CHECKING:
    from scripts.content.catalog import Catalog


@dataclass(frozen=True)
class PageType:
    name: str
    template: str | None  # 生成用的模板；None 表示手写页面（可能加上了规程信息、“又称”或时限）
    in_nav: bool  # 规程的说明页和清单页不进导航（从“规程一览”、概述页和上一篇/下一篇进入）
    summary: bool  # 汇总性页面只是转述，术语表和“法规与文件”页不把它算作“用到”的页面
    edit_yaml: bool = False  # “编辑此页”指向规程的 YAML；否则指向手写的 Markdown（没有就不显示）


CHECKLIST = PageType("清单页", "checklist.md.j2", in_nav=False, summary=False, edit_yaml=True)
PROCEDURE = PageType("说明页", None, in_nav=False, summary=False)
DOMAIN_CHECKLISTS = PageType("规程一览", "domain_checklists.md.j2", in_nav=True, summary=True)
DOMAIN_PRINT = PageType("打印全部清单", "domain_print.md.j2", in_nav=False, summary=True)
DOMAIN_OVERVIEW = PageType("领域概述", "domain_overview.md.j2", in_nav=True, summary=False)
TIME_LIMITS = PageType("办理时限一览", "time_limits.md.j2", in_nav=True, summary=False)
START = PageType("从这里开始", "start.md.j2", in_nav=True, summary=True)
INDEX = PageType("索引", None, in_nav=True, summary=True)  # indexes/ 下各页，模板见 render.py
CHANGES = PageType("更新说明", "changes.md.j2", in_nav=True, summary=True)  # 各版本的修改（changes.py）
REVIEW_DUE = PageType("待复核", "review_due.md.j2", in_nav=False, summary=True)  # 给维护者，不进导航
AUTHORED = PageType("手写页面", None, in_nav=True, summary=False)
FORMS = PageType("文书", "forms_index.md.j2", in_nav=True, summary=True)  # 一个领域的文书一览（forms.py）
FORM = PageType("文书打印页", "form.md.j2", in_nav=False, summary=True)  # 一份文书的空白表，编辑指向 _forms.yml
ARTICLE_MAP = PageType("逐条对照", "article_map.md.j2", in_nav=True, summary=True)  # 法规逐条对照（article_map_pages.py）


def page_type(catalog: Catalog, uri: str) -> PageType:
    if uri.startswith("indexes/"):
        return INDEX
    if uri == START_URI:
        return START
    if uri in (CHANGES_URI, REVIEW_DUE_URI):
        return CHANGES if uri == CHANGES_URI else REVIEW_DUE
    folder, _, name = uri.rpartition("/")
    if folder.endswith("/checklists"):
        return {"index.md": DOMAIN_CHECKLISTS, "print.md": DOMAIN_PRINT}.get(name, CHECKLIST)
    if name == "shixian.md":
        return TIME_LIMITS
    if folder.endswith("/wenshu"):
        return FORMS if name == "index.md" else FORM
    if folder.endswith("/tiaowen"):
        return ARTICLE_MAP
    if uri in catalog.procedure_pages:
        return PROCEDURE
    return AUTHORED


def edit_uri(catalog: Catalog, uri: str, authored_src: str | None) -> str | None:
    """“编辑此页”的地址：清单页指向 YAML 源文件，其余指向手写的 Markdown。"""
    kind = page_type(catalog, uri)
    if kind.edit_yaml:
        return f"../{catalog.procedure_pages[uri].source}"
    if kind in (FORMS, FORM):
        return "../procedures/_forms.yml"
    if kind is ARTICLE_MAP:
        return "../procedures/_article_map.yml"
    return authored_src
