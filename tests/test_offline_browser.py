"""离线包：解压后从 file:// 打开，逐页检查外部请求、坏链接和控制台错误；搜索、勾选、打印。

除 file:// 以外的一切请求都被拦下并记录，所以“零外部请求”是实测的，不是推断的。
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from scripts.site.offline_bundle import NAME, README

from .browser import checklist_steps, collect_errors, type_chinese

TITLE, STEPS = checklist_steps("xinfang", "jiefang-wuhuanjie")
FIRST, SECOND, LAST, TOTAL = STEPS[0], STEPS[1], STEPS[-1], len(STEPS)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bundle(offline_bundle) -> Path:
    return offline_bundle


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(target)
    return target


@pytest.fixture
def offline_page(browser):
    """一个只允许 file:// 请求的页面；其余请求被拦下，记在 page.blocked 里。"""
    context = browser.new_context()
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.blocked = blocked
    yield page
    context.close()


def file_of(url: str) -> Path:
    return Path(unquote(urlparse(urldefrag(url)[0]).path))


def test_zip_layout_and_name(bundle):
    assert re.fullmatch(rf"{NAME}-offline-(\d{{8}}-[0-9a-f]{{7}}|v[\w.]+)(-dirty)?\.zip", bundle.name)  # version.py
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        guide = archive.read(README).decode("utf-8-sig")
    assert names[0] == README
    assert f"{NAME}/index.html" in names
    assert "双击 index.html" in guide


def test_every_page_works_with_no_network(offline_page, unpacked):
    root = unpacked / NAME
    start = (root / "index.html").as_uri()
    errors = collect_errors(offline_page)

    queue, seen, broken = [start], {start}, []
    while queue:
        url = queue.pop()
        offline_page.goto(url)
        offline_page.wait_for_load_state("load")
        for href in offline_page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            if not href.startswith("file://"):
                continue  # 外部链接不是请求；请求由 guard 记录
            target = file_of(href)
            if not target.exists():
                broken.append(f"{file_of(url).relative_to(root)} → {href}")
            elif target.suffix == ".html" and root in target.parents:
                page_url = target.as_uri()
                if page_url not in seen:
                    seen.add(page_url)
                    queue.append(page_url)

    assert len(seen) > 80, f"只抓到 {len(seen)} 个页面"
    assert offline_page.blocked == [], f"有外部请求：{sorted(set(offline_page.blocked))}"
    assert broken == []
    assert errors == []


def test_search_works_from_file(offline_page, unpacked):
    offline_page.goto((unpacked / NAME / "index.html").as_uri())
    type_chinese(offline_page, "input.md-search__input", "前后相接")
    first = offline_page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=15_000)
    assert "jiefang-wuhuanjie" in first.get_attribute("href")
    assert offline_page.blocked == []


def test_ticked_step_survives_reload_from_file(offline_page, unpacked):
    offline_page.goto((unpacked / NAME / "xinfang/checklists/jiefang-wuhuanjie.html").as_uri())
    offline_page.get_by_role("checkbox", name=SECOND, exact=True).check()
    expect(offline_page.locator(".checklist__progress")).to_have_text(f"已完成 1/{TOTAL}")
    offline_page.reload()
    expect(offline_page.get_by_role("checkbox", name=SECOND, exact=True)).to_be_checked()
    expect(offline_page.get_by_role("checkbox", name=FIRST, exact=True)).not_to_be_checked()


def test_checklist_prints_on_a4(offline_page, unpacked):
    offline_page.goto((unpacked / NAME / "xinfang/checklists/jiefang-wuhuanjie.html").as_uri())
    offline_page.get_by_role("checkbox", name=FIRST, exact=True).check()
    pdf = PdfReader(io.BytesIO(offline_page.pdf(format="A4", print_background=True)))
    text = "".join(page.extract_text() for page in pdf.pages)
    # 字体把部分汉字映射成康熙部首等兼容字符（如“⼈”），NFKC 规范化后再比较。
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    for expected in [f"清单：{TITLE}", FIRST, SECOND, LAST, "经办人：", "签字/备注："]:
        assert unicodedata.normalize("NFKC", expected) in compact, expected
    assert compact.startswith(unicodedata.normalize("NFKC", f"清单：{TITLE}")), "标题之前不该有导航或标签"
    for chrome in ["搜索", "清空勾选", "打印清单", "从这里开始"]:
        assert chrome not in compact, f"打印稿里不该有“{chrome}”（导航或按钮）"
    assert 1 <= len(pdf.pages) <= 4
    width, height = pdf.pages[0].mediabox.width, pdf.pages[0].mediabox.height
    assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2  # A4：210×297 毫米，单位为点
