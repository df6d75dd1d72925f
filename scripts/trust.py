"""拉取请求改了哪些“代码”：python -m scripts.trust --base <基准提交> [--head <提交>]

仓库里只有两样东西是内容，编辑可以改（见 README“拉取请求当作不可信的输入”）：
- docs/ 下的页面（.md）和被动的文件（图片、PDF、Office 文档、纯文字，见 content/source_files.py 的白名单）；
- procedures/<领域>/*.yml（规程）和 procedures/_*.yml（登记表）。
其余一切——结构说明（*.schema.json）、scripts/、overrides/、mkdocs.yml、工作流、测试、依赖——都是代码，
归维护者（.github/CODEOWNERS）。这个检查列出拉取请求改动的代码文件，用中文说明需要维护者审核；
只读 git 的记录，不运行拉取请求里的任何东西。退出码：0 只改了内容，3 改了代码（CI 里标为“需要维护者审核”）。
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import PurePosixPath

from scripts import ROOT
from scripts.content.source_files import accepted
from scripts.history.git import git

REGISTER = re.compile(r"procedures/_[a-z_]+\.yml")
PROCEDURE = re.compile(r"procedures/[a-z][a-z0-9-]*/[a-z][a-z0-9-]*\.yml")
NEEDS_REVIEW = 3


def is_content(path: str) -> bool:
    """path（仓库中的相对路径）是不是编辑可以改的内容。"""
    pure = PurePosixPath(path)
    if pure.parts[:1] == ("docs",):
        return accepted("docs", pure.suffix)
    return bool(REGISTER.fullmatch(path) or PROCEDURE.fullmatch(path))


def changed_files(base: str, head: str, root=ROOT) -> list[str]:
    output = git(root, "diff", "--name-only", "--no-renames", f"{base}...{head}")
    if output is None:
        raise SystemExit(f"读不到 {base}...{head} 之间的改动（git diff 失败）")
    return [line for line in output.splitlines() if line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.trust", description="拉取请求改了哪些代码")
    parser.add_argument("--base", required=True, help="基准提交（拉取请求要合入的分支）")
    parser.add_argument("--head", default="HEAD", help="拉取请求的提交（默认 HEAD）")
    args = parser.parse_args(argv)
    code = [path for path in changed_files(args.base, args.head) if not is_content(path)]
    if not code:
        print("只改了内容（docs/ 的页面和被动文件、procedures/ 的规程和登记表）。")
        return 0
    print(f"这个拉取请求改了 {len(code)} 个代码文件，需要维护者审核后才能合并（见 .github/CODEOWNERS）：")
    for path in code:
        print(f"  {path}")
        print(f"::warning file={path},title=需要维护者审核::这是代码，不是内容：编辑的拉取请求不应改它")
    return NEEDS_REVIEW


if __name__ == "__main__":
    sys.exit(main())
