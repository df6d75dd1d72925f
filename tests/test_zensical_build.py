"""make build-zensical（scripts/adapters/zensical_build.py）：严格、原子化；术语提示和搜索分词与 MkDocs 构建同源。"""

from __future__ import annotations

import json
import shutil

import pytest

from scripts import ROOT
from scripts.adapters.zensical_build import build_zensical
from scripts.search.zensical_search import INDEX
from scripts.site.site_build import BuildFailed

pytestmark = [pytest.mark.slow, pytest.mark.zensical]


@pytest.fixture
def project(tree):
    shutil.copytree(ROOT / "overrides", tree.root / "overrides", dirs_exist_ok=True)
    return tree


def test_builds_the_tree_with_tooltips_and_glossary_words(project):
    project.write("docs/index.md", "# 测试手册\n\n接待来访要落实五环节。\n")
    site = build_zensical(project.root, project.root / "site-zensical")
    checklist = (site / "shili/checklists/shili-guicheng/index.html").read_text(encoding="utf-8")
    assert 'type="checkbox"' in checklist
    # 术语提示由同一个 Markdown 扩展加上（tooltips.py）
    assert '<abbr class="glossary-term" title="' in (site / "index.html").read_text(encoding="utf-8")
    words = json.loads((site / INDEX).read_text(encoding="utf-8"))["config"]["words"]
    assert "五环节" in words
    assert 'http-equiv="Content-Security-Policy"' in checklist


def test_a_broken_link_fails_the_build_and_keeps_the_old_site(project, capfd):
    site = build_zensical(project.root, project.root / "site-zensical")
    before = (site / "index.html").read_text(encoding="utf-8")
    project.write("docs/index.md", "# 测试手册\n\n首页。见[不存在的页](no-such-page.md)。\n")
    with pytest.raises(BuildFailed, match="原来的站点保持原样"):
        build_zensical(project.root, project.root / "site-zensical")
    report = capfd.readouterr().err
    assert "index.md:3" in report and "page does not exist" in report
    assert "Traceback" not in report and "\x1b[" not in report  # 只列问题，不带调用栈和颜色控制符
    assert (site / "index.html").read_text(encoding="utf-8") == before
    assert not list(project.root.glob(".site-zensical-building-*"))


def test_bad_yaml_stops_before_zensical_runs(project, capfd):
    project.write("procedures/shili/shili-guicheng.yml", "标题: [\n")
    with pytest.raises(Exception, match="shili-guicheng.yml"):
        build_zensical(project.root, project.root / "site-zensical")
    assert "Build started" not in capfd.readouterr().err
    assert not (project.root / "site-zensical").exists()
