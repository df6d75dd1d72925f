"""L002 数字空缺：有空格和没有空格的两种情形都要找到，正常的数字和把单位当名词用的说法不报。"""

from __future__ import annotations

from tests.lint_helpers import lint_lines

HINT = "填上确切的数字；原始材料没有给出时删去或改写这句话，不要编造"


def test_units_left_without_their_numbers(tree):
    text = "# 页\n\n共接待群众来访 人次，占 %，书记有人次参与接访件次，比上年增长 %。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == [
        f"docs/a.md:3:9 [L002] “人次”前面缺少数字：“待群众来访 人次” → {HINT}",
        f"docs/a.md:3:14 [L002] “%”前面缺少数字：“人次，占 %” → {HINT}",
        f"docs/a.md:3:19 [L002] “人次”前面缺少数字：“%，书记有人次” → {HINT}",
        f"docs/a.md:3:25 [L002] “件次”前面缺少数字：“人次参与接访件次” → {HINT}",
        f"docs/a.md:3:34 [L002] “%”前面缺少数字：“比上年增长 %” → {HINT}",
    ]


def test_blank_figures_in_yaml_values(tree):
    text = "编号: a\n摘要: 全年接待件次，办结率 %。\n"
    assert lint_lines(tree, {"procedures/_x.yml": text}) == [
        f"procedures/_x.yml:2:9 [L002] “件次”前面缺少数字：“全年接待件次” → {HINT}",
        f"procedures/_x.yml:2:16 [L002] “%”前面缺少数字：“次，办结率 %” → {HINT}",
    ]


def test_figures_and_units_used_as_nouns_are_fine(tree):
    text = ("# 页\n\n共接待群众1123批次6986人次，占12.5%，增长 8 %。统计接访批次和人次；来访的人次不少于批次，"
            "督办件次按月报。\n")
    assert lint_lines(tree, {"docs/a.md": text}) == []
