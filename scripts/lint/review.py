"""L014 规程超过复核日期（警告，不使检查失败）：按“上次复核”和“复核周期月数”计算，
与页面上“已超过复核日期”的提示用同一个算法（scripts.catalog.Procedure.review_due）。"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import yaml

from ..catalog import Procedure
from ..problems import Problem
from .rules import problem
from .source import Source


def check(source: Source, today: dt.date) -> Iterator[Problem]:
    if not is_procedure(source) or not isinstance(source.yaml_root, yaml.MappingNode):
        return
    fields = {key.value: value for key, value in source.yaml_root.value if isinstance(value, yaml.ScalarNode)}
    if "上次复核" not in fields or "复核周期月数" not in fields:
        return
    if "状态" in fields and fields["状态"].value == "已废止":
        return  # 已废止的规程不再复核
    node = fields["上次复核"]
    try:
        data = {"上次复核": node.value, "复核周期月数": int(fields["复核周期月数"].value)}
        due = Procedure(data, source.shown, None).review_due  # type: ignore[arg-type]
    except ValueError:
        return  # 日期或月数写错了：由结构校验（make check）报告
    if today > due:
        yield problem(source.shown, node.start_mark.line + 1, node.start_mark.column + 1, "L014",
                      f"规程已超过复核日期：应在{due.year}年{due.month}月{due.day}日前复核",
                      "复核内容后把“上次复核”改为复核当天的日期；不再执行的规程把“状态”改为“已废止”")


def is_procedure(source: Source) -> bool:
    """procedures/<领域>/<编号>.yml：以 _ 开头的共用数据不算。"""
    parts = source.shown.split("/")
    return len(parts) == 3 and parts[0] == "procedures" and not parts[2].startswith("_") and source.kind == "yaml"
