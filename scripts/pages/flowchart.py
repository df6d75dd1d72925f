"""规程的流程图：构建时按 YAML 的步骤排出位置，由 templates/flowchart.md.j2 画成内联 SVG（不用脚本）。

一张纵向的泳道图：步骤从上到下按顺序，每个责任人一条泳道（一列），箭头旁写这一步的时限。
手机上泳道太窄，另排一张单列的图（每一步下面写责任人），CSS 按屏幕宽度只显示其中一张；打印用泳道图。
用模板而不用 Graphviz：布局只是一张格子，自己排几十行就够，不必让构建和 CI 多装一个系统软件包，
文字仍是页面里的真文字（可搜索、可放大、用页面的中文字体）。
两张图都有 <title> 和 <desc>（desc 按顺序写出每一步、责任人和时限）；页面上的步骤列表是完整的文字版。
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scripts.addresses import overview_uri

if TYPE_CHECKING:
    from scripts.content.catalog import Catalog
    from scripts.content.model import Procedure, Step

# 泳道图的尺寸（像素，按 viewBox 缩放）
LANE = 176  # 一条泳道的宽度
BOX = 150  # 步骤框的宽度
HEADER = 46  # 顶上写责任人的一行
PAD = 12
LINE = 18  # 框里一行字的高度
NAME_CHARS = 10  # 框里一行最多几个汉字（14 像素的字）
LABEL_CHARS = 12  # 箭头旁的时限一行最多几个汉字（11 像素的字）
GAP = 22  # 两个框之间（不含时限文字）的距离
# 单列图
NARROW = 340
NARROW_BOX = 300
NARROW_CHARS = 18
NARROW_LABEL = 13  # 单列图箭头旁一行最多几个汉字


@dataclass
class Box:
    step: Step
    number: int
    x: float
    y: float
    width: float
    height: float
    lines: list[str]
    owner_line: str = ""  # 单列图中写在框里的责任人

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass
class Arrow:
    points: list[tuple[float, float]]
    label: list[str]
    label_x: float
    label_y: float


@dataclass
class Chart:
    id: str  # SVG 中元素编号的前缀，同一页面里唯一
    kind: str  # "lanes" 或 "narrow"
    width: float
    height: float
    title: str
    description: str
    lanes: list[tuple[str, float, list[str]]] = field(default_factory=list)  # (责任人, 左边 x, 分行的名字)
    lane_width: float = LANE
    boxes: list[Box] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)


def wrap(text: str, width: int, max_lines: int = 0) -> list[str]:
    """按宽度折行（汉字算 1，ASCII 算半个）；max_lines 限制行数，超出的用省略号。"""
    lines, current, used = [], "", 0.0
    for char in text:
        size = 0.55 if ord(char) < 128 else 1.0
        if used + size > width and current:
            lines.append(current)
            current, used = "", 0.0
        current += char
        used += size
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    return lines


def limit_label(catalog: Catalog, step: Step) -> str:
    """箭头旁的时限：法定时限写天数和单位（如“15日”“5个工作日”，完整写法在清单上），其他时限照写。"""
    if step.legal_limit:
        return f"法定时限{catalog.time_limits[step.legal_limit].length}"
    return step.time_limit


def describe(catalog: Catalog, proc: Procedure) -> str:
    parts = []
    for number, step in enumerate(proc.steps, 1):
        limit = catalog.step_time_limit(step)
        parts.append(f"{number}. {step.name}（{step.owner}{'，' + limit if limit else ''}）")
    return f"共{len(proc.steps)}步，依次为：" + "；".join(parts) + "。"


def lane_chart(catalog: Catalog, proc: Procedure) -> Chart:
    owners = list(dict.fromkeys(step.owner for step in proc.steps))
    column = {owner: i for i, owner in enumerate(owners)}
    chart = Chart(f"fc-{proc.id}-lanes", "lanes", PAD * 2 + LANE * len(owners), 0, f"{proc.title}：流程图",
                  describe(catalog, proc))
    chart.lanes = [(owner, PAD + LANE * i, wrap(owner, 11, 2)) for i, owner in enumerate(owners)]
    y: float = HEADER + PAD
    previous: Box | None = None
    for number, step in enumerate(proc.steps, 1):
        label = wrap(limit_label(catalog, step), LABEL_CHARS, 2)
        if previous is not None:
            y += GAP + 14 * len(label)
        lines = wrap(f"{number}. {step.name}", NAME_CHARS, 4)
        x = PAD + LANE * column[step.owner] + (LANE - BOX) / 2
        box = Box(step, number, x, y, BOX, 14 + LINE * len(lines), lines)
        if previous is not None:
            turn = previous.bottom + 8
            points = [(previous.cx, previous.bottom), (previous.cx, turn), (box.cx, turn), (box.cx, box.y)]
            chart.arrows.append(Arrow(points, label, box.cx + 6, turn + 15))
        elif label:  # 第一步上面没有箭头，时限写在框里
            box.lines += wrap(f"（{limit_label(catalog, step)}）", NAME_CHARS, 2)
            box.height = 14 + LINE * len(box.lines)
        chart.boxes.append(box)
        previous = box
        y = box.bottom
    chart.height = y + PAD
    return chart


def narrow_chart(catalog: Catalog, proc: Procedure) -> Chart:
    chart = Chart(f"fc-{proc.id}-narrow", "narrow", NARROW, 0, f"{proc.title}：流程图",
                  describe(catalog, proc))
    y: float = PAD
    previous: Box | None = None
    for number, step in enumerate(proc.steps, 1):
        label = wrap(limit_label(catalog, step), NARROW_LABEL, 2)
        if previous is not None:
            y += GAP + 16 * max(len(label), 1)
        lines = wrap(f"{number}. {step.name}", NARROW_CHARS - 2, 3)
        box = Box(step, number, (NARROW - NARROW_BOX) / 2, y, NARROW_BOX, 34 + LINE * len(lines), lines,
                  f"责任人：{step.owner}")
        if previous is not None:
            chart.arrows.append(Arrow([(previous.cx, previous.bottom), (box.cx, box.y)], label,
                                      box.cx + 10, previous.bottom + 18))
        elif label:  # 第一步上面没有箭头，时限写在框里
            box.lines += wrap(f"（{limit_label(catalog, step)}）", NARROW_CHARS - 2, 2)
            box.height = 34 + LINE * len(box.lines)
        chart.boxes.append(box)
        previous = box
        y = box.bottom
    chart.height = y + PAD
    return chart


def charts(catalog: Catalog, proc: Procedure) -> list[Chart]:
    """泳道图和单列图（页面按屏幕宽度显示其一）。"""
    return [lane_chart(catalog, proc), narrow_chart(catalog, proc)]


# ---- 一个领域的全流程（领域概述页“核心流程”一节的末尾，也在“办理时限一览”页的开头）----------

@dataclass(frozen=True)
class Leg:
    """一段法定期限（时限登记表中的编号）。choices 有几个时只走其中一个，如“告知”或者“提出异议”；
    extension 是这段期限经批准可以延长的期限。"""

    choices: tuple[str, ...]
    extension: str = ""


@dataclass(frozen=True)
class Route:
    """一条路上依次经过的几段期限；一个环节有几条路时，信访事项只走其中一条，期限不能相加。"""

    name: str  # 这条路从哪里开始，如“向信访部门提出”；环节只有一条路时为空
    legs: tuple[Leg, ...]


@dataclass(frozen=True)
class Stage:
    name: str
    procedure_ids: tuple[str, ...]
    routes: tuple[Route, ...] = ()


@dataclass
class LegView:
    """页面上的一段期限：期限都从时限登记表读出。"""

    choices: list  # TimeLimit，只走其中一个
    extension: object | None  # TimeLimit：可以延长的期限


@dataclass
class RouteView:
    name: str
    legs: list[LegView]


@dataclass
class StageView:
    name: str
    procedures: list[Procedure]
    routes: list[RouteView]  # 有几条时只走其中一条


def _one(*ids: str) -> Route:
    return Route("", tuple(Leg((i,)) for i in ids))


# 每个领域的全流程。天数、写法、谁来做都从时限登记表读。
WHOLE_FLOWS = {
    "xinfang": [
        Stage("提出信访事项", ("zoufang-jitifang", "laixin-wangshang")),
        Stage("登记和分类", ("dengji-fenlei", "zhongda-jinji")),
        Stage("转送、交办和告知", ("shouli-gaozhi", "buyu-shouli"), (
            Route("直接向信访部门以外的机关、单位提出", (Leg(("xinfang-zhijie-gaozhi",)),)),
            Route("向党委和政府信访部门提出", (Leg(("xinfang-dengji-zhuanjiao",)),
                                         Leg(("xinfang-shouli-gaozhi", "xinfang-zhuanjiao-yiyi")))),
        )),
        Stage("办理和答复", ("banli-dafu",), (Route("", (Leg(("xinfang-banjie",), "xinfang-yanqi"),)),)),
        Stage("复查", ("fucha-fuhe",), (_one("xinfang-fucha-qingqiu", "xinfang-fucha-yijian"),)),
        Stage("复核", ("fucha-fuhe",), (_one("xinfang-fuhe-qingqiu", "xinfang-fuhe-yijian"),)),
        Stage("终结", ("fucha-fuhe",)),
    ],
}
CORE = re.compile(r"^## 核心流程[^\n]*\n(?:(?!## ).*\n?)*", re.M)


def whole_flow(catalog: Catalog, domain_id: str) -> list[StageView]:
    """领域的全流程；规程或时限缺了（还没写好）的环节、期限略去，不让构建失败。"""
    by_id, limits = catalog.by_id(), catalog.time_limits
    stages = []
    for stage in WHOLE_FLOWS.get(domain_id, []):
        procs = [by_id[i] for i in stage.procedure_ids if i in by_id]
        if not procs:
            continue
        routes = []
        for route in stage.routes:
            legs = [LegView([limits[i] for i in leg.choices if i in limits], limits.get(leg.extension))
                    for leg in route.legs]
            legs = [leg for leg in legs if leg.choices]
            if legs:
                routes.append(RouteView(route.name, legs))
        stages.append(StageView(stage.name, procs, routes))
    return stages


def add_whole_flow(renderer, pages: dict[str, str]) -> None:
    """把全流程图插在领域概述页“## 核心流程”一节的末尾（下一个二级标题之前）。"""
    for domain_id in WHOLE_FLOWS:
        uri = overview_uri(domain_id)
        text = pages.get(uri, renderer.authored(uri))
        stages = whole_flow(renderer.catalog, domain_id)
        match = CORE.search(text or "")
        if not stages or not match:
            continue
        block = renderer.render("whole_flow.md.j2", uri, stages=stages, domain=renderer.catalog.domain(domain_id))
        end = match.end()
        pages[uri] = text[:end].rstrip("\n") + "\n\n" + block + "\n" + text[end:]
