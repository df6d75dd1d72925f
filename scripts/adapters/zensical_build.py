"""第二种构建工具：用 Zensical 构建同一本手册（make build-zensical → site-zensical/）。

MkDocs 1.x 不再发布新版本，Material for MkDocs 维护到 2027-05-05，继任者是同一团队的 Zensical。
Zensical 读 mkdocs.yml，但不运行 MkDocs 的钩子和插件，所以这里先写出完整的 docs 目录（docs_tree.py），
再给它一份配置（CONFIG）：
- INHERIT 本仓库的 mkdocs.yml：主题、Markdown 扩展、extra_javascript 都与 MkDocs 构建相同；
- nav 是生成的导航，extra.manual_version 是页脚的版本（version.py），extra.made_with 是页脚的构建工具；
- markdown_extensions 加上术语提示（tooltips.TermTooltips，MkDocs 构建由钩子加上同一个扩展）；
- theme.custom_dir 是 overrides/ 去掉只适用于 Material 的文件（MATERIAL_ONLY）。
Zensical 在子进程里以 --strict 运行（失效的链接和锚点是错误）。构建之后：中文搜索按术语表分词
（zensical_search.py），内联脚本只能是审核过的（csp.py，与 make build 相同），最后一步换上
site-zensical/（swap.py）；任何一步失败，原来的 site-zensical/ 原封不动。
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from scripts import ROOT, pipeline
from scripts.addresses import CHANGES_URI, site_url
from scripts.history.version import Version, footer_fields
from scripts.pages.docs_tree import write_docs_tree
from scripts.problems import ManualError
from scripts.site.site_build import BuildFailed
from scripts.site.swap import clean_leftovers, locked, replace, staging_dir

CONFIG = "zensical.yml"
# overrides/ 里只适用于 Material 的文件：Zensical 的搜索框是另一套界面，它自己的模板已有 aria-label。
MATERIAL_ONLY = {"partials/search.html"}


def build_zensical(root: Path, site_dir: Path) -> Path:
    """用 Zensical 严格构建到 site_dir。检查与 make build 相同：先 load + check，有错误就不开始构建；
    编辑检查与构建并行，有错误时不换上新站点。"""
    sources = pipeline.checked(root)  # 有错误时抛出 ProblemsFound，列出全部问题
    site_dir = site_dir.resolve()
    with locked(site_dir):
        clean_leftovers(site_dir)
        work = staging_dir(site_dir)  # docs/、overrides/、配置，和 Zensical 建的 site/
        checker = pipeline.start_lint(root)
        try:
            site = _build(sources, work, site_dir.name)
            if not pipeline.finish_lint(checker):
                raise BuildFailed(f"编辑检查发现错误（见上），{site_dir.name}/ 保持原样")
            replace(site, site_dir)  # 一步对调；换下来的旧站点随即删除
        finally:
            if checker.poll() is None:
                checker.kill()
                checker.wait()
            shutil.rmtree(work, ignore_errors=True)
    return site_dir


def _build(sources: pipeline.Sources, work: Path, name: str) -> Path:
    """在 work 里写出 docs/、overrides/ 和配置，运行 Zensical，返回构建好并检查过的站点目录。"""
    catalog, version = sources.catalog, sources.version
    nav = write_docs_tree(sources, work / "docs")  # 与 MkDocs 构建一样，“今天”取版本的构建日期
    overrides = catalog.root / "overrides"
    shutil.copytree(overrides, work / "overrides", ignore=lambda folder, names: [
        n for n in names if (Path(folder) / n).relative_to(overrides).as_posix() in MATERIAL_ONLY])
    (work / CONFIG).write_text(json.dumps(config(catalog.root, nav, version), ensure_ascii=False, indent=1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--config-file", CONFIG],
                            cwd=work, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", errors="replace")
    sys.stderr.write(_report(result.stdout))
    site = work / "site"
    if result.returncode != 0 or not (site / "index.html").is_file():
        raise BuildFailed(f"Zensical 严格构建失败（退出码 {result.returncode}），原来的站点保持原样。"
                          "上面的位置是相对于 docs/ 的（规程的说明页和清单页由 procedures/ 下的 YAML 生成）")
    site.chmod(0o755)
    try:
        pipeline.postprocess(site, sources, builder="zensical")  # 中文搜索按术语表分词；内容安全策略
    except ManualError as err:  # 搜索 worker 对不上、页面太大、内容安全策略不允许的写法
        raise BuildFailed(f"{err}\n{name}/ 保持原样") from None
    return site


def config(root: Path, nav: list, version: Version) -> dict:
    """交给 Zensical 的配置（JSON 也是 YAML）：在 mkdocs.yml 之上改写的部分。列表会接在 mkdocs.yml 的后面。"""
    return {
        "INHERIT": str(root.resolve() / "mkdocs.yml"),
        "docs_dir": "docs",
        "site_dir": "site",
        "nav": nav,
        "theme": {"custom_dir": "overrides"},
        "extra": {
            "manual_version": footer_fields(version, changes=site_url(CHANGES_URI, directory_urls=True)),
            "made_with": {"name": "Zensical", "url": "https://zensical.org/"},
        },
        "markdown_extensions": [{"scripts.pages.tooltips": {"glossary": str(root.resolve())}}, {"scripts.pages.sanitizer": {}}],
    }


def _report(output: str) -> str:
    """Zensical 的输出：去掉颜色控制符，和 --strict 中止时 Python 的调用栈（问题本身已在前面列出）。"""
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    return output.split("Traceback (most recent call last):", 1)[0]


def _env() -> dict[str, str]:
    """Zensical 子进程的环境：配置里的术语提示扩展（scripts.pages.tooltips）要能从本仓库导入。"""
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "NO_COLOR": "1"}
