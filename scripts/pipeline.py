"""构建的四个阶段。每个构建工具和每条命令都按这个顺序调用它们，检查只在 check 里做：

    load(root)      → Sources   读一遍：procedures/、docs/、登记表、版本（每个文件只读一次）
    check(sources)  → 问题列表   全部内容检查：结构、含义、文书、页首元数据、时限引用、编辑检查
    generate(...)   → 页面       生成的 Markdown 页面和文书的 Word 文件（内存中，不写进仓库）
    postprocess(...)            对构建好的 HTML 的一遍处理：搜索索引、内容安全策略（两种构建工具共用）

新的检查放进 check（或它调用的模块）；load 只读不判，generate 和 postprocess 不再报内容问题。
MkDocs/ProperDocs 的钩子（adapters/mkdocs_hook.py）和 Zensical 构建（adapters/zensical_build.py）只是薄薄的适配层。
"""

from __future__ import annotations

import datetime as dt
import posixpath
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.content import front_matter
from scripts.content.catalog import Catalog
from scripts.content.checks import article_map_problems, form_problems, meaning_problems
from scripts.content.loader import read_catalog
from scripts.content.markdown_limits import nesting_problems
from scripts.content.time_limits import REFERENCE, substitute
from scripts.history.changes import History, limits_by_source, load_history
from scripts.history.git_dates import last_commit_dates
from scripts.history.version import Version, describe
from scripts.pages.forms_docx import form_documents
from scripts.pages.render import generate as render_pages
from scripts.problems import ManualError, Problem, ProblemsFound, display_path
from scripts.search import search_index
from scripts.search.search_worker import fix_query_segmentation
from scripts.search.zensical_search import add_glossary_words, dialog_style_hash
from scripts.site.csp import add_meta_policy, check_site


@dataclass
class Sources:
    """一次构建读进来的全部东西。"""

    catalog: Catalog
    version: Version
    history: History = field(default_factory=lambda: History(available=False))  # 修订记录（git 历史）
    dates: dict[Path, dt.date] = field(default_factory=dict)  # 每个文件最后一次提交的日期（“最后更新”）
    read_problems: list[Problem] = field(default_factory=list)  # 读取和结构校验时发现的
    loaded: dict[str, bool] = field(default_factory=dict)  # 登记表是否读成（没读成的不做依赖它的检查）

    @property
    def root(self) -> Path:
        return self.catalog.root


def load(root: Path, *, history: bool = True) -> Sources:
    """第一阶段：读出全部内容和版本。读不成的文件记成问题，交给 check 一起报出。

    history=False 时不读修订记录和最后修改日期（它们只用于生成页面）：只做检查的场合（make lint、make check、
    在子进程里构建之前的检查）省下读整段 git 历史。
    """
    catalog, problems, loaded = read_catalog(root)
    sources = Sources(catalog, describe(catalog.root), read_problems=problems, loaded=loaded)
    if history:  # git 只在这一阶段读
        sources.history = load_history(catalog.root, limits_by_source(catalog.procedures))
        sources.dates = last_commit_dates(catalog.root)
    return sources


def check(sources: Sources) -> list[Problem]:
    """第二阶段：全部内容检查（编辑检查另见 start_lint），返回全部问题（含警告），按文件排列。"""
    catalog = sources.catalog
    problems = list(sources.read_problems)
    if not sources.loaded:
        return problems  # docs/、procedures/ 被拒绝读取（source_files.py），没有可检查的内容
    problems += meaning_problems(catalog, sources.loaded) + form_problems(catalog, sources.loaded)
    problems += article_map_problems(catalog, sources.loaded)
    docs = display_path(catalog.root / "docs", catalog.root)
    for uri, text in catalog.pages.items():
        shown = f"{docs}/{uri}"
        problems += nesting_problems(text, shown)  # 嵌套太深的 Markdown 不交给解析器（F005）
        problems += front_matter.problems(text, shown)  # 页首元数据只能用允许的键、写文字
        if REFERENCE.search(text):
            problems += substitute(text, catalog.time_limits, shown)[1]  # [[时限:…]] 引用了没有登记的期限
    return problems


def checked(root: Path, *, history: bool = True) -> Sources:
    """load + check：有错误时抛出 ProblemsFound（列出全部问题）；警告留在 catalog.warnings。"""
    sources = load(root, history=history)
    problems = check(sources)
    if any(p.severity == "error" for p in problems):
        raise ProblemsFound(problems)
    sources.catalog.warnings = problems
    return sources


def load_catalog(root: Path) -> Catalog:
    """只要目录对象的场合（命令行的 check、测试、基准）：读取并检查，有错误时抛出 ProblemsFound。"""
    return checked(root, history=False).catalog


