"""一步换上新目录：site/ 和发布目录在任何一刻都是完整的旧版本或完整的新版本。

- exchange()：Linux 上用 renameat2(RENAME_EXCHANGE) 把新旧两个目录一次对调，再删除换下来的旧目录；
  不支持时（别的系统、个别文件系统）退回两次改名，换下来的目录用不重复的名字，中间被中止时下次运行会把它放回去。
- locked()：同一个目录旁的两次构建（或发布）用 flock 排队，一个做完另一个再开始，不会互相踩到临时目录。
- staging_dir()：在 target 旁建构建用的临时目录（.site-building-*）；clean_leftovers()：被强行中止的构建
  留下的 .site-building-*、.site-old-* 在下次运行时删除。
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import functools
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


@functools.cache
def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):  # glibc 2.28 之前没有 renameat2
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def exchange(new: Path, target: Path) -> Path | None:
    """让 new 成为 target，一步完成。返回换下来的旧目录（调用方删除），target 原来不存在时返回 None。"""
    if not os.path.lexists(target):
        new.rename(target)
        return None
    function = _renameat2()
    if function is not None:
        if function(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(target), RENAME_EXCHANGE) == 0:
            return new  # 对调后 new 这个名字下是旧内容
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(target))
    retired = target.with_name(f".{target.name}-old-{secrets.token_hex(4)}")
    target.rename(retired)
    new.rename(target)
    return retired


def replace(new: Path, target: Path) -> None:
    """exchange() 后删除换下来的旧目录。"""
    retired = exchange(new, target)
    if retired is not None:
        _remove(retired)


def staging_dir(target: Path) -> Path:
    """target 旁的一个新的临时目录，构建在这里进行，成功后用 replace() 换上。

    mkdtemp 建的目录只有自己能读；站点要让 web 服务器（如 nginx 的 www-data）也能读，所以改成 0755。"""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    staging.chmod(0o755)
    return staging


def clean_leftovers(target: Path) -> None:
    """删除被中止的运行留下的临时目录；target 不见了而换下来的旧目录还在时（两次改名之间被中止），先放回去。"""
    parent = target.parent
    if not parent.is_dir():
        return
    retired = sorted(parent.glob(f".{target.name}-old-*"), key=lambda p: p.stat().st_mtime)
    if retired and not os.path.lexists(target):
        retired.pop().rename(target)
    for leftover in [*retired, *parent.glob(f".{target.name}-building-*")]:
        _remove(leftover)


@contextlib.contextmanager
def locked(target: Path) -> Iterator[None]:
    """在 target 旁的锁文件（.lock-<名字>）上排队：同一时刻只有一次构建或发布在换这个目录。"""
    try:
        import fcntl
    except ImportError:  # Windows：不排队
        yield
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(f".lock-{target.name}"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)
