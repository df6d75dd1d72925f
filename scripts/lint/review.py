"""L014 规程超过复核日期（警告，不使检查失败）：与页面上“已超过复核日期”的提示用同一个算法
（scripts.content.model.Procedure.review_due）。

L032 规程即将到期复核（警告）：只在 CI 里（环境变量 CI=true，GitHub Actions 自动设置）提前 AHEAD_DAYS 天提醒，
本地的 make lint 不报；想在本地看时运行 CI=true make lint。维护者的“待复核”页列出同样的规程。"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from scripts.content.model import REVIEW_AHEAD_DAYS as AHEAD_DAYS
from scripts.dates import chinese_date
from scripts.problems import Problem

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
    line, column = proc.where("last_review")
    if today > due:
        yield problem(source.shown, line, column, "L014", f"规程已超过复核日期：应在{chinese_date(due)}前复核",
                      "复核内容后把“上次复核”改为复核当天的日期；不再执行的规程把“状态”改为“已废止”")
    elif os.environ.get("CI") == "true" and (due - today).days <= AHEAD_DAYS:
        yield problem(source.shown, line, column, "L032",
                      f"规程将在{chinese_date(due)}到期复核（还有 {(due - today).days} 天）",
                      "请负责人安排复核；复核后把“上次复核”改为复核当天的日期")
