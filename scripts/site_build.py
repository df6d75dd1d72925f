"""原子化构建：先在临时目录里完整构建，成功后再替换 site/。

构建失败时临时目录被删除，原来的 site/ 原封不动：不会留下写了一半或被清空的站点。
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .catalog import load_catalog

log = logging.getLogger(__name__)


class BuildFailed(Exception):
    pass


def build_site(root: Path, site_dir: Path, config_file: str = "mkdocs.yml") -> Path:
    """严格模式构建到 site_dir。先校验 procedures/，有错误就不开始构建。"""
    load_catalog(root)  # 有错误时抛出 ProblemsFound，列出全部问题
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp 建的目录只有自己能读；站点要让 web 服务器（如 nginx 的 www-data）也能读
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict",
             "--config-file", str(root / config_file), "--site-dir", str(staging)],
            cwd=root,
            env=_quiet_env(),
        )
        if result.returncode != 0:
            raise BuildFailed(f"MkDocs 严格构建失败（退出码 {result.returncode}），{site_dir.name}/ 保持原样")
        _replace(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return site_dir


def _replace(new: Path, target: Path) -> None:
    """用 new 替换 target：两次改名，中间任何一刻 target 要么是旧站点，要么是新站点。"""
    if target.exists():
        retired = target.with_name(f".{target.name}-old")
        if retired.exists():
            shutil.rmtree(retired)
        target.rename(retired)
        new.rename(target)
        shutil.rmtree(retired)
    else:
        new.rename(target)


def _quiet_env() -> dict[str, str]:
    import os

    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
