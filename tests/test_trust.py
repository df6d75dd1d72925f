"""内容和代码的界线（scripts/trust.py）：编辑改内容，别的都要维护者审核。"""

from __future__ import annotations

import pytest

from scripts.trust import NEEDS_REVIEW, is_content, main


@pytest.mark.parametrize("path", ["docs/xinfang/jiefang-wuhuanjie.md", "docs/xinfang/liucheng.png", "docs/fujian/a.PDF",
                                  "procedures/xinfang/dengji-fenlei.yml", "procedures/_glossary.yml"])
def test_content(path):
    assert is_content(path)


@pytest.mark.parametrize("path", ["docs/assets/x.js", "docs/a.svg", "docs/a.html", "docs/old.markdown",
                                  "procedures/procedure.schema.json", "procedures/README.md", "procedures/xinfang/x.py",
                                  "scripts/pipeline.py", "overrides/assets/checklist.js", "mkdocs.yml",
                                  ".github/workflows/test.yml", "requirements.txt", "tests/conftest.py", "Makefile"])
def test_code(path):
    assert not is_content(path)


def test_a_pull_request_that_touches_code_is_flagged(tree, capsys, monkeypatch):
    import subprocess

    def git(*args):
        subprocess.run(["git", "-C", str(tree.root), *args], check=True, capture_output=True,
                       env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                            "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin"})

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "base")
    tree.write("docs/xinfang/a.md", "# 页\n")
    tree.write("procedures/procedure.schema.json", "{}")
    git("add", "-A")
    git("commit", "-qm", "pr")
    monkeypatch.setattr("scripts.trust.ROOT", tree.root)
    from scripts import trust

    monkeypatch.setattr(trust.changed_files, "__defaults__", (tree.root,))
    assert main(["--base", "HEAD~1"]) == NEEDS_REVIEW
    out = capsys.readouterr().out
    assert "procedures/procedure.schema.json" in out and "docs/xinfang/a.md" not in out and "需要维护者审核" in out
