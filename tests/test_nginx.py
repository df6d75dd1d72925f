"""内网发布（deploy/nginx/、make publish）在真实的 nginx 上实测。

用 make publish 的代码（scripts.site.publish）把整个手册新构建并发布到临时目录，再用 Debian 的 nginx
在 127.0.0.1 的随机端口上启动：server 块由测试写（端口、root），其余规则原样引用发布出来的
site.conf、headers.conf 和生成的 csp.conf，与服务器上的做法相同（/etc/nginx/gongzuo-guicheng
是指向 DEST/nginx 的符号链接）。nginx 用自己的 prefix、pid 和日志，测试结束时停止并等它退出。
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import pwd
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from scripts.site.csp import read_policy, scan_site
from scripts.site.offline_bundle import NAME, README

from .browser import checklist_steps, collect_errors, free_port, type_chinese

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "xinfang/jiefang-wuhuanjie/"
TITLE, STEPS = checklist_steps("xinfang", "jiefang-wuhuanjie")
SECOND, TOTAL = STEPS[1], len(STEPS)
CHECKLIST = "xinfang/checklists/jiefang-wuhuanjie/"

NGINX_CONF = """\
{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        include gongzuo-guicheng/site.conf;
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    path = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).exists():
        pytest.fail("找不到 Debian 的 nginx：请用 `make test` 运行测试，它会自动安装")
    return path


