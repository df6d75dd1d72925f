"""时限登记表（procedures/_time_limits.yml）：法律、法规规定的期限，每个只写一次。

三处使用同一份数据：规程步骤的“法定时限”（清单上显示登记的写法）、说明页正文中的
[[时限:编号]] 和 [[天数:编号]]（构建时替换），以及各领域的“办理时限一览”页。
改一个天数，所有页面一起改。
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem
from .yaml_loader import LoadedYaml

REGISTER = "_time_limits.yml"
# 说明页正文中的引用：[[时限:编号]] 换成完整写法，[[天数:编号]] 只换成数字。
REFERENCE = re.compile(r"\[\[(时限|天数)[:：]([^\]\n]*)\]\]")


@dataclass(frozen=True)
class TimeLimit:
    id: str
    domain: str
    stage: str
    days: int
    wording: str
    basis: str
    article: str = ""
    note: str = ""

    @classmethod
    def from_entry(cls, entry: dict) -> TimeLimit:
        return cls(entry["编号"], entry["领域"], entry["环节"], entry["天数"], entry["写法"], entry["依据"],
                   entry.get("条款", ""), entry.get("说明", ""))

    @property
    def text(self) -> str:
        """清单和说明页上显示的写法，如“自受理之日起60日内办结”。"""
        return self.wording.replace("{天数}", str(self.days))


def register_problems(loaded: LoadedYaml, shown: str, domain_ids: set[str], regulation_ids: set[str]) -> list[Problem]:
    """登记表的含义检查：领域已登记，依据的文件已登记。"""
    problems = []
    for index, entry in enumerate(loaded.data):
        if entry["领域"] not in domain_ids:
            line, column = loaded.position((index, "领域"))
            problems.append(Problem(shown, line, column, "C030", f"领域“{entry['领域']}”没有登记",
                                    "改用 procedures/_domains.yml 中的领域编号"))
        if entry["依据"] not in regulation_ids:
            line, column = loaded.position((index, "依据"))
            problems.append(Problem(shown, line, column, "C030", f"依据的法规编号“{entry['依据']}”没有登记",
                                    "先在 procedures/_regulations.yml 中登记这份文件，或检查编号拼写"))
    return problems


def step_problems(data: dict, loaded: LoadedYaml, shown: str, known: set[str]) -> list[Problem]:
    """步骤的“法定时限”必须是时限登记表中的编号。"""
    problems = []
    for index, step in enumerate(data["步骤"]):
        ref = step.get("法定时限")
        if ref is not None and ref not in known:
            line, column = loaded.position(("步骤", index, "法定时限"))
            problems.append(Problem(shown, line, column, "C031", f"法定时限“{ref}”没有登记",
                                    "改用 procedures/_time_limits.yml 中的编号，或先在那里登记这个期限"))
    return problems


def substitute(text: str, limits: dict[str, TimeLimit], shown: str) -> tuple[str, list[Problem]]:
    """把说明页中的 [[时限:编号]]、[[天数:编号]] 换成登记的写法或天数；不认识的编号报为问题。"""
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        kind, ref = match.group(1), match.group(2).strip()
        limit = limits.get(ref)
        if limit is None:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(Problem(shown, line, column, "C031", f"引用的时限“{ref}”没有登记",
                                    "改用 procedures/_time_limits.yml 中的编号，写成 [[时限:编号]] 或 [[天数:编号]]"))
            return match.group(0)
        return limit.text if kind == "时限" else str(limit.days)

    return REFERENCE.sub(replace, text), problems
