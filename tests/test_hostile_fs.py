"""docs/ 和 procedures/ 里只读仓库中的普通文件：符号链接、管道、仓库之外的文件都被拒绝，指明文件和原因。"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scripts import ROOT
from scripts.content.source_files import RefusedFile, read_regular, tree_problems
from scripts.pipeline import load_catalog
from scripts.problems import ProblemsFound
from scripts.site.site_build import build_site


def plant(tree, outside, case: str) -> str:
    """在项目里放一个不该读的东西，返回它的路径（相对项目根目录）。"""
    secret = outside / "secret.md"
    secret.write_text("# 机密\n\n构建机器上的文件。\n", encoding="utf-8")
    links = {
        "passwd": ("docs/assets/x.txt", "/etc/passwd"),
        "environ": ("docs/assets/env.txt", "/proc/self/environ"),
        "outside-md": ("docs/outside.md", str(secret)),
        "outside-dir": ("docs/evil", str(outside)),
        "outside-yml": ("procedures/shili/leak.yml", str(secret)),
        "relative-escape": ("docs/up.md", "../../outside/secret.md"),
    }
    if case == "fifo":
        (tree.root / "docs/assets").mkdir(parents=True, exist_ok=True)
        os.mkfifo(tree.root / "docs/assets/pipe.txt")
        return "docs/assets/pipe.txt"
    relative, target = links[case]
    (tree.root / relative).parent.mkdir(parents=True, exist_ok=True)
    (tree.root / relative).symlink_to(target)
    return relative


CASES = ["passwd", "environ", "outside-md", "outside-dir", "outside-yml", "relative-escape", "fifo"]


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("case", CASES)
def test_the_tree_check_names_the_file_and_why(tree, outside, case):
    shown = plant(tree, outside, case)
    problems = tree_problems(tree.root)
    assert [p.file for p in problems] == [shown]
    reason = "不是普通文件" if case == "fifo" else "是符号链接"
    assert problems[0].code == "F001" and reason in problems[0].message
    with pytest.raises(ProblemsFound, match=f"{shown}:1:1 \\[F001\\]"):
        load_catalog(tree.root)


def test_read_regular_refuses_links_and_does_not_wait_on_a_pipe(tree, outside):
    os.mkfifo(tree.root / "pipe.yml")
    (tree.root / "link.yml").symlink_to("/etc/passwd")
    for name in ("pipe.yml", "link.yml"):
        with pytest.raises(RefusedFile, match=f"{name}:1:1 \\[F001\\]"):
            read_regular(tree.root / name, name)


def test_a_clean_tree_has_no_problems(tree):
    assert tree_problems(tree.root) == []


def run(tree, *command: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.parametrize("case", ["passwd", "outside-md", "fifo"])
def test_lint_fails_on_it(tree, outside, case):
    shown = plant(tree, outside, case)
    result = run(tree, "scripts.lint", "--root", str(tree.root))
    assert result.returncode == 1
    assert f"{shown}:1:1 [F001]" in result.stdout
    assert "root:x:0:0" not in result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("case", ["passwd", "environ", "outside-dir"])
def test_the_build_refuses_it_and_keeps_the_site(tree, outside, case):
    site = tree.root / "site"
    site.mkdir()
    (site / "sentinel.html").write_text("旧站点", encoding="utf-8")
    shown = plant(tree, outside, case)
    with pytest.raises(ProblemsFound, match=f"{shown}:1:1 \\[F001\\]"):
        build_site(tree.root, site)
    assert [p.name for p in site.iterdir()] == ["sentinel.html"]


@pytest.mark.slow
def test_properdocs_itself_stops_in_the_hook(tree, outside):
    """make serve 和直接运行 properdocs 走的是钩子：同一个检查在那里也生效。"""
    shown = plant(tree, outside, "passwd")
    result = run(tree, "properdocs", "build", "--strict", cwd=tree.root)
    assert result.returncode != 0
    assert f"{shown}:1:1 [F001]" in result.stderr
    assert not (tree.root / "site" / "assets" / "x.txt").exists()
