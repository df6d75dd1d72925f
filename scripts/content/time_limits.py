"""时限登记表（procedures/_time_limits.yml）：法律、法规规定的期限，每个只写一次。

三处使用同一份数据：规程步骤的“法定时限”（清单上显示登记的写法）、说明页正文中的
[[时限:编号]] 和 [[天数:编号]]（构建时替换），以及各领域的“办理时限一览”页。
改一个天数，所有页面一起改。数据模型见 model.TimeLimit，含义检查见 checks.py。
"""

from __future__ import annotations

import re

from scripts.content.model import TimeLimit
from scripts.problems import Problem

# 说明页正文中的引用：[[时限:编号]] 换成完整写法，[[天数:编号]] 只换成数字。
REFERENCE = re.compile(r"\[\[(时限|天数)[:：]([^\]\n]*)\]\]")


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
        if wrong_unit(text, match, limit):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(Problem(shown, line, column, "C033", f"期限“{ref}”按工作日计算，后面却写了“日”",
                                    f"写成 [[天数:{ref}]]个工作日，或用 [[时限:{ref}]] 写出完整的写法"))
        return limit.text if kind == "时限" else str(limit.days)

    return REFERENCE.sub(replace, text), problems


def wrong_unit(text: str, match: re.Match, limit: TimeLimit) -> bool:
    """[[天数:编号]] 引用按工作日计算的期限，后面却紧跟“日”：读者会按日历日算。"""
    return match.group(1) == "天数" and limit.working_days and text.startswith("日", match.end())
