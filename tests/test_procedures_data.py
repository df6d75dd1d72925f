"""手册自己的数据：每个规程文件单独一个测试，失败时直接指出是哪个文件。"""

from __future__ import annotations

import pytest

from scripts import ROOT
from scripts.pipeline import load_catalog
from scripts.problems import ProblemsFound

FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "procedures").glob("*/*.yml"))


@pytest.fixture(scope="module")
def problems() -> list:
    try:
        load_catalog(ROOT)
    except ProblemsFound as err:
        return err.problems
    return []


@pytest.mark.parametrize("path", FILES)
def test_procedure_file_is_valid(path, problems):
    mine = [str(p) for p in problems if p.file == path]
    assert not mine, "\n".join(mine)


def test_shared_registers_are_valid(problems):
    shared = [str(p) for p in problems if p.file not in FILES]
    assert not shared, "\n".join(shared)
