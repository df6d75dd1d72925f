"""个人信息：手册不写个人的身份证号码、手机号码和姓名。

- L006 身份证号码：18 位，出生日期有效且校验码正确（GB 11643），随便一串 18 位数字不报。
- L007 手机号码：11 位、1 开头、第二位 3–9，允许用空格或连字符分成 3-4-4。
- L008 个人姓名：data/names.yml 中的姓名黑名单（只存姓和全名的摘要，不存姓名原文）。
报告中只显示号码的前几位和后几位。
"""

from __future__ import annotations

import hashlib

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from ..problems import Problem
from .data import load
from .rules import problem
from .source import Source

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CODES = "10X98765432"


def valid_id_number(number: str) -> bool:
    """校验码和出生日期都正确的 18 位居民身份证号码。"""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], WEIGHTS))
    return CHECK_CODES[total % 11] == number[17].upper()


def masked(number: str) -> str:
    digits = re.sub(r"[- ]", "", number)
    return f"{digits[:3]}…{digits[-4:]}"


def name_entry(name: str, note: str = "") -> dict:
    """黑名单中的一项：姓、字数和全名的 SHA-256 摘要（不存姓名原文）。"""
    return {"姓": name[0], "字数": len(name), "摘要": hashlib.sha256(name.encode("utf-8")).hexdigest(), "说明": note}


def index_of(entries: list[dict]) -> dict[str, dict[int, set[str]]]:
    """{姓: {字数: {摘要…}}}：只在出现黑名单中的姓的位置才计算摘要，检查很快。"""
    index: dict[str, dict[int, set[str]]] = {}
    for entry in entries:
        index.setdefault(str(entry["姓"]), {}).setdefault(int(entry["字数"]), set()).add(str(entry["摘要"]))
    return index


@lru_cache(maxsize=1)
def _name_index() -> dict[str, dict[int, set[str]]]:
    return index_of(load("names.yml"))


def find_names(text: str, index: dict[str, dict[int, set[str]]]) -> Iterator[tuple[int, str]]:
    """文本中与黑名单摘要相符的姓名：(位置, 姓名)。"""
    for start, char in enumerate(text):
        for length, digests in index.get(char, {}).items():
            candidate = text[start:start + length]
            if len(candidate) == length and hashlib.sha256(candidate.encode("utf-8")).hexdigest() in digests:
                yield start, candidate


def check(source: Source) -> Iterator[Problem]:
    names = _name_index()
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
        for start, name in find_names(segment.text, names):
            yield problem(*at, segment.column + start, "L008", f"出现了个人姓名“{name}”",
                          "手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”")
