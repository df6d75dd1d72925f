"""页面分量：首次打开一个规程页面时浏览器下载的字节数（按类型），以及离线包 zip 的大小。"""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts import ROOT
from scripts.site.offline_bundle import build_bundle
from scripts.site.site_build import build_site
from tests.browser import CHROMIUM_ARGS, serve_directory

PAGE = "xinfang/jiefang-wuhuanjie/"


def first_load(chromium: str, site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context().new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(url + PAGE, wait_until="networkidle")
            for response in responses:
                kind = response.request.resource_type
                sizes[kind] = sizes.get(kind, 0) + len(response.body())
        finally:
            browser.close()
    return {"page": PAGE, "bytes_by_type": sizes, "total_bytes": sum(sizes.values())}


def weight_bench(chromium: str) -> dict:
    with tempfile.TemporaryDirectory() as work:
        site = build_site(ROOT, Path(work) / "site")
        load = first_load(chromium, site)
        bundle = build_bundle(ROOT, Path(work) / "dist")
        return {"first_load": load, "offline_zip_bytes": bundle.stat().st_size}
