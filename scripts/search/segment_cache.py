"""记住 jieba 的分词结果，让搜索索引建得更快。

Material 的搜索插件给每个页面的每一段中文调用一次 jieba.cut。同样的文字反复出现：一次构建里
约六成是重复的（标题、“原始材料未展开”这类固定说明、相关规程的名字），make serve 每次重建时
没改动的页面更是全部重复。分词结果只取决于文字和 jieba 当前的词典，所以按文字记住结果，
词典（搜索插件配置的 jieba_dict、jieba_dict_user 文件的内容）一变就全部作废。

附带的好处：make serve 反复重建时，Material 每次都重新加载用户词典，jieba 的总词频随之越积越大，
切法会慢慢漂移；记住的结果始终与一次全新构建（make build）的切法一致。
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

from scripts.search.search_dictionary import search_plugin
from scripts.site.private_cache import use_for_jieba

MAX_ENTRIES = 200_000  # 只为不让内存无限增长：每段约几百字节，真实手册约有一万段不同的文字


class SegmentCache:
    """构建期间代替 jieba.cut，按文字记住结果；remove() 还原 jieba.cut。由钩子的 Build 对象拥有。"""

    def __init__(self) -> None:
        self.original: Callable | None = None  # 替换前的 jieba.cut
        self.dictionary: str | None = None  # 记住的结果是在哪份词典下得出的
        self.memo = functools.lru_cache(maxsize=MAX_ENTRIES)(lambda sentence: tuple(self._cut(sentence)))

    def _cut(self, sentence: str):
        assert self.original is not None
        return self.original(sentence)

    def install(self, config) -> None:
        """要在搜索插件加载词典之前调用（钩子的 on_config）；make serve 每次重建都调用，词典变了就清空。"""
        plugin = search_plugin(config)
        if plugin is None:
            return
        import jieba

        use_for_jieba()  # jieba 自己的 jieba.cache 也写进私有缓存文件夹
        if self.original is None:
            self.original, jieba.cut = jieba.cut, self.cut
        key = _dictionary_key(plugin.config.get("jieba_dict"), plugin.config.get("jieba_dict_user"))
        if key != self.dictionary:
            self.dictionary = key
            self.memo.cache_clear()

    def cut(self, sentence, *args, **kwargs):
        """代替 jieba.cut：用默认参数（Material 就是这样调用的）时返回记住的结果，其余照常。"""
        if args or kwargs:
            return self.original(sentence, *args, **kwargs)
        return iter(self.memo(sentence))

    def remove(self) -> None:
        if self.original is not None:
            import jieba

            jieba.cut, self.original = self.original, None
            self.memo.cache_clear()


def _dictionary_key(*paths: str | None) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(b"\0")
        if path and Path(path).is_file():
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()
