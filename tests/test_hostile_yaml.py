"""敌意的 YAML：别名炸弹、极深的嵌套、控制字符。构建、make check 和编辑检查都要很快停下，报出文件和位置，不出 traceback。"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from scripts import ROOT
from scripts.content.yaml_loader import YamlLoadError, load_yaml, parse
from scripts.problems import ProblemsFound
from scripts.site.site_build import build_site

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
CASES = {
    "laughs": (LAUGHS, "x.yml:1:4 [Y007]"),
    "deep-flow": ("x: " + "[" * 990 + "]" * 990 + "\n", "x.yml:1:53 [Y008]"),
    "deep-block": ("".join("  " * i + "-\n" for i in range(990)), "x.yml:51:101 [Y008]"),
    "backspace": ("编号: a\n标题: 接访\x08登记\n", "x.yml:2:7 [Y002] YAML 格式错误：有不允许的控制字符 U+0008"),
    "nul": ("编号: a\n标题: 接访\x00\n", "x.yml:2:7 [Y002] YAML 格式错误：有不允许的控制字符 U+0000"),
}


@pytest.mark.parametrize("name", CASES)
def test_the_loader_refuses_quickly_with_a_position(tree, name):
    text, expected = CASES[name]
    path = tree.write("procedures/shili/x.yml", text)
    started = time.perf_counter()
    with pytest.raises(YamlLoadError) as caught:
        load_yaml(path, "x.yml")
    assert time.perf_counter() - started < 2
    assert any(str(p).startswith(expected) for p in caught.value.problems), caught.value.problems
    with pytest.raises(YamlLoadError) as caught:  # 编辑检查用的解析：同样的限制
        parse(text, "x.yml")
    assert any(str(p).startswith(expected) for p in caught.value.problems)


def test_a_single_anchor_without_alias_is_fine(tree):
    path = tree.write("procedures/shili/x.yml", "a: &x 1\nb: 2\n")
    assert load_yaml(path, "x.yml").data == {"a": 1, "b": 2}


def test_nesting_just_under_the_limit_is_fine(tree):
    path = tree.write("procedures/shili/x.yml", "x: " + "[" * 49 + "]" * 49 + "\n")
    depth, value = 0, load_yaml(path, "x.yml").data["x"]
    while value:
        depth, value = depth + 1, value[0]
    assert depth == 48


def run(tree, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", ["laughs", "deep-flow", "backspace", "nul"])
def test_check_and_lint_report_the_file_without_a_traceback(tree, name):
    text, expected = CASES[name]
    tree.write("procedures/shili/shili-guicheng.yml", text)
    expected = expected.replace("x.yml", "procedures/shili/shili-guicheng.yml")
    for command in (("scripts", "--root", str(tree.root), "check"), ("scripts.lint", "--root", str(tree.root))):
        result = run(tree, *command)
        assert result.returncode == 1, result.stderr
        output = result.stdout + result.stderr
        assert expected in output, output
        assert "Traceback" not in output and "RecursionError" not in output and "MemoryError" not in output


@pytest.mark.slow
def test_a_refused_yaml_leaves_the_site_unchanged(tree):
    site = tree.root / "site"
    site.mkdir()
    (site / "sentinel.html").write_text("旧站点", encoding="utf-8")
    tree.write("procedures/_glossary.yml", LAUGHS)
    with pytest.raises(ProblemsFound, match=r"procedures/_glossary.yml:1:4 \[Y007\]"):
        build_site(tree.root, site)
    assert [p.name for p in site.iterdir()] == ["sentinel.html"]
