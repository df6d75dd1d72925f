"""写给读者的话：页面讲工作本身，不讲素材从哪里来；讲到受理、告知、办结、复查、复核的步骤要写明时限。

L030 步骤名称讲到受理、告知、办结、复查或复核，却没有“时限”或“法定时限”。
L031 正文谈论素材：“原始材料”“素材清单”、素材条目号等。来源只在页脚的“来源”说明里交代一次，
     条目号只留在 procedures/_coverage.yml 和规程 YAML 的“来源”字段里供编辑核对。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ..problems import Problem
from .review import is_procedure
from .rules import problem
from .source import Source

NEEDS_LIMIT = re.compile(r"受理|告知|办结|复查|复核")
SOURCE_TALK = re.compile(r"原始材料|素材清单|素材条目|原文我们没有|原文没有(?:写|给出)")


def check(source: Source) -> Iterator[Problem]:
    yield from _source_talk(source)
    if is_procedure(source) and isinstance(source.yaml_root, yaml.MappingNode):
        yield from _steps_without_limit(source, source.yaml_root)


def _source_talk(source: Source) -> Iterator[Problem]:
    for segment in source.segments:
        for match in SOURCE_TALK.finditer(segment.text):
            line = segment.line + segment.text.count("\n", 0, match.start())
            yield problem(source.shown, line, segment.column + match.start() if line == segment.line else 1, "L031",
                          f"正文在谈论素材：“{match.group(0)}”",
                          "直接写工作本身（做什么、谁做、何时、留什么记录）；来源只在页脚的“来源”说明里写一次")


def _steps_without_limit(source: Source, root: yaml.MappingNode) -> Iterator[Problem]:
    steps = next((value for key, value in root.value if key.value == "步骤"), None)
    if not isinstance(steps, yaml.SequenceNode):
        return
    for step in steps.value:
        if not isinstance(step, yaml.MappingNode):
            continue
        fields = {key.value: value for key, value in step.value}
        name = fields.get("名称")
        if not isinstance(name, yaml.ScalarNode) or "时限" in fields or "法定时限" in fields:
            continue
        found = NEEDS_LIMIT.search(name.value)
        if found:
            yield problem(source.shown, name.start_mark.line + 1, name.start_mark.column + 1, "L030",
                          f"步骤“{name.value}”讲到{found.group(0)}，却没有写时限",
                          "法定期限写“法定时限: 编号”（见 procedures/_time_limits.yml）；其他期限写“时限: …”，"
                          "确实没有期限的，把名称改得更准确")
