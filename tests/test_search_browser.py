"""在真实浏览器（Debian chromium）里用 Material 的搜索框搜中文词，并打开正确的页面。"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect, sync_playwright

from scripts import ROOT
from scripts.site_build import build_site

from .browser import CHROMIUM_ARGS, serve_directory, type_chinese

pytestmark = pytest.mark.browser

# (查询词, 目标页面的网址前缀)：查询词都取自句子中间，不是标题，也不在句首。
QUERIES = [
    ("候访", "xinfang/si-jianmian-liang-diantou/"),
    ("访必接", "xinfang/jiefang-wuhuanjie/"),
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    site = build_site(ROOT, tmp_path_factory.mktemp("browser") / "site")
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium_path):
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.mark.parametrize(("query", "target"), QUERIES)
def test_mid_sentence_word_finds_the_right_page(browser, site_url, query, target):
    source = (ROOT / "docs" / target.rstrip("/")).with_suffix(".md").read_text(encoding="utf-8")
    assert re.search(rf"[\u4e00-\u9fff]{query}[\u4e00-\u9fff]", source), "查询词应出现在句子中间"

    page = browser.new_page()
    page.goto(site_url)
    type_chinese(page, "input.md-search__input", query)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=10_000)
    href = first.get_attribute("href")
    assert href.split("#")[0].rstrip("/").endswith(target.rstrip("/")), href
    first.click()
    expect(page).to_have_url(re.compile(re.escape(target)))
    title = (ROOT / "docs" / target.rstrip("/")).with_suffix(".md").read_text(encoding="utf-8").splitlines()[0][2:]
    expect(page.locator("h1")).to_have_text(title)
    page.close()


def test_checklist_boxes_can_be_ticked(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "xinfang/checklists/jiefang-wuhuanjie/")
    boxes = page.locator("ol.checklist input[type=checkbox]")
    expect(boxes).to_have_count(5)
    page.locator("#step-zhuanjiao label").click()
    expect(boxes.nth(1)).to_be_checked()
    page.close()
