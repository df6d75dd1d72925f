"""日期的写法和时区：页面、提示、页脚、《使用说明》都用这里的写法。"""

from __future__ import annotations

import datetime as dt

BEIJING = dt.timezone(dt.timedelta(hours=8))  # 版本和“今天”都按北京时间算


def chinese_date(day: dt.date) -> str:
    """2026年1月5日。"""
    return f"{day.year}年{day.month}月{day.day}日"
