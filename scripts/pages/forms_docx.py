"""文书的 Word 文件（.docx）：用 python-docx 按 procedures/_forms.yml 生成，与打印页同一份定义。

A4 纸、黑白；每栏一个二级标题，填写项印成“项目：”加下划线的空白，勾选项前面印一个空方框，
空行是整行的下划线。文件逐字节可重现：文档属性的日期固定，zip 中每个文件的时间也固定，
同样的定义总是得到同样的文件（离线包的逐字节比较靠它）。

生成 13 份文书要 0.4 秒（python-docx 读默认模板、压缩 zip），所以按内容缓存在本用户的私有缓存文件夹里：
键是文书的定义、印出的时限写法、本模块的源代码和 python-docx 的版本，任何一样变了就重新生成。
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scripts.content.catalog import Catalog
    from scripts.content.model import Form

# 文档属性中的创建和修改日期：固定不变，不取构建的时间。
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # zip 格式能写的最早时间
FONT = "宋体"
EMPTY_BOX = "\u25a1"  # 印在勾选项前面的空方框（白色方块字符）
BLANK = "\u3000" * 12  # 填写项后面的空白（加下划线）
LINE = "\u3000" * 38  # 一整行空行（A4 减去页边距约 38 个五号字）


def form_documents(catalog: Catalog) -> dict[str, bytes]:
    """{站点中的路径: Word 文件的内容}，每份文书一个。"""
    from scripts.site.atomic_file import write_bytes_atomically
    from scripts.site.private_cache import subfolder

    folder, result = subfolder("docx"), {}
    for form in catalog.forms:
        cached = folder / f"{_cache_key(form, catalog)}.docx"
        try:
            result[form.docx_uri] = cached.read_bytes()
        except OSError:
            result[form.docx_uri] = form_docx(form, catalog)
            write_bytes_atomically(cached, result[form.docx_uri])
    return result


def _cache_key(form: Form, catalog: Catalog) -> str:
    from importlib.metadata import version

    limits = [(catalog.time_limits[ref].stage, catalog.time_limits[ref].text)
              for section in form.sections for ref in section.time_limits]
    key = repr((form, limits, Path(__file__).read_bytes(), version("python-docx")))
    return hashlib.sha256(key.encode()).hexdigest()


def form_docx(form: Form, catalog: Catalog) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    _page_and_fonts(document, Mm, Pt)
    _properties(document, form)
    # 用样式对象而不是名字：按名字找样式每次都要遍历全部样式，13 份文书要多花 0.3 秒。
    heading1, heading2 = document.styles["Heading 1"], document.styles["Heading 2"]
    document.add_paragraph(form.name, heading1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for section in form.sections:
        document.add_paragraph(section.heading, heading2)
        if section.note:
            document.add_paragraph(section.note)
        for ref in section.time_limits:
            limit = catalog.time_limits[ref]
            document.add_paragraph(f"{limit.stage}：{limit.text}。")
        if section.choices:
            document.add_paragraph("　　".join(f"{EMPTY_BOX} {choice}" for choice in section.choices))
        for item in section.fill_in:
            _blank(document.add_paragraph(f"{item}："), BLANK)
        for _ in range(section.lines):
            _blank(document.add_paragraph(), LINE)
    if form.signature:
        document.add_paragraph()
        for item in form.signature:
            _blank(document.add_paragraph(f"{item}："), BLANK).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


def _page_and_fonts(document, Mm, Pt) -> None:
    """A4 纸、20 毫米页边距；正文和标题都用宋体、黑色。"""
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Mm(20)
    for name, size in (("Normal", 10.5), ("Heading 1", 18), ("Heading 2", 12)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)  # 中文字体另有一个属性


def _properties(document, form: Form) -> None:
    props = document.core_properties
    props.title = form.name
    props.subject = form.purpose
    props.author = props.last_modified_by = "工作规程手册"
    props.created = props.modified = FIXED_DATE
    props.revision = 1


def _blank(paragraph, text: str):
    """在段落末尾加一段带下划线的空白，供手写或在 Word 中填写。"""
    paragraph.add_run(text).underline = True
    return paragraph


def _reproducible(data: bytes) -> bytes:
    """python-docx 按当前时间写 zip 中每个文件的时间：改成固定的时间，其余原样保留。"""
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return result.getvalue()
