"""“最后更新”日期：取自 git 历史中每个文件最后一次提交的日期。

每个页面的日期来自它“编辑此页”指向的源文件：手写页面是 docs/ 下的 Markdown，
生成的清单页是 procedures/ 下的 YAML。整个仓库只运行一次 `git log`（结果按提交缓存）。
没有 git、不是 git 仓库、或文件还没有提交时，不显示日期，构建照常进行。
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from scripts.dates import chinese_date
from scripts.history.git import git

log = logging.getLogger(__name__)

MARK = "@@"
_git_dirs: dict[Path, Path | None] = {}
_cache: dict[Path, tuple[tuple, dict[Path, dt.date]]] = {}


def last_commit_dates(root: Path) -> dict[Path, dt.date]:
    """仓库中每个文件最后一次提交的日期（绝对路径 → 日期）；没有 git 历史时为空。

    每个页面都会问一次，所以结果缓存起来，只在有新提交（.git 中 HEAD 或引用日志变化）时重新读取。
    """
    root = root.resolve()
    if root not in _git_dirs:
        found = git(root, "rev-parse", "--absolute-git-dir")
        _git_dirs[root] = Path(found) if found else None
    git_dir = _git_dirs[root]
    if git_dir is None:
        return {}
    state = tuple(p.stat().st_mtime_ns for p in (git_dir / "HEAD", git_dir / "logs" / "HEAD") if p.exists())
    cached = _cache.get(root)
    if cached and cached[0] == state:
        return cached[1]
    top = git(root, "rev-parse", "--show-toplevel")
    output = git(root, "log", f"--format={MARK}%cs", "--name-only", "--no-renames", "--", ".")
    dates: dict[Path, dt.date] = {}
    if top is not None and output is not None:
        current: dt.date | None = None
        for line in output.splitlines():
            if line.startswith(MARK):
                current = dt.date.fromisoformat(line[len(MARK):])
            elif line and current is not None:
                dates.setdefault((Path(top) / line).resolve(), current)  # 最新的提交在前
    _cache[root] = (state, dates)
    return dates


def page_source(page, docs_dir: Path) -> Path | None:
    """页面“编辑此页”指向的源文件（清单页是 ../procedures/… 的 YAML）。"""
    edit_uri = getattr(page.file, "edit_uri", None)
    if edit_uri:
        return (docs_dir / edit_uri).resolve()
    src = getattr(page.file, "abs_src_path", None)
    return Path(src).resolve() if src else None


def stamp_updated(page, config, dates: dict[Path, dt.date]) -> None:
    """在页面元数据中写入“最后更新”日期，由 Material 显示在正文下方。dates 是 load 阶段读好的（last_commit_dates）。"""
    docs_dir = Path(config.docs_dir)
    source = page_source(page, docs_dir)
    date = dates.get(source) if source else None
    if date is not None:
        page.meta["git_revision_date_localized"] = f"最后更新：{chinese_date(date)}"
