"""在页面 HTML 中给术语加提示：把正文里的术语包成 <abbr title="释义">术语</abbr>。

Python-Markdown 的 abbr 扩展按 \\b 词边界匹配，夹在汉字中间的术语永远匹配不上。这里改为在
Python-Markdown 把一页转成 HTML 的最后一步（本模块的 Markdown 扩展 TermTooltips，两种构建工具都用它：
MkDocs 由钩子加上，Zensical 由 zensical_build.py 写进配置），按标签切开 HTML 找出
文字节点的位置，在其中查找术语（glossary.Glossary.find：最左最长，不看词边界），只在这些位置
插入 abbr，其余 HTML 原样保留；再由 Material 的 content.tooltips 功能把 abbr 的 title 显示成
提示框。Material 的脚本随站点一起发布，离线也能用。它把 title 当作 HTML 显示，所以提示文字里的
尖括号一律换成全角（plain），释义写了什么都不会变成页面上的标签。

规则：
- 不在代码（code、pre、kbd、samp）、链接、标题（h1–h6，含其中的锚点）、已有的 abbr、
  表单控件、SVG 里加提示；带 glossary-skip 或 glossary-aliases 类的元素（如“又称”一行）也跳过。
- 同一写法优先取最长的：“四级包案”不会被拆成“四级”+“包案”。
- 每个术语在每一节只加一次提示，加在这一节第一次出现的地方。一节从一级或二级标题开始，
  三级以下的小标题不另起一节（清单页的步骤、说明页的小节里“来访”“下访”不再处处带虚线）。
  读者多半从搜索结果或目录跳到某一节，而不是从页首读起；按节加提示，跳到哪一节都能看到解释，
  又不会满页虚线。
"""

from __future__ import annotations

import functools
import re
from html import escape, unescape
from pathlib import Path

from markdown import Extension
from markdown.postprocessors import Postprocessor

from scripts.content.glossary import Glossary

SKIP_TAGS = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "option",
             "button", "svg", "math", "h1", "h2", "h3", "h4", "h5", "h6"}
SKIP_CLASSES = {"glossary-skip", "glossary-aliases", "headerlink", "breadcrumbs", "path-bar"}
SECTION_HEADINGS = {"h1", "h2"}  # 只有这两级标题开始新的一节
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CSS_CLASS = "glossary-term"


# 一个标签（属性值里可以有“>”）、注释或 <!DOCTYPE …>。Python-Markdown 和 Material 产生的 HTML 是规整的，
# 按标签切开就能找到全部文字节点，比逐字符解析的 html.parser 快得多。
TAG = re.compile(r"""<!--.*?-->|<(/?)([A-Za-z][^\s/>]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|<![^>]*>""", re.S)
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
RAW_TEXT = {"script", "style", "textarea"}  # 其中的内容不是 HTML，直到结束标签都不看


def plain(text: str) -> str:
    """提示文字里不留尖括号。Material 显示提示时把 title 的值（已还原转义）当作 HTML 写进 innerHTML，
    “<”会变成真的标签。读取 YAML 时已经拒绝尖括号（plain_text.py），这里再保险一次：换成全角。"""
    return text.replace("<", "＜").replace(">", "＞")


def text_spans(html: str) -> list[tuple[int, int, int]]:
    """找出可以加提示的文字片段：[(起点, 终点, 所在的节)]，位置是原 HTML 中的字符下标。"""
    spans: list[tuple[int, int, int]] = []
    stack: list[bool] = []  # 每个打开的元素：是否处在跳过区
    section = 0
    text_start = 0  # 当前文字片段的起点：上一个标签的结尾
    raw_text_end = ""  # 在 script 等元素里时，它的结束标签
    for tag in TAG.finditer(html):
        closing, name, attrs = tag.group(1), (tag.group(2) or "").lower(), tag.group(3) or ""
        if raw_text_end:
            if not (closing and name == raw_text_end):
                continue
            raw_text_end = ""
        elif tag.start() > text_start and not (stack and stack[-1]) and html[text_start:tag.start()].strip():
            spans.append((text_start, tag.start(), section))
        text_start = tag.end()
        if not name:
            continue  # 注释、<!DOCTYPE>
        if closing:
            if name not in VOID and stack:
                stack.pop()
            continue
        if name in SECTION_HEADINGS:
            section += 1
        if name in RAW_TEXT:
            raw_text_end = name
        if name in VOID or attrs.endswith("/"):
            continue
        skipped = (stack[-1] if stack else False) or name in SKIP_TAGS
        if not skipped and "class" in attrs:
            found = CLASS_ATTR.search(attrs)
            skipped = bool(found and SKIP_CLASSES.intersection(next(g for g in found.groups() if g is not None).split()))
        stack.append(skipped)
    if len(html) > text_start and not (stack and stack[-1]) and html[text_start:].strip():
        spans.append((text_start, len(html), section))
    return spans


def annotate(html: str, glossary: Glossary) -> str:
    """返回加了术语提示的 HTML；没有可加的地方时原样返回（同一个对象）。"""
    if not len(glossary) or not html or not glossary.find(unescape(html)):
        return html
    seen: set[tuple[int, str]] = set()
    pieces, position = [], 0
    for start, end, section in text_spans(html):
        text = html[start:end]
        for match in glossary.find(text):
            key = (section, match.term.name)
            if key in seen:
                continue
            seen.add(key)
            pieces.append(html[position:start + match.start])
            title = escape(plain(glossary.tooltip(match)), quote=True)
            pieces.append(f'<abbr class="{CSS_CLASS}" title="{title}">{match.text}</abbr>')
            position = start + match.end
    if not pieces:
        return html
    pieces.append(html[position:])
    return "".join(pieces)


class TermTooltips(Extension):
    """Markdown 扩展：页面 HTML 生成后加术语提示。

    glossary 是已经读好的术语表（MkDocs 的钩子传入），或项目根目录的路径（Zensical 的配置里写，
    这时从 procedures/_glossary.yml 读一次，按结构说明校验）。"""

    def __init__(self, **kwargs):
        self.config = {"glossary": ["", "术语表（glossary.Glossary）或项目根目录"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        glossary = self.getConfig("glossary")
        if not isinstance(glossary, Glossary):
            glossary = _glossary_of(str(glossary))
        # 优先级最低：在原样 HTML、脚注等全部放回之后，看到的是整页最终的 HTML
        md.postprocessors.register(_Annotate(md, glossary), "term_tooltips", 0)


class _Annotate(Postprocessor):
    def __init__(self, md, glossary: Glossary):
        super().__init__(md)
        self.glossary = glossary

    def run(self, text: str) -> str:
        return annotate(text, self.glossary)


@functools.cache
def _glossary_of(root: str) -> Glossary:
    """项目的术语表；Zensical 每页新建一次 Markdown，术语表在一个进程里只读一遍。"""
    from scripts.content.loader import read_registers
    from scripts.problems import ProblemsFound

    problems: list = []
    terms = read_registers(Path(root), problems, ("_glossary.yml",))["_glossary.yml"]
    if terms is None:
        raise ProblemsFound(problems)
    return Glossary(terms)


def makeExtension(**kwargs) -> TermTooltips:  # Python-Markdown 按模块名加载扩展时调用
    return TermTooltips(**kwargs)
