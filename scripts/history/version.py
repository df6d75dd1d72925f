"""每次构建的版本：取自 git，显示在每页页脚（“版本：…”）、离线包的《使用说明》和 download/latest.json。

- 提交上有标签时，版本就是标签（如 v2026.12）；否则是提交日期加提交号的前 7 位（如 20261129-0c494d7）。
  工作目录有未提交的改动时加上 -dirty。同一个提交在任何一份完整的克隆里得到同样的版本。
- 构建日期：设置了 SOURCE_DATE_EPOCH（可重现构建的通行做法）时取它，否则是今天。
  离线包把它设为提交时间，同一个提交无论哪天打包，内容都逐字节相同（offline_bundle.py）。
- 没有 git（下载的源码压缩包）或不是 git 仓库时，版本写成“未知版本（没有 git 记录）”，构建照常进行。
- 日期按北京时间计算。
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from scripts.dates import BEIJING, chinese_date
from scripts.history.git import git

UNKNOWN = "未知版本（没有 git 记录）"


@dataclass(frozen=True)
class Version:
    label: str  # 版本号：标签，或“提交日期-提交号”；没有 git 时为 UNKNOWN
    date: dt.date  # 构建日期
    commit: str = ""  # 完整的提交号；没有 git 时为空
    commit_time: int | None = None  # 提交时间（Unix 秒），供 SOURCE_DATE_EPOCH 使用

    @property
    def known(self) -> bool:
        return bool(self.commit)

    @property
    def text(self) -> str:
        """页脚和《使用说明》里的写法：20261129-0c494d7（2026年11月29日构建）。"""
        return f"{self.label}（{chinese_date(self.date)}构建）"

    @property
    def file_label(self) -> str:
        """用在文件名里的版本：只含字母、数字、点和连字符。"""
        return self.label if self.known else f"unknown-{self.date:%Y%m%d}"


def epoch_date(epoch: int) -> dt.date:
    return dt.datetime.fromtimestamp(epoch, BEIJING).date()


def build_date() -> dt.date:
    """构建日期：SOURCE_DATE_EPOCH 设置了就用它，否则是今天（北京时间）。"""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return epoch_date(int(epoch))
    return dt.datetime.now(BEIJING).date()


def describe(root: Path) -> Version:
    """root 所在仓库当前提交的版本。"""
    head = git(root, "log", "-1", "--format=%H %ct")
    if not head:
        return Version(UNKNOWN, build_date())
    commit, seconds = head.split()
    tag = git(root, "describe", "--tags", "--exact-match", "HEAD")
    label = tag or version_label(commit, int(seconds))
    if git(root, "status", "--porcelain", "--untracked-files=no", "--", ".") not in ("", None):
        label += "-dirty"
    return Version(label, build_date(), commit, int(seconds))


def version_label(commit: str, seconds: int) -> str:
    """没有标签的提交的版本号：提交日期-提交号前 7 位。更新说明（changes.py）用同一个写法。"""
    return f"{epoch_date(seconds):%Y%m%d}-{commit[:7]}"


def latest_url(site_url: str | None, configured: str | None) -> str | None:
    """离线包检查更新时取的 latest.json 地址：extra.latest_json（或环境变量 LATEST_JSON_URL）优先，
    否则是站点网址下的 download/latest.json；都没有时不检查。只接受 http(s) 的普通网址。"""
    url = configured or (f"{site_url.rstrip('/')}/download/latest.json" if site_url else None)
    if not url:
        return None
    if not url.startswith(("https://", "http://")) or any(c in url for c in " \"'<>;,&\\`") or not url.isprintable():
        raise ValueError(f"检查更新的地址不是普通的 http(s) 网址：{url!r}")
    return url


def stamp_config(config, version: Version) -> Version:
    """MkDocs 钩子用：算出版本，写进 config.extra.manual_version，页脚模板（overrides/partials/copyright.html）读它。

    离线包的配置（mkdocs.offline.yml）设 extra.update_check: true，这时再给出检查更新的地址 latest_url。
    """
    extra = config.extra
    url = None
    if extra.get("update_check"):
        try:
            url = latest_url(config.site_url, os.environ.get("LATEST_JSON_URL") or extra.get("latest_json"))
        except ValueError as err:
            from mkdocs.exceptions import PluginError

            raise PluginError(str(err)) from None
    extra["manual_version"] = footer_fields(version, url)
    return version


def footer_fields(version: Version, latest: str | None = None, changes: str | None = None) -> dict:
    """页脚模板读的 extra.manual_version（changes 是“更新说明”页的网址）。"""
    return {"label": version.label, "text": version.text, "date": version.date.isoformat(),
            "latest_url": latest, "changes": changes}
