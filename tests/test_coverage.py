"""素材覆盖：原始材料的每个条目（1.1 … 6.72）都有页面覆盖，且页面真实存在。"""

from __future__ import annotations

import re

import pytest
import yaml

from scripts import ROOT
from scripts.pipeline import load_catalog

COVERAGE = ROOT / "procedures" / "_coverage.yml"
INVENTORY = ROOT.parent / "shared" / "seed_inventory.md"
# 素材清单中每一篇的条目数（篇一 10 条 … 篇六 72 条）。
ITEMS_PER_PIECE = {1: 10, 2: 12, 3: 13, 4: 12, 5: 10, 6: 72}
EXPECTED = [f"{piece}.{n}" for piece, count in ITEMS_PER_PIECE.items() for n in range(1, count + 1)]


@pytest.fixture(scope="module")
def coverage() -> dict[str, str]:
    return yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pages() -> set[str]:
    docs = ROOT / "docs"
    authored = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    generated = {p.checklist_uri for p in load_catalog(ROOT).procedures}
    return authored | generated


@pytest.mark.parametrize("item", EXPECTED)
def test_item_is_covered_by_an_existing_page(item, coverage, pages):
    assert item in coverage, f"素材条目 {item} 没有对应页面：请在 procedures/_coverage.yml 中登记"
    page = coverage[item].split("#")[0]
    assert page in pages, f"素材条目 {item} 指向的页面 docs/{page} 不存在"


def test_no_unknown_items(coverage):
    assert sorted(set(coverage) - set(EXPECTED)) == []


def test_expected_items_match_the_inventory():
    if not INVENTORY.exists():
        pytest.skip("没有 ../shared/seed_inventory.md（用户的克隆里没有它），跳过与素材清单的核对")
    text = INVENTORY.read_text(encoding="utf-8")
    listed = re.findall(r"^\| (\d\.\d{1,2}) \|", text, flags=re.MULTILINE)
    assert sorted(listed, key=_key) == sorted(EXPECTED, key=_key)


def test_procedure_sources_are_covered_items(coverage):
    for proc in load_catalog(ROOT).procedures:
        for source in proc.origins:
            for item in source.items:
                assert item in EXPECTED, f"{proc.source} 引用了不存在的素材条目 {item}"


def _key(item: str) -> tuple[int, int]:
    piece, n = item.split(".")
    return int(piece), int(n)


def test_pages_of_a_piece_cite_it(coverage):
    """覆盖某篇条目的规程，其“来源”应包含那一篇。"""
    pieces = "一二三四五六"
    by_page = {p.page_uri: p for p in load_catalog(ROOT).procedures}
    for item, page in coverage.items():
        proc = by_page.get(page.split("#")[0])
        if proc:
            cited = {s.piece for s in proc.origins}
            assert f"篇{pieces[int(item.split('.')[0]) - 1]}" in cited, f"{proc.source} 覆盖 {item}，但来源中没有这一篇"


