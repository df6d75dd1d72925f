"""YAML 读取：安全加载、重复键、编码、换行、输入法失误，每条消息逐字核对。"""

from __future__ import annotations

import pytest

from scripts.content.yaml_loader import YamlLoadError, load_yaml


def problems_of(tree, text: str | bytes) -> list[str]:
    path = tree.write("procedures/shili/x.yml", text)
    with pytest.raises(YamlLoadError) as caught:
        load_yaml(path, "x.yml")
    return [str(p) for p in caught.value.problems]


def test_duplicate_keys_are_errors_with_both_lines(tree):
    assert problems_of(tree, "编号: a\n标题: 一\n标题: 二\n") == [
        "x.yml:3:1 [Y003] 键“标题”重复出现（第 2 行已经有了） → 删除其中一个，或把两处内容合并到一起"
    ]


def test_every_duplicate_key_is_reported(tree):
    found = problems_of(tree, "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
    assert [p.split(" ")[0] for p in found] == ["x.yml:2:1", "x.yml:5:3"]


def test_gbk_file_gets_a_clear_message(tree):
    assert problems_of(tree, "标题: 接访\n说明: 来访登记\n".encode("gbk")) == [
        "x.yml:1:1 [Y001] 文件不是 UTF-8 编码，看起来是 GBK/GB2312 编码（Windows 记事本等的默认保存方式）"
        " → 在编辑器中选择“另存为”，编码选 UTF-8 后保存"
    ]


def test_non_utf8_points_at_the_line(tree):
    found = problems_of(tree, "a: 1\nb: 2\nc: \xff\xfe\n".encode("latin-1"))
    assert found[0].startswith("x.yml:3:4 [Y001] 文件不是 UTF-8 编码")


def test_bom_and_crlf_are_accepted(tree):
    path = tree.write("procedures/shili/x.yml", "\ufeff编号: a\r\n标题: 接访\r\n".encode("utf-8"))
    loaded = load_yaml(path, "x.yml")
    assert loaded.data == {"编号": "a", "标题": "接访"}
    assert loaded.position(("标题",)) == (2, 5)


def test_fullwidth_colon_after_key_gets_a_hint(tree):
    found = problems_of(tree, "编号: a\n标题：接访\n状态: 现行\n")
    assert "x.yml:2:3 [Y004] 键后面用了全角冒号“：” → 改成半角冒号加一个空格“: ”" in found


def test_fullwidth_space_indentation_is_named(tree):
    found = problems_of(tree, "步骤:\n\u3000\u3000- 名称: 接待\n")
    assert found == ["x.yml:2:1 [Y005] 缩进里有全角空格（中文输入法下的空格） → 把行首的全角空格删掉，改用半角空格缩进"]


def test_syntax_error_is_translated(tree):
    found = problems_of(tree, "标题: 接访\n  摘要: 缩进错了\n")
    assert found == [
        "x.yml:2:5 [Y002] YAML 格式错误：这里不能再出现“键: 值”，多半是值里含有半角冒号，或者缩进不对"
        " → 检查这一行及上一行的缩进（只用半角空格，同级对齐）、半角冒号后的空格和引号是否成对"
    ]


def test_dates_stay_text_and_unsafe_tags_are_refused(tree):
    path = tree.write("procedures/shili/x.yml", "上次复核: 2026-01-15\n")
    assert load_yaml(path, "x.yml").data == {"上次复核": "2026-01-15"}
    found = problems_of(tree, "a: !!python/object/apply:os.system ['true']\n")
    assert found[0].startswith("x.yml:1:4 [Y002] YAML 格式错误")


def test_empty_file(tree):
    assert problems_of(tree, "") == ["x.yml:1:1 [Y006] 文件是空的 → 按 procedures/README.md 填写规程内容"]


def test_positions_of_nested_values(tree):
    path = tree.write("procedures/shili/x.yml", "步骤:\n  - 编号: a\n    责任人: 接访人\n")
    loaded = load_yaml(path, "x.yml")
    assert loaded.position(("步骤", 0, "责任人")) == (3, 10)
    assert loaded.position(("步骤", 0, "责任人"), key=True) == (3, 5)
    assert loaded.position(("步骤", 0, "不存在")) == (2, 5)
