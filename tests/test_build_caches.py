"""构建中的三处缓存：结果必须与不缓存时完全相同，输入一变就作废。"""

from __future__ import annotations

import subprocess
import sys

import jieba
import pytest
from pypinyin import Style, lazy_pinyin

from scripts import ROOT
from scripts.catalog import load_catalog
from scripts.pinyin import readings
from scripts.problems import ProblemsFound
from scripts.segment_cache import remember_segments


# ---- 目录：同一进程里输入不变时直接复用 -------------------------------------------------


def test_unchanged_catalog_is_reused_and_any_change_reloads_it(tree):
    first = load_catalog(tree.root)
    assert load_catalog(tree.root) is first

    path = tree.root / "procedures/shili/shili-guicheng.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("登记来访", "登记来信"), encoding="utf-8")
    changed = load_catalog(tree.root)
    assert changed is not first and changed.procedures[0].title == "示例规程：登记来信"

    tree.write("docs/shili/new-page.md", "# 新页面\n")  # 页面是否存在也是目录的输入（相关页面的校验）
    assert load_catalog(tree.root) is not changed


def test_errors_are_never_cached(tree):
    tree.write("procedures/shili/broken.yml", "编号: a\n编号: b\n")
    for _ in range(2):
        with pytest.raises(ProblemsFound):
            load_catalog(tree.root)


# ---- jieba 分词：记住的结果与直接分词相同，词典变了就作废 ----------------------------------


class FakeSearchPlugin:
    def __init__(self, user_dictionary: str | None):
        self.config = {"jieba_dict": None, "jieba_dict_user": user_dictionary}


class FakeConfig:
    def __init__(self, user_dictionary: str | None = None):
        self.plugins = {"material/search": FakeSearchPlugin(user_dictionary)}


@pytest.fixture
def counted_cut(monkeypatch):
    """装上缓存，并数一数真正的分词被调用了几次。测试结束后 jieba.cut 复原。"""
    from scripts import segment_cache

    monkeypatch.setattr(jieba, "cut", jieba.cut)
    monkeypatch.setattr(segment_cache, "_dictionary", None)
    remember_segments(FakeConfig())
    original, calls = segment_cache._original_cut, []

    def counting(sentence, *args, **kwargs):
        calls.append(sentence)
        return original(sentence, *args, **kwargs)

    monkeypatch.setattr(segment_cache, "_original_cut", counting)
    segment_cache._memo.cache_clear()
    return calls


def test_segments_are_remembered_and_equal_to_jieba(counted_cut):
    text = "接访五环节要求当面听清诉求".encode("utf-8")
    expected = list(jieba.Tokenizer().cut(text))
    remember_segments(FakeConfig())
    assert list(jieba.cut(text)) == expected
    assert list(jieba.cut(text)) == expected
    assert counted_cut == [text]
    assert list(jieba.cut(text, HMM=False)) == list(jieba.Tokenizer().cut(text, HMM=False))  # 其他参数照常分词
    assert len(counted_cut) == 2


def test_a_new_dictionary_forgets_remembered_segments(counted_cut, tmp_path):
    dictionary = tmp_path / "user.txt"
    dictionary.write_text("五环节 100\n", encoding="utf-8")
    remember_segments(FakeConfig(str(dictionary)))
    list(jieba.cut("接访五环节".encode("utf-8")))
    remember_segments(FakeConfig(str(dictionary)))  # 同一份词典：make serve 的下一次重建
    list(jieba.cut("接访五环节".encode("utf-8")))
    assert len(counted_cut) == 1
    dictionary.write_text("五环节 100\n接访 50\n", encoding="utf-8")
    remember_segments(FakeConfig(str(dictionary)))
    list(jieba.cut("接访五环节".encode("utf-8")))
    assert len(counted_cut) == 2


# ---- 拼音：缓存的读音与 pypinyin 相同；有缓存时不导入 pypinyin --------------------------------


def test_readings_equal_pypinyin():
    names = ["五虎牧羊阵", "调研", "重点人员", "12345热线", "六包"]
    for name, (tone3, plain) in readings(names).items():
        assert tone3 == [s.lower() for s in lazy_pinyin(name, style=Style.TONE3)]
        assert plain == lazy_pinyin(name)


def test_warm_cache_does_not_import_pypinyin():
    load_catalog(ROOT).glossary.in_pinyin_order()  # 写好缓存
    probe = ("import sys\nfrom scripts.catalog import load_catalog\nfrom scripts import ROOT\n"
             "terms = load_catalog(ROOT).glossary.in_pinyin_order()\n"
             "print(len(terms), terms[0].anchor, 'pypinyin' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    count, _, imported = result.stdout.split()
    assert int(count) > 50 and imported == "False"
