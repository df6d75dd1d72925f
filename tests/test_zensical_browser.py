"""第二种构建工具 Zensical（make build-zensical）构建的站点，在真实浏览器里跑与 MkDocs 站点相同的测试。

下面从各测试模块导入的测试函数原样运行；本模块覆盖了它们用的夹具：real_site、site_url 是 Zensical 的构建，
search_box 是 Zensical 的搜索框（bench/search_recall.py 的 ZensicalSearchBox）。
只跑这一组：pytest -m zensical。
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench.search_recall import ZensicalSearchBox
from scripts import ROOT
from scripts.adapters.zensical_build import build_zensical

from .browser import collect_errors, serve_directory
from .test_checklist_browser import test_keyboard_only, test_reset_asks_first, test_ticks_are_remembered_after_reload
from .test_checklist_print_browser import test_blank_form_and_current_progress, test_print_keeps_only_the_form
from .test_glossary_browser import (
    test_an_alias_finds_the_page_through_its_alias_line,
    test_hovering_a_mid_sentence_term_shows_its_definition,
    test_no_tooltips_in_headings_or_links,
)
from .test_learning_path_browser import test_follow_a_path_from_first_to_last_step, test_path_page_shows_what_you_have_practised
from .test_search_questions_browser import KEYWORDS, QUESTIONS, recall, searched, test_median_latency_is_under_50_ms

pytestmark = [pytest.mark.browser, pytest.mark.zensical]

SAME_TESTS = [
    test_ticks_are_remembered_after_reload, test_reset_asks_first, test_keyboard_only,
    test_print_keeps_only_the_form, test_blank_form_and_current_progress,
    test_hovering_a_mid_sentence_term_shows_its_definition, test_no_tooltips_in_headings_or_links,
    test_an_alias_finds_the_page_through_its_alias_line,
    test_follow_a_path_from_first_to_last_step, test_path_page_shows_what_you_have_practised,
    test_median_latency_is_under_50_ms,
]
FIXTURES = [searched]  # 整个查询集在 Zensical 的搜索框里跑一遍（test_search_questions_browser.py）


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    return build_zensical(ROOT, tmp_path_factory.mktemp("zensical") / "site-zensical")


@pytest.fixture(scope="module")
def site_url(real_site):
    with serve_directory(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def search_box():
    return ZensicalSearchBox


def test_search_recall_floors(searched):
    """Zensical 的搜索比 MkDocs 构建的弱（README“第二种构建工具”的表）：结果按节而不是按页，没有 jieba，
    查询的词只按前缀匹配。MkDocs 构建要求关键词 0.97、问题 0.90；这里是测得的数值（0.912、0.852）下面
    留一点余量的下限，防止改动把它弄坏。"""
    missed = searched[0]
    assert recall(KEYWORDS, missed) >= 0.88, [q.text for q in KEYWORDS if q.text in missed]
    assert recall(QUESTIONS, missed) >= 0.80, [q.text for q in QUESTIONS if q.text in missed]


def test_pages_run_without_errors_under_the_content_policy(page, site_url):
    """内容安全策略（<meta>）下没有被拦下的脚本或样式，搜索框有它的样式（对话框铺满窗口）。"""
    errors = collect_errors(page)
    page.goto(site_url + "xinfang/checklists/dengji-fenlei/")
    expect(page.locator(".checklist__progress")).to_be_visible()
    page.click(".md-search__button")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    assert dialog.evaluate("d => getComputedStyle(d).position") == "fixed"  # 样式没被拦下
    assert errors == []


def test_footer_names_the_version_and_the_builder(page, site_url):
    page.goto(site_url)
    footer = page.locator(".md-copyright")
    expect(footer).to_contain_text("版本：")
    expect(footer.get_by_role("link", name="Zensical")).to_be_visible()
    footer.get_by_role("link", name="更新说明").click()
    expect(page).to_have_url(site_url + "gengxin/")
    expect(page.locator("article h1")).to_contain_text("更新说明")
