"""无障碍：axe-core（npm 包，由 Playwright 注入 Debian 的 chromium）在主要页面上不报严重或危急问题。"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from scripts import ROOT

from .browser import type_chinese
from .reader_checks import PHONE

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "首页": "",
    "领域概述": "xinfang/",
    "规程说明页": "xinfang/jiefang-wuhuanjie/",
    "清单页": "xinfang/checklists/jiefang-wuhuanjie/",
    "从这里开始": "start/",
    "术语表": "indexes/glossary/",
    "清单页（从学习路径进入）": "xinfang/checklists/fucha-fuhe/?lujing=1",
    "打印全部清单": "xinfang/checklists/print/",
}
# 手机视图（卡片式表格、先做什么、面包屑）和打印视图（只剩表格）也要检查。
VIEWS = {
    "手机上的清单页": ("xinfang/checklists/zoufang-jitifang/?lujing=1", "phone"),
    "手机上的说明页（四列表格排成卡片）": ("xinfang/jiefang-wuhuanjie/", "phone"),
    "清单的打印视图（当前进度）": ("xinfang/checklists/jiefang-wuhuanjie/", "print"),
}


def run_axe(page) -> dict[str, list[str]]:
    """在当前页面运行 axe，按影响程度返回违规规则的编号。"""
    if not AXE.exists():
        pytest.fail("找不到 node_modules/axe-core：请用 `make test` 运行测试，它会用 npm ci 安装")
    # 不用 add_script_tag：页面的内容安全策略不允许内联脚本；evaluate 由浏览器的调试接口执行，不受它限制。
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))"
    )
    by_impact: dict[str, list[str]] = {}
    for violation in result:
        by_impact.setdefault(violation["impact"] or "unknown", []).append(f"{violation['id']}×{violation['nodes']}")
    return by_impact


def assert_no_serious(name: str, by_impact: dict[str, list[str]]) -> None:
    print(f"axe {name}: " + json.dumps(by_impact, ensure_ascii=False))
    serious = by_impact.get("serious", []) + by_impact.get("critical", [])
    assert not serious, f"{name}：{serious}"


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_serious_violations(browser, site_url, real_site, name):
    path = PAGES[name]
    if not (real_site / path.split("?")[0] / "index.html").exists():
        pytest.skip(f"站点中还没有{name}（{path}）")
    page = browser.new_page()
    page.goto(site_url + path)
    assert_no_serious(name, run_axe(page))
    page.close()


def test_search_results_view(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    type_chinese(page, "input.md-search__input", "包案")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert_no_serious("搜索结果", run_axe(page))
    page.close()


@pytest.mark.parametrize("name", list(VIEWS))
def test_phone_and_print_views_have_no_serious_violations(browser, site_url, name):
    path, view = VIEWS[name]
    context = browser.new_context(**(PHONE if view == "phone" else {}))
    page = context.new_page()
    page.goto(site_url + path)
    if view == "print":
        page.get_by_role("checkbox").first.check()
        page.evaluate("window.print = () => {}")
        page.get_by_role("button", name="打印当前进度").click()
        page.emulate_media(media="print")
    assert_no_serious(name, run_axe(page))
    context.close()

