"""内容安全策略的生成（scripts/csp.py）：哪些内联脚本要哈希、哪些写法要报出。

策略在真实 nginx 和浏览器里的效果见 tests/test_nginx.py。
"""

from __future__ import annotations

import base64
import hashlib

import pytest

from scripts.csp import CspError, policy, read_policy, scan_site, script_hash, write_nginx_include

MD_SCOPE = '__md_scope=new URL("../..",location)'


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


def test_every_distinct_executable_inline_script_is_hashed(site):
    root = site(**{
        "index.html": page(f"<script>{MD_SCOPE}</script><script type=\"module\">m()</script>"),
        "a__index.html": page(f"<script>{MD_SCOPE}</script><script type='text/javascript'>x()</script>"),
        "a__b__index.html": page('<script>__md_scope=new URL("../../..",location)</script>'),
    })
    scan = scan_site(root)
    assert scan.pages == 3
    assert scan.hashes == sorted({script_hash(s) for s in
                                  [MD_SCOPE, "m()", "x()", '__md_scope=new URL("../../..",location)']})


def test_data_blocks_and_external_scripts_need_no_hash(site):
    root = site(**{"index.html": page(
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        '<script src="assets/checklist.js"></script>'
    )})
    assert scan_site(root).hashes == []


def test_script_text_with_markup_is_hashed_verbatim(site):
    source = 'if (a < b && "</p>") { x = "&amp;"; }'
    root = site(**{"index.html": page(f"<script>{source}</script>")})
    assert scan_site(root).hashes == [script_hash(source)]


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
    assert not out.exists()


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
