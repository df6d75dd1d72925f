"""L013 Markdown 格式（pymarkdown，设置见 .pymarkdown）。"""

from __future__ import annotations

from tests.lint_helpers import lint_lines

BLANKS = "标题的上一行和下一行各留一个空行，不多不少"


def test_markdown_style_problems(tree):
    text = "# 页\n\n\n## 小节\n正文。\n# 第二个一级标题\n"
    assert lint_lines(tree, {"docs/a.md": text}, markdown_style=True) == [
        f"docs/a.md:1:1 [L013] Markdown 格式：标题前后的空行不对（MD022 blanks-around-headings） → {BLANKS}",
        "docs/a.md:3:1 [L013] Markdown 格式：连续有多个空行（MD012 no-multiple-blanks） → 只留一个空行",
        f"docs/a.md:4:1 [L013] Markdown 格式：标题前后的空行不对（MD022 blanks-around-headings） → {BLANKS}",
        "docs/a.md:6:1 [L013] Markdown 格式：一页中有多个一级标题（MD025 single-title） → 每页只有第一行是“# 标题”，其余用 ## 及以下",
        f"docs/a.md:6:1 [L013] Markdown 格式：标题前后的空行不对（MD022 blanks-around-headings） → {BLANKS}",
    ]


def test_material_pages_are_fine(tree):
    text = """\
# 页

一段很长的中文段落，不折行。一段很长的中文段落，不折行。一段很长的中文段落，不折行。一段很长的中文段落，不折行。一段很长的中文段落，不折行。

!!! warning "法规已更新"
    提示框的正文缩进 4 格。

1. **第一步。** 做法：
    - 嵌套列表缩进 4 格；
    - 第二项。
2. 第二步。

| 列 | 说明 |
| --- | --- |
| 甲 | 乙 |

见[本页小节](#xiaojie)。

## 小节 {#xiaojie}

**加粗的分组标题**

- 项目。
"""
    assert lint_lines(tree, {"docs/a.md": text}, markdown_style=True) == []


def test_results_are_cached_by_content(tree):
    text = "# 页\n\n\n正文。\n"
    first = lint_lines(tree, {"docs/a.md": text}, markdown_style=True)
    assert (tree.root / "build/.lint-cache/markdown-style.json").is_file()
    assert lint_lines(tree, {"docs/a.md": text}, markdown_style=True) == first
    assert lint_lines(tree, {"docs/a.md": "# 页\n\n正文。\n"}, markdown_style=True) == []
