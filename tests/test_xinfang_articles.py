"""《信访工作条例》逐条对照：第一条到最后一条每条一行且只有一行，讲在的规程、步骤和页面都存在；
信访的每个法定期限写明条款和核对记录，每个有法定时限的步骤写明依据的条款；清单和对照页可以来回走。"""

from __future__ import annotations

import re

import pytest

from scripts.content.article_map import article_number, chinese_number

from .conftest import pages, problems

TIAOLI = "xinfang-gongzuo-tiaoli"
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条")


@pytest.fixture(scope="module")
def tiaoli_map(catalog):
    maps = [m for m in catalog.article_maps if m.regulation == TIAOLI]
    assert len(maps) == 1, "《信访工作条例》要有一份逐条对照，而且只有一份"
    return maps[0]


def test_every_article_from_the_first_to_the_last_exactly_once(tiaoli_map):
    numbers = [article_number(a.number) for a in tiaoli_map.articles]
    assert tiaoli_map.count == 50  # 全文6章50条，逐条对照条例文本数过
    assert sorted(numbers) == list(range(1, tiaoli_map.count + 1))
    assert numbers == sorted(numbers), "按条号顺序排列"
    chapters = [a.chapter for a in tiaoli_map.articles if a.chapter]
    assert [c.split()[0] for c in chapters] == ["第一章", "第二章", "第三章", "第四章", "第五章", "第六章"]


def test_every_article_says_where_it_is_taught_or_why_not(catalog, tiaoli_map):
    procedures = catalog.by_id()
    for article in tiaoli_map.articles:
        assert article.targets or article.outside, article.number
        for target in article.targets:
            if target.procedure:
                assert target.procedure in procedures, (article.number, target.procedure)
                if target.step:
                    assert target.step in {s.id for s in procedures[target.procedure].steps}, (article.number, target.step)
            else:
                assert target.page in catalog.pages, (article.number, target.page)


def test_every_xinfang_time_limit_cites_its_article_and_was_checked(catalog):
    limits = [t for t in catalog.time_limits.values() if t.domain == "xinfang"]
    assert limits
    for limit in limits:
        assert limit.basis == TIAOLI, limit.id
        assert ARTICLE.match(limit.article), f"{limit.id} 没有写条款"
        assert "2026-12-04" in limit.checked and "信访工作条例" in limit.checked, f"{limit.id} 没有核对记录"
        assert limit.actor, f"{limit.id} 没有写谁来做"


def test_every_xinfang_step_with_a_legal_limit_cites_an_article(catalog):
    missing = [f"{p.id}/{s.id}" for p in catalog.in_domain("xinfang") for s in p.steps
               if s.legal_limit and not any(ARTICLE.match(b.article) for b in s.bases)]
    assert not missing, f"这些步骤有法定时限，却没有写依据的条款：{missing}"


def test_every_cited_article_of_the_tiaoli_is_in_the_map(catalog, tiaoli_map):
    """步骤、期限引用的条款都落在第一条到第五十条之间，对照页上能找到。"""
    cited = [(f"{p.id}/{s.id}", b.article) for p in catalog.procedures for s in p.steps for b in s.bases
             if b.regulation == TIAOLI]
    cited += [(t.id, t.article) for t in catalog.time_limits.values() if t.basis == TIAOLI]
    assert cited
    for where, article in cited:
        for number in re.findall(r"第([一二三四五六七八九十百]+)条", article):
            assert 1 <= chinese_number(number) <= tiaoli_map.count, (where, article)


def test_the_regulation_entry_was_checked_and_names_who_it_applies_to(catalog):
    tiaoli = catalog.regulation(TIAOLI)
    assert "2026-12-04" in tiaoli.checked
    for body in ("人大", "政协", "监察机关", "法院", "检察院", "群团组织", "国有企事业单位"):
        assert body in tiaoli.scope


def test_map_page_and_checklists_link_both_ways(real_pages, tiaoli_map):
    page = real_pages[tiaoli_map.page_uri]
    assert page.startswith("# 《信访工作条例》逐条对照")
    for n in range(1, 51):
        assert f"{{ #tiao-{n} }}" in page
    # 对照页 → 清单上的那一步
    assert "(../checklists/shouli-gaozhi.md#shouli-gaozhi--tichu-yiyi)" in page
    # 清单上的那一步 → 对照页上的那一条
    checklist = real_pages["xinfang/checklists/shouli-gaozhi.md"]
    step = checklist[checklist.index('id="shouli-gaozhi--tichu-yiyi"'):]
    step = step[:step.index("</li>")]
    assert 'href="../../tiaowen/xinfang-gongzuo-tiaoli/#tiao-23"' in step
    # 不在本手册中讲的，写明理由
    assert "不在本手册中讲：这一条规定中央层面的机构" in page


