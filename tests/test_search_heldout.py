"""留出的搜索问题集（tests/search_heldout.yml）本身是完好的：每条都有类型，要找的页面都存在。

这里不测搜索找不找得到：那由 bench/search_recall.py 在真实站点上测，结果不回头用来调整搜索。
"""

from __future__ import annotations

import yaml

from scripts import ROOT

HELDOUT = ROOT / "tests" / "search_heldout.yml"


def test_every_heldout_question_points_at_existing_pages():
    questions = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    assert len(questions) >= 30
    for q in questions:
        assert q["类型"] in ("问题", "错字", "变体"), q
        for page in q["页面"]:
            assert (ROOT / "docs" / page).is_file(), f"{q['查询']}：docs/{page} 不存在"
    public = {q["查询"] for q in yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))}
    assert not public & {q["查询"] for q in questions}, "留出的问题不能与公开查询集重复"
