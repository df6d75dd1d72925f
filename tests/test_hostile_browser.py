"""恶意的页面内容在真正的浏览器里也是死的：没有服务器头的静态服务器（如 GitHub Pages）和 file:// 两种方式，
Chromium 打开每一页，不弹出对话框、不跳到别处、不向外发请求、不执行页面里写的脚本。

编辑检查在这里被跳过（lint=False）：这一层测的是检查漏掉时的最后一道防线（白名单过滤和内容安全策略）。
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from scripts.site.site_build import build_site
from tests.browser import serve_directory
from tests.conftest import VALID_PROCEDURE
from tests.test_hostile_build import LIVE_MARKUP

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = [path.removeprefix("docs/").removesuffix(".md") for path in LIVE_MARKUP]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from tests.conftest import make_tree

    tree = make_tree(tmp_path_factory.mktemp("hostile"))
    for path, text in LIVE_MARKUP.items():
        tree.write(path, text)
    tree.write("procedures/shili/shili-guicheng.yml",
               VALID_PROCEDURE.replace("摘要: 用于测试的一项完整规程，包含两个步骤。",
                                       "摘要: 用于测试的一项规程，[详情](javascript:alert(1))。"))
    return build_site(tree.root, tree.root / "site", lint=False)


def visit(browser, url: str, local: tuple[str, ...]) -> list[str]:
    """打开 url，悬停、点一遍页面上的链接和提示框所在的元素；返回发生的可疑事件。"""
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    page.on("dialog", lambda d: (seen.append(f"对话框：{d.message}"), d.dismiss()))
    page.on("request", lambda r: seen.append(f"向外请求：{r.url}") if not r.url.startswith(local) else None)
    page.on("framenavigated", lambda f: seen.append(f"跳到：{f.url}") if not f.url.startswith(local) else None)
    page.add_init_script("window.__executed = [];")
    page.goto(url)
    page.wait_for_timeout(300)
    for element in page.locator("article [title], article a, article img, article p").all()[:40]:
        try:
            element.hover(timeout=500)
        except Exception:  # 看不见的元素悬停不了，跳过
            pass
    page.wait_for_timeout(300)
    if "<iframe" in page.locator("body").inner_html() or page.locator("article script").count():
        seen.append("页面里有 iframe 或脚本")
    context.close()
    return seen


@pytest.mark.parametrize("name", PAGES)
def test_hostile_page_is_inert_on_a_server_without_headers(browser, hostile_site, name):
    with serve_directory(hostile_site) as url:
        host = urlparse(url).netloc
        assert visit(browser, f"{url}{name}/", (f"http://{host}/", "data:", "about:")) == []


@pytest.mark.parametrize("name", PAGES)
def test_hostile_page_is_inert_from_file(browser, hostile_site, name):
    page = hostile_site / name / "index.html"
    assert visit(browser, page.as_uri(), (hostile_site.as_uri(), "data:", "about:")) == []
