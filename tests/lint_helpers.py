"""编辑检查测试的共用函数：把几段文字写进临时项目（conftest.py 的 tree），只检查这些文件。"""

from __future__ import annotations

import datetime as dt

from scripts.lint import lint

TODAY = dt.date(2026, 1, 20)


def lint_lines(tree, files: dict[str, str], *, today: dt.date = TODAY, markdown_style: bool = False) -> list[str]:
    """写入 {相对路径: 内容}，返回这些文件的全部问题（按文件、行、列排序的报告行）。"""
    paths = [tree.write(relative, text) for relative, text in files.items()]
    result = lint(tree.root, paths, today=today, markdown_style=markdown_style)
    return [str(p) for p in result.problems]


def codes(lines: list[str]) -> list[str]:
    return [line.split(" ")[1].strip("[]") for line in lines]
