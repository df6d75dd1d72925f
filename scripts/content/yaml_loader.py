"""安全读取 YAML：保留每个值的行列号，拒绝重复的键，对编码和输入法失误给出中文提示。

编辑写的一切都是数据：不接受锚点和别名（&、*，一个“十亿笑声”式的文件可以膨胀到几 GB），
嵌套最多 MAX_DEPTH 层，PyYAML 的任何报错都变成带行列号和规则编号的问题，不会是一串 traceback。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts.content.source_files import RefusedFile, read_regular
from scripts.problems import ManualError, Problem

Path_ = tuple  # 数据中的位置，如 ("步骤", 2, "责任人")

# 全角冒号紧跟在“键”后面：输入法没切回英文时的常见失误。
FULLWIDTH_COLON_KEY = re.compile(r"^\s*(?:-\s+)?[\w\u4e00-\u9fff（）]{1,20}：")
FULLWIDTH_SPACE_INDENT = re.compile(r"^[ \t]*\u3000")

# PyYAML 的常见英文报错 → 编辑看得懂的中文说明。
YAML_ERROR_TEXT = {
    "mapping values are not allowed": "这里不能再出现“键: 值”，多半是值里含有半角冒号，或者缩进不对",
    "could not find expected ':'": "找不到键后面的半角冒号“:”",
    "found character '\\t' that cannot start any token": "使用了制表符（Tab）",
    "found character that cannot start any token": "这里有不能出现在行首的字符（如制表符 Tab 或 @、`）",
    "found undefined tag handle": "使用了不允许的标签（!…）",
    "expected <block end>, but found": "缩进不一致",
    "did not find expected key": "缩进不一致或缺少键",
    "did not find expected '-' indicator": "列表项的缩进不一致",
    "found unexpected end of stream": "文件在引号或括号未闭合时就结束了",
    "found undefined alias": "使用了未定义的别名（*）",
    "could not determine a constructor for the tag": "使用了不允许的标签（!!…），规程文件只能写文字、列表和“键: 值”",
}
MAX_DEPTH = 50  # 规程文件实际最多四五层；再深只可能是失误或恶意
TOO_DEEP = (f"嵌套超过 {MAX_DEPTH} 层", "规程文件只需要几层“键: 值”和列表，检查缩进或括号是否成对")
YAML_ERROR_HINT = "检查这一行及上一行的缩进（只用半角空格，同级对齐）、半角冒号后的空格和引号是否成对"


# 有 libyaml 时用 C 实现的安全加载器（快一个数量级），没有时退回纯 Python 的 SafeLoader。
_SafeBase: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # 基类在运行时选定（有 libyaml 时是 C 实现）
    """安全加载器，但日期保持为文字，交给结构校验统一检查格式。"""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass
class LoadedYaml:
    data: Any
    lines: list[str]
    value_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    node: yaml.Node | None = field(default=None, repr=False)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """某个位置（或其最近的上级）的行、列号，从 1 开始。"""
        table = self.key_positions if key else self.value_positions
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if path in self.value_positions:
                return self.value_positions[path]
            path = path[:-1]
        return self.value_positions.get((), (1, 1))


class YamlLoadError(ManualError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def read_text(path: Path, shown: str) -> str:
    """按 UTF-8 读取（允许 BOM），统一换行符；不是 UTF-8 时指出位置。符号链接、设备等不是普通文件的不读。"""
    try:
        raw = read_regular(path, shown)
    except RefusedFile as err:
        raise YamlLoadError([err.problem]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        guess = "，看起来是 GBK/GB2312 编码（Windows 记事本等的默认保存方式）" if _is_gbk(raw) else ""
        raise YamlLoadError([Problem(
            shown, line, column, "Y001",
            f"文件不是 UTF-8 编码{guess}",
            "在编辑器中选择“另存为”，编码选 UTF-8 后保存",
        )]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def load_yaml(path: Path, shown: str) -> LoadedYaml:
    """读取一个 YAML 文件。有问题时抛出 YamlLoadError，其中列出该文件的全部问题。"""
    loaded = parse(read_text(path, shown), shown)
    if loaded.node is None:
        raise YamlLoadError([Problem(shown, 1, 1, "Y006", "文件是空的", "按 procedures/README.md 填写规程内容")])
    loaded.node = None  # 构建只用数据和位置；节点树很占内存
    return loaded


def parse(text: str, shown: str) -> LoadedYaml:
    """解析一段 YAML：节点树（编辑检查用它找每段文字的位置）、数据和每个值的位置，只解析一遍。
    空文件得到 node 为 None 的结果；其他问题抛出 YamlLoadError。"""
    lines = text.split("\n")
    problems = _indentation_problems(lines, shown)
    loader = _Loader(text)
    node = compose_checked(loader, text, shown, problems)
    loaded = LoadedYaml(data=None, lines=lines, node=node)
    if node is not None and not problems:
        problems.extend(_walk(node, loaded, shown))
    if problems:
        raise YamlLoadError(_unique(problems))
    if node is None:
        return loaded
    try:
        loaded.data = loader.construct_document(node)  # 用同一棵节点树构造，不再解析第二遍
    except yaml.YAMLError as err:
        raise YamlLoadError([_syntax_problem(err, text, shown)]) from None
    return loaded


def compose_checked(loader: yaml.BaseLoader, text: str, shown: str, problems: list[Problem]) -> yaml.Node | None:
    """解析成节点树并检查别名和嵌套层数；问题追加到 problems。"""
    try:
        node = loader.get_single_node()
    except (yaml.YAMLError, RecursionError) as err:  # 没有 libyaml 时，纯 Python 的解析器在很深的嵌套上会递归溢出
        problems.append(_syntax_problem(err, text, shown))
        problems.extend(_fullwidth_colon_problems(text.split("\n"), shown))
        problems[:] = _unique(problems)
        return None
    if node is not None:
        problems.extend(_shape_problems(node, shown))
    return node


def _shape_problems(root: yaml.Node, shown: str) -> list[Problem]:
    """别名（同一个节点出现两次）和过深的嵌套。逐个节点走一遍（不递归），遇到第一处就停。"""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line, column = _mark(node.start_mark)
        if id(node) in seen:
            return [Problem(shown, line, column, "Y007", "使用了锚点和别名（&、*）：这里的内容在别处被引用了",
                            "规程文件里不用锚点和别名，把要重复的内容直接写出来")]
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return [Problem(shown, line, column, "Y008", *TOO_DEEP)]
        if isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in reversed(node.value) for child in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in reversed(node.value))
    return []


def _mark(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _walk(root: yaml.Node, loaded: LoadedYaml, shown: str) -> list[Problem]:
    """记录每个值的位置，同时找出所有重复的键。不递归（层数已由 _shape_problems 限制）。"""
    problems: list[Problem] = []
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        loaded.value_positions[path] = _mark(node.start_mark)
        children: list[tuple[yaml.Node, Path_]] = []
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                line, column = _mark(key_node.start_mark)
                if key in seen:
                    problems.append(Problem(
                        shown, line, column, "Y003",
                        f"键“{key}”重复出现（第 {seen[key]} 行已经有了）",
                        "删除其中一个，或把两处内容合并到一起",
                    ))
                    continue
                seen[key] = line
                loaded.key_positions[path + (key,)] = (line, column)
                children.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, path + (index,)) for index, item in enumerate(node.value)]
        stack.extend(reversed(children))
    return problems


def _syntax_problem(err: BaseException, text: str, shown: str) -> Problem:
    """PyYAML 的任何报错 → Y002（带行列号）。"""
    if isinstance(err, RecursionError):
        return Problem(shown, 1, 1, "Y008", *TOO_DEEP)
    if isinstance(err, yaml.reader.ReaderError):  # 控制字符（如 U+0008、NUL）
        # libyaml 报的是 UTF-8 字节下标，纯 Python 的读取器报的是字符下标。
        utf8 = _SafeBase is not yaml.SafeLoader
        before = text.encode("utf-8")[: err.position].decode("utf-8", "ignore") if utf8 else text[: err.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
        return Problem(shown, line, column, "Y002", f"YAML 格式错误：有不允许的控制字符 U+{code:04X}",
                       "删除这个看不见的字符（多是从网页或其他文档复制时带进来的）")
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, column = _mark(mark) if mark else (1, 1)
    original = getattr(err, "problem", None) or str(err)
    if original.startswith("exceeded maximum nesting depth"):  # libyaml 在 1000 层时停止
        return Problem(shown, line, column, "Y008", *TOO_DEEP)
    zh = next((zh for en, zh in YAML_ERROR_TEXT.items() if original.startswith(en)), None)
    message = f"YAML 格式错误：{zh}" if zh else f"YAML 格式错误（{original}）"
    return Problem(shown, line, column, "Y002", message, YAML_ERROR_HINT)


def _indentation_problems(lines: list[str], shown: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(lines, start=1):
        match = FULLWIDTH_SPACE_INDENT.match(line)
        if match:
            problems.append(Problem(
                shown, number, match.end(), "Y005",
                "缩进里有全角空格（中文输入法下的空格）",
                "把行首的全角空格删掉，改用半角空格缩进",
            ))
    return problems


def _fullwidth_colon_problems(lines: list[str], shown: str) -> list[Problem]:
    return [
        Problem(shown, number, line.index("：") + 1, "Y004",
                "键后面用了全角冒号“：”", "改成半角冒号加一个空格“: ”")
        for number, line in enumerate(lines, start=1)
        if FULLWIDTH_COLON_KEY.match(line)
    ]


def fullwidth_colon_hint(line: str) -> str:
    """结构校验报错的那一行若有全角冒号，补一句提示。"""
    if FULLWIDTH_COLON_KEY.match(line):
        return "；这一行的键后面用了全角冒号“：”，请改成半角冒号加空格“: ”"
    return ""


def _unique(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems))


def strings(data: Any) -> Iterator[tuple[tuple, str, bool]]:
    """数据中的每一段文字：(位置, 文字, 是不是键)。用栈而不是递归：嵌套很深的数据也不会超出递归深度。"""
    stack: list[tuple[tuple, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append((path + (key,), item))
                if isinstance(key, str):
                    yield path + (key,), key, True
        elif isinstance(value, list):
            stack.extend((path + (index,), item) for index, item in enumerate(value))
        elif isinstance(value, str):
            yield path, value, False


def field_name(path: tuple) -> str:
    """("步骤", 2, "责任人") → “步骤”第 3 项的“责任人”。"""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"第 {part + 1} 项"
        else:
            text += f"的“{part}”" if text else f"“{part}”"
    return text or "整个文件"
