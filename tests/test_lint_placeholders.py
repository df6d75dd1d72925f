"""L001 模板占位符。"""

from __future__ import annotations

from tests.lint_helpers import lint_lines

YEAR_HINT = "写出确切的年份；原始材料没有给出时改写句子，不要编造"
DATE_HINT = "写出确切的日期；原始材料没有给出时删去日期或改写句子，不要编造"
NUMBER_HINT = "写出确切的数字；原始材料没有给出时删去或改写这句话，不要编造"


def test_masked_year_date_unit_and_amount(tree):
    text = "# 页\n\n20xx年7月，x委书记在12月x日批示，经费由xx0元/年调整。××县，XXX同志。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == [
        f"docs/a.md:3:1 [L001] 模板占位符：年份被遮盖成“20xx年” → {YEAR_HINT}",
        "docs/a.md:3:9 [L001] 模板占位符：单位名称被遮盖成“x委” → 写出单位的通用名称（如“市委”），不写具体地名时改用岗位或机构类别",
        f"docs/a.md:3:17 [L001] 模板占位符：年份或日期被遮盖成“x日” → {DATE_HINT}",
        f"docs/a.md:3:25 [L001] 模板占位符：金额或数字被遮盖成“xx0元” → {NUMBER_HINT}",
        "docs/a.md:3:34 [L001] 模板占位符：单位名称被遮盖成“××县” → 写出单位的通用名称（如“市委”），不写具体地名时改用岗位或机构类别",
        "docs/a.md:3:38 [L001] 模板占位符：内容被遮盖成“XXX” → 写出实际内容；原始材料没有给出时删去或改写这句话",
    ]


def test_text_left_by_make_new(tree):
    text = "编号: a\n摘要: 【待填写：一两句话】\n"
    assert lint_lines(tree, {"procedures/_x.yml": text}) == [
        "procedures/_x.yml:2:5 [L001] 模板占位符：还是 make new 生成的占位文字 → 把【待填写】换成实际内容",
    ]


def test_latin_words_and_code_are_not_placeholders(tree):
    text = "# 页\n\n按 DZ/T 0078 执行，Xbox 和 x86 不算，`20xx` 在代码里也不算。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == []
