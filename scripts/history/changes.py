"""修订记录和更新说明：从 git 历史里读出每项规程的内容修改。

每个提交（不含合并提交）是一个版本，版本号的写法与页脚相同（version.py：标签，或“提交日期-提交号”）。
一个提交算作某项规程的一次修订，当且仅当它改了这项规程的 YAML 或说明页的**内容**：

- YAML 按数据比较（缩进、引号、注释、键的顺序不算）；说明页去掉全部空白后比较（重新折行不算）。
  “上次复核”“复核周期月数”“顺序”“来源”只是编辑的记录，不算内容修改。
- 提交说明里写一行 `修订: 给读者看的一句话`（全角冒号也可以），这句话就是修订记录里的说明；
  没有写时由改动自动生成（如“新增步骤“登记来访””“法定时限改为自受理之日起60日内办结”）。
- 写 `修订: 无` 的提交不算修订（改错字、调整格式等读者不必知道的修改）。
- 时限登记表（procedures/_time_limits.yml）改了天数或写法，算作现在引用这个期限的每项规程的修订。

整个仓库只运行三次 git（log、标签、cat-file 批量读取文件内容）；没有 git 历史时记录为空，页面说明原因。
结果按 HEAD 缓存在进程里，make serve 重建时不再重读。
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.content.yaml_loader import YamlLoadError, parse
from scripts.history.git import git
from scripts.history.version import epoch_date, version_label
from scripts.site.atomic_file import write_text_atomically
from scripts.site.private_cache import subfolder

log = logging.getLogger(__name__)

TRAILER = re.compile(r"^修订[:：][ \t]*(.*?)\s*$", re.M)
NO_REVISION = {"无", "无需记录", "-"}
RETIRED = "已废止"
LIMITS_FILE = "procedures/_time_limits.yml"
# 不算内容修改的键（编辑的记录，页面上单独显示）
BOOKKEEPING = {"上次复核", "复核周期月数", "顺序", "来源"}
STEP_LIMIT_KEYS = {"时限", "法定时限"}
MAX_TEXT = 120  # 修订说明的最大长度（字）
_PROC = re.compile(r"procedures/([a-z0-9-]+)/([a-z0-9-]+)\.yml")
_PAGE = re.compile(r"docs/([a-z0-9-]+)/([a-z0-9-]+)\.md")
MAX_HISTORY_TEXT = 1_000_000  # 字符：最大的规程文件不到 20 000 字符


@dataclass(frozen=True)
class Revision:
    """一项规程的一次修订。"""

    version: str
    date: dt.date
    text: str


@dataclass(frozen=True)
class Item:
    """更新说明中的一项：规程的键（YAML 路径）、标题和说明。"""

    key: str
    title: str
    text: str = ""


@dataclass
class VersionChanges:
    """一个版本中的全部修改，按类别列出。"""

    version: str
    date: dt.date
    added: list[Item] = field(default_factory=list)
    changed: list[Item] = field(default_factory=list)
    retired: list[Item] = field(default_factory=list)
    time_limits: list[Item] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.retired or self.time_limits)


@dataclass
class History:
    available: bool  # 有没有 git 历史
    revisions: dict[str, list[Revision]] = field(default_factory=dict)  # {YAML 路径: 修订，新的在前}
    versions: list[VersionChanges] = field(default_factory=list)  # 新的在前

    def of(self, source: str) -> list[Revision]:
        return self.revisions.get(source, [])


@dataclass
class _Commit:
    sha: str
    seconds: int
    message: str
    files: list[tuple[str, str, str]] = field(default_factory=list)  # (路径, 旧内容的对象号, 新内容的对象号)

    @property
    def trailer(self) -> str | None:
        lines = [m.group(1) for m in TRAILER.finditer(self.message) if m.group(1)]
        return "；".join(lines) if lines else None


_cache: dict[Path, tuple[str, History]] = {}
CACHE_FORMAT = 3  # 改了比较或说明的写法时加一，旧的缓存作废


def load_history(root: Path, limits_by_proc: dict[str, set[str]] | None = None) -> History:
    """root 所在仓库里全部规程的修订记录和各版本的修改。

    limits_by_proc：{YAML 路径: 它现在引用的法定时限编号}，用于时限登记表的修改。
    """
    root = root.resolve()
    limits_by_proc = limits_by_proc or {}
    head = git(root, "rev-parse", "HEAD")
    if head is None:
        return History(available=False)
    tags = _tags(root)
    key = json.dumps([CACHE_FORMAT, head, sorted(tags.items()), sorted((k, sorted(v)) for k, v in limits_by_proc.items())])
    cached = _cache.get(root)
    if cached and cached[0] == key:
        return cached[1]
    history = _read_cache(key)
    if history is None:
        top = Path(git(root, "rev-parse", "--show-toplevel") or root)
        prefix = root.relative_to(top).as_posix() + "/" if root != top else ""
        commits = _commits(root, prefix)
        blobs = _blobs(root, {sha for c in commits for _, old, new in c.files for sha in (old, new)})
        history = _build(commits, tags, blobs, limits_by_proc)
        _write_cache(key, history)
    _cache[root] = (key, history)
    return history


# ---- 缓存：按 HEAD、标签和时限引用存在本用户的私有缓存文件夹里（解析几百份历史 YAML 要约 0.3 秒）----

def _cache_file(key: str) -> Path:
    return subfolder("changes") / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def _read_cache(key: str) -> History | None:
    try:
        data = json.loads(_cache_file(key).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        day = dt.date.fromisoformat
        return History(
            True,
            {k: [Revision(r["version"], day(r["date"]), r["text"]) for r in v] for k, v in data["revisions"].items()},
            [VersionChanges(v["version"], day(v["date"]),
                            *([Item(**i) for i in v[group]] for group in ("added", "changed", "retired", "time_limits")))
             for v in data["versions"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # 没有缓存、读不了或格式不对：重新计算


def _write_cache(key: str, history: History) -> None:
    data = {"key": key, **dataclasses.asdict(history)}
    try:
        write_text_atomically(_cache_file(key), json.dumps(data, ensure_ascii=False, default=str))
    except OSError as err:
        log.debug("修订记录缓存写不进去：%s", err)


# ---- 读 git ------------------------------------------------------------------

def _commits(root: Path, prefix: str) -> list[_Commit]:
    """新的在前。只看 procedures/ 和 docs/ 下的文件。"""
    output = git(root, "log", "--no-merges", "--raw", "--no-abbrev", "--no-renames",
                  "--format=%x1e%H %ct%n%B%x1d", "--", "procedures", "docs")
    commits: list[_Commit] = []
    for record in (output or "").split("\x1e"):  # 注意：strip() 会去掉开头的 \x1e（Python 把它当作空白）
        if not record.strip():
            continue
        header, _, rest = record.partition("\n")
        message, _, raw = rest.partition("\x1d")
        sha, seconds = header.split()
        commit = _Commit(sha, int(seconds), message)
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if path.startswith(prefix):
                commit.files.append((path[len(prefix):], parts[2], parts[3]))
        commits.append(commit)
    return commits


def _tags(root: Path) -> dict[str, str]:
    """{提交号: 标签}（附注标签取它指向的提交）。"""
    output = git(root, "for-each-ref", "refs/tags", "--sort=creatordate",
                  "--format=%(objectname) %(*objectname) %(refname:short)")
    tags: dict[str, str] = {}
    for line in (output or "").splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3:
            tags[parts[1] or parts[0]] = parts[2]
    return tags


def _blobs(root: Path, shas: set[str]) -> dict[str, str]:
    """一次 git cat-file --batch 读出全部文件内容：{对象号: 文字}。"""
    wanted = sorted(s for s in shas if s.strip("0"))
    if not wanted:
        return {}
    output = git(root, "cat-file", "--batch", stdin="\n".join(wanted).encode() + b"\n", text=False) or b""
    blobs, pos = {}, 0
    while pos < len(output):
        end = output.index(b"\n", pos)
        header = output[pos:end].decode().split()
        pos = end + 1
        if len(header) < 3:  # “<对象号> missing”
            continue
        size = int(header[2])
        blobs[header[0]] = output[pos:pos + size].decode("utf-8", "replace")
        pos += size + 1
    return blobs


# ---- 比较 ------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)
def _data(text: str | None):
    """YAML 的数据（同样的内容只解析一次）；读不了时当作整段文字。"""
    if text is None:
        return None
    data = _guarded(text)
    return data if isinstance(data, dict) else {"_未能读取": text}


def _guarded(text: str):
    """历史上的 YAML 也只用构建的安全读取（yaml_loader.parse：拒绝别名、限制嵌套），过大的不读。

    旧版本可能是恶意的（只活在 git 历史里的别名炸弹），读不了的当作整段文字比较，不会拖垮构建。
    """
    if len(text) > MAX_HISTORY_TEXT:
        return None
    try:
        return parse(text, "历史版本").data
    except YamlLoadError:
        return None


def _squeeze(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", "", text)


def describe_yaml(old: dict, new: dict) -> tuple[list[str], bool]:
    """两版 YAML 数据之间读者能看到的修改：([说明…], 是否改了时限)。"""
    parts: list[str] = []
    limit_changed = False
    if old.get("状态") != new.get("状态"):
        parts.append(f"状态改为{new.get('状态')}")
    old_steps = {s.get("编号"): s for s in old.get("步骤") or [] if isinstance(s, dict)}
    new_steps = {s.get("编号"): s for s in new.get("步骤") or [] if isinstance(s, dict)}
    for sid, step in new_steps.items():
        name = step.get("名称", sid)
        if sid not in old_steps:
            parts.append(f"新增步骤“{name}”")
        elif step != old_steps[sid]:
            differing = {k for k in step.keys() | old_steps[sid].keys() if step.get(k) != old_steps[sid].get(k)}
            if differing - STEP_LIMIT_KEYS:
                parts.append(f"修改步骤“{name}”")
            if differing & STEP_LIMIT_KEYS:
                limit_changed = True
                parts.append(f"步骤“{name}”改用法定时限" if step.get("法定时限")
                             else f"步骤“{name}”的时限改为{step.get('时限') or '不限'}")
    parts += [f"删去步骤“{s.get('名称', sid)}”" for sid, s in old_steps.items() if sid not in new_steps]
    if not parts and list(old_steps) != list(new_steps):
        parts.append("调整步骤顺序")
    skip = BOOKKEEPING | {"步骤", "状态"}
    for key in [*new, *(k for k in old if k not in new)]:  # 按文件里的顺序（集合的顺序每个进程都不同）
        if key not in skip and new.get(key) != old.get(key):
            parts.append(f"修改“{key}”" if not key.startswith("_") else "修改清单")
    return sorted(set(parts), key=parts.index), limit_changed


def _summary(parts: list[str]) -> str:
    if "新增本规程" in parts:
        return "新增本规程"
    return "；".join(parts[:3]) + ("等" if len(parts) > 3 else "")


def _clip(text: str) -> str:
    text = "".join(c for c in text if c.isprintable())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def _limit_texts(text: str | None) -> dict[str, str]:
    data = _guarded(text) if text else None
    result = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and "编号" in entry:
            result[entry["编号"]] = str(entry.get("写法", "")).replace("{天数}", str(entry.get("天数", "")))
    return result


def _build(commits: list[_Commit], tags: dict[str, str], blobs: dict[str, str],
           limits_by_proc: dict[str, set[str]]) -> History:
    history = History(available=True)
    titles: dict[str, str] = {}
    for commit in commits:  # 新的在前：第一次见到的标题就是最新的标题
        for path, old, new in commit.files:
            if _PROC.fullmatch(path):
                data = _data(blobs.get(new)) or _data(blobs.get(old)) or {}
                titles.setdefault(path, str(data.get("标题", Path(path).stem)))
    for commit in commits:
        trailer = commit.trailer
        if trailer in NO_REVISION:
            continue
        label = tags.get(commit.sha) or version_label(commit.sha, commit.seconds)
        changes = VersionChanges(label, epoch_date(commit.seconds))
        notes: dict[str, list[str]] = {}  # {YAML 路径: [说明…]}
        for path, old, new in commit.files:
            _compare(path, blobs.get(old), blobs.get(new), changes, notes, titles, limits_by_proc)
        for key, parts in notes.items():
            text = _clip(trailer) if trailer else _summary(parts)
            history.revisions.setdefault(key, []).append(Revision(label, changes.date, text))
            listed = any(item.key == key for item in changes.added + changes.retired)
            only_limits = all("时限" in part for part in parts) and any(i.key == key for i in changes.time_limits)
            if not listed and not only_limits:
                changes.changed.append(Item(key, titles.get(key, key), text))
        if changes:
            changes.time_limits = _merged(changes.time_limits)
            for group in (changes.added, changes.changed, changes.retired, changes.time_limits):
                group.sort(key=lambda item: item.key)
            history.versions.append(changes)
    return history


def _merged(items: list[Item]) -> list[Item]:
    """同一项规程在一个版本里的几条合成一条。"""
    merged: dict[str, Item] = {}
    for item in items:
        before = merged.get(item.key)
        merged[item.key] = item if before is None else Item(item.key, item.title, f"{before.text}；{item.text}")
    return list(merged.values())


def _compare(path: str, old_text: str | None, new_text: str | None, changes: VersionChanges,
             notes: dict[str, list[str]], titles: dict[str, str], limits_by_proc: dict[str, set[str]]) -> None:
    """一个文件在一个提交里的修改，记进 changes（更新说明）和 notes（修订记录）。"""
    if path == LIMITS_FILE:
        before, after = _limit_texts(old_text), _limit_texts(new_text)
        for limit, text in after.items():
            if limit in before and before[limit] != text:
                for key in sorted(k for k, refs in limits_by_proc.items() if limit in refs):
                    notes.setdefault(key, []).append(f"法定时限改为{text}")
                    changes.time_limits.append(Item(key, titles.get(key, key), f"法定时限改为{text}"))
        return
    if match := _PAGE.fullmatch(path):
        key = f"procedures/{match.group(1)}/{match.group(2)}.yml"
        if key in titles and _squeeze(old_text) != _squeeze(new_text):
            notes.setdefault(key, []).append("修改说明页" if old_text else "新增说明页")
        return
    if not _PROC.fullmatch(path):
        return
    old, new = _data(old_text), _data(new_text)
    title = titles.get(path, path)
    if old is None and new is not None:
        changes.added.append(Item(path, title))
        notes.setdefault(path, []).append("新增本规程")
    elif new is None and old is not None:
        changes.retired.append(Item(path, title, "已从手册中删去"))
    elif old is not None and new is not None and old != new:
        parts, limit_changed = describe_yaml(old, new)
        if not parts:
            return
        notes.setdefault(path, []).extend(parts)
        if new.get("状态") == RETIRED and old.get("状态") != RETIRED:
            changes.retired.append(Item(path, title, "状态改为已废止"))
        if limit_changed:
            changes.time_limits.append(Item(path, title, _summary([p for p in parts if "时限" in p])))


def limits_by_source(procedures: Iterable) -> dict[str, set[str]]:
    """{YAML 路径: 它引用的法定时限编号}，由目录中的规程得出。"""
    return {p.source: {s.legal_limit for s in p.steps if s.legal_limit} for p in procedures}
