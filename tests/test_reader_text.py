"""构建出的页面写给读者：不谈论素材，不点出取材单位所在的地方和单位。

地名、单位名以加盐摘要保存（测试只需要认出它们，不需要在仓库里写出它们）；
检查的是搜索索引里的全部正文和标题，也就是读者能看到、能搜到的文字。
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from scripts import ROOT

SALT = "gongzuo-guicheng:"
# 取材单位所在的省、市、县、乡镇、河流、船闸、矿区，以及客户单位和专家：摘要的前 16 位 → 字数。
# 同时是常用词的地名（如与“会同有关部门”同形的县名）不列入，否则正文里的常用词都会被误报。
# 新增一个：python -c "import hashlib; print(hashlib.sha256('gongzuo-guicheng:地名'.encode()).hexdigest()[:16])"
SOURCE_PLACES = {
    "04097b4c1f0db430": 2, "78c883364fc9a7bd": 2, "ea332bde68e3a7ed": 2,
    "1c35954dfe0575b8": 2, "273cf9a71e73f3c4": 2, "c4e5b1057019ee4c": 2, "ff30d57328a13504": 2,
    "76964fe2ae414dde": 3, "23454026b6c182a2": 3, "ce36b2d3070dc1ac": 2, "97bd362d20de887a": 2,
    "98e303648d35e60c": 2, "6148491561d0615e": 4, "3a18a2169c12d90c": 3, "ad13b137111f4336": 3,
}
SEED = ROOT.parent / "shared" / "seed" / "000_d334dfa1e1a535bc.txt"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def digest(text: str) -> str:
    return hashlib.sha256((SALT + text).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def documents(real_site) -> list[dict]:
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["docs"]


def pages_of(documents: list[dict]) -> dict[str, str]:
    """{页面地址: 页面的全部文字}（搜索索引按小节分条，这里按页面合并）。"""
    pages: dict[str, str] = {}
    for doc in documents:
        page = doc["location"].split("#")[0]
        pages[page] = pages.get(page, "") + "\n" + doc["title"] + "\n" + re.sub(r"<[^>]+>", "", doc["text"])
    return pages


def named_places(text: str) -> list[tuple[str, str]]:
    """text 中点出取材地方或单位的地方：[(摘要, 前后几个字), …]。"""
    found = []
    for run in HAN_RUN.findall(text):
        for size in set(SOURCE_PLACES.values()):
            for start in range(len(run) - size + 1):
                key = digest(run[start:start + size])
                if SOURCE_PLACES.get(key) == size:
                    found.append((key, f"…{run[max(0, start - 4):start + size + 4]}…"))
    return found


def test_the_digests_recognise_every_place_in_the_seed():
    if not SEED.exists():
        pytest.skip("没有 ../shared/seed（用户的克隆里没有它），无法核对摘要能否认出素材中的地名")
    recognised = {key for key, _ in named_places(SEED.read_text(encoding="utf-8"))}
    assert len(recognised) == 12  # 其余三个（所在省和邻近的地名）素材里没有写出，是编写时容易顺手加上的
    assert named_places("按现行《信访工作条例》办理，市信访局负责登记。") == []


def test_no_source_place_or_unit_is_named(documents):
    found = [f"{page}: {hit}" for page, text in pages_of(documents).items() for _, hit in named_places(text)]
    assert not found, "页面点出了取材单位所在的地方或单位：\n" + "\n".join(found)


def test_pages_talk_about_the_work_not_the_material(documents):
    pages = pages_of(documents)
    mentions = sum(text.count("原始材料") for text in pages.values())
    assert mentions <= len(pages), f"“原始材料”出现 {mentions} 次，{len(pages)} 个页面：平均每页不超过一次"
    assert not [p for p, text in pages.items() if "素材清单" in text or "素材条目" in text]
    assert not [p for p, text in pages.items() if re.search(r"(?<![\d.])[1-6]\.\d{1,2}(?![\d.])\s*条", text)]
