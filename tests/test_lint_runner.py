"""编辑检查的总入口和命令行：整个手册检查通过；一次报出全部问题；错误使退出码为 1，警告不会。"""

from __future__ import annotations

import os
import subprocess
import sys

from scripts import ROOT
from scripts.lint import lint, tree_files


def run_cli(tree, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """像 pre-commit 那样在项目根目录运行，文件用相对路径。"""
    return subprocess.run([sys.executable, "-m", "scripts.lint", "--root", str(tree.root), *args],
                          check=False, cwd=tree.root, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_the_real_manual_lints_clean():
    result = lint(ROOT)
    assert result.errors == [], "\n".join(map(str, result.errors))
    assert result.files == len(tree_files(ROOT)) > 100


def test_cli_reports_every_problem_and_fails(tree):
    tree.write("docs/a.md", "# 页\n\n20xx年接待来访 人次。\n")
    tree.write("procedures/_x.yml", "摘要: 13800138000□\n")
    result = run_cli(tree, "docs/a.md", "procedures/_x.yml", "--no-markdown-style")
    assert result.returncode == 1
    assert [line.split(" ")[0] + " " + line.split(" ")[1] for line in result.stdout.splitlines()] == [
        "docs/a.md:3:1 [L001]", "docs/a.md:3:11 [L002]", "procedures/_x.yml:1:5 [L007]", "procedures/_x.yml:1:16 [L003]",
    ]
    assert result.stderr.startswith("编辑检查：2 个文件，4 个错误，0 个警告，用时 ")


def test_warnings_do_not_fail(tree):
    result = run_cli(tree, "procedures/shili/shili-guicheng.yml", "--today", "2030-01-01")
    assert result.returncode == 0
    assert "[L014]" in result.stdout and "0 个错误，1 个警告" in result.stderr


def test_github_annotations(tree):
    tree.write("docs/a.md", "# 页\n\n20xx年。\n")
    result = run_cli(tree, "docs/a.md", env={"GITHUB_ACTIONS": "true"})
    assert "::error file=docs/a.md,line=3,col=1,title=[L001]::模板占位符：年份被遮盖成“20xx年” → " in result.stdout


def test_other_files_are_ignored(tree):
    result = run_cli(tree, "scripts/x.py", "README")
    assert result.returncode == 0 and result.stdout == ""


def test_unreadable_files_are_reported_with_the_build_rules(tree):
    gbk = tree.write("docs/gbk.md", "# 页\n\n中文。\n".encode("gbk"))
    broken = tree.write("procedures/shili/broken.yml", "编号: a\n  标题: b\n")
    lines = [str(p) for p in lint(tree.root, [gbk, broken], markdown_style=False).problems]
    assert [line.split(" ")[1] for line in lines] == ["[Y001]", "[Y002]"]
    assert lines[0].startswith("docs/gbk.md:3:1 [Y001] 文件不是 UTF-8 编码")


def test_make_lint_also_reports_what_the_build_would_refuse(tree):
    """make lint 一次说全：字段名拼错、未登记的角色、不存在的法规编号，不必等构建或 CI。"""
    import subprocess
    import sys

    from tests.conftest import VALID_PROCEDURE

    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("    时限: 当场\n", "    时间: 当场\n")
               .replace("  - 文件: xinfang-gongzuo-tiaoli", "  - 文件: bu-cunzai"))
    result = subprocess.run([sys.executable, "-m", "scripts.lint", "--root", str(tree.root)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "[S001]" in result.stdout and "“时间”" in result.stdout
    assert "Traceback" not in result.stderr
