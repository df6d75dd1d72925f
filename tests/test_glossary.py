"""术语表：校验（逐字核对消息）、不看词边界的匹配、弃用写法检查、拼音排序、术语表页、“又称”一行。"""

from __future__ import annotations

from scripts import ROOT
from scripts.content.glossary import Glossary, Term
from scripts.pipeline import load_catalog

from .conftest import GLOSSARY, pages, problems

GLO = "procedures/_glossary.yml"

SAMPLE = Glossary([
    Term("包案", "由一名领导负责到底。", aliases=("领导包案",)),
    Term("四级包案", "市县乡村四级包案。"),
    Term("五虎牧羊阵", "五个部门联合督办。", aliases=("联合督办",)),
    Term("联席会议", "信访工作联席会议。", deprecated=("联系会议",)),
    Term("四见面两点头", "四方见面，两方点头。", aliases=("四见面、两点头",)),
])




# ---- 校验 -----------------------------------------------------------------------

def test_every_term_in_the_real_glossary_has_a_distinct_anchor():
    terms = list(load_catalog(ROOT).glossary)
    assert terms and len({t.anchor for t in terms}) == len(terms)


def test_schema_errors_point_at_the_entry(tree):
    tree.write(GLO, GLOSSARY.replace("  释义: 信访工作联席会议，协调处理信访突出问题。\n", "")
               .replace("  别称: [五环节]", "  别称: 五环节"))
    assert problems(tree) == [
        f"{GLO}:3:7 [S001] 第 1 项的“别称”应为列表（每项以“- ”开头） → 按 procedures/README.md 的示例改写",
        f"{GLO}:5:3 [S001] 第 2 项缺少必填字段“释义” → 添加“释义: …”，写法见 procedures/README.md",
    ]


def test_meaning_checks(tree):
    tree.write("docs/shili/gaishu.md", "# 概述\n")
    tree.write(GLO, GLOSSARY + """\
- 术语: 信访联席会议
  释义: 与上面的别称重复的术语。
- 术语: 四硬两软
  释义: 原始材料要求的六项工作条件。
  分词: 四硬 两硬
  相关规程: [bu-cunzai]
  相关页面: [shili/gaishu.md, shili/meiyou.md]
- 术语: 接访五环节
  释义: 重复登记的术语。
  别称: [五环节]
""")
    assert problems(tree) == [
        f"{GLO}:9:7 [C022] 写法“信访联席会议”已经登记在术语“联席会议”中 → 同一种写法只能属于一个术语，而且不能既是推荐写法又是弃用写法；删除其中一处",
        f"{GLO}:13:7 [C024] “分词”拼起来是“四硬两硬”，不等于术语“四硬两软” → 只在术语中间加空格，不要增删或改动字",
        f"{GLO}:14:10 [C003] 相关规程“bu-cunzai”不存在 → 检查编号拼写，或删除这一项",
        f"{GLO}:15:27 [C023] 相关页面 docs/shili/meiyou.md 不存在 → 写相对 docs/ 的路径，如 xinfang/baozhang.md；或删除这一项",
        f"{GLO}:16:7 [C010] “接访五环节”重复登记（第 1 行已有） → 删除重复的一项，必要时把说明合并",
        f"{GLO}:18:8 [C022] 写法“五环节”已经登记在术语“接访五环节”中 → 同一种写法只能属于一个术语，而且不能既是推荐写法又是弃用写法；删除其中一处",
    ]


# ---- 匹配 -----------------------------------------------------------------------

def test_terms_are_found_in_the_middle_of_a_chinese_sentence():
    found = SAMPLE.find("这类积案要用五虎牧羊阵办法督办")
    assert [(m.start, m.end, m.text, m.kind) for m in found] == [(6, 11, "五虎牧羊阵", "术语")]


def test_longest_match_wins_and_matches_do_not_overlap():
    found = SAMPLE.find("落实四级包案和领导包案")
    assert [m.text for m in found] == ["四级包案", "领导包案"]
    assert [m.term.name for m in found] == ["四级包案", "包案"]


