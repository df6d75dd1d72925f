"""文书（procedures/_forms.yml）：登记表的校验，打印页和 Word 文件的内容，清单中留痕材料的链接。"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from scripts.addresses import page_href
from scripts.content.forms import form_for
from scripts.pages.forms_docx import FIXED_DATE, ZIP_TIME, form_documents, form_docx

from .conftest import pages, problems

# 《信访工作条例》要求意见书写明的内容：每份意见书都要有这些栏（标题中含有这些字）。
REQUIRED = {
    "xinfang-chuli-yijianshu": ["信访请求", "事实和理由", "处理意见及依据", "请求复查的途径和期限"],
    "xinfang-fucha-yijianshu": ["复查请求", "事实和理由", "复查意见及依据", "请求复核的途径和期限"],
    "xinfang-fuhe-yijianshu": ["复核请求", "事实和理由", "复核意见及依据"],
    "xinfang-buyu-shouli-gaozhishu": ["不予受理的理由", "应当向哪里提出"],
    # 第二十三条：告知的是接收情况和处理途径、程序；转错的事项提出异议、写明理由，经核实同意后交还材料
    "xinfang-jieshou-gaozhishu": ["处理途径", "处理的途径和程序"],
    "xinfang-shouli-gaozhishu": ["接收情况", "处理途径和程序"],
    "xinfang-zhuanjiao-yiyihan": ["异议的理由", "核实意见", "材料交还清单"],
    # 第二十五条：报告本级党委和政府，通报主管部门和联席会议办公室，信访部门报上一级和国家信访局
    "xinfang-zhongda-baogaodan": ["事项概要", "已经采取的措施", "报告和通报对象"],
    "xinfang-yanqi-gaozhishu": ["延期的理由"],
}
# 至少要有的信访文书。
XINFANG = ["来访登记表", "信访事项转送（交办）单", "信访事项接收告知书", "转送交办事项告知书", "转送（交办）事项异议函",
           "不予受理告知书", "重大、紧急信访信息报告单", "延期办理告知书", "信访处理意见书", "复查意见书", "复核意见书"]

FORM = """\
- 编号: shili-gaozhishu
  领域: shili
  名称: 示例告知书
  用途: 只在测试中使用的文书。
  依据: [xinfang-gongzuo-tiaoli]
  留痕材料: [告知记录]
  栏目:
    - 标题: 来访人
      填写项: [姓名（名称）]
    - 标题: 期限
      时限: [shili-shouli]
      选项: [当场, 邮寄]
      行数: 2
  落款: [单位（盖章）, 日期]
