"""渲染：清单页、说明页的信息框、索引页和导航。"""

from __future__ import annotations

import datetime as dt
import re

from scripts.pages.navigation import build_nav
from scripts.pipeline import load_catalog

from .conftest import VALID_PROCEDURE, pages, problems

TODAY = dt.date(2026, 6, 1)



def body(page: str) -> str:
    """去掉前置元数据（标签）后的正文。"""
    return page.split("\n---\n", 1)[1].lstrip("\n") if page.startswith("---\n") else page


def test_checklist_page_has_every_step_with_a_stable_id(tree):
    page = pages(tree)["shili/checklists/shili-guicheng.md"]
    assert page.startswith('---\ntags:\n  - "示例领域"\n---\n')  # 角色不做标签（搜索里权重过高）
    assert body(page).startswith('<nav class="breadcrumbs"')  # 面包屑在一级标题之前
    assert "</nav>\n\n# 清单：示例规程：登记来访\n" in page
    assert '<ol class="checklist" data-procedure="shili/shili-guicheng">' in page
    assert page.count('<input type="checkbox" class="checklist__box" name=') == 2  # 步骤；检查要点另计
    assert 'id="shili-guicheng--dengji" data-step="dengji"' in page
    assert "<span>责任人：接访人</span><span>时限：当场</span><span>留痕材料：来访登记表</span>" in page
    assert "<span>留痕材料：无</span>" in page
    assert '<li><label class="checklist-points__label"><input type="checkbox" class="checklist__box"> 每次来访都有登记</label></li>' in page
    assert '??? note "来源"\n    - 一份用于测试的工作总结：工作要点\n' in page
    assert "6.54" not in page  # 素材条目号只供编辑核对覆盖，不给读者看


def test_text_is_escaped_in_html(tree):
    # 尖括号在读取时就被拒绝（S002，见 test_hostile_build.py）；模板仍然转义，作为第二道防线。
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace(
        "做法: 当面听清诉求并记录在来访登记表上。", "做法: 填写A&B表格'\"x\"'"))
    page = pages(tree)["shili/checklists/shili-guicheng.md"]
    assert "填写A&amp;B表格&#39;&#34;x&#34;&#39;" in page


def test_authored_page_gets_info_box_after_its_title(tree):
    tree.write("docs/shili/shili-guicheng.md", "# 登记来访\n\n正文第一段。\n")
    page = pages(tree)["shili/shili-guicheng.md"]
    assert page.startswith('---\ntags:\n  - "示例领域"\n')
    crumbs, _, title, rest = body(page).split("\n", 3)
    assert crumbs.startswith('<nav class="breadcrumbs"') and title == "# 登记来访"
    assert rest.index('>规程信息<') < rest.index("正文第一段。")
    assert "[:material-checkbox-marked-outline: 打开清单（可勾选、可打印）](checklists/shili-guicheng.md)" in page
    assert "**下次复核**：2027年1月15日" in page
    checklist = pages(tree)["shili/checklists/shili-guicheng.md"]
    # 面包屑：领域 › 规程一览 › 说明页，放在一级标题前面
    crumbs = ('<nav class="breadcrumbs" aria-label="当前位置" data-search-exclude markdown="span">'
              "[示例领域](../index.md) › [规程一览](index.md) › [示例规程：登记来访](../shili-guicheng.md)</nav>")
    assert crumbs in checklist
    assert checklist.index(crumbs) < checklist.index("# 清单：")
    assert "[示例领域](index.md) › [规程一览](checklists/index.md)</nav>\n\n# 登记来访" in page


def test_overdue_and_retired_notices(tree):
    assert "已超过复核日期" not in pages(tree, dt.date(2027, 1, 15))["shili/checklists/shili-guicheng.md"]
    late = pages(tree, dt.date(2027, 1, 16))["shili/checklists/shili-guicheng.md"]
    assert '!!! warning "已超过复核日期"' in late
    assert "本规程应在 2027年1月15日 前复核" in late
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("状态: 现行", "状态: 已废止"))
    assert '!!! danger "本规程已废止"' in pages(tree)["shili/checklists/shili-guicheng.md"]


def test_indexes_by_domain_and_role(tree):
    generated = pages(tree)
    assert "## 示例领域" in generated["indexes/domains.md"]
    assert "[示例规程：登记来访](../shili/checklists/shili-guicheng.md)" in generated["indexes/domains.md"]
    roles = generated["indexes/roles.md"]
    assert "## 接访人" in roles and "：负责登记来访" in roles
    assert "## 督查人" in roles and "：负责跟踪办理" in roles
    assert "| [示例规程：登记来访](shili-guicheng.md) | 群众来访 | [2 步](shili-guicheng.md) |" in generated["shili/checklists/index.md"]


def test_missing_domain_overview_is_generated_but_authored_one_wins(tree):
    assert "shili/index.md" in pages(tree)
    tree.write("docs/shili/index.md", "# 示例领域概述\n")
    assert "shili/index.md" not in pages(tree)


