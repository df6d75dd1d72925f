"""L006 身份证号码、L007 手机号码、L008 个人姓名。"""

from __future__ import annotations

import pytest

from scripts.lint import personal
from scripts.lint.personal import find_names, index_of, name_entry, valid_id_number
from tests.lint_helpers import lint_lines

# 测试用的虚构姓名（黑名单里存的是真实姓名的摘要，测试不依赖它们）。
FICTIONAL = ["王小明", "孙校长"]


@pytest.fixture
def fictional_names(monkeypatch):
    monkeypatch.setattr(personal, "_name_index", lambda: index_of([name_entry(n) for n in FICTIONAL]))


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
        "docs/a.md:3:72 [L008] 出现了个人姓名“王小明” → 手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”",
        "docs/a.md:3:76 [L008] 出现了个人姓名“孙校长” → 手册不写个人姓名：改用岗位或角色，如“市委书记”“外请专家”“一位信访人”",
    ]


def test_roles_and_long_numbers_are_fine(tree):
    text = "# 页\n\n市委书记、校长和一位信访人；文号 20221234567890123456，电话 0731-22334455。\n"
    assert lint_lines(tree, {"docs/a.md": text}) == []


def test_denylist_stores_no_names_only_digests():
    from scripts.lint.data import DATA

    raw = (DATA / "names.yml").read_text(encoding="utf-8")
    entries = personal.load("names.yml")
    assert entries and all(set(e) == {"姓", "字数", "摘要", "说明"} for e in entries)
    assert all(len(e["摘要"]) == 64 for e in entries)
    hits = list(find_names(raw, personal._name_index()))
    assert hits == [], "names.yml 里不应出现姓名原文"


def test_hash_name_prints_an_entry(capsys):
    from scripts.lint.__main__ import main

    assert main(["--hash-name", "王小明", "--note", "虚构"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("- 姓: 王\n  字数: 3\n  摘要: ") and out.rstrip().endswith("说明: 虚构")
