"""MkDocs 钩子（薄薄一层）：构建开始时读取并校验 procedures/，再把生成的页面交给 MkDocs。

真正的工作在 catalog（读取、校验）、render（渲染）、navigation（导航）里完成，
命令行 `python -m scripts` 用的是同一套函数。术语表的三种用途也在这里接上：
给搜索插件一份 jieba 用户词典（search_dictionary.py，分词结果由 segment_cache.py 记住）、页面上的术语提示（tooltips.py）、
说明页和清单页上的“又称”一行（render.py）。
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.catalog import Catalog, load_catalog  # noqa: E402
from scripts import front_matter  # noqa: E402
from scripts.git_dates import stamp_updated  # noqa: E402
from scripts.navigation import build_nav  # noqa: E402
from scripts.problems import ProblemsFound, display_path  # noqa: E402
from scripts.render import generate  # noqa: E402
from scripts.search_dictionary import SearchDictionary  # noqa: E402
from scripts.search_worker import WorkerMismatch, fix_query_segmentation  # noqa: E402
from scripts.segment_cache import remember_segments  # noqa: E402
from scripts.serve_errors import show_errors_in_browser  # noqa: E402
from scripts.tooltips import annotate  # noqa: E402

log = logging.getLogger("mkdocs.hooks.procedures")
_catalog: Catalog | None = None
_dictionary = SearchDictionary()


def _root(config) -> Path:
    """项目根目录：mkdocs.yml 所在的目录。"""
    return Path(config.config_file_path).resolve().parent


def _glossary_search(config) -> bool:
    """术语表是否用于搜索（词典和“又称”一行）。只有搜索基准测试的对照组把 extra.glossary_search 设为 false。"""
    return (config.extra or {}).get("glossary_search", True) is not False


# 搜索插件在它自己的 on_config 里加载 jieba 用户词典，所以本钩子的 on_config 要排在它前面。
@event_priority(50)
def on_config(config):
    global _catalog
    try:
        _catalog = load_catalog(_root(config))
    except ProblemsFound as err:
        raise PluginError("procedures/ 中有错误：\n" + err.report()) from None
    for warning in _catalog.warnings:
        log.info(str(warning))
    if config.nav is None:
        config.nav = build_nav(_catalog, Path(config.docs_dir))
    if _glossary_search(config):
        _dictionary.install(_catalog.glossary, config)
    remember_segments(config)
    return config


def on_files(files: Files, config) -> Files:
    assert _catalog is not None
    sources = {p.checklist_uri: p.source for p in _catalog.procedures}
    # 规程的说明页和清单页有意不放进导航（从“规程一览”、概述页和上一篇/下一篇进入），不必为此提示。
    procedure_pages = {p.page_uri for p in _catalog.procedures}
    try:
        pages = generate(_catalog, Path(config.docs_dir), alias_lines=_glossary_search(config))
    except ProblemsFound as err:
        raise PluginError("docs/ 中有错误：\n" + err.report()) from None
    for uri, content in pages.items():
        authored = files.get_file_from_path(uri)
        if authored is not None:
            files.remove(authored)
        inclusion = InclusionLevel.NOT_IN_NAV if uri in procedure_pages or (
            "/checklists/" in uri and not uri.endswith("/index.md")) else InclusionLevel.UNDEFINED
        page = File.generated(config, uri, content=content, inclusion=inclusion)
        # “编辑此页”：清单页指向 YAML 源文件，说明页指向手写的 Markdown。
        if uri in sources:
            page.edit_uri = f"../{sources[uri]}"
        elif authored is not None:
            page.edit_uri = authored.src_uri
        files.append(page)
    return files


def on_nav(nav, config, files: Files):
    """页首元数据只能用允许的键、写文字（front_matter.py）：有问题时一次列出全部，构建停止。"""
    docs = display_path(Path(config.docs_dir), _root(config))
    problems = [problem for page in files.documentation_pages()
                for problem in front_matter.problems(page.content_string, f"{docs}/{page.src_uri}")]
    if problems:
        raise PluginError("docs/ 中有错误：\n" + ProblemsFound(problems).report())
    return nav


def on_page_content(html: str, page, config, files) -> str:
    assert _catalog is not None
    stamp_updated(page, config)  # “最后更新”日期取自 git 历史（git_dates.py）
    return annotate(html, _catalog.glossary)


def on_post_build(config) -> None:
    try:
        fix_query_segmentation(Path(config.site_dir))  # 查询最后一个词被截短的问题（search_worker.py）
    except WorkerMismatch as err:
        raise PluginError(str(err)) from None


def on_shutdown() -> None:
    _dictionary.remove()


def on_serve(server, config, builder):
    server.watch(str(_root(config) / "procedures"))
    server.watch(str(Path(__file__).parent / "templates"))
    return show_errors_in_browser(server)  # 重建失败时浏览器里显示错误，而不是一直等（serve_errors.py）
