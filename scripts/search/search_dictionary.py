"""把术语表交给 Material 的搜索插件：生成 jieba 用户词典，并设置插件的 jieba_dict_user。

为什么词典要这样写
------------------
Material 构建时用 jieba 给中文分词，索引里的“词”就是 jieba 切出来的词。读者在浏览器里输入
查询时，Material 再用索引里已有的词切分查询（search 工作线程的 fe()），切出的各段加上通配符后
用“或”连接。jieba 自己的词典不认识“五虎牧羊阵”“四硬两软”这样的口号，会把它们切成单字或
不相干的词，查询也就跟着切碎，要找的页面被挤出前几名。

所以每个搜索单位（glossary.Glossary.search_units()：术语或它“分词”后的各段、别称，两个字以上）
在词典里作为一个整词；写了“分词”的术语整体出现时按各段切开。每个词的词频由这里用 jieba 实际切分
验证后确定，保证单位确实按预期切开。

（以前这里把三个字以上的单位切成“去掉最后一个字的部分 + 最后一个字”，绕开 worker 不让词结束在
查询最后一个字上的错误；那个错误现在由 search_worker.py 在构建后直接改正，绕道就不需要了。）

效果由 bench/search_recall.py 在真实站点上测量。

怎样交给搜索插件
----------------
搜索插件在它自己的 on_config 里读取词典，所以钩子必须在那之前写好文件（钩子的 on_config 用
event_priority 排在前面）。词典写在本用户的私有缓存文件夹里（private_cache.py），文件名取自内容的摘要：
写好后不再改动，同时进行的几次构建可以共用，进程被强行中止也不会留下各自的副本。它不进版本库，
也不进站点。mkdocs.yml 里自己写了 jieba_dict_user 的，以那里的设置为准。
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import math
import re
from functools import cache
from pathlib import Path

from scripts.content.glossary import Glossary
from scripts.site.atomic_file import write_text_atomically
from scripts.site.private_cache import cache_dir, use_for_jieba

log = logging.getLogger("mkdocs.hooks.procedures")
OPTION = "jieba_dict_user"
MAX_ROUNDS = 8
MAX_FREQ = 1_000_000  # jieba 自带词典中最常见的词频在这个量级


@cache
def _base_tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())  # jieba.cache 不写进临时目录的固定名字
    tokenizer.initialize()
    return tokenizer


def _fresh_tokenizer():
    tokenizer = copy.copy(_base_tokenizer())
    tokenizer.FREQ = dict(tokenizer.FREQ)
    return tokenizer


def _log_score(tokenizer, words: list[str]) -> float:
    """jieba 给一种切法打的分：各词 log(词频/总词频) 之和。"""
    return sum(math.log(tokenizer.FREQ.get(w) or 1) - math.log(tokenizer.total) for w in words)


def _spans(words: list[str]) -> set[tuple[int, str]]:
    spans, offset = set(), 0
    for word in words:
        spans.add((offset, word))
        offset += len(word)
    return spans


def dictionary_entries(units: list[str], compounds: dict[str, list[str]] | None = None) -> list[tuple[str, int]]:
    """[(词, 词频), …]：加载后 jieba 把每个单位切成一个整词，写了“分词”的术语切成各段。词频 0 表示不要整体切出这个词。

    compounds 是写了“分词”的术语：{术语: [各段]}，整体出现时也要按各段的切法切开。
    词频按 jieba 的打分算出：要切出的词，其词频要让预期切法的得分高过 jieba 原来最好的切法；
    算出后再用 jieba 实际切分验证，不对就再调。
    """
    compounds = compounds or {}
    tokenizer = _fresh_tokenizer()
    entries: dict[str, int] = {}
    plans = {unit: [unit] for unit in units}
    for name, pieces in compounds.items():
        plans[name] = list(pieces)

    def put(word: str, freq: int) -> None:
        tokenizer.add_word(word, freq)
        entries[word] = freq

    def missing(form: str) -> list[str]:
        """预期切法中没有切出来的词（两个字以上的）。"""
        got = _spans(tokenizer.lcut(form, HMM=False))
        want = _spans(plans[form])
        return [word for _, word in sorted(want - got) if len(word) >= 2]

    heads = {piece for plan in plans.values() for piece in plan if len(piece) >= 2}
    for form in plans:
        if form not in heads and tokenizer.FREQ.get(form):
            put(form, 0)  # 整体已是 jieba 自带的词（如“四位一体”）时，会压过切开的写法
    for head in heads:
        put(head, max(tokenizer.suggest_freq(head, False), 1))
    wrong: list[str] = []
    for _ in range(MAX_ROUNDS):
        wrong = [form for form in plans if missing(form)]
        if not wrong:
            break
        for form in wrong:
            rival = tokenizer.lcut(form, HMM=False)
            gap = _log_score(tokenizer, rival) - _log_score(tokenizer, plans[form])
            for word in missing(form)[:1]:
                put(word, min(int(entries[word] * math.exp(min(max(gap, 0), 20)) * 2) + 1, MAX_FREQ))
    if wrong:
        log.warning(f"搜索词典：这些术语没能按预期切分：{'、'.join(wrong)}")
    return list(entries.items())


DICTIONARY_LINE = re.compile(r"[^\s]+ \d+")


def dictionary_file(glossary: Glossary) -> Path:
    """jieba 用户词典文件（一行“词 词频”），在私有缓存文件夹里。

    计算要加载一份完整的 jieba 词典（约 0.6 秒），所以文件按输入命名：术语表、本模块的代码
    或 jieba 的版本变了，文件名就变，自动重算。读不了或格式不对的文件当作没有，重新写。
    """
    import jieba

    units = glossary.search_units()
    compounds = {term.name: list(term.pieces) for term in glossary if term.pieces}
    key = hashlib.sha256(json.dumps(
        [units, compounds, jieba.__version__, Path(__file__).read_text(encoding="utf-8")], ensure_ascii=False,
    ).encode("utf-8")).hexdigest()[:16]
    cached = cache_dir() / f"glossary-jieba-{key}.txt"
    if not _valid_dictionary(cached):
        text = "".join(f"{word} {freq}\n" for word, freq in dictionary_entries(units, compounds))
        write_text_atomically(cached, text)
    return cached


def dictionary_text(glossary: Glossary) -> str:
    return dictionary_file(glossary).read_text(encoding="utf-8")


def _valid_dictionary(path: Path) -> bool:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return False
    return lines[-1] == "" and all(DICTIONARY_LINE.fullmatch(line) for line in lines[:-1])


def search_plugin(config):
    """配置中的搜索插件（Material 的 search）；没有启用搜索时返回 None。"""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search" and OPTION in getattr(plugin, "config", {}):
            return plugin
    return None


class SearchDictionary:
    """把词典交给搜索插件，构建结束时把插件的设置还原（由钩子的 Build 对象拥有）。"""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.plugin = None
        self.configured: str | None = None  # 插件原来的设置

    def install(self, glossary: Glossary, config) -> Path | None:
        """写词典并让搜索插件使用它；返回词典文件的路径。"""
        plugin = search_plugin(config)
        if plugin is None:
            return None
        use_for_jieba()
        configured = plugin.config.get(OPTION)
        if configured and (self.path is None or Path(configured) != self.path):
            log.info(f"搜索插件已在配置中指定 jieba 用户词典 {configured}，不使用术语表生成的词典")
            return None
        if self.plugin is None:
            self.plugin, self.configured = plugin, configured
        self.path = dictionary_file(glossary)
        plugin.config[OPTION] = str(self.path)
        return self.path

    def remove(self) -> None:
        """构建结束：还原插件的设置。词典文件是共用的缓存，留在私有文件夹里。"""
        if self.plugin is not None:
            self.plugin.config[OPTION] = self.configured
        self.path = self.plugin = self.configured = None
