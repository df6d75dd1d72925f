"""L014 规程超过复核日期（警告，不使检查失败）：与页面上“已超过复核日期”的提示用同一个算法
（scripts.model.Procedure.review_due）。"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..model import chinese_date
from ..problems import Problem
from .rules import problem
from .source import Source, procedure_of


def check(source: Source, today: dt.date) -> Iterator[Problem]:
    proc = procedure_of(source)
    if proc is None or proc.status == "已废止":  # 已废止的规程不再复核
        return
    try:
        due = proc.review_due
    except (ValueError, TypeError):
        return  # 日期或月数写错了：由结构校验（make check）报告
    if today > due:
        line, column = proc.where("last_review")
        yield problem(source.shown, line, column, "L014", f"规程已超过复核日期：应在{chinese_date(due)}前复核",
                      "复核内容后把“上次复核”改为复核当天的日期；不再执行的规程把“状态”改为“已废止”")
