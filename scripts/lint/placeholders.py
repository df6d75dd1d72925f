"""L001 模板占位符：网上“范文”遮盖年份、日期、单位和金额留下的 20xx、xx年、x日、x委……，
以及 make new 生成的【待填写】。"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.problems import Problem

from .rules import problem
from .source import Source

X = "[xX×Ｘｘ]"
PATTERNS = [  # (正则, 说明, 建议)；按顺序匹配，先匹配到的优先
    (re.compile(r"【待填写[^】]*】"), "还是 make new 生成的占位文字", "把【待填写】换成实际内容"),
    (re.compile(rf"(?<![A-Za-z0-9])(?:19|20){X}{{2}}(?![A-Za-z])"), "年份被遮盖成“{0}”",
     "写出确切的年份；原始材料没有给出时改写句子，不要编造"),
    (re.compile(rf"(?<![A-Za-z0-9]){X}{{1,2}}(?=[年月日号时])"), "年份或日期被遮盖成“{0}”",
     "写出确切的日期；原始材料没有给出时删去日期或改写句子，不要编造"),
    (re.compile(rf"(?<![A-Za-z]){X}{{1,3}}(?=[省市县区乡镇村委局厅处科队所校园部办])"), "单位名称被遮盖成“{0}”",
     "写出单位的通用名称（如“市委”），不写具体地名时改用岗位或机构类别"),
    (re.compile(rf"(?<![A-Za-z0-9]){X}+[0-9]*(?=[元万千百亿%％])"), "金额或数字被遮盖成“{0}”",
     "写出确切的数字；原始材料没有给出时删去或改写这句话，不要编造"),
    (re.compile(r"[×Ｘ]{2,}|(?<![A-Za-z])[xX]{3,}(?![A-Za-z])"), "内容被遮盖成“{0}”",
     "写出实际内容；原始材料没有给出时删去或改写这句话"),
]
SHOWN_AFTER = "年月日号时省市县区乡镇村委局厅处科队所校园部办元万千百亿%％"
COMBINED = re.compile("|".join(f"({p.pattern})" for p, _, _ in PATTERNS))


def check(source: Source) -> Iterator[Problem]:
    for segment in source.segments:
        for match in COMBINED.finditer(segment.text):
            index = next(i for i, group in enumerate(match.groups()) if group is not None)
            _, message, hint = PATTERNS[index]
            shown = match.group()
            if match.end() < len(segment.text) and segment.text[match.end()] in SHOWN_AFTER:
                shown += segment.text[match.end()]  # 显示“xx年”“x委”，比单独的“x”好认
            yield problem(source.shown, segment.line, segment.column + match.start(), "L001",
                          f"模板占位符：{message.format(shown)}", hint)