def test_navigation_follows_domains_and_source_order(tree):
    tree.write("procedures/shili/di-er.yml", VALID_PROCEDURE.replace("shili-guicheng", "di-er")
               .replace("标题: 示例规程：登记来访", "标题: 第二项规程").replace('["6.54"]', '["6.41"]'))
    tree.write("docs/shili/index.md", "# 概述\n")
    tree.write("docs/shili/di-er.md", "# 第二项规程\n")
    tree.write("docs/shili/fagui.md", "# 法规\n")
    tree.write("docs/guide/writing.md", "# 写作规范\n")
    nav = build_nav(load_catalog(tree.root))
    assert nav[:2] == [
        {"首页": "index.md"},
        {"示例领域": [{"概述": "shili/index.md"}, {"规程一览": "shili/checklists/index.md"},
                      {"办理时限一览": "shili/shixian.md"}, "shili/fagui.md"]},
    ]
    assert nav[-1] == {"guide": ["guide/writing.md"]}

    # 规程不逐一进导航（否则构建时间随规程数平方增长），改由同领域内的上一篇/下一篇相连，按原始材料顺序。
    generated = pages(tree)
    first, second = generated["shili/di-er.md"], generated["shili/checklists/shili-guicheng.md"]
    assert "[下一篇：示例规程：登记来访 :material-arrow-right:](checklists/shili-guicheng.md)" in first
    assert "上一篇" not in first
    assert "[:material-arrow-left: 上一篇：第二项规程](di-er.md)" in second


FIRST_THINGS = """先做什么:
  - 当场登记，请来访人核对
  - 15日内书面告知
  - 不能只口头答复
适用情形:"""


def test_checklist_page_puts_the_steps_first(tree):
    """标题、摘要、先做什么、步骤、检查要点在前；适用情形、责任主体、依据、来源在后；元数据一行，不显示编号。"""
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("适用情形:", FIRST_THINGS))
    page = body(pages(tree)["shili/checklists/shili-guicheng.md"])
    order = ["# 清单：", "用于测试的一项完整规程", '<p class="first-things__title">先做什么</p>', '<div class="case-header" data-search-exclude>',
             "## 步骤", '<ol class="checklist"', "## 检查要点", '<p class="checklist-meta" data-search-exclude>', "## 适用情形",
             "## 责任主体", "## 依据", '??? note "来源"']
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "<li>当场登记，请来访人核对</li>\n<li>15日内书面告知</li>\n<li>不能只口头答复</li>" in page
    assert ('<p class="checklist-meta" data-search-exclude>状态：现行 · 负责人：测试组 · 上次复核：2026年1月15日 · '
            "下次复核：2027年1月15日</p>") in page
    # 规程编号只出现在属性里（勾选记忆、锚点），不出现在读者看到的文字中
    visible = re.sub(r"<[^>]*>|\]\([^)]*\)", " ", page)
    assert "shili-guicheng" not in visible and "procedures/" not in visible


def test_first_things_box_on_the_procedure_page_and_optional(tree):
    tree.write("docs/shili/shili-guicheng.md", "# 登记来访\n\n正文第一段。\n")
    assert "先做什么" not in pages(tree)["shili/checklists/shili-guicheng.md"]  # 没填就不显示
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("适用情形:", FIRST_THINGS))
    page = pages(tree)["shili/shili-guicheng.md"]
    assert page.index('>规程信息<') < page.index("先做什么") < page.index("正文第一段。")


def test_first_things_is_two_or_three_short_lines(tree):
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace(
        "适用情形:", "先做什么:\n  - 只有一行不够\n适用情形:"))
    assert any("先做什么" in line for line in problems(tree))


def test_print_page_has_a_case_header_for_every_checklist(tree):
    page = pages(tree)["shili/checklists/print.md"]
    assert page.count('<div class="case-header" data-search-exclude>') == 1
    assert "<span>事项：</span><span>当事人或对象：</span>" in page
    assert "<span>编号：</span><span>经办单位：</span><span>日期：</span>" in page


PATHS = """\
- 角色: 示例岗位
  说明: 测试用的学习路径。
  先读: [shili/index.md]
  规程: [shili-guicheng, di-er]
"""


def test_learning_path_links_and_bars(tree):
    tree.write("procedures/_paths.yml", PATHS)
    tree.write("procedures/shili/di-er.yml", VALID_PROCEDURE.replace("shili-guicheng", "di-er")
               .replace("标题: 示例规程：登记来访", "标题: 第二项规程"))
    tree.write("docs/shili/index.md", "# 示例领域概述\n\n概述。\n")
    tree.write("docs/shili/shili-guicheng.md", "# 登记来访\n\n正文。\n")
    generated = pages(tree)
    start = generated["start.md"]
    assert "## 示例岗位 {: #lujing-1 }" in start
    assert "[示例领域概述](shili/index.md?lujing=1)" in start
    assert "1. [示例规程：登记来访](shili/shili-guicheng.md?lujing=1)" in start
    assert "（[练习清单](shili/checklists/shili-guicheng.md?lujing=1)）" in start
    assert '<span class="path-practice" data-procedure="shili/shili-guicheng" data-steps="2"></span>' in start

    def bar(uri: str) -> str:
        return re.search(r'<nav class="path-bar".*?</nav>', generated[uri]).group(0)

    assert "学习路径：[示例岗位](../start.md#lujing-1) 1/3 · [下一步：示例规程：登记来访](shili-guicheng.md?lujing=1)" in bar("shili/index.md")
    middle = bar("shili/shili-guicheng.md")
    assert " 2/3 · [上一步](index.md?lujing=1)" in middle and "[下一步：第二项规程](checklists/di-er.md?lujing=1)" in middle
    # 说明页和清单页是同一站；最后一站没有“下一步”
    assert " 2/3 " in bar("shili/checklists/shili-guicheng.md")
    assert bar("shili/checklists/di-er.md").endswith("3/3 · [上一步](../shili-guicheng.md?lujing=1){: title=\"示例规程：登记来访\" } · 已是最后一步</nav>")
    assert 'data-path="1"' in middle and "hidden" in middle and "data-search-exclude" in middle
    # 路径条在一级标题之后
    text = generated["shili/shili-guicheng.md"]
    assert text.index("# 登记来访") < text.index('<nav class="path-bar"') < text.index('>规程信息<')

