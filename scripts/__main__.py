"""命令行入口：python -m scripts <命令>。

  check              校验 procedures/，列出全部问题（错误使退出码为 1）
  generate --out 目录 把手写页面和生成页面合成一个完整的 docs 目录（供其他构建工具使用）
  build [--site-dir] 严格、原子化地构建站点到 site/
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from . import ROOT
from .catalog import load_catalog
from .navigation import build_nav
from .problems import ProblemsFound
from .render import generate
from .site_build import BuildFailed, build_site


def cmd_check(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.root)
    for warning in catalog.warnings:
        print(warning)
    print(f"校验通过：{len(catalog.procedures)} 项规程，{len(catalog.domains)} 个领域，{len(catalog.roles)} 个角色。")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.root)
    docs = args.root / "docs"
    out = args.out.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copytree(docs, staging, dirs_exist_ok=True)
        pages = generate(catalog, docs, dt.date.today())
        for uri, content in pages.items():
            target = staging / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        nav = build_nav(catalog, docs)
        (staging / "_nav.json").write_text(json.dumps(nav, ensure_ascii=False, indent=1), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    print(f"已生成 {len(pages)} 个页面到 {out}（导航见 _nav.json）。")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    site = build_site(args.root, args.site_dir)
    print(f"构建完成：{site}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="工作规程手册的构建工具")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目根目录（默认为本仓库）")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="校验 procedures/").set_defaults(run=cmd_check)
    gen = commands.add_parser("generate", help="生成完整的 docs 目录")
    gen.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    gen.set_defaults(run=cmd_generate)
    build = commands.add_parser("build", help="严格、原子化地构建站点")
    build.add_argument("--site-dir", type=Path, default=ROOT / "site")
    build.set_defaults(run=cmd_build)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        return args.run(args)
    except ProblemsFound as err:
        print(err.report(), file=sys.stderr)
        return 1
    except BuildFailed as err:
        print(err, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
