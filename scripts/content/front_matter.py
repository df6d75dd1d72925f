"""页首元数据（front matter）：只允许几个键，值只能是文字。

MkDocs 把页首的 `---` 块（或 MultiMarkdown 式的开头几行 `键: 值`）读成 page.meta，Material 的模板
把其中的值原样写进 HTML（<title>、<meta name="description" content="…">），`template:` 还能换掉整个页面模板
（`template: redirect.html` + `location:` 就是一个跳到任意网址的页面）。所以这里只放行手册用得到的键，
值里不能有尖括号、半角双引号和控制字符。读法与 MkDocs 相同（mkdocs.utils.meta.get_data），
构建（pipeline.check）和编辑检查（规则 L019）用的是同一个函数。
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.utils.meta import get_data

from scripts.problems import Problem

RULE = "L019"
# 键 → 说明。hide 和 search 的取值另有限制。
ALLOWED = {
    "title": "页面标题", "description": "页面简介", "tags": "标签列表",
    "hide": "隐藏导航、目录等", "search": "搜索设置（exclude、boost）", "status": "页面状态",
}
HIDE = {"navigation", "toc", "footer", "path", "tags", "feedback"}
SEARCH: dict[str, type | tuple[type, ...]] = {"exclude": bool, "boost": (int, float)}
UNSAFE = re.compile('[<>"\x00-\x08\x0b-\x1f\x7f-\x9f]')
HINT_TEXT = "元数据只能写文字：去掉尖括号、半角双引号（中文用“”）和看不见的控制字符"


def problems(text: str, shown: str) -> list[Problem]:
    """一个 Markdown 文件的页首元数据中不允许的键和值。"""
    _, meta = get_data(text)
    if not meta:
        return []
    lines = text.split("\n")
    found = []

    def report(key: str, message: str, hint: str) -> None:
        line = next((i for i, row in enumerate(lines, 1) if re.match(rf"\s*{re.escape(str(key))}\s*:", row)), 1)
        found.append(Problem(shown, line, 1, RULE, message, hint))

    for key, value in meta.items():
        if key not in ALLOWED:
            allowed = "、".join(f"{k}（{v}）" for k, v in ALLOWED.items())
            report(key, f"页首元数据里不允许写“{key}”", f"删除这一项；可以写的有：{allowed}")
            continue
        if key == "hide" and not (isinstance(value, list) and set(map(str, value)) <= HIDE):
            report(key, "“hide”的值不对", f"写成列表，每项是 {'、'.join(sorted(HIDE))} 之一")
        elif key == "search" and not (isinstance(value, dict) and all(
                k in SEARCH and isinstance(v, SEARCH[k]) for k, v in value.items())):
            report(key, "“search”的值不对", "只能写 exclude: true 或 boost: 数字")
        elif key == "tags" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            report(key, "“tags”应为文字的列表", "写成“- 标签”的列表")
        elif key in ("title", "description", "status") and not isinstance(value, str):
            report(key, f"“{key}”应为一段文字", "写成一行文字")
        else:
            bad = next((m.group() for s in _strings(value) if (m := UNSAFE.search(s))), None)
            if bad is not None:
                report(key, f"“{key}”的值里有不允许的字符“{bad}”", HINT_TEXT)
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []
