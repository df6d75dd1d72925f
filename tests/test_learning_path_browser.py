"""学习路径可以一路跟下去：从“从这里开始”点进第一步，只点路径条上的“下一步”，走到最后一步；
路径页标出练习过的清单；面包屑和导航显示当前位置。"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from scripts import ROOT
from scripts.pipeline import load_catalog

pytestmark = pytest.mark.browser

PATHS = load_catalog(ROOT).paths


def bar(page):
    return page.get_by_role("navigation", name="学习路径")


@pytest.mark.parametrize("number", range(1, len(PATHS) + 1), ids=[p.role for p in PATHS])
def test_follow_a_path_from_first_to_last_step(page, site_url, number):
    path = PATHS[number - 1]
    total = len(path.reading) + len(path.procedures)
    page.goto(site_url + "start/")
    section = page.locator(f"#lujing-{number} ~ ul").first  # “先读”的第一页就是第一步
    section.get_by_role("link").first.click()
    visited = []
    for position in range(1, total + 1):
        expect(bar(page)).to_be_visible()
        expect(bar(page)).to_contain_text(f"学习路径：{path.role} {position}/{total}")
        visited.append(page.url)
        if position < total:
            bar(page).get_by_role("link", name=re.compile("^下一步：")).click()
    expect(bar(page)).to_contain_text("已是最后一步")
    expect(bar(page).get_by_role("link", name=re.compile("^下一步"))).to_have_count(0)
    assert page.url.endswith(f"/{path.procedures[-1]}/?lujing={number}")  # 最后一站是路径上的最后一项规程
    assert len(set(visited)) == total  # 每一步都是不同的页面，没有原地打转
    # 上一步回到倒数第二站
    bar(page).get_by_role("link", name="上一步").click()
    expect(bar(page)).to_contain_text(f"{total - 1}/{total}")


def test_bar_is_hidden_unless_you_came_from_a_path(page, site_url):
    page.goto(site_url + "xinfang/jiefang-wuhuanjie/")
    expect(bar(page)).to_be_hidden()
    page.goto(site_url + "xinfang/jiefang-wuhuanjie/?lujing=1")
    expect(bar(page)).to_be_visible()
    # 同一次会话里从说明页点“打开清单”，清单页上的路径条仍在
    page.get_by_role("link", name=re.compile("打开清单")).click()
    expect(page).to_have_url(re.compile(r"checklists/jiefang-wuhuanjie/$"))
    expect(bar(page)).to_be_visible()


def test_path_page_shows_what_you_have_practised(page, site_url):
    checklist = page.goto(site_url + "xinfang/checklists/jiefang-wuhuanjie/") and page
    boxes = checklist.locator("ol.checklist input[type=checkbox]")
    total = boxes.count()
    boxes.first.check()
    page.goto(site_url + "start/")
    mark = page.locator('.path-practice[data-procedure="xinfang/jiefang-wuhuanjie"]')
    expect(mark).to_have_text(f"已勾选 1/{total} 步")
    expect(page.locator('.path-practice[data-procedure="xinfang/dengji-fenlei"]')).to_have_text("")
    page.goto(site_url + "xinfang/checklists/jiefang-wuhuanjie/")
    for i in range(total):
        boxes.nth(i).check()
    page.goto(site_url + "start/")
    expect(mark).to_have_text(f"✓ 已练习：{total} 步都勾过")


def test_breadcrumbs_and_nav_show_where_you_are(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "xinfang/checklists/jiefang-wuhuanjie/")
    crumbs = page.get_by_role("navigation", name="当前位置")
    expect(crumbs).to_contain_text("信访工作 › 规程一览 › ")
    current = page.locator(".md-nav--primary .md-nav__item--active:not(.md-nav__item--nested) > .md-nav__link")
    expect(current).to_have_count(1)
    expect(current).to_have_text("规程一览")
    expect(current).to_be_visible()
    crumbs.get_by_role("link", name="规程一览").click()
    expect(page.locator("article h1")).to_contain_text("规程一览")
