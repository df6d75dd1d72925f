"""读者和构建机器的安全：源文件里不能有会变成脚本或骗过眼睛的写法。

- L015 看不见的方向控制字符（U+202A–U+202E、U+2066–U+2069、U+200E、U+200F、U+061C）和软连字符 U+00AD：
  会让编辑器和网页里显示的文字与实际的文字不同（把一段倒过来显示、藏起字符）。检查整个文件，包括代码和元数据。
- L016 javascript:、vbscript:、data: 链接：Markdown 链接、引用式链接、自动链接、HTML 的 href/src，
  也包括 YAML 文字（如“摘要”）里的 Markdown 链接。
- L017 事件处理器（onclick= 等）或 style：属性列表 `{: onmouseover=… }` 和 HTML 标签里都不行。
- L018 链接标题里的尖括号：`[文字](地址 "标题")` 的标题会显示成提示框，提示框把它当作 HTML。
- L019 页首元数据：只能用允许的键，值只能是文字（scripts/content/front_matter.py，构建时也检查）。
L016–L018 不看 Markdown 代码块里的内容（那里的文字原样显示，不会变成链接）。构建时 csp.py 还会
再检查一遍生成的页面。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from scripts.content import front_matter
from scripts.problems import Problem

from .rules import problem
from .source import Fences, Source

INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u00ad]")
NAMES = {"\u202a": "从左到右嵌入", "\u202b": "从右到左嵌入", "\u202c": "结束方向格式", "\u202d": "从左到右覆盖",
         "\u202e": "从右到左覆盖", "\u2066": "从左到右隔离", "\u2067": "从右到左隔离", "\u2068": "首字方向隔离",
         "\u2069": "结束方向隔离", "\u200e": "从左到右标记", "\u200f": "从右到左标记", "\u061c": "阿拉伯字母标记",
         "\u00ad": "软连字符"}
# 链接地址出现的地方：[文字](地址)、[编号]: 地址、<地址>、href=/src= 等属性。
DESTINATIONS = re.compile(
    r"\]\(\s*<?(?P<inline>[^)\s>]*)"
    r"|^\s{0,3}\[[^\]]+\]:\s*<?(?P<reference>\S*)"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>"
    r"|\b(?:href|src|action|formaction|poster|data|xlink:href)\s*=\s*[\"']?(?P<attribute>[^\"'\s>]*)",
    re.I,
)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
HTML_TAG = re.compile(r"<[A-Za-z][^<>]*>")
ATTR_LIST_RESERVED = re.compile(r"(?<![\w-])(title|href|src)\s*=", re.I)
HANDLER = re.compile(r"(?<![\w-])(on[a-z]+|style)\s*=", re.I)
LINK_TITLE = re.compile(r"""\]\(\s*<?[^)\s>]*>?\s+("[^"]*"|'[^']*'|\([^()]*\))\s*\)"""
                        r"""|^\s{0,3}\[[^\]]+\]:\s*\S+\s+("[^"]*"|'[^']*'|\([^()]*\))\s*$""")


def check(source: Source) -> Iterator[Problem]:
    lines = source.text.split("\n")
    for number, line in enumerate(lines, start=1):
        for match in INVISIBLE.finditer(line):
            char = match.group()
            yield problem(source.shown, number, match.start() + 1, "L015",
                          f"看不见的字符 U+{ord(char):04X}（{NAMES[char]}）",
                          "它会让显示出来的文字与实际的文字不同：删除它；需要断行或分隔时直接写出来")
    for number, line in _markup_lines(source, lines):
        yield from _links(source.shown, number, line)
        yield from _handlers(source.shown, number, line)
        yield from _attr_list_links(source.shown, number, line)
        yield from _titles(source.shown, number, line)
    if source.kind == "markdown":
        yield from front_matter.problems(source.text, source.shown)


def _markup_lines(source: Source, lines: list[str]) -> Iterator[tuple[int, str]]:
    """会被当作 Markdown 或 HTML 的行：Markdown 跳过代码块，YAML 每一行都算（文字值按 Markdown 渲染）。"""
    fences = Fences()
    for number, line in enumerate(lines, start=1):
        if source.kind != "markdown" or fences.step(line) == "text":
            yield number, line


def _scheme(address: str) -> str:
    """浏览器解析网址时先还原字符引用，再去掉空白和控制字符：java&#115;cript: 也是 javascript:。"""
    return "".join(c for c in unescape(address) if c > " ").lower()


def _links(shown: str, number: int, line: str) -> Iterator[Problem]:
    for match in DESTINATIONS.finditer(line):
        kind = next(name for name, group in match.groupdict().items() if group is not None)
        scheme = _scheme(match.group(kind))
        if scheme.startswith(BAD_SCHEMES):
            name = scheme.split(":", 1)[0]
            yield problem(shown, number, match.start(kind) + 1, "L016", f"{name}: 链接会在读者的浏览器里执行或载入任意内容",
                          "手册只链接到手册里的页面或 http(s) 网址：改成普通链接，或删除")


def _handlers(shown: str, number: int, line: str) -> Iterator[Problem]:
    for container in (*ATTR_LIST.finditer(line), *HTML_TAG.finditer(line)):
        for match in HANDLER.finditer(container.group()):
            name = match.group(1).lower()
            kind = "样式属性 style" if name == "style" else f"事件处理器 {name}"
            yield problem(shown, number, container.start() + match.start() + 1, "L017", f"{kind}不能写在页面里",
                          "删除它；样式写进 overrides/assets/manual.css，交互需要时在议题中提出，由维护者审核")


def _attr_list_links(shown: str, number: int, line: str) -> Iterator[Problem]:
    """属性列表只用来加 class 和 id：title（提示框）、href、src 一律不许设，它们只能来自 Markdown 本身的写法。"""
    for container in ATTR_LIST.finditer(line):
        for match in ATTR_LIST_RESERVED.finditer(container.group()):
            yield problem(shown, number, container.start() + match.start() + 1, "L017",
                          f"属性列表不能设置 {match.group(1).lower()}",
                          "属性列表只写 class 或 id（如 {: .tip }）；链接和图片用 Markdown 的写法，提示文字写进正文")


def _titles(shown: str, number: int, line: str) -> Iterator[Problem]:
    for match in LINK_TITLE.finditer(line):
        group = 1 if match.group(1) is not None else 2
        if re.search("[<>]", unescape(match.group(group))):
            yield problem(shown, number, match.start(group) + 1, "L018", "链接标题里有尖括号",
                          "标题会显示成提示框：去掉尖括号，只写文字")
