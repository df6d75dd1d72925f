"""个人信息：手册不写个人的身份证号码、手机号码和姓名。

- L006 身份证号码：18 位，出生日期有效且校验码正确（GB 11643），随便一串 18 位数字不报。
- L007 手机号码：11 位、1 开头、第二位 3–9，允许用空格或连字符分成 3-4-4。
- L008 个人姓名：两种办法。
  1. 通用的写法：常见的姓 + 一两个字的名 + 称谓（同志、老师、书记、主任……），如“王小明同志”。
  2. 具体的姓名名单不放在仓库里（任何形式都不放：摘要也能被逐个试出来）。环境变量 MANUAL_NAME_DENYLIST
     给出一个文件的路径，每行一个姓名（# 开头的行和空行不算）；CI 从仓库的机密设置里写出这个文件。
     没有设置时只用第 1 种。
报告中只显示号码的前几位和后几位。
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from scripts.problems import Problem

from .rules import problem
from .source import Source

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CODES = "10X98765432"
DENYLIST_ENV = "MANUAL_NAME_DENYLIST"

# 常见的姓（不含“于、向、任、高、全”这些更常作虚词或普通词的字）、名里不会出现的虚词，和称谓。
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤")
NOT_IN_NAMES = "的了和与及等是在对向把被为各每全本该此其之以于从到个位名"
TITLES = ("同志", "老师", "书记", "主任", "局长", "处长", "科长", "县长", "市长", "乡长", "镇长", "村长", "校长", "园长",
          "所长", "站长", "部长", "厅长", "院长", "主席", "经理", "队长", "组长", "师傅", "医生")
NAME_WITH_TITLE = re.compile(f"[{SURNAMES}][^\\W\\d_A-Za-z{NOT_IN_NAMES}]{{1,2}}?(?:{'|'.join(TITLES)})")


def valid_id_number(number: str) -> bool:
    """校验码和出生日期都正确的 18 位居民身份证号码。"""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], WEIGHTS, strict=True))
    return CHECK_CODES[total % 11] == number[17].upper()


def masked(number: str) -> str:
    digits = re.sub(r"[- ]", "", number)
    return f"{digits[:3]}…{digits[-4:]}"


@lru_cache(maxsize=4)
def denylist(path: str) -> re.Pattern | None:
    """MANUAL_NAME_DENYLIST 指向的名单（每行一个姓名）编成一个正则；名单是空的时返回 None。"""
    try:
        names = [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError) as err:
        raise RuntimeError(f"环境变量 {DENYLIST_ENV} 指向的姓名名单读不了：{path}（{err}）") from None
    names = sorted({n for n in names if n and not n.startswith("#")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


def find_names(text: str) -> Iterator[tuple[int, str, str]]:
    """文本中的个人姓名：(位置, 姓名, 说明)。名单上的姓名优先；同一处不重复报。"""
    found: dict[int, tuple[str, str]] = {}
    path = os.environ.get(DENYLIST_ENV)
    pattern = denylist(path) if path else None
    if pattern is not None:
        for match in pattern.finditer(text):
            # 只说位置，不说是哪个姓名：否则报告就成了“猜一个名字，看它在不在名单上”的查询口
            found[match.start()] = (match.group(), "这里有一个名单上的个人姓名")
    for match in NAME_WITH_TITLE.finditer(text):
        if not any(start <= match.start() < start + len(name) for start, (name, _) in found.items()):
            found[match.start()] = (match.group(), f"出现了“姓名 + 称谓”的写法“{match.group()}”")
    for start in sorted(found):
        yield start, *found[start]


def check(source: Source) -> Iterator[Problem]:
    for segment in source.segments:
        at = (source.shown, segment.line)
        for match in ID_NUMBER.finditer(segment.text):
            if valid_id_number(match.group()):
                yield problem(*at, segment.column + match.start(), "L006",
                              f"出现了身份证号码（{masked(match.group())}）", "手册中不能有个人信息：删除这个号码")
        for match in MOBILE.finditer(segment.text):
            yield problem(*at, segment.column + match.start(), "L007",
                          f"出现了手机号码（{masked(match.group())}）",
                          "手册中不能有个人信息：删除号码；需要联系方式时写单位的办公电话或岗位")
        for start, _, message in find_names(segment.text):
            yield problem(*at, segment.column + start, "L008", message,
                          "手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”")
