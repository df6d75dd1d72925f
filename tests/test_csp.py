"""内容安全策略的生成（scripts/site/csp.py）：哪些内联脚本要哈希、哪些写法要报出。

策略在真实 nginx 和浏览器里的效果见 tests/test_nginx.py。
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import material
import pytest
import zensical

from scripts.site.csp import (
    KNOWN_SCRIPTS,
    CspError,
    add_meta_policy,
    check_site,
    policy,
    read_policy,
    scan_site,
    script_hash,
    write_nginx_include,
)

TEMPLATES = Path(material.__file__).parent / "templates"


def material_script(template: str, base_url: str = "../..", index: int = 0) -> str:
    """Material 模板里第 index 段内联脚本，{{ … }} 换成 base_url（这些模板里唯一的变量就是站点根的相对路径）。"""
    bodies = re.findall(r"<script>(.*?)</script>", (TEMPLATES / template).read_text(encoding="utf-8"), re.S)
    return re.sub(r"\{\{.*?\}\}", base_url, bodies[index])


MD_SCOPE = material_script("partials/javascripts/base.html")
PALETTE = material_script("partials/javascripts/palette.html")


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.fixture
def site(tmp_path):
    def make(**pages: str):
        root = tmp_path / "site"
        for name, html in {"index.html": page("首页"), **pages}.items():
            path = root / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        return root
    return make


def test_hash_is_what_browsers_compute():
    expected = base64.b64encode(hashlib.sha256(MD_SCOPE.encode()).digest()).decode()
    assert script_hash(MD_SCOPE) == f"'sha256-{expected}'"
    # 浏览器解析时把 \r\n 统一成 \n
    assert script_hash("a();\r\nb();") == script_hash("a();\nb();")


def test_reviewed_list_matches_the_installed_templates():
    # 表里每一项都对得上已安装的 Material（或 Zensical）模板里的一段内联脚本；升级后这里会提醒重新审核。
    themes = {"material": TEMPLATES, "zensical": Path(zensical.__file__).parent / "templates"}
    assert {theme for theme, _, _ in KNOWN_SCRIPTS} == set(themes)
    for theme, template, pattern in KNOWN_SCRIPTS:
        bodies = re.findall(r"<script>(.*?)</script>", (themes[theme] / template).read_text(encoding="utf-8"), re.S)
        assert any(pattern.fullmatch(re.sub(r"\{\{.*?\}\}", "../..", body)) for body in bodies), template


def test_every_distinct_reviewed_inline_script_is_hashed(site):
    deeper = material_script("partials/javascripts/base.html", "../../..")
    root = site(**{
        "index.html": page(f"<script>{MD_SCOPE}</script><script>{PALETTE}</script>"),
        "a__index.html": page(f"<script>{MD_SCOPE}</script>"),
        "a__b__index.html": page(f"<script>{deeper}</script>"),
        "404.html": page(f"<script>{material_script('partials/javascripts/base.html', '/shouce/')}</script>"),
    })
    scan = check_site(root)
    assert scan.pages == 4 and not scan.problems
    assert len(scan.hashes) == 4 and script_hash(deeper) in scan.hashes
    assert scan.page_hashes["a/index.html"] == [script_hash(MD_SCOPE)]


@pytest.mark.parametrize("script", [
    "alert(1)",
    MD_SCOPE.replace('"../.."', '"x",alert(1),"'),  # 可变部分只能是相对深度
    MD_SCOPE + ";alert(1)",
    'window.location.replace(["https://example.com",window.location.search,window.location.hash].join(""))',
])
def test_any_other_inline_script_is_refused(site, script):
    root = site(**{"a__index.html": page(f"<script>{script}</script>")})
    with pytest.raises(CspError, match="a/index.html: 未经审核的内联脚本"):
        check_site(root)
    assert scan_site(root).hashes == []


def test_data_blocks_and_external_scripts_need_no_hash(site):
    root = site(**{"index.html": page(
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        '<script src="assets/checklist.js"></script>'
    )})
    assert scan_site(root).hashes == []


def test_script_text_is_hashed_verbatim(site):
    root = site(**{"index.html": page(f"<script>{PALETTE}</script>")})  # 含 "<"、"&&" 和引号
    assert scan_site(root).hashes == [script_hash(PALETTE)]


def test_policy_has_no_unsafe_inline_and_lists_hashes():
    text = policy(["'sha256-AAA='"])
    assert "unsafe-inline" not in text
    assert "script-src 'self' 'sha256-AAA='" in text
    assert "img-src 'self' data:" in text
    assert "connect-src 'self'" in text and "worker-src 'self'" in text


def test_forbidden_inline_markup_is_reported_and_nothing_is_written(site, tmp_path):
    root = site(**{"a__index.html": page(
        '<p style="color: red">红字</p><button onclick="go()">按</button>'
        '<a href="javascript:void(0)">链接</a><style>p{}</style>'
    )})
    out = tmp_path / "csp.conf"
    with pytest.raises(CspError) as error:
        write_nginx_include(root, out)
    message = str(error.value)
    assert "4 处" in message
    for part in ["a/index.html", "style 属性", "onclick", "javascript:", "<style>", "manual.css"]:
        assert part in message
    assert "docs/assets/ 下的 .js" not in message  # 不再提示把脚本搬进 docs/assets/
    assert not out.exists()


@pytest.mark.parametrize(("markup", "reason"), [
    ('<a href=" JaVa&#x09;Script:alert(1)">x</a>', "javascript: 地址"),
    ('<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">', "data: 地址"),
    ('<a href="vbscript:x">x</a>', "vbscript: 地址"),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">', "自动跳转"),
    ('<iframe src="https://example.com"></iframe>', "<iframe> 元素"),
    ('<p onmouseover="x()">悬停</p>', "onmouseover"),
])
def test_each_kind_of_live_markup_is_named(site, markup, reason):
    with pytest.raises(CspError, match=re.escape(reason)):
        check_site(site(**{"a__index.html": page(markup)}))


def test_meta_policy_lists_only_the_pages_own_scripts(site):
    root = site(**{"index.html": f'<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
                                 f"<script>{MD_SCOPE}</script></head><body></body></html>"})
    add_meta_policy(root, scan_site(root))
    html = (root / "index.html").read_text(encoding="utf-8")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy([script_hash(MD_SCOPE)], meta=True)}">'
    assert html.startswith(f'<!doctype html><html><head><meta charset="utf-8">{meta}<title>')
    assert "frame-ancestors" not in meta and "unsafe-inline" not in meta



def test_include_is_written_and_read_back(site, tmp_path):
    root = site(**{"index.html": page(f"<script>{MD_SCOPE}</script>")})
    out = tmp_path / "nginx" / "csp.conf"
    scan = write_nginx_include(root, out)
    text = out.read_text(encoding="utf-8")
    assert text.count("add_header Content-Security-Policy") == 1 and text.rstrip().endswith("always;")
    assert read_policy(out) == policy(scan.hashes)


def test_a_directory_that_is_not_a_site_is_refused(tmp_path):
    with pytest.raises(CspError, match="make build"):
        write_nginx_include(tmp_path, tmp_path / "csp.conf")


@pytest.mark.parametrize("markup", [
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script>",
    "<![CDATA[><script>alert(1)</script>]]>",
    "<svg><![CDATA[ ]]><script>alert(1)</script></svg>",
    "<p title='--><script>alert(1)</script>'>",
])
def test_the_scan_reads_the_page_as_a_browser_does(site, markup):
    """注释、CDATA、外来命名空间的花招：扫描用 HTML5 解析器，浏览器执行的脚本它一定看得见，反之亦然。"""
    from selectolax.lexbor import LexborHTMLParser

    runs = [n for n in LexborHTMLParser(page(markup)).root.traverse(include_text=False) if n.tag == "script"]
    scan = scan_site(site(**{"trick.html": page(markup)}))
    assert bool(runs) == any("未经审核的内联脚本" in p for p in scan.problems)
