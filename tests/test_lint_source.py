"""读成正文：Markdown 中读者看不到的部分被去掉，YAML 只看值，行列号都对应源文件。"""

from __future__ import annotations

from scripts.lint.source import read_source


def segments(tree, relative: str, text: str) -> list[tuple[int, int, str]]:
    path = tree.write(relative, text)
    return [(s.line, s.column, s.text) for s in read_source(path, tree.root).segments]


def test_markdown_keeps_only_visible_text(tree):
    text = """\
---
title: 元数据不算
---
# 标题 {#biaoti}

见[链接文字](a.md#锚点 "提示")，代码 `x = "中文"` 不算，<span class="a">标签</span>。

```text
代码块不算
```

!!! warning "提示框标题"
    提示框正文。
"""
    assert segments(tree, "docs/a.md", text) == [
        (4, 1, "# 标题"),
        (6, 1, "见[链接文字"),
        (6, 22, "，代码"),
        (6, 37, "不算，"),
        (6, 56, "标签"),
        (6, 65, "。"),
        (12, 14, "提示框标题"),
        (13, 5, "提示框正文。"),
    ]


def test_yaml_values_with_their_positions(tree):
    text = """\
# 注释不算
编号: a-b
摘要: "带引号的值"
依据:
  - 文件: x
    说明: |
      第一行
      第二行
条目: ["6.54"]
复核周期月数: 12
"""
    assert segments(tree, "procedures/_x.yml", text) == [
        (2, 5, "a-b"),
        (3, 6, "带引号的值"),
        (5, 9, "x"),
        (7, 7, "第一行"),
        (8, 7, "第二行"),
        (9, 7, "6.54"),
    ]


def test_yaml_blocks_group_a_citation_with_its_note(tree):
    path = tree.write("procedures/_x.yml", "依据:\n  - 文件: 甲\n    说明: 乙\n  - 文件: 丙\n")
    source = read_source(path, tree.root)
    first, note, second = source.segments
    assert first.block == note.block != second.block
    assert [p.key for p in source.passages] == ["依据", "依据", "依据"]
