"""离线包从 file:// 搜索，结果与在线版相同：同一批查询，前 5 个结果页面逐个一致（网址写法不同：
离线包是 xinfang/jiefang-wuhuanjie.html，在线版是 xinfang/jiefang-wuhuanjie/）。"""

from __future__ import annotations

import zipfile

import pytest

from bench.search_recall import TOP, SearchBox, load_queries
from scripts.site.offline_bundle import NAME

pytestmark = pytest.mark.browser

# 关键词和问题各取一部分（每隔几条取一条），连同几条专门的查询。
QUERIES = [q.text for q in load_queries()[::5]] + ["司机培训", "书面告知信访人去向", "渡口渡船停航"]


def page_key(path: str) -> str:
    """在线和离线两种网址写成同一个样子：领域/页面。"""
    path = path.split(f"/{NAME}/", 1)[-1]
    path = path.removesuffix(".html").removesuffix("index").rstrip("/")
    return path


def top(box: SearchBox, queries: list[str]) -> dict[str, list[str]]:
    return {q: [page_key(p) for p in box.search(q, top=TOP)] for q in queries}


@pytest.fixture(scope="module")
def unpacked(offline_bundle, tmp_path_factory):
    target = tmp_path_factory.mktemp("search-offline")
    with zipfile.ZipFile(offline_bundle) as archive:
        archive.extractall(target)
    return target / NAME


def test_offline_search_gives_the_same_results_as_online(browser, site_url, unpacked):
    online_page = browser.new_page()
    online = top(SearchBox(online_page, site_url), QUERIES)
    online_page.close()

    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    offline = top(SearchBox(context.new_page(), (unpacked / "index.html").as_uri()), QUERIES)
    context.close()

    assert all(online.values()), "在线版应找到结果"
    different = {q: (online[q], offline[q]) for q in QUERIES if online[q] != offline[q]}
    assert not different, "离线与在线的前 5 个结果不同：\n" + "\n".join(f"{q}: {a} ≠ {b}" for q, (a, b) in different.items())