def start_lint(root: Path) -> subprocess.Popen:
    """编辑检查（python -m scripts.lint，规则见 CONTRIBUTING.md）：在另一个进程里与构建并行，finish_lint 取结果。

    它是 check 的一部分，只是慢（约 1–3 秒），所以和构建同时进行；每条构建路径在换上新站点之前都等它通过。
    """
    here = Path(__file__).resolve().parent.parent  # 用与这次构建相同的代码（root 可以是别处的副本）
    return subprocess.Popen([sys.executable, "-m", "scripts.lint", "--root", str(root), "--skip-data-check"], cwd=here,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")


def finish_lint(checker: subprocess.Popen) -> bool:
    """等编辑检查结束，把它的报告接在构建日志后面；返回是否没有错误。"""
    report, _ = checker.communicate()
    sys.stderr.write(report)
    return checker.returncode == 0


def generate(sources: Sources, *, today: dt.date | None = None, directory_urls: bool = True,
             alias_lines: bool = True) -> dict[str, str | bytes]:
    """第三阶段：{docs 中的路径: 内容}，Markdown 页面是文字，文书的 Word 文件是字节。

    “今天”默认取版本的构建日期：离线包用提交时间（SOURCE_DATE_EPOCH），同一提交哪天打包都一样。
    """
    pages: dict[str, str | bytes] = dict(render_pages(sources.catalog, sources.history, today or sources.version.date,
                                                      alias_lines=alias_lines, directory_urls=directory_urls))
    pages.update(form_documents(sources.catalog))
    outside = [uri for uri in pages if not inside(uri)]
    if outside:
        raise ManualError(f"生成的页面会写到站点目录之外：{'、'.join(outside[:5])}（检查领域和规程的编号）")
    return pages


def inside(uri: str) -> bool:
    """生成的路径留在站点目录里：相对路径，没有 ..、反斜杠和控制字符。写文件之前都要问它。"""
    normal = posixpath.normpath(uri)
    return (uri == normal and not normal.startswith(("/", "../")) and normal != ".." and "\\" not in uri
            and uri.isprintable())


def postprocess(site: Path, sources: Sources, *, builder: str, directory_urls: bool = True,
                search: bool = True, policy: bool = True) -> search_index.IndexStats | None:
    """第四阶段：对构建好的 HTML 的一遍处理，两种构建工具共用。

    - 搜索（search=False 只用于搜索基准的对照组）：Material 的 worker 修正查询切分、索引整理和“搜不到时”的建议；
      Zensical 的索引按术语表分词。
    - 内容安全策略（policy=False 只用于 make serve：预览服务器要注入自动刷新的脚本）：页面里只能有审核过的
      内联脚本，每页加上 <meta> 策略。
    出错时抛出 WorkerMismatch（搜索 worker 与修正对不上）或 CspError（列出每一处）。
    """
    stats: search_index.IndexStats | None = None
    styles: tuple[str, ...] = ()
    if builder == "zensical":
        if search:
            add_glossary_words(site, sources.catalog.glossary)
        styles = (dialog_style_hash(site),)
    elif search:
        fix_query_segmentation(site)
        stats = search_index.compact(site, sources.catalog, directory_urls)
        search_index.write_suggestions(site, sources.catalog, directory_urls)
    check_sizes(site)
    if policy:
        add_meta_policy(site, check_site(site), styles)
    return stats


PAGE_LIMIT = 5_000_000  # 一个生成的页面（现在最大的是“打印全部清单”，约 0.4 MB）
SITE_LIMIT = 500_000_000  # 整个站点（现在约 17 MB）


def check_sizes(site: Path) -> None:
    """构建出来的页面和站点不能大得离谱（缩写、术语一类的展开会把几十 KB 的页面变成几百 MB）。"""
    sizes = {p: p.stat().st_size for p in site.rglob("*") if p.is_file()}
    too_big = [(p, size) for p, size in sizes.items() if p.suffix == ".html" and size > PAGE_LIMIT]
    total = sum(sizes.values())
    if too_big or total > SITE_LIMIT:
        pages = "、".join(f"{p.relative_to(site).as_posix()}（{size // 1_000_000} MB）" for p, size in too_big[:5])
        raise ManualError(f"构建出来的{'页面 ' + pages if too_big else '站点'}太大"
                          f"（上限：每页 {PAGE_LIMIT // 1_000_000} MB，全站 {SITE_LIMIT // 1_000_000} MB）"
                          "→ 检查这一页的缩写定义（*[缩写]: 全称）和重复的内容，拆成几页")
