"""编辑维护的规则数据（scripts/lint/data/*.yml）：形近字符表。具体的姓名名单不在这里，见 personal.py。"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"


@cache
def load(name: str) -> Any:
    """读取 data/ 下的一个 YAML 文件（只读，结果缓存）。"""
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []
