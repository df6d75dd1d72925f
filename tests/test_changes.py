"""修订记录和更新说明（scripts/history/changes.py、change_pages.py）：在临时的 git 仓库里逐个提交，看生成的页面。"""

from __future__ import annotations

import datetime as dt
import os
import subprocess

import pytest

from scripts.history.changes import describe_yaml
from scripts.pages.markdown_text import md_text

from .conftest import VALID_PROCEDURE, pages

PROC = "procedures/shili/shili-guicheng.yml"
PAGE = "docs/shili/shili-guicheng.md"


class Repo:
    """临时项目上的 git 仓库：commit() 用给定的日期提交全部改动。"""

    def __init__(self, tree):
        self.tree = tree
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.invalid",
               "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
        env.update(getattr(self, "_dates", {}))
        return subprocess.run(["git", "-C", str(self.tree.root), *args], check=True, capture_output=True,
                              text=True, env=env).stdout.strip()

    def commit(self, day: str, message: str) -> str:
        self._dates = {"GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00"}
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tree):
    tree.write(PAGE, "# 登记来访\n\n来访登记的说明。\n")
    r = Repo(tree)
    r.first = r.commit("2026-01-10", "Add the example procedure")
    return r


def label(sha: str, day: str) -> str:
    return f"{day.replace('-', '')}-{sha[:7]}"


def revisions(page: str) -> list[str]:
    section = page.split("## 修订记录", 1)[1]
    return [line for line in section.splitlines() if line.startswith("- ")]


def test_revisions_from_commits_with_and_without_trailer(repo, tree):
    tree.write(PROC, VALID_PROCEDURE.replace("时限: 当场", "时限: 当天"))
    second = repo.commit("2026-02-01", "Change the time limit")  # 没有“修订:”：由改动生成说明
    tree.write(PROC, VALID_PROCEDURE.replace("时限: 当场", "时限: 当天").replace(
        "每次来访都有登记", "每次来访都有登记并编号"))
    third = repo.commit("2026-03-01", "Points\n\n修订: 检查要点增加“编号”的要求")
    # 只改格式（缩进、引号、注释）和说明页的折行：不算修改
    tree.write(PROC, "# 注释\n" + VALID_PROCEDURE.replace("时限: 当场", '时限: "当天"').replace(
        "每次来访都有登记", "每次来访都有登记并编号"))
    tree.write(PAGE, "# 登记来访\n\n来访登记的\n说明。\n")
    repo.commit("2026-04-01", "Reformat")
    # 修订: 无 —— 改了内容也不进修订记录
    tree.write(PROC, "# 注释\n" + VALID_PROCEDURE.replace("时限: 当场", '时限: "当天"').replace(
        "每次来访都有登记", "每次来访都有登记并编号。"))
    repo.commit("2026-05-01", "Typo\n\n修订: 无")

    generated = pages(tree, dt.date(2026, 6, 1))
    expected = [
        f"- 2026年3月1日：检查要点增加“编号”的要求（版本 {label(third, '2026-03-01')}）",
        f"- 2026年2月1日：步骤“登记来访”的时限改为当天（版本 {label(second, '2026-02-01')}）",
        f"- 2026年1月10日：新增本规程（版本 {label(repo.first, '2026-01-10')}）",
    ]
    for uri in ("shili/shili-guicheng.md", "shili/checklists/shili-guicheng.md"):
        assert [md_unescape(line) for line in revisions(generated[uri])] == expected, uri
        assert generated[uri].rstrip().endswith("全部规程的修改按版本列在[更新说明](../gengxin.md)。"
                                                if "checklists" not in uri else
                                                "全部规程的修改按版本列在[更新说明](../../gengxin.md)。")


def test_changes_page_lists_versions_newest_first(repo, tree):
    tree.write("procedures/shili/dier.yml", VALID_PROCEDURE.replace("shili-guicheng", "dier").replace(
        "示例规程：登记来访", "第二项规程"))
    added = repo.commit("2026-02-01", "Add a second procedure")
    tree.write(PROC, VALID_PROCEDURE.replace("状态: 现行", "状态: 已废止"))
    retired = repo.commit("2026-03-01", "Retire")
    tree.write("procedures/_time_limits.yml", (tree.root / "procedures/_time_limits.yml").read_text(
        encoding="utf-8").replace("天数: 15", "天数: 10"))
    tree.write("procedures/shili/dier.yml", VALID_PROCEDURE.replace("shili-guicheng", "dier").replace(
        "示例规程：登记来访", "第二项规程").replace("    时限: 当场\n", "    法定时限: shili-shouli\n"))
    limits = repo.commit("2026-04-01", "Use the legal time limit")

    text = md_unescape(pages(tree, dt.date(2026, 6, 1))["gengxin.md"])
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {label(limits, '2026-04-01')}（2026年4月1日）",
                        f"## {label(retired, '2026-03-01')}（2026年3月1日）",
                        f"## {label(added, '2026-02-01')}（2026年2月1日）",
                        f"## {label(repo.first, '2026-01-10')}（2026年1月10日）"]
    sections = dict(zip(headings, text.split("\n## ")[1:], strict=True))
    assert ("**时限有变化**\n\n- [第二项规程](shili/checklists/dier.md)："  # 没有说明页的规程链接到清单
            "法定时限改为自收到之日起10日内；步骤“登记来访”改用法定时限\n") in sections[headings[0]]
    assert "**废止**\n\n- [示例规程：登记来访](shili/shili-guicheng.md)：状态改为已废止" in sections[headings[1]]
    assert "**新增**\n\n- [第二项规程](shili/checklists/dier.md)" in sections[headings[2]]
    assert "search:\n  exclude: true" in text  # 只是标题列表，不进搜索索引


