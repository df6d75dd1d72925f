"""时限登记表：每个法定期限只写一次，清单步骤、说明页和“办理时限一览”页都从它来。"""

from __future__ import annotations

from .conftest import TIME_LIMITS, VALID_PROCEDURE, pages, problems

USES_LIMIT = VALID_PROCEDURE.replace("    时限: 当场\n", "    法定时限: shili-shouli\n")
FIRST_THINGS = "先做什么:\n  - 先登记，当面听清诉求\n  - \"[[天数:shili-shouli]]日内书面告知是否受理\"\n适用情形:"


def test_one_number_changes_every_page(tree):
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT)
    tree.write("docs/shili/shili-guicheng.md", "# 示例规程：登记来访\n\n期限：[[时限:shili-shouli]]，共 [[天数:shili-shouli]] 日。\n")
    before = pages(tree)
    assert "<span>时限：自收到之日起15日内</span>" in before["shili/checklists/shili-guicheng.md"]
    assert "期限：自收到之日起15日内，共 15 日。" in before["shili/shili-guicheng.md"]
    assert "## 决定是否受理并书面告知：15 日" in before["shili/shixian.md"]
    # 时限一览列出引用这个期限的清单步骤，链接到那一步。
    assert "(checklists/shili-guicheng.md#shili-guicheng--dengji)：登记来访" in before["shili/shixian.md"]

    tree.write("procedures/_time_limits.yml", TIME_LIMITS.replace("天数: 15", "天数: 20"))
    after = pages(tree)
    for uri in ("shili/checklists/shili-guicheng.md", "shili/shili-guicheng.md", "shili/shixian.md"):
        assert "起15日内" not in after[uri] and "15 日" not in after[uri], uri
        assert "自收到之日起20日内" in after[uri], uri
    assert "共 20 日。" in after["shili/shili-guicheng.md"]
    assert "<span>时限：自收到之日起20日内</span>" in after["shili/checklists/shili-guicheng.md"]


def test_yaml_text_uses_the_register_too(tree):
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT.replace("适用情形:", FIRST_THINGS)
               .replace("做法: 按台账跟踪", "做法: 受理后[[时限:shili-shouli]]告知；按台账跟踪"))
    page = pages(tree)["shili/checklists/shili-guicheng.md"]
    assert "15日内书面告知是否受理" in page and "受理后自收到之日起15日内告知" in page
    assert "[[" not in page
    tree.write("procedures/_time_limits.yml", TIME_LIMITS.replace("天数: 15", "天数: 20"))
    assert "20日内书面告知是否受理" in pages(tree)["shili/checklists/shili-guicheng.md"]


def test_unknown_reference_in_yaml_text_names_file_and_line(tree):
    text = USES_LIMIT.replace("适用情形:", FIRST_THINGS).replace("天数:shili-shouli", "天数:meiyou")
    tree.write("procedures/shili/shili-guicheng.yml", text)
    line = text.splitlines().index('  - "[[天数:meiyou]]日内书面告知是否受理"') + 1
    assert problems(tree) == [
        f"procedures/shili/shili-guicheng.yml:{line}:5 [C031] 引用的时限“meiyou”没有登记"
        " → 改用 procedures/_time_limits.yml 中的编号，写成 [[时限:编号]] 或 [[天数:编号]]"
    ]


def test_first_things_are_measured_as_shown(tree):
    long_line = "按" + "很" * 30 + "[[天数:shili-shouli]]日内告知"  # 原文超过 40 字，显示出来 37 字
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT.replace("适用情形:", FIRST_THINGS.replace(
        "先登记，当面听清诉求", long_line)))
    pages(tree)  # 通过
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT.replace("适用情形:", FIRST_THINGS.replace(
        "先登记，当面听清诉求", "很" * 41)))
    assert [p.split(" [")[1][:4] for p in problems(tree)] == ["C032"]


def test_unknown_step_reference_names_file_and_line(tree):
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT.replace("法定时限: shili-shouli", "法定时限: meiyou"))
    assert problems(tree) == [
        "procedures/shili/shili-guicheng.yml:20:11 [C031] 法定时限“meiyou”没有登记"
        " → 改用 procedures/_time_limits.yml 中的编号，或先在那里登记这个期限"
    ]


def test_unknown_page_reference_names_file_and_line(tree):
    tree.write("docs/shili/shuoming.md", "# 说明\n\n第一段。\n\n按[[时限:meiyou]]办理。\n")
    assert problems(tree) == [
        "docs/shili/shuoming.md:5:2 [C031] 引用的时限“meiyou”没有登记"
        " → 改用 procedures/_time_limits.yml 中的编号，写成 [[时限:编号]] 或 [[天数:编号]]"
    ]


def test_step_cannot_have_both_kinds_of_limit(tree):
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT.replace(
        "    法定时限: shili-shouli\n", "    时限: 当场\n    法定时限: shili-shouli\n"))
    assert problems(tree) == [
        "procedures/shili/shili-guicheng.yml:16:5 [S001] “步骤”第 1 项同时写了“时限”和“法定时限” → 只保留一个"
    ]


