"""构建基准：真实手册的构建时间和峰值内存、生成环节的额外开销、规模扩展。"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from scripts import ROOT

from .measure import Run, median_runs, median_seconds, python, run_measured
from .synthetic import copy_project, make_tree

PLAIN_CONFIG = "mkdocs.plain.yml"


def build_once(root: Path, *, lint: bool = True) -> Run:
    """与 make build 相同：校验、生成、MkDocs 严格构建、原子替换；编辑检查在另一个进程里同时进行。"""
    options = [] if lint else ["--no-lint"]
    return run_measured(python("-m", "scripts", "--root", str(root), "build", "--site-dir", str(root / "site"), *options),
                        ROOT)


def lint_once(root: Path) -> Run:
    return run_measured(python("-m", "scripts.lint"), root)


def real_build(repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(Path(work) / "manual")
        run = median_runs(lambda: build_once(root), repeat)
        pages = sum(1 for _ in (root / "site").rglob("index.html"))
    return {"seconds": run.seconds, "peak_mb": run.peak_mb, "pages": pages}


def plain_build_once(root: Path) -> Run:
    """对照：页面事先渲染成普通 Markdown，只用 MkDocs 本身构建（不经过钩子）。"""
    return run_measured(python("-m", "properdocs", "build", "--strict", "-q", "-f", PLAIN_CONFIG,
                               "--site-dir", str(root / "site-plain")), root)


def prepare_plain(root: Path) -> None:
    run_measured(python("-m", "scripts", "--root", str(root), "generate", "--out", str(root / "build" / "plain-docs")), ROOT)
    nav = json.loads((root / "build" / "plain-docs" / "_nav.json").read_text(encoding="utf-8"))
    config = {"INHERIT": "mkdocs.yml", "docs_dir": "build/plain-docs", "hooks": [], "nav": nav}
    (root / PLAIN_CONFIG).write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")


def generation_overhead(repeat: int) -> dict:
    """(a) make build：从 YAML 经校验、生成和编辑检查构建；(b) 同样的页面预先渲染后由 MkDocs 单独构建。

    另外量不做编辑检查的构建，说明 (a) 的时间花在哪里。三者轮流运行，机器忙闲的起伏对各方一样。
    """
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(Path(work) / "manual")
        prepare_plain(root)
        kinds = {"ours": lambda: build_once(root), "plain": lambda: plain_build_once(root),
                 "without_lint": lambda: build_once(root, lint=False)}
        runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
        for n in range(repeat + 1):  # 第一轮是预热
            for kind, run in kinds.items():
                result = run()
                if n:
                    runs[kind].append(result)
        lint = median_runs(lambda: lint_once(root), repeat)
    seconds = {kind: median_seconds(r) for kind, r in runs.items()}
    return {"ours_seconds": seconds["ours"], "plain_seconds": seconds["plain"],
            "ratio": seconds["ours"] / seconds["plain"],
            "without_lint_seconds": seconds["without_lint"], "lint_seconds": lint.seconds}


def scaling(sizes: list[int], repeats: dict[int, int]) -> dict:
    """合成 N 项规程（另加真实手册的规程）后的构建时间和峰值内存。"""
    results = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            root = make_tree(Path(work) / "manual", size)
            # 合成的文字有意拼接自真实规程，编辑检查会报重复段落（L011），所以这里只量构建本身。
            run = median_runs(lambda root=root: build_once(root, lint=False), repeats.get(size, 1),
                              warmup=0 if size >= 1000 else 1)
            procedures = sum(1 for _ in (root / "procedures").glob("*/*.yml"))
        results[size] = {"seconds": run.seconds, "peak_mb": run.peak_mb, "procedures": procedures}
    return results
