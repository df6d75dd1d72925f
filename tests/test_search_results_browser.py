"""搜索结果好用（Debian chromium，真实的 Material 搜索）：一项规程只占一项结果，清单的小节列在说明页下面；
摘要里没有元数据；不显示划掉的“缺少”一行；粘贴后不按键也搜索；搜不到时给出术语和领域概述。"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bench.search_recall import DONE, META, SearchBox
from scripts import ROOT
from scripts.pipeline import load_catalog

from .browser import checklist_steps

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
PROCEDURE = re.compile(r"^(?P<domain>[a-z]+)/(?:checklists/)?(?P<id>[a-z0-9-]+)/$")


@pytest.fixture(scope="module")
def box(browser, site_url):
    page = browser.new_page()
    yield SearchBox(page, site_url)
    page.close()


def items(box: SearchBox) -> list[list[str]]:
    """每个结果项里全部链接的网址路径（第一个是结果项本身）。"""
    hrefs = box.page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))")
    return [[box.path(href) for href in links] for links in hrefs]


@pytest.mark.parametrize("query", ["接访五环节", "渡船", "书面告知", "危房", "证件年审", "司机培训", "家园共育"])
def test_each_procedure_takes_one_result(box, query):
    box.search(query)
    procedures = {p.id: p for p in CATALOG.procedures}
    found = []
    for links in items(box):
        match = PROCEDURE.match(links[0])
        if match and match.group("id") in procedures:
            found.append(match.group("id"))
            if procedures[match.group("id")].page_uri in CATALOG.pages:
                assert "/checklists/" not in links[0], f"有说明页的规程，结果项应是说明页：{links[0]}"
    assert found, f"“{query}”应找到规程"
    assert len(found) == len(set(found)), f"“{query}”：同一项规程占了几项结果：{found}"


def test_checklist_sections_are_listed_under_the_explanation_page(box):
    step = checklist_steps("xinfang", "jiefang-wuhuanjie")[1][1]  # 第二步的名称，只在清单上
    box.search(step)
    found = {links[0]: links[1:] for links in items(box)}
    assert "xinfang/jiefang-wuhuanjie/" in found, found.keys()
    assert any(link.startswith("xinfang/checklists/jiefang-wuhuanjie/") for link in found["xinfang/jiefang-wuhuanjie/"])
    assert "xinfang/checklists/jiefang-wuhuanjie/" not in found


@pytest.mark.parametrize("query", ["现行", "复核", "经办人", "上一篇"])
def test_snippets_show_no_metadata(box, query):
    box.search(query)
    text = box.page.locator(".md-search-result__list").inner_text()
    for metadata in ("状态：现行", "下次复核", "签字/备注", "上一篇：", "又称："):
        assert metadata not in text


def test_the_crossed_out_missing_terms_line_is_hidden(box):
    box.search("接访 渡船")  # 没有一页两个词都有：每个结果下都会有“缺少”一行
    terms = box.page.locator(".md-search-result__terms")
    assert terms.count() > 0
    for i in range(min(terms.count(), 5)):
        expect(terms.nth(i)).to_be_hidden()


def test_pasting_searches_without_a_key(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    page.click("input.md-search__input")
    # 等搜索引擎准备好（它准备好时会读一次搜索框，那时已有的文字本来就会被搜索）
    expect(page.locator(META)).to_have_text(re.compile("键入以开始搜索"), timeout=10_000)
    page.keyboard.insert_text("渡口渡船")  # 粘贴、拖入、输入法上屏：只有 input 事件，没有按键
    expect(page.locator(META)).to_contain_text("个符合条件的结果", timeout=10_000)
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile("ganghang/"))
    page.close()


def test_nothing_found_suggests_terms_and_domain_overviews(box):
    box.search("鼹鼠渡")  # 查不到任何页面；“渡”字在术语“渡口渡船”里
    page = box.page
    expect(page.locator(META)).to_have_text(re.compile("没有找到"))
    suggest = page.locator(".search-suggest")
    expect(suggest).to_be_visible()
    links = suggest.locator("a").evaluate_all("links => links.map(a => [a.textContent, a.href])")
    texts = [text for text, _ in links]
    for domain in CATALOG.domains:
        assert domain.name in texts
    assert any(text.startswith("渡口渡船") for text in texts), texts
    for _, href in links:  # 链接都指向站内真实的页面
        assert page.request.get(href.split("#")[0]).ok, href
    box.search("渡船")
    expect(page.locator(META)).to_contain_text(DONE)
    expect(suggest).to_be_hidden()
