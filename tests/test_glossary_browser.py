"""在真实浏览器（Debian chromium）里看术语表的效果：悬停在句子中间的术语上看到释义，按别称搜到页面。

用 conftest.py 中整个测试会话共用的真实站点（site_url）和浏览器（browser）。
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench.search_recall import SearchBox, load_queries
from scripts import ROOT
from scripts.pipeline import load_catalog

pytestmark = pytest.mark.browser

PAGE = "xinfang/guifan-zhixu/"
# 找正文段落里第一个前后都紧挨着汉字的术语提示，返回它是第几个 abbr。
MID_SENTENCE = """() => {
  const han = /[\\u4e00-\\u9fff]/;
  const terms = [...document.querySelectorAll("article abbr.glossary-term")];
  return terms.findIndex(abbr => {
    const before = abbr.previousSibling, after = abbr.nextSibling;
    return abbr.closest("p") && before && after && before.nodeType === 3 && after.nodeType === 3
      && han.test(before.textContent.slice(-1)) && han.test(after.textContent.slice(0, 1));
  });
}"""


def test_hovering_a_mid_sentence_term_shows_its_definition(browser, site_url):
    glossary = load_catalog(ROOT).glossary
    page = browser.new_page()
    page.goto(site_url + PAGE)
    index = page.evaluate(MID_SENTENCE)
    assert index >= 0, "这一页应有夹在汉字中间的术语"
    term = page.locator("article abbr.glossary-term").nth(index)
    text = term.text_content()
    match = glossary.find(text)[0]
    assert match.text == text
    expect(term).to_have_attribute("title", glossary.tooltip(match))
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(match.term.definition)
    page.close()


def test_no_tooltips_in_headings_or_links(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + PAGE)
    expect(page.locator("article h1 abbr, article h2 abbr, article a abbr, article code abbr")).to_have_count(0)
    page.close()


def test_an_alias_finds_the_page_through_its_alias_line(browser, site_url, search_box):
    page = browser.new_page()
    results = search_box(page, site_url).search("集体上访")
    assert "xinfang/redianfang-guilei/" in results or "xinfang/checklists/redianfang-guilei/" in results
    page.close()


def test_search_recall_does_not_fall_below_the_floor(browser, site_url):
    """bench/search_recall.py 测得约 0.96；这里只设一个留有余量的下限，防止改动把搜索弄坏。"""
    ids = {p.id for p in load_catalog(ROOT).procedures}
    page = browser.new_page()
    box = SearchBox(page, site_url)
    queries = load_queries()
    missed = [q.text for q in queries if not set(box.search(q.text)) & q.accepted(ids)]
    page.close()
    assert len(queries) >= 40
    assert 1 - len(missed) / len(queries) >= 0.9, f"前 5 个结果里没有要找的页面：{missed}"
