"""构建的缓存放在一个只属于当前用户的文件夹里：<临时目录>/gongzuo-guicheng-<uid>/，权限 0700。

共用服务器上，固定名字的临时文件会被别人抢先建好：第二个用户的构建因为没有权限而失败，
或者读进别人放好的“缓存”，改掉发布出去的术语锚点和搜索索引。所以：

- 文件夹不存在时以 0700 新建；已存在时必须是本用户所有、不是符号链接、别人不能读写，
  权限不对时改回 0700，属于别人时不用它，改用本进程自己的随机文件夹（退出时删除）；
- 拼音、jieba 用户词典、Jinja 模板字节码和 jieba 自己的 jieba.cache 都放在这里；
- 读缓存时任何读不了或格式不对的内容都当作没有缓存，重新计算。
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)
PREFIX = "gongzuo-guicheng"
_fallback: Path | None = None  # 私有文件夹不可用时，本进程自己的文件夹


def cache_dir() -> Path:
    """本用户的私有缓存文件夹。每次都检查（只是一次 lstat）：文件夹在构建中途被删掉时重新建立。"""
    if _fallback is not None:
        return _fallback
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"{PREFIX}-{uid}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as err:
        return _use_fallback(f"不能建立 {folder}（{err}）")
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid):
        return _use_fallback(f"{folder} 不是本用户的文件夹")
    if stat.S_IMODE(info.st_mode) & 0o077:
        folder.chmod(0o700)
    return folder


def subfolder(name: str) -> Path:
    path = cache_dir() / name
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _use_fallback(reason: str) -> Path:
    """私有文件夹不可用：本进程用一个随机名字的 0700 文件夹，退出时删除。"""
    global _fallback
    _fallback = Path(tempfile.mkdtemp(prefix=f"{PREFIX}-"))
    atexit.register(shutil.rmtree, _fallback, ignore_errors=True)
    log.warning(f"缓存：{reason}，这次改用 {_fallback}（不保留）")
    return _fallback


def use_for_jieba() -> None:
    """让 jieba 把它的 jieba.cache 写进私有文件夹，而不是临时目录里的固定名字。"""
    try:
        import jieba
    except ImportError:
        return
    jieba.dt.tmp_dir = str(cache_dir())
