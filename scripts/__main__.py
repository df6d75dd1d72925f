"""命令行入口：python -m scripts <命令>。

  check              校验 procedures/，列出全部问题（错误使退出码为 1）
  generate --out 目录 把手写页面和生成页面合成一个完整的 docs 目录（供其他构建工具使用）
  build [--site-dir] 编辑检查，并严格、原子化地构建站点到 site/（--no-lint 跳过编辑检查）
  build-zensical     用 Zensical 构建同一本手册到 site-zensical/（见 zensical_build.py）
  offline [--dist]   构建离线包 dist/gongzuo-guicheng-shouce-offline-<版本>.zip（同一提交逐字节相同）
  csp --site 站点 --out 文件  按站点的内联脚本生成 nginx 的 Content-Security-Policy 片段
  publish --dest 目录 构建站点和离线包，连同 nginx 配置发布到目录（见 deploy/nginx/README.md）
  download --site 站点 --bundle zip  把离线包放到站点的 download/latest.zip，写出 latest.json（GitHub Pages 用）
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from scripts import ROOT, pipeline
from scripts.adapters.zensical_build import build_zensical
from scripts.pages.docs_tree import NAV_FILE, write_docs_tree, write_nav
from scripts.pipeline import load_catalog
from scripts.problems import ManualError
from scripts.site.csp import write_nginx_include
from scripts.site.offline_bundle import build_bundle
from scripts.site.publish import bundle_facts, place_bundle, publish
from scripts.site.site_build import build_site


def cmd_check(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.root)
    for warning in catalog.warnings:
        print(warning)
    print(f"校验通过：{len(catalog.procedures)} 项规程，{len(catalog.domains)} 个领域，{len(catalog.roles)} 个角色。")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    sources = pipeline.checked(args.root)
    out = (args.out or args.root / "build" / "docs").resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        write_nav(write_docs_tree(sources, staging), staging)
        pages = sum(1 for _ in staging.rglob("*.md"))
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    print(f"已生成 {pages} 个页面到 {out}（导航见 {NAV_FILE}）。")
    return 0


def cmd_build_zensical(args: argparse.Namespace) -> int:
    site = build_zensical(args.root, args.site_dir or args.root / "site-zensical")
    print(f"构建完成（Zensical）：{site}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    site = build_site(args.root, args.site_dir or args.root / "site", in_process=True, lint=not args.no_lint)
    print(f"构建完成：{site}")
    return 0


def cmd_offline(args: argparse.Namespace) -> int:
    bundle = build_bundle(args.root, args.dist or args.root / "dist")
    facts = bundle_facts(bundle)
    print(f"离线包：{bundle}（版本 {facts['version']}，{facts['size'] / 1024 / 1024:.1f} MB，SHA-256 {facts['sha256']}）")
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    facts = place_bundle(args.site, args.bundle)
    print(f"已放入 {args.site}/download/latest.zip 和 latest.json（版本 {facts['version']}）")
    return 0


def cmd_csp(args: argparse.Namespace) -> int:
    scan = write_nginx_include(args.site, args.out)
    print(f"内容安全策略：{args.out}（{scan.pages} 个页面，{len(scan.hashes)} 段不同的内联脚本）")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    result = publish(args.root, args.dest, args.dist or args.root / "dist")
    print(f"已发布：{result.site}（离线包 {result.site}/download/latest.zip，来自 {result.bundle.name}）")
    if result.nginx_changed:
        print(f"nginx 配置有变化（{result.nginx}），请运行：sudo nginx -t && sudo systemctl reload nginx")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="工作规程手册的构建工具")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目根目录（默认为本仓库）")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="校验 procedures/").set_defaults(run=cmd_check)
    gen = commands.add_parser("generate", help="生成完整的 docs 目录")
    gen.add_argument("--out", type=Path, help="输出目录（默认为 <根目录>/build/docs）")
    gen.set_defaults(run=cmd_generate)
    build = commands.add_parser("build", help="严格、原子化地构建站点")
    build.add_argument("--site-dir", type=Path, help="站点目录（默认为 <根目录>/site）")
    build.add_argument("--no-lint", action="store_true", help="不做编辑检查（默认与构建同时进行，有错误时构建失败）")
    build.set_defaults(run=cmd_build)
    zensical = commands.add_parser("build-zensical", help="用 Zensical 严格、原子化地构建站点（第二种构建工具）")
    zensical.add_argument("--site-dir", type=Path, help="站点目录（默认为 <根目录>/site-zensical）")
    zensical.set_defaults(run=cmd_build_zensical)
    offline = commands.add_parser("offline", help="构建离线包 zip")
    offline.add_argument("--dist", type=Path, help="zip 的输出目录（默认为 <根目录>/dist）")
    offline.set_defaults(run=cmd_offline)
    csp = commands.add_parser("csp", help="生成 nginx 的 Content-Security-Policy 片段")
    csp.add_argument("--site", type=Path, default=ROOT / "site")
    csp.add_argument("--out", type=Path, required=True)
    csp.set_defaults(run=cmd_csp)
    pub = commands.add_parser("publish", help="构建并发布到内网服务器的目录")
    pub.add_argument("--dest", type=Path, required=True)
    pub.add_argument("--dist", type=Path, help="离线包的输出目录（默认为 <根目录>/dist）")
    pub.set_defaults(run=cmd_publish)
    down = commands.add_parser("download", help="把离线包放进站点的 download/，写出 latest.json")
    down.add_argument("--site", type=Path, required=True)
    down.add_argument("--bundle", type=Path, required=True)
    down.set_defaults(run=cmd_download)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("jieba").propagate = False  # jieba 有自己的输出，不要再经根日志打印一遍
    try:
        return args.run(args)
    except ManualError as err:  # 预料得到的错误：只打印说明，不打印调用栈（problems.py）
        print(err, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