"""


@pytest.fixture(scope="module")
def documents(catalog):
    return form_documents(catalog)


def test_the_xinfang_forms_are_defined(catalog):
    names = {form.name for form in catalog.forms if form.domain == "xinfang"}
    assert set(XINFANG) <= names
    assert {form.domain for form in catalog.forms} >= {"xinfang", "houqin", "cheliang"}


@pytest.mark.parametrize("form_id", sorted(REQUIRED))
def test_opinions_and_notices_have_the_parts_the_rules_require(catalog, real_pages, documents, form_id):
    form = next(f for f in catalog.forms if f.id == form_id)
    headings = [s.heading for s in form.sections]
    for part in REQUIRED[form_id]:
        assert any(part in heading for heading in headings), f"{form.name} 缺少“{part}”"
    from docx import Document

    read = [p.text for p in Document(io.BytesIO(documents[form.docx_uri])).paragraphs if p.style.name == "Heading 2"]
    assert read == headings


def test_appeal_limits_come_from_the_time_limit_registry(catalog, real_pages):
    """意见书上请求复查、复核的期限印的是时限登记表的写法，不是手写的数字。"""
    for form_id, limit_id in (("xinfang-chuli-yijianshu", "xinfang-fucha-qingqiu"),
                              ("xinfang-fucha-yijianshu", "xinfang-fuhe-qingqiu")):
        form = next(f for f in catalog.forms if f.id == form_id)
        assert limit_id in [ref for s in form.sections for ref in s.time_limits]
        assert catalog.time_limits[limit_id].text in real_pages[form.page_uri]


def test_every_form_renders_with_every_part(catalog, real_pages):
    for form in catalog.forms:
        page = real_pages[form.page_uri]
        assert page.startswith(f"# {form.name}\n")
        assert f"({form.id}.docx)" in page
        for section in form.sections:
            assert f">{section.heading}</h2>" in page
            assert page.count("form-sheet__field") >= len(section.fill_in)
        assert form.page_uri.rsplit("/", 1)[0] + "/index.md" in real_pages  # 领域的“文书”页


def test_every_form_opens_as_a_docx_with_its_headings_on_a4(catalog, documents):
    from docx import Document

    assert set(documents) == {form.docx_uri for form in catalog.forms}
    for form in catalog.forms:
        document = Document(io.BytesIO(documents[form.docx_uri]))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert headings == [form.name] + [s.heading for s in form.sections]
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert document.core_properties.title == form.name


def test_docx_files_are_byte_for_byte_reproducible(catalog):
    """同样的定义总是得到同样的文件：文档属性的日期和 zip 中的时间都是固定的。"""
    form = catalog.forms[0]
    first, second = form_docx(form, catalog), form_docx(form, catalog)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
        assert FIXED_DATE.strftime("%Y-%m-%d") in archive.read("docProps/core.xml").decode()


def test_every_record_that_names_a_form_links_to_it(catalog, real_pages):
    names = [form.name for form in catalog.forms]
    linked = 0
    for proc in catalog.procedures:
        page = real_pages[proc.checklist_uri]
        for step in proc.steps:
            item = re.search(rf'id="{proc.id}--{step.id}".*?</li>', page, re.S).group()
            for record in step.records:
                form = catalog.form_for(record)
                if any(name in record for name in names) or any(record in f.records for f in catalog.forms):
                    assert form is not None, record
                if form is not None:
                    href = page_href(form.page_uri, proc.checklist_uri, True)
                    assert f'<a class="form-link" href="{href}">{record}</a>' in item
                    linked += 1
    assert linked >= 30
    assert not [w for w in catalog.warnings if w.code == "C041"]


def test_longest_name_wins():
    from scripts.content.model import Form

    short = Form(id="a", domain="x", name="受理告知书", purpose="p", sections=())
    long = Form(id="b", domain="x", name="不予受理告知书", purpose="p", sections=())
    listed = Form(id="c", domain="x", name="别的文书", purpose="p", sections=(), records=("受理告知书及送达记录",))
    forms = [short, long, listed]
    assert form_for(forms, "不予受理告知书及送达记录") is long
    assert form_for(forms, "受理告知书") is short
    assert form_for(forms, "受理告知书及送达记录") is listed
    assert form_for(forms, "送达回证") is None


def test_links_work_online_and_offline():
    assert page_href("xinfang/wenshu/a.md", "xinfang/checklists/b.md", True) == "../../wenshu/a/"
    assert page_href("xinfang/wenshu/a.md", "xinfang/checklists/b.md", False) == "../wenshu/a.html"
    assert page_href("xinfang/b.md", "xinfang/index.md", True) == "b/"
    assert page_href("index.md", "xinfang/a.md", False) == "../index.html"


def test_changing_a_day_count_changes_the_printed_form(tree):
    tree.write("procedures/_forms.yml", FORM)
    tree.write("procedures/shili/shili-guicheng.yml",
               (tree.root / "procedures/shili/shili-guicheng.yml").read_text(encoding="utf-8")
               .replace("留痕材料: [来访登记表]", "留痕材料: [告知记录]"))
    page = pages(tree)["shili/wenshu/shili-gaozhishu.md"]
    assert "决定是否受理并书面告知：自收到之日起15日内。" in page
    checklist = pages(tree)["shili/checklists/shili-guicheng.md"]
    assert '<a class="form-link" href="../../wenshu/shili-gaozhishu/">告知记录</a>' in checklist
    limits = tree.root / "procedures/_time_limits.yml"
    limits.write_text(limits.read_text(encoding="utf-8").replace("天数: 15", "天数: 20"), encoding="utf-8")
    assert "自收到之日起20日内" in pages(tree)["shili/wenshu/shili-gaozhishu.md"]


def test_form_register_problems_are_reported_together(tree):
    broken = (FORM.replace("时限: [shili-shouli]", "时限: [meiyou-zheige]")
              .replace("依据: [xinfang-gongzuo-tiaoli]", "依据: [meiyou-fagui]"))
    second = FORM.replace("编号: shili-gaozhishu", "编号: shili-erfen").replace("名称: 示例告知书", "名称: 另一份")
    tree.write("procedures/_forms.yml", broken + second)
    found = problems(tree)
    assert any("[C040] 印出的时限“meiyou-zheige”没有登记" in p for p in found)
    assert any("[C040] 依据的法规编号“meiyou-fagui”没有登记" in p for p in found)
    assert any("[C042] 留痕材料“告知记录”已登记在文书“示例告知书”中" in p for p in found)
    assert all(p.startswith("procedures/_forms.yml:") for p in found)


def test_unknown_record_is_a_warning(tree):
    from scripts.pipeline import load_catalog as load

    tree.write("procedures/_forms.yml", FORM)
    warnings = [str(w) for w in load(tree.root).warnings if w.code == "C041"]
    assert warnings == [w for w in warnings if "没有哪份清单的留痕材料写作“告知记录”" in w] and warnings


def test_form_text_is_only_text(tree):
    tree.write("procedures/_forms.yml", FORM.replace("名称: 示例告知书", "名称: 示例<b>告知书</b>"))
    assert any("[S002]" in p and "_forms.yml" in p for p in problems(tree))
