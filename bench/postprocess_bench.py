"""构建后各步的花费：白名单过滤（全站正文）和内容安全策略的扫描（全站页面），在真实手册上测。"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from scripts import ROOT
from scripts.pages.sanitizer import sanitize
from scripts.site.csp import scan_site
from scripts.site.site_build import build_site

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def _median(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def postprocess_bench(repeat: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-postprocess-") as work:
        site = build_site(ROOT, Path(work) / "site", lint=False)
        pages = sorted(site.rglob("*.html"))
        bodies = [m.group(1) for p in pages if (m := ARTICLE.search(p.read_text(encoding="utf-8")))]
        return {
            "pages": len(pages),
            "body_bytes": sum(len(b.encode("utf-8")) for b in bodies),
            "site_bytes": sum(p.stat().st_size for p in pages),
            "sanitize_seconds": _median(lambda: [sanitize(b) for b in bodies], repeat),
            "scan_seconds": _median(lambda: scan_site(site), repeat),
            "runs": repeat,
        }
