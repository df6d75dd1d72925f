"""法规登记表：结构和引用检查（逐字核对消息）、清单页的“依据”、“法规与文件”页、编辑检查用的函数。"""

from __future__ import annotations

from scripts.content.model import Regulation
from scripts.content.regulations import replacements

from .conftest import REGULATIONS, VALID_PROCEDURE, pages, problems

PROC = "procedures/shili/shili-guicheng.yml"
REG = "procedures/_regulations.yml"




def test_unknown_regulation_id_fails_with_file_and_line(tree):
    tree.write(PROC, VALID_PROCEDURE.replace("  - 文件: xinfang-gongzuo-tiaoli", "  - 文件: xinfang-gongzuo-tiaoli-2022"))
    assert problems(tree) == [
        f"{PROC}:9:9 [C020] 依据的法规编号“xinfang-gongzuo-tiaoli-2022”没有登记 → 在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号"
    ]


def test_a_title_instead_of_an_id_is_a_schema_error(tree):
    tree.write(PROC, VALID_PROCEDURE.replace("  - 文件: xinfang-gongzuo-tiaoli", "  - 文件: 《信访工作条例》"))
    assert problems(tree) == [
        f"{PROC}:9:9 [S001] “依据”第 1 项的“文件”的写法“《信访工作条例》”不符合要求"
        " → 法规登记表（procedures/_regulations.yml）中的编号，如 xinfang-gongzuo-tiaoli。"
    ]


def test_superseded_document_must_name_its_replacement(tree):
    tree.write("procedures/_regulations.yml", REGULATIONS.replace("  替代为: xinfang-gongzuo-tiaoli\n", ""))
    assert problems(tree) == [
        f"{REG}:7:3 [S001] 第 2 项缺少必填字段“替代为” → 添加“替代为: …”，写法见 procedures/README.md"
    ]


def test_replacement_must_exist_and_match_the_status(tree):
    tree.write("procedures/_regulations.yml", REGULATIONS.replace("替代为: xinfang-gongzuo-tiaoli", "替代为: bu-cunzai")
               + "- 编号: shili-wenjian\n  名称: 《示例文件》\n  状态: 现行\n  替代为: xinfang-tiaoli\n  适用范围: 只在测试中使用。\n"
               + "- 编号: zi-ji\n  名称: 《自己》\n  状态: 已被替代\n  替代为: zi-ji\n  适用范围: 只在测试中使用。\n")
    assert problems(tree) == [
        f"{REG}:13:8 [C020] “替代为”引用的法规编号“bu-cunzai”没有登记 → 先在 procedures/_regulations.yml 中登记取代它的文件，或检查编号拼写",
        f"{REG}:18:8 [C021] “shili-wenjian”的状态是“现行”，却写了“替代为” → 把状态改为“已被替代”，或删除“替代为”",
        f"{REG}:23:8 [C021] “替代为”不能指向自己 → 写取代它的那份文件的编号",
    ]


def test_duplicate_regulation_ids(tree):
    tree.write("procedures/_regulations.yml", REGULATIONS + REGULATIONS.split("- 编号: xinfang-tiaoli")[0])
    assert problems(tree) == [
        f"{REG}:15:7 [C010] “xinfang-gongzuo-tiaoli”重复登记（第 1 行已有） → 删除重复的一项，必要时把说明合并"
    ]


def test_full_title_has_issuer_number_and_date():
    superseded = Regulation("x", "《信访条例》", "已被替代", "…", issuer="国务院", number="国务院令第431号",
                            effective="2005-05-01", replaced_by="y")
    assert superseded.full_title == "《信访条例》（国务院，国务院令第431号，2005年5月1日起施行）"
    local = Regulation("z", "《县级领导包案制度》", "地方性文件", "…", issuer="原始材料所在市")
    assert local.full_title == "《县级领导包案制度》"


def test_checklist_basis_shows_the_full_title_and_status(tree):
    tree.write(PROC, VALID_PROCEDURE.replace("  - 文件: xinfang-gongzuo-tiaoli\n",
                                             "  - 文件: xinfang-gongzuo-tiaoli\n    条款: 第二章\n    说明: 现行依据。\n"
                                             "  - 文件: xinfang-tiaoli\n    说明: 原始材料写作时的依据。\n"))
    page = pages(tree)["shili/checklists/shili-guicheng.md"]
    assert ("- [《信访工作条例》](../../indexes/regulations.md#xinfang-gongzuo-tiaoli)"
            "（中共中央、国务院，2022年5月1日起施行；现行）第二章：现行依据。") in page
    assert ("- [《信访条例》](../../indexes/regulations.md#xinfang-tiaoli)"
            "（国务院，国务院令第431号，2005年5月1日起施行；已被替代，现行文件为《信访工作条例》）：原始材料写作时的依据。") in page


def test_regulations_page_lists_status_and_who_relies_on_it(tree):
    tree.write("docs/shili/fagui.md", "# 法规\n\n原始材料引用的是《信访条例》。\n")
    page = pages(tree)["indexes/regulations.md"]
    current, superseded = page.index("## 现行"), page.index("## 已被替代")
    assert current < page.index("### 《信访工作条例》 { #xinfang-gongzuo-tiaoli }") < superseded
    assert superseded < page.index("### 《信访条例》 { #xinfang-tiaoli }")
    assert "| 状态 | **已被替代**，现行文件为[《信访工作条例》](#xinfang-gongzuo-tiaoli) |" in page
    assert "| 施行日期 | 2022年5月1日 |" in page
    assert "依据它的规程：[示例规程：登记来访](../shili/checklists/shili-guicheng.md)" in page
    assert "依据它的规程：没有规程直接以它为依据。" in page
    assert "提到它的页面：[法规](../shili/fagui.md)" in page


def test_a_superseded_regulation_is_explained_by_naming_its_replacement_or_saying_so():
    old = Regulation("x", "《信访条例》", "已被替代", "…", replaced_by="y")
    new = Regulation("y", "《信访工作条例》", "现行", "…")
    replaced = replacements([old, new])
    assert list(replaced) == ["《信访条例》"] and replaced["《信访条例》"].new == new
    assert not replaced["《信访条例》"].explained_in("按照《信访条例》办理。")
    assert replaced["《信访条例》"].explained_in("《信访条例》已被取代。")
    assert replaced["《信访条例》"].explained_in("《信访条例》和《信访工作条例》的区别见下表。")
