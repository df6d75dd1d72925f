"""在真实文字上证明：编辑检查在原始材料（../shared/seed/）中找出模板年份、空缺数字、□、
人名和重复的一大段。用户的克隆中没有 ../shared，这时跳过。"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from scripts import ROOT
from scripts.lint import lint

SEED = ROOT.parent / "shared" / "seed" / "000_d334dfa1e1a535bc.txt"


@pytest.fixture(scope="module")
def found() -> list[tuple[int, str, str]]:
    if not SEED.is_file():
        pytest.skip(f"没有原始材料 {SEED}（只在开发环境的 ../shared 中有，用户的克隆中没有）")
    result = lint(ROOT, [SEED], markdown_style=False)
    counts = Counter(p.code for p in result.problems)
    print("原始材料中各规则的问题数：" + "，".join(f"{code} {n}" for code, n in sorted(counts.items())))
    return [(p.line, p.code, p.message) for p in result.problems]


def lines_of(found, code: str) -> set[int]:
    return {line for line, c, _ in found if c == code}


def test_placeholder_years(found):
    years = [(line, m) for line, c, m in found if c == "L001" and "20xx" in m]
    assert len(years) >= 40
    assert (15, "模板占位符：年份被遮盖成“20xx年”") in years  # 篇一“□20xx年度地质分会工作思路”
    assert any(line == 115 and "“x委”" in m for line, c, m in found)  # “x委书记”


def test_blank_figures_with_and_without_spaces(found):
    blanks = [(line, m) for line, c, m in found if c == "L002"]
    assert (111, "“件次”前面缺少数字：“理群众来信 件次”") in blanks  # 有空格
    assert (121, "“人次”前面缺少数字：“线党委书记有人次”") in blanks  # 没有空格
    assert (121, "“件次”前面缺少数字：“人次参与接访件次”") in blanks
    assert (137, "“%”前面缺少数字：“来访总量的 %”") in blanks
    assert len(blanks) >= 30


def test_every_box_character(found):
    boxes = [line for line, c, m in found if c == "L003" and "□" in m]
    assert len(boxes) == SEED.read_text(encoding="utf-8").count("□")


def test_personal_names(found):
    # 原始材料里“姓名 + 称谓”的写法（“……书记”“……同志”）不靠名单也能找到；名单只在 CI 里有。
    titled = [m for _, c, m in found if c == "L008" and "称谓" in m]
    assert len(titled) >= 2


def test_the_duplicated_block(found):
    repeats = [(line, m) for line, c, m in found if c == "L011"]
    # 第 199–265 行重复了篇六第 107–197 行的大部分内容：大多数段落都要报出，并指回前一份。
    assert len(repeats) >= 15
    assert all(199 <= line <= 265 for line, _ in repeats)
    assert all(107 <= int(re.search(r"第 (\d+) 行", m).group(1)) <= 197 for _, m in repeats)
