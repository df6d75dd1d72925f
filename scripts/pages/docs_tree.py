"""完整的 docs 目录：手写页面（docs/）加上生成的页面、文书的 Word 文件和导航（_nav.json）。

`python -m scripts generate` 和 Zensical 构建（zensical_build.py）用它；MkDocs 不需要，钩子直接把生成的
页面交给 MkDocs（mkdocs_hook.py）。
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from scripts import pipeline
from scripts.pages.navigation import build_nav
from scripts.pipeline import Sources

NAV_FILE = "_nav.json"


def write_docs_tree(sources: Sources, out: Path, *, directory_urls: bool = True) -> list:
    """把完整的 docs 目录写进 out（一个新的空目录），返回导航（MkDocs 的 nav 格式）。"""
    shutil.copytree(sources.root / "docs", out, dirs_exist_ok=True)
    for uri, content in pipeline.generate(sources, directory_urls=directory_urls).items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):  # 文书的 Word 文件
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return build_nav(sources.catalog)


def write_nav(nav: list, out: Path) -> None:
    (out / NAV_FILE).write_text(json.dumps(nav, ensure_ascii=False, indent=1), encoding="utf-8")
