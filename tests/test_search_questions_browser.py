"""学员的问题（tests/search_queries.yml 中类型为“问题”的查询）：在真实的 Material 搜索里，
要找的页面出现在前 5 个结果中。与搜索基准（bench/search_recall.py）用同一个查询集和同一个搜索框。"""

from __future__ import annotations

import pytest

from bench.search_recall import TOP, SearchBox, load_queries
from scripts import ROOT
from scripts.catalog import load_catalog

pytestmark = pytest.mark.browser

QUESTIONS = [q for q in load_queries() if q.kind == "问题"]


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    page = browser.new_page()
    yield SearchBox(page, site_url)
    page.close()


def test_the_question_set_is_not_empty():
    assert len(QUESTIONS) >= 8


@pytest.mark.parametrize("query", QUESTIONS, ids=[q.text for q in QUESTIONS])
def test_question_finds_its_page(search_box, query):
    accepted = query.accepted({p.id for p in load_catalog(ROOT).procedures})
    results = search_box.search(query.text)
    assert set(results[:TOP]) & accepted, f"“{query.text}”的前 {TOP} 个结果：{results}，要找：{sorted(accepted)}"
