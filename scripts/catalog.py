"""读取整个 procedures/ 目录：领域、角色和全部规程，校验后组成一个目录对象。

所有文件都读完、所有问题都收集齐后才决定成败，编辑一次就能看到全部问题。
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .glossary import Glossary
from .glossary import register_problems as glossary_problems
from .learning_paths import load_paths
from .problems import Problem, ProblemsFound, display_path
from .regulations import basis_problems
from .regulations import register_problems as regulation_problems
from .schema_check import load_checked
from .source_files import tree_problems
from .time_limits import TimeLimit
from .time_limits import register_problems as time_limit_problems
from .time_limits import step_problems as time_limit_step_problems
from .yaml_loader import LoadedYaml

SCHEMA_FILE = "procedure.schema.json"
VOCABULARY_SCHEMAS = {"_domains.yml": "domains.schema.json", "_roles.yml": "roles.schema.json",
                      "_glossary.yml": "glossary.schema.json", "_regulations.yml": "regulations.schema.json",
                      "_time_limits.yml": "time_limits.schema.json"}
# 登记表中每一项的名字：同一个名字不能登记两次。
VOCABULARY_KEYS = {"_domains.yml": "编号", "_roles.yml": "角色", "_glossary.yml": "术语", "_regulations.yml": "编号",
                   "_time_limits.yml": "编号"}


@dataclass
class Procedure:
    data: dict[str, Any]
    source: str  # 相对项目根目录的 YAML 路径
    loaded: LoadedYaml = field(repr=False)

    @property
    def id(self) -> str:
        return self.data["编号"]

    @property
    def domain(self) -> str:
        return self.data["领域"]

    @property
    def title(self) -> str:
        return self.data["标题"]

    @property
    def page_uri(self) -> str:
        """说明页（编辑手写的 Markdown）在 docs/ 中的位置。"""
        return f"{self.domain}/{self.id}.md"

    @property
    def checklist_uri(self) -> str:
        """生成的清单页在站点中的位置。"""
        return f"{self.domain}/checklists/{self.id}.md"

    @property
    def reviewed(self) -> dt.date:
        return dt.date.fromisoformat(self.data["上次复核"])

    @property
    def review_due(self) -> dt.date:
        months = self.data["复核周期月数"]
        year, month = divmod(self.reviewed.month - 1 + months, 12)
        day = min(self.reviewed.day, 28)
        return dt.date(self.reviewed.year + year, month + 1, day)

    def overdue(self, today: dt.date) -> bool:
        return today > self.review_due

    def roles(self) -> list[str]:
        return [entry["角色"] for entry in self.data["责任主体"]]


@dataclass
class Catalog:
    root: Path
    domains: list[dict[str, str]]
    roles: list[dict[str, str]]
    procedures: list[Procedure]
    warnings: list[Problem] = field(default_factory=list)
    paths: list[dict] = field(default_factory=list)  # 学习路径，见 learning_paths.py
    _by_id: dict[str, Procedure] | None = field(default=None, init=False, repr=False)
    glossary: Glossary = field(default_factory=lambda: Glossary([]))  # 术语表，见 glossary.py
    regulations: list[dict] = field(default_factory=list)  # 法规登记表，见 regulations.py
    time_limits: dict[str, TimeLimit] = field(default_factory=dict)  # 时限登记表，见 time_limits.py

    def step_time_limit(self, step: dict) -> str | None:
        """清单上这一步的“时限”：引用登记表的显示登记的写法，否则显示编辑写的文字。"""
        ref = step.get("法定时限")
        return self.time_limits[ref].text if ref else step.get("时限")

    def regulation(self, regulation_id: str) -> dict:
        return next(r for r in self.regulations if r["编号"] == regulation_id)

    def domain(self, domain_id: str) -> dict[str, str]:
        return next(d for d in self.domains if d["编号"] == domain_id)

    def in_domain(self, domain_id: str) -> list[Procedure]:
        return [p for p in self.procedures if p.domain == domain_id]

    def by_id(self) -> dict[str, Procedure]:
        """{编号: 规程}。模板里每个相关链接都要查一次，所以只建一次（目录建好后规程列表不再变）。"""
        if self._by_id is None:
            self._by_id = {p.id: p for p in self.procedures}
        return self._by_id


# 同一进程里读过的目录：{项目根目录: (输入的摘要, 目录)}。
_loaded: dict[Path, tuple[str, Catalog]] = {}


def load_catalog(root: Path) -> Catalog:
    """读取并校验 root/procedures；有错误时抛出 ProblemsFound，列出全部问题。

    输入没有变化时直接返回本进程上一次的结果：make build 在构建前先校验一次，MkDocs 钩子再读一次；
    make serve 只改了 Markdown 时也不必重读 YAML。返回的目录对象大家共用，不要修改它。
    """
    root = root.resolve()
    refused = tree_problems(root)  # 先确认 docs/、procedures/ 里只有普通文件，再读任何内容
    if refused:
        raise ProblemsFound(refused)
    digest = _inputs_digest(root)
    cached = _loaded.get(root)
    if cached and cached[0] == digest:
        return cached[1]
    catalog = _read_catalog(root)
    _loaded[root] = (digest, catalog)
    return catalog


def _inputs_digest(root: Path) -> str:
    """目录依赖的全部输入：procedures/ 下每个文件的内容，以及 docs/ 下有哪些文件（只检查页面是否存在）。"""
    digest = hashlib.blake2b()
    for path in sorted((root / "procedures").rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(root)}\0".encode())
            digest.update(path.read_bytes())
    for path in sorted((root / "docs").rglob("*")):
        digest.update(f"{path.relative_to(root)}\0".encode())
    return digest.hexdigest()


def _read_catalog(root: Path) -> Catalog:
    base = root / "procedures"
    problems: list[Problem] = []

    vocab: dict[str, Any] = {}
    registers: dict[str, LoadedYaml | None] = {}
    for name, schema in VOCABULARY_SCHEMAS.items():
        loaded = registers[name] = _load(base / name, base / schema, root, problems)
        vocab[name] = loaded.data if loaded else []
        if loaded:
            problems.extend(_duplicate_entries(loaded, VOCABULARY_KEYS[name], display_path(base / name, root)))
    domains, roles = vocab["_domains.yml"], vocab["_roles.yml"]

    procedures = []
    for path in sorted(base.glob("*/*")):
        if path.name.startswith("_") or not path.is_file():
            continue
        shown = display_path(path, root)
        if path.suffix != ".yml":
            if path.suffix in (".yaml", ".YML", ".Yml"):
                problems.append(Problem(shown, 1, 1, "C009", "规程文件的扩展名应为 .yml", f"把文件改名为 {path.stem}.yml"))
            continue
        loaded = _load(path, base / SCHEMA_FILE, root, problems)
        if loaded:
            procedures.append(Procedure(loaded.data, shown, loaded))

    catalog = Catalog(root, domains or [], roles or [], procedures)
    problems.extend(_meaning_problems(catalog, base))
    problems.extend(_register_problems(catalog, registers, base))
    catalog.paths, path_problems = load_paths(root, {p.id for p in procedures})
    problems.extend(path_problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ProblemsFound(problems)
    catalog.warnings = problems
    return catalog


def _load(path: Path, schema: Path, root: Path, problems: list[Problem]) -> LoadedYaml | None:
    shown = display_path(path, root)
    if not path.exists():
        problems.append(Problem(shown, 1, 1, "C000", "缺少这个文件", "从版本库恢复它"))
        return None
    return load_checked(path, schema, shown, problems)


def _duplicate_entries(loaded: LoadedYaml, key: str, shown: str) -> list[Problem]:
    """登记表中同一个编号或角色出现两次。"""
    problems, seen = [], {}
    for index, entry in enumerate(loaded.data):
        name = entry[key]
        if name in seen:
            line, column = loaded.position((index, key))
            problems.append(Problem(shown, line, column, "C010", f"“{name}”重复登记（第 {seen[name]} 行已有）",
                                    "删除重复的一项，必要时把说明合并"))
        else:
            seen[name] = loaded.position((index, key))[0]
    return problems


def _meaning_problems(catalog: Catalog, base: Path) -> list[Problem]:
    """结构之外的含义检查：编号与文件名、领域与文件夹、引用是否存在。"""
    problems = []
    domain_ids = {d["编号"] for d in catalog.domains}
    role_names = {r["角色"] for r in catalog.roles}
    first_seen: dict[str, str] = {}

    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        if folder.name not in domain_ids and not folder.name.startswith(("_", ".")):
            shown = display_path(folder, catalog.root)
            problems.append(Problem(shown, 1, 1, "C002", f"文件夹“{folder.name}”不是已登记的领域",
                                    "在 procedures/_domains.yml 中登记该领域，或把文件移到已有领域的文件夹"))

    known_ids = {p.id for p in catalog.procedures}
    for proc in catalog.procedures:
        at = proc.loaded.position

        def report(path: tuple, code: str, message: str, hint: str) -> None:
            line, column = at(path)
            problems.append(Problem(proc.source, line, column, code, message, hint))

        stem, folder = Path(proc.source).stem, Path(proc.source).parent.name
        if proc.id != stem:
            report(("编号",), "C001", f"编号“{proc.id}”与文件名“{stem}.yml”不一致",
                   f"把编号改成“{stem}”，或把文件改名为 {proc.id}.yml（已发布的编号不要改）")
        if proc.id in first_seen:
            report(("编号",), "C007", f"编号“{proc.id}”已被 {first_seen[proc.id]} 使用", "编号全局唯一且不复用，请换一个新编号")
        first_seen.setdefault(proc.id, proc.source)
        if proc.domain != folder:
            report(("领域",), "C002", f"领域“{proc.domain}”与所在文件夹“{folder}”不一致",
                   f"把领域改成“{folder}”，或把文件移到 procedures/{proc.domain}/")
        for index, entry in enumerate(proc.data["责任主体"]):
            if entry["角色"] not in role_names:
                report(("责任主体", index, "角色"), "C006", f"角色“{entry['角色']}”没有登记",
                       "在 procedures/_roles.yml 中登记这个角色，或改用已登记的角色名")
        declared = set(proc.roles())
        step_ids: dict[str, int] = {}
        for index, step in enumerate(proc.data["步骤"]):
            if step["责任人"] not in declared:
                report(("步骤", index, "责任人"), "C005", f"责任人“{step['责任人']}”不在本规程的“责任主体”中",
                       f"改用其中之一（{'、'.join(sorted(declared))}），或先在“责任主体”中加上这个角色")
            if step["编号"] in step_ids:
                report(("步骤", index, "编号"), "C004", f"步骤编号“{step['编号']}”与第 {step_ids[step['编号']] + 1} 步重复",
                       "每一步的编号在本规程内唯一；新步骤用新编号，已有编号不要改")
            step_ids.setdefault(step["编号"], index)
        for index, other in enumerate(proc.data.get("相关规程", [])):
            if other not in known_ids:
                report(("相关规程", index), "C003", f"相关规程“{other}”不存在", "检查编号拼写，或删除这一项")
            elif other == proc.id:
                report(("相关规程", index), "C003", "相关规程不能指向自己", "删除这一项")
    return problems


def _register_problems(catalog: Catalog, registers: dict[str, LoadedYaml | None], base: Path) -> list[Problem]:
    """术语表和法规登记表：各自的含义检查，以及规程“依据”对法规编号的引用。"""
    problems = []
    glossary, regulations = registers["_glossary.yml"], registers["_regulations.yml"]
    limits = registers["_time_limits.yml"]
    if glossary:
        catalog.glossary = Glossary.from_entries(glossary.data)
        # 文件本身有错、没能读进来的规程也算存在，免得一处错误引出一串“不存在”。
        procedure_ids = {p.id for p in catalog.procedures} | {f.stem for f in base.glob("*/*.yml")}
        problems += glossary_problems(glossary, display_path(base / "_glossary.yml", catalog.root),
                                      procedure_ids, catalog.root / "docs")
    if regulations:
        catalog.regulations = regulations.data
        problems += regulation_problems(regulations, display_path(base / "_regulations.yml", catalog.root))
        known = {r["编号"] for r in regulations.data}
        for proc in catalog.procedures:
            problems += basis_problems(proc.data, proc.loaded, proc.source, known)
            problems += _source_problems(proc, known)
        if limits:
            catalog.time_limits = {e["编号"]: TimeLimit.from_entry(e) for e in limits.data}
            problems += time_limit_problems(limits, display_path(base / "_time_limits.yml", catalog.root),
                                            {d["编号"] for d in catalog.domains}, known)
    for proc in catalog.procedures:
        problems += time_limit_step_problems(proc.data, proc.loaded, proc.source, set(catalog.time_limits))
    return problems


def _source_problems(proc: Procedure, known: set[str]) -> list[Problem]:
    """“来源”中的“法规”必须是法规登记表中的编号。"""
    problems = []
    for index, source in enumerate(proc.data["来源"]):
        if "法规" in source and source["法规"] not in known:
            line, column = proc.loaded.position(("来源", index, "法规"))
            problems.append(Problem(proc.source, line, column, "C020", f"来源的法规编号“{source['法规']}”没有登记",
                                    "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号"))
    return problems
