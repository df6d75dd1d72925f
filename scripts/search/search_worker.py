"""修正 Material 搜索 worker 切分中文查询的一处边界错误（构建后在站点里改，在线版和离线包都一样）。

Material 的搜索 worker 用函数 fe(查询, 词典) 把中文查询切成词。它的两个循环都没让词典里的词
结束在查询的最后一个字上：`for(let o=s+1;o<t.length;o++)` 和 `a<t.length-1`，于是查询的最后一个词
被截短或丢掉（“司机培训”只按“司机”搜，“信访督查”按“信访”加前缀“督”搜）。
这里把两处比较改成 `o<=t.length` 和 `a<t.length`，别的不动。

另有一处不是错误而是扩展：worker 把网址里“#”之前相同的各节归为一项结果（函数 ie）。索引里的节
可以带一个 page 字段（search_index.py 给清单页的各节写上它的说明页），按它归组：一项规程在结果里只占一项。

替换按确切的原文进行：Material 升级后文件对不上时构建失败，提示重新核对，而不是悄悄不修。
"""

from __future__ import annotations

from pathlib import Path

from scripts.problems import ManualError

WORKERS = "assets/javascripts/workers"
FIXES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e", "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"),
    ("n[a]&&a<t.length-1&&(i[s++]=a)", "n[a]&&a<t.length&&(i[s++]=a)"),
    # 归组：有 page 字段的节归到那一页下（清单并到说明页）。
    ('for(let r of t){let[n]=r.location.split("#"),i=e.get(n);',
     'for(let r of t){let[n]=(r.page||r.location).split("#"),i=e.get(n);'),
)


class WorkerMismatch(ManualError):
    """Material 的搜索 worker 与预期的原文不一致。"""


def fix_query_segmentation(site_dir: Path) -> Path:
    """改正 site_dir 中的搜索 worker，返回改过的文件。每处原文必须恰好出现一次。"""
    return patch_worker(site_dir, FIXES, "Material 的搜索 worker 变了，请对照 scripts/search/search_worker.py 的说明"
                                         "重新核对查询切分的边界，再更新替换的原文")


def patch_worker(site_dir: Path, fixes, advice: str) -> Path:
    """按确切的原文改 site_dir 中唯一的搜索 worker；原文不是恰好一处时抛出 WorkerMismatch（附 advice）。"""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerMismatch(f"{WORKERS}/ 下应有一个 search.*.min.js，找到 {len(workers)} 个")
    worker = workers[0]
    text = worker.read_text(encoding="utf-8")
    for old, new in fixes:
        count = text.count(old)
        if count != 1 and text.count(new) == 1:
            continue  # 已经改过（同一个站点目录构建两次）
        if count != 1:
            raise WorkerMismatch(f"{worker.name} 中“{old[:60]}”出现 {count} 次（应为 1 次）：{advice}")
        text = text.replace(old, new)
    worker.write_text(text, encoding="utf-8")
    return worker
