"""构建的缓存只放在本用户 0700 的私有文件夹里；别人抢先建的、权限不对的、内容坏了的都不用。"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile

import pytest

from scripts import ROOT
from scripts.content import pinyin
from scripts.site import private_cache


@pytest.fixture
def tmpdir_(tmp_path, monkeypatch):
    """换一个干净的临时目录，并忘掉本进程已经选好的缓存文件夹。"""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(private_cache, "_fallback", None)
    return folder


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_the_folder_is_private_and_owned(tmpdir_):
    folder = private_cache.cache_dir()
    assert folder.parent == tmpdir_ and folder.name == f"gongzuo-guicheng-{os.getuid()}"
    assert mode(folder) == 0o700 and os.lstat(folder).st_uid == os.getuid()
    folder.rmdir()  # 构建中途被删掉：下一次用到时重新建立
    assert private_cache.cache_dir() == folder and mode(folder) == 0o700


def test_a_too_open_folder_is_closed(tmpdir_):
    folder = tmpdir_ / f"gongzuo-guicheng-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert private_cache.cache_dir() == folder and mode(folder) == 0o700


@pytest.mark.parametrize("planted", ["symlink", "file", "other-owner"])
def test_a_planted_folder_is_not_used(tmpdir_, tmp_path, planted):
    folder = tmpdir_ / f"gongzuo-guicheng-{os.getuid()}"
    if planted == "symlink":
        (tmp_path / "attacker").mkdir()
        folder.symlink_to(tmp_path / "attacker")
    elif planted == "file":
        folder.write_text("x")
    else:
        if os.getuid() != 0:
            pytest.skip("只有 root 能把文件夹交给别的用户")
        folder.mkdir(mode=0o700)
        os.chown(folder, 12345, 12345)
    chosen = private_cache.cache_dir()
    assert chosen != folder and chosen.parent == tmpdir_ and mode(chosen) == 0o700
    assert os.lstat(chosen).st_uid == os.getuid()


@pytest.mark.parametrize("content", ["不是 JSON", '{"五环节": 1}', '{"五环节": [["x"], 2]}', "[]"])
def test_a_malformed_pinyin_cache_is_a_miss(tmpdir_, monkeypatch, content):
    monkeypatch.setattr(pinyin, "_known", {})
    pinyin._cache_file.cache_clear()
    pinyin._cache_file().write_text(content, encoding="utf-8")
    assert pinyin.readings(["五环节"]) == {"五环节": (["wu3", "huan2", "jie2"], ["wu", "huan", "jie"])}
    assert json.loads(pinyin._cache_file().read_text(encoding="utf-8"))["五环节"][1] == ["wu", "huan", "jie"]
    pinyin._cache_file.cache_clear()


@pytest.mark.slow
def test_a_build_leaves_nothing_in_tmpdir_outside_the_private_folder(tree, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "NO_MKDOCS_2_WARNING": "1"}
    for _ in range(2):  # 第一次写缓存，第二次读缓存
        result = subprocess.run([sys.executable, "-m", "scripts", "--root", str(tree.root), "build"],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert [p.name for p in tmp.iterdir()] == [f"gongzuo-guicheng-{os.getuid()}"]
    folder = tmp / f"gongzuo-guicheng-{os.getuid()}"
    assert mode(folder) == 0o700
    names = {p.name for p in folder.iterdir()}
    assert "jieba.cache" in names and "jinja" in names
    assert any(n.startswith("glossary-pinyin-") for n in names) and any(n.startswith("glossary-jieba-") for n in names)
