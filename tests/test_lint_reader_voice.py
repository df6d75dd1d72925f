"""L030 讲到受理、告知、办结、复查、复核的步骤要有时限；L031 正文不谈论素材。"""

from __future__ import annotations

from tests.conftest import VALID_PROCEDURE

from .lint_helpers import codes, lint_lines

SOURCE = "procedures/shili/shili-guicheng.yml"


def test_step_about_acceptance_without_a_limit(tree):
    text = VALID_PROCEDURE.replace("名称: 跟踪办理", "名称: 跟踪办结")
    line = text.splitlines().index("    名称: 跟踪办结") + 1
    assert lint_lines(tree, {SOURCE: text}) == [
        f"{SOURCE}:{line}:9 [L030] 步骤“跟踪办结”讲到办结，却没有写时限 → 法定期限写“法定时限: 编号”"
        "（见 procedures/_time_limits.yml）；其他期限写“时限: …”，确实没有期限的，把名称改得更准确"
    ]


def test_a_free_or_legal_limit_satisfies_the_rule(tree):
    free = VALID_PROCEDURE.replace("名称: 登记来访", "名称: 登记并告知")  # 这一步有“时限: 当场”
    legal = VALID_PROCEDURE.replace("名称: 登记来访", "名称: 决定是否受理").replace("时限: 当场", "法定时限: shili-shouli")
    assert lint_lines(tree, {SOURCE: free}) == []
    assert lint_lines(tree, {SOURCE: legal}) == []


def test_talk_about_the_source_material(tree):
    lines = lint_lines(tree, {"docs/shili/a.md": "# 标题\n\n按原始材料的说法，先登记。见素材清单 6.54。\n"})
    assert lines == [
        "docs/shili/a.md:3:2 [L031] 正文在谈论素材：“原始材料” → 直接写工作本身（做什么、谁做、何时、留什么记录）；"
        "来源只在页脚的“来源”说明里写一次",
        "docs/shili/a.md:3:15 [L031] 正文在谈论素材：“素材清单” → 直接写工作本身（做什么、谁做、何时、留什么记录）；"
        "来源只在页脚的“来源”说明里写一次",
    ]


def test_yaml_values_are_checked_but_comments_are_not(tree):
    text = "# 原始材料：篇六\n" + VALID_PROCEDURE.replace("摘要: 用于测试", "摘要: 原始材料未给出。用于测试")
    assert codes(lint_lines(tree, {SOURCE: text})) == ["L031"]
