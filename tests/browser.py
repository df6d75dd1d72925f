"""浏览器和服务测试的工具：本地 HTTP 服务、空闲端口、取网页、Debian chromium（由 Playwright 驱动）。"""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# 本机网络封闭：关掉 Chromium 的后台联网，否则启动时会反复尝试连接谷歌的服务。
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve_directory(directory: Path):
    """在 127.0.0.1 的随机端口上提供 directory，返回根地址。"""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def collect_errors(page, ignore: tuple[str, ...] = ()) -> list[str]:
    """页面上的脚本错误和控制台错误（“网址: 文字”），页面用下去时不断追加；ignore 里的文字出现时不算。"""
    errors: list[str] = []

    def console(message) -> None:
        if message.type == "error" and not any(text in message.text for text in ignore):
            errors.append(f"{page.url}: {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return errors


def type_chinese(page, selector: str, text: str) -> None:
    """像中文输入法那样输入：候选词一次上屏（insertText），随后有一次按键抬起。

    Material 的搜索框在 keyup 时读取输入；输入法上屏后同样会产生 keyup。
    """
    page.click(selector)
    page.keyboard.insert_text(text)
    page.keyboard.press("End")


def free_port() -> int:
    """127.0.0.1 上一个空闲的端口。"""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    """取一个网页的文字；连不上或出错时返回空字符串。"""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def checklist_steps(domain: str, proc_id: str) -> tuple[str, list[str]]:
    """一项规程的标题和各步骤名称（从 YAML 读，内容改了测试不必跟着改）。"""
    import yaml

    from scripts import ROOT

    data = yaml.safe_load((ROOT / "procedures" / domain / f"{proc_id}.yml").read_text(encoding="utf-8"))
    return data["标题"], [step["名称"] for step in data["步骤"]]
