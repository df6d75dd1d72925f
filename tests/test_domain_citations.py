"""地质、港航、幼儿园、后勤基建、车辆五个领域的法律规定都要写到条款，而且条款对照原文核对过。

- 这五个领域在时限登记表中的每个期限都写了“条款”和“核对”（对照了哪个文本、哪天核对）；
- 清单步骤引用的法定时限有条款，步骤自己的“依据”每一项都写了条款；
- 引用的法规编号都在法规登记表中；写到条款的法规，登记表里有它的“核对”记录。
"""

from __future__ import annotations

import re

import pytest

from scripts import ROOT
from scripts.pipeline import load_catalog

DOMAINS = ("dizhi", "ganghang", "youer", "houqin", "cheliang")
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条")
CHECKED_ON = "2026-12-04"

CATALOG = load_catalog(ROOT)
REGULATIONS = {r.id: r for r in CATALOG.regulations}
LIMITS = [t for t in CATALOG.time_limits.values() if t.domain in DOMAINS]
PROCEDURES = [p for p in CATALOG.procedures if p.domain in DOMAINS]


def test_every_domain_has_its_procedures_loaded():
    assert {p.domain for p in PROCEDURES} == set(DOMAINS)


@pytest.mark.parametrize("limit", LIMITS, ids=lambda t: t.id)
def test_time_limit_cites_the_article_it_was_checked_against(limit):
    assert ARTICLE.match(limit.article), f"期限“{limit.id}”没有写条款（第…条）：在 procedures/_time_limits.yml 中补上"
    assert limit.checked, f"期限“{limit.id}”没有“核对”记录：写明对照的文本和核对日期"
    assert CHECKED_ON in limit.checked, f"期限“{limit.id}”的“核对”没有写核对日期 {CHECKED_ON}"
    assert limit.basis in REGULATIONS, f"期限“{limit.id}”的依据“{limit.basis}”没有在法规登记表中登记"


@pytest.mark.parametrize("proc", PROCEDURES, ids=lambda p: p.id)
def test_steps_cite_articles(proc):
    for step in proc.steps:
        if step.legal_limit:
            limit = CATALOG.time_limits.get(step.legal_limit)
            assert limit is not None, f"{proc.id}/{step.id}：法定时限“{step.legal_limit}”没有登记"
            assert ARTICLE.match(limit.article), f"{proc.id}/{step.id}：法定时限“{limit.id}”没有写条款"
        for basis in step.bases:
            assert ARTICLE.match(basis.article), f"{proc.id}/{step.id}：依据“{basis.regulation}”没有写条款"
            assert basis.regulation in REGULATIONS, f"{proc.id}/{step.id}：依据“{basis.regulation}”没有登记"


@pytest.mark.parametrize("proc", PROCEDURES, ids=lambda p: p.id)
def test_procedure_bases_are_registered(proc):
    for basis in proc.bases:
        assert basis.regulation in REGULATIONS, f"{proc.id}：依据“{basis.regulation}”没有在法规登记表中登记"
        if basis.article:
            assert ARTICLE.match(basis.article) or basis.article.startswith("第"), f"{proc.id}：条款“{basis.article}”写法不对"


def cited_with_article() -> set[str]:
    """写到条款的法规：时限登记表和步骤依据引用的。"""
    cited = {t.basis for t in LIMITS if t.article}
    cited |= {b.regulation for p in PROCEDURES for s in p.steps for b in s.bases}
    return cited


@pytest.mark.parametrize("regulation_id", sorted(cited_with_article()))
def test_regulation_cited_by_article_records_what_was_checked(regulation_id):
    regulation = REGULATIONS[regulation_id]
    assert regulation.checked, f"“{regulation.name}”被引用到条款，但法规登记表中没有“核对”记录"
    assert CHECKED_ON in regulation.checked, f"“{regulation.name}”的“核对”没有写核对日期 {CHECKED_ON}"
    assert regulation.status != "已被替代", f"“{regulation.name}”已被替代，步骤应当引用现行文件"


def test_the_domains_with_legal_limits_have_a_time_limit_page():
    # 车辆、港航、后勤、地质都有法定期限，各有一页“办理时限一览”。
    assert {t.domain for t in LIMITS} >= {"cheliang", "ganghang", "houqin", "dizhi"}
