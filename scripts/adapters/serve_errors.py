"""make serve 出错时在浏览器里显示错误，而不是让页面一直转圈。

MkDocs 的预览服务器在重建失败后不更新“已完成的版本”，浏览器的请求就一直等下去（错误只出现在终端里）。
这里包一层：重建失败时记下这次构建报出的错误，照常让服务器往下走；之后每个页面请求都得到一页
错误说明（与终端相同的“文件:行:列 [规则] …”，HTML 转义），每隔几秒自动刷新，改好后就回到正常页面。
"""

from __future__ import annotations

import html
import logging

REFRESH_SECONDS = 2
PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{refresh}">
<title>构建出错</title></head>
<body style="font-family: sans-serif; margin: 2em">
<h1>构建出错，页面没有更新</h1>
<p>按下面的提示修改并保存后，这一页会自动刷新。</p>
<pre style="white-space: pre-wrap">{messages}</pre>
</body></html>
"""


# 构建工具报错用的日志：ProperDocs 的（properdocs.*），和经它转接的 MkDocs 插件的（mkdocs.*）
LOGGERS = ("properdocs", "mkdocs")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def show_errors_in_browser(server):
    """包装预览服务器的重建函数和请求处理（在钩子的 on_serve 里调用），返回 server。"""
    build, serve_request = server.builder, server.serve_request
    state: dict[str, str | None] = {"error": None}

    def builder(*args, **kwargs):
        collect = _Collect()
        for name in LOGGERS:
            logging.getLogger(name).addHandler(collect)
        try:
            build(*args, **kwargs)
            state["error"] = None
        except Exception as err:  # 记下错误，不再抛出：服务器照常完成这一轮，请求不会一直等
            if not collect.messages:  # 不是构建错误（是程序出错）：终端里照常给出 traceback
                logging.getLogger("mkdocs").exception("重建时程序出错")
            messages = collect.messages or [f"{type(err).__name__}: {err}"]
            state["error"] = "\n".join(dict.fromkeys(messages))
            logging.getLogger("mkdocs").error("重建失败，浏览器中显示错误说明；改好后自动刷新。")
        finally:
            for name in LOGGERS:
                logging.getLogger(name).removeHandler(collect)

    def app(environ, start_response):
        error = state["error"]
        path = environ.get("PATH_INFO", "")
        if error is None or path.startswith("/livereload/") or not _is_page(path):
            return serve_request(environ, start_response)
        body = PAGE.format(refresh=REFRESH_SECONDS, messages=html.escape(error)).encode("utf-8")
        start_response("500 Internal Server Error", [
            ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ])
        return [body]

    server.builder = builder
    server.set_app(app)
    return server


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last
