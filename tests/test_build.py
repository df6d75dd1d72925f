"""集成测试：运行真正的 MkDocs 严格构建，检查原子化输出和命令行。"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from scripts import ROOT
from scripts.problems import ProblemsFound
from scripts.site.site_build import BuildFailed, build_site

pytestmark = pytest.mark.slow


def leftovers(parent) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site"))


def test_strict_build_of_a_small_tree(tree):
    site = build_site(tree.root, tree.root / "site")
    page = (site / "shili/checklists/shili-guicheng/index.html").read_text(encoding="utf-8")
    assert 'data-step="dengji"' in page and "来访登记表" in page
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("shili/checklists/shili-guicheng/") for doc in index["docs"])
    assert leftovers(tree.root) == []


def test_bad_yaml_stops_before_touching_the_site(tree):
    site = tree.root / "site"
    site.mkdir()
    (site / "sentinel.html").write_text("旧站点", encoding="utf-8")
    tree.write("procedures/shili/shili-guicheng.yml", "编号: a\n编号: b\n")
    with pytest.raises(ProblemsFound):
        build_site(tree.root, site)
    assert (site / "sentinel.html").read_text(encoding="utf-8") == "旧站点"
    assert leftovers(tree.root) == []


def test_failed_mkdocs_build_leaves_the_old_site_whole(tree):
    site = build_site(tree.root, tree.root / "site")
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    tree.write("docs/broken.md", "# 坏链接\n\n[不存在的页面](nowhere.md)\n")
    with pytest.raises(BuildFailed, match="site/ 保持原样"):
        build_site(tree.root, site)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert leftovers(tree.root) == []


def test_cli_check_reports_all_problems_and_fails(tree):
    tree.write("procedures/shili/a.yml", "编号: a\n编号: b\n")
    tree.write("procedures/shili/b.yml", "标题：错\n摘要: x\n")
    result = subprocess.run([sys.executable, "-m", "scripts", "--root", str(tree.root), "check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "procedures/shili/a.yml:2:1 [Y003]" in result.stderr
    assert "procedures/shili/b.yml:1:3 [Y004]" in result.stderr
    assert result.stderr.rstrip().endswith("构建已停止；请按提示修改后重新构建。")


def test_cli_generate_writes_a_complete_docs_tree(tree, tmp_path):
    out = tmp_path / "generated"
    result = subprocess.run([sys.executable, "-m", "scripts", "--root", str(tree.root), "generate", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "index.md").is_file()
    assert "\n# 清单：示例规程：登记来访\n" in (out / "shili/checklists/shili-guicheng.md").read_text(encoding="utf-8")
    assert json.loads((out / "_nav.json").read_text(encoding="utf-8"))[0] == {"首页": "index.md"}


def test_real_manual_builds_strictly(real_site):
    from scripts.pipeline import load_catalog

    catalog = load_catalog(ROOT)
    for proc in catalog.procedures:
        assert (real_site / proc.checklist_uri.replace(".md", "/index.html")).is_file(), proc.source
    assert (real_site / "indexes/roles/index.html").is_file()


def test_real_manual_edit_links(real_site):
    checklist = (real_site / "xinfang/checklists/jiefang-wuhuanjie/index.html").read_text(encoding="utf-8")
    page = (real_site / "xinfang/jiefang-wuhuanjie/index.html").read_text(encoding="utf-8")
    edit = re.compile(r'href="([^"]+)"[^>]*title="编辑此页"')
    assert edit.search(checklist).group(1).endswith("/edit/main/procedures/xinfang/jiefang-wuhuanjie.yml")
    assert edit.search(page).group(1).endswith("/edit/main/docs/xinfang/jiefang-wuhuanjie.md")


def run_cli_build(tree, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", "--root", str(tree.root), "build", *options],
                          cwd=ROOT, capture_output=True, text=True)


def test_cli_build_lints_alongside_and_keeps_the_old_site_on_lint_errors(tree):
    result = run_cli_build(tree)
    assert result.returncode == 0, result.stderr
    assert "编辑检查：" in result.stderr and "0 个错误" in result.stderr
    site = tree.root / "site"
    (site / "sentinel.html").write_text("旧站点", encoding="utf-8")
    tree.write("docs/index.md", "# 测试手册\n\n全年受理来信□件。\n")

    result = run_cli_build(tree)
    assert result.returncode == 1
    assert "docs/index.md:3:7 [L003]" in result.stderr
    assert result.stderr.rstrip().endswith("编辑检查发现错误（见上），site/ 保持原样")
    assert (site / "sentinel.html").read_text(encoding="utf-8") == "旧站点"
    assert leftovers(tree.root) == []

    result = run_cli_build(tree, "--no-lint")
    assert result.returncode == 0, result.stderr
    assert "编辑检查：" not in result.stderr
    assert "□件" in (site / "index.html").read_text(encoding="utf-8")


def test_cli_build_lists_lint_problems_even_when_mkdocs_fails(tree):
    tree.write("docs/broken.md", "# 坏链接\n\n全年受理来信□件，见[不存在的页面](nowhere.md)。\n")
    result = run_cli_build(tree)
    assert result.returncode == 1
    assert "docs/broken.md:3:7 [L003]" in result.stderr
    assert "严格构建失败" in result.stderr
    assert not (tree.root / "site").exists() and leftovers(tree.root) == []