def test_written_variant_with_punctuation_counts_as_the_term():
    match = SAMPLE.find("做到四见面、两点头。")[0]
    assert match.text == "四见面、两点头" and match.kind == "别称"
    assert SAMPLE.tooltip(match) == "四方见面，两方点头。"
    alias = SAMPLE.find("实行联合督办")[0]
    assert SAMPLE.tooltip(alias) == "即“五虎牧羊阵”：五个部门联合督办。"


def test_deprecated_forms_are_reported_with_line_and_column():
    text = "# 会议\n\n每季度召开一次联系会议。\n联席会议照常。\n"
    assert SAMPLE.deprecated_usages(text) == [(3, 8, "联系会议", "联席会议")]
    assert SAMPLE.find(text) and all(m.text != "联系会议" for m in SAMPLE.find(text))


def test_deprecated_usages_in_the_real_glossary():
    deprecated_usages = load_catalog(ROOT).glossary.deprecated_usages
    assert deprecated_usages("召开联系会议") == [(1, 3, "联系会议", "联席会议")]
    assert deprecated_usages("来访群众在接待室侯访。\n“群体的事件”") == [(1, 9, "侯访", "候访"), (2, 2, "群体的事件", "群体性事件")]
    assert deprecated_usages("联席会议照常召开，候访群众已登记。") == []


# ---- 拼音顺序和锚点 -------------------------------------------------------------

def test_pinyin_order_groups_and_anchors():
    glossary = Glossary([Term(name, "释义八个字以上。") for name in ["重复访", "五虎牧羊阵", "D级危房", "案结事了", "约访"]])
    ordered = glossary.in_pinyin_order()
    assert [t.name for t in ordered] == ["案结事了", "重复访", "D级危房", "五虎牧羊阵", "约访"]
    assert [t.initial for t in ordered] == ["A", "C", "D", "W", "Y"]
    assert [t.anchor for t in ordered] == ["an-jie-shi-le", "chong-fu-fang", "d-ji-wei-fang", "wu-hu-mu-yang-zhen", "yue-fang"]


# ---- 生成的页面 -----------------------------------------------------------------

def test_glossary_page_is_in_pinyin_order_and_links_to_uses(tree):
    tree.write("docs/shili/gaishu.md", "# 概述\n\n每月召开一次信访联席会议。\n")
    page = pages(tree)["indexes/glossary.md"]
    assert page.startswith("# 术语表\n")
    assert page.index("## J { #j }") < page.index("### 接访五环节 { #jie-fang-wu-huan-jie }") \
        < page.index("## L { #l }") < page.index("### 联席会议 { #lian-xi-hui-yi }")
    assert "又称：五环节\n{ .glossary-aliases }" in page
    assert "不要写作：联系会议\n{ .glossary-aliases }" in page
    assert "详见：[示例规程：登记来访](../shili/checklists/shili-guicheng.md)" in page
    assert "也出现在：[概述](../shili/gaishu.md)" in page


def test_alias_line_on_checklist_and_authored_pages(tree):
    tree.write("docs/shili/shili-guicheng.md", "# 登记来访\n\n正文。\n")
    line = "又称：[接访五环节](../{}indexes/glossary.md#jie-fang-wu-huan-jie)——五环节\n{{ .glossary-aliases }}"
    generated = pages(tree)
    assert line.format("../") in generated["shili/checklists/shili-guicheng.md"]
    authored = generated["shili/shili-guicheng.md"]
    assert line.format("") in authored
    assert authored.index('>规程信息<') < authored.index("又称：") < authored.index("正文。")


def test_alias_line_on_a_related_page_that_is_not_a_procedure(tree):
    tree.write("docs/shili/gaishu.md", "# 概述\n\n正文。\n")
    tree.write(GLO, GLOSSARY.replace("  弃用写法: [联系会议]\n", "  弃用写法: [联系会议]\n  相关页面: [shili/gaishu.md]\n"))
    page = pages(tree)["shili/gaishu.md"]
    assert page.startswith("# 概述\n\n又称：[联席会议](../indexes/glossary.md#lian-xi-hui-yi)——信访联席会议\n")


def test_alias_lines_can_be_switched_off_for_the_search_baseline(tree):
    generated = pages(tree, alias_lines=False)
    assert "又称" not in generated["shili/checklists/shili-guicheng.md"]
    assert "indexes/glossary.md" in generated
