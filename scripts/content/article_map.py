"""条文对照（procedures/_article_map.yml）：一份法规从第一条到最后一条，每条讲在手册的哪里。

这里是条号的读法和条款在对照页上的位置。对照的含义检查在 checks.py（C050–C052），
对照页由 pages/article_map_pages.py 生成；
清单步骤“依据”里的条款链接到对照页上的那一条（Catalog.article_href），读者可以来回走。
"""

from __future__ import annotations

import re

from scripts.content.model import ArticleMap

ARTICLE_MAP_FILE = "_article_map.yml"
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FIRST_ARTICLE = re.compile(r"第([一二三四五六七八九十百零〇]+)条")


def chinese_number(text: str) -> int | None:
    """“二十二”→22，“十”→10，“一百零三”→103；认不出时为 None。"""
    total, current = 0, 0
    for char in text:
        if char in DIGITS:
            current = DIGITS[char]
        elif char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            return None
    return total + current if text else None


def article_number(article: str) -> int | None:
    """条款写法中第一条的号码：“第二十二条第一款、第二十三条”→22。"""
    match = FIRST_ARTICLE.search(article)
    return chinese_number(match.group(1)) if match else None


def anchor(number: int) -> str:
    """对照页上一条的锚点，如 tiao-22。"""
    return f"tiao-{number}"


def article_href(maps: list[ArticleMap], regulation_id: str, article: str) -> str:
    """这一条在对照页上的位置（docs 中的路径加锚点）；这份法规没有对照或条号认不出时为空。"""
    number = article_number(article)
    for article_map in maps:
        if article_map.regulation == regulation_id and number is not None and 1 <= number <= article_map.count:
            return f"{article_map.page_uri}#{anchor(number)}"
    return ""
