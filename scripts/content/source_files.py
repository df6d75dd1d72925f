"""只读仓库里的普通文件，而且只是编辑可以交的那几种：docs/ 和 procedures/ 是内容，其余是代码。

- 符号链接、设备、管道和仓库之外的文件一律拒绝（F001）。
- 白名单（F002）：docs/ 里只能有 Markdown 页面（.md）和被动的文件——图片（不含 SVG）、PDF、Office 文档、
  纯文字；procedures/ 里只能有 YAML、JSON Schema 和说明（.md）。脚本、样式、HTML、SVG、service worker……
  都是代码，由维护者放在 overrides/（主题覆盖和手册自己的脚本、样式），不经 docs/ 交进来。
  .markdown、.mkd 之类的页面也不收：构建会把它们当页面，编辑检查却只读 .md。
- 与主题文件同名的路径（F003）：docs/ 里的文件会盖掉主题的同名文件（例如 Material 的图标、或
  overrides/assets/checklist.js），所以一律拒绝。

编辑是投稿人，不是管理员。`docs/assets/x.txt → /etc/passwd` 这样的链接会把构建机器上的文件发布出去，
指向 /proc/self/environ 的会发布构建的环境变量（在 CI 中是 runner 的）。所以读取目录（load_catalog，
构建、预览和 make check 都从它开始）和编辑检查之前，先用 tree_problems() 把两个文件夹查一遍；
读单个文件时 read_regular() 再确认一次（不跟随符号链接，不在管道上等待）。
"""

from __future__ import annotations

import functools
import importlib.util
import os
import stat
from pathlib import Path

from scripts.problems import ManualError, Problem

SOURCE_DIRS = ("docs", "procedures")
HINT = "从拉取请求中删除它，把内容作为普通文件提交到仓库里"
# 编辑可以交的文件（扩展名，小写比较；页面只认 .md）
PASSIVE = {
    "docs": {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".txt", ".csv",
             ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp"},
    "procedures": {".yml", ".yaml", ".json"},
}
PAGE = ".md"
# 大小的上限（字节）：现在最大的页面约 14 KB、登记表约 45 KB；超过上限的多半是失误或攻击，报出文件名
LIMITS = {PAGE: 100_000, ".yml": 200_000, ".yaml": 200_000, ".json": 200_000}
PASSIVE_LIMIT = 20_000_000  # 一张图片或一份附件
FOLDER_LIMIT = 200_000_000  # docs/ 或 procedures/ 合计


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
        theme = theme_files(root) if folder == "docs" else set()
        total = 0
        for current, dirs, files in os.walk(top):  # os.walk 默认不进入指向目录的符号链接
            for name in sorted(dirs + files):
                path = Path(current) / name
                found = _refusal(path, root) or (_not_passive(path, top, folder, theme) if name in files else None)
                if found is None and name in files:
                    size = os.lstat(path).st_size
                    total += size
                    found = _too_large(path, top, folder, size)
                if found:
                    problems.append(found)
        if total > FOLDER_LIMIT:
            problems.append(Problem(folder, 1, 1, "F004", f"{folder}/ 合计 {total // 1_000_000} MB，超过上限 "
                                    f"{FOLDER_LIMIT // 1_000_000} MB", "大的附件不放进仓库，改为链接到单位的文件服务器"))
    return problems


def _too_large(path: Path, top: Path, folder: str, size: int) -> Problem | None:
    limit = LIMITS.get(path.suffix, PASSIVE_LIMIT)
    if size <= limit:
        return None
    shown = f"{folder}/{path.relative_to(top).as_posix()}"
    return Problem(shown, 1, 1, "F004", f"文件有 {size // 1000} KB，超过上限 {limit // 1000} KB",
                   "页面和清单拆成几份；图片和附件先压缩，太大的不放进仓库")


def accepted(folder: str, suffix: str) -> bool:
    """folder（docs 或 procedures）里收不收这种扩展名的文件：页面只认 .md，其余按白名单（不分大小写）。"""
    return suffix == PAGE or suffix.lower() in PASSIVE[folder]


def _not_passive(path: Path, top: Path, folder: str, theme: set[str]) -> Problem | None:
    shown = f"{folder}/{path.relative_to(top).as_posix()}"
    suffix = path.suffix
    if not accepted(folder, suffix):
        kinds = "Markdown 页面（.md）、图片（.png、.jpg、.gif、.webp）、PDF、Office 文档、.txt、.csv"
        allowed = kinds if folder == "docs" else "规程和登记表（.yml）、结构说明（.json）、说明（.md）"
        return Problem(shown, 1, 1, "F002", f"{folder}/ 里不能放这种文件（{suffix or '没有扩展名'}）",
                       f"这里只收{allowed}；脚本、样式、网页和 SVG 是代码，请在议题中提出，由维护者放进 overrides/")
    relative = path.relative_to(top).as_posix()
    if relative in theme:
        return Problem(shown, 1, 1, "F003", "与主题的文件同名，会把它盖掉",
                       "换一个文件名或文件夹（例如放在本领域的文件夹里）")
    return None


@functools.cache
def _theme_dirs(root: Path) -> tuple[Path, ...]:
    dirs = [root / "overrides"]
    for name in ("material", "zensical"):  # 两种构建工具的主题
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            dirs.append(Path(spec.origin).parent / "templates")
    return tuple(d for d in dirs if d.is_dir())


def _listing(directory: Path) -> frozenset[str]:
    return frozenset(p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file())


def theme_files(root: Path) -> set[str]:
    """主题里的文件（相对站点根目录的路径）：Material、Zensical 的主题和本仓库的 overrides/。"""
    return set().union(*(_listing(directory) for directory in _theme_dirs(root)))


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
