"""一步换上新站点：构建或发布在任何一步被 SIGKILL，留下的都是完整的旧站点（或完整的新站点）；
下次运行清理留下的临时目录；两次构建排队进行。

真正的 MkDocs 构建换成一个很快的假构建（写几个文件），被测的是换目录的每一步。
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from scripts import ROOT
from scripts.site import swap

# 子进程：用假构建跑 build_site 或 publish；KILL_AT 指定在哪一步把自己 SIGKILL。
CHILD = textwrap.dedent('''
    import os, signal, sys, time
    from pathlib import Path
    from scripts.site import site_build, swap, publish

    root, target, version, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    steps = []

    def step(name):
        steps.append(name)
        if name == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def fake_build(config_file, site_dir, catalog):
        for i in range(20):
            (site_dir / f"page{i}.html").write_text(version, encoding="utf-8")
            if i == 10:
                step("building")
        (site_dir / "index.html").write_text(version, encoding="utf-8")
        time.sleep(float(os.environ.get("FAKE_BUILD_SECONDS", "0")))
        return 0

    site_build._properdocs_build = fake_build
    site_build.pipeline.postprocess = lambda *args, **kwargs: None
    if os.environ.get("NO_RENAMEAT2"):
        swap._renameat2 = lambda: None

    exchange, remove, rename, symlink_switch = swap.exchange, swap._remove, Path.rename, publish._switch

    def exchange_(new, old):
        step("before-exchange")
        result = exchange(new, old)
        step("after-exchange")
        return result

    def rename_(self, other):
        result = rename(self, other)
        if Path(other).name.startswith(".site-old-"):
            step("between-renames")
        return result

    def switch_(link, target):
        step("before-switch")
        symlink_switch(link, target)
        step("after-switch")

    site_build.replace = lambda new, old: (lambda r: r and swap._remove(r))(exchange_(new, old))
    Path.rename = rename_
    publish._switch = switch_
    publish.exchange = exchange
    if os.environ.get("PUBLISH"):
        def bundle(root, dist):
            dist.mkdir(parents=True, exist_ok=True)
            import zipfile
            with zipfile.ZipFile(dist / "bundle.zip", "w") as bundle_zip:  # 一个真的（很小的）离线包
                bundle_zip.writestr("version.txt", version)
            return dist / "bundle.zip"
        publish.build_bundle = bundle
        publish.write_nginx_include = lambda site, out: out.write_text(version) or None
        publish.build_site = lambda root, site, lint: site_build.build_site(root, site, in_process=True, lint=False)
        publish.publish(root, target, root / "dist")
    else:
        site_build.build_site(root, target, in_process=True, lint=False)
    print(" ".join(steps))
''')


def run(tree, target: Path, version: str, kill_at: str = "", **env: str) -> subprocess.CompletedProcess:
    for name in ("site.conf", "headers.conf"):  # 发布要复制的 nginx 配置
        tree.write(f"deploy/nginx/{name}", (ROOT / "deploy/nginx" / name).read_text(encoding="utf-8"))
    return subprocess.run([sys.executable, "-c", CHILD, str(tree.root), str(target), version, kill_at],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, **env})


def complete(site: Path) -> str:
    """站点完整时返回它的版本；不完整（缺页、混了两个版本）时断言失败。"""
    versions = {p.read_text(encoding="utf-8") for p in site.iterdir() if p.suffix == ".html"}
    assert len(versions) == 1 and len(list(site.glob("*.html"))) == 21, sorted(p.name for p in site.iterdir())
    return versions.pop()


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site"))


STEPS = ["building", "before-exchange", "after-exchange"]


@pytest.mark.parametrize("renameat2", [True, False], ids=["renameat2", "two-renames"])
@pytest.mark.parametrize("kill_at", STEPS + ["between-renames"])
def test_a_killed_build_leaves_a_complete_site(tree, kill_at, renameat2):
    if renameat2 and kill_at == "between-renames":
        pytest.skip("有 renameat2 时只有一步")
    if renameat2 and swap._renameat2() is None:
        pytest.skip("这台机器没有 renameat2")
    env = {} if renameat2 else {"NO_RENAMEAT2": "1"}
    site = tree.root / "site"
    assert run(tree, site, "旧", **env).returncode == 0
    killed = run(tree, site, "新", kill_at, **env)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if kill_at in ("building", "before-exchange"):
        assert complete(site) == "旧"
    elif kill_at == "after-exchange":
        assert complete(site) == "新"
    else:  # 两次改名之间：site/ 暂时不在，下次构建先把旧站点放回去
        assert not site.exists()
        swap.clean_leftovers(site)
        assert complete(site) == "旧"
    # 下一次构建清理留下的临时目录
    assert run(tree, site, "再新", **env).returncode == 0
    assert complete(site) == "再新" and leftovers(tree.root) == []


def test_two_builds_in_one_tree_wait_for_each_other(tree):
    site = tree.root / "site"
    env = {**os.environ, "FAKE_BUILD_SECONDS": "1.5"}
    started = time.monotonic()
    children = [subprocess.Popen([sys.executable, "-c", CHILD, str(tree.root), str(site), v, ""], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for v in ("甲", "乙")]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    assert time.monotonic() - started >= 3  # 排队：一次构建的时间加上另一次
    assert complete(site) in ("甲", "乙") and leftovers(tree.root) == []


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    new, old = tmp_path / "new", tmp_path / "site"
    new.mkdir(), old.mkdir()
    (new / "a").write_text("新"), (old / "a").write_text("旧")
    retired = swap.exchange(new, old)
    assert (old / "a").read_text() == "新" and (retired / "a").read_text() == "旧"


@pytest.mark.parametrize("kill_at", ["building", "before-switch", "after-switch"])
def test_a_killed_publish_leaves_site_and_nginx_of_one_version(tree, tmp_path, kill_at):
    dest = tmp_path / "srv"
    assert run(tree, dest, "v1", PUBLISH="1").returncode == 0
    killed = run(tree, dest, "v2", kill_at, PUBLISH="1")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    expected = "v2" if kill_at == "after-switch" else "v1"
    assert (dest / "site" / "index.html").read_text() == expected
    assert (dest / "nginx" / "csp.conf").read_text() == expected  # 配置与站点总是同一个版本
    assert run(tree, dest, "v3", PUBLISH="1").returncode == 0
    assert (dest / "site" / "index.html").read_text() == (dest / "nginx" / "csp.conf").read_text() == "v3"
    assert [p.name for p in (dest / "releases").iterdir()] == [os.readlink(dest / "current").split("/")[-1]]
    assert sorted(p.name for p in dest.iterdir()) == [".lock-current", "current", "nginx", "releases", "site"]


def test_publish_turns_an_old_style_destination_into_links(tree, tmp_path):
    dest = tmp_path / "srv"
    for name in ("site", "nginx"):
        (dest / name).mkdir(parents=True)
        (dest / name / "old.txt").write_text("旧的发布方式")
    assert run(tree, dest, "v1", PUBLISH="1").returncode == 0
    assert (dest / "site").is_symlink() and (dest / "nginx").is_symlink()
    assert (dest / "site" / "index.html").read_text() == "v1" and not (dest / "site" / "old.txt").exists()
