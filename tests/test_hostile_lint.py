"""恶意或粗心的拉取请求（议题 17 的第 2、4 项）在编辑检查里：L015–L019，以及报告里看不见的字符写成 U+XXXX。"""

from __future__ import annotations

import pytest

from scripts.problems import Problem, ProblemsFound
from tests.conftest import VALID_PROCEDURE
from tests.lint_helpers import codes, lint_lines

HANDLER_HINT = "删除它；样式写进 overrides/assets/manual.css，交互需要时在议题中提出，由维护者审核"
LINK_HINT = "手册只链接到手册里的页面或 http(s) 网址：改成普通链接，或删除"


@pytest.mark.parametrize(("char", "name"), [("\u202e", "从右到左覆盖"), ("\u2066", "从左到右隔离"),
                                            ("\u200f", "从右到左标记"), ("\u061c", "阿拉伯字母标记"),
                                            ("\u00ad", "软连字符")])
def test_bidi_controls_and_soft_hyphens_are_found_and_shown_escaped(tree, char, name):
    lines = lint_lines(tree, {"docs/a.md": f"# 页\n\n接待{char}来访。\n\n```text\n代码{char}里也算\n```\n"})
    code = f"U+{ord(char):04X}"
    assert lines == [
        f"docs/a.md:3:3 [L015] 看不见的字符 {code}（{name}） → 它会让显示出来的文字与实际的文字不同：删除它；需要断行或分隔时直接写出来",
        f"docs/a.md:6:3 [L015] 看不见的字符 {code}（{name}） → 它会让显示出来的文字与实际的文字不同：删除它；需要断行或分隔时直接写出来",
    ]
    assert all(char not in line for line in lines)


def test_bidi_controls_in_yaml_values_and_comments(tree):
    text = VALID_PROCEDURE.replace("摘要: 用于测试", "摘要: 用于\u2067测试") + "# 注释\u202e\n"
    assert codes(lint_lines(tree, {"procedures/shili/shili-guicheng.yml": text})) == ["L015", "L015"]


def test_every_report_line_escapes_invisible_characters():
    problem = Problem("docs/a\u202e.md", 1, 1, "L003", "乱码“\u2066x\u0008”", "删除\u200b它")
    assert str(problem) == "docs/aU+202E.md:1:1 [L003] 乱码“U+2066xU+0008” → 删除U+200B它"
    assert "\u202e" not in ProblemsFound([problem]).report()
    assert "中文　全角空格" in str(Problem("a", 1, 1, "X", "中文　全角空格"))  # 看得见的空白照常显示


@pytest.mark.parametrize(("markdown", "column"), [
    ("[点我](javascript:alert(1))", 6),
    ("[点我]( JavaScript&#58;alert(1) )", 7),
    ("![图](data:image/svg+xml;base64,PHN2Zy8+)", 6),
    ("<vbscript:msgbox(1)>", 2),
    ('<a href="javascript:alert(1)">点我</a>', 10),
])
def test_dangerous_links_in_markdown(tree, markdown, column):
    scheme = "data" if "data:" in markdown else "vbscript" if "vbscript" in markdown else "javascript"
    assert lint_lines(tree, {"docs/a.md": f"# 页\n\n见{markdown}。\n"}) == [
        f"docs/a.md:3:{column + 1} [L016] {scheme}: 链接会在读者的浏览器里执行或载入任意内容 → {LINK_HINT}"]


def test_dangerous_reference_links_and_yaml_summaries(tree):
    assert codes(lint_lines(tree, {"docs/a.md": "# 页\n\n见[说明][x]。\n\n[x]: javascript:alert(1)\n"})) == ["L016"]
    text = VALID_PROCEDURE.replace("摘要: 用于测试的一项完整规程，包含两个步骤。", "摘要: 见[详情](javascript:alert(1))。")
    assert lint_lines(tree, {"procedures/shili/shili-guicheng.yml": text}) == [
        f"procedures/shili/shili-guicheng.yml:5:11 [L016] javascript: 链接会在读者的浏览器里执行或载入任意内容 → {LINK_HINT}"]


def test_ordinary_links_and_code_are_fine(tree):
    text = ("# 页\n\n见[规程](../xinfang/a.md)、[网站](https://example.com \"说明\")和 `javascript:x`。\n\n"
            "```html\n<a href=\"javascript:x\" onclick=\"y\">代码示例</a>\n```\n\n带属性的段落\n{: #anchor .note }\n")
    assert lint_lines(tree, {"docs/a.md": text}) == []


@pytest.mark.parametrize(("markdown", "kind", "column"), [
    ('悬停这里\n{: onmouseover="alert(1)" }', "事件处理器 onmouseover", 4),
    ('红字\n{: style="color: red" }', "样式属性 style", 4),
    ("## 标题 { #id onclick=alert(1) }", "事件处理器 onclick", 13),
    ('<img src="a.png" onerror="alert(1)">', "事件处理器 onerror", 18),
])
def test_event_handlers_and_style_attributes(tree, markdown, kind, column):
    lines = lint_lines(tree, {"docs/a.md": f"# 页\n\n{markdown}\n"})
    line = 3 + markdown.count("\n")
    assert [p for p in lines if "[L017]" in p] == [f"docs/a.md:{line}:{column} [L017] {kind}不能写在页面里 → {HANDLER_HINT}"]


def test_angle_brackets_in_link_titles(tree):
    text = '# 页\n\n见[规程](a.md "<img src=x onerror=alert(1)>")和[另一篇](b.md \'&lt;b&gt;\')。\n'
    assert [p for p in lint_lines(tree, {"docs/a.md": text}) if "[L018]" in p] == [
        "docs/a.md:3:12 [L018] 链接标题里有尖括号 → 标题会显示成提示框：去掉尖括号，只写文字",
        "docs/a.md:3:55 [L018] 链接标题里有尖括号 → 标题会显示成提示框：去掉尖括号，只写文字",
    ]


def test_front_matter_keys_and_values(tree):
    text = ("---\ntitle: 标题\ndescription: '\"><script>alert(1)</script>'\ntemplate: redirect.html\n"
            "location: https://example.com/\nhide: [toc, everything]\nsearch:\n  exclude: true\n---\n\n# 页\n")
    assert [p.split(" → ")[0] for p in lint_lines(tree, {"docs/a.md": text})] == [
        "docs/a.md:3:1 [L019] “description”的值里有不允许的字符“\"”",
        "docs/a.md:4:1 [L019] 页首元数据里不允许写“template”",
        "docs/a.md:5:1 [L019] 页首元数据里不允许写“location”",
        "docs/a.md:6:1 [L019] “hide”的值不对",
    ]


def test_allowed_front_matter_is_fine(tree):
    text = "---\ntitle: 标题\ndescription: 一段简介。\ntags:\n  - 信访\nhide: [toc]\nsearch:\n  boost: 2\n---\n\n# 页\n"
    assert lint_lines(tree, {"docs/a.md": text}) == []


@pytest.mark.parametrize("attr", ['title="<iframe src=x>"', "href=https://example.com/", "SRC='x.png'"])
def test_an_attribute_list_may_not_set_title_href_or_src(tree, attr):
    lines = lint_lines(tree, {"docs/a.md": f"# 页\n\n悬停这里\n{{: .tip {attr} }}\n"})
    assert any(line.startswith("docs/a.md:4:") and "[L017] 属性列表不能设置" in line for line in lines), lines
