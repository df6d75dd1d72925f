"""页面正文的白名单过滤：编辑写的东西只能是文字和手册用得到的几种标签，别的到不了页面上。

每个页面由 Markdown 变成 HTML 之后（连同生成的清单、流程图、术语提示），在交给主题之前经过这里一次，
两种构建工具都一样（它是一个 Markdown 扩展，最后一个运行）。做法学 MediaWiki 的 Sanitizer：
不去列举坏东西，只放行列出来的东西。

- 解析用 nh3（Rust 的 ammonia，底下是 Servo 的 html5ever：按浏览器的方式解析 HTML5，注释、CDATA、
  <svg>/<math> 里的写法都与浏览器读到的一样）。不认识的标签去掉标签、留下文字；<script>、<style> 连内容一起去掉；
  注释一律去掉。
- 属性只放行表里的；链接和图片的地址只能是 http(s)、相对地址和 #锚点（javascript:、data: 等一律去掉）。
- title 是提示框的文字。Material 把它放进 innerHTML，所以值里的尖括号和 & 换成全角字符：永远只是文字。
- input 只能是勾选框（清单和任务列表）。
"""

from __future__ import annotations

import nh3
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

# 正文里可以出现的标签：Markdown 和本手册用到的扩展（表格、定义列表、脚注、提示框、折叠块、任务列表、
# 术语提示）会产生的，生成页面用到的（清单、面包屑、学习路径、流程图的 SVG）。
TAGS = {
    "a", "abbr", "aside", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "ins", "kbd", "label", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    # 流程图（pages/templates/flowchart.md.j2）和 Material 的图标
    "svg", "g", "defs", "marker", "path", "polyline", "rect", "text", "tspan", "title", "desc",
}
# 所有标签都可以有的属性。data- 只放行本手册脚本读的几个：Material 自己的 data-md-* 会触发它的界面行为。
COMMON = {
    "class", "id", "title", "role", "hidden", "lang", "dir", "aria-label", "aria-labelledby", "aria-describedby",
    "aria-hidden", "data-search-exclude", "data-procedure", "data-step", "data-steps", "data-path", "data-form",
}
ATTRIBUTES = {
    "*": COMMON,
    "a": {"href", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"name", "checked", "disabled"},  # type 见 ONLY
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "details": {"open"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill"},
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient"},
    "path": {"d", "fill"},
    "polyline": {"points", "fill", "stroke", "stroke-width", "marker-end"},
    "rect": {"x", "y", "width", "height", "rx", "fill", "stroke", "stroke-width"},
    "text": {"x", "y", "dy", "text-anchor", "font-size", "font-weight", "fill"},
    "tspan": {"x", "dy"},
}
ONLY = {"input": {"type": {"checkbox"}}}  # 属性只能取这些值
SCHEMES = {"http", "https"}  # 加上相对地址和 #锚点（nh3 默认放行相对地址）
# 提示框的文字永远只是文字：尖括号和 & 换成全角字符（显示出来一样，浏览器不会把它当作标签或实体）
PLAIN = str.maketrans({"<": "＜", ">": "＞", "&": "＆"})


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "title":
        return value.translate(PLAIN)
    return value


def sanitize(html: str) -> str:
    """按白名单过滤一段正文 HTML，返回过滤后的 HTML。"""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, strip_comments=True,
                     link_rel=None, tag_attribute_values=ONLY, attribute_filter=_attribute)


class _Sanitize(Postprocessor):
    def run(self, text: str) -> str:
        return sanitize(text)


class Sanitizer(Extension):
    """Markdown 扩展：在所有其他后处理（含术语提示）之后过滤正文。两种构建工具都加载它（mkdocs.yml）。"""

    def extendMarkdown(self, md: Markdown) -> None:  # Markdown 的接口名
        md.postprocessors.register(_Sanitize(md), "sanitize", -100)


def makeExtension(**kwargs) -> Sanitizer:  # Markdown 按这个名字找扩展
    return Sanitizer(**kwargs)
