"""问题（错误、警告）的统一表示：每条都指明文件、行、列、规则编号和修改建议。"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" 或 "warning"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column} [{self.code}] {self.message}"
        return f"{text} → {self.hint}" if self.hint else text


class ProblemsFound(Exception):
    """内容有错误：携带全部问题，而不是只报第一个。"""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [str(p) for p in self.problems]
        lines.append(f"共发现 {len(errors)} 个错误，构建已停止；请按提示修改后重新构建。")
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """报告中的文件名：相对项目根目录，统一用“/”。"""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
