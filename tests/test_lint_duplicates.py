"""L011 重复的段落。"""

from __future__ import annotations

from tests.lint_helpers import lint_lines

PARAGRAPH = ("信访积案的处理涉及信访、纪检、维稳、司法等部门，在信访投诉的同时还可以通过依法诉讼、纪检监察、"
             "劳动仲裁、人民调解等非信访途径解决，但往往因为各部门各自为政而难以做到案结事了。")
NEAR = PARAGRAPH.replace("往往因为", "常常因为").replace("案结事了", "案结事了，留下后遗症")
HINT = "删去重复的一处，或改写成不同的内容；需要引用时写一句话并加链接"
NOTE = "旧的工作总结写作时依据的是《信访条例》（2005年），现已被《信访工作条例》（2022年5月1日起施行）取代，以现行条例为准。"


def test_same_and_nearly_same_paragraphs(tree):
    lines = lint_lines(tree, {
        "docs/a.md": f"# 甲\n\n{PARAGRAPH}\n",
        "docs/b.md": f"# 乙\n\n{PARAGRAPH}\n\n另一段。\n\n- {NEAR}\n",
        "procedures/shili/b.yml": f"摘要: {PARAGRAPH[:45]}\n做法: {PARAGRAPH[10:]}\n",
    })
    assert lines == [
        f"docs/b.md:3:1 [L011] 这一段与 docs/a.md:3 的段落完全相同 → {HINT}",
        f"docs/b.md:7:1 [L011] 这一段与 docs/a.md:3 的段落几乎相同（86% 的文字相同） → {HINT}",
        f"procedures/shili/b.yml:2:5 [L011] 这一段与 docs/a.md:3 的段落相同（是那一段的一部分） → {HINT}",
    ]


def test_repeat_within_one_file_names_the_line(tree):
    lines = lint_lines(tree, {"docs/a.md": f"# 甲\n\n{PARAGRAPH}\n\n## 又一遍\n\n{PARAGRAPH}\n"})
    assert lines == [f"docs/a.md:7:1 [L011] 这一段与第 3 行的段落完全相同 → {HINT}"]


def test_standard_notes_short_lines_tables_and_citations_are_not_duplicates(tree):
    files = {f"docs/note{i}.md": f"# 页{i}\n\n!!! warning \"法规已更新\"\n    {NOTE}第{i}项要求另见。\n" for i in range(6)}
    files["docs/short.md"] = "# 短\n\n来源：篇六（市信访工作总结）。\n\n来源：篇六（市信访工作总结）。\n"
    files["docs/table.md"] = f"# 表\n\n| 甲 | {PARAGRAPH} |\n| --- | --- |\n| 乙 | {PARAGRAPH} |\n"
    citation = f"依据:\n  - 文件: xinfang-tiaoli\n    说明: {PARAGRAPH}\n"
    files["procedures/shili/c.yml"] = citation
    files["procedures/shili/d.yml"] = citation
    assert lint_lines(tree, files) == []
