"""手机上的清单页（390×844，触屏）：第一个勾选框在第一屏，正文不小于 14 像素，看不到内部编号；
多列表格排成卡片，不被截断。"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .reader_checks import MIN_TEXT_PX, PHONE, SMALL_TEXT, checklist_pages, internal_ids

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_every_checklist_page_starts_with_the_work(phone, site_url, real_site):
    """每一个清单页都从学习路径进入（路径条显示出来，最不利的情形）再量一遍。"""
    pages = checklist_pages(real_site)
    assert len(pages) > 50
    ids = internal_ids()
    late, small, leaked = [], [], []
    for path in pages:
        phone.goto(site_url + path + "?lujing=1")
        bottom = phone.evaluate("document.querySelector('ol.checklist input[type=checkbox]')"
                                ".getBoundingClientRect().bottom + window.scrollY")
        if bottom > 844:
            late.append(f"{path}：{bottom:.0f}px")
        small += [f"{path}：{text}" for text in phone.evaluate(SMALL_TEXT, MIN_TEXT_PX)]
        text = phone.locator("article").inner_text()
        leaked += [f"{path}：{match.group(0)}" for match in ids.finditer(text)]
    assert not late, "第一个勾选框不在第一屏：" + "；".join(late)
    assert not small, "手机上小于 14 像素的文字：" + "；".join(small[:20])
    assert not leaked, "读者文字中出现内部编号或仓库路径：" + "；".join(leaked[:20])


def test_path_bar_is_shown_on_the_first_screen_too(phone, site_url):
    phone.goto(site_url + "xinfang/checklists/fucha-fuhe/?lujing=1")
    bar = phone.get_by_role("navigation", name="学习路径")
    expect(bar).to_be_visible()
    assert bar.bounding_box()["y"] < 844


@pytest.mark.parametrize("path", ["xinfang/jiefang-wuhuanjie/", "xinfang/zoufang-jitifang/", "indexes/roles/"])
def test_wide_tables_become_cards_and_text_stays_readable(phone, site_url, path):
    phone.goto(site_url + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # 三列以上的表格排成卡片：每个单元格前面印出列名，没有哪一列被截掉或要在表格里横向滑动
    cut = phone.evaluate("""Array.from(document.querySelectorAll('article table')).filter(t =>
        t.getBoundingClientRect().right > window.innerWidth + 0.5 ||
        t.closest('.md-typeset__scrollwrap').scrollWidth > t.closest('.md-typeset__scrollwrap').clientWidth).length""")
    assert cut == 0
    wide = phone.locator("article table[data-cards]")
    if path == "xinfang/jiefang-wuhuanjie/":
        expect(wide.first).to_be_visible()
        label = wide.first.locator("td").first.evaluate("e => getComputedStyle(e, '::before').content")
        assert label.endswith('："') and len(label) > 3
    assert phone.evaluate(SMALL_TEXT, MIN_TEXT_PX) == []


def test_tooltip_text_is_readable_on_a_phone(phone, site_url):
    phone.goto(site_url + "xinfang/jiefang-wuhuanjie/")
    term = phone.locator("article abbr.glossary-term").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = phone.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tooltip).to_be_visible()
    assert float(tooltip.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= MIN_TEXT_PX
