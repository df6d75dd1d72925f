"""构建后改正 Material 搜索 worker 的查询切分：按确切原文替换，对不上时构建失败。"""

from __future__ import annotations

import re

import pytest

from scripts.search.search_worker import FIXES, WORKERS, WorkerMismatch, fix_query_segmentation


def write_worker(site, text: str):
    path = site / WORKERS / "search.1234abcd.min.js"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_both_comparisons_are_fixed_and_nothing_else(tmp_path):
    original = "x;" + ";".join(old for old, _ in FIXES) + ";y"
    path = write_worker(tmp_path, original)
    fix_query_segmentation(tmp_path)
    assert path.read_text(encoding="utf-8") == "x;" + ";".join(new for _, new in FIXES) + ";y"
    fix_query_segmentation(tmp_path)  # 同一个站点再改一次：不变
    assert path.read_text(encoding="utf-8") == "x;" + ";".join(new for _, new in FIXES) + ";y"


def test_a_changed_worker_fails_loudly(tmp_path):
    write_worker(tmp_path, "function fe(t,e){/* Material 改写了这个函数 */}")
    with pytest.raises(WorkerMismatch, match="Material 的搜索 worker 变了"):
        fix_query_segmentation(tmp_path)


def test_the_installed_material_worker_still_matches(real_site):
    worker = next((real_site / WORKERS).glob("search.*.min.js")).read_text(encoding="utf-8")
    for old, new in FIXES:
        assert old not in worker and worker.count(new) == 1


# 站点里那份 worker 的切分函数，拿到浏览器里直接调用：确定的输入、确定的输出，不受内容和排名变化影响。
SEGMENT = re.compile(r'function fe\(t,e\)\{.*?return r\.has\(""\)\?new Set\(\[t\]\):r\}')
WORDS = {"司机": 1, "培训": 1, "信访": 1, "督查": 1, "渡船": 1, "停航": 1}


def segments(page, source: str, query: str) -> list[str]:
    return page.evaluate("([src, q, words]) => [...(0, eval)('(' + src + ')')(q, words)].sort()",
                         [source, query, WORDS])


@pytest.mark.browser
def test_the_last_word_of_a_query_is_kept(browser, real_site):
    worker = next((real_site / WORKERS).glob("search.*.min.js")).read_text(encoding="utf-8")
    fixed = SEGMENT.search(worker).group(0)
    original = fixed
    for old, new in FIXES:
        original = original.replace(new, old)
    page = browser.new_page()
    try:
        for query, words in [("司机培训", ["司机", "培训"]), ("信访督查", ["信访", "督查"]), ("渡船停航", ["渡船", "停航"])]:
            assert segments(page, fixed, query) == sorted(words)
            assert segments(page, original, query) != sorted(words)  # 改正之前，最后一个词被截短或丢掉
    finally:
        page.close()
