"""术语的拼音：术语表按拼音排序、分组，锚点也用拼音。

pypinyin 导入一次要约 0.15 秒、约 55 MB 内存（它要加载几十万条词组读音），而每次构建只用到术语表里这几十个词。
所以读音按 pypinyin 的版本缓存在本用户的私有缓存文件夹里（private_cache.py），只有出现新术语（或换了 pypinyin 版本）时才导入它。
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

from scripts.site.atomic_file import write_text_atomically
from scripts.site.private_cache import cache_dir

Readings = tuple[list[str], list[str]]  # (带声调数字的拼音，如 ["wu3", …]；不带声调的拼音，如 ["wu", …])
_known: dict[str, Readings] = {}


@functools.cache
def _cache_file() -> Path:
    return cache_dir() / f"glossary-pinyin-{version('pypinyin')}.json"


def readings(names: Iterable[str]) -> dict[str, Readings]:
    """{词: (带声调数字的拼音, 不带声调的拼音)}；非汉字部分原样保留（与 pypinyin.lazy_pinyin 相同）。"""
    names = list(dict.fromkeys(names))
    cache = _cache_file()
    if not _known:
        _known.update(_read_cache(cache))
    missing = [n for n in names if n not in _known]
    if missing:
        from pypinyin import Style, lazy_pinyin

        for name in missing:
            _known[name] = ([s.lower() for s in lazy_pinyin(name, style=Style.TONE3)], lazy_pinyin(name))
        write_text_atomically(cache, json.dumps(_known, ensure_ascii=False))
    return {n: _known[n] for n in names}


def _read_cache(cache: Path) -> dict[str, Readings]:
    """读缓存；读不了、格式不对都当作没有缓存（重算）。"""
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        return {k: (v[0], v[1]) for k, v in data.items() if _words(v[0]) and _words(v[1])}
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return {}


def _words(value) -> bool:
    return isinstance(value, list) and all(isinstance(s, str) for s in value)
