"""把数据当作纯文字放进 Markdown（提交说明、历史上的标题、YAML 中的文字）。"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Python-Markdown（连同本手册用的扩展）能用反斜杠转义的字符
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|:])")


def md_text(text: object) -> Markup:
    """把数据（提交说明、历史上的标题）当作纯文字放进 Markdown：先按 HTML 转义，再转义 Markdown 符号。"""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(str(text)))))

