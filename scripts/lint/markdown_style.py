"""L013 Markdown 格式：用 pymarkdown（pymarkdownlnt）检查 docs/ 下的 Markdown。

设置在项目根目录的 .pymarkdown：允许长行（中文段落不折行）；Material 的提示框（!!! 后面
缩进 4 格的正文）看起来像缩进式代码块，所以不检查代码块写法；Python-Markdown 要求嵌套列表
缩进 4 格，所以不用 MD007；自定义锚点 {#id} 由 MkDocs 严格构建检查，所以不用 MD051；
总览页用加粗的短语给链接分组，所以不用 MD036。

pymarkdown 是纯 Python 的，较慢：按文件大小分给几个进程并行检查，与其他规则同时进行。
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from scripts import ROOT
from scripts.problems import Problem, display_path
from scripts.site.atomic_file import write_text_atomically

from .rules import problem

log = logging.getLogger(__name__)
CONFIG = ".pymarkdown"
TEXT = {  # pymarkdown 规则 → (问题, 建议)
    "md001": ("标题级别跳级", "逐级使用标题：# 之后是 ##，再是 ###"),
    "md003": ("标题写法不一致", "标题一律写成行首的 # 号加空格"),
    "md004": ("无序列表的符号不一致", "无序列表一律用“- ”"),
    "md005": ("同一级列表项的缩进不一致", "同一级的列表项左边对齐"),
    "md009": ("行尾有多余的空格", "删去行尾的空格"),
    "md010": ("用了制表符（Tab）", "改用空格"),
    "md011": ("链接的写法反了", "写成 [文字](地址)"),
    "md012": ("连续有多个空行", "只留一个空行"),
    "md018": ("# 号后面缺少空格", "写成“# 标题”"),
    "md019": ("# 号后面有多个空格", "# 号后面只留一个空格"),
    "md022": ("标题前后的空行不对", "标题的上一行和下一行各留一个空行，不多不少"),
    "md023": ("标题前面有空格", "标题从行首开始写"),
    "md024": ("同一页中有重复的标题", "改成能区分的标题"),
    "md025": ("一页中有多个一级标题", "每页只有第一行是“# 标题”，其余用 ## 及以下"),
    "md026": ("标题末尾有标点", "删去标题末尾的标点"),
    "md029": ("有序列表的编号不连续", "按 1. 2. 3. 依次编号"),
    "md030": ("列表符号后面的空格不对", "列表符号后面只留一个空格"),
    "md031": ("代码块前后没有空行", "在代码块的上一行和下一行各留一个空行"),
    "md032": ("列表前后没有空行", "在列表的上一行和下一行各留一个空行"),
    "md033": ("用了 HTML 标签", "尽量用 Markdown 的写法"),
    "md034": ("网址直接写在正文里", "写成 [文字](网址) 或 <网址>"),
    "md037": ("强调符号里侧有空格", "写成 **文字**，星号里侧不留空格"),
    "md038": ("行内代码里侧有空格", "反引号里侧不留空格"),
    "md039": ("链接文字里侧有空格", "写成 [文字](地址)，方括号里侧不留空格"),
    "md040": ("代码块没有注明语言", "在 ``` 后面写上语言，如 ```text"),
    "md041": ("第一行不是一级标题", "页面第一行写“# 标题”"),
    "md042": ("链接没有地址", "补上链接地址，或去掉链接"),
    "md045": ("图片没有替代文字", "写成 ![图片说明](地址)"),
    "md047": ("文件末尾没有换行", "在文件最后留一个换行"),
    "md049": ("斜体的写法不一致", "斜体一律用 *文字*"),
    "md050": ("加粗的写法不一致", "加粗一律用 **文字**"),
    "md055": ("表格两边的竖线写法不一致", "每行都以 | 开头、以 | 结尾"),
    "md056": ("表格的列数与表头不一致", "每行的列数与表头相同"),
    "md058": ("表格前后没有空行", "在表格的上一行和下一行各留一个空行"),
}

CACHE = "build/.lint-cache/markdown-style.json"
MAX_CACHED = 2000
Found = tuple[int, int, str, str, str]  # 行、列、规则、名称、说明

_api = None


def _scan(paths: Sequence[str], config: str) -> dict[str, list[Found]]:
    """在子进程中运行：逐个文件检查，返回 {文件: [(行, 列, 规则, 名称, 说明)]}。"""
    global _api
    from pymarkdown.api import PyMarkdownApi

    if _api is None:
        _api = PyMarkdownApi()
        if Path(config).is_file():
            _api.configuration_file_path(config)
    found: dict[str, list[Found]] = {}
    for path in paths:
        try:
            failures = _api.scan_path(path).scan_failures
        except Exception as err:  # noqa: BLE001  pymarkdown 自身出错：报告出来，不中断其他检查
            found[path] = [(1, 1, "error", "pymarkdown", f"pymarkdown 无法检查这个文件：{err}")]
            continue
        found[path] = [
            (f.line_number, f.column_number, f.rule_id.lower(), f.rule_name.split(",")[0],
             f.rule_description + (f"（{f.extra_error_information}）" if f.extra_error_information else ""))
            for f in failures
        ]
    return found


class MarkdownStyleJob:
    """在后台子进程中开始检查，result() 时收集结果。

    结果按“文件内容 + 设置 + pymarkdown 版本”缓存在 build/.lint-cache/ 中，
    没有改动的文件不再重新检查；缓存丢失或损坏时全部重新检查。
    """

    def __init__(self, files: Sequence[Path], root: Path):
        self.root = root
        self.cache_file = root / CACHE
        config = root / CONFIG if (root / CONFIG).is_file() else ROOT / CONFIG
        salt = _version() + (config.read_text(encoding="utf-8") if config.is_file() else "")
        self.keys = {str(p): hashlib.sha256(salt.encode() + p.read_bytes()).hexdigest() for p in files}
        self.cache = self._load_cache()
        missing = [p for p in files if self.keys[str(p)] not in self.cache]
        self.futures: list[Future] = []
        self.pool: ProcessPoolExecutor | None = None
        if not missing:
            return
        workers = max(1, min(os.cpu_count() or 1, 2, len(missing)))
        chunks: list[list[str]] = [[] for _ in range(workers)]
        loads = [0] * workers
        for path in sorted(missing, key=lambda p: p.stat().st_size, reverse=True):
            lightest = loads.index(min(loads))
            chunks[lightest].append(str(path))
            loads[lightest] += path.stat().st_size ** 2  # 检查时间大致随文件大小平方增长
        # fork 最快；有其他线程时 fork 可能死锁，Windows 没有 fork：这两种情况用 spawn。
        method = "fork" if "fork" in get_all_start_methods() and threading.active_count() == 1 else "spawn"
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context(method))
        self.futures = [self.pool.submit(_scan, chunk, str(config)) for chunk in chunks]

    def _load_cache(self) -> dict[str, list[Found]]:
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {key: [tuple(f) for f in found] for key, found in data.items()} if isinstance(data, dict) else {}

    def _save_cache(self, results: dict[str, list[Found]]) -> None:
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.cache_file, json.dumps(results, ensure_ascii=False))
        except OSError as err:
            log.debug("无法写入 %s：%s", self.cache_file, err)

    def result(self) -> list[Problem]:
        found: dict[str, list[Found]] = {}
        try:
            for future in self.futures:
                found.update(future.result())
        finally:
            if self.pool is not None:
                self.pool.shutdown()
        if found:
            kept = self.cache if len(self.cache) < MAX_CACHED else {}
            self._save_cache({**kept, **{self.keys[p]: f for p, f in found.items()}})
        problems = []
        for path, key in self.keys.items():
            shown = display_path(Path(path), self.root)
            for line, column, rule, name, description in found.get(path, self.cache.get(key, [])):
                message, hint = TEXT.get(rule, (description, "按 Markdown 的通行写法修改"))
                problems.append(problem(shown, line, column, "L013",
                                        f"Markdown 格式：{message}（{rule.upper()} {name}）", hint))
        return problems


def _version() -> str:
    """pymarkdown 的版本（读 version.py，不导入整个包：导入要 0.2 秒）。"""
    spec = importlib.util.find_spec("pymarkdown")
    locations = spec.submodule_search_locations if spec else None
    version = Path(next(iter(locations), "")) / "version.py" if locations else None
    return version.read_text(encoding="utf-8") if version and version.is_file() else ""
