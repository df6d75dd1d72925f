"""规则编号表：CONTRIBUTING.md 中每条规则都有同一编号的条目，顺序相同。"""

from __future__ import annotations

import re

from scripts import ROOT
from scripts.lint.rules import RULES


def test_contributing_numbers_every_rule_with_its_id():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert text.index("TL;DR") < text.index("## 规则")
    headings = re.findall(r"^### (L\d{3}) ", text, flags=re.MULTILINE)
    assert headings == list(RULES)
