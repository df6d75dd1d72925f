"""把一个文件读成编辑检查要看的文字：每段文字都带着它在文件中的行、列。

- Markdown：跳过代码块、行内代码、链接地址、HTML 标签和属性列表，只留下读者看到的文字；
  “节”是两个标题之间的部分。
- YAML：只看值（键名、注释不看），列号按源文件计算；“节”是值所在的那个映射，
  例如“依据”里的一项（文件 + 说明）。
- 其他文字文件（如原始材料 .txt）：每一行都是正文，每个非空行是一段。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.content.model import Procedure
from scripts.content.yaml_loader import LoadedYaml, parse, read_text
from scripts.problems import display_path

TEXT_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Segment:
    """一段连续的正文：line、column 从 1 开始，指 text 第一个字在文件中的位置。"""

    line: int
    column: int
    text: str
    block: int  # 同一节（Markdown）或同一映射（YAML）的文字有相同的 block


@dataclass
class Passage:
    """一个段落、列表项或表格行（YAML 中是一个值），用于查找重复的段落。"""

    line: int
    column: int
    text: str
    key: str = ""  # YAML 中所在的顶层键，如“依据”“步骤”


@dataclass
class Source:
    path: Path
    shown: str  # 报告中显示的文件名
    kind: str  # "markdown"、"yaml" 或 "text"
    text: str
    segments: list[Segment] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    yaml_root: yaml.Node | None = None
    loaded: LoadedYaml | None = None  # YAML 的数据和位置（与构建用同一个读取程序，只解析一遍）

    def blocks(self) -> dict[int, str]:
        """每一节的全部文字，供“附近有没有说明”一类的判断使用。"""
        joined: dict[int, list[str]] = {}
        for segment in self.segments:
            joined.setdefault(segment.block, []).append(segment.text)
        return {block: "\n".join(parts) for block, parts in joined.items()}


def procedure_of(source: Source) -> Procedure | None:
    """procedures/<领域>/<编号>.yml 中的规程（以 _ 开头的共用数据不算）；结构不对时返回 None（由构建报告）。"""
    parts = source.shown.split("/")
    if len(parts) != 3 or parts[0] != "procedures" or parts[2].startswith("_") or source.loaded is None:
        return None
    try:
        return Procedure.from_entry(source.loaded.data, source.loaded, source=source.shown)
    except (TypeError, AttributeError, KeyError):
        return None


def read_source(path: Path, root: Path) -> Source:
    """读取一个文件。不是普通文件（F001）、不是 UTF-8（Y001）、YAML 有错（与构建相同的限制：
    不接受别名，嵌套有上限）时抛出 YamlLoadError。"""
    shown = display_path(path, root)
    text = read_text(path, shown)
    if path.suffix == ".md":
        source = Source(path, shown, "markdown", text)
        _markdown(source)
    elif path.suffix in (".yml", ".yaml"):
        source = Source(path, shown, "yaml", text)
        _yaml(source)
    else:
        source = Source(path, shown, "text", text)
        _plain(source)
    return source


# ---------------------------------------------------------------- 纯文字


def _plain(source: Source) -> None:
    for number, line in enumerate(source.text.split("\n"), start=1):
        if line.strip():
            column = len(line) - len(line.lstrip()) + 1
            source.segments.append(Segment(number, column, line.strip(), 0))
            source.passages.append(Passage(number, column, line.strip()))


# ---------------------------------------------------------------- Markdown

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


class Fences:
    """逐行跟踪 Markdown 的代码块（``` 或 ~~~ 围栏）。"""

    def __init__(self) -> None:
        self.open: str | None = None

    def step(self, line: str) -> str:
        """这一行是什么："open"（开始一个代码块）、"code"（代码块里或结束的围栏）或 "text"（正文）。"""
        opening = FENCE.match(line)
        if self.open is not None:
            if opening and opening.group(1)[0] == self.open[0] and len(opening.group(1)) >= len(self.open):
                self.open = None
            return "code"
        if opening:
            self.open = opening.group(1)
            return "open"
        return "text"
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||!!!|\?\?\?|#{1,6}\s|<)")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*(")?(?:[^"]*)(")?')
# 读者看不到、或不是中文正文的部分：行内代码、链接地址、网址、HTML、属性列表、脚注引用、实体。
HIDDEN = re.compile(
    r"(`+).+?\1"  # 行内代码
    r"|\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"  # 链接或图片的地址
    r"|\]\[[^\]]*\]"  # 引用式链接的编号
    r"|\[\^[^\]]+\]"  # 脚注引用
    r"|<https?://[^>]+>|https?://[^\s<>()\]]+"  # 网址
    r"|<!--.*?-->|</?[A-Za-z][^<>]*>"  # HTML
    r"|\{[:#.][^{}]*\}"  # 属性列表 {#id .class}
    r"|&(?:[a-z]+|#\d+);"  # HTML 实体
)
REFERENCE_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s+\S")