@pytest.fixture(scope="module")
def published(published) -> Path:
    """make publish 的结果（conftest.py 的 published）：DEST/site（含 download/latest.zip）和 DEST/nginx。"""
    return published.site.parent


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@contextlib.contextmanager
def run_nginx(binary: str, prefix: Path, dest: Path):
    """在随机端口上前台运行 nginx，给出根地址；退出时停止 nginx 并等它结束。"""
    conf = prefix / "conf"
    conf.mkdir(parents=True)
    (prefix / "temp").mkdir()
    (conf / "gongzuo-guicheng").symlink_to(dest / "nginx", target_is_directory=True)
    # 以 root 运行时 nginx 的工作进程默认是 nobody，读不了只有本用户能进的临时目录：用当前用户。
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    for _attempt in range(3):  # 端口在选定和绑定之间被占用时换一个
        port = free_port()
        (conf / "nginx.conf").write_text(
            NGINX_CONF.format(user=user, prefix=prefix, port=port, root=dest / "site"), encoding="utf-8")
        command = [binary, "-p", str(prefix), "-c", str(conf / "nginx.conf"), "-e", str(prefix / "error.log")]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        assert checked.returncode == 0, f"nginx -t 不通过：\n{checked.stderr}"
        server = subprocess.Popen([*command, "-g", "daemon off;"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = f"http://127.0.0.1:{port}/"
        served = False
        try:
            deadline = time.monotonic() + 15
            while server.poll() is None and time.monotonic() < deadline and not _answers(url):
                time.sleep(0.1)
            if server.poll() is None and _answers(url):
                served = True
                yield url
                return
        finally:
            if server.poll() is None:
                server.terminate()  # SIGTERM：nginx 快速停止，工作进程随主进程退出
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
            errors = server.stderr.read()
            server.stderr.close()
            if served:
                assert not _answers(url), "nginx 停止后端口仍有应答"
            log = prefix / "error.log"
            errors += log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if "Address already in use" not in errors:
            pytest.fail(f"nginx 没有启动：\n{errors}")
    pytest.fail("三次都没有找到空闲端口")


@pytest.fixture(scope="module")
def nginx_url(nginx_binary, published, tmp_path_factory):
    with run_nginx(nginx_binary, tmp_path_factory.mktemp("nginx"), published) as url:
        yield url


def fetch(url: str, **headers: str):
    """GET，不跟随跳转、不解压；返回 (状态码, 响应头, 原始正文)。"""
    request = urllib.request.Request(url, headers={k.replace("_", "-"): v for k, v in headers.items()})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def assets_of(html: str) -> list[str]:
    """页面首次加载时引用的本站样式和脚本（相对地址）。"""
    found = re.findall(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"', html)
    return [css or js for css, js in found]


# ---------------------------------------------------------------- 状态码、类型、404


@pytest.mark.parametrize(("path", "mime"), [
    ("", "text/html"),
    (PAGE, "text/html"),
    (CHECKLIST, "text/html"),
    ("search/search_index.json", "application/json"),
    ("assets/images/favicon.png", "image/png"),
    ("sitemap.xml", "text/xml"),
])
def test_pages_answer_200_with_the_right_type(nginx_url, path, mime):
    status, headers, _ = fetch(nginx_url + path)
    assert status == 200, path
    assert headers.get_content_type() == mime


def test_page_assets_answer_200_with_the_right_type(nginx_url):
    page = nginx_url + PAGE
    _, _, body = fetch(page)
    assets = assets_of(body.decode("utf-8"))
    kinds = {".css": "text/css", ".js": "application/javascript"}
    assert any("bundle." in a for a in assets) and any("main." in a for a in assets)
    for asset in assets:
        status, headers, _ = fetch(urljoin(page, asset))
        assert status == 200, asset
        assert headers.get_content_type() == kinds[Path(asset).suffix], asset
        assert headers.get_content_charset() == "utf-8", asset  # checklist.js 里有中文


def test_directory_without_slash_redirects_relatively(nginx_url):
    status, headers, _ = fetch(nginx_url + "xinfang")
    assert (status, headers["Location"]) == (301, "/xinfang/")


def test_missing_page_gets_the_styled_404_page(nginx_url, published):
    missing = nginx_url + "xinfang/nonexistent/"
    status, headers, body = fetch(missing)
    assert status == 404
    assert headers.get_content_type() == "text/html"
    assert body == (published / "site" / "404.html").read_bytes()
    html = body.decode("utf-8")
    assert "找不到这个页面" in html
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets
    for href in stylesheets:  # 在任何深度请求时，页内样式都能取到
        assert fetch(urljoin(missing, href))[0] == 200, href


# ---------------------------------------------------------------- 响应头


@pytest.mark.parametrize("path", ["", PAGE, "assets/checklist.js", "search/search_index.json",
                                  "xinfang/nonexistent/", "download/latest.zip", "bundle"])
def test_security_headers_are_present(nginx_url, published, path):
    if path == "bundle":
        path = next(a for a in assets_of(fetch(nginx_url)[2].decode("utf-8")) if "bundle." in a)
    _, headers, _ = fetch(nginx_url + path)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Content-Security-Policy"] == read_policy(published / "nginx" / "csp.conf")


def test_policy_allows_only_the_site_and_hashed_inline_scripts(nginx_url, published):
    policy = fetch(nginx_url)[1]["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy and "*" not in policy
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    hashes = directives["script-src"].split()[1:]
    assert hashes == scan_site(published / "site").hashes
    # 随页面深度不同的 __md_scope 各有一个哈希：首页、一层、两层、三层和 404 页（以 / 开头）
    assert len(hashes) >= 5


@pytest.mark.parametrize("path", ["", PAGE, "search/search_index.json", "assets/manual.css",
                                  "assets/checklist.js", "bundle", "main", "worker"])
def test_gzip_is_applied(nginx_url, published, path):
    path = _resolve(nginx_url, published, path)
    status, headers, body = fetch(nginx_url + path, Accept_Encoding="gzip")
    assert status == 200
    assert headers["Content-Encoding"] == "gzip", path
    assert "Accept-Encoding" in headers["Vary"]
    plain = (published / "site" / path / ("index.html" if path.endswith("/") or not path else "")).read_bytes()
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain) / 2
    _, plain_headers, _ = fetch(nginx_url + path)
    assert plain_headers["Content-Encoding"] is None


def _resolve(nginx_url: str, published: Path, path: str) -> str:
    """把 bundle / main / worker 换成这次构建带指纹的文件名。"""
    site = published / "site"
    patterns = {"bundle": "assets/javascripts/bundle.*.min.js", "main": "assets/stylesheets/main.*.min.css",
                "worker": "assets/javascripts/workers/search.*.min.js"}
    if path in patterns:
        [found] = site.glob(patterns[path])
        return found.relative_to(site).as_posix()
    return path


@pytest.mark.parametrize(("path", "expected"), [
    ("bundle", "public, max-age=31536000, immutable"),
    ("main", "public, max-age=31536000, immutable"),
    ("worker", "public, max-age=31536000, immutable"),
    ("", "no-cache"),
    (PAGE, "no-cache"),
    ("search/search_index.json", "no-cache"),
    ("assets/manual.css", "no-cache"),
    ("assets/checklist.js", "no-cache"),
    ("download/latest.zip", "no-cache"),
])
def test_cache_headers_by_kind(nginx_url, published, path, expected):
    path = _resolve(nginx_url, published, path)
    status, headers, _ = fetch(nginx_url + path)
    assert status == 200
    assert headers["Cache-Control"] == expected


@pytest.mark.parametrize("path", [PAGE, "search/search_index.json"])
def test_revalidation_answers_304(nginx_url, path):
    _, headers, _ = fetch(nginx_url + path, Accept_Encoding="gzip")
    status, _, body = fetch(nginx_url + path, Accept_Encoding="gzip", If_None_Match=headers["ETag"])
    assert (status, body) == (304, b"")


def test_offline_bundle_downloads_from_a_fixed_address(nginx_url, published):
    status, headers, body = fetch(nginx_url + "download/latest.zip", Accept_Encoding="gzip")
    assert status == 200
    assert headers.get_content_type() == "application/zip"
    assert headers["Content-Encoding"] is None
    assert headers["Content-Disposition"].startswith("attachment;")
    assert body == (published / "site" / "download" / "latest.zip").read_bytes()
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert README in names and f"{NAME}/index.html" in names


def test_latest_json_is_readable_across_origins_and_nothing_else_is(nginx_url, published):
    """离线包（file:// 页面）联网时取 latest.json 检查更新：只有这一个文件带 CORS 头。"""
    status, headers, body = fetch(nginx_url + "download/latest.json", Origin="null")
    assert status == 200
    assert headers.get_content_type() == "application/json"
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert body == (published / "site" / "download" / "latest.json").read_bytes()
    for path in ("", PAGE, "download/latest.zip", "search/search_index.json", "assets/checklist.js"):
        assert fetch(nginx_url + path, Origin="null")[1]["Access-Control-Allow-Origin"] is None, path


# ---------------------------------------------------------------- 浏览器：策略下一切照常


@pytest.fixture
def watched_page(browser):
    """记录控制台错误、页面脚本错误和内容安全策略违规（securitypolicyviolation 事件）的页面。"""
    context = browser.new_context()
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    page.problems = collect_errors(page)
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_search_tooltips_and_checklists_work_under_the_policy(watched_page, nginx_url):
    page = watched_page
    response = page.goto(nginx_url + PAGE)
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]

    # 搜索：Worker、importScripts 的 lunr 语言包、fetch 搜索索引都在策略下运行
    # （这里测的是搜索在策略下能运行，不是排名：要找的页面在前 5 项里就行）
    type_chinese(page, "input.md-search__input", "四见面")
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=10_000)
    hrefs = [link.get_attribute("href") or "" for link in page.locator(".md-search-result__item > a").all()[:5]]
    assert any("/si-jianmian-liang-diantou/" in href for href in hrefs), hrefs
    page.keyboard.press("Escape")

    # 术语提示：Material 把 abbr 的 title 变成提示框（位置由脚本用 CSSOM 设置）
    term = page.locator("article abbr.glossary-term").first
    meaning = term.get_attribute("title")  # 悬停后 Material 会拿掉 title，先记下
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(meaning)
    assert violations(page) == []

    # 清单：勾选、进度、刷新后仍记得
    page.goto(nginx_url + CHECKLIST)
    page.get_by_text(SECOND, exact=True).click()  # 点步骤名称（标签）也能勾选
    expect(page.locator(".checklist__progress")).to_have_text(f"已完成 1/{TOTAL}")
    page.reload()
    expect(page.get_by_role("checkbox", name=SECOND, exact=True)).to_be_checked()
    assert violations(page) == []

    assert page.problems == []


def test_404_page_is_styled_and_clean_in_the_browser(watched_page, nginx_url):
    page = watched_page
    response = page.goto(nginx_url + "xinfang/nonexistent/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("找不到这个页面")
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    assert violations(page) == []
    # 唯一的控制台错误是页面本身的 404
    assert [p for p in page.problems if "status of 404" not in p] == []
    page.get_by_role("link", name="回到首页").click()
    expect(page).to_have_url(nginx_url)


@pytest.mark.parametrize("path", ["sw.js", "assets/checklist.js", PAGE, "no/such/worker.js"])
def test_a_service_worker_script_is_always_the_one_that_unregisters_itself(nginx_url, path):
    """以前登记过的 service worker 检查更新时拿到的是注销脚本；新的登记不上（无论哪个地址）。"""
    status, headers, body = fetch(nginx_url + path, Service_Worker="script")
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert b"registration.unregister()" in body and headers["Cache-Control"] == "no-store"
    status, _, body = fetch(nginx_url + "assets/checklist.js")  # 普通的请求照常
    assert status == 200 and b"registration.unregister()" not in body
