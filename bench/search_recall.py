"""搜索效果基准：公开查询集（tests/search_queries.yml）在真实站点、真实 Material 搜索中的 recall@5。

比较两种构建，内容完全相同：
  (a) 对照组：Material 默认的中文搜索（jieba 分词），但不用术语表的分词词典，页面上也没有“又称”一行；
  (b) 本手册：术语和别称写进 jieba 用户词典，说明页和清单页上有“又称”一行。
对照组用一个临时的继承配置构建（INHERIT: mkdocs.yml，extra.glossary_search: false）。

每条查询像读者一样在搜索框里输入（Debian chromium，由 Playwright 驱动），看前 5 个结果页面中
有没有要找的页面。这是效果测量，不计时。用法：

    .venv/bin/python -m bench.search_recall            # 两组都跑，打印每条查询的名次和汇总
    .venv/bin/python -m bench.search_recall --only b   # 只跑本手册的构建
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from scripts import ROOT
from scripts.catalog import load_catalog
from scripts.site_build import build_site
from tests.browser import CHROMIUM_ARGS, serve_directory, type_chinese

QUERIES = ROOT / "tests" / "search_queries.yml"
BASELINE_CONFIG = ".bench-baseline.yml"
TOP = 5
META = ".md-search-result__meta"
DONE = "符合条件的结果"  # “找到 N 个符合条件的结果”“没有找到符合条件的结果”


@dataclass
class Query:
    text: str
    kind: str
    pages: list[str]

    def accepted(self, procedure_ids: set[str]) -> set[str]:
        """算找对的网址路径：页面本身，规程说明页还包括它的清单页。"""
        paths = set()
        for page in self.pages:
            folder, _, name = page.rpartition("/")
            stem = name.removesuffix(".md")
            paths.add(f"{folder}/" if stem == "index" else f"{folder}/{stem}/".lstrip("/"))
            if stem in procedure_ids:
                paths.add(f"{folder}/checklists/{stem}/")
        return paths


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["查询"]), q["类型"], list(q["页面"])) for q in data]


def build(variant: str, out: Path) -> Path:
    """构建 (a) 对照组或 (b) 本手册的站点到 out。"""
    if variant == "b":
        return build_site(ROOT, out)
    config = ROOT / BASELINE_CONFIG
    config.write_text("INHERIT: mkdocs.yml\nextra:\n  glossary_search: false\n", encoding="utf-8")
    try:
        return build_site(ROOT, out, config_file=BASELINE_CONFIG)
    finally:
        config.unlink(missing_ok=True)


class SearchBox:
    """在一个已打开的站点页面上反复搜索，返回每次前几个结果页面的网址路径。"""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base = urlparse(base_url).path
        page.goto(base_url)

    def search(self, text: str, top: int = TOP) -> list[str]:
        from playwright.sync_api import expect

        page = self.page
        box = "input.md-search__input"
        page.click(box)
        page.fill(box, "")
        page.keyboard.press("End")
        # 用定位器等待（在 Playwright 自己的环境里运行），不用 wait_for_function：页面的内容安全策略不允许 eval。
        meta = page.locator(META)
        expect(meta).not_to_contain_text(DONE)
        type_chinese(page, box, text)
        expect(meta).to_contain_text(DONE, timeout=15_000)
        # 每个结果项是一个页面：第一个链接指向页面本身，后面的链接指向页面中的小节。
        links = page.locator(".md-search-result__item").evaluate_all(
            "items => items.map(item => item.querySelector('a').href)")
        paths = []
        for href in links[:top]:
            path = urlparse(urljoin(page.url, href)).path
            paths.append(path[len(self.base):] if path.startswith(self.base) else path)
        return paths


def run(variant: str, queries: list[Query], chromium: str, work: Path) -> list[tuple[Query, list[str], int | None]]:
    """构建一个站点，逐条查询；返回 [(查询, 前 5 个结果, 要找的页面的名次或 None)]。"""
    from playwright.sync_api import sync_playwright

    site = build(variant, work / f"site-{variant}")
    ids = {p.id for p in load_catalog(ROOT).procedures}
    outcome = []
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            box = SearchBox(browser.new_page(), url)
            for query in queries:
                results = box.search(query.text)
                accepted = query.accepted(ids)
                rank = next((i + 1 for i, path in enumerate(results) if path in accepted), None)
                outcome.append((query, results, rank))
        finally:
            browser.close()
    return outcome


def recall(outcome: list) -> float:
    return sum(rank is not None for _, _, rank in outcome) / len(outcome)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_recall", description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["a", "b"], help="只跑一组")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    queries = load_queries()
    variants = [args.only] if args.only else ["a", "b"]
    names = {"a": "(a) Material 默认（jieba，无术语词典、无“又称”行）", "b": "(b) 本手册（术语词典 + “又称”行）"}
    results = {}
    with tempfile.TemporaryDirectory(prefix="search-bench-") as work:
        for variant in variants:
            results[variant] = run(variant, queries, args.chromium, Path(work))
    print(f"查询 {len(queries)} 条（{QUERIES.relative_to(ROOT)}），前 {TOP} 个结果中有要找的页面即算找到。\n")
    print("查询\t类型\t" + "\t".join(f"({v})名次" for v in variants))
    for i, query in enumerate(queries):
        ranks = [results[v][i][2] for v in variants]
        print(f"{query.text}\t{query.kind}\t" + "\t".join(str(r) if r else "-" for r in ranks))
    print()
    for variant in variants:
        outcome = results[variant]
        by_kind = {}
        for query, _, rank in outcome:
            by_kind.setdefault(query.kind, []).append(rank is not None)
        detail = "，".join(f"{k} {sum(v)}/{len(v)}" for k, v in by_kind.items())
        print(f"{names[variant]}：recall@{TOP} = {recall(outcome):.3f}（{detail}）")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
