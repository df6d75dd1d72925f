"""只读仓库里的普通文件：docs/ 和 procedures/ 中的符号链接、设备、管道和仓库之外的文件一律拒绝。

编辑是投稿人，不是管理员。`docs/assets/x.txt → /etc/passwd` 这样的链接会把构建机器上的文件发布出去，
指向 /proc/self/environ 的会发布构建的环境变量（在 CI 中是 runner 的）。所以读取目录（load_catalog，
构建、预览和 make check 都从它开始）和编辑检查之前，先用 tree_problems() 把两个文件夹查一遍；
读单个文件时 read_regular() 再确认一次（不跟随符号链接，不在管道上等待）。
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from scripts.problems import ManualError, Problem

SOURCE_DIRS = ("docs", "procedures")
HINT = "从拉取请求中删除它，把内容作为普通文件提交到仓库里"


class RefusedFile(ManualError):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def tree_problems(root: Path) -> list[Problem]:
    """docs/ 和 procedures/ 中每一个不能读的条目（不跟随符号链接进入别处）。"""
    root = Path(os.path.realpath(root))
    problems = []
    for folder in SOURCE_DIRS:
        top = root / folder
        if not os.path.lexists(top):
            continue
        found = _refusal(top, root)
        if found:
            problems.append(found)
            continue
        for current, dirs, files in os.walk(top):  # os.walk 默认不进入指向目录的符号链接
            for name in sorted(dirs + files):
                found = _refusal(Path(current) / name, root)
                if found:
                    problems.append(found)
    return problems


def read_regular(path: Path, shown: str) -> bytes:
    """读取一个普通文件；是符号链接、设备或管道时抛出 RefusedFile。"""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        found = _refusal(Path(path), None, shown)
        if found:
            raise RefusedFile(found) from None
        raise
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise RefusedFile(_problem(shown, "不是普通文件（是设备、管道或套接字）"))
        return file.read()


def _refusal(path: Path, root: Path | None, shown: str | None = None) -> Problem | None:
    shown = shown or (path.relative_to(root).as_posix() if root else path.as_posix())
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return _problem(shown, f"是符号链接（指向 {os.readlink(path)}），构建只读仓库里的普通文件")
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return _problem(shown, "不是普通文件（是设备、管道或套接字），构建只读仓库里的普通文件")
    if root is not None and not Path(os.path.realpath(path)).is_relative_to(root):
        return _problem(shown, "位于仓库之外")
    return None


def _problem(shown: str, why: str) -> Problem:
    return Problem(shown, 1, 1, "F001", f"不能读取这个文件：它{why}", HINT)
