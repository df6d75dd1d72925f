"""make serve 的实时预览：保存 YAML 后，清单页重新生成。"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from .browser import fetch, free_port
from .conftest import VALID_PROCEDURE

pytestmark = pytest.mark.slow


def wait_for(url: str, text: str, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_saving_a_yaml_file_rerenders_its_page(tree):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tree.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/shili/checklists/shili-guicheng/"
    try:
        assert wait_for(url, "登记来访"), "mkdocs serve 没有提供清单页"
        marker = "核对办结情况并销号"  # 原页面中没有的文字
        assert marker not in fetch(url)
        tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("名称: 跟踪办理", f"名称: {marker}"))
        assert wait_for(url, marker), "修改 YAML 后页面没有重新生成"
    finally:
        server.terminate()
        server.wait(timeout=10)
