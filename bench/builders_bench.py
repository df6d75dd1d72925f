"""两种构建工具并排：MkDocs（make build）和 Zensical（make build-zensical）构建同一本手册。

每种：完整构建的时间（中位数，不含编辑检查）、页面数、有清单步骤的页面数、术语提示数
（abbr.glossary-term）、中文搜索的 recall@5（公开查询集，bench/search_recall.py，Debian chromium）。
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts import ROOT

from .measure import median_runs, python, run_measured
from .search_recall import SearchBox, ZensicalSearchBox, load_queries, search_box_queries, summary
from .synthetic import copy_project

COMMANDS = {"mkdocs": ("build", "--no-lint"), "zensical": ("build-zensical",)}


def builders_bench(chromium: str, repeat: int = 3) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(Path(work) / "manual")
        for builder, (command, *options) in COMMANDS.items():
            site = root / f"site-{builder}"
            run = median_runs(lambda command=command, site=site, options=options: run_measured(
                python("-m", "scripts", "--root", str(root), command, "--site-dir", str(site), *options), ROOT), repeat)
            texts = {page: page.read_text(encoding="utf-8") for page in site.rglob("*.html")}
            pages = [text for page, text in texts.items() if page.name == "index.html"]
            box = SearchBox if builder == "mkdocs" else ZensicalSearchBox
            results[builder] = {
                "seconds": run.seconds,
                "pages": len(pages),
                "checklists": sum('class="checklist__step"' in text for text in pages),
                "tooltips": sum(text.count('class="glossary-term"') for text in texts.values()),
                "search": summary(search_box_queries(site, load_queries(), chromium, box)),
            }
    return results
