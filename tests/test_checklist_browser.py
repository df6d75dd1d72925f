"""清单页的读者体验（浏览器中实测）：勾选记忆、进度、清空、键盘操作、复核提醒、手机宽度、打印样式。"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts.site.site_build import build_site

from .browser import checklist_steps
from .conftest import VALID_PROCEDURE

pytestmark = pytest.mark.browser

CHECKLIST = "xinfang/checklists/jiefang-wuhuanjie/"
_, STEPS = checklist_steps("xinfang", "jiefang-wuhuanjie")
FIRST, SECOND, LAST, TOTAL = STEPS[0], STEPS[1], STEPS[-1], len(STEPS)


def box(page, name: str):
    return page.get_by_role("checkbox", name=name, exact=True)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_ticks_are_remembered_after_reload(page, site_url, real_site, scheme):
    url = site_url + CHECKLIST if scheme == "http" else (real_site / CHECKLIST / "index.html").as_uri()
    page.goto(url)
    progress = page.locator(".checklist__progress")
    expect(progress).to_have_text(f"已完成 0/{TOTAL}")
    box(page, SECOND).check()
    box(page, LAST).check()
    expect(progress).to_have_text(f"已完成 2/{TOTAL}")
    page.reload()
    expect(box(page, SECOND)).to_be_checked()
    expect(box(page, LAST)).to_be_checked()
    expect(box(page, FIRST)).not_to_be_checked()
    expect(progress).to_have_text(f"已完成 2/{TOTAL}")


def test_reset_asks_first(page, site_url):
    page.goto(site_url + CHECKLIST)
    box(page, FIRST).check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="清空勾选").click()
    expect(box(page, FIRST)).to_be_checked()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="清空勾选").click()
    expect(box(page, FIRST)).not_to_be_checked()
    expect(page.locator(".checklist__progress")).to_have_text(f"已完成 0/{TOTAL}")
    page.reload()
    expect(box(page, FIRST)).not_to_be_checked()


def test_keyboard_only(page, site_url):
    page.goto(site_url + CHECKLIST)
    box(page, FIRST).focus()
    page.keyboard.press("Space")
    expect(box(page, FIRST)).to_be_checked()
    # Tab 往后走（步骤里可能有文书链接），不超过几下就到下一步的勾选框
    for _ in range(4):
        page.keyboard.press("Tab")
        if box(page, SECOND).evaluate("e => e === document.activeElement"):
            break
    expect(box(page, SECOND)).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator(".checklist__progress")).to_have_text(f"已完成 2/{TOTAL}")
    # 进度是一个 status 区域，读屏软件会播报变化
    expect(page.get_by_role("status").filter(has_text="已完成")).to_have_text(f"已完成 2/{TOTAL}")


def test_ticks_follow_step_ids_not_positions(page, tree):
    """调整步骤顺序后，勾选仍然跟着原来的步骤（按稳定编号记忆）。"""
    site = build_site(tree.root, tree.root / "site")
    url = (site / "shili/checklists/shili-guicheng/index.html").as_uri()
    page.goto(url)
    box(page, "跟踪办理").check()

    first, second = VALID_PROCEDURE.split("  - 编号: genzong")
    steps_start = first.index("  - 编号: dengji")
    step_one = first[steps_start:]
    step_two, rest = second.split("检查要点:")
    reordered = first[:steps_start] + "  - 编号: genzong" + step_two + step_one + "检查要点:" + rest
    tree.write("procedures/shili/shili-guicheng.yml", reordered)
    build_site(tree.root, site)

    page.reload()
    names = page.locator("ol.checklist .checklist__name").all_inner_texts()
    assert names == ["跟踪办理", "登记来访"]
    expect(box(page, "跟踪办理")).to_be_checked()
    expect(box(page, "登记来访")).not_to_be_checked()


def test_overdue_review_is_shown(page, tree):
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("上次复核: 2026-01-15", "上次复核: 2020-01-15"))
    tree.write("docs/shili/shili-guicheng.md", "# 登记来访\n\n说明。\n")
    site = build_site(tree.root, tree.root / "site")
    for path in ["shili/shili-guicheng/index.html", "shili/checklists/shili-guicheng/index.html"]:
        page.goto((site / path).as_uri())
        notice = page.locator(".admonition.warning", has_text="已超过复核日期")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("本规程应在 2021年1月15日 前复核")
    # 状态、负责人、复核日期在清单下方的一行里，不再是页首的一张表
    expect(page.locator(".checklist-meta")).to_have_text(
        "状态：现行 · 负责人：测试组 · 上次复核：2020年1月15日 · 下次复核：2021年1月15日")


def test_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ["", "start/", CHECKLIST, "xinfang/jiefang-wuhuanjie/", "xinfang/"]:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path or '首页'} 在 375 像素宽时横向溢出 {overflow} 像素"
    context.close()


def test_print_style_shows_empty_boxes_and_sign_fields(page, site_url):
    page.goto(site_url + CHECKLIST)
    box(page, FIRST).check()
    page.emulate_media(media="print")
    ticked = page.locator("#jiefang-wuhuanjie--jiedai input")
    assert ticked.evaluate("e => getComputedStyle(e).appearance") == "none"
    expect(page.locator(".checklist__sign").first).to_be_visible()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    for toolbar in page.locator(".checklist__toolbar").all():  # 进度和清空、两个打印按钮
        expect(toolbar).to_be_hidden()
