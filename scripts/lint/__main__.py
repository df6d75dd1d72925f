"""命令行：python -m scripts.lint [文件 ...]

不给文件时检查整个手册（docs/ 下的 Markdown 和 procedures/ 下的 YAML）。
环境变量 MANUAL_NAME_DENYLIST 可以指向一份不进仓库的姓名名单（见 personal.py）。
有错误时退出码为 1；警告（如超过复核日期）只显示，不影响退出码。
在 GitHub Actions 中运行时，同时输出注释，让问题直接显示在拉取请求的文件上。
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from scripts import ROOT
from scripts.problems import Problem, visible

from .runner import lint


def github_annotation(p: Problem) -> str:
    level = "error" if p.severity == "error" else "warning"
    text = visible(f"{p.message} → {p.hint}").replace("%", "%25").replace("\n", "%0A")
    return f"::{level} file={p.file},line={p.line},col={p.column},title=[{p.code}]::{text}"


def _with_data_check(problems: list[Problem], root: Path, files: list[Path] | None) -> list[Problem]:
    """加上构建的检查阶段（pipeline.check：结构、含义、引用、登记表、页首元数据……）发现的问题：
    make lint 一次说全，编辑不必等构建或 CI 才知道字段名拼错了。只查几个文件时只报这几个文件的。"""
    from scripts import pipeline
    from scripts.problems import display_path

    found = pipeline.check(pipeline.load(root, history=False))
    if files is not None:
        shown = {display_path(f.resolve(), root.resolve()) for f in files}
        found = [p for p in found if p.file in shown]
    return sorted(set(problems) | set(found))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.lint", description="手册的编辑检查")
    parser.add_argument("files", nargs="*", type=Path, help="要检查的文件（默认整个手册）")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目根目录（默认为本仓库）")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="按这一天判断复核是否到期（YYYY-MM-DD）")
    parser.add_argument("--no-markdown-style", action="store_true", help="不检查 Markdown 格式（L013）")
    parser.add_argument("--skip-data-check", action="store_true",
                        help="不做数据的检查（结构、含义、引用）：构建已经做过，只在构建里并行运行时用")
    parser.add_argument("--only", help="只报这几条规则，逗号分隔（如 L006,L007,L008：CI 里按名单检查个人信息的一步）")
    args = parser.parse_args(argv)
    files = [f for f in args.files if f.suffix in (".md", ".yml", ".yaml", ".txt")] or None
    if args.files and files is None:
        return 0  # 只改了别的文件（如 pre-commit 传来的），没有要检查的
    missing = [str(f) for f in files or [] if not f.is_file()]
    if missing:
        print(f"找不到文件：{'、'.join(missing)}", file=sys.stderr)
        return 2
    result = lint(args.root, files, today=args.today, markdown_style=not args.no_markdown_style and not args.only)
    if not args.skip_data_check and not args.only:
        result.problems = _with_data_check(result.problems, args.root, files)
    if args.only:
        wanted = set(args.only.split(","))
        result.problems = [p for p in result.problems if p.code in wanted]
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for p in result.problems:
        print(p)
        if annotate:
            print(github_annotation(p))
    sys.stdout.flush()  # 先列出问题，再在最后给出总结
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = "请按提示修改（规则说明见 CONTRIBUTING.md）。" if errors else "通过。"
    print(f"编辑检查：{result.files} 个文件，{errors} 个错误，{warnings} 个警告，用时 {result.seconds:.2f} 秒。{verdict}",
          file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
