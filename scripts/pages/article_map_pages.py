"""条文对照页：每份对照（procedures/_article_map.yml）一页“逐条对照”（templates/article_map.md.j2）。

每条一个小节，写它要求什么，链接到讲它的规程步骤或页面，或者写明为什么不在本手册中讲。
"""

from __future__ import annotations

from scripts.content.article_map import anchor, article_number
from scripts.pages.reference import page_title
from scripts.pages.renderer import Renderer


def add_article_map_pages(renderer: Renderer, pages: dict[str, str]) -> None:
    """每份条文对照一页：按章列出每一条、它的要求和讲它的地方。"""
    catalog = renderer.catalog
    procedures = catalog.by_id()
    titles = {uri: title for uri, text in {**catalog.pages, **pages}.items()
              if (title := _h1(text))}
    for article_map in catalog.article_maps:
        rows: list = []
        chapters: list[tuple[str, list]] = []
        for article in article_map.articles:
            if article.chapter:
                chapters.append((article.chapter, []))
            elif not chapters:
                chapters.append(("", []))
            links = []
            for target in article.targets:
                if target.procedure:
                    proc = procedures[target.procedure]
                    if target.step:
                        step = next(s for s in proc.steps if s.id == target.step)
                        links.append((f"{proc.checklist_uri}#{proc.id}--{step.id}", f"{proc.title}：{step.name}"))
                    else:
                        links.append((renderer.page_of(proc), proc.title))
                else:
                    links.append((target.page, titles.get(target.page, target.page)))
            row = (article, anchor(article_number(article.number) or 0), links)
            rows.append(row)
            chapters[-1][1].append(row)
        uri = article_map.page_uri
        pages[uri] = renderer.render("article_map.md.j2", uri, article_map=article_map, chapters=chapters,
                                     regulation=catalog.regulation(article_map.regulation),
                                     covered=sum(1 for _, _, links in rows if links),
                                     domain=catalog.domain(article_map.domain))


def _h1(text: str) -> str | None:
    return page_title(text)
