"""内容安全策略（Content-Security-Policy）：只允许本站自己的资源，不用 'unsafe-inline'。

Material 在每个页面里写了几段内联脚本（读取调色板、__md_scope 等），其中一段随页面深度而不同
（`__md_scope=new URL("../..",location)`）。这里在构建之后扫描站点的全部 HTML，给每一段不同的
可执行内联脚本算出 sha256，写进策略的 script-src；`<script type="application/json">` 这类
数据块浏览器不执行，不需要也不计入。

策略不允许的写法（内联事件处理器 onclick=…、javascript: 链接、style 属性、<style> 元素）
在扫描时报出，不会悄悄生成一个让页面失效的策略。

生成的 nginx 片段（python -m scripts csp --site site --out 文件）由 deploy/nginx/headers.conf 引用。
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# 浏览器当作脚本执行的 type（空、JavaScript 的各种 MIME 类型、module）；其他 type 是数据块。
_JS_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5",
}

# 除 script-src 之外的指令。img-src 要 data:：Material 的图标在 CSS 里是 data: 的 SVG。
# 搜索在本站的 Web Worker 里运行（worker-src），索引用 fetch 取得（connect-src）。
BASE_DIRECTIVES = [
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'self'"),
]


class CspError(Exception):
    """站点里有策略不允许的写法。"""


@dataclass
class Scan:
    """扫描结果：内联脚本的哈希（去重、排序）和策略不允许的写法（页面: 说明）。"""

    hashes: list[str]
    problems: list[str] = field(default_factory=list)
    pages: int = 0


def script_hash(source: str) -> str:
    """CSP 的哈希来源：'sha256-<base64>'，按浏览器解析后的文本（换行统一为 \\n）、UTF-8 计算。"""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _PageScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self.problems: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> 内联事件处理器")
            elif name == "style":
                self.problems.append(f"<{tag} style=\"{value[:40]}\"> style 属性")
            elif name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=\"javascript:…\"> javascript: 链接")
        if tag == "style":
            self.problems.append("<style> 元素")
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in _JS_TYPES:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
            self._script = None


def scan_site(site: Path) -> Scan:
    """扫描 site 下全部 HTML。"""
    hashes: set[str] = set()
    problems: list[str] = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        scanner = _PageScanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        scanner.close()
        hashes.update(script_hash(source) for source in scanner.inline)
        relative = page.relative_to(site).as_posix()
        problems.extend(f"{relative}: {problem}" for problem in scanner.problems)
    return Scan(sorted(hashes), problems, len(pages))


def policy(hashes: list[str]) -> str:
    """完整的策略文本（一行）。"""
    directives = [BASE_DIRECTIVES[0], ("script-src", " ".join(["'self'", *hashes])), *BASE_DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def nginx_include(scan: Scan) -> str:
    """nginx 片段：一条 add_header（always：404 等错误页也带上）。"""
    return (
        "# 由 python -m scripts csp 根据构建好的站点生成，请勿手工修改。\n"
        f"# 扫描了 {scan.pages} 个页面，{len(scan.hashes)} 段不同的内联脚本。\n"
        f'add_header Content-Security-Policy "{policy(scan.hashes)}" always;\n'
    )


def write_nginx_include(site: Path, out: Path) -> Scan:
    """扫描站点并写出 nginx 片段；站点里有策略不允许的写法时抛出 CspError，不写文件。"""
    if not (site / "index.html").is_file():
        raise CspError(f"{site} 不是构建好的站点（没有 index.html），请先运行 make build")
    scan = scan_site(site)
    if scan.problems:
        listed = "\n".join(f"  {problem}" for problem in scan.problems)
        raise CspError(
            f"站点里有 {len(scan.problems)} 处内容安全策略不允许的写法（不用 'unsafe-inline'）：\n{listed}\n"
            "→ 把样式移到 docs/assets/manual.css，把脚本移到 docs/assets/ 下的 .js 文件。"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.tmp")
    partial.write_text(nginx_include(scan), encoding="utf-8")
    partial.replace(out)
    return scan


_HEADER = re.compile(r'add_header\s+Content-Security-Policy\s+"([^"]*)"')


def read_policy(include: Path) -> str:
    """从生成的 nginx 片段里读回策略文本（测试和检查用）。"""
    match = _HEADER.search(include.read_text(encoding="utf-8"))
    if not match:
        raise CspError(f"{include} 里没有 Content-Security-Policy")
    return match.group(1)
