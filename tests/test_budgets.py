"""输入的花费有上限：太大的文件、嵌套太深的 Markdown 在检查阶段就报出文件和位置，不会让构建崩溃或卡住。"""

from __future__ import annotations

import pytest

from scripts.content.markdown_limits import nesting_problems
from scripts.pipeline import load_catalog
from scripts.problems import ProblemsFound


@pytest.mark.parametrize(("text", "expected"), [
    ("*" * 3000 + "强调" + "*" * 3000, "“*”连写超过"),
    ("*_" * 1500 + "强调", "“*”连写超过"),
    ("`" * 40000, "“`”连写超过"),
    ("[" * 3000 + "链接", "括号嵌套超过"),
    ("(" * 3000 + "括号", "括号嵌套超过"),
    (">" * 200 + " 引用", "引用（>）嵌套超过"),
])
def test_deep_markdown_is_refused_with_its_place(tree, text, expected):
    tree.write("docs/deep.md", f"# 很深\n\n{text}\n")
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)
    report = error.value.report()
    assert "docs/deep.md:3:" in report and "[F005]" in report and expected in report


def test_ordinary_markdown_passes():
    text = "**加粗**、*强调*、`代码`、~~删除~~、[链接](a.md)、(括号（中文）)\n\n> 引用\n> > 两层\n\n```text\n代码块\n```\n"
    assert nesting_problems(text, "docs/a.md") == []


@pytest.mark.parametrize(("path", "size"), [("docs/big.md", 150_000), ("procedures/shili/big.yml", 300_000),
                                            ("docs/fujian/huge.pdf", 25_000_000)])
def test_oversized_files_are_refused_by_name(tree, path, size):
    tree.write(path, b"a" * size)
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)
    assert f"{path}:1:1 [F004]" in error.value.report()


@pytest.mark.slow
def test_a_page_that_expands_beyond_the_cap_fails_the_build_by_name(tree, tmp_path, capfd):
    """缩写定义一类的展开：页面源文件不大（90 KB），构建出来却有约 20 MB。构建失败并说出是哪一页，不留站点。

    在子进程里构建（与 make build 相同）：jieba 的词典是进程内的全局状态，不能留给后面的测试。"""
    from scripts.site.site_build import BuildFailed, build_site

    config = (tree.root / "mkdocs.yml").read_text(encoding="utf-8").replace("[admonition,", "[abbr, admonition,")
    tree.write("mkdocs.yml", config)  # 手册的 mkdocs.yml 用 abbr 扩展
    tree.write("docs/abbr.md", "# 缩写\n\n" + "AB " * 30000 + "\n\n*[AB]: " + "很长的释义" * 40 + "\n")
    with pytest.raises(BuildFailed):
        build_site(tree.root, tmp_path / "site", lint=False)
    assert "abbr/index.html" in capfd.readouterr().err
    assert not (tmp_path / "site").exists()
