"""发布到内网服务器：make publish DEST=/srv/gongzuo-guicheng（即 python -m scripts publish --dest …）。

一次完成：严格构建站点、构建离线包、按站点生成内容安全策略，放进一个新的发布版本，
然后把 DEST/current 这个符号链接一步切换过去（站点和 nginx 配置同时换，swap.py）：

    DEST/current -> releases/<版本>    唯一会变的链接
    DEST/site    -> current/site       nginx 的 root（固定的链接，第一次发布时建立）
    DEST/nginx   -> current/nginx      /etc/nginx/gongzuo-guicheng 指向它
    DEST/releases/<版本>/site/download/latest.zip  最新的离线包，网址固定为 /download/latest.zip
    DEST/releases/<版本>/site/download/latest.json 它的版本、日期、大小和 SHA-256（离线包据此检查更新）
    DEST/releases/<版本>/nginx/site.conf、headers.conf（deploy/nginx/ 的副本）、csp.conf（这次构建生成）

任何一步失败、或在任何一刻被中止时，DEST 都是完整的旧版本或完整的新版本；两次发布排队进行；
被中止的发布留下的临时目录、旧版本在下次发布时删除。nginx 的配置要重载才生效：nginx/ 有变化时会提示。
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.site.csp import Scan, write_nginx_include
from scripts.site.offline_bundle import build_bundle, read_version
from scripts.site.site_build import build_site
from scripts.site.swap import exchange, locked

NGINX_FILES = ("site.conf", "headers.conf")
LATEST = Path("download") / "latest.zip"
LATEST_JSON = Path("download") / "latest.json"


@dataclass
class Published:
    site: Path
    nginx: Path
    bundle: Path
    scan: Scan
    nginx_changed: bool


def publish(root: Path, dest: Path, dist: Path) -> Published:
    """构建并发布到 dest，返回发布结果。"""
    dest = dest.resolve()
    dest.mkdir(parents=True, exist_ok=True)
    bundle = build_bundle(root, dist)
    releases = dest / "releases"
    with locked(dest / "current"):
        _clean(dest)
        releases.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".building-", dir=releases))
        staging.chmod(0o755)
        try:
            site = build_site(root, staging / "site", lint=True)  # 与 make build 一样：编辑检查有错误就不发布
            (staging / ".lock-site").unlink(missing_ok=True)
            place_bundle(site, bundle)
            nginx = staging / "nginx"
            nginx.mkdir()
            nginx.chmod(0o755)
            for name in NGINX_FILES:
                shutil.copyfile(root / "deploy" / "nginx" / name, nginx / name)
            scan = write_nginx_include(site, nginx / "csp.conf")
            changed = not _same_files(nginx, dest / "nginx")
            release = releases / f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
            staging.rename(release)
            _switch(dest / "current", Path("releases") / release.name)  # 唯一的一步：读者从这一刻起看到新版本
            for name in ("site", "nginx"):
                _link(dest / name, Path("current") / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _clean(dest)
    return Published(dest / "site", dest / "nginx", bundle, scan, changed)


def place_bundle(site: Path, bundle: Path) -> dict:
    """把离线包放到 site/download/latest.zip，并写出 latest.json：版本、日期、大小、SHA-256。

    离线包联网时取 latest.json 比较版本（overrides/assets/update_check.js）；读者也可以用
    sha256sum 核对下载的文件。返回写出的内容。
    """
    target = site / LATEST
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundle, target)
    data = bundle_facts(target)
    (site / LATEST_JSON).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return data


def bundle_facts(bundle: Path) -> dict:
    """latest.json 的内容：版本和日期取自 zip 的注释（offline_bundle.py 写入），大小和 SHA-256 按文件计算。"""
    digest = hashlib.sha256()
    with bundle.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    stamp = read_version(bundle)
    return {"version": stamp.get("version", ""), "date": stamp.get("date", ""), "file": LATEST.name,
            "size": bundle.stat().st_size, "sha256": digest.hexdigest()}


def _switch(link: Path, target: Path) -> None:
    """把符号链接 link 改指 target：先建好新链接，再改名盖过旧的（rename 是原子的）。"""
    fresh = link.with_name(f".{link.name}-{secrets.token_hex(4)}")
    fresh.symlink_to(target, target_is_directory=True)
    os.replace(fresh, link)


def _link(path: Path, target: Path) -> None:
    """DEST/site、DEST/nginx 是指向 current/ 里面的固定链接。旧的发布方式留下的真实目录一步对调成链接后删除。"""
    if path.is_symlink() and os.readlink(path) == str(target):
        return
    fresh = path.with_name(f".{path.name}-{secrets.token_hex(4)}")
    fresh.symlink_to(target, target_is_directory=True)
    if path.is_symlink() or not os.path.lexists(path):
        os.replace(fresh, path)
        return
    retired = exchange(fresh, path)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def _clean(dest: Path) -> None:
    """删除被中止的发布留下的临时目录和链接，以及 current 以外的旧版本。"""
    current = os.path.realpath(dest / "current") if (dest / "current").is_symlink() else None
    for leftover in dest.glob(".current-*"):
        leftover.unlink(missing_ok=True)
    for leftover in dest.glob(".publish-*"):  # 旧的发布方式留下的临时目录
        shutil.rmtree(leftover, ignore_errors=True)
    for name in ("site", "nginx"):
        for leftover in dest.glob(f".{name}-*"):
            leftover.unlink() if leftover.is_symlink() else shutil.rmtree(leftover, ignore_errors=True)
    for release in (dest / "releases").glob("*"):
        if str(release) != current:
            shutil.rmtree(release, ignore_errors=True)


def _same_files(new: Path, old: Path) -> bool:
    names = sorted(p.name for p in new.iterdir())
    if not old.is_dir() or sorted(p.name for p in old.iterdir()) != names:
        return False
    return all((new / name).read_bytes() == (old / name).read_bytes() for name in names)
