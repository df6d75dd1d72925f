"""读者视图浏览器测试共用的检查：手机第一屏、最小字号、读者文字中的内部编号、清单页的列表。"""

from __future__ import annotations

import re
from pathlib import Path

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
MIN_TEXT_PX = 14

# 文章里每个看得见的文字节点的字号（SVG 图里的文字随图缩放，不按 CSS 像素算，不计）。
SMALL_TEXT = """(min) => {
  const out = [];
  const article = document.querySelector('article.md-content__inner');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || element.closest('svg') || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
    const size = parseFloat(style.fontSize);
    if (size < min - 0.05) out.push(`${size}px「${node.textContent.trim().slice(0, 12)}」`);
  }
  return out;
}"""


def checklist_pages(site: Path) -> list[str]:
    """站点里的全部清单页（含各领域的“打印全部清单”页），如 xinfang/checklists/jiefang-wuhuanjie/。"""
    return sorted(str(p.parent.relative_to(site)) + "/" for p in site.glob("*/checklists/*/index.html"))


def internal_ids() -> re.Pattern:
    """读者文字里不该出现的东西：规程编号（如 jiefang-wuhuanjie）和仓库路径。"""
    from scripts import ROOT
    from scripts.pipeline import load_catalog

    ids = sorted((p.id for p in load_catalog(ROOT).procedures), key=len, reverse=True)
    return re.compile(r"procedures/|\.ya?ml\b|(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