def test_time_limit_register_change_counts_for_procedures_that_use_it(repo, tree):
    tree.write(PROC, VALID_PROCEDURE.replace("    时限: 当场\n", "    法定时限: shili-shouli\n"))
    repo.commit("2026-02-01", "Use the register")
    tree.write("procedures/_time_limits.yml", (tree.root / "procedures/_time_limits.yml").read_text(
        encoding="utf-8").replace("天数: 15", "天数: 10"))
    change = repo.commit("2026-03-01", "Shorter limit")
    generated = pages(tree, dt.date(2026, 6, 1))
    assert md_unescape(revisions(generated["shili/shili-guicheng.md"])[0]) == (
        f"- 2026年3月1日：法定时限改为自收到之日起10日内（版本 {label(change, '2026-03-01')}）")
    assert "**时限有变化**\n\n- [示例规程：登记来访](shili/shili-guicheng.md)：法定时限改为自收到之日起10日内" in \
        md_unescape(generated["gengxin.md"])


def test_trailer_text_is_data(repo, tree):
    tree.write(PROC, VALID_PROCEDURE.replace("时限: 当场", "时限: 当天"))
    repo.commit("2026-02-01", "x\n\n修订: [点这里](javascript:alert(1)) <b>{: onclick=x }</b>")
    line = revisions(pages(tree)["shili/shili-guicheng.md"])[0]
    assert "\\[点这里\\]\\(javascript\\:alert\\(1\\)\\)" in line
    assert "&lt;b&gt;\\{\\: onclick=x \\}&lt;/b&gt;" in line


def test_without_git_the_pages_say_so(tree):
    generated = pages(tree)
    assert "构建时没有 git 历史，列不出修订记录" in generated["shili/checklists/shili-guicheng.md"]
    assert "构建时没有 git 历史，列不出更新说明" in generated["gengxin.md"]


def test_reformatting_yaml_is_not_a_change():
    old = {"标题": "甲", "步骤": [{"编号": "a", "名称": "第一步", "时限": "当场"}], "上次复核": "2026-01-01"}
    assert describe_yaml(old, {**old, "上次复核": "2027-01-01"}) == ([], False)
    new = {**old, "步骤": [{"编号": "a", "名称": "第一步", "时限": "当天"}, {"编号": "b", "名称": "第二步"}]}
    assert describe_yaml(old, new) == (["步骤“第一步”的时限改为当天", "新增步骤“第二步”"], True)


def test_review_due_page_lists_overdue_and_soon_due(tree):
    tree.write("procedures/shili/dier.yml", VALID_PROCEDURE.replace("shili-guicheng", "dier").replace(
        "示例规程：登记来访", "第二项规程").replace("上次复核: 2026-01-15", "上次复核: 2025-12-01"))
    # 第二项 2026-12-01 到期（已过期），示例规程 2027-01-15 到期（还有 30 天）
    page = pages(tree, dt.date(2026, 12, 16))["weihu/daifuhe.md"]
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert len(rows) == 2
    assert rows[0].startswith("| [第二项规程]") and "**已过期 15 天**" in rows[0]
    assert rows[1].startswith("| [示例规程：登记来访]") and "还有 30 天" in rows[1]
    assert "search:\n  exclude: true" in page
    assert pages(tree, dt.date(2026, 6, 1))["weihu/daifuhe.md"].count("| [") == 0


def test_review_due_page_is_not_in_the_reader_nav(tree):
    from scripts.pages.navigation import build_nav
    from scripts.pipeline import load_catalog

    nav = repr(build_nav(load_catalog(tree.root)))
    assert "weihu/daifuhe.md" not in nav and "'更新说明': 'gengxin.md'" in nav


@pytest.mark.parametrize(("ci", "codes"), [("true", ["L032"]), ("", [])])
def test_ci_warns_thirty_days_ahead(tree, monkeypatch, ci, codes):
    from scripts.lint import lint

    monkeypatch.setenv("CI", ci)
    source = tree.root / PROC  # 2027-01-15 到期
    assert [p.code for p in lint(tree.root, [source], today=dt.date(2026, 12, 16), markdown_style=False).problems] \
        == codes
    assert lint(tree.root, [source], today=dt.date(2026, 12, 15), markdown_style=False).problems == []
    result = lint(tree.root, [source], today=dt.date(2027, 1, 16), markdown_style=False)
    assert [p.code for p in result.problems] == ["L014"] and result.errors == []


def test_md_text_escapes_markdown_and_html():
    assert str(md_text("a*b* <i>[x](y)")) == "a\\*b\\* &lt;i&gt;\\[x\\]\\(y\\)"


def md_unescape(text: str) -> str:
    """去掉 md_text 加的反斜杠，便于比较。"""
    import re

    return re.sub(r"\\(.)", r"\1", text)


def test_a_hostile_version_in_history_is_read_with_the_guarded_loader(repo, tree):
    """只活在 git 历史里的别名炸弹：修订记录读它时用构建的安全读取，很快读完，不会耗尽内存。"""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    tree.write(PROC, bomb)
    repo.commit("2026-02-01", "Bomb")
    tree.write(PROC, VALID_PROCEDURE)  # 现在的版本是正常的
    repo.commit("2026-03-01", "Fix")
    generated = pages(tree, dt.date(2026, 6, 1))  # 用不安全的读取时这里要展开 10^9 个节点
    assert "## 修订记录" in generated["shili/checklists/shili-guicheng.md"]
