"""发布到内网服务器：make publish DEST=/srv/gongzuo-guicheng（即 python -m scripts publish --dest …）。

一次完成：严格构建站点、构建离线包、按站点生成内容安全策略，然后整体替换 DEST 下的内容：

    DEST/site/                     nginx 的 root
    DEST/site/download/latest.zip  最新的离线包，网址固定为 /download/latest.zip
    DEST/nginx/site.conf           站点规则（deploy/nginx/site.conf 的副本）
    DEST/nginx/headers.conf        安全响应头（deploy/nginx/headers.conf 的副本）
    DEST/nginx/csp.conf            按这次构建的内联脚本生成的 Content-Security-Policy

/etc/nginx/gongzuo-guicheng 是指向 DEST/nginx 的符号链接（一次性设置，见 deploy/nginx/README.md）。
任何一步失败时 DEST 保持原样。nginx 的配置要重载才生效：DEST/nginx 有变化时会提示。
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .csp import Scan, write_nginx_include
from .offline_bundle import build_bundle
from .site_build import _replace, build_site

NGINX_FILES = ("site.conf", "headers.conf")
LATEST = Path("download") / "latest.zip"


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
    staging = Path(tempfile.mkdtemp(prefix=".publish-", dir=dest))
    try:
        site = build_site(root, staging / "site", lint=True)  # 与 make build 一样：编辑检查有错误就不发布
        (site / LATEST).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bundle, site / LATEST)
        nginx = staging / "nginx"
        nginx.mkdir()
        nginx.chmod(0o755)
        for name in NGINX_FILES:
            shutil.copyfile(root / "deploy" / "nginx" / name, nginx / name)
        scan = write_nginx_include(site, nginx / "csp.conf")
        changed = not _same_files(nginx, dest / "nginx")
        _replace(nginx, dest / "nginx")
        _replace(site, dest / "site")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Published(dest / "site", dest / "nginx", bundle, scan, changed)


def _same_files(new: Path, old: Path) -> bool:
    names = sorted(p.name for p in new.iterdir())
    if not old.is_dir() or sorted(p.name for p in old.iterdir()) != names:
        return False
    return all((new / name).read_bytes() == (old / name).read_bytes() for name in names)
