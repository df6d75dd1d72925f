"""make new：新建一项规程——清单数据 procedures/<领域>/<编号>.yml 和说明页 docs/<领域>/<编号>.md。

编号由标题的拼音生成（如“办理群众来信” → banli-qunzhong-laixin），已有的编号和
git 历史中删除过的编号都不再使用，重名时加 -2、-3……。所有必填字段都填上“【待填写】”
占位文字：构建立即能通过，编辑检查（L001）会一直提醒，直到把它们换成实际内容。

  python -m scripts.scaffold --domain xinfang --title 办理群众来信
  python -m scripts.scaffold            # 缺少的信息会逐项询问
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from scripts import ROOT
from scripts.content.loader import read_registers
from scripts.content.model import Procedure
from scripts.content.yaml_loader import YamlLoadError, load_yaml
from scripts.problems import ManualError, display_path

TODO = "【待填写：{}】"
STOP_WORDS = {"与", "和", "的", "及", "并", "或", "对", "在", "等"}
MAX_WORDS = 4


class ScaffoldError(ManualError):
    pass


def slug(title: str) -> str:
    """标题 → 小写拼音编号：每个词的拼音连写，词与词之间用连字符；括号里的别称不用。"""
    import jieba
    from pypinyin import lazy_pinyin

    jieba.setLogLevel(logging.WARNING)
    main = re.split(r"[（(]", title, maxsplit=1)[0] or title
    words = []
    for word in jieba.lcut(main):
        if word in STOP_WORDS:
            continue
        text = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word)).lower())
        if text:
            words.append(text)
    return "-".join(words[:MAX_WORDS]) or "guicheng"


def taken_ids(root: Path) -> set[str]:
    """已经用过的编号：现有的规程文件、docs/ 下各领域的页面名，以及 git 历史中删除过的规程文件。"""
    taken = {p.stem for p in (root / "procedures").glob("*/*.yml") if not p.name.startswith("_")}
    taken |= {p.stem for p in (root / "docs").glob("*/*.md")}
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotepath=off", "log", "--all", "--format=", "--name-only",
             "--no-renames", "--diff-filter=D", "--", "procedures"],
            check=False, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return taken
    if result.returncode == 0:
        taken |= {Path(line).stem for line in result.stdout.splitlines()
                  if re.fullmatch(r"procedures/[^/]+/[^_/][^/]*\.yml", line.strip())}
    return taken


def free_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _register(root: Path, name: str) -> list:
    """一份登记表的全部项（数据模型）；读不了时当作空表：make new 只取默认值，问题由 make check 报告。"""
    return read_registers(root, [], (name,), checked=False)[name] or []


def _procedures_in(root: Path, domain: str) -> list[Procedure]:
    """本领域读得成数据模型的规程（用构建的读取程序，同样拒绝别名、过深的嵌套和符号链接）。"""
    found = []
    for path in sorted((root / "procedures" / domain).glob("*.yml")):
        try:
            loaded = load_yaml(path, display_path(path, root))
            found.append(Procedure.from_entry(loaded.data, loaded, source=display_path(path, root)))
        except (YamlLoadError, TypeError, AttributeError, KeyError):
            continue
    return found


PARTS = ("篇一", "篇二", "篇三", "篇四", "篇五", "篇六")


def _domain_defaults(root: Path, domain: str) -> tuple[str, str]:
    """新规程的默认角色和来源：取本领域现有规程中最常用的角色和最常依据的现行法规。

    没有现行法规可依时，来源留给编辑填写篇目（PARTS 之一）。"""
    roles: Counter[str] = Counter()
    laws: Counter[str] = Counter()
    for proc in _procedures_in(root, domain):
        roles.update(party.role for party in proc.parties)
        laws.update(basis.regulation for basis in proc.bases)
    registered = [role.name for role in _register(root, "_roles.yml")]
    role = next((r for r, _ in roles.most_common() if r in registered), registered[0] if registered else None)
    if role is None:
        raise ScaffoldError("procedures/_roles.yml 中没有登记任何角色，请先登记角色")
    current = _current_regulations(root)
    source = next((law for law, _ in laws.most_common() if law in current), "")
    return role, source


def _current_regulations(root: Path) -> set[str]:
    return {r.id for r in _register(root, "_regulations.yml") if r.status == "现行"}


def source_yaml(source: str) -> str:
    """“来源”的第一项：篇目（来源工作总结）或现行法规的编号；都没有时让编辑填篇目。"""
    if source in PARTS:
        return f"  - 篇目: {source}\n    章节: {TODO.format('来源工作总结中的部分或小标题')}\n"
    if source:
        return f"  - 法规: {source}\n    章节: {TODO.format('法规中的哪一部分（条款号只在确定时写）')}\n"
    return (f"  - 篇目: 篇一\n    章节: {TODO.format('来源工作总结中的部分或小标题；出自现行法规时改写成“法规: 编号”')}\n")


def procedure_yaml(procedure_id: str, title: str, domain: str, role: str, source: str, today: dt.date) -> str:
    def text(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # JSON 字符串也是合法的 YAML，省去转义的烦恼

    return f"""\
