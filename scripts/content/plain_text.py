"""数据只能是文字：procedures/ 下 YAML 的每一个值（和键）都不能含尖括号和控制字符（规则 S002）。

名称、角色、术语、释义……会被写进 Material 的模板（导航、<title>、标签、术语提示的 title），
有的地方不转义，所以在读取时一次拦下，不靠每个模板各自小心。读取所有 YAML 的 schema_check.load_checked
在结构校验之后调用这里，问题指明文件:行:列。
"""

from __future__ import annotations

import re

from scripts.content.yaml_loader import LoadedYaml, field_name, strings
from scripts.problems import Problem

RULE = "S002"
# 制表符和换行是正常的排版（多行文字）；其他控制字符多是复制网页时带进来的。
UNSAFE = re.compile("[<>\x00-\x08\x0b-\x1f\x7f-\x9f]")
BLOCK_HEADER = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?")
HINT = "这里只能写文字：比较大小写成“大于”“小于”或全角的“＞”“＜”；看不见的控制字符删除即可"


def data_problems(loaded: LoadedYaml, shown: str) -> list[Problem]:
    """loaded.data 中所有含尖括号或控制字符的文字，每处一个问题。"""
    problems = []
    for path, text, is_key in strings(loaded.data):
        if UNSAFE.search(text):
            name = f"键“{text}”" if is_key else field_name(path)
            problems.append(_problem(loaded, shown, path, text, name, key=is_key))
    return sorted(problems)


def _problem(loaded: LoadedYaml, shown: str, path: tuple, text: str, name: str, *, key: bool = False) -> Problem:
    found = UNSAFE.search(text)
    assert found is not None  # 只对含不安全字符的文字调用
    char = found.group()
    line, column = _locate(loaded, loaded.position(path, key=key), char)
    shown_char = f"“{char}”" if char in "<>" else f"控制字符 U+{ord(char):04X}"
    return Problem(shown, line, column, RULE, f"{name}里有{shown_char}", HINT)


def _locate(loaded: LoadedYaml, start: tuple[int, int], char: str) -> tuple[int, int]:
    """这个字符在源文件中的位置：从值的开头往后找（块文字可能跨行）；找不到（写成了转义）时就报值的开头。"""
    line, column = start
    for index in range(line - 1, min(line + 200, len(loaded.lines))):
        text = loaded.lines[index]
        begin = column - 1 if index == line - 1 else 0
        if index == line - 1 and BLOCK_HEADER.fullmatch(text[begin:]):
            continue  # 块文字（| 或 >）的标记行
        found = text.find(char, begin)
        if found >= 0:
            return index + 1, found + 1
    return start
