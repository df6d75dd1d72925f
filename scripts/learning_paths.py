"""学习路径（procedures/_paths.yml）：按岗位列出先读的页面和练习的清单。文件可以没有。"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem, display_path
from .schema_check import load_checked

PATHS_FILE = "_paths.yml"
SCHEMA_FILE = "paths.schema.json"


def load_paths(root: Path, known_ids: set[str]) -> tuple[list[dict], list[Problem]]:
    """读取并校验学习路径；引用的页面和规程必须存在。返回（路径列表，问题列表）。"""
    path = root / "procedures" / PATHS_FILE
    if not path.exists():
        return [], []
    shown = display_path(path, root)
    problems: list[Problem] = []
    loaded = load_checked(path, root / "procedures" / SCHEMA_FILE, shown, problems)
    if loaded is None:
        return [], problems

    docs = root / "docs"
    for index, entry in enumerate(loaded.data):
        for n, page in enumerate(entry["先读"]):
            if not (docs / page).is_file():
                line, column = loaded.position((index, "先读", n))
                problems.append(Problem(shown, line, column, "C011", f"学习路径引用的页面 docs/{page} 不存在",
                                        "检查路径拼写（相对 docs/ 目录），或删除这一项"))
        for n, proc_id in enumerate(entry["规程"]):
            if proc_id not in known_ids:
                line, column = loaded.position((index, "规程", n))
                problems.append(Problem(shown, line, column, "C011", f"学习路径引用的规程“{proc_id}”不存在",
                                        "检查编号拼写，或删除这一项"))
    return loaded.data, problems
