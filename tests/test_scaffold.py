"""make new：新建的规程立即通过构建，编号不与现有的或删除过的重复。"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from scripts import ROOT, pipeline
from scripts.lint import lint
from scripts.pipeline import load_catalog
from scripts.scaffold import ScaffoldError, free_id, scaffold, slug


@pytest.mark.parametrize(("title", "expected"), [
    ("办理群众来信", "banli-qunzhong-laixin"),
    ("接待群众来访（接访五环节）", "jiedai-qunzhong-laifang"),
    ("开展信访督查与目标责任制考核", "kaizhan-xinfang-ducha-mubiao"),
    ("办理DZ/T 0078规定的编录", "banli-dz-t-0078"),
])
def test_id_from_title(title, expected):
    assert slug(title) == expected


def test_next_free_id():
    assert free_id("laixin", set()) == "laixin"
    assert free_id("laixin", {"laixin", "laixin-2"}) == "laixin-3"


def test_new_procedure_passes_the_build_at_once(tree):
    data_file, page_file = scaffold(tree.root, "shili", "办理群众来信", dt.date(2026, 3, 1))
    assert data_file == tree.root / "procedures/shili/banli-qunzhong-laixin.yml"
    assert page_file.read_text(encoding="utf-8").startswith("# 办理群众来信\n")
    catalog = load_catalog(tree.root)
    procedure = catalog.by_id()["banli-qunzhong-laixin"]
    assert procedure.title == "办理群众来信" and procedure.last_review == "2026-03-01"
    assert procedure.roles() == ["接访人"]
    pages = pipeline.generate(pipeline.checked(tree.root), today=dt.date(2026, 3, 1))
    assert "shili/checklists/banli-qunzhong-laixin.md" in pages


def test_placeholders_are_flagged_until_filled(tree):
    files = scaffold(tree.root, "shili", "办理群众来信")
    codes = {p.code for p in lint(tree.root, list(files)).problems}
    assert codes == {"L001"}  # 只有“还没填写”，没有别的问题（排版、格式、重复……）


def test_ids_are_never_reused(tree):
    scaffold(tree.root, "shili", "办理群众来信")
    again, _ = scaffold(tree.root, "shili", "办理群众来信")
    assert again.stem == "banli-qunzhong-laixin-2"


def test_ids_deleted_in_git_history_are_not_reused(tree):
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=测试", "-c", "user.email=t@example.invalid", *args],
                       cwd=tree.root, check=True, capture_output=True)

    git("init", "-q")
    tree.write("procedures/shili/banli-qunzhong-laixin.yml", "编号: banli-qunzhong-laixin\n")
    git("add", "-A")
    git("commit", "-q", "-m", "新增")
    git("rm", "-q", "procedures/shili/banli-qunzhong-laixin.yml")
    git("commit", "-q", "-m", "删除")
    data_file, _ = scaffold(tree.root, "shili", "办理群众来信")
    assert data_file.stem == "banli-qunzhong-laixin-2"


def test_unknown_domain_and_bad_title(tree):
    with pytest.raises(ScaffoldError, match="领域“nope”没有登记；可用的领域：shili"):
        scaffold(tree.root, "nope", "办理群众来信")
    with pytest.raises(ScaffoldError, match="2–40 个字"):
        scaffold(tree.root, "shili", "办")


def test_cli_without_a_terminal_asks_for_the_missing_values(tree):
    result = subprocess.run([sys.executable, "-m", "scripts.scaffold", "--root", str(tree.root), "--domain", "shili"],
                            check=False, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert result.stderr.strip() == "没有新建：缺少标题：请写成 make new DOMAIN=领域 TITLE=标题"


def test_cli_creates_both_files(tree):
    result = subprocess.run([sys.executable, "-m", "scripts.scaffold", "--root", str(tree.root),
                             "--domain", "shili", "--title", "办理群众来信"], check=False, cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["已新建 procedures/shili/banli-qunzhong-laixin.yml",
                                              "已新建 docs/shili/banli-qunzhong-laixin.md"]


def test_source_defaults_to_the_domains_current_regulation(tree):
    data_file, _ = scaffold(tree.root, "shili", "办理群众来信")
    procedure = load_catalog(tree.root).by_id()["banli-qunzhong-laixin"]
    assert procedure.origins[0].regulation == "xinfang-gongzuo-tiaoli"  # 本领域规程最常依据的现行法规
    assert "篇六" not in data_file.read_text(encoding="utf-8")


def test_source_can_be_a_part_or_a_regulation(tree):
    scaffold(tree.root, "shili", "办理群众来信", source="篇三")
    scaffold(tree.root, "shili", "登记来访", source="xinfang-gongzuo-tiaoli")
    catalog = load_catalog(tree.root).by_id()
    assert catalog["banli-qunzhong-laixin"].origins[0].piece == "篇三"
    assert catalog["dengji-laifang"].origins[0].regulation == "xinfang-gongzuo-tiaoli"


def test_superseded_or_unknown_source_is_refused(tree):
    with pytest.raises(ScaffoldError, match="既不是篇目"):
        scaffold(tree.root, "shili", "办理群众来信", source="xinfang-tiaoli")  # 已被替代
    assert not (tree.root / "procedures/shili/banli-qunzhong-laixin.yml").exists()