def test_register_checks_domain_and_basis(tree):
    tree.write("procedures/_time_limits.yml", TIME_LIMITS.replace("领域: shili", "领域: meiyou")
               .replace("依据: xinfang-gongzuo-tiaoli", "依据: meiyou-fagui"))
    found = problems(tree)
    assert "procedures/_time_limits.yml:2:7 [C030] 领域“meiyou”没有登记 → 改用 procedures/_domains.yml 中的领域编号" in found
    assert any(p.startswith("procedures/_time_limits.yml:6:7 [C030] 依据的法规编号“meiyou-fagui”没有登记") for p in found)


def test_wording_must_contain_the_number(tree):
    tree.write("procedures/_time_limits.yml", TIME_LIMITS.replace("自收到之日起{天数}日内", "自收到之日起15日内"))
    assert any("[S001] 第 1 项的“写法”的写法" in p for p in problems(tree))


def test_source_may_be_a_current_regulation(tree):
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace(
        '  - 篇目: 篇六\n    章节: 工作要点\n    条目: ["6.54"]\n', "  - 法规: xinfang-gongzuo-tiaoli\n    章节: 受理和办理\n"))
    page = pages(tree)["shili/checklists/shili-guicheng.md"]
    assert '??? note "来源"\n    - 《信访工作条例》：受理和办理\n' in page

    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace(
        '  - 篇目: 篇六\n    章节: 工作要点\n    条目: ["6.54"]\n', "  - 法规: meiyou\n"))
    assert problems(tree)[0].startswith("procedures/shili/shili-guicheng.yml:30:9 [C020] 来源的法规编号“meiyou”没有登记")


def test_source_with_a_typo_is_explained_by_the_closest_form(tree):
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("    章节: 工作要点\n", "    章: 工作要点\n"))
    found = problems(tree)
    assert any("“来源”第 1 项缺少必填字段“章节”" in p for p in found), found
    assert not any("法规" in p for p in found), found


WORKING_DAYS = TIME_LIMITS + """\
- 编号: shili-yiyi
  领域: shili
  环节: 对转送事项提出异议
  天数: 5
  计日: 工作日
  写法: 自收到之日起{天数}个工作日内
  依据: xinfang-gongzuo-tiaoli
  条款: 第二十三条第三款
  责任人: 接访人
"""


def test_working_days_are_shown_as_working_days(tree):
    """计日为工作日的期限：一览页的标题、说明和流程图都写“个工作日”；写了责任人的写出谁来做。"""
    tree.write("procedures/_time_limits.yml", WORKING_DAYS)
    tree.write("procedures/shili/shili-guicheng.yml", USES_LIMIT.replace("法定时限: shili-shouli", "法定时限: shili-yiyi"))
    tree.write("docs/shili/shili-guicheng.md", "# 示例规程：登记来访\n\n异议：[[天数:shili-yiyi]]个工作日内提出。\n")
    generated = pages(tree)
    page = generated["shili/shixian.md"]
    assert "## 对转送事项提出异议：5 个工作日 { #shili-yiyi }" in page
    assert "**谁来做**：接访人。" in page and "**怎么算**：按工作日计算，不是日历日。" in page
    assert "第二十三条第三款" in page
    # 没有全流程的领域：各个期限互不相连，不画箭头
    assert '<ul class="time-flow">' in page and "time-flow__arrow" not in page
    assert "<strong>5个工作日</strong>" in page
    assert "法定时限5个工作日" in generated["shili/shili-guicheng.md"]
    assert "异议：5个工作日内提出。" in generated["shili/shili-guicheng.md"]


def test_working_days_must_be_written_as_working_days(tree):
    tree.write("procedures/_time_limits.yml", WORKING_DAYS.replace("{天数}个工作日内", "{天数}日内"))
    assert any("[C033] 按工作日计算的期限，写法里没有“工作日”" in p for p in problems(tree))
    tree.write("procedures/_time_limits.yml", WORKING_DAYS)
    tree.write("docs/shili/shuoming.md", "# 说明\n\n异议：[[天数:shili-yiyi]]日内提出。\n")
    assert problems(tree) == [
        "docs/shili/shuoming.md:3:4 [C033] 期限“shili-yiyi”按工作日计算，后面却写了“日”"
        " → 写成 [[天数:shili-yiyi]]个工作日，或用 [[时限:shili-yiyi]] 写出完整的写法"
    ]


def test_before_limits_say_before_and_actors_must_be_registered(tree):
    before = TIME_LIMITS.replace("写法: 自收到之日起{天数}日内", "写法: 开工{天数}日内\n  方向: 之前")
    tree.write("procedures/_time_limits.yml", before.replace("依据:", "责任人: 不存在的角色\n  依据:"))
    found = problems(tree)
    assert any("[C033] “之前”的期限，写法里天数后面没有“前”" in p for p in found), found
    assert any("[C030] 责任人“不存在的角色”没有登记" in p for p in found), found
    tree.write("procedures/_time_limits.yml", before.replace("开工{天数}日内", "开工{天数}日前"))
    page = pages(tree)["shili/shixian.md"]
    assert "：15 日前 { #shili-shouli }" in page and "<strong>15日前</strong>" in page
