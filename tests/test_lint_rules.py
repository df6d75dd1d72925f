"""规则编号表：编号固定、不重复，CONTRIBUTING.md 中每条规则都有同一编号的条目。"""

from __future__ import annotations

import re

from scripts import ROOT
from scripts.lint.rules import RULES


def test_rule_ids_are_stable_and_in_order():
    ids = list(RULES)
    assert ids == sorted(ids) and all(re.fullmatch(r"L\d{3}", i) for i in ids)
    assert {r.severity for r in RULES.values()} <= {"error", "warning"}
    assert [i for i, r in RULES.items() if r.severity == "warning"] == ["L014"]


def test_contributing_numbers_every_rule_with_its_id():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert text.index("TL;DR") < text.index("## 规则")
    headings = re.findall(r"^### (L\d{3}) ", text, flags=re.MULTILINE)
    assert headings == list(RULES)
