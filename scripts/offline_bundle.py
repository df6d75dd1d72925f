"""离线包：用 mkdocs.offline.yml 严格构建，再打成一个 zip，解压后双击 index.html 即可使用。

zip 的结构：
    使用说明.txt
    gongzuo-guicheng-shouce/index.html …
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .site_build import build_site

NAME = "gongzuo-guicheng-shouce"
CONFIG = "mkdocs.offline.yml"
README = "使用说明.txt"


def version(root: Path, today: dt.date) -> str:
    """版本号：git 描述（标签或提交号）加构建日期；没有 git 历史时只用日期。"""
    try:
        described = subprocess.run(
            ["git", "describe", "--tags", "--always", "--dirty"], cwd=root,
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        described = ""
    stamp = today.strftime("%Y%m%d")
    return f"{described}-{stamp}" if described else stamp


def build_bundle(root: Path, dist: Path, today: dt.date | None = None) -> Path:
    """构建离线站点并打包，返回 zip 的路径。构建失败时不产生 zip。"""
    today = today or dt.date.today()
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{NAME}-offline-{version(root, today)}.zip"
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=dist) as work:
        site = build_site(root, Path(work) / NAME, config_file=CONFIG)
        partial = Path(work) / "bundle.zip"
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
            # 使用说明带 BOM，老版本的 Windows 记事本也能正确显示中文。
            text = (root / "offline" / README).read_text(encoding="utf-8")
            bundle.writestr(README, "\ufeff" + text.replace("\n", "\r\n"))
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    bundle.write(path, f"{NAME}/{path.relative_to(site).as_posix()}")
        partial.replace(target)
    return target
