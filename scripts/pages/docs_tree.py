"""完整的 docs 目录：手写页面（docs/）加上生成的页面、文书的 Word 文件和导航（_nav.json）。

`python -m scripts generate` 和 Zensical 构建（zensical_build.py）用它；MkDocs 不需要，钩子直接把生成的
页面交给 MkDocs（mkdocs_hook.py）。
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from scripts.content.catalog import Catalog
from scripts.pages.forms_docx import form_documents
from scripts.pages.navigation import build_nav
from scripts.pages.render import generate

NAV_FILE = "_nav.json"


def write_docs_tree(catalog: Catalog, out: Path, today: dt.date, *, directory_urls: bool = True) -> list:
    """把完整的 docs 目录写进 out（一个新的空目录），返回导航（MkDocs 的 nav 格式）。"""
    shutil.copytree(catalog.root / "docs", out, dirs_exist_ok=True)
    for uri, content in generate(catalog, today, directory_urls=directory_urls).items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    for uri, data in form_documents(catalog).items():  # 文书的 Word 文件
        (out / uri).write_bytes(data)
    return build_nav(catalog)


def write_nav(nav: list, out: Path) -> None:
    (out / NAV_FILE).write_text(json.dumps(nav, ensure_ascii=False, indent=1), encoding="utf-8")
