"""在页面 HTML 中给术语加提示：把正文里的术语包成 <abbr title="释义">术语</abbr>。

Python-Markdown 的 abbr 扩展按 \\b 词边界匹配，夹在汉字中间的术语永远匹配不上。这里改为在
MkDocs 把 Markdown 转成 HTML 之后（钩子的 on_page_content），用 BeautifulSoup 逐个文字节点
查找术语（glossary.Glossary.find：最左最长，不看词边界），再由 Material 的 content.tooltips
功能把 abbr 的 title 显示成提示框。Material 的脚本随站点一起发布，离线也能用。

规则：
- 不在代码（code、pre、kbd、samp）、链接、标题（h1–h6，含其中的锚点）、已有的 abbr、
  表单控件、SVG 里加提示；带 glossary-skip 或 glossary-aliases 类的元素（如“又称”一行）也跳过。
- 同一写法优先取最长的：“四级包案”不会被拆成“四级”+“包案”。
- 每个术语在每一节（两个标题之间）只加一次提示，加在这一节第一次出现的地方。读者多半从
  搜索结果或目录跳到某一节，而不是从页首读起；按节加提示，跳到哪一节都能看到解释，
  又不会像每段都加那样满页虚线。
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from .glossary import Glossary

SKIP_TAGS = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "option",
             "button", "svg", "math", "h1", "h2", "h3", "h4", "h5", "h6"}
SKIP_CLASSES = {"glossary-skip", "glossary-aliases", "headerlink"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CSS_CLASS = "glossary-term"
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)


def annotate(html: str, glossary: Glossary) -> str:
    """返回加了术语提示的 HTML；没有可加的地方时原样返回。"""
    if not len(glossary) or not html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    section, seen = 0, set()
    targets: list[tuple[NavigableString, list]] = []
    for node in list(soup.descendants):
        if isinstance(node, Tag):
            if node.name in HEADINGS:
                section += 1
            continue
        if not isinstance(node, NavigableString) or isinstance(node, _NOT_TEXT) or _skipped(node):
            continue
        wanted = []
        for match in glossary.find(str(node)):
            key = (section, match.term.name)
            if key not in seen:
                seen.add(key)
                wanted.append(match)
        if wanted:
            targets.append((node, wanted))
    if not targets:
        return html
    for node, matches in targets:
        _wrap(soup, node, matches, glossary)
    return str(soup)


def _skipped(node: NavigableString) -> bool:
    for parent in node.parents:
        if parent.name in SKIP_TAGS or SKIP_CLASSES.intersection(parent.get("class") or ()):
            return True
    return False


def _wrap(soup: BeautifulSoup, node: NavigableString, matches: list, glossary: Glossary) -> None:
    text, pieces, position = str(node), [], 0
    for match in matches:
        if match.start > position:
            pieces.append(NavigableString(text[position:match.start]))
        abbr = soup.new_tag("abbr", attrs={"title": glossary.tooltip(match), "class": CSS_CLASS})
        abbr.string = match.text
        pieces.append(abbr)
        position = match.end
    if position < len(text):
        pieces.append(NavigableString(text[position:]))
    node.replace_with(*pieces)
