"""法规登记表（procedures/_regulations.yml）：规程的“依据”按编号引用这里登记的文件。

登记表写明每份文件的名称、发布机关、文号、施行日期、状态（现行、已被替代、地方性文件、
内部细则）和适用范围（数据模型见 model.Regulation，含义检查见 checks.py）。清单页的“依据”显示文件全称和状态，
“法规与文件”索引页列出每份文件和依据它的规程。编辑检查 L010 用 replacements() 找出引用已被替代的文件的地方。
"""

from __future__ import annotations

import re
from typing import NamedTuple

from scripts.content.model import SUPERSEDED, Regulation

# 同一节里出现这些字样，就算已经说明了文件被替代。
EXPLAINED = re.compile(r"已被[^。；\n]{0,30}?(?:取代|替代|废止)|(?:已|现已)(?:废止|失效)|被[^。；\n]{0,20}?(?:取代|替代)")


class Replacement(NamedTuple):
    old: Regulation
    new: Regulation | None  # 取代它的现行文件；登记表没有写时为 None

    def explained_in(self, text: str) -> bool:
        """这段文字写出了现行文件（名称或编号），或说明了旧文件已被替代。"""
        named = self.new is not None and (self.new.name in text or self.new.id in text)
        return named or EXPLAINED.search(text) is not None


def replacements(regulations: list[Regulation]) -> dict[str, Replacement]:
    """{已被替代的文件名称: (它, 取代它的文件)}。"""
    known = {r.id: r for r in regulations}
    return {r.name: Replacement(r, known.get(r.replaced_by)) for r in regulations if r.status == SUPERSEDED}
