"""内容安全策略（Content-Security-Policy）：只允许本站自己的资源，不用 'unsafe-inline'。

Material 在每个页面里写了几段内联脚本（读取调色板、__md_scope 等）。只有这些脚本可以出现：
KNOWN_SCRIPTS 是一张审核过的表，每一项对照 Material 模板里的原文（tests/test_csp.py 检查表与已安装的
模板一致），唯一可变的部分是页面的相对深度（`__md_scope=new URL("../..",location)`）。
构建之后扫描站点的全部 HTML：表里的脚本算出 sha256 写进策略的 script-src；其他任何内联脚本、
内联事件处理器（onclick=…）、javascript:/data:/vbscript: 地址、style 属性、<style> 元素、
<base>、<meta http-equiv="refresh"> 和 iframe/object/embed 都是错误，构建失败，site/ 不变。
`<script type="application/json">` 这类数据块浏览器不执行，不需要也不计入。

策略送到浏览器有两条路：内网 nginx 的响应头（python -m scripts csp --site site --out 文件 生成的片段，
由 deploy/nginx/headers.conf 引用），以及每个页面 <head> 里的 <meta http-equiv="Content-Security-Policy">
（add_meta_policy，构建时写入；GitHub Pages 和离线包没有服务器响应头，靠它）。
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from scripts.problems import ManualError, visible

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


# 审核过的 Material 内联脚本：(Material 模板, 脚本原文的正则)。模板里的 {{ base_url }} 是页面到站点根的
# 相对路径（"."、".."、"../.." …），404 页是站点的绝对路径（"/" 或 "/shouce/"），只允许这些写法。
_BASE_URL = r'(?:\.|\.\.(?:/\.\.)*|(?:https?://[A-Za-z0-9.:-]+)?/(?:[A-Za-z0-9._~-]+/)*)'
_MD_STORE = ('__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
             '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
             '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')
_PALETTE = (
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
    '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
    '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
    'palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
    'palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}'
    'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}'
)
_TABS = (
    'var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set"))'
    '{var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))'
    'if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}'
)
_TARGET = ('var target=document.getElementById(location.hash.slice(1));'
           'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))')
_ANNOUNCE = ('var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");'
             '__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}')
# Zensical（第二种构建工具，zensical_build.py）的 base.html 与 Material 的只差这一段：作用域补上结尾的“/”，
# 记下平台；其余内联脚本与 Material 的逐字相同。
_ZENSICAL_STORE = (
    '__md_scope.pathname.endsWith("/")||(__md_scope=new URL(__md_scope.pathname+"/",location)),'
    '__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+t.charCodeAt(0)),0),'
    '__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_.pathname+"."+e)),'
    '__md_set=(e,t,_=localStorage,a=__md_scope)=>{try{_.setItem(a.pathname+"."+e,JSON.stringify(t))}catch(e){}},'
    'document.documentElement.setAttribute("data-platform",navigator.platform)')
# (主题, 模板, 脚本原文的正则)
KNOWN_SCRIPTS: list[tuple[str, str, re.Pattern]] = [
    ("material", "partials/javascripts/base.html",
     re.compile(f'__md_scope=new URL\\("{_BASE_URL}",location\\),' + re.escape(_MD_STORE))),
    ("zensical", "partials/javascripts/base.html",
     re.compile(f'__md_scope=new URL\\("{_BASE_URL}",location\\),' + re.escape(_ZENSICAL_STORE))),
    ("material", "partials/javascripts/palette.html", re.compile(re.escape(_PALETTE))),
    ("material", "partials/javascripts/content.html", re.compile(re.escape(_TABS))),
    ("material", "partials/javascripts/content.html", re.compile(re.escape(_TARGET))),
    ("material", "partials/javascripts/announce.html", re.compile(re.escape(_ANNOUNCE))),
    ("material", "partials/javascripts/outdated.html", re.compile(
        'var el=document.querySelector\\("\\[data-md-component=outdated\\]"\\),'
        f'base=new URL\\("{_BASE_URL}"\\),'
        + re.escape('outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)'))),
]


def known_script(source: str) -> bool:
    """是不是审核过的 Material（或 Zensical）内联脚本之一。"""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    return any(pattern.fullmatch(text) for _, _, pattern in KNOWN_SCRIPTS)


# 值是网址的属性，以及浏览器会执行或整页加载的写法。
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "ping", "cite"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
_EMBEDS = {"iframe", "frame", "object", "embed", "base"}


def _scheme(value: str) -> str:
    """浏览器解析网址时去掉首尾空白和中间的制表、换行（java\\tscript: 也是 javascript:）。"""
    return "".join(c for c in value if c > " ").lower()


class CspError(ManualError):
    """站点里有策略不允许的写法。"""


@dataclass
class Scan:
    """扫描结果：内联脚本的哈希（去重、排序）和策略不允许的写法（页面: 说明）。"""

    hashes: list[str]
    problems: list[str] = field(default_factory=list)
    pages: int = 0
    page_hashes: dict[str, list[str]] = field(default_factory=dict)  # {页面的相对路径: 它自己的脚本哈希}
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # 扫描时读到的页面，加 <meta> 时不再读一遍


def script_hash(source: str) -> str:
    """CSP 的哈希来源：'sha256-<base64>'，按浏览器解析后的文本（换行统一为 \\n）、UTF-8 计算。"""
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _PageScanner:
    """按浏览器的方式（HTML5 解析器 lexbor）读一个页面：注释、CDATA 和 <svg> 里的写法与浏览器看到的一样。"""

    def __init__(self, html: str) -> None:
        self.inline: list[str] = []
        self.problems: list[str] = []
        root = LexborHTMLParser(html).root
        for node in root.traverse(include_text=False) if root is not None else ():
            self._element(node)

    def _element(self, node) -> None:
        tag = node.tag
        values = {name: value or "" for name, value in (node.attributes or {}).items()}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> 内联事件处理器")
            elif name == "style":
                self.problems.append(f"<{tag} style=\"{value[:40]}\"> style 属性")
            elif name in _URL_ATTRS and _scheme(value).startswith(_BAD_SCHEMES):
                scheme = _scheme(value).split(":", 1)[0]
                self.problems.append(f"<{tag} {name}=\"{scheme}:…\"> {scheme}: 地址")
        if tag == "style":
            self.problems.append("<style> 元素")
        elif tag in _EMBEDS:
            self.problems.append(f"<{tag}> 元素")
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problems.append("<meta http-equiv=\"refresh\"> 自动跳转")
        if tag == "script" and "src" not in values and values.get("type", "").strip().lower() in _JS_TYPES:
            source = node.text(deep=True)
            if known_script(source):
                self.inline.append(source)
            else:
                self.problems.append(f"未经审核的内联脚本「{source.strip()[:60]}」")


def scan_site(site: Path) -> Scan:
    """扫描 site 下全部 HTML：审核过的内联脚本算出哈希，其他策略不允许的写法列为问题。"""
    hashes: set[str] = set()
    problems: list[str] = []
    page_hashes: dict[str, list[str]] = {}
    pages = sorted(site.rglob("*.html"))
    texts: dict[str, str] = {}
    for page in pages:
        relative = page.relative_to(site).as_posix()
        texts[relative] = page.read_text(encoding="utf-8")
        scanner = _PageScanner(texts[relative])
        page_hashes[relative] = sorted({script_hash(source) for source in scanner.inline})
        hashes.update(page_hashes[relative])
        problems.extend(visible(f"{relative}: {problem}") for problem in scanner.problems)
    return Scan(sorted(hashes), problems, len(pages), page_hashes, texts)


def check_site(site: Path) -> Scan:
    """扫描站点；有策略不允许的写法时抛出 CspError，列出每一处（页面和原因）。"""
    scan = scan_site(site)
    if scan.problems:
        listed = "\n".join(f"  {problem}" for problem in scan.problems)
        raise CspError(
            f"站点里有 {len(scan.problems)} 处内容安全策略不允许的写法（页面: 原因）：\n{listed}\n"
            "→ 手册页面里不能写脚本、事件处理器、javascript:/data: 链接和内联样式；"
            "样式由维护者写在 overrides/assets/manual.css 里，需要新的交互请在议题中提出，由维护者审核"
        )
    return scan


_META = '<meta http-equiv="Content-Security-Policy" content="{}">'
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def add_meta_policy(site: Path, scan: Scan, styles: tuple[str, ...] = ()) -> None:
    """给每个页面加上 <meta> 形式的策略，只列它自己的脚本哈希（styles：另外允许的 <style> 的哈希）。

    放在 <meta charset> 之后（字符集声明要在前 1024 字节里），在所有脚本之前。
    frame-ancestors 在 <meta> 里无效（浏览器还会报错），只由 nginx 的响应头给出。
    """
    for relative, hashes in scan.page_hashes.items():
        page = site / relative
        html = scan.texts.get(relative) or page.read_text(encoding="utf-8")
        meta = _META.format(policy(hashes, meta=True, styles=styles))
        anchor = _CHARSET.search(html) or re.search(r"<head[^>]*>", html, re.I)
        if anchor is None:
            raise CspError(f"{relative}: 没有 <head>，无法加上内容安全策略")
        page.write_text(html[:anchor.end()] + meta + html[anchor.end():], encoding="utf-8")


def policy(hashes: list[str], *, meta: bool = False, styles: tuple[str, ...] = ()) -> str:
    """完整的策略文本（一行）。meta=True：<meta> 用的版本，去掉在那里无效的 frame-ancestors。

    styles 是另外允许的 <style> 的哈希：Zensical 的搜索框在脚本里插入一段固定的样式（zensical_search.py）。"""
    directives = [BASE_DIRECTIVES[0], ("script-src", " ".join(["'self'", *hashes])), *BASE_DIRECTIVES[1:]]
    if styles:
        directives = [(name, " ".join([value, *styles]) if name == "style-src" else value) for name, value in directives]
    if meta:
        directives = [d for d in directives if d[0] != "frame-ancestors"]
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
    scan = check_site(site)
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
