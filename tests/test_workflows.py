"""CI 的工作流：动作按提交号锁定；运行拉取请求代码的工作流里没有机密；用机密的工作流不运行拉取请求的代码。"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 把 on 读成 True
    return data


def steps(data: dict):
    for job in data["jobs"].values():
        yield from job.get("steps", [])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit(path):
    for step in steps(load(path)):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pull_request_code_never_meets_a_secret(path):
    data = load(path)
    text = path.read_text(encoding="utf-8")
    triggers = data["on"] if isinstance(data["on"], dict) else {name: None for name in data["on"]}
    if "pull_request" in triggers:
        assert "secrets." not in text, f"{path.name} 运行拉取请求的代码，不能用机密"
    if "pull_request_target" in triggers:
        for step in steps(data):
            ref = str((step.get("with") or {}).get("ref", ""))
            assert "head" not in ref, f"{path.name} 用机密运行，不能取出拉取请求的代码"
            run = str(step.get("run", ""))
            assert not re.search(r"git (checkout|switch)\b", run), f"{path.name} 不能切换到拉取请求的代码"


def test_the_name_list_check_reads_only_content_folders():
    text = (ROOT / ".github" / "workflows" / "names.yml").read_text(encoding="utf-8")
    assert "git archive refs/remotes/pr/head -- docs procedures" in text and "--root \"$RUNNER_TEMP/pr\"" in text
