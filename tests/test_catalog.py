"""整树校验：结构（JSON Schema）与含义检查，全部问题一次报出，消息逐字核对。"""

from __future__ import annotations

import datetime as dt

from scripts.catalog import load_catalog

from .conftest import VALID_PROCEDURE, problems

PROC = "procedures/shili/shili-guicheng.yml"



def test_valid_tree_loads(tree):
    catalog = load_catalog(tree.root)
    assert [p.id for p in catalog.procedures] == ["shili-guicheng"]
    assert catalog.procedures[0].source == PROC


def test_missing_required_field(tree):
    tree.write(PROC, VALID_PROCEDURE.replace("摘要: 用于测试的一项完整规程，包含两个步骤。\n", ""))
    assert problems(tree) == [
        f"{PROC}:1:1 [S001] 整个文件缺少必填字段“摘要” → 添加“摘要: …”，写法见 procedures/README.md"
    ]


def test_unknown_field_points_at_its_key(tree):
    tree.write(PROC, VALID_PROCEDURE.replace("    时限: 当场\n", "    时间: 当场\n"))
    assert problems(tree) == [
        f"{PROC}:20:5 [S001] “步骤”第 1 项中有不认识的字段“时间” → 检查拼写；这里可用的字段有：编号、名称、做法、责任人、时限、法定时限、留痕材料、依据"
    ]


def test_wrong_type_enum_and_date(tree):
    text = (VALID_PROCEDURE.replace("状态: 现行", "状态: 有效")
            .replace('条目: ["6.54"]', "条目: [6.54]")
            .replace("上次复核: 2026-01-15", "上次复核: 2026-13-45"))
    tree.write(PROC, text)
    assert problems(tree) == [
        f"{PROC}:4:5 [S001] “状态”的值“有效”不在允许范围内 → 只能是：现行、已废止",
        f"{PROC}:32:10 [S001] “来源”第 1 项的“条目”第 1 项应为文字 → 数字或日期样式的文字请加引号，如 \"6.54\"",
        f"{PROC}:34:7 [S001] “上次复核”“2026-13-45”不是有效的日期 → 写成 YYYY-MM-DD，如 2026-11-28",
    ]


def test_fullwidth_colon_in_a_list_gets_a_hint(tree):
    tree.write(PROC, VALID_PROCEDURE.replace("  - 文件: xinfang-gongzuo-tiaoli", "  - 文件：xinfang-gongzuo-tiaoli"))
    found = problems(tree)
    assert len(found) == 1
    assert found[0].endswith("；这一行的键后面用了全角冒号“：”，请改成半角冒号加空格“: ”")
    assert found[0].startswith(f"{PROC}:9:5 [S001] “依据”第 1 项应为一组“键: 值”")


def test_id_domain_roles_steps_and_links(tree):
    text = (VALID_PROCEDURE.replace("编号: shili-guicheng", "编号: other-id")
            .replace("领域: shili", "领域: xinfang")
            .replace("  - 角色: 督查人\n", "  - 角色: 督察人\n")
            .replace("    责任人: 督查人", "    责任人: 办访人")
            .replace("  - 编号: genzong", "  - 编号: dengji")
            .replace("检查要点:", "相关规程: [bu-cunzai]\n检查要点:"))
    tree.write(PROC, text)
    assert problems(tree) == [
        f"{PROC}:1:5 [C001] 编号“other-id”与文件名“shili-guicheng.yml”不一致 → 把编号改成“shili-guicheng”，或把文件改名为 other-id.yml（已发布的编号不要改）",
        f"{PROC}:3:5 [C002] 领域“xinfang”与所在文件夹“shili”不一致 → 把领域改成“shili”，或把文件移到 procedures/xinfang/",
        f"{PROC}:13:9 [C006] 角色“督察人”没有登记 → 在 procedures/_roles.yml 中登记这个角色，或改用已登记的角色名",
        f"{PROC}:22:9 [C004] 步骤编号“dengji”与第 1 步重复 → 每一步的编号在本规程内唯一；新步骤用新编号，已有编号不要改",
        f"{PROC}:25:10 [C005] 责任人“办访人”不在本规程的“责任主体”中 → 改用其中之一（接访人、督察人），或先在“责任主体”中加上这个角色",
        f"{PROC}:27:8 [C003] 相关规程“bu-cunzai”不存在 → 检查编号拼写，或删除这一项",
    ]


def test_every_problem_in_every_file_is_reported_at_once(tree):
    tree.write("procedures/shili/a.yml", "编号: a\n编号: b\n")
    tree.write("procedures/shili/b.yml", "标题：错\n摘要: x\n")
    tree.write("procedures/weidengji/c.yml", VALID_PROCEDURE.replace("shili-guicheng", "c"))
    tree.write("procedures/shili/d.yaml", "x: 1\n")
    found = problems(tree)
    files = {line.split(":")[0] for line in found}
    assert files == {
        "procedures/shili/a.yml", "procedures/shili/b.yml", "procedures/weidengji",
        "procedures/weidengji/c.yml", "procedures/shili/d.yaml",
    }
    assert "procedures/weidengji:1:1 [C002] 文件夹“weidengji”不是已登记的领域 → 在 procedures/_domains.yml 中登记该领域，或把文件移到已有领域的文件夹" in found
    assert "procedures/shili/d.yaml:1:1 [C009] 规程文件的扩展名应为 .yml → 把文件改名为 d.yml" in found


def test_duplicate_registrations(tree):
    tree.write("procedures/_roles.yml", "- 角色: 接访人\n  说明: 第一次登记\n- 角色: 督查人\n  说明: 督办人员\n- 角色: 接访人\n  说明: 第二次登记\n")
    assert problems(tree) == [
        "procedures/_roles.yml:5:7 [C010] “接访人”重复登记（第 1 行已有） → 删除重复的一项，必要时把说明合并"
    ]


def test_same_id_in_two_domains(tree):
    tree.write("procedures/_domains.yml", "- 编号: shili\n  名称: 示例\n  简介: 测试领域一\n- 编号: lingyi\n  名称: 另一\n  简介: 测试领域二\n")
    tree.write("procedures/lingyi/shili-guicheng.yml", VALID_PROCEDURE.replace("领域: shili", "领域: lingyi"))
    assert problems(tree) == [
        "procedures/lingyi/shili-guicheng.yml:1:5 [C007] 编号“shili-guicheng”已被 procedures/shili/shili-guicheng.yml 使用 → 编号全局唯一且不复用，请换一个新编号"
    ]  # 报在新加的文件上，不报在已发布的文件上


def test_review_dates(tree):
    proc = load_catalog(tree.root).procedures[0]
    assert proc.reviewed == dt.date(2026, 1, 15)
    assert proc.review_due == dt.date(2027, 1, 15)
    assert not proc.overdue(dt.date(2027, 1, 15))
    assert proc.overdue(dt.date(2027, 1, 16))
