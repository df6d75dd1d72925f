"""L009 弃用的写法（来自术语表）、L010 引用已被替代的文件而没有说明（来自法规登记表）。

登记表按构建的结构说明读取：写法不合结构说明的登记表当作没有（构建会报它的错）。
"""

from __future__ import annotations

from tests.lint_helpers import lint_lines

GLOSSARY = """\
- 术语: 联席会议
  释义: 信访工作联席会议。
  弃用写法: [联系会议]
- 术语: 群体性事件
  释义: 多人参与的事件。
  别称: [群体事件]
  弃用写法: [群体的事件]
- 术语: 候访
  释义: 在接待场所等候接待。
  弃用写法: [侯访]
"""

REGISTER = """\
- 编号: xin-guiding
  名称: 《新规定》
  状态: 现行
  适用范围: 只在测试中使用。
- 编号: jiu-guiding
  名称: 《旧规定》
  状态: 已被替代
  替代为: xin-guiding
  适用范围: 只在测试中使用。
"""


def test_deprecated_variants_from_the_glossary(tree):
    tree.write("procedures/_glossary.yml", GLOSSARY)
    text = "# 页\n\n召开联系会议，防止群体的事件，来访群众在大厅侯访。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == [
        "docs/a.md:3:3 [L009] “联系会议”是弃用的写法 → 改为“联席会议”（见术语表 procedures/_glossary.yml）",
        "docs/a.md:3:10 [L009] “群体的事件”是弃用的写法 → 改为“群体性事件”（见术语表 procedures/_glossary.yml）",
        "docs/a.md:3:23 [L009] “侯访”是弃用的写法 → 改为“候访”（见术语表 procedures/_glossary.yml）",
    ]


def test_without_a_glossary_no_term_is_deprecated(tree):
    (tree.root / "procedures/_glossary.yml").unlink(missing_ok=True)
    assert lint_lines(tree, {"docs/a.md": "# 页\n\n召开联系会议。\n"}) == []


def test_the_glossary_itself_may_list_deprecated_variants(tree):
    assert lint_lines(tree, {"procedures/_glossary.yml": GLOSSARY}) == []


def test_superseded_regulation_needs_a_note_in_the_same_section(tree):
    text = """\
# 页

## 依据

旧的材料依据的是《信访条例》。

## 说明

旧的材料依据《信访条例》，该条例已被《信访工作条例》取代。

## 另一节

《信访条例》规定的期限（2005年）已被取代，以现行条例为准。
"""
    assert lint_lines(tree, {"docs/a.md": text}) == [
        ("docs/a.md:5:9 [L010] 引用了已被替代的《信访条例》，这一节没有说明 → "
         "写明“《信访条例》已被《信访工作条例》取代”，或改为引用现行的《信访工作条例》"),
    ]


def test_superseded_documents_from_the_register(tree):
    tree.write("procedures/_regulations.yml", REGISTER)
    text = """\
依据:
  - 文件: xin-guiding
    说明: 它的前身是《旧规定》。
  - 文件: other
    说明: 旧的材料引用《旧规定》。
"""
    assert lint_lines(tree, {"procedures/_x.yml": text}) == [
        ("procedures/_x.yml:5:15 [L010] 引用了已被替代的《旧规定》，这一节没有说明 → "
         "写明“《旧规定》已被《新规定》取代”，或改为引用现行的《新规定》"),
    ]


def test_a_register_that_fails_its_schema_is_ignored(tree):
    tree.write("procedures/_glossary.yml", GLOSSARY + "- 术语: 缺释义\n")
    assert lint_lines(tree, {"docs/a.md": "# 页\n\n召开联系会议。\n"}) == []
