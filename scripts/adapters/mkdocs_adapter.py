"""MkDocs/ProperDocs 的适配层：各个事件只把 pipeline 的阶段接到构建工具上。

on_config 做 load 和 check（pipeline.checked），on_files 把 generate 的页面交给构建工具，
on_post_build 整理搜索索引（postprocess 中与 Material 相关的部分）。命令行 `python -m scripts` 用的是同一套阶段。
术语表的三种用途也在这里接上：
给搜索插件一份 jieba 用户词典（search_dictionary.py，分词结果由 segment_cache.py 记住）、页面上的术语提示（tooltips.py）、
说明页和清单页上的“又称”一行（render.py）。
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from scripts import pipeline
from scripts.adapters.serve_errors import show_errors_in_browser
from scripts.addresses import CHANGES_URI, checklists_uri
from scripts.history.git_dates import stamp_updated
from scripts.history.version import stamp_config
from scripts.pages.navigation import build_nav
from scripts.pages.page_types import CHECKLIST, PROCEDURE, edit_uri, page_type
from scripts.pages.sanitizer import Sanitizer
from scripts.pages.tooltips import TermTooltips
from scripts.problems import ManualError, ProblemsFound
from scripts.search.search_dictionary import SearchDictionary
from scripts.search.segment_cache import SegmentCache

log = logging.getLogger("mkdocs.hooks.procedures")


class Build:
    """一次构建（或 make serve 的一次会话）的全部状态：on_startup 建立，on_shutdown 撤销。"""

    def __init__(self, preloaded: pipeline.Sources | None = None) -> None:
        self.preloaded = preloaded  # make build 在同一进程里已经读过、检查过的内容（preload）
        self.sources: pipeline.Sources | None = None
        self.dictionary = SearchDictionary()
        self.segments = SegmentCache()
        self.here = None  # 正在渲染的页面在导航中的位置（不在导航里的规程页借用“规程一览”）
        self.serving = False  # make serve：不加内容安全策略（预览服务器要注入自动刷新的脚本）

    @property
    def catalog(self):
        assert self.sources is not None
        return self.sources.catalog

    def load(self, config) -> None:
        """load 和 check 两个阶段：make serve 每次重建都重新读取、检查；make build 用 preload 交来的结果。"""
        try:
            self.sources, self.preloaded = self.preloaded or pipeline.checked(_root(config)), None
        except ProblemsFound as err:
            raise PluginError("内容中有错误：\n" + err.report()) from None
        for warning in self.catalog.warnings:
            log.info(str(warning))
        if config.nav is None:
            config.nav = build_nav(self.catalog)
        if _glossary_search(config):
            self.dictionary.install(self.catalog.glossary, config)
        self.segments.install(config)
        config.markdown_extensions.append(TermTooltips(glossary=self.catalog.glossary))  # 术语提示（tooltips.py）
        config.markdown_extensions.append(Sanitizer())  # 正文的白名单过滤，最后一步（sanitizer.py）
        stamp_config(config, self.sources.version)  # 页脚的“版本：…”（version.py）

    def close(self) -> None:
        self.dictionary.remove()
        self.segments.remove()


_build: Build | None = None
_preloaded: pipeline.Sources | None = None


def preload(sources: pipeline.Sources) -> None:
    """make build（site/site_build.py）在同一进程里先读取、检查，再交给下一次构建，不必再读第二遍。"""
    global _preloaded
    _preloaded = sources


def _root(config) -> Path:
    """项目根目录：mkdocs.yml 所在的目录。"""
    return Path(config.config_file_path).resolve().parent


def _glossary_search(config) -> bool:
    """本手册对搜索的改进是否打开（术语词典、“又称”一行、worker 修正、索引整理）。

    只有搜索基准测试的对照组（Material 默认的搜索）把 extra.glossary_search 设为 false。"""
    return (config.extra or {}).get("glossary_search", True) is not False


def on_startup(command, dirty) -> None:
    global _build, _preloaded
    _build, _preloaded = Build(_preloaded), None
    _build.serving = command == "serve"


# 搜索插件在它自己的 on_config 里加载 jieba 用户词典，所以本钩子的 on_config 要排在它前面。
@event_priority(50)
def on_config(config):
    global _build
    _build = _build or Build()  # 不经 on_startup 直接调用 build() 的场合
    _build.load(config)
    return config


def on_files(files: Files, config) -> Files:
    assert _build is not None and _build.sources is not None
    catalog = _build.catalog
    pages = pipeline.generate(_build.sources, alias_lines=_glossary_search(config),
                              directory_urls=config.use_directory_urls)
    for uri, content in pages.items():
        authored = files.get_file_from_path(uri)
        if authored is not None:
            files.remove(authored)
        if isinstance(content, bytes):  # 文书的 Word 文件（forms_docx.py）
            files.append(File.generated(config, uri, content=content))
            continue
        in_nav = page_type(catalog, uri).in_nav
        page = File.generated(config, uri, content=content,
                              inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV)
        edit = edit_uri(catalog, uri, authored.src_uri if authored else None)
        if edit is not None:
            page.edit_uri = edit
        files.append(page)
    changes = files.get_file_from_path(CHANGES_URI)
    config.extra["manual_version"]["changes"] = changes.url if changes else None  # 页脚的“更新说明”链接
    return files


def on_page_content(html: str, page, config, files) -> str:
    assert _build is not None and _build.sources is not None
    stamp_updated(page, config, _build.sources.dates)  # “最后更新”日期取自 git 历史（load 阶段读好的）
    return html  # 不进搜索索引的元素，模板里直接写了 data-search-exclude


def on_page_context(context, page, config, nav):
    """规程的说明页和清单页不在导航里：把本领域的“规程一览”标为当前位置，导航里看得出自己在哪里。"""
    assert _build is not None and _build.sources is not None
    if page_type(_build.catalog, page.file.src_uri) in (CHECKLIST, PROCEDURE):
        overview = checklists_uri(page.file.src_uri.split("/")[0])
        _build.here = next((p for p in nav.pages if p.file.src_uri == overview), None)
        if _build.here is not None:
            _build.here.active = True
    return context


def on_post_page(output: str, page, config) -> str:
    if _build is not None and _build.here is not None:
        _build.here.active = False
        _build.here = None
    return output


def on_post_build(config) -> None:
    """postprocess：搜索索引和内容安全策略（make serve 不加策略，见 pipeline.postprocess）。"""
    assert _build is not None and _build.sources is not None
    try:
        stats = pipeline.postprocess(Path(config.site_dir), _build.sources, builder="material",
                                     directory_urls=config.use_directory_urls, search=_glossary_search(config),
                                     policy=not _build.serving)
    except ManualError as err:  # 搜索 worker 对不上、页面太大、内容安全策略不允许的写法
        raise PluginError(str(err)) from None
    if stats is not None:
        log.info(str(stats))


def on_shutdown() -> None:
    global _build
    if _build is not None:
        _build.close()
        _build = None


def on_serve(server, config, builder):
    server.watch(str(_root(config) / "procedures"))
    server.watch(str(Path(__file__).resolve().parents[1] / "pages" / "templates"))
    return show_errors_in_browser(server)  # 重建失败时浏览器里显示错误，而不是一直等（serve_errors.py）
