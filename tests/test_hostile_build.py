"""恶意或粗心的拉取请求（议题 17 的第 1、2 项）：构建拒绝它并指明文件和原因，site/ 不变；
或者它想写进页面的东西到不了页面上，成不了真的标签和脚本。

每个构建在临时项目（conftest.py 的 tree）里运行真正的 MkDocs 严格构建。
"""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape

import pytest

from scripts import ROOT
from scripts.content.glossary import Glossary, Term
from scripts.pages.tooltips import annotate
from scripts.pipeline import load_catalog
from scripts.problems import ProblemsFound
from scripts.site.csp import policy, scan_site
from scripts.site.site_build import BuildFailed, build_site
from tests.conftest import DOMAINS, GLOSSARY, VALID_PROCEDURE

pytestmark = pytest.mark.slow

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def old_site(tree):
    """一个已有的 site/：拒绝之后要原封不动。"""
    site = tree.root / "site"
    site.mkdir()
    (site / "index.html").write_text("旧站点", encoding="utf-8")
    return site


def unchanged(site) -> bool:
    return [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text(
        encoding="utf-8") == "旧站点" and not list(site.parent.glob(".site-*"))


LIVE_MARKUP = {
    "docs/js.md": "# 链接\n\n[点我](javascript:alert(1)) 和 [再点](JaVaScRiPt&#58;alert(1))\n",
    "docs/attr.md": '# 属性列表\n\n悬停这里\n{: onmouseover="alert(1)" title="<iframe src=https://example.com/>" }\n',
    "docs/raw.md": f"# 原始 HTML\n\n{SCRIPT}\n\n<img src=x onerror=alert(1)>\n",
    "docs/image.md": "# 图片\n\n![图](data:image/svg+xml;base64,PHN2Zy8+)\n",
    "docs/comment.md": "# 注释的花招\n\n<!--> <script src=https://example.com/x.js></script> -->\n\n"
                       "<!-- --!> <meta http-equiv=refresh content=\"0;url=https://example.com/\"> -->\n\n"
                       "<![CDATA[><iframe src=https://example.com/></iframe>]]>\n",
    "docs/tooltip.md": '# 提示框\n\n[链接](https://example.com/ "标题\\"><img src=x onerror=alert(1)>")\n',
}


def test_live_markup_is_refused_by_the_lint_with_file_and_line(tree, old_site, capfd):
    for path, text in LIVE_MARKUP.items():
        tree.write(path, text)
    with pytest.raises(BuildFailed, match="site/ 保持原样"):
        build_site(tree.root, old_site)
    report = capfd.readouterr().err
    for expected in ["docs/js.md:3:", "[L016]", "docs/attr.md:4:", "[L017]", "docs/image.md:3:"]:
        assert expected in report
    assert unchanged(old_site)


def test_live_markup_that_passes_the_lint_is_inert_in_the_output(tree, tmp_path):
    """即使跳过编辑检查，白名单过滤之后页面里也没有一样能执行或跳转的东西（用 HTML5 解析器读，和浏览器一样）。"""
    from selectolax.lexbor import LexborHTMLParser

    for path, text in LIVE_MARKUP.items():
        tree.write(path, text)
    tree.write("procedures/shili/shili-guicheng.yml",
               VALID_PROCEDURE.replace("摘要: 用于测试的一项完整规程，包含两个步骤。",
                                       "摘要: 用于测试的一项规程，[详情](javascript:alert(1))。"))
    site = build_site(tree.root, tmp_path / "site", lint=False)
    for page in site.rglob("*.html"):
        article = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("article")
        if article is None:
            continue
        for node in article.traverse(include_text=False):
            assert node.tag not in ("script", "iframe", "meta", "style", "object", "embed", "base", "form"), page
            for name, value in (node.attributes or {}).items():
                assert not name.startswith("on") and name != "style", (page, node.tag, name)
                if name in ("href", "src"):
                    assert not (value or "").strip().lower().startswith(("javascript", "data", "vbscript")), (page, value)
                if name == "title":
                    assert "<" not in (value or ""), (page, value)


HOSTILE_FRONT_MATTER = {
    "docs/description.md": "---\ndescription: '\"><script>alert(1)</script>'\n---\n\n# 简介\n\n正文。\n",
    "docs/redirect.md": "---\ntitle: 跳转\ntemplate: redirect.html\nlocation: https://example.com/\n---\n\n# 跳转\n",
    "docs/multimarkdown.md": "template: redirect.html\nlocation: https://example.com/\n\n# 另一种写法\n",
}
FRONT_MATTER_REPORT = ["docs/description.md:2:1 [L019] “description”的值里有不允许的字符",
                       "docs/redirect.md:3:1 [L019] 页首元数据里不允许写“template”",
                       "docs/redirect.md:4:1 [L019] 页首元数据里不允许写“location”",
                       "docs/multimarkdown.md:1:1 [L019] 页首元数据里不允许写“template”"]


def test_front_matter_cannot_inject_markup_or_choose_a_template(tree, old_site):
    for path, text in HOSTILE_FRONT_MATTER.items():
        tree.write(path, text)
    with pytest.raises(ProblemsFound) as error:  # 检查阶段就拒绝，不开始构建
        build_site(tree.root, old_site)
    for expected in FRONT_MATTER_REPORT:
        assert expected in error.value.report()
    assert unchanged(old_site)


@pytest.mark.parametrize("command", [["build"], ["build-zensical", "--site-dir", "site"], ["offline", "--dist", "dist"],
                                     ["publish", "--dest", "dest"]])
def test_every_command_refuses_the_same_front_matter(tree, old_site, command):
    """make build、make build-zensical、make offline、make publish 走同一个检查阶段，拒绝同样的内容
    （make serve 见 test_serve.py 的 test_serve_refuses_the_same_front_matter）。"""
    for path, text in HOSTILE_FRONT_MATTER.items():
        tree.write(path, text)
    result = subprocess.run([sys.executable, "-m", "scripts", "--root", str(tree.root), *command], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    for expected in FRONT_MATTER_REPORT:
        assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert unchanged(old_site)
    assert not (tree.root / "dist").exists() or not list((tree.root / "dist").glob("*.zip"))
    assert not (tree.root / "dest").exists()


@pytest.mark.parametrize(("file", "text", "expected"), [
    ("procedures/_domains.yml", DOMAINS.replace("示例领域", "示例<img src=x onerror=alert(1)>"),
     "procedures/_domains.yml:2:9 [S002] 第 1 项的“名称”里有“<”"),
    ("procedures/_glossary.yml", GLOSSARY.replace("五个环节：", '五个环节："><img src=x onerror=alert(1)>'),
     "procedures/_glossary.yml:2:18 [S002] 第 1 项的“释义”里有“>”"),
    ("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("  - 角色: 督查人\n", "  - 角色: 督查<b>人\n"),
     "procedures/shili/shili-guicheng.yml:13:11 [S002] “责任主体”第 2 项的“角色”里有“<”"),
    ("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("登记来访\n领域", '登记来访\\b"\n领域').replace(
        "标题: 示例", '标题: "示例'), "procedures/shili/shili-guicheng.yml:2:5 [S002] “标题”里有控制字符 U+0008"),
])
def test_markup_and_control_characters_in_data_are_refused_when_loading(tree, old_site, file, text, expected):
    tree.write(file, text)
    with pytest.raises(ProblemsFound) as error:
        build_site(tree.root, old_site)
    assert expected in error.value.report()
    assert unchanged(old_site)


def test_check_refuses_markup_in_the_role_register(tree):
    tree.write("procedures/_roles.yml", "- 角色: 接访人\n  说明: 接待<来访>群众。\n- 角色: 督查人\n  说明: 跟踪督办。\n")
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)
    assert "procedures/_roles.yml:2:9 [S002] 第 1 项的“说明”里有“<”" in error.value.report()


def test_tooltip_titles_cannot_become_markup_even_after_unescaping():
    glossary = Glossary([Term("五环节", '五个环节"><img src=x onerror=alert(1)>&lt;b&gt;')])
    html = annotate("<p>落实五环节。</p>", glossary)
    title = re.search(r'title="([^"]*)"', html).group(1)
    # Material 把 title 的值（浏览器已还原转义）写进 innerHTML：里面不能有“<”。
    assert "<" not in unescape(title) and ">" not in unescape(title)
    assert "onerror" in unescape(title)  # 文字保留，只是成不了标签


def test_a_clean_build_carries_a_meta_policy_on_every_page(tree):
    site = build_site(tree.root, tree.root / "site")
    scan = scan_site(site)
    assert scan.problems == [] and scan.pages > 5
    for relative, hashes in scan.page_hashes.items():
        html = (site / relative).read_text(encoding="utf-8")
        head = html[:html.index("<script")]
        assert f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, meta=True)}">' in head, relative
        assert hashes, relative  # 每页都有 Material 的 __md_scope 脚本，它的哈希在策略里
