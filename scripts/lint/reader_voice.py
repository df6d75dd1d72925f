"""写给读者的话：页面讲工作本身，不讲素材从哪里来；讲到受理、告知、办结、复查、复核的步骤要写明时限。

L030 步骤名称讲到受理、告知、办结、复查或复核，却没有“时限”或“法定时限”。
L031 正文谈论素材：“原始材料”“素材清单”、素材条目号等。来源只在页脚的“来源”说明里交代一次，
     条目号只留在 procedures/_coverage.yml 和规程 YAML 的“来源”字段里供编辑核对。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.content.model import Procedure
from scripts.problems import Problem

from .rules import problem
from .source import Source, procedure_of

NEEDS_LIMIT = re.compile(r"受理|告知|办结|复查|复核")
SOURCE_TALK = re.compile(r"原始材料|素材清单|素材条目|原文我们没有|原文没有(?:写|给出)")


def check(source: Source) -> Iterator[Problem]:
    yield from _source_talk(source)
    proc = procedure_of(source)
    if proc is not None:
        yield from _steps_without_limit(source, proc)


def _source_talk(source: Source) -> Iterator[Problem]:
    for segment in source.segments:
        for match in SOURCE_TALK.finditer(segment.text):
            line = segment.line + segment.text.count("\n", 0, match.start())
            yield problem(source.shown, line, segment.column + match.start() if line == segment.line else 1, "L031",
                          f"正文在谈论素材：“{match.group(0)}”",
                          "直接写工作本身（做什么、谁做、何时、留什么记录）；来源只在页脚的“来源”说明里写一次")


def _steps_without_limit(source: Source, proc: Procedure) -> Iterator[Problem]:
    for step in proc.steps:
        found = None if step.time_limit or step.legal_limit else NEEDS_LIMIT.search(str(step.name))
        if found:
            line, column = step.where("name")
            yield problem(source.shown, line, column, "L030", f"步骤“{step.name}”讲到{found.group(0)}，却没有写时限",
                          "法定期限写“法定时限: 编号”（见 procedures/_time_limits.yml）；其他期限写“时限: …”，"
                          "确实没有期限的，把名称改得更准确")
