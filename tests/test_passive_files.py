"""编辑只能交内容：docs/ 里只收页面和被动的文件，与主题同名的文件不收；每条构建路径都一样（检查阶段）。"""

from __future__ import annotations

import pytest

from scripts.content.source_files import tree_problems
from scripts.pipeline import load_catalog
from scripts.problems import ProblemsFound
from scripts.site.site_build import build_site

CODE = ["docs/assets/javascripts/bundle.js", "docs/extra.css", "docs/xinfang/tu.svg", "docs/page.htm", "docs/page.html",
        "docs/page.xhtml", "docs/sw.js", "docs/old.markdown", "docs/old.mdown", "docs/old.mkd", "docs/old.mkdn",
        "docs/page.MD", "docs/noext", "docs/worker.mjs", "docs/a.wasm", "procedures/shili/tool.js", "procedures/x.py"]


@pytest.mark.parametrize("path", CODE)
def test_code_and_unknown_file_types_are_refused(tree, path):
    tree.write(path, "alert(1)\n")
    found = [p for p in tree_problems(tree.root) if p.file == path]
    assert [p.code for p in found] == ["F002"], found
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)
    assert f"{path}:1:1 [F002]" in error.value.report()


@pytest.mark.parametrize("path", ["docs/assets/images/favicon.png", "docs/assets/checklist.js",
                                  "docs/assets/vendor/iframe-worker/shim.js"])
def test_a_file_that_would_shadow_a_theme_file_is_refused(tree, path):
    tree.write("overrides/assets/vendor/iframe-worker/shim.js", "// 维护者的文件\n")
    tree.write(path, b"\x89PNG\r\n")
    codes = {p.code for p in tree_problems(tree.root) if p.file == path}
    assert codes & {"F002", "F003"}, codes
    if path.endswith(".png"):
        assert codes == {"F003"}


@pytest.mark.parametrize("path", ["docs/xinfang/liucheng.png", "docs/xinfang/biaoge.xlsx", "docs/fujian/shuoming.pdf",
                                  "docs/xinfang/wenshu.docx", "docs/shuju.csv", "docs/readme.txt"])
def test_passive_files_are_accepted(tree, path):
    tree.write(path, b"data")
    assert [p for p in tree_problems(tree.root) if p.file == path] == []


@pytest.mark.slow
def test_the_build_refuses_before_it_starts_and_keeps_the_old_site(tree):
    site = tree.root / "site"
    site.mkdir()
    (site / "index.html").write_text("旧站点", encoding="utf-8")
    tree.write("docs/assets/javascripts/bundle.0123abcd.min.js", "alert(1)\n")
    with pytest.raises(ProblemsFound) as error:
        build_site(tree.root, site)
    assert "docs/assets/javascripts/bundle.0123abcd.min.js:1:1 [F002]" in error.value.report()
    assert [p.name for p in site.iterdir()] == ["index.html"]
