"""文书和流程图在浏览器里：文书打印成 A4、能下载 Word 文件（在线和离线包），流程图在手机上换成单列，
打印是黑白的泳道图；axe 不报严重问题，页面没有内容安全策略不允许的写法。"""

from __future__ import annotations

import io
import unicodedata
import urllib.request
import zipfile

import pytest
from pypdf import PdfReader

from scripts import ROOT
from scripts.pipeline import load_catalog
from scripts.site.csp import scan_site
from scripts.site.offline_bundle import NAME

from .test_accessibility_browser import assert_no_serious, run_axe

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
XINFANG_FORMS = [form for form in CATALOG.forms if form.domain == "xinfang"]


def pdf_text(pdf: PdfReader) -> str:
    """PDF 中的文字：字体把有些汉字记成形近的部首（“⼈”“⻅”），还原成常用字。"""
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pdf.pages))
    return text.replace("\n", "").replace("\u2ec5", "见")


def url_of(form_uri: str) -> str:
    return form_uri[:-3] + "/"


@pytest.mark.parametrize("form", CATALOG.forms, ids=lambda f: f.id)
def test_form_prints_blank_on_a4(browser, site_url, form):
    page = browser.new_page()
    page.goto(site_url + url_of(form.page_uri))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.close()
    text = pdf_text(pdf)
    assert 1 <= len(pdf.pages) <= 2
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2  # A4：210×297 毫米，单位是点
    for section in form.sections:
        assert section.heading in text
    assert "下载 Word" not in text and "用到它的清单步骤" not in text  # 打印只印标题和表


@pytest.mark.parametrize("form", XINFANG_FORMS, ids=lambda f: f.id)
def test_docx_downloads_online(site_url, form):
    from docx import Document

    with urllib.request.urlopen(site_url + form.docx_uri) as response:
        document = Document(io.BytesIO(response.read()))
    assert document.paragraphs[0].text == form.name


def test_docx_files_are_in_the_offline_bundle(offline_bundle, real_site):
    with zipfile.ZipFile(offline_bundle) as bundle:
        names = set(bundle.namelist())
        for form in CATALOG.forms:
            assert f"{NAME}/{form.docx_uri}" in names
            assert bundle.read(f"{NAME}/{form.docx_uri}") == (real_site / form.docx_uri).read_bytes()
        page = bundle.read(f"{NAME}/{XINFANG_FORMS[0].page_uri[:-3]}.html").decode()
        assert f'href="{XINFANG_FORMS[0].id}.docx"' in page


def test_record_link_opens_the_form(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "xinfang/checklists/banli-dafu/")
    page.locator("a.form-link", has_text="信访处理意见书").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("xinfang/wenshu/xinfang-chuli-yijianshu/")
    assert page.locator("h1").inner_text().strip().startswith("信访处理意见书")
    page.close()


@pytest.mark.parametrize("width, shown, hidden", [(390, "narrow", "lanes"), (1280, "lanes", "narrow")])
def test_chart_fits_the_screen(browser, site_url, width, shown, hidden):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + "xinfang/fucha-fuhe/")
    assert page.locator(f".flowchart__svg--{shown}").is_visible()
    assert not page.locator(f".flowchart__svg--{hidden}").is_visible()
    box = page.locator(f".flowchart__svg--{shown}").bounding_box()
    assert box["width"] <= width and box["height"] > 200
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_chart_prints_in_black_and_white(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "xinfang/fucha-fuhe/")
    page.emulate_media(media="print")
    assert page.locator(".flowchart__svg--lanes").is_visible()
    assert not page.locator(".flowchart__svg--narrow").is_visible()
    colours = page.evaluate("""() => [...document.querySelectorAll('.flowchart__svg--lanes *')]
        .flatMap(e => [e.getAttribute('fill'), e.getAttribute('stroke')]).filter(Boolean)""")
    assert set(colours) <= {"#000", "#fff", "#ffffff", "#f2f2f2", "#888", "#333", "none"}
    assert "作出复查意见并书面答复" in pdf_text(PdfReader(io.BytesIO(page.pdf(format="A4"))))
    page.close()


@pytest.mark.parametrize("path", ["xinfang/", "xinfang/fucha-fuhe/", "xinfang/wenshu/",
                                  "xinfang/wenshu/xinfang-chuli-yijianshu/"])
def test_no_serious_accessibility_problems(browser, site_url, path):
    page = browser.new_page()
    page.goto(site_url + path)
    assert_no_serious(path, run_axe(page))
    page.close()


def test_forms_and_charts_pass_the_content_security_check(real_site):
    scan = scan_site(real_site)
    pages = [f"{form.page_uri[:-3]}/index.html" for form in CATALOG.forms] + ["xinfang/fucha-fuhe/index.html"]
    assert all(page in scan.page_hashes for page in pages)
    assert not [p for p in scan.problems if p.split(":")[0] in pages]
