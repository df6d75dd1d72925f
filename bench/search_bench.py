"""搜索对比（make bench 的一项）：同一份内容，Material 默认、本手册和 Pagefind（扩展版，支持中文）。

查询和计时都在 bench.search_recall 里：关键词和问题分开给出 recall@5、MRR 和中位延迟。
这里另外量搜索索引的大小：平均每页多少字节，Material 的两种还有每个索引汉字多少字节。
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.search.search_index import INDEX, stats

from .search_recall import PAGEFIND_DIR, load_queries, run, summary

KEYS = {"a": "material_default", "b": "ours", "p": "pagefind"}


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html") if _.name == "index.html")


def _bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file())


def index_size(site: Path, variant: str) -> dict:
    if variant == "p":
        return {"index_bytes": _bytes(site / PAGEFIND_DIR), "index_bytes_per_page": _bytes(site / PAGEFIND_DIR) / _pages(site)}
    text = (site / INDEX).read_text(encoding="utf-8")
    size = stats(text)
    return {"index_bytes": size.bytes, "index_bytes_per_page": size.bytes / _pages(site),
            "index_bytes_per_han": size.bytes_per_han, "index_escapes": text.count("\\u")}


def search_bench(chromium: str, work: Path) -> dict:
    queries = load_queries()
    outcomes = run(["a", "b", "p"], queries, chromium, work)
    results: dict = {"queries": len(queries)}
    for variant, key in KEYS.items():
        if variant not in outcomes:
            results[key] = {"error": "未运行（Pagefind 见 bench/requirements.txt）"}
            continue
        site = work / ("site-a" if variant == "a" else "site-b")
        results[key] = {**summary(outcomes[variant]), **index_size(site, variant)}
    return results


if __name__ == "__main__":  # 只跑搜索这一项：python -m bench.search_bench
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-search-") as work:
        print(json.dumps(search_bench(shutil.which("chromium") or "/usr/bin/chromium", Path(work)),
                         ensure_ascii=False, indent=1))
