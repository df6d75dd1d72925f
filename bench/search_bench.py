"""搜索对比：同一份内容，Material 默认配置、本手册的配置和 Pagefind（扩展版，支持中文）。

每种都在 Debian chromium 里实测：recall@5（tests/search_queries.yml 的公开查询集）、
每条查询从输入到结果出现的时间（中位数），以及搜索索引平均每页多少字节。
Material 的两种构建复用 bench.search_recall；Pagefind 在“本手册”的构建结果上建索引，
通过它的 JavaScript 接口查询（Pagefind 没有 Material 那样的搜索框）。
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from scripts import ROOT
from scripts.catalog import load_catalog
from tests.browser import CHROMIUM_ARGS, serve_directory

from .search_recall import TOP, SearchBox, build, load_queries

PAGEFIND_DIR = "pagefind"


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def _index_bytes(paths: list[Path]) -> int:
    return sum(p.stat().st_size for path in paths for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file())


def _rank(results: list[str], accepted: set[str]) -> int | None:
    return next((i + 1 for i, path in enumerate(results) if path in accepted), None)


def material(variant: str, queries, chromium: str, work: Path) -> dict:
    from playwright.sync_api import sync_playwright

    site = build(variant, work / f"site-{variant}")
    ids = {p.id for p in load_catalog(ROOT).procedures}
    ranks, times = [], []
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            box = SearchBox(browser.new_page(), url)
            box.search(queries[0].text)  # 预热：第一次搜索时要先建立索引
            for query in queries:
                start = time.perf_counter()
                results = box.search(query.text)
                times.append(time.perf_counter() - start)
                ranks.append(_rank(results, query.accepted(ids)))
        finally:
            browser.close()
    index = _index_bytes([site / "search" / "search_index.json"])
    return {"site": site, "recall": sum(r is not None for r in ranks) / len(ranks),
            "median_ms": statistics.median(times) * 1000, "index_bytes_per_page": index / _pages(site)}


def pagefind(site: Path, queries, chromium: str) -> dict:
    """在已构建的站点上运行 Pagefind（扩展版带中文分词），用它的 JavaScript 接口查询。"""
    from playwright.sync_api import sync_playwright

    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", PAGEFIND_DIR,
                    "--force-language", "zh"], check=True, capture_output=True)
    ids = {p.id for p in load_catalog(ROOT).procedures}
    ranks, times = [], []
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.evaluate(f"async () => {{ window.pf = await import('/{PAGEFIND_DIR}/pagefind.js'); await pf.init(); }}")
            page.evaluate(f"async () => (await pf.search({queries[0].text!r})).results.length")  # 预热
            for query in queries:
                start = time.perf_counter()
                urls = page.evaluate(
                    "async q => Promise.all((await pf.search(q)).results.slice(0, %d).map(async r => (await r.data()).url))"
                    % TOP, query.text)
                times.append(time.perf_counter() - start)
                ranks.append(_rank([urlparse(u).path.lstrip("/") for u in urls], query.accepted(ids)))
        finally:
            browser.close()
    index = _index_bytes([site / PAGEFIND_DIR])
    return {"recall": sum(r is not None for r in ranks) / len(ranks),
            "median_ms": statistics.median(times) * 1000, "index_bytes_per_page": index / _pages(site)}


def search_bench(chromium: str, work: Path) -> dict:
    queries = load_queries()
    default = material("a", queries, chromium, work)
    ours = material("b", queries, chromium, work)
    results = {"queries": len(queries), "material_default": default, "ours": ours}
    try:
        results["pagefind"] = pagefind(ours["site"], queries, chromium)
    except (OSError, subprocess.CalledProcessError) as err:  # 没装 pagefind 时照常给出其余数字
        results["pagefind"] = {"error": str(err)}
    for entry in (default, ours):
        entry.pop("site")
    return results
