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
                if step.legal_limit:  # 天数连同单位：“15日”“5个工作日”
                    assert f"法定时限{catalog.time_limits[step.legal_limit].length}" in texts
        lanes = [t for g in svgs[0].iter(f"{SVG}g") if g.get("class") == "flowchart__lane"
                 for t in ["".join(g.itertext())]]
        assert lanes == list(dict.fromkeys(s.owner for s in proc.steps)), proc.id


def test_chart_follows_the_info_box(catalog, real_pages):
    page = real_pages["xinfang/banli-dafu.md"]
    assert page.index('>规程信息<') < page.index('<div class="flowchart') < page.index("\n## ")


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
    """信访概述页“核心流程”一节末尾的全流程：每一格链接到它的规程，格子下面的期限来自时限登记表，
    写出谁来做和天数（工作日写“个工作日”）；两条入口分开写，不连成一串。"""
    from scripts.addresses import page_href
    from scripts.pages.flowchart import WHOLE_FLOWS

    page = real_pages["xinfang/index.md"]
    start = page.index('<div class="whole-flow')
    assert page.index("## 核心流程") < start < page.index("## 本地经验")
    block = page[start:page.index("</div>", start)]
    assert "\n\n" not in block
    items = re.findall(r'<li class="whole-flow__stage">(.*?)</li>', block)
    assert len(items) == len(WHOLE_FLOWS["xinfang"])
    for stage, item in zip(WHOLE_FLOWS["xinfang"], items, strict=True):
        box = re.search(r'<span class="whole-flow__box">(.*?)</span>(?:<span class="whole-flow__limits">|$)', item).group(1)
        assert stage.name in box
        for proc_id in stage.procedure_ids:
            assert f'href="{page_href(f"xinfang/{proc_id}.md", "xinfang/index.md", True)}"' in box
        for route in stage.routes:
            for leg in route.legs:
                for limit_id in leg.choices:
                    limit = catalog.time_limits[limit_id]
                    before, after = limit.parts
                    assert f'<span class="whole-flow__actor">{limit.actor}</span>' in item
                    assert f"{limit.stage}——{before}<strong>{limit.days}</strong>{after}" in item
    assert [s.name for s in WHOLE_FLOWS["xinfang"]] == ["提出信访事项", "登记和分类", "转送、交办和告知", "办理和答复",
                                                       "复查", "复核", "终结"]


def test_the_two_entry_routes_are_alternatives_not_a_chain(real_pages):
    """两条入口分开写、标明只走一条；第二条路上告知和提出异议用“或者”连着；异议按工作日计算。"""
    for uri in ("xinfang/index.md", "xinfang/shixian.md"):
        page = real_pages[uri]
        block = page[page.index('<div class="whole-flow'):]
        entry = re.search(r'<li class="whole-flow__stage">(?:(?!</li>).)*转送、交办和告知.*?</li>', block).group()
        assert "两条路，只走其中一条" in entry
        routes = re.findall(r'<span class="whole-flow__route">', entry)
        assert len(routes) == 2
        assert '<span class="whole-flow__or">或者</span>' in entry
        assert "<strong>5</strong>个工作日内" in entry
    # 办理时限一览不再把各个期限连成一串箭头
    assert "time-flow__arrow" not in real_pages["xinfang/shixian.md"]


def test_time_limit_page_says_who_and_working_days(real_pages):
    page = real_pages["xinfang/shixian.md"]
    assert "## 对转送、交办提出异议：5 个工作日 { #xinfang-zhuanjiao-yiyi }" in page
    section = page[page.index("## 对转送、交办提出异议"):]
    section = section[:section.index("\n## ", 1)]
    assert "**谁来做**：收到信访事项的机关单位。" in section
    assert "**怎么算**：按工作日计算，不是日历日。" in section
    assert "第二十三条第三款" in section
