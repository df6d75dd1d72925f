"""ProperDocs 是本手册的构建工具；同一份手册用 MkDocs 1.6.1 构建，结果除 generator 标签外逐字节相同。"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(tool: str, root: Path, site: Path) -> dict[str, bytes]:
    result = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-q", "-d", str(site)], cwd=root,
                            capture_output=True, text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_and_mkdocs_build_the_same_site(tree, tmp_path):
    properdocs = build("properdocs", tree.root, tmp_path / "properdocs")
    mkdocs = build("mkdocs", tree.root, tmp_path / "mkdocs")
    assert sorted(properdocs) == sorted(mkdocs)
    assert b"ProperDocs" in properdocs["index.html"] and b"mkdocs-1.6.1" in mkdocs["index.html"]
    different = [name for name in properdocs
                 if GENERATOR.sub(b"", properdocs[name]) != GENERATOR.sub(b"", mkdocs[name])]
    assert different == []
