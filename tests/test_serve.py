"""make serve 的实时预览：保存 YAML 后，清单页重新生成。"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time

import pytest

from .browser import fetch, free_port
from .conftest import VALID_PROCEDURE

pytestmark = pytest.mark.slow


def wait_for(url: str, text: str, timeout: float = 60) -> bool:
    return text in wait_for_page(url, text, timeout)[1]


@contextlib.contextmanager
def serving(tree):
    """在随机端口上运行 mkdocs serve，等示例清单页能访问后给出它的地址；结束时停掉服务。"""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tree.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/shili/checklists/shili-guicheng/"
    try:
        assert wait_for(url, "登记来访"), "mkdocs serve 没有提供清单页"
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_saving_a_yaml_file_rerenders_its_page(tree):
    with serving(tree) as url:
        marker = "核对办结情况并销号"  # 原页面中没有的文字
        assert marker not in fetch(url)
        tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("名称: 跟踪办理", f"名称: {marker}"))
        assert wait_for(url, marker), "修改 YAML 后页面没有重新生成"


def page(url: str) -> tuple[int, str]:
    """(状态码, 内容)；出错的页面（500）也要读到内容。"""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_for_page(url: str, text: str, timeout: float = 60) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    status, body = 0, ""
    while time.monotonic() < deadline:
        status, body = page(url)
        if text in body:
            break
        time.sleep(0.3)
    return status, body


def test_errors_are_shown_in_the_browser_and_the_schema_is_reread(tree):
    source = "procedures/shili/shili-guicheng.yml"
    with serving(tree) as url:
        # 无效的 YAML：页面不再一直等，而是很快显示与终端相同的 文件:行:列 说明，内容经过 HTML 转义
        tree.write(source, VALID_PROCEDURE.replace("状态: 现行", "状态: <b>有效</b>"))
        started = time.monotonic()
        status, body = wait_for_page(url, f"{source}:4:5 [S001]", timeout=30)
        assert status == 500 and time.monotonic() - started < 30, body
        assert "“状态”的值“&lt;b&gt;有效&lt;/b&gt;”" in body and "<b>有效" not in body
        # 改好后回到正常页面
        tree.write(source, VALID_PROCEDURE)
        status, body = wait_for_page(url, "登记来访")
        assert status == 200 and "[S001]" not in body
        # 运行中改了 schema：下一次重建按新的 schema 校验
        schema = tree.root / "procedures/procedure.schema.json"
        schema.write_text(schema.read_text(encoding="utf-8").replace('"现行"', '"仍然现行"'), encoding="utf-8")
        status, body = wait_for_page(url, f"{source}:4:5 [S001]", timeout=30)
        assert status == 500, body


def test_serve_refuses_the_same_front_matter(tree):
    """make serve 走同一个检查阶段：make build 拒绝的页首元数据，预览里显示为错误，不出页面。"""
    from .test_hostile_build import FRONT_MATTER_REPORT, HOSTILE_FRONT_MATTER

    with serving(tree) as url:
        for path, text in HOSTILE_FRONT_MATTER.items():
            tree.write(path, text)
        status, body = wait_for_page(url, "[L019]", timeout=30)
        assert status == 500, body
        for expected in FRONT_MATTER_REPORT:
            assert expected in body
