"""搜索词典：术语和别称作为整词的 jieba 用户词典，以及怎样交给搜索插件。"""

from __future__ import annotations

import json
from types import SimpleNamespace

import jieba
import pytest

from scripts import ROOT
from scripts.content.glossary import Glossary, Term
from scripts.pipeline import load_catalog
from scripts.search.search_dictionary import SearchDictionary, dictionary_text
from scripts.site.private_cache import cache_dir

SAMPLE = Glossary([
    Term("五虎牧羊阵", "五个部门联合督办。", aliases=("联合督办",), split="五虎 牧羊阵"),
    Term("四位一体", "四个机构组成的体系。", split="四位 一体"),
    Term("六包", "包案人的六项责任。"),
    Term("联席会议", "信访工作联席会议。", aliases=("联席会议办", "联席办")),
])


def tokenizer_with(text: str, tmp_path) -> jieba.Tokenizer:
    path = tmp_path / "dict.txt"
    path.write_text(text, encoding="utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(path))
    return tokenizer


def test_dictionary_file_content():
    lines = dictionary_text(SAMPLE).splitlines()
    words = {line.split()[0]: int(line.split()[1]) for line in lines}
    assert all(len(line.split()) == 2 for line in lines)
    assert {"五虎", "牧羊阵", "联合督办", "四位", "一体", "六包", "联席会议办", "联席办"} <= set(words)
    # jieba 自带的整词，整体切出会压过“分词”给的切法，所以词频写 0
    assert {word for word, freq in words.items() if freq == 0} == {"四位一体"}


def test_jieba_cuts_text_as_planned(tmp_path):
    tokenizer = tokenizer_with(dictionary_text(SAMPLE), tmp_path)
    assert tokenizer.lcut("采用五虎牧羊阵联合督办") == ["采用", "五虎", "牧羊阵", "联合督办"]
    assert tokenizer.lcut("四位一体的体系")[:2] == ["四位", "一体"]
    assert tokenizer.lcut("落实六包")[-1] == "六包"
    assert tokenizer.lcut("联席会议办负责")[0] == "联席会议办"


def test_every_unit_of_the_real_glossary_starts_as_planned(tmp_path):
    glossary = load_catalog(ROOT).glossary
    tokenizer = tokenizer_with(dictionary_text(glossary), tmp_path)
    units = glossary.search_units()
    wrong = [u for u in units if tokenizer.lcut(u) != [u]]
    assert not wrong


def fake_config(**search_options):
    plugin = SimpleNamespace(config={"jieba_dict_user": None, **search_options})
    plugins = {"material/search": plugin, "tags": SimpleNamespace(config={})}
    return SimpleNamespace(plugins=plugins, config_file_path="/nonexistent/project/mkdocs.yml"), plugin


def test_install_points_the_search_plugin_at_a_dictionary_in_the_private_cache():
    config, plugin = fake_config()
    dictionary = SearchDictionary()
    path = dictionary.install(SAMPLE, config)
    assert plugin.config["jieba_dict_user"] == str(path) and path.parent == cache_dir()
    assert path.read_text(encoding="utf-8") == dictionary_text(SAMPLE)
    assert dictionary.install(SAMPLE, config) == path  # mkdocs serve 重新构建时沿用同一个文件
    dictionary.remove()
    assert dictionary.path is None


def test_a_malformed_dictionary_file_is_rewritten():
    path = SearchDictionary().install(SAMPLE, fake_config()[0])
    path.write_text("不是词典\n", encoding="utf-8")
    assert SearchDictionary().install(SAMPLE, fake_config()[0]) == path
    assert path.read_text(encoding="utf-8") == dictionary_text(SAMPLE) != "不是词典\n"


def test_a_dictionary_configured_in_mkdocs_yml_wins():
    config, plugin = fake_config(jieba_dict_user="my-dict.txt")
    assert SearchDictionary().install(SAMPLE, config) is None
    assert plugin.config["jieba_dict_user"] == "my-dict.txt"


@pytest.mark.slow
def test_the_built_index_uses_the_dictionary(tree):
    from scripts.site.site_build import build_site

    tree.write("docs/shili/wuhu.md", "# 督办\n\n这类积案要用五虎牧羊阵办法督办。\n")
    tree.write("procedures/_glossary.yml", "- 术语: 五虎牧羊阵\n  释义: 五个部门联合督办的办法。\n  分词: 五虎 牧羊阵\n")
    site = build_site(tree.root, tree.root / "site")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = next(doc["text"] for doc in index["docs"] if doc["location"] == "shili/wuhu/")
    assert "\u200b五虎\u200b牧羊阵\u200b" in text
    page = (site / "shili/wuhu/index.html").read_text(encoding="utf-8")
    assert '<abbr class="glossary-term" title="五个部门联合督办的办法。">五虎牧羊阵</abbr>' in page
