"""把修订记录和更新说明放进生成的页面（数据来自 changes.py）：

- 每项规程的说明页和清单页最后加“修订记录”一节（revisions.md.j2）；
- 更新说明页 gengxin.md（changes.md.j2），最近 MAX_VERSIONS 个有修改的版本，新的在前；
- 给维护者的“待复核”页 weihu/daifuhe.md（review_due.md.j2）：已过期和 AHEAD_DAYS 天内到期的规程。

render.Renderer.generate 在最后调用 add_change_pages，这些文字不算页面“用到”的术语或文件。
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from scripts.addresses import CHANGES_URI, REVIEW_DUE_URI
from scripts.content.model import REVIEW_AHEAD_DAYS as AHEAD_DAYS
from scripts.history.changes import History
from scripts.pages.page_types import CHANGES, REVIEW_DUE

if TYPE_CHECKING:
    from scripts.pages.renderer import Renderer

MAX_VERSIONS = 50
RETIRED = "已废止"
def review_due_soon(procedures, today: dt.date, ahead: int = AHEAD_DAYS) -> list:
    """已过期或 ahead 天内到期的现行规程，最早到期的在前。"""
    limit = today + dt.timedelta(days=ahead)
    return sorted((p for p in procedures if p.status != RETIRED and p.review_due <= limit),
                  key=lambda p: (p.review_due, p.id))


def add_change_pages(renderer: Renderer, pages: dict[str, str]) -> None:
    catalog = renderer.catalog
    history: History = renderer.history
    for proc in catalog.procedures:
        for uri in (proc.page_uri, proc.checklist_uri):
            if uri in pages:
                section = renderer.render("revisions.md.j2", uri, available=history.available,
                                          revisions=history.of(proc.source), changes_uri=CHANGES_URI)
                pages[uri] = pages[uri].rstrip("\n") + "\n\n" + section
    by_source = {p.source: p for p in catalog.procedures}

    versions = history.versions[:MAX_VERSIONS]
    pages[CHANGES_URI] = renderer.render(
        CHANGES.template, CHANGES_URI, history=history, versions=versions, proc_of=lambda item: by_source.get(item.key),
        example=versions[0].version if versions else "20261129-0c494d7",
        more=len(history.versions) - len(versions))
    pages[REVIEW_DUE_URI] = renderer.render(
        REVIEW_DUE.template, REVIEW_DUE_URI, rows=review_due_soon(catalog.procedures, renderer.today),
        ahead=AHEAD_DAYS)

