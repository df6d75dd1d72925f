"""合成规模测试用的项目：真实手册的完整副本，再加 N 项合成规程。

合成规程以真实规程为底本：换编号和标题，打乱并混合各步骤的“做法”，再掺入其他规程的摘要句子，
所以文字是多样的真实中文，也带着术语表里的术语；结构始终符合 schema（责任人、依据、来源都取自底本）。
"""

from __future__ import annotations

import copy
import random
import shutil
from pathlib import Path

import yaml

from scripts import ROOT

# 复制项目时跳过的东西：构建产物、虚拟环境、版本库。
SKIP = {".git", ".venv", "site", "site-zensical", "dist", "build", "node_modules", "results", "__pycache__", ".pytest_cache"}


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=lambda folder, names: [n for n in names if n in SKIP or n.startswith(".site")])
    return dest


def add_synthetic(root: Path, count: int, seed: int = 20261128) -> int:
    """在 root/procedures 下写入 count 项合成规程，返回写入的数量。"""
    rng = random.Random(seed)
    bases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "procedures").glob("*/*.yml"))]
    sentences = [b["摘要"] for b in bases] + [s["做法"] for b in bases for s in b["步骤"]]
    ids = [f"hecheng-{n:05d}" for n in range(1, count + 1)]
    for n, proc_id in enumerate(ids):
        base = copy.deepcopy(rng.choice(bases))
        base["编号"] = proc_id
        base["标题"] = f"{base['标题'][:24]}（合成{n + 1}）"
        base["摘要"] = base["摘要"] + rng.choice(sentences)
        how = [s["做法"] for s in base["步骤"]]
        rng.shuffle(how)
        for step, text in zip(base["步骤"], how, strict=False):
            step["做法"] = text + rng.choice(sentences)
        base["相关规程"] = rng.sample(ids[:n], k=min(n, rng.randint(0, 2)))
        if not base["相关规程"]:
            del base["相关规程"]
        path = root / "procedures" / base["领域"] / f"{proc_id}.yml"
        path.write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return count


def make_tree(dest: Path, count: int) -> Path:
    copy_project(dest)
    add_synthetic(dest, count)
    return dest
