"""清单打印成表格（Chromium 的 page.pdf，A4，用 pypdf 数页）：只印表格本身；12 个勾选框以内一页、
24 个以内两页；“打印空白表”和“打印当前进度”；“打印全部清单”每项清单从新的一页开始。"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .browser import checklist_steps
from .reader_checks import checklist_pages

pytestmark = pytest.mark.browser

CHECKLIST = "xinfang/checklists/jiefang-wuhuanjie/"
TITLE, STEPS = checklist_steps("xinfang", "jiefang-wuhuanjie")
BOXES_PER_PAGE = 12


def pdf_of(page) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))


def text_of(pdf: PdfReader) -> str:
    return "".join(page_text(p) for p in pdf.pages)


# 字体把部分汉字的文字映射成部首字符：康熙部首（“⼈”）NFKC 就能还原，简化字部首（“⻅”）没有对应，查这张表。
RADICALS = str.maketrans("⻅⻓⻔⻝⻢⻣⻩⻬⻮⻰⻳⺠⻄⻆⻋⻚⻛⻠⻥⻦⻨⻉", "见长门食马骨黄齐齿龙龟民西角车页风饣鱼鸟麦贝")


def page_text(pdf_page) -> str:
    """PDF 里的一页文字，部首字符还原成常用字；标点不动。"""
    text = pdf_page.extract_text().translate(RADICALS)
    return "".join(unicodedata.normalize("NFKC", c) if "\u2f00" <= c <= "\u2fdf" else c for c in text)


def test_every_checklist_fits_its_pages(page, site_url, real_site):
    """≤ 12 个勾选框一页 A4，≤ 24 个两页（更多的按每页 12 个算）；两种规模都有实例。"""
    sizes, too_long = {1: 0, 2: 0}, []
    for path in checklist_pages(real_site):
        if path.endswith("/print/"):
            continue
        page.goto(site_url + path)
        boxes = page.locator("input.checklist__box").count()
        allowed = math.ceil(boxes / BOXES_PER_PAGE)
        pages = len(pdf_of(page).pages)
        sizes[allowed] = sizes.get(allowed, 0) + 1
        if pages > allowed:
            too_long.append(f"{path}：{boxes} 个勾选框印了 {pages} 页")
    assert sizes[1] and sizes[2], sizes
    assert not too_long, "；".join(too_long)


def test_print_keeps_only_the_form(page, site_url):
    page.goto(site_url + CHECKLIST)
    text = text_of(pdf_of(page))
    for wanted in ["清单：", "事项：", "当事人或对象：", "编号：", "经办单位：", "日期：", "经办人：", "签字/备注：",
                   "检查要点", STEPS[0], STEPS[-1]]:
        assert wanted in text
    for unwanted in ["\n适用情形\n", "\n责任主体\n", "\n常见问题\n", "\n依据\n", "来源", "先做什么", "状态：", "学习路径", "规程一览",
                     "清空勾选", "打印空白表", "上一篇", "下一篇", "jiefang-wuhuanjie"]:
        assert unwanted not in text, unwanted
    # 黑字，不印链接样式
    page.emulate_media(media="print")
    for selector in ["h1", ".checklist__how", "ol.checklist a, .checklist-points a"]:
        for element in page.locator(selector).all()[:3]:
            style = element.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine]")
            assert style == ["rgb(0, 0, 0)", "none"], (selector, style)


def test_blank_form_and_current_progress(page, site_url):
    page.goto(site_url + CHECKLIST)
    page.get_by_role("checkbox", name=STEPS[0], exact=True).check()
    page.get_by_role("checkbox", name=STEPS[2], exact=True).check()
    page.evaluate("window.print = () => {}")  # 不弹出打印对话框；模式由按钮设在 <html data-print> 上
    ticked = page.locator("ol.checklist input").first
    printed = page.locator(".checklist-printed")

    page.get_by_role("button", name="打印空白表").click()
    page.emulate_media(media="print")
    assert ticked.evaluate("e => getComputedStyle(e).appearance") == "none"  # 勾过的也印成空方框
    expect(printed).to_be_hidden()
    assert "打印日期" not in text_of(pdf_of(page))

    page.emulate_media(media="screen")
    page.get_by_role("button", name="打印当前进度").click()
    page.emulate_media(media="print")
    assert ticked.evaluate("e => getComputedStyle(e).appearance") != "none"  # 勾过的印成已勾
    assert page.locator("ol.checklist input").nth(1).evaluate("e => getComputedStyle(e).appearance") == "none"
    today = dt.date.today()
    expect(printed).to_have_text(f"打印日期：{today.year}年{today.month}月{today.day}日　"
                                 f"打印时的进度：已完成 2/{len(STEPS)}")
    assert f"打印日期：{today.year}年" in text_of(pdf_of(page))

    page.evaluate("window.dispatchEvent(new Event('afterprint'))")  # 打印完复原成空白表
    assert page.evaluate("document.documentElement.hasAttribute('data-print')") is False


def test_domain_print_has_one_checklist_per_page(page, site_url, real_site):
    from scripts import ROOT
    from scripts.pipeline import load_catalog

    titles = [p.title for p in load_catalog(ROOT).procedures if p.domain == "youer"]
    page.goto(site_url + "youer/checklists/print/")
    pdf = pdf_of(page)
    starts = [page_text(p).lstrip() for p in pdf.pages]
    for title in titles:
        assert sum(text.startswith(title) for text in starts) == 1, (title, [t[:20] for t in starts])
    assert len(pdf.pages) >= len(titles)
    text = text_of(pdf)
    assert text.count("当事人或对象：") == len(titles)
    assert "打印全部清单" not in text  # 只印各张表
