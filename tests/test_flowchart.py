"""流程图：每项规程的说明页都有泳道图和单列图，图中有每一步、每个责任人和时限，不用脚本和 style。"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from scripts.pages.flowchart import wrap

SVG = "{http://www.w3.org/2000/svg}"


def chart_block(page: str) -> ET.Element:
    """页面里的流程图（一个 div，里面是两张 SVG），按 XML 解析：格式不对时这里就失败。"""
    block = re.search(r'<div class="flowchart glossary-skip".*?\n</div>\n', page, re.S)
    assert block, "页面上没有流程图"
    return ET.fromstring(block.group())


def step_names(svg: ET.Element) -> dict[str, str]:
    """{步骤编号: 框里的文字（去掉序号，各行连起来）}。"""
    names = {}
    for group in svg.iter(f"{SVG}g"):
        if group.get("class") == "flowchart__step":
            text = next(t for t in group.iter(f"{SVG}text") if t.get("class") == "flowchart__name")
            names[group.get("data-step")] = re.sub(r"^\d+\. ", "", "".join(t.text for t in text.iter(f"{SVG}tspan")))
    return names


def test_every_procedure_page_has_its_chart_with_every_step(catalog, real_pages):
    with_page = [p for p in catalog.procedures if p.page_uri in catalog.pages]
    assert len(with_page) == len(catalog.procedures)
    for proc in with_page:
        block = chart_block(real_pages[proc.page_uri])
        svgs = block.findall(f"{SVG}svg")
        assert [s.get("class") for s in svgs] == ["flowchart__svg flowchart__svg--lanes",
                                                   "flowchart__svg flowchart__svg--narrow"]
        for svg in svgs:
            names = step_names(svg)
            assert list(names) == [s.id for s in proc.steps], proc.id
            for step in proc.steps:
                assert names[step.id].startswith(step.name.rstrip("…")) or names[step.id].rstrip("…") in step.name
                assert step.name in svg.find(f"{SVG}desc").text
            texts = "".join(svg.itertext())
            for step in proc.steps:
                if step.legal_limit:
                    assert f"法定时限{catalog.time_limits[step.legal_limit].days}日" in texts
        lanes = [t for g in svgs[0].iter(f"{SVG}g") if g.get("class") == "flowchart__lane"
                 for t in ["".join(g.itertext())]]
        assert lanes == list(dict.fromkeys(s.owner for s in proc.steps)), proc.id


def test_chart_follows_the_info_box(catalog, real_pages):
    page = real_pages["xinfang/banli-dafu.md"]
    assert page.index('"规程信息"') < page.index('<div class="flowchart') < page.index("\n## ")


def test_chart_is_accessible_and_inside_the_policy(real_pages):
    page = real_pages["xinfang/fucha-fuhe.md"]
    for svg in chart_block(page).findall(f"{SVG}svg"):
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert desc.text.startswith("共7步，依次为：1. 审查复查请求（复查复核机关，")
        for element in svg.iter():
            assert "style" not in element.attrib and not any(a.startswith("on") for a in element.attrib)
    block = re.search(r'<div class="flowchart.*?\n</div>\n', page, re.S).group()
    assert "<script" not in block and "\n\n" not in block  # 空行会让 Markdown 把图拆开


def test_wrap_counts_chinese_as_one_and_marks_cuts():
    assert wrap("出具信访处理意见书并按期办结", 10) == ["出具信访处理意见书并", "按期办结"]
    assert wrap("abcdefghij", 5) == ["abcdefghi", "j"]
    assert wrap("一二三四五六七八九十", 3, 2) == ["一二三", "四五…"]


def test_xinfang_overview_shows_the_whole_flow(catalog, real_pages):
    """信访概述页“核心流程”一节末尾的全流程：每一格链接到它的规程，期限的天数来自时限登记表。"""
    from scripts.addresses import page_href
    from scripts.pages.flowchart import WHOLE_FLOWS

    page = real_pages["xinfang/index.md"]
    start = page.index('<div class="whole-flow')
    assert page.index("## 核心流程") < start < page.index("## 本地经验")
    block = page[start:page.index("</div>", start)]
    assert "\n\n" not in block
    names = re.findall(r'<span class="whole-flow__box">(.*?)</span></li>', block)
    assert len(names) == len(WHOLE_FLOWS["xinfang"])
    for (name, proc_ids, _limits), box in zip(WHOLE_FLOWS["xinfang"], names, strict=True):
        assert name in box
        for proc_id in proc_ids:
            assert f'href="{page_href(f"xinfang/{proc_id}.md", "xinfang/index.md", True)}"' in box
    for limit_id in {i for _, _, ids in WHOLE_FLOWS["xinfang"] for i in ids}:
        limit = catalog.time_limits[limit_id]
        assert f"<strong>{limit.days}日</strong> {limit.stage}" in block
    assert [n for n, _, _ in WHOLE_FLOWS["xinfang"]] == ["来访、来信、网上", "登记和分类", "受理告知", "办理", "答复",
                                                        "复查", "复核", "终结"]
