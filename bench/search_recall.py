"""搜索效果基准：公开查询集（tests/search_queries.yml）在真实站点、真实搜索中的 recall@5、MRR 和延迟。

同一份内容比较三种搜索：
  (a) Material 默认：Material 自带的中文搜索（jieba 分词），不用本手册的任何改进——没有术语词典和
      “又称”一行，不修正 worker 的查询切分，不整理索引（用一个临时的继承配置构建：INHERIT: mkdocs.yml，
      extra.glossary_search: false）；
  (b) 本手册：术语词典、“又称”、worker 修正、整理过的索引（scripts/search/search_index.py）；
  (p) Pagefind 扩展版（支持中文），在 (b) 的构建结果上建索引，用它的 JavaScript 接口查询；
  (z) Zensical 构建（make build-zensical）：Zensical 自己的搜索，中文按术语表加浏览器的 Intl.Segmenter 分词
      （scripts/search/zensical_search.py）；
  (y) 同一个 Zensical 站点换回 Zensical 原来的 worker（只用 Intl.Segmenter）：看术语表分词的作用。

每条查询像读者一样在搜索框里输入（Debian chromium，由 Playwright 驱动），看前 5 个结果页面中
有没有要找的页面（规程的说明页和清单页都算）。关键词和学员的问题（类型“问题”）分开统计：
  recall@5  前 5 个结果中有要找的页面的查询所占的比例；
  MRR       要找的页面名次的倒数的平均（前 5 名之外算 0）；
  延迟      在页面里计时（performance.now）：从搜索框的按键抬起到结果数显示出来，取中位数；
            Pagefind 没有搜索框，计的是 search() 加取前 5 个结果的数据。
用法：

    .venv/bin/python -m bench.search_recall              # 三种都跑，打印每条查询的名次和汇总
    .venv/bin/python -m bench.search_recall --only b     # 只跑本手册的构建
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from scripts import ROOT
from scripts.pipeline import load_catalog
from scripts.site.site_build import build_site
from tests.browser import CHROMIUM_ARGS, serve_directory, type_chinese

QUERIES = ROOT / "tests" / "search_queries.yml"
BASELINE_CONFIG = ".bench-baseline.yml"
TOP = 5
META = ".md-search-result__meta"
DONE = "符合条件的结果"  # “找到 N 个符合条件的结果”“没有找到符合条件的结果”
PAGEFIND_DIR = "pagefind"
QUESTION = "问题"
NAMES = {"a": "Material 默认", "b": "本手册", "p": "Pagefind 扩展版", "z": "Zensical（术语表分词）",
         "y": "Zensical 默认分词"}

# 在页面里计时：下一次搜索框的 keyup（捕获阶段，先于 Material 的处理）到结果数显示出来。
_ARM_TIMER = """() => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  window.__searchTiming = new Promise(resolve => {
    let start = null;
    const begin = event => { if (start === null && event.target === input) start = performance.now(); };
    document.addEventListener('keyup', begin, true);
    const observer = new MutationObserver(() => {
      if (start !== null && meta.textContent.includes('DONE_TEXT')) {
        observer.disconnect();
        document.removeEventListener('keyup', begin, true);
        resolve(performance.now() - start);
      }
    });
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
  });
}""".replace("DONE_TEXT", DONE)


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

    @property
    def is_question(self) -> bool:
        return self.kind == QUESTION


@dataclass
class Outcome:
    query: Query
    results: list[str]
    rank: int | None
    ms: float


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(q["查询"]), q["类型"], list(q["页面"])) for q in data]


def procedure_ids() -> set[str]:
    return {p.id for p in load_catalog(ROOT).procedures}


def build(variant: str, out: Path) -> Path:
    """构建 (a) Material 默认或 (b) 本手册的站点到 out。"""
    if variant == "b":
        return build_site(ROOT, out)
    config = ROOT / BASELINE_CONFIG
    config.write_text("INHERIT: mkdocs.yml\nextra:\n  glossary_search: false\n", encoding="utf-8")
    try:
        return build_site(ROOT, out, config_file=BASELINE_CONFIG)
    finally:
        config.unlink(missing_ok=True)


# Zensical 的搜索框在 Shadow DOM 里的 <dialog> 中（Playwright 的 CSS 定位器能穿过开放的 Shadow DOM）。
# Zensical 在输入（input 事件）时就搜索，不等按键抬起：计时从 input 事件开始。
# 结果数显示在 role=status 里：“N results”“No results”；清空输入时为空（界面重绘时这个元素会换掉）。
# 结果的链接带着查询（?h=查询）：链接上是这次的查询，才算这次的结果出来了（不会读到上一次的）；
# “No results”在结果出来之前也会闪过，半秒内不再变化才算真的没有结果。
_ZENSICAL_ARM_TIMER = """(query) => {
  const host = [...document.body.children].find(e => e.shadowRoot && e.shadowRoot.querySelector('dialog'));
  const input = host.shadowRoot.querySelector('dialog input');
  window.__searchTiming = new Promise(resolve => {
    let start = null, quiet = null;
    const begin = event => { if (start === null && event.composedPath()[0] === input) start = performance.now(); };
    document.addEventListener('input', begin, true);
    const done = ms => { observer.disconnect(); document.removeEventListener('input', begin, true); resolve(ms); };
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      if (start === null) return;
      const status = host.shadowRoot.querySelector('dialog [role=status]');  // 界面重绘时会换新元素
      const first = host.shadowRoot.querySelector('dialog ol[role=listbox] > li a');
      const ms = performance.now() - start;
      if (status && /results?$/.test(status.textContent) && first && new URL(first.href).searchParams.get('h') === query) {
        done(ms);
      } else if (status && status.textContent === 'No results') {
        quiet = setTimeout(() => done(ms), 500);  // 结果出来之前也会闪过一次 No results：半秒内不再变化才算
      }
    });
    observer.observe(host.shadowRoot, {childList: true, characterData: true, subtree: true});
  });
}"""


def build_zensical_variant(variant: str, out: Path) -> Path:
    """构建 (z) Zensical 站点到 out；(y) 再换回 Zensical 原来的 worker、去掉索引里的术语表词。"""
    import json

    import zensical

    from scripts.adapters.zensical_build import build_zensical
    from scripts.search.search_worker import WORKERS
    from scripts.search.zensical_search import INDEX

    site = build_zensical(ROOT, out)
    if variant == "y":
        for worker in (Path(zensical.__file__).parent / "templates" / WORKERS).glob("search.*.min.js"):
            shutil.copyfile(worker, site / WORKERS / worker.name)
        data = json.loads((site / INDEX).read_text(encoding="utf-8"))
        del data["config"]["words"]
        (site / INDEX).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return site


class SearchBox:
    """在一个已打开的站点页面上反复搜索，返回每次前几个结果页面的网址路径；last_ms 是那次的延迟。"""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base = urlparse(base_url).path
        self.last_ms = float("nan")
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
        page.evaluate(_ARM_TIMER)
        type_chinese(page, box, text)
        expect(meta).to_contain_text(DONE, timeout=15_000)
        self.last_ms = page.evaluate("() => window.__searchTiming")
        return self.results(top)

    def results(self, top: int = TOP) -> list[str]:
        """当前显示的前 top 个结果。每个结果项是一个页面：第一个链接指向页面本身，后面的指向页面中的小节。"""
        links = self.page.locator(".md-search-result__item").evaluate_all(
            "items => items.map(item => item.querySelector('a').href)")
        return [self.path(href) for href in links[:top]]

    def path(self, href: str) -> str:
        path = urlparse(urljoin(self.page.url, href)).path
        return path[len(self.base):] if path.startswith(self.base) else path


class ZensicalSearchBox(SearchBox):
    """同样的用法，用在 Zensical 构建的站点上：点页首的搜索按钮打开对话框，在里面输入。"""

    INPUT = "dialog input[role=combobox]"
    STATUS = "dialog [role=status]"

    def search(self, text: str, top: int = TOP) -> list[str]:
        from playwright.sync_api import expect

        page = self.page
        if not page.locator(self.INPUT).is_visible():
            page.click(".md-search__button")
        page.fill(self.INPUT, "")
        expect(page.locator(self.STATUS)).to_have_text("")
        page.evaluate(_ZENSICAL_ARM_TIMER, text)
        page.locator(self.INPUT).focus()
        page.keyboard.insert_text(text)
        page.keyboard.press("End")
        self.last_ms = page.evaluate("() => window.__searchTiming")  # 等到这次查询的结果显示出来
        return self.results(top)

    def results(self, top: int = TOP) -> list[str]:
        """前 top 个结果。Zensical 的每个结果是一节（同一页可以占几项），按显示的顺序取。"""
        links = self.page.locator("dialog ol[role=listbox] > li a").evaluate_all("links => links.map(a => a.href)")
        return [self.path(href) for href in links[:top]]


def _rank(results: list[str], accepted: set[str]) -> int | None:
    return next((i + 1 for i, path in enumerate(results) if path in accepted), None)


def search_box_queries(site: Path, queries: list[Query], chromium: str, box_type=SearchBox) -> list[Outcome]:
    """在 site 上用 Material（或 box_type 给的 Zensical）的搜索框逐条查询。"""
    from playwright.sync_api import sync_playwright

    ids = procedure_ids()
    outcome = []
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            box = box_type(browser.new_page(), url)
            box.search(queries[0].text)  # 预热：第一次搜索时 worker 要先建立索引
            for query in queries:
                results = box.search(query.text)
                outcome.append(Outcome(query, results, _rank(results, query.accepted(ids)), box.last_ms))
        finally:
            browser.close()
    return outcome


_PAGEFIND_QUERY = """async ([q, top]) => {
  const start = performance.now();
  const found = await pf.search(q);
  const urls = await Promise.all(found.results.slice(0, top).map(async r => (await r.data()).url));
  return [urls, performance.now() - start];
}"""


def pagefind(site: Path, queries: list[Query], chromium: str) -> list[Outcome]:
    """在已构建的站点上运行 Pagefind（扩展版带中文分词），用它的 JavaScript 接口查询。"""
    from playwright.sync_api import sync_playwright

    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", PAGEFIND_DIR,
                    "--force-language", "zh"], check=True, capture_output=True)
    ids = procedure_ids()
    outcome = []
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.evaluate(f"async () => {{ window.pf = await import('/{PAGEFIND_DIR}/pagefind.js'); await pf.init(); }}")
            page.evaluate(_PAGEFIND_QUERY, [queries[0].text, TOP])  # 预热
            for query in queries:
                urls, ms = page.evaluate(_PAGEFIND_QUERY, [query.text, TOP])
                results = [urlparse(u).path.lstrip("/") for u in urls]
                outcome.append(Outcome(query, results, _rank(results, query.accepted(ids)), ms))
        finally:
            browser.close()
    return outcome


def figures(outcome: list[Outcome]) -> dict:
    """recall@5、MRR、中位延迟和条数。"""
    if not outcome:
        return {"queries": 0}
    return {"queries": len(outcome),
            "recall": sum(o.rank is not None for o in outcome) / len(outcome),
            "mrr": sum(1 / o.rank for o in outcome if o.rank) / len(outcome),
            "median_ms": statistics.median(o.ms for o in outcome)}


def summary(outcome: list[Outcome]) -> dict:
    """关键词和问题分开统计，另有全部合计。"""
    return {"keywords": figures([o for o in outcome if not o.query.is_question]),
            "questions": figures([o for o in outcome if o.query.is_question]),
            "all": figures(outcome)}


def line(name: str, part: str, f: dict) -> str:
    return (f"{name}\t{part}\t{f['queries']} 条\trecall@{TOP} {f['recall']:.3f}\tMRR {f['mrr']:.3f}"
            f"\t中位延迟 {f['median_ms']:.1f} ms")


def run(variants: list[str], queries: list[Query], chromium: str, work: Path) -> dict[str, list[Outcome]]:
    """构建需要的站点并逐条查询：{变体: [Outcome]}。"""
    results = {}
    sites = {}
    for variant in variants:
        if variant in ("a", "b"):
            sites[variant] = build(variant, work / f"site-{variant}")
            results[variant] = search_box_queries(sites[variant], queries, chromium)
    for variant in ("z", "y"):
        if variant in variants:
            sites[variant] = build_zensical_variant(variant, work / f"site-{variant}")
            results[variant] = search_box_queries(sites[variant], queries, chromium, ZensicalSearchBox)
    if "p" in variants:
        site = sites.get("b") or build("b", work / "site-b")
        try:
            results["p"] = pagefind(site, queries, chromium)
        except (OSError, subprocess.CalledProcessError) as err:  # 没装 pagefind（bench/requirements.txt）
            print(f"Pagefind 未运行：{err}", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_recall", description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=list(NAMES),
                        help="只跑一种：a Material 默认，b 本手册，p Pagefind，z Zensical，y Zensical 默认分词")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--queries", type=Path, default=QUERIES,
                        help="查询集（默认公开的 tests/search_queries.yml；留出的是 tests/search_heldout.yml）")
    args = parser.parse_args(argv)
    queries = load_queries(args.queries)
    variants = [args.only] if args.only else ["a", "b", "p"]
    with tempfile.TemporaryDirectory(prefix="search-bench-") as work:
        results = run(variants, queries, args.chromium, Path(work))
    done = [v for v in variants if v in results]
    print(f"查询 {len(queries)} 条（{args.queries.resolve().relative_to(ROOT)}），前 {TOP} 个结果中有要找的页面即算找到。\n")
    print("查询\t类型\t" + "\t".join(f"({v})名次" for v in done))
    for i, query in enumerate(queries):
        ranks = [results[v][i].rank for v in done]
        print(f"{query.text}\t{query.kind}\t" + "\t".join(str(r) if r else "-" for r in ranks))
    print()
    for variant in done:
        s = summary(results[variant])
        for part, label in (("keywords", "关键词"), ("questions", "问题"), ("all", "合计")):
            print(line(f"({variant}) {NAMES[variant]}", label, s[part]))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
