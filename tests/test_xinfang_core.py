"""新任信访干部最先要问的，从信访概述页两次点击之内就能找到，并且写在清单步骤里。

概述页 → 核心规程的说明页或“办理时限一览” → 清单页：15 日和 60 日的期限、延长 30 日、复查复核的
期限、推选代表不超过 5 人、三类信访事项。数字取自时限登记表，不在这里重写。
"""

from __future__ import annotations

import re
from html import unescape

import pytest

CORE = ["dengji-fenlei", "shouli-gaozhi", "banli-dafu", "fucha-fuhe", "zoufang-jitifang", "laixin-wangshang"]


def text_of(site, uri: str) -> str:
    html = (site / uri / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return unescape(re.sub(r"<[^>]+>", "", article)).replace("\u200b", "")


def links_of(site, uri: str) -> set[str]:
    html = (site / uri / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return set(re.findall(r'href="([^"#]+)', article))


def step_facts(site, proc_id: str) -> list[str]:
    """清单页每一步的文字（名称、做法、责任人、时限、留痕材料）。"""
    html = (site / "xinfang/checklists" / proc_id / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="checklist__step".*?</li>', html, flags=re.S)
    return [unescape(re.sub(r"<[^>]+>", "", item)).replace("\u200b", "") for item in items]


def test_overview_links_the_core_workflow_and_the_timeline_first(real_site):
    links = links_of(real_site, "xinfang")
    assert "shixian/" in links
    for proc_id in CORE:
        assert f"{proc_id}/" in links, proc_id
    # 核心流程排在本地经验之前
    text = text_of(real_site, "xinfang")
    assert text.index("核心流程¶") < text.index("本地经验：按核心步骤分组¶")


def test_every_core_page_links_its_checklist(real_site):
    for proc_id in CORE:
        assert f"../checklists/{proc_id}/" in links_of(real_site, f"xinfang/{proc_id}"), proc_id


@pytest.mark.parametrize(("proc_id", "limit_id"), [
    ("shouli-gaozhi", "xinfang-dengji-zhuanjiao"),
    ("shouli-gaozhi", "xinfang-shouli-gaozhi"),
    ("banli-dafu", "xinfang-banjie"),
    ("banli-dafu", "xinfang-yanqi"),
    ("fucha-fuhe", "xinfang-fucha-qingqiu"),
    ("fucha-fuhe", "xinfang-fucha-yijian"),
    ("fucha-fuhe", "xinfang-fuhe-qingqiu"),
    ("fucha-fuhe", "xinfang-fuhe-yijian"),
])
def test_each_legal_limit_is_on_a_checklist_step_and_on_the_timeline(real_site, catalog, proc_id, limit_id):
    wording = catalog.time_limits[limit_id].text
    assert any(f"时限：{wording}" in step for step in step_facts(real_site, proc_id))
    assert wording in text_of(real_site, "xinfang/shixian")


def test_five_representatives_and_three_kinds_are_checklist_steps(real_site):
    assert any("代表人数不超过5人" in step for step in step_facts(real_site, "zoufang-jitifang"))
    steps = " ".join(step_facts(real_site, "dengji-fenlei"))
    for kind in ("建议意见类", "检举控告类", "申诉求决类"):
        assert kind in steps
