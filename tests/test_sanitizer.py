"""正文的白名单过滤（scripts/pages/sanitizer.py）：不认识的写法到不了页面上，认识的原样留下。

用例按攻击的种类写，不按某一条具体的攻击：解析上的花招（注释、CDATA、外来命名空间）、属性、地址、提示框文字。
结果再用另一个 HTML5 解析器（lexbor）读一遍，按浏览器看到的样子断言。
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.pages.sanitizer import ATTRIBUTES, COMMON, TAGS, sanitize

HOSTILE = [
    "<script>alert(1)</script>",
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script>",
    "<![CDATA[><script>alert(1)</script>]]>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><foreignObject><iframe src=https://example.com/></iframe></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<img src=x onerror=alert(1)>",
    "<p onmouseover=alert(1) style=color:red>悬停</p>",
    "<a href=\"javascript:alert(1)\">点我</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">点我</a>",
    "<a href=\" JaVaScRiPt:alert(1)\">点我</a>",
    "<img src=\"data:image/svg+xml;base64,PHN2Zy8+\">",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<iframe src=https://example.com/></iframe>",
    "<meta http-equiv=refresh content=\"0;url=https://example.com/\">",
    "<base href=https://example.com/>",
    "<form action=https://example.com/><input type=password name=p></form>",
    "<object data=x.swf></object><embed src=x.swf>",
    "<link rel=stylesheet href=https://example.com/x.css>",
    "<style>body{display:none}</style>",
    "<template><script>alert(1)</script></template>",
    "<div data-md-component=\"search\" data-md-state=\"x\">x</div>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
    "<button formaction=javascript:alert(1)>x</button>",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "to", "values"}


def elements(html: str):
    tree = LexborHTMLParser(f"<!doctype html><html><body>{html}</body></html>")
    return [node for node in tree.root.traverse(include_text=False) if node.tag not in ("html", "head", "body")]


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_markup_is_inert(html):
    cleaned = sanitize(html)
    for node in elements(cleaned):
        assert node.tag in TAGS, (node.tag, cleaned)
        for name, value in (node.attributes or {}).items():
            allowed = COMMON | ATTRIBUTES.get(node.tag, set()) | {"type"}
            assert name in allowed, (node.tag, name, cleaned)
            assert not name.startswith("on") and name != "style"
            if name in URL_ATTRIBUTES and value:
                scheme = value.strip().split(":", 1)[0].lower() if ":" in value.split("/")[0] else ""
                assert scheme in ("", "http", "https"), (name, value)
    assert "<!--" not in cleaned and "alert(1)</script>" not in cleaned


def test_tooltip_text_stays_text():
    """Material 把 title 放进 innerHTML：值里的尖括号和 & 换成全角字符，提示框只能显示文字。"""
    cleaned = sanitize('<abbr title="释义&quot;&gt;&lt;iframe src=x&gt;&amp;lt;b&amp;gt;">术语</abbr>')
    title = elements(cleaned)[0].attributes["title"]
    assert "<" not in title and ">" not in title and "&" not in title
    assert "＜iframe src=x＞" in title


def test_the_manuals_own_markup_is_kept():
    html = ('<ol class="checklist" data-procedure="xinfang/a"><li class="checklist__step" id="a--b" data-step="b">'
            '<label class="checklist__label"><input type="checkbox" class="checklist__box" name="a--b"> 步骤</label></li></ol>'
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">图</title>'
            '<defs><marker id="m" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
            '<path d="M0,0 L10,5 z" fill="#000"></path></marker></defs>'
            '<polyline points="1,2 3,4" fill="none" stroke="#000" stroke-width="1" marker-end="url(#m)"></polyline>'
            '<text x="1" y="2" font-size="13"><tspan x="1" dy="0">接访人</tspan></text></svg>'
            '<p><a href="../checklists/a/">清单</a> <a href="https://www.gov.cn/">网站</a> <a href="#x">本页</a>'
            '<abbr title="释义">术语</abbr></p><table><thead><tr><th>时限</th></tr></thead><tbody><tr><td>15日</td></tr></tbody></table>')
    assert sanitize(html) == html


def test_only_checkboxes():
    cleaned = sanitize('<input type="text" name="x"><input type="checkbox" checked disabled>')
    kinds = [node.attributes.get("type") for node in elements(cleaned)]
    assert kinds == [None, "checkbox"]
