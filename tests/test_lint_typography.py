"""L012 中文排版（autocorrect，设置见 .autocorrectrc）。"""

from __future__ import annotations

from scripts.lint.typography import configure
from tests.lint_helpers import lint_lines


def test_halfwidth_punctuation_and_spaces(tree):
    text = "# 页\n\n接待来访,当场登记 。全角１２３。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == [
        "docs/a.md:3:5 [L012] 中文排版：“接待来访,当场登记”中用了半角标点或字符 → 改成“接待来访，当场登记”",
        "docs/a.md:3:10 [L012] 中文排版：“当场登记 。全角１”中有多余的空格 → 改成“当场登记。全角１”",
        "docs/a.md:3:14 [L012] 中文排版：“。全角１２３。”中的字符需要调整 → 改成“。全角123。”",
    ]


def test_project_convention_no_space_between_chinese_and_digits(tree):
    text = "# 页\n\n2022年5月1日起施行，DZ/T 0078 标准，用 `make lint,test` 检查，见[说明,一](a.md)。\n"
    lines = lint_lines(tree, {"docs/a.md": text})
    assert lines == ["docs/a.md:3:53 [L012] 中文排版：“见[说明,一”中用了半角标点或字符 → 改成“见[说明，一”"]


def test_falls_back_to_the_projects_settings(tree):
    configure(tree.root)  # 临时项目里没有 .autocorrectrc：用本仓库的设置，中文和数字之间不加空格
    assert lint_lines(tree, {"docs/a.md": "# 页\n\n第1步。\n"}) == []
