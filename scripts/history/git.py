"""唯一读 git 的地方：版本（version.py）、最后更新日期（git_dates.py）和修订记录（changes.py）都经它运行 git。

git 不在、仓库不在或命令失败时返回 None：没有 git 的副本照常构建，只是没有这些信息。
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Literal, overload

log = logging.getLogger(__name__)
TIMEOUT = 120  # 秒：读整段历史也用不了这么久；卡住的 git 不能让构建一直等


@overload
def git(root: Path, *args: str, stdin: bytes | None = None, text: Literal[True] = True) -> str | None: ...
@overload
def git(root: Path, *args: str, stdin: bytes | None = None, text: Literal[False]) -> bytes | None: ...


def git(root: Path, *args: str, stdin: bytes | None = None, text: bool = True) -> str | bytes | None:
    """在 root 里运行 git args：成功时返回输出（text=True 时是去掉首尾空白的文字），否则 None。

    路径里的汉字原样输出（core.quotepath=off），不会变成八进制转义。
    """
    try:
        result = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args], input=stdin,
                                capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as err:
        log.debug("无法运行 git：%s", err)
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", "replace").strip() if text else result.stdout
