"""L006 身份证号码、L007 手机号码、L008 个人姓名。"""

from __future__ import annotations

import pytest

from scripts import ROOT
from scripts.lint.personal import DENYLIST_ENV, valid_id_number
from tests.lint_helpers import lint_lines

# 测试用的虚构姓名。真实的名单不在仓库里，由环境变量 MANUAL_NAME_DENYLIST 指向（CI 从机密设置写出）。
FICTIONAL = ["王小明", "孙校长"]


@pytest.fixture
def fictional_names(monkeypatch, tmp_path):
    listing = tmp_path / "names.txt"
    listing.write_text("# 虚构的名单\n" + "\n".join(FICTIONAL) + "\n\n", encoding="utf-8")
    monkeypatch.setenv(DENYLIST_ENV, str(listing))


@pytest.fixture
def no_denylist(monkeypatch):
    monkeypatch.delenv(DENYLIST_ENV, raising=False)


@pytest.mark.parametrize(("number", "valid"), [
    ("11010519491231002X", True),   # GB 11643 中的示例号码
    ("11010519491231002x", True),
    ("110105194912310021", False),  # 校验码不对
    ("110105194902300029", False),  # 2月30日
])
def test_id_number_check_digit(number, valid):
    assert valid_id_number(number) is valid


def test_personal_data(tree, fictional_names):
    text = ("# 页\n\n信访人身份证11010519491231002X，另一串110105194912310021不是号码，"
            "电话138-0013-8000，市委书记王小明和孙校长出席。\n")
    assert lint_lines(tree, {"docs/a.md": text}) == [
        "docs/a.md:3:7 [L006] 出现了身份证号码（110…002X） → 手册中不能有个人信息：删除这个号码",
        "docs/a.md:3:54 [L007] 出现了手机号码（138…8000） → 手册中不能有个人信息：删除号码；需要联系方式时写单位的办公电话或岗位",
        "docs/a.md:3:72 [L008] 这里有一个名单上的个人姓名 → 手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”",
        "docs/a.md:3:76 [L008] 这里有一个名单上的个人姓名 → 手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”",
    ]


def test_roles_and_long_numbers_are_fine(tree, no_denylist):
    text = "# 页\n\n市委书记、校长和一位信访人；文号 20221234567890123456，电话 0731-22334455。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == []


@pytest.mark.parametrize("text", ["王小明同志", "李明老师", "张建国书记", "陈红主任"])
def test_name_with_title_is_found_without_any_list(tree, no_denylist, text):
    lines = lint_lines(tree, {"docs/a.md": f"# 页\n\n会上{text}讲了话。\n"})
    assert lines == [f"docs/a.md:3:3 [L008] 出现了“姓名 + 称谓”的写法“{text}” → "
                     "手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”"]


@pytest.mark.parametrize("text", ["市委书记和党委书记出席", "全体同志", "各方面的同志", "于领导干部中", "王主任"])
def test_roles_and_ordinary_words_are_not_names(tree, no_denylist, text):
    assert lint_lines(tree, {"docs/a.md": f"# 页\n\n{text}。\n"}) == []


def test_without_the_variable_the_list_part_does_not_run(tree, no_denylist):
    assert lint_lines(tree, {"docs/a.md": "# 页\n\n孙校长和王小明出席。\n"}) == []


def test_no_list_of_names_in_the_repository():
    assert not (ROOT / "scripts" / "lint" / "data" / "names.yml").exists()
    data = [p.name for p in (ROOT / "scripts" / "lint" / "data").iterdir()]
    assert sorted(data) == ["lookalikes.yml"]
