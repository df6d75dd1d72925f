"""版本（scripts/history/version.py）：取自 git，没有 git 时写明；检查更新的地址只接受普通的 http(s) 网址。"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from scripts import ROOT
from scripts.history.version import UNKNOWN, describe, latest_url

from .test_changes import Repo

SHAPE = re.compile(r"\d{8}-[0-9a-f]{7}(-dirty)?|v[\w.-]+")


def test_version_of_this_repository_has_the_documented_shape():
    version = describe(ROOT)
    assert SHAPE.fullmatch(version.label), version.label
    assert re.fullmatch(r".+（\d{4}年\d{1,2}月\d{1,2}日构建）", version.text)


def test_commit_date_and_short_hash_then_tag_then_dirty(tree, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = Repo(tree)
    sha = repo.commit("2026-03-05", "first")
    version = describe(tree.root)
    assert (version.label, version.commit) == (f"20260305-{sha[:7]}", sha)
    assert version.date == dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()  # 构建日期：今天
    repo.git("tag", "v2026.3")
    assert describe(tree.root).label == "v2026.3"
    tree.write("docs/index.md", "# 改了\n")
    assert describe(tree.root).label == "v2026.3-dirty"


def test_source_date_epoch_fixes_the_build_date(tree, monkeypatch):
    Repo(tree).commit("2026-03-05", "first")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 08:00 北京时间
    assert describe(tree.root).date == dt.date(2026, 1, 1)


def test_without_git_the_version_says_so(tree, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # 连 git 都没有
    version = describe(tree.root)
    assert version.label == UNKNOWN and not version.known
    assert version.file_label.startswith("unknown-")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://a/b\" onload=x", "https://a/b c", "ftp://a/b",
                                 "https://a/x;script-src *", "https://a/x'"])
def test_update_url_must_be_a_plain_web_address(url):
    with pytest.raises(ValueError):
        latest_url(None, url)


def test_update_url_defaults_to_the_site_and_is_off_without_one():
    assert latest_url("https://example.org/shouce/", None) == "https://example.org/shouce/download/latest.json"
    assert latest_url("https://example.org/shouce/", "http://127.0.0.1:9/x.json") == "http://127.0.0.1:9/x.json"
    assert latest_url(None, None) is None
