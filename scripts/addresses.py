"""页面地址的唯一规则：每种页面在 docs/ 中的路径，以及路径在站点中的网址。

生成页面、导航、搜索索引、钩子和 Zensical 构建都从这里取地址，不再各自拼字符串。
站点网址的算法与 MkDocs 相同（tests/test_addresses.py 拿 MkDocs 的 File.url 逐页对照）。
"""

from __future__ import annotations

import posixpath

CHANGES_URI = "gengxin.md"  # 更新说明
REVIEW_DUE_URI = "weihu/daifuhe.md"  # 给维护者的“待复核”页
START_URI = "start.md"  # 从这里开始
GLOSSARY_URI = "indexes/glossary.md"
REGULATIONS_URI = "indexes/regulations.md"


def overview_uri(domain_id: str) -> str:
    """领域概述。"""
    return f"{domain_id}/index.md"


def procedure_uri(domain_id: str, proc_id: str) -> str:
    """规程的说明页（编辑手写的 Markdown）。"""
    return f"{domain_id}/{proc_id}.md"


def checklist_uri(domain_id: str, proc_id: str) -> str:
    """规程的清单页（由 YAML 生成）。"""
    return f"{domain_id}/checklists/{proc_id}.md"


def checklists_uri(domain_id: str) -> str:
    """一个领域的“规程一览”。"""
    return f"{domain_id}/checklists/index.md"


def print_uri(domain_id: str) -> str:
    """一个领域的“打印全部清单”。"""
    return f"{domain_id}/checklists/print.md"


def time_limits_uri(domain_id: str) -> str:
    """一个领域的“办理时限一览”。"""
    return f"{domain_id}/shixian.md"


def forms_uri(domain_id: str) -> str:
    """一个领域的“文书”一览。"""
    return f"{domain_id}/wenshu/index.md"


def form_uri(domain_id: str, form_id: str, suffix: str = ".md") -> str:
    """一份文书的打印页（.md）或 Word 文件（.docx），在同一文件夹。"""
    return f"{domain_id}/wenshu/{form_id}{suffix}"


def article_map_uri(domain_id: str, regulation_id: str) -> str:
    """一份法规的“逐条对照”页。"""
    return f"{domain_id}/tiaowen/{regulation_id}.md"


def site_url(uri: str, directory_urls: bool) -> str:
    """页面（docs 中的路径）在站点中的地址：a/b.md → a/b/ 或 a/b.html；首页是空字符串。"""
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
