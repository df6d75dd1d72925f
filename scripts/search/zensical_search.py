"""Zensical 构建的中文搜索用术语表分词（构建后在站点里改）。

Zensical 的搜索 worker 在浏览器里建索引：先按 separator 切开，再用浏览器的 Intl.Segmenter 给中文分词
（函数 Re 里的 `e.segment(f)`），索引和查询用同一个切分。Intl.Segmenter 的词典不认识“五虎牧羊阵”
“四见面两点头”这样的口号和“信访事项”这样的业务词，会切成单字或不相干的词；它也不能加用户词典
（Zensical 不支持 Material 搜索插件的 jieba_dict_user）。

所以这里做两件事，与 MkDocs 构建给 jieba 的用户词典（search_dictionary.py）用同一批搜索单位
（glossary.Glossary.search_units()）：
- search.json 的 config 里加上 words：术语表的搜索单位；
- worker 里中文片段先按这些词切（最左、最长），词之间的部分才交给 Intl.Segmenter；worker 收到索引时
  读入 words。
另改一处：查询的各个词原来要全部出现在同一节里（"and"），改成出现任何一个即可（"or"），按命中的词和字段
权重排序。学员的问题（“多少天内告知是否受理”）里总有几个词不在答案那一节里，全部都要时多半什么也搜不到：
在公开查询集上，问题的 recall@5 从 0.591 升到 0.852，关键词从 0.930 降到 0.912（bench/search_recall.py，
变体 z；y 是 Zensical 原来的 worker）。
替换按确切的原文进行（search_worker.patch_worker）：Zensical 升级后文件对不上时构建失败，提示重新核对。

搜索框本身在 Shadow DOM 里，样式是脚本里的一段固定文字，插成 <style>。内容安全策略不允许内联样式，
所以它的哈希要写进 style-src（dialog_style_hash），否则搜索框没有样式。
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.content.glossary import Glossary
from scripts.search.search_worker import WorkerMismatch, patch_worker
from scripts.site.csp import script_hash

INDEX = "search.json"

# 放在 worker 的 "use strict" 之后：__manualWords 收下词表，__manualSegment 代替 Intl.Segmenter 的 segment()。
_HELPERS = (
    'var __manualPattern=null;'
    'function __manualWords(w){__manualPattern=Array.isArray(w)&&w.length?new RegExp([...w].sort((a,b)=>b.length-a.length)'
    '.map(x=>x.replace(/[.*+?^${}()|[\\]\\\\]/g,"\\\\$&")).join("|"),"gu"):null}'
    'function*__manualSegment(g,t){let n=0;if(__manualPattern)for(let m of t.matchAll(__manualPattern)){'
    'for(let s of g.segment(t.slice(n,m.index)))yield{segment:s.segment,index:n+s.index,isWordLike:s.isWordLike};'
    'yield{segment:m[0],index:m.index,isWordLike:!0};n=m.index+m[0].length}'
    'for(let s of g.segment(t.slice(n)))yield{segment:s.segment,index:n+s.index,isWordLike:s.isWordLike}}'
)
PATCHES = (
    ('"use strict";(()=>{', '"use strict";' + _HELPERS + '(()=>{'),
    ("case 0:let e=(r=t.data.config.lang)", "case 0:__manualWords(t.data.config.words);let e=(r=t.data.config.lang)"),
    ("for(let h of e.segment(f))if(h.isWordLike)", "for(let h of __manualSegment(e,f))if(h.isWordLike)"),
    ('parser:n=>Yt(n,"and",s=>', 'parser:n=>Yt(n,"or",s=>'),
)


def add_glossary_words(site: Path, glossary: Glossary) -> Path:
    """把术语表的搜索单位写进 site 的 search.json，并让 worker 按它们分词；返回改过的 worker。"""
    index = site / INDEX
    data = json.loads(index.read_text(encoding="utf-8"))
    data["config"]["words"] = glossary.search_units()
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return patch_worker(site, PATCHES, "Zensical 的搜索 worker 变了，请对照 scripts/search/zensical_search.py 的说明"
                                      "重新找到中文分词的位置，再更新替换的原文")


# 搜索框建 Shadow DOM 后插入的 <style>：attachShadow(...) 之后 appendChild(C("style",{},变量.toString()))。
_DIALOG_STYLE_USE = re.compile(r'attachShadow\(\{mode:"open"\}\);\w+\.appendChild\(\w+\("style",\{\},([\w$]+)\.toString\(\)\)\)')


def dialog_style_hash(site: Path) -> str:
    """搜索框样式的 CSP 哈希（'sha256-…'）。样式是 bundle 里一段不含转义的单引号字符串。"""
    bundles = sorted((site / "assets/javascripts").glob("bundle.*.min.js"))
    text = bundles[0].read_text(encoding="utf-8") if len(bundles) == 1 else ""
    uses = _DIALOG_STYLE_USE.findall(text)
    found = re.findall(rf"var {re.escape(uses[0])}='([^'\\]*)'", text) if len(uses) == 1 else []
    if len(found) != 1:
        raise WorkerMismatch("Zensical 的 bundle 变了：找不到搜索框插入的那一段样式，"
                             "请对照 scripts/search/zensical_search.py 的说明重新核对")
    return script_hash(found[0])
