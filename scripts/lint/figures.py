"""L002 数字空缺：数字被删掉、只剩下单位，如“来访 人次”“占 %”“有人次参与接访件次”。

三种情形：
1. 中文后面隔着空格直接跟单位（删掉数字时常留下空格）；
2. 百分号前面不是数字；
3. 没有空格：“人次、件次、批次”等计数单位紧跟在“有、共、达、占、接待、受理……”之后。
   “统计人次”“来访的人次”这样把单位当作名词用的说法不算。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.problems import Problem

from .rules import problem
from .source import Source

CJK = r"\u3400-\u9fff"
UNITS = ("人次|件次|批次|户次|架次|余人|余件|余起|万元|亿元|平方米|公里|"
         "人|件|次|批|篇|起|个|名|位|家|户|项|条|份|元|万|吨|米|倍|所|座|辆|台|艘|宗|%|％")
SPACED = re.compile(rf"(?<=[{CJK}，、：；（])[ \t\u3000]+(?P<unit>{UNITS})(?![A-Za-z0-9])")
PERCENT = re.compile(r"(?<![0-9０-９.\s])\s*(?P<unit>[%％])")
COUNT_UNITS = "人次|件次|批次|户次|架次"
QUANTITY_WORDS = ("有|共|共计|合计|(?<!统)计|达|达到|占|约|近|逾|超过|增加|减少|增长|下降|上升|"
                  "(?<!统计)(?<!记录)(?:接待|受理|办理|批阅|撰写|接访)")
UNSPACED = re.compile(rf"(?:{QUANTITY_WORDS})(?P<unit>{COUNT_UNITS})")
HINT = "填上确切的数字；原始材料没有给出时删去或改写这句话，不要编造"


def check(source: Source) -> Iterator[Problem]:
    for segment in source.segments:
        text = segment.text
        found: dict[int, str] = {}
        for pattern in (SPACED, PERCENT, UNSPACED):
            for match in pattern.finditer(text):
                found.setdefault(match.start("unit"), match.group("unit"))
        for index, unit in sorted(found.items()):
            context = text[max(0, index - 6):index + len(unit)].lstrip()
            yield problem(source.shown, segment.line, segment.column + index, "L002",
                          f"“{unit}”前面缺少数字：“{context}”", HINT)
