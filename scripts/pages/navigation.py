"""由目录生成导航：首页、从这里开始、各领域（概述、规程一览、其他页面）、索引。

导航不写在 mkdocs.yml 里，新增一项规程或一个领域时不需要改配置。
"""

from __future__ import annotations

from scripts.addresses import CHANGES_URI, checklists_uri, forms_uri, overview_uri, time_limits_uri
from scripts.content.catalog import Catalog

NavItem = str | dict


def build_nav(catalog: Catalog) -> list[NavItem]:
    nav: list[NavItem] = [{"首页": "index.md"}] if "index.md" in catalog.pages else []
    if catalog.paths:
        nav.append({"从这里开始": "start.md"})
    domain_ids = {d.id for d in catalog.domains}
    for domain in catalog.domains:
        key = domain.id
        # 各项规程不逐一放进导航：每页都要渲染整棵导航，逐项列出会让构建时间随规程数平方增长
        # （5000 项时一次构建要十几分钟）。规程从“规程一览”、概述页、搜索和上一篇/下一篇进入。
        claimed = {overview_uri(key)} | {p.page_uri for p in catalog.in_domain(key)}
        section: list[NavItem] = [{"概述": overview_uri(key)}, {"规程一览": checklists_uri(key)}]
        if any(t.domain == key for t in catalog.time_limits.values()):
            section.append({"办理时限一览": time_limits_uri(key)})
        if any(form.domain == key for form in catalog.forms):
            section.append({"文书": forms_uri(key)})  # 可打印、可下载的文书（form_pages.py）
        section += [{f"{catalog.regulation(m.regulation).name}逐条对照": m.page_uri}  # article_map_pages.py
                    for m in catalog.article_maps if m.domain == key]
        section += [uri for uri in _markdown_in(catalog, key) if uri not in claimed]
        nav.append({domain.name: section})
    nav.append({"索引": [{"按领域查规程": "indexes/domains.md"}, {"按角色查规程": "indexes/roles.md"},
                         {"按标签查规程": "indexes/tags.md"}, {"术语表": "indexes/glossary.md"},
                         {"法规与文件": "indexes/regulations.md"}]})
    nav.append({"更新说明": CHANGES_URI})  # 各版本的修改（changes.py）；“待复核”页给维护者，不进导航

    # 不属于任何领域的其他手写页面（如编写规范），按文件名排在最后。
    for name in sorted({uri.split("/")[0] for uri in catalog.pages}):
        if name.endswith(".md"):
            if name != "index.md":
                nav.append(name)
        elif name not in domain_ids and name != "indexes" and (pages := _markdown_in(catalog, name)):
            nav.append({name: pages})
    return nav


def _markdown_in(catalog: Catalog, folder: str) -> list[str]:
    """folder 里（不含子文件夹）的手写页面。"""
    return sorted(uri for uri in catalog.pages if uri.rsplit("/", 1)[0] == folder)
