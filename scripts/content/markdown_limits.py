"""Markdown 的嵌套上限：几千层的强调、括号或引用会让 Markdown 的解析递归溢出（构建崩溃、报告丢失），
一长串反引号会让正则表达式的回溯变成几分钟。正常的页面离上限很远，所以在检查阶段先线性地扫一遍，
超过上限的报出位置（F005），不交给解析器。
"""

from __future__ import annotations

from scripts.problems import Problem

RUN_LIMIT = 40  # 强调符号（* 和 _）、反引号、~ 连写的上限：正常最多三四个
DEPTH_LIMIT = 32  # [ ( < 的嵌套层数
QUOTE_LIMIT = 16  # 行首 > 的层数
HINT = "页面只需要几层强调、括号和引用：检查是不是复制时带进来的符号，删去多余的"


def nesting_problems(text: str, shown: str) -> list[Problem]:
    """text 中第一处超过上限的地方（每种一处就够：改了再看下一处）。"""
    found: dict[str, Problem] = {}
    depth = 0
    run_char, run = "", 0
    line, column = 1, 0
    line_start = True
    quotes = 0
    for char in text:
        column += 1
        if char == "\n":
            line, column, line_start, quotes, run = line + 1, 0, True, 0, 0
            continue
        if line_start and char in "> \t":
            if char == ">":
                quotes += 1
                if quotes > QUOTE_LIMIT and "quote" not in found:
                    found["quote"] = Problem(shown, line, column, "F005", f"引用（>）嵌套超过 {QUOTE_LIMIT} 层", HINT)
        else:
            line_start = False
        if char in "*_`~":
            kind = "*" if char in "*_" else char  # * 和 _ 交替写也是一层层的强调
            run = run + 1 if kind == run_char else 1
            run_char = kind
            if run > RUN_LIMIT and "run" not in found:
                found["run"] = Problem(shown, line, column - run + 1, "F005", f"“{char}”连写超过 {RUN_LIMIT} 个", HINT)
        else:
            run_char, run = "", 0
        if char in "[(<":
            depth += 1
            if depth > DEPTH_LIMIT and "depth" not in found:
                found["depth"] = Problem(shown, line, column, "F005", f"括号嵌套超过 {DEPTH_LIMIT} 层", HINT)
        elif char in "])>" and depth:
            depth -= 1
    return sorted(found.values())