# 由 make new 生成。把所有【待填写：…】换成实际内容（make lint 会一直提醒），字段说明见 procedures/README.md。
编号: {procedure_id}
标题: {text(title)}
领域: {domain}
状态: 现行
摘要: {TODO.format("一两句话：做什么，达到什么目的")}
适用情形:
  - {TODO.format("什么时候用这项规程，每条一种情形")}
责任主体:
  - 角色: {text(role)}
    职责: {TODO.format("这个角色在本规程中做什么")}
步骤:
  - 编号: buzhou-1
    名称: {TODO.format("步骤名称")}
    做法: {TODO.format("这一步具体怎么做")}
    责任人: {text(role)}
    留痕材料: []
检查要点:
  - {TODO.format("完成后逐条核对的要点")}
来源:
{source_yaml(source)}负责人: {TODO.format("负责维护本规程的岗位或小组")}
上次复核: {today.isoformat()}
复核周期月数: 12
"""


def page_markdown(procedure_id: str, title: str, domain: str) -> str:
    return f"""\
# {title}

{TODO.format(f"一两段话说明为什么要做、要达到什么目的。步骤和检查要点写在 procedures/{domain}/{procedure_id}.yml 里，"
              "这里写清单放不下的说明")}

## 什么时候用

- {TODO.format("什么情况下用这项规程")}

## 做法要点

{TODO.format("每一步怎样做好、容易出错的地方")}

??? note "来源"
    {TODO.format("一两句话：取材于哪份工作总结的哪一部分，哪些按现行法规写出")}
"""


def scaffold(root: Path, domain: str, title: str, today: dt.date | None = None, source: str = "") -> tuple[Path, Path]:
    """新建一项规程，返回 (YAML 文件, 说明页)。source 是来源：现行法规的编号或篇目，不写时按本领域推断。"""
    domains = [d.id for d in _register(root, "_domains.yml")]
    if domain not in domains:
        raise ScaffoldError(f"领域“{domain}”没有登记；可用的领域：{'、'.join(domains)}（见 procedures/_domains.yml）")
    title = title.strip()
    if not 2 <= len(title) <= 40:
        raise ScaffoldError("标题要有 2–40 个字，以要做的事开头，如“办理群众来信”")
    procedure_id = free_id(slug(title), taken_ids(root))
    role, default_source = _domain_defaults(root, domain)
    source = source.strip() or default_source
    if source and source not in PARTS and source not in _current_regulations(root):
        raise ScaffoldError(f"来源“{source}”既不是篇目（{'、'.join(PARTS)}），也不是 procedures/_regulations.yml 中的现行法规编号")
    data_file = root / "procedures" / domain / f"{procedure_id}.yml"
    page_file = root / "docs" / domain / f"{procedure_id}.md"
    if page_file.exists():
        raise ScaffoldError(f"{page_file.relative_to(root)} 已经存在")
    data_file.write_text(procedure_yaml(procedure_id, title, domain, role, source, today or dt.date.today()),
                         encoding="utf-8")
    page_file.parent.mkdir(parents=True, exist_ok=True)
    page_file.write_text(page_markdown(procedure_id, title, domain), encoding="utf-8")
    return data_file, page_file


def _ask(prompt: str, current: str) -> str:
    if current:
        return current
    if not sys.stdin.isatty():
        raise ScaffoldError(f"缺少{prompt}：请写成 make new DOMAIN=领域 TITLE=标题")
    return input(f"{prompt}：").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.scaffold", description="新建一项规程")
    parser.add_argument("--domain", default="", help="领域编号，即 procedures/ 下的文件夹名，如 xinfang")
    parser.add_argument("--title", default="", help="标题，以要做的事开头，如“办理群众来信”")
    parser.add_argument("--source", default="", help="来源：现行法规的编号（如 xinfang-gongzuo-tiaoli）或篇目（如 篇六）；"
                        "不写时按本领域推断")
    parser.add_argument("--root", type=Path, default=ROOT, help="项目根目录（默认为本仓库）")
    args = parser.parse_args(argv)
    try:
        if not args.domain and sys.stdin.isatty():
            domains = _register(args.root, "_domains.yml")
            print("可用的领域：" + "；".join(f"{d.id}（{d.name}）" for d in domains))
        domain = _ask("领域编号", args.domain)
        title = _ask("标题", args.title)
        data_file, page_file = scaffold(args.root, domain, title, source=args.source)
    except ScaffoldError as err:
        print(f"没有新建：{err}", file=sys.stderr)
        return 1
    for path in (data_file, page_file):
        print(f"已新建 {path.relative_to(args.root)}")
    print("下一步：把文件中的【待填写：…】换成实际内容，再运行 make lint 检查、make serve 预览。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
