"""搜索索引的整理（scripts/search/search_index.py）：元数据不进索引、UTF-8、零宽空格、“又称”、清单并到说明页下。"""

from __future__ import annotations

import json
import re
import zipfile

from scripts.search.search_index import ALIASES, INDEX, SUGGESTIONS, ZWSP, compact_index, dumps, stats
from scripts.site.offline_bundle import NAME

Z = ZWSP


def test_metadata_elements_carry_the_exclusion_in_the_generated_pages(real_pages):
    """模板直接给元数据元素写上 data-search-exclude：规程信息、元数据行、签字栏、案卷栏、上一篇/下一篇。"""
    checklist = real_pages["xinfang/checklists/jiefang-wuhuanjie.md"]
    page = real_pages["xinfang/jiefang-wuhuanjie.md"]
    assert '<p class="checklist-meta" data-search-exclude>' in checklist
    assert '<p class="checklist__sign" data-search-exclude>' in checklist
    assert '<div class="case-header" data-search-exclude>' in checklist
    assert '<div class="admonition info procedure-info" data-search-exclude markdown>' in page
    assert '<div class="procedure-pager" data-search-exclude markdown>' in page
    assert '<p class="checklist__how">' in checklist  # 做法照常进索引


def index(*docs) -> dict:
    return {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
            "docs": [dict(d) for d in docs]}


def test_only_zero_width_spaces_between_words_are_kept():
    data = compact_index(index({"location": "a/", "title": f"{Z}接访{Z}流程{Z}",
                                "text": f"<p>{Z}当面{Z}接待{Z}，{Z}登记{Z}2026{Z}年{Z}</p>"}), {})
    doc = data["docs"][0]
    assert doc["title"] == f"接访{Z}流程"
    assert doc["text"] == f"<p>当面{Z}接待，登记{Z}2026{Z}年</p>"


def test_the_aliases_line_leaves_the_snippet_but_stays_searchable():
    data = compact_index(index({"location": "a/", "title": "标题",
                                "text": f"<p>{Z}又称{Z}：{Z}来访{Z}——{Z}上访</p> <p>{Z}正文</p>"}), {})
    doc = data["docs"][0]
    assert doc["text"] == "<p>正文</p>"
    assert doc[ALIASES] == f"来访{Z}——{Z}上访"
    assert data["config"]["fields"][ALIASES] == {"boost": 1.0}


def test_an_empty_preface_takes_the_title_section_and_empty_sections_go():
    data = compact_index(index(
        {"location": "a/x/", "title": "X", "text": ""},
        {"location": "a/x/#标题", "title": "标题", "text": "<p>正文</p>"},
        {"location": "a/x/#常见问题", "title": "常见问题", "text": ""},
        {"location": "a/x/#问题一", "title": "问题一", "text": "<p>回答</p>"},
    ), {})
    assert [(d["location"], d["title"], d["text"]) for d in data["docs"]] == [
        ("a/x/", "标题", "<p>正文</p>"), ("a/x/#问题一", "问题一", "<p>回答</p>")]


def test_checklist_sections_hang_under_their_explanation_page():
    data = compact_index(index(
        {"location": "a/checklists/x/", "title": "清单：X", "text": "<p>摘要</p>"},
        {"location": "a/checklists/x/#步骤", "title": "步骤", "text": "<p>一</p>"},
        {"location": "a/x/", "title": "X", "text": "<p>说明</p>"},
        {"location": "a/x/#小节", "title": "小节", "text": "<p>二</p>"},
        {"location": "a/checklists/y/", "title": "清单：Y", "text": "<p>没有说明页</p>"},
    ), {"a/checklists/x/": "a/x/", "a/checklists/y/": "a/y/"})
    assert [(d["location"], d.get("page")) for d in data["docs"]] == [
        ("a/x/", None), ("a/checklists/x/#", "a/x/"), ("a/checklists/x/#步骤", "a/x/"), ("a/x/#小节", None),
        ("a/checklists/y/", None)]


def test_the_built_index_is_small_utf8_without_metadata(real_site):
    text = (real_site / INDEX).read_text(encoding="utf-8")
    size = stats(text)
    print(f"\n{size}")
    assert not re.search(r"(?<!\\)\\u[0-9a-fA-F]{4}", text), "索引应写成 UTF-8，不用 \\uXXXX 转义"
    assert size.bytes_per_han <= 7, str(size)
    data = json.loads(text)
    # 术语表页上每个术语的“又称”是正文，不算
    shown = " ".join(doc["title"] + doc["text"] for doc in data["docs"]
                     if not doc["location"].startswith("indexes/glossary/")).replace(ZWSP, "")
    for metadata in ("下次复核", "上一篇：", "签字/备注", "打开清单（可勾选", "又称："):
        assert metadata not in shown, f"“{metadata}”不应出现在搜索结果的摘要里"
    assert sum(ALIASES in doc for doc in data["docs"]) > 50
    roots = set()
    for doc in data["docs"]:
        if "page" in doc:
            assert doc["page"] in roots, f"{doc['location']} 应排在它的说明页 {doc['page']} 之后"
            assert "/checklists/" in doc["location"] and "#" in doc["location"]
        elif "#" not in doc["location"]:
            roots.add(doc["location"])
    assert sum("page" in doc for doc in data["docs"]) > 100


def test_suggestions_and_offline_index_are_built(real_site, offline_bundle):
    suggestions = (real_site / SUGGESTIONS).read_text(encoding="utf-8")
    assert suggestions.startswith("window.__searchSuggestions = {") and '"indexes/glossary/#' in suggestions
    with zipfile.ZipFile(offline_bundle) as archive:
        embedded = archive.read(f"{NAME}/search/search_index.js").decode("utf-8")
        offline = archive.read(f"{NAME}/{INDEX}").decode("utf-8")
        assert '"indexes/glossary.html#' in archive.read(f"{NAME}/{SUGGESTIONS}").decode("utf-8")
    assert embedded == f"var __index = {offline}"
    assert stats(offline).bytes_per_han <= 7
    assert dumps(json.loads(offline)) == offline  # 已经是整理后的紧凑写法