def _visible_pieces(line: str) -> Iterator[tuple[int, str]]:
    """一行中读者看得到的文字片段：(起始下标, 文字)。"""
    hidden: list[tuple[int, int]] = []
    admonition = ADMONITION.match(line)
    if admonition:
        # !!! warning "标题"：类型名和引号是语法，只有标题文字是正文。
        title_start = admonition.start(1) + 1 if admonition.group(1) else admonition.end()
        hidden.append((0, title_start))
        if admonition.group(2):
            hidden.append((admonition.start(2), admonition.end(2)))
    hidden += [m.span() for m in HIDDEN.finditer(line)]
    position = 0
    for start, end in sorted(hidden):
        if start > position:
            yield position, line[position:start]
        position = max(position, end)
    if position < len(line):
        yield position, line[position:]


def _markdown(source: Source) -> None:
    lines = source.text.split("\n")
    fences = Fences()
    in_comment = False
    section = 0
    start = 0
    if lines and lines[0].strip() == "---":  # 页首的元数据（front matter）
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        start = end + 1 if end is not None else 0
    passage: Passage | None = None

    def close() -> None:
        nonlocal passage
        if passage is not None and passage.text.strip():
            source.passages.append(passage)
        passage = None

    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        kind = fences.step(line)
        if kind == "open":
            close()
        if kind != "text":
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            close()
            continue
        if not line.strip() or REFERENCE_DEFINITION.match(line):
            close()
            continue
        if HEADING.match(line):
            section += 1
        if BLOCK_START.match(line):
            close()
        pieces = [(offset, text) for offset, text in _visible_pieces(line) if text.strip()]
        for offset, text in pieces:
            stripped = text.lstrip()
            column = offset + len(text) - len(stripped) + 1
            source.segments.append(Segment(number, column, stripped.rstrip(), section))
        if pieces:
            text = "".join(piece for _, piece in pieces).strip()
            if passage is None:
                first = source.segments[-len(pieces)]
                passage = Passage(number, first.column, text)
            else:
                passage.text += text
    close()


# ---------------------------------------------------------------- YAML


def _yaml(source: Source) -> None:
    source.loaded = parse(source.text, source.shown)
    root = source.yaml_root = source.loaded.node
    if root is None:
        return
    lines = source.text.split("\n")
    _walk(root, 0, "", lines, source)


def _walk(node: yaml.Node, block: int, top_key: str, lines: list[str], source: Source) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, id(node), top_key or str(key.value), lines, source)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk(item, block, top_key, lines, source)
    elif isinstance(node, yaml.ScalarNode) and node.tag == TEXT_TAG and node.value.strip():
        _scalar(node, block, top_key, lines, source)


def _scalar(node: yaml.ScalarNode, block: int, top_key: str, lines: list[str], source: Source) -> None:
    """一个文字值在源文件中逐行的位置；引号和块标记（| >）不算正文。"""
    start, end = node.start_mark, node.end_mark
    quoted = node.style in ('"', "'")
    block_style = node.style in ("|", ">")
    first_segment = len(source.segments)
    for row in range(start.line, min(end.line, len(lines) - 1) + 1):
        if block_style and row == start.line:
            continue
        line = lines[row]
        begin = start.column if row == start.line else 0
        stop = end.column if row == end.line else len(line)
        if quoted and row == start.line:
            begin += 1
        if quoted and row == end.line:
            stop -= 1
        text = line[begin:stop]
        stripped = text.lstrip()
        if not stripped.strip():
            continue
        source.segments.append(Segment(row + 1, begin + len(text) - len(stripped) + 1, stripped.rstrip(), block))
    if len(source.segments) > first_segment:
        first = source.segments[first_segment]
        source.passages.append(Passage(first.line, first.column, node.value, top_key))
