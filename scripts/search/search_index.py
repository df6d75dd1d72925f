"""搜索索引的整理：页面上的元数据不进索引；构建后把 search/search_index.json 改小、把清单并到说明页下。

页面上不进索引的元素（规程信息框、清单页的元数据行、签字栏、案卷栏、上一篇/下一篇、面包屑、学习路径条）
由模板直接写上 Material 认的 data-search-exclude（scripts/pages/templates/），搜索插件就不收录它们，
搜索结果的摘要里不再出现“状态：现行 负责人……”。构建后（pipeline.postprocess）两步：
1. compact(...)（on_post_build，搜索插件写出索引之后、offline 插件把它内嵌成 search_index.js 之前）：
   - 写成 UTF-8，不用 \\uXXXX 转义；
   - 去掉多余的零宽空格：Material 在 jieba 切出的每个词两边都加 \\u200b，挨着标点（本身就是分隔符）
     和 HTML 标签的那些不起作用；词与词之间的保留，浏览器里的 worker 靠它们切词；
   - 标题前只有面包屑时留下的空的第一节与标题那一节合并；没有正文的小节去掉；
   - “又称：……”一行从正文移到不显示的 aliases 字段：按别称仍能搜到，摘要里不再出现；
   - 清单页的各节挂到它的说明页下（page 字段，worker 的分组按它，见 search_worker.py）：
     一项规程在结果里只占一项，标题是说明页，清单的小节列在下面。
2. write_suggestions(...)：搜不到时给读者的建议（术语和领域概述），overrides/assets/search.js 在需要时才加载。
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.addresses import GLOSSARY_URI, overview_uri, site_url
from scripts.content.catalog import Catalog

INDEX = "search/search_index.json"
OFFLINE_INDEX = "search/search_index.js"  # Material 的 offline 插件：var __index = {...}
SUGGESTIONS = "search/suggest.js"
ALIASES = "aliases"


ZWSP = "\u200b"
# 与 mkdocs.yml 中 search.separator 一致的分隔符（零宽空格除外）。
_SEPARATOR = r"[\s\-、，。；：！？“”《》（）]"
_USELESS_ZWSP = re.compile(rf"{ZWSP}+(?={_SEPARATOR}|<|$)|(?<=>){ZWSP}+|(?<={_SEPARATOR}){ZWSP}+|^{ZWSP}+")
_ALIAS_LINE = re.compile(rf"<p>又{ZWSP}?称：(.*?)</p>\s*")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass
class IndexStats:
    bytes: int
    han: int
    docs: int

    @property
    def bytes_per_han(self) -> float:
        return self.bytes / max(self.han, 1)

    def __str__(self) -> str:
        return (f"搜索索引 {self.bytes / 1024:.0f} KB，{self.docs} 节，{self.han} 个汉字，"
                f"每个汉字 {self.bytes_per_han:.2f} 字节")


def _trim(text: str) -> str:
    return _USELESS_ZWSP.sub("", text)


def _move_aliases(doc: dict) -> None:
    """页面第一节里“又称：……”一行移到 aliases 字段（只索引、不显示）。"""
    match = _ALIAS_LINE.search(doc["text"])
    if match:
        doc[ALIASES] = re.sub(r"</?\w+>", " ", match.group(1)).strip()
        doc["text"] = (doc["text"][:match.start()] + doc["text"][match.end():]).strip()


def _merge_prefaces(docs: list[dict]) -> list[dict]:
    """页面第一节是空的时（标题前只有面包屑之类不进索引的东西），用紧接着的标题那一节代替它。

    Material 把第一个标题之前的内容算作页面的第一节，网址是页面本身；标题前的元素即使不进索引，
    也会留下一个空的第一节（标题取自文件名），正文标题则成了另一节。合并后页面本身仍是一节。
    """
    merged: list[dict] = []
    for doc in docs:
        previous = merged[-1] if merged else None
        if (previous is not None and "#" not in previous["location"] and not previous["text"]
                and doc["location"].startswith(previous["location"] + "#") and not previous.get("_merged")):
            previous.update(title=doc["title"], text=doc["text"], _merged=True)
            continue
        merged.append(doc)
    for doc in merged:
        doc.pop("_merged", None)
    return merged


def _group_checklists(docs: list[dict], parents: dict[str, str]) -> list[dict]:
    """清单页的各节挂到说明页下，并排在说明页各节之后（worker 按顺序找父节点）。

    parents: {清单页网址: 说明页网址}。清单页本身的那一节网址加上空的“#”，
    这样 Material 只把说明页当作这一项结果的标题（它取第一个不带“#”的网址）。
    """
    roots = {doc["location"] for doc in docs if "#" not in doc["location"]}
    children: dict[str, list[dict]] = {}
    rest = []
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        parent = parents.get(page)
        if parent is None or parent not in roots:
            rest.append(doc)
            continue
        if not anchor and "#" not in doc["location"]:
            doc["location"] = page + "#"
        doc["page"] = parent
        children.setdefault(parent, []).append(doc)
    ordered = []
    for doc in rest:
        ordered.append(doc)
        if doc["location"] in children:
            ordered.extend(children.pop(doc["location"]))
    return ordered


def checklist_parents(catalog: Catalog, use_directory_urls: bool) -> dict[str, str]:
    """{清单页网址: 说明页网址}，只含有说明页的规程。"""
    return {site_url(p.checklist_uri, use_directory_urls): site_url(p.page_uri, use_directory_urls)
            for p in catalog.procedures if p.page_uri in catalog.pages}


def compact_index(data: dict, parents: dict[str, str]) -> dict:
    for doc in data["docs"]:
        doc["title"] = _trim(doc["title"])
        doc["text"] = _trim(doc["text"])
    # 没有正文的小节（“常见问题”下面只有一个个问题的小标题、术语表的字母 A、B、C……）不留：
    # 它们的内容在下级小节里，单独成为一项结果只会挤占位置。页面本身那一节总是保留。
    docs = [doc for doc in _merge_prefaces(data["docs"]) if doc["text"] or "#" not in doc["location"]]
    for doc in docs:
        if "#" not in doc["location"]:
            _move_aliases(doc)
    data["docs"] = _group_checklists(docs, parents)
    if any(ALIASES in doc for doc in docs):
        data["config"]["fields"][ALIASES] = {"boost": 1.0}
    return data


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def stats(text: str) -> IndexStats:
    data = json.loads(text)
    han = sum(len(_HAN.findall(doc.get(field, "") or "")) for doc in data["docs"] for field in ("title", "text", ALIASES))
    return IndexStats(len(text.encode("utf-8")), han, len(data["docs"]))


def compact(site_dir: Path, catalog: Catalog, use_directory_urls: bool) -> IndexStats | None:
    """整理 site_dir 中的搜索索引（及 offline 插件已写出的 search_index.js），返回大小统计。"""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    data = compact_index(json.loads(path.read_text(encoding="utf-8")), checklist_parents(catalog, use_directory_urls))
    text = dumps(data)
    path.write_text(text, encoding="utf-8")
    offline = site_dir / OFFLINE_INDEX
    if offline.is_file():  # offline 插件通常在本函数之后才写它；万一顺序变了，也写成同样的内容
        offline.write_text(f"var __index = {text}", encoding="utf-8")
    return stats(text)


def write_suggestions(site_dir: Path, catalog: Catalog, use_directory_urls: bool) -> Path:
    """搜不到时的建议：术语（名称、别称、术语表中的网址）和各领域概述，写成一个脚本文件。

    用脚本而不是 JSON 文件：离线包从 file:// 打开时浏览器不许 fetch 本地文件，但可以加载脚本。
    网址相对于站点根目录。
    """
    glossary = site_url(GLOSSARY_URI, use_directory_urls)
    data = {
        "terms": [[t.name, list(t.synonyms), f"{glossary}#{t.anchor}"] for t in catalog.glossary],
        "domains": [[d.name, site_url(overview_uri(d.id), use_directory_urls)] for d in catalog.domains],
        "glossary": glossary,
    }
    path = site_dir / SUGGESTIONS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"window.__searchSuggestions = {dumps(data)};\n", encoding="utf-8")
    return path
