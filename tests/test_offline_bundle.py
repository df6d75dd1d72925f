"""版本、可重现的离线包、latest.json 和“有更新的版本”提示（scripts/site/offline_bundle.py、publish.py、version.py）。

离线包在这里另外构建两次（检查更新的地址指向本机的一个端口）：两次的 SHA-256 必须相同；
浏览器从 file:// 打开其中一份，本机服务器送来更新的 latest.json 时显示提示，服务器关掉后照常使用。
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from scripts import ROOT
from scripts.history.version import describe
from scripts.site.offline_bundle import NAME, README, build_bundle, read_version

from .browser import checklist_steps, collect_errors, free_port

PORT = free_port()
LATEST = f"http://127.0.0.1:{PORT}/download/latest.json"
CHECKLIST = "xinfang/checklists/jiefang-wuhuanjie.html"
FIRST = checklist_steps("xinfang", "jiefang-wuhuanjie")[1][0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def twice(tmp_path_factory) -> tuple[Path, Path]:
    """同一个提交打两次离线包（检查更新指向本机的 PORT）。"""
    work = tmp_path_factory.mktemp("bundles")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LATEST_JSON_URL", LATEST)
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        return build_bundle(ROOT, work / "a"), build_bundle(ROOT, work / "b")


@pytest.fixture(scope="module")
def unpacked(twice, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(twice[0]) as archive:
        archive.extractall(target)
    return target / NAME


def footer_versions(html: str) -> list[str]:
    return re.findall(r"版本：([^（<\s]+)（\d{4}年\d{1,2}月\d{1,2}日构建）", html)


# ---------------------------------------------------------------- 可重现、latest.json


def test_same_commit_gives_a_byte_identical_bundle(twice):
    first, second = twice
    assert first.name == second.name
    assert sha256(first) == sha256(second)
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [README] + sorted(i.filename for i in infos[1:])
    assert len({i.date_time for i in infos}) == 1  # 一律写提交时间
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_bundle_name_guide_and_comment_carry_the_version(twice):
    bundle = twice[0]
    version = describe(ROOT).label
    assert bundle.name == f"{NAME}-offline-{version}.zip"
    assert read_version(bundle)["version"] == version
    with zipfile.ZipFile(bundle) as archive:
        guide = archive.read(README).decode("utf-8-sig")
        start = archive.read(f"{NAME}/index.html").decode("utf-8")
    assert f"本离线包的版本：{version}（" in guide and "{版本}" not in guide
    assert footer_versions(start) == [version]


def test_latest_json_matches_the_published_zip(published):
    download = published.site / "download"
    latest = json.loads((download / "latest.json").read_text(encoding="utf-8"))
    zipped = download / "latest.zip"
    assert latest["size"] == zipped.stat().st_size
    assert latest["sha256"] == sha256(zipped)
    assert latest["version"] == read_version(zipped)["version"] == describe(ROOT).label
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", latest["date"])


# ---------------------------------------------------------------- 每一页的版本


def test_every_page_of_the_site_shows_the_version(real_site):
    version = describe(ROOT).label
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 80
    missing = [p.relative_to(real_site).as_posix() for p in pages
               if footer_versions(p.read_text(encoding="utf-8")) != [version]]
    assert missing == []


def test_every_page_of_the_bundle_shows_the_version_and_links_the_changes(unpacked):
    version = describe(ROOT).label
    for page in sorted(unpacked.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert footer_versions(html) == [version], page
        if page.name != "404.html":
            href = re.search(r'<a href="([^"]+)">更新说明</a>', html).group(1)
            assert (page.parent / href).resolve() == (unpacked / "gengxin.html").resolve(), page


def test_changes_page_and_revision_history_are_in_the_bundle(unpacked):
    changes = (unpacked / "gengxin.html").read_text(encoding="utf-8")
    assert "<h1" in changes and "更新说明" in changes
    assert re.search(r'<h2 id="[^"]*">\d{8}-[0-9a-f]{7}（\d{4}年', changes)
    for page in ["xinfang/jiefang-wuhuanjie.html", CHECKLIST]:
        html = (unpacked / page).read_text(encoding="utf-8")
        assert re.search(r"<h2 data-search-exclude(=\"\")? id=\"xiuding-jilu\">修订记录", html), page
        assert re.search(r"<li>\d{4}年\d{1,2}月\d{1,2}日：", html.split('id="xiuding-jilu"')[1]), page


# ---------------------------------------------------------------- 内容安全策略：只多放行 latest.json


def meta_policy(html: str) -> dict[str, str]:
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    return dict(d.strip().split(" ", 1) for d in policy.split(";"))


def test_bundle_policy_allows_fetching_only_latest_json(unpacked):
    for page in sorted(unpacked.rglob("*.html")):
        directives = meta_policy(page.read_text(encoding="utf-8"))
        assert directives["connect-src"] == f"'self' {LATEST}", page
        assert directives["script-src"].split()[0] == "'self'" and "http" not in directives["script-src"]
        assert directives["default-src"] == "'self'"


def test_without_a_site_address_there_is_no_check(offline_bundle, real_site):
    """测试会话的离线包构建时没有 SITE_URL 和 LATEST_JSON_URL：不检查更新，策略不变。在线站点从不检查。"""
    with zipfile.ZipFile(offline_bundle) as archive:
        start = archive.read(f"{NAME}/index.html").decode("utf-8")
    online = (real_site / "index.html").read_text(encoding="utf-8")
    for html in (start, online):
        assert "data-latest-url" not in html and "update_check.js" not in html
        assert meta_policy(html)["connect-src"] == "'self'"


# ---------------------------------------------------------------- 浏览器：旧的离线包发现新版本


class _LatestHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")  # 与 nginx（deploy/nginx/site.conf）相同
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve_latest(directory: Path, facts: dict):
    """在 PORT 上提供 download/latest.json。"""
    (directory / "download").mkdir(parents=True, exist_ok=True)
    (directory / "download" / "latest.json").write_text(json.dumps(facts), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(_LatestHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def watched(browser):
    """只许请求本地文件和 LATEST；记录其他请求、页面脚本错误和控制台错误。"""
    context = browser.new_context()
    page = context.new_page()
    page.blocked = []

    def guard(route):
        url = route.request.url
        if url.startswith("file://") or url == LATEST:
            route.continue_()
        else:
            page.blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    page.errors = collect_errors(page, ignore=("ERR_CONNECTION_REFUSED", "Failed to load resource"))
    yield page
    context.close()


@pytest.mark.browser
def test_old_bundle_online_shows_the_newer_version(watched, unpacked, tmp_path):
    newer = {"version": "29991231-abcdef0", "date": "2999-12-31", "size": 1, "sha256": "0" * 64}
    with serve_latest(tmp_path, newer):
        watched.goto((unpacked / CHECKLIST).as_uri())
        notice = watched.locator(".manual-update")
        expect(notice).to_have_text(re.compile(r"有更新的版本：29991231-abcdef0（2999-12-31），请下载"), timeout=10_000)
        assert notice.get_by_role("link", name="请下载").get_attribute("href") == \
            f"http://127.0.0.1:{PORT}/download/latest.zip"
    assert watched.blocked == [] and watched.errors == []


@pytest.mark.browser
def test_same_version_online_shows_nothing(watched, unpacked, tmp_path):
    mine = read_version_of(unpacked)
    with serve_latest(tmp_path, {**mine, "size": 1, "sha256": "0" * 64}):
        with watched.expect_response(LATEST):
            watched.goto((unpacked / "index.html").as_uri())
        watched.wait_for_timeout(300)
        expect(watched.locator(".manual-update")).to_have_count(0)
    assert watched.errors == []


@pytest.mark.browser
def test_bundle_works_normally_when_the_site_is_unreachable(watched, unpacked):
    watched.goto((unpacked / "index.html").as_uri())
    watched.wait_for_timeout(500)  # 检查更新的请求失败（端口上没有服务器）
    expect(watched.locator(".manual-update")).to_have_count(0)
    watched.goto((unpacked / CHECKLIST).as_uri())
    watched.get_by_role("checkbox", name=FIRST, exact=True).check()
    expect(watched.locator(".checklist__progress")).to_contain_text("已完成 1/")
    expect(watched.locator(".manual-update")).to_have_count(0)
    assert watched.blocked == [] and watched.errors == []


def read_version_of(unpacked: Path) -> dict:
    footer = re.search(r'data-version="([^"]+)" data-date="([^"]+)"',
                       (unpacked / "index.html").read_text(encoding="utf-8"))
    return {"version": footer.group(1), "date": footer.group(2)}
