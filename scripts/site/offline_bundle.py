"""离线包：用 mkdocs.offline.yml 严格构建，再打成一个 zip，解压后双击 index.html 即可使用。

zip 的结构：
    使用说明.txt
    gongzuo-guicheng-shouce/index.html …

同一个提交打出的 zip 逐字节相同（sha256sum 相同，两个站点拿的就是同一份手册）：
- 构建日期取提交时间（SOURCE_DATE_EPOCH，version.py），页面里的日期、复核提醒、sitemap 都按它算；
- zip 里的文件按路径排序，时间一律写提交时间，权限一律 0644，压缩级别固定；
- zip 的注释是版本和日期（JSON），publish.py 据此写 latest.json。
工作目录有未提交的改动时版本带 -dirty；没有 git 时用今天的日期，不保证逐字节相同。

检查更新：页脚带有 latest.json 的地址时（mkdocs.offline.yml 的 update_check），每页的内容安全策略
在 connect-src 里多放行这一个网址（精确到文件），此外仍然只允许本地文件。
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path

from scripts.site.site_build import build_site
from scripts.dates import BEIJING, chinese_date
from scripts.history.version import Version, describe, latest_url

NAME = "gongzuo-guicheng-shouce"
CONFIG = "mkdocs.offline.yml"
README = "使用说明.txt"
_LATEST = re.compile(r'<div class="manual-version" data-latest-url="([^"]+)"')
_META_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src \'self\')')


def build_bundle(root: Path, dist: Path) -> Path:
    """构建离线站点并打包，返回 zip 的路径。构建失败时不产生 zip。"""
    version = describe(root)
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{NAME}-offline-{version.file_label}.zip"
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=dist) as work, _source_date(version):
        version = describe(root)  # 构建日期按 SOURCE_DATE_EPOCH 重新算
        site = build_site(root, Path(work) / NAME, config_file=CONFIG)
        allow_update_check(site)
        partial = Path(work) / "bundle.zip"
        write_zip(partial, site, guide(root, version), version)
        partial.replace(target)
    return target


@contextlib.contextmanager
def _source_date(version: Version):
    """构建期间把 SOURCE_DATE_EPOCH 设为提交时间（已经设置了的不改），结束后还原。"""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if before is None and version.commit_time is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(version.commit_time)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def guide(root: Path, version: Version) -> str:
    """《使用说明》：offline/使用说明.txt 里的 {版本}、{日期} 换成这次的版本和构建日期。"""
    text = (root / "offline" / README).read_text(encoding="utf-8")
    return text.replace("{版本}", version.label).replace("{日期}", chinese_date(version.date))


def write_zip(path: Path, site: Path, guide_text: str, version: Version) -> None:
    """逐字节可重现的 zip：固定的顺序、时间、权限和压缩级别。"""
    stamp = _zip_time(version)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        # 使用说明带 BOM，老版本的 Windows 记事本也能正确显示中文。
        _add(bundle, README, ("\ufeff" + guide_text.replace("\n", "\r\n")).encode("utf-8"), stamp)
        files = sorted((p.relative_to(site).as_posix(), p) for p in site.rglob("*") if p.is_file())
        for relative, file in files:
            _add(bundle, f"{NAME}/{relative}", file.read_bytes(), stamp)
        bundle.comment = json.dumps({"version": version.label, "date": version.date.isoformat()}).encode("ascii")


def _add(bundle: zipfile.ZipFile, name: str, data: bytes, stamp: tuple) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix：权限位有效，在任何系统上打包都一样
    info.external_attr = 0o100644 << 16
    bundle.writestr(info, data, compresslevel=9)


def _zip_time(version: Version) -> tuple:
    if version.commit_time is None:
        day = version.date
        return day.year, day.month, day.day, 0, 0, 0
    moment = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", version.commit_time)), BEIJING)
    return max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second // 2 * 2


def read_version(bundle: Path) -> dict:
    """zip 注释里的版本和日期：{"version": …, "date": "YYYY-MM-DD"}；没有时为空。"""
    with zipfile.ZipFile(bundle) as archive:
        try:
            data = json.loads(archive.comment.decode("ascii") or "{}")
        except (UnicodeDecodeError, ValueError):
            return {}
    return data if isinstance(data, dict) else {}


def allow_update_check(site: Path) -> str | None:
    """页脚带有 latest.json 的地址时，让每页的 <meta> 策略在 connect-src 里放行这一个网址；返回它。

    离线包从 file:// 打开，'self' 只是本地文件：检查更新的 fetch 要单独放行。只放行这一个文件
    （CSP 的来源写到路径时只匹配这个路径），脚本、样式、图片仍然只能来自本地。
    """
    match = _LATEST.search((site / "index.html").read_text(encoding="utf-8"))
    if match is None:
        return None
    url = latest_url(None, html.unescape(match.group(1)))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        patched, count = _META_POLICY.subn(lambda m: f"{m.group(1)} {url}", text, count=1)
        if count:
            page.write_text(patched, encoding="utf-8")
    return url
