"""构建中留下的缓存（分词结果、术语拼音）：结果必须与不缓存时完全相同，输入一变就作废，构建结束时还原。"""

from __future__ import annotations

import subprocess
import sys

import jieba
import pytest
from pypinyin import Style, lazy_pinyin

from scripts import ROOT
from scripts.content.pinyin import readings
from scripts.pipeline import load_catalog
from scripts.search.segment_cache import SegmentCache


class FakeSearchPlugin:
    def __init__(self, user_dictionary: str | None):
        self.config = {"jieba_dict": None, "jieba_dict_user": user_dictionary}


class FakeConfig:
    def __init__(self, user_dictionary: str | None = None):
        self.plugins = {"material/search": FakeSearchPlugin(user_dictionary)}


@pytest.fixture
def counted(monkeypatch):
    """装上缓存，并数一数真正的分词被调用了几次。测试结束后还原 jieba.cut。"""
    original, calls = jieba.cut, []

    def counting(sentence, *args, **kwargs):
        calls.append(sentence)
        return original(sentence, *args, **kwargs)

    monkeypatch.setattr(jieba, "cut", counting)
    cache = SegmentCache()
    yield cache, calls
    cache.remove()
    assert jieba.cut is counting


def test_segments_are_remembered_and_equal_to_jieba(counted):
    cache, calls = counted
    text = "接访五环节要求当面听清诉求".encode()
    expected = list(jieba.Tokenizer().cut(text))
    cache.install(FakeConfig())
    assert list(jieba.cut(text)) == expected
    assert list(jieba.cut(text)) == expected
    assert calls == [text]
    assert list(jieba.cut(text, HMM=False)) == list(jieba.Tokenizer().cut(text, HMM=False))  # 其他参数照常分词
    assert len(calls) == 2


def test_a_new_dictionary_forgets_remembered_segments(counted, tmp_path):
    cache, calls = counted
    dictionary = tmp_path / "user.txt"
    dictionary.write_text("五环节 100\n", encoding="utf-8")
    cache.install(FakeConfig(str(dictionary)))
    list(jieba.cut("接访五环节".encode()))
    cache.install(FakeConfig(str(dictionary)))  # 同一份词典：make serve 的下一次重建
    list(jieba.cut("接访五环节".encode()))
    assert len(calls) == 1
    dictionary.write_text("五环节 100\n接访 50\n", encoding="utf-8")
    cache.install(FakeConfig(str(dictionary)))
    list(jieba.cut("接访五环节".encode()))
    assert len(calls) == 2


def test_removing_the_cache_restores_jieba(counted):
    cache, _ = counted
    before = jieba.cut
    cache.install(FakeConfig())
    assert jieba.cut is not before
    cache.remove()
    assert jieba.cut is before


def test_readings_equal_pypinyin():
    names = ["五虎牧羊阵", "调研", "重点人员", "12345热线", "六包"]
    for name, (tone3, plain) in readings(names).items():
        assert tone3 == [s.lower() for s in lazy_pinyin(name, style=Style.TONE3)]
        assert plain == lazy_pinyin(name)


def test_warm_cache_does_not_import_pypinyin():
    """pypinyin 的词组读音约占 55 MB 内存：有缓存时构建不导入它。"""
    load_catalog(ROOT).glossary.in_pinyin_order()  # 写好缓存
    probe = ("import sys\nfrom scripts.pipeline import load_catalog\nfrom scripts import ROOT\n"
             "terms = load_catalog(ROOT).glossary.in_pinyin_order()\n"
             "print(len(terms), terms[0].anchor, 'pypinyin' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    count, _, imported = result.stdout.split()
    assert int(count) > 50 and imported == "False"
