"""make bench：测量构建、生成开销、规模扩展、编辑后刷新、搜索、页面分量和编辑检查，打印表格并写入 JSON。

用法：python -m bench [--quick] [--stage search]   （--quick 只跑小规模，用于检查脚本本身；--stage 只跑某几项）
结果：bench/results/latest.json 和 bench/results/<时间>.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from .build_bench import generation_overhead, real_build, scaling
from .builders_bench import builders_bench
from .postprocess_bench import postprocess_bench
from .reload_bench import reload_bench
from .search_bench import search_bench
from .weight_bench import weight_bench

RESULTS = Path(__file__).parent / "results"


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:.2f} MB"


def _build_rows(r: dict) -> list[tuple[str, str, str]]:
    b = r["build"]
    return [("1 完整严格构建", f"{b['seconds']:.2f} s，峰值 {b['peak_mb']:.0f} MB",
             f"make build（含编辑检查），真实手册，{b['pages']} 个页面，中位数")]


def _overhead_rows(r: dict) -> list[tuple[str, str, str]]:
    g = r["overhead"]
    rows = [("2 生成开销 (a)/(b)", f"{g['ratio']:.2f}", f"(a) make build（校验→生成→构建，编辑检查并行）{g['ours_seconds']:.2f} s；"
                                                   f"(b) 预渲染 Markdown 只用 MkDocs {g['plain_seconds']:.2f} s；目标 ≤ 1.10")]
    if "without_lint_seconds" in g:
        rows.append(("2 其中", f"{g['without_lint_seconds']:.2f} s", f"不做编辑检查的构建；单独的编辑检查 {g['lint_seconds']:.2f} s"))
    rows.append(("7 编辑检查整个手册", f"{g['lint_seconds']:.2f} s", "make lint 的中位数，含进程启动；目标 < 2 s"))
    return rows


def _scaling_rows(r: dict) -> list[tuple[str, str, str]]:
    s = {int(k): v for k, v in r["scaling"].items()}  # 从 JSON 读回时键是字符串
    rows = [(f"3 规模 +{size} 项", f"{v['seconds']:.1f} s，峰值 {v['peak_mb']:.0f} MB",
             f"共 {v['procedures']} 项规程（构建，不含编辑检查）") for size, v in s.items()]
    sizes = sorted(s)
    if len(sizes) >= 2:
        hi, lo = s[sizes[-1]], s[sizes[-2]]
        rows.append((f"3 比值 {sizes[-1]}/{sizes[-2]}", f"{hi['seconds'] / lo['seconds']:.2f}",
                     f"规程数之比 {hi['procedures'] / lo['procedures']:.2f}；目标 ≤ 5.5，内存 < 2 GB"))
    return rows


def _reload_rows(r: dict) -> list[tuple[str, str, str]]:
    return [(f"4 编辑→刷新（{'真实规模' if key == 'real' else f'+{key} 项'}）", f"{v['reload_seconds']:.2f} s",
             f"make serve 中保存 YAML 到新页面可访问，中位数（{v['runs']} 次）{'；目标 < 3 s' if key == 'real' else ''}")
            for key, v in r["reload"].items()]


def _search_rows(r: dict) -> list[tuple[str, str, str]]:
    q, rows = r["search"], []
    for key, name in [("material_default", "Material 默认"), ("ours", "本手册"), ("pagefind", "Pagefind 扩展版")]:
        v = q[key]
        if "error" in v:
            rows.append((f"5 搜索 {name}", "未运行", v["error"][:60]))
            continue
        per_han = f"，每个汉字 {v['index_bytes_per_han']:.1f} 字节" if "index_bytes_per_han" in v else ""
        for part, label in (("keywords", "关键词"), ("questions", "问题")):
            f = v[part]
            rows.append((f"5 搜索 {name} {label}", f"recall@5 {f['recall']:.3f}，MRR {f['mrr']:.3f}",
                         f"中位 {f['median_ms']:.1f} ms，{f['queries']} 条查询"))
        rows.append((f"5 搜索 {name} 索引", f"{v['index_bytes'] / 1024:.0f} KB",
                     f"{v['index_bytes_per_page'] / 1024:.1f} KB/页{per_han}"))
    return rows


def _builders_rows(r: dict) -> list[tuple[str, str, str]]:
    rows = []
    for builder, v in r["builders"].items():
        s = v["search"]
        rows.append((f"7 {builder} 构建", f"{v['seconds']:.2f} s",
                     f"{v['pages']} 页，清单页 {v['checklists']}，术语提示 {v['tooltips']} 处"))
        rows.append((f"7 {builder} 搜索", f"关键词 {s['keywords']['recall']:.3f}，问题 {s['questions']['recall']:.3f}",
                     f"recall@5；中位 {s['all']['median_ms']:.1f} ms"))
    return rows


def _weight_rows(r: dict) -> list[tuple[str, str, str]]:
    w = r["weight"]
    return [("6 首次加载规程页", _mb(w["first_load"]["total_bytes"]),
             "，".join(f"{k} {v / 1024:.0f} KB" for k, v in w["first_load"]["bytes_by_type"].items()) + "（未压缩）"),
            ("6 离线包 zip", _mb(w["offline_zip_bytes"]), "")]


def _postprocess_rows(r: dict) -> list[tuple[str, str, str]]:
    v = r["postprocess"]
    return [("8 白名单过滤", f"{v['sanitize_seconds']:.3f} s",
             f"全站正文 {_mb(v['body_bytes'])}，{v['pages']} 页，中位数（{v['runs']} 次）"),
            ("8 安全策略扫描", f"{v['scan_seconds']:.3f} s", f"全站页面 {_mb(v['site_bytes'])}，HTML5 解析器 lexbor")]


ROWS = {"build": _build_rows, "overhead": _overhead_rows, "scaling": _scaling_rows, "reload": _reload_rows,
        "search": _search_rows, "weight": _weight_rows, "builders": _builders_rows,
        "postprocess": _postprocess_rows}
WIDTH = 24


def _line(row: tuple[str, str, str]) -> str:
    a, b, c = row
    return f"{a:<{WIDTH}}{b:<28}{c}"


def table(r: dict) -> str:
    rows = [("项目", "数值", "说明")] + [row for stage, rows_of in ROWS.items() if stage in r for row in rows_of(r)]
    return "\n".join(map(_line, rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="手册的基准测试")
    parser.add_argument("--quick", action="store_true", help="小规模快速运行，只检查脚本能跑通")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--stage", action="append", choices=list(ROWS),
                        help="只跑这几项（可重复，如 --stage search）；结果不写入 latest.json")
    args = parser.parse_args(argv)
    quick = args.quick
    started = time.perf_counter()
    sizes = [20, 100] if quick else [100, 1000, 5000]
    results = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }
    print(f"机器：{os.cpu_count()} 核，Python {platform.python_version()}；每项预热后重复测量取中位数。", flush=True)
    stages = [
        ("build", "完整严格构建", lambda: real_build(repeat=1 if quick else 3)),
        ("overhead", "生成开销和编辑检查", lambda: generation_overhead(repeat=1 if quick else 5)),
        ("scaling", f"规模扩展 +{' / +'.join(map(str, sizes))} 项", lambda: scaling(sizes, repeats={sizes[0]: 1 if quick else 3})),
        ("reload", "编辑→刷新", lambda: reload_bench([] if quick else [1000], repeat=1 if quick else 3)),
        ("search", "搜索（Debian chromium）", lambda: _search(args.chromium)),
        ("weight", "页面分量和离线包", lambda: weight_bench(args.chromium)),
        ("builders", "两种构建工具并排（MkDocs、Zensical）", lambda: builders_bench(args.chromium, 1 if quick else 3)),
        ("postprocess", "构建后的过滤和扫描", lambda: postprocess_bench(1 if quick else 5)),
    ]
    if args.stage:
        stages = [entry for entry in stages if entry[0] in args.stage]
    for number, (stage, label, measure) in enumerate(stages, start=1):
        print(f"[{number}/{len(stages)}] {label} …（已用 {(time.perf_counter() - started) / 60:.1f} 分钟）", flush=True)
        results[stage] = measure()
        for row in ROWS[stage](results):  # 每测完一项就打印，不等全部结束
            print("    " + _line(row), flush=True)
    results["seconds_total"] = time.perf_counter() - started
    print("\n" + table(results))
    print(f"\n全部用时 {results['seconds_total'] / 60:.1f} 分钟。")
    if args.stage:
        return 0
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(results, ensure_ascii=False, indent=1, default=str)
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    (RESULTS / f"{results['date'].replace(':', '')}.json").write_text(text, encoding="utf-8")
    return 0


def _search(chromium: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-search-") as work:
        return search_bench(chromium, Path(work))


if __name__ == "__main__":
    raise SystemExit(main())
