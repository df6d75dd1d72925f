"""L003 乱码字符、L004 中文里的半角括号或引号、L005 形近字符。"""

from __future__ import annotations

from tests.lint_helpers import lint_lines

FIX = "对照原文确定这里原本是什么字或标点，改正或删除"


def test_garbled_characters(tree):
    text = "# 页\n\n根据实际情况□年度思路，海底喷\ufffd，零宽\u200b空格，管理[]20年。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == [
        f"docs/a.md:3:7 [L003] 乱码字符：“□”（U+25A1） → {FIX}",
        f"docs/a.md:3:16 [L003] 乱码字符：“\ufffd”（U+FFFD） → {FIX}",
        f"docs/a.md:3:20 [L003] 乱码字符：看不见的字符 U+200B → {FIX}",
        f"docs/a.md:3:26 [L003] 乱码字符：“[]” → {FIX}",
    ]


def test_halfwidth_brackets_and_quotes_in_chinese(tree):
    text = '# 页\n\n10个县(市、区)配了车，"公开办信"见[链接](a.md)，条例(2005年版。\n'
    assert lint_lines(tree, {"docs/a.md": text}) == [
        "docs/a.md:3:5 [L004] 中文里用了半角括号：“(市、区)” → 改成全角括号：“（市、区）”",
        'docs/a.md:3:14 [L004] 中文里用了英文引号："公开办信" → 改成中文引号：“公开办信”',
        "docs/a.md:3:34 [L004] 中文里用了半角括号“(” → 改成全角括号“（”",
    ]


def test_lookalike_characters(tree):
    text = "# 页\n\n1丶2，⽇常（康熙部首），比例3∶1，emаil 和单独的 а 不同。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == [
        "docs/a.md:3:2 [L005] 形近字符“丶”（U+4E36，笔画“点”，常被当作顿号） → 改成“、”",
        "docs/a.md:3:5 [L005] 形近字符“⽇”（U+2F47，康熙部首） → 改成“日”",
        "docs/a.md:3:17 [L005] 形近字符“∶”（U+2236，数学比号） → 改成“：”",
        "docs/a.md:3:22 [L005] 形近字符“а”（U+0430，西里尔字母） → 改成“a”",
    ]


def test_english_brackets_and_code_are_fine(tree):
    text = '# 页\n\n标准 DZ/T 0078 (2015) 与 `f("中文")` 不算。\n\n!!! note "提示"\n    正文。\n'
    assert lint_lines(tree, {"docs/a.md": text}) == []
