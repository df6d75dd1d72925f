"""编辑 → 刷新：make serve 运行时，从保存一个 YAML 文件到新页面可以访问之间的时间。"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tests.browser import fetch, free_port

from .measure import QUIET_ENV, python
from .synthetic import copy_project, make_tree

PROCEDURE = "procedures/xinfang/jiefang-wuhuanjie.yml"
PAGE = "xinfang/checklists/jiefang-wuhuanjie/"


def _wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{timeout} 秒内 {url} 没有出现“{text}”")


def measure(root: Path, repeat: int, timeout: float = 600) -> dict:
    port = free_port()
    server = subprocess.Popen(python("-m", "properdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"),
                              cwd=root, env=QUIET_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{PAGE}"
    source = root / PROCEDURE
    original = source.read_text(encoding="utf-8")
    try:
        first = _wait_for(url, "接待登记", timeout)
        times = []
        for n in range(repeat + 1):  # 第一次改动算预热
            marker = f"接待登记第{n}版"
            source.write_text(original.replace("名称: 接待登记", f"名称: {marker}"), encoding="utf-8")
            elapsed = _wait_for(url, marker, timeout)
            if n:
                times.append(elapsed)
            time.sleep(0.5)  # 让 watchdog 的去抖结束
    finally:
        server.terminate()
        server.wait(timeout=30)
        source.write_text(original, encoding="utf-8")
    return {"first_serve_seconds": first, "reload_seconds": statistics.median(times), "runs": len(times)}


def reload_bench(sizes: list[int], repeat: int) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as work:
        results["real"] = measure(copy_project(Path(work) / "real"), repeat)
        for size in sizes:
            results[size] = measure(make_tree(Path(work) / f"n{size}", size), max(1, repeat - 1))
    return results
