"""“最后更新”日期：取自 git 历史；生成的清单页用 YAML 源文件的日期；没有历史时不显示。"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts.dates import chinese_date as format_date
from scripts.history.git_dates import last_commit_dates, page_source, stamp_updated
from scripts.site.site_build import build_site


def commit(root: Path, date: str, *files: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{date}T12:00:00+08:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00+08:00"}
    for args in (["add", *files], ["commit", "-q", "-m", f"修改 {date}"]):
        subprocess.run(["git", "-c", "user.name=测试", "-c", "user.email=t@example.invalid", *args],
                       cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tree):
    subprocess.run(["git", "init", "-q"], cwd=tree.root, check=True)
    commit(tree.root, "2026-01-02", ".")
    tree.write("docs/index.md", "# 测试手册\n\n改过的首页。\n")
    commit(tree.root, "2026-03-04", "docs/index.md")
    return tree


def page(config, src_uri: str, edit_uri: str | None):
    file = SimpleNamespace(edit_uri=edit_uri, abs_src_path=str(Path(config.docs_dir) / src_uri))
    return SimpleNamespace(file=file, meta={})


def test_dates_of_the_last_commit_per_file(repo):
    dates = last_commit_dates(repo.root)
    assert dates[(repo.root / "docs/index.md").resolve()] == dt.date(2026, 3, 4)
    assert dates[(repo.root / "procedures/shili/shili-guicheng.yml").resolve()] == dt.date(2026, 1, 2)


def test_checklist_pages_take_the_date_of_their_yaml(repo):
    config = SimpleNamespace(docs_dir=str(repo.root / "docs"), config_file_path=str(repo.root / "mkdocs.yml"))
    checklist = page(config, "shili/checklists/shili-guicheng.md", "../procedures/shili/shili-guicheng.yml")
    assert page_source(checklist, Path(config.docs_dir)) == (repo.root / "procedures/shili/shili-guicheng.yml").resolve()
    stamp_updated(checklist, config, last_commit_dates(repo.root))
    assert checklist.meta == {"git_revision_date_localized": "最后更新：2026年1月2日"}
    home = page(config, "index.md", "index.md")
    stamp_updated(home, config, last_commit_dates(repo.root))
    assert home.meta["git_revision_date_localized"] == "最后更新：2026年3月4日"


def test_no_history_means_no_date(tree):
    config = SimpleNamespace(docs_dir=str(tree.root / "docs"), config_file_path=str(tree.root / "mkdocs.yml"))
    assert last_commit_dates(tree.root) == {}
    home = page(config, "index.md", "index.md")
    stamp_updated(home, config, last_commit_dates(tree.root))
    assert home.meta == {}


def test_format_date():
    assert format_date(dt.date(2026, 5, 1)) == "2026年5月1日"


@pytest.mark.slow
def test_built_pages_show_the_date(repo):
    site = build_site(repo.root, repo.root / "site")
    checklist = (site / "shili/checklists/shili-guicheng/index.html").read_text(encoding="utf-8")
    assert "最后更新：2026年1月2日" in checklist
    assert "最后更新：2026年3月4日" in (site / "index.html").read_text(encoding="utf-8")