def test_chinese_numbers():
    assert [chinese_number(t) for t in ("一", "十", "十五", "二十二", "五十", "一百零三")] == [1, 10, 15, 22, 50, 103]
    assert article_number("第二十三条第三款、第四款") == 23
    assert article_number("第三章") is None


MAP = """\
- 文件: xinfang-gongzuo-tiaoli
  领域: shili
  条数: 3
  条文:
    - 条: 第一条
      要求: 写明目的。
      讲在:
        - 规程: shili-guicheng
          步骤: dengji
    - 条: 第二条
      要求: 写明适用范围。
      不在本手册: 只在测试中使用。
    - 条: 第三条
      要求: 写明原则。
      讲在:
        - 页面: index.md
"""


def test_a_complete_map_renders_with_anchors_and_links(tree):
    tree.write("procedures/_article_map.yml", MAP)
    tree.write("procedures/shili/shili-guicheng.yml", open_procedure_with_basis())
    generated = pages(tree)
    page = generated["shili/tiaowen/xinfang-gongzuo-tiaoli.md"]
    assert "### 第一条 { #tiao-1 }" in page and "### 第三条 { #tiao-3 }" in page
    assert "[示例规程：登记来访：登记来访](../checklists/shili-guicheng.md#shili-guicheng--dengji)" in page
    assert "不在本手册中讲：只在测试中使用。" in page
    checklist = generated["shili/checklists/shili-guicheng.md"]
    assert '<a href="../../tiaowen/xinfang-gongzuo-tiaoli/#tiao-1">《信访工作条例》第一条</a>' in checklist


def open_procedure_with_basis() -> str:
    from .conftest import VALID_PROCEDURE

    return VALID_PROCEDURE.replace("    时限: 当场\n", "    时限: 当场\n    依据:\n      - 文件: xinfang-gongzuo-tiaoli\n"
                                   "        条款: 第一条\n")


def test_missing_duplicate_and_dangling_entries_are_reported(tree):
    broken = (MAP.replace("    - 条: 第三条\n", "    - 条: 第一条\n")
              .replace("          步骤: dengji", "          步骤: meiyou")
              .replace("        - 页面: index.md", "        - 页面: meiyou.md"))
    tree.write("procedures/_article_map.yml", broken)
    found = problems(tree)
    codes = [p.split(" [")[1][:4] for p in found]
    assert codes.count("C051") == 2, found  # 第一条重复、缺第三条
    assert codes.count("C052") == 2, found  # 步骤和页面不存在
    assert any("缺少第三条" in p for p in found)
    assert any("“第一条”重复" in p for p in found)


def cited_numbers(catalog, step) -> set[int]:
    """这一步依据的条款（含它的法定时限登记的条款）里出现的条号；“第二十九条至第三十一条”展开成三条。"""
    numbers: set[int] = set()
    articles = [b.article for b in step.bases if b.regulation == TIAOLI]
    limit = catalog.time_limits.get(step.legal_limit) if step.legal_limit else None
    articles += [limit.article] if limit and limit.basis == TIAOLI else []
    for article in articles:
        found = [chinese_number(n) for n in re.findall(r"第([一二三四五六七八九十百]+)条", article)]
        if "至" in article and len(found) == 2:
            numbers |= set(range(found[0], found[1] + 1))
        else:
            numbers |= set(found)
    return numbers


def test_every_step_named_in_the_map_cites_that_article_back(catalog, tiaoli_map):
    """对照页从一条指到某一步，那一步的“依据”也要写这一条：读者从那一步能点回来。"""
    procedures = catalog.by_id()
    missing = []
    for article in tiaoli_map.articles:
        for target in article.targets:
            if target.procedure and target.step:
                step = next(s for s in procedures[target.procedure].steps if s.id == target.step)
                if article_number(article.number) not in cited_numbers(catalog, step):
                    missing.append(f"{article.number} → {target.procedure}/{target.step}")
    assert not missing, missing
