"""在真实浏览器（Debian chromium）里用 Material 的搜索框搜中文词，并打开正确的页面。"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts import ROOT

from .browser import checklist_steps, type_chinese

pytestmark = pytest.mark.browser

# (查询词, 规程编号)：查询词取自句子中间（前后都是汉字），不是标题。
# 命中该规程的说明页或清单页都算找对。
QUERIES = [
    ("陪同", "si-jianmian-liang-diantou"),
    ("压着", "shouli-gaozhi"),
]


@pytest.mark.parametrize(("query", "proc_id"), QUERIES)
def test_mid_sentence_word_finds_the_right_page(browser, site_url, query, proc_id):
    sources = [ROOT / "docs/xinfang" / f"{proc_id}.md", ROOT / "procedures/xinfang" / f"{proc_id}.yml"]
    text = "".join(p.read_text(encoding="utf-8") for p in sources)
    assert re.search(rf"[\u4e00-\u9fff]{query}[\u4e00-\u9fff]", text), "查询词应出现在句子中间"

    page = browser.new_page()
    page.goto(site_url)
    type_chinese(page, "input.md-search__input", query)
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=10_000)
    # 别的页面也可以合理地用到同一个词：要找的页面在前 5 项里就算找到（结果按页列出，一页一项）
    links = page.locator(".md-search-result__item > a").all()[:5]
    found = next((link for link in links if f"/{proc_id}/" in (link.get_attribute("href") or "")), None)
    assert found is not None, [link.get_attribute("href") for link in links]
    found.click()
    expect(page).to_have_url(re.compile(f"/{proc_id}/"))
    title = sources[0].read_text(encoding="utf-8").splitlines()[0][2:]
    expect(page.locator("h1")).to_contain_text(title)
    page.close()


def test_checklist_boxes_can_be_ticked(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "xinfang/checklists/jiefang-wuhuanjie/")
    boxes = page.locator("ol.checklist input[type=checkbox]")
    expect(boxes).to_have_count(len(checklist_steps("xinfang", "jiefang-wuhuanjie")[1]))
    page.locator("#jiefang-wuhuanjie--zhuanjiao label").click()
    expect(page.locator("#jiefang-wuhuanjie--zhuanjiao input")).to_be_checked()
    page.close()
