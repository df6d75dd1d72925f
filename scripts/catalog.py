"""读取整个 procedures/ 目录和 docs/ 下的页面，校验后组成一个目录对象（数据模型见 model.py）。

每个文件只读一次：规程、登记表读成数据模型，docs/ 的页面读成文字（pages），生成、导航和索引页都用它们。
所有文件都读完、所有问题都收集齐后才决定成败，编辑一次就能看到全部问题。
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import meaning_problems
from .article_map import article_href, article_map_problems
from .glossary import Glossary
from .forms import form_for, form_problems
from .model import (ArticleMap, Domain, Form, LearningPath, Procedure, Regulation, Role, Step, Term, TimeLimit,
                    read_all)
from .problems import Problem, ProblemsFound, display_path
from .source_files import tree_problems
from .yaml_loader import LoadedYaml, YamlLoadError, load_yaml, read_text

SCHEMA_FILE = "procedure.schema.json"
# 登记表：文件 → (结构说明, 每一项的类型, 是否必须有)。
REGISTERS = {"_domains.yml": ("domains.schema.json", Domain, True), "_roles.yml": ("roles.schema.json", Role, True),
             "_glossary.yml": ("glossary.schema.json", Term, True),
             "_regulations.yml": ("regulations.schema.json", Regulation, True),
             "_time_limits.yml": ("time_limits.schema.json", TimeLimit, True),
             "_paths.yml": ("paths.schema.json", LearningPath, False),
             "_forms.yml": ("forms.schema.json", Form, False),
             "_article_map.yml": ("article_map.schema.json", ArticleMap, False)}


@dataclass
class Catalog:
    root: Path
    domains: list[Domain]
    roles: list[Role]
    procedures: list[Procedure]
    warnings: list[Problem] = field(default_factory=list)
    paths: list[LearningPath] = field(default_factory=list)  # 学习路径
    glossary: Glossary = field(default_factory=lambda: Glossary([]))  # 术语表，见 glossary.py
    regulations: list[Regulation] = field(default_factory=list)  # 法规登记表
    time_limits: dict[str, TimeLimit] = field(default_factory=dict)  # 时限登记表，见 time_limits.py
    pages: dict[str, str] = field(default_factory=dict)  # docs/ 下每个 Markdown 页面的原文：{路径: 文字}
    failed: set[str] = field(default_factory=set)  # 没能读进来的文件（显示路径）
    forms: list[Form] = field(default_factory=list)  # 文书登记表，见 forms.py
    article_maps: list[ArticleMap] = field(default_factory=list)  # 条文对照，见 article_map.py

    def __post_init__(self):
        self._by_id = {p.id: p for p in self.procedures}
        self._regulations = {r.id: r for r in self.regulations}
        # 规程的说明页和清单页 → 规程
        self.procedure_pages = {uri: p for p in self.procedures for uri in (p.page_uri, p.checklist_uri)}

    def form_for(self, record: str) -> Form | None:
        """清单中这项留痕材料对应的文书：登记的写法优先，否则取写法中含有的最长的文书名称。"""
        return form_for(self.forms, record)

    def step_time_limit(self, step: Step) -> str:
        """清单上这一步的“时限”：引用登记表的显示登记的写法，否则显示编辑写的文字。"""
        return self.time_limits[step.legal_limit].text if step.legal_limit else step.time_limit

    def step_limit_citation(self, step: Step) -> str:
        """这一步法定时限的出处，如“《信访工作条例》第二十二条”；没有法定时限或条款时为空。"""
        limit = self.time_limits.get(step.legal_limit) if step.legal_limit else None
        return self.citation(limit.basis, limit.article) if limit and limit.article else ""

    def citation(self, regulation_id: str, article: str) -> str:
        """法规名称加条款，如“《信访工作条例》第十七条”。"""
        return self._regulations[regulation_id].name + article if regulation_id in self._regulations else article

    def article_href(self, regulation_id: str, article: str) -> str:
        """条款在“逐条对照”页上的位置（docs 中的路径加锚点），没有对照时为空。"""
        return article_href(self.article_maps, regulation_id, article)

    def regulation(self, regulation_id: str) -> Regulation:
        return self._regulations[regulation_id]

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def in_domain(self, domain_id: str) -> list[Procedure]:
        return [p for p in self.procedures if p.domain == domain_id]

    def by_id(self) -> dict[str, Procedure]:
        """{编号: 规程}。"""
        return self._by_id


def load_catalog(root: Path) -> Catalog:
    """读取并校验 root/procedures 和 root/docs；有错误时抛出 ProblemsFound，列出全部问题。"""
    root = root.resolve()
    refused = tree_problems(root)  # 先确认 docs/、procedures/ 里只有普通文件，再读任何内容
    if refused:
        raise ProblemsFound(refused)
    base = root / "procedures"
    problems: list[Problem] = []
    registers = read_registers(root, problems)
    procedures = [p for path in sorted(base.glob("*/*")) if (p := _procedure(path, root, problems)) is not None]
    catalog = Catalog(root, registers["_domains.yml"] or [], registers["_roles.yml"] or [], procedures,
                      paths=registers["_paths.yml"] or [], glossary=Glossary(registers["_glossary.yml"] or []),
                      regulations=registers["_regulations.yml"] or [],
                      time_limits={t.id: t for t in registers["_time_limits.yml"] or []},
                      pages=_docs_pages(root, problems), forms=registers["_forms.yml"] or [],
                      article_maps=registers["_article_map.yml"] or [], failed={p.file for p in problems})
    loaded = {name: registers[name] is not None for name in REGISTERS}
    problems += meaning_problems(catalog, loaded) + form_problems(catalog, loaded)
    problems += article_map_problems(catalog, loaded)
    if any(p.severity == "error" for p in problems):
        raise ProblemsFound(problems)
    catalog.warnings = problems
    return catalog


def read_registers(root: Path, problems: list[Problem], names=tuple(REGISTERS), *,
                   checked: bool = True) -> dict[str, list | None]:
    """{文件名: 全部项}；有错的登记表是 None，问题追加到 problems。

    checked=False 只给编辑检查用：不按结构说明校验（省下 jsonschema），读不成数据模型的当作有错。
    """
    base = root / "procedures"
    if not checked:
        return {name: _unchecked(base / name, REGISTERS[name][1], root) for name in names}
    return {name: _register(base / name, base / schema, cls, required, root, problems)
            for name, (schema, cls, required) in REGISTERS.items() if name in names}


def _unchecked(path: Path, cls, root: Path) -> list | None:
    try:
        return read_all(cls, load_yaml(path, display_path(path, root))) if path.is_file() else None
    except (YamlLoadError, TypeError, AttributeError, KeyError):
        return None


def _register(path: Path, schema: Path, cls, required: bool, root: Path, problems: list[Problem]) -> list | None:
    """一份登记表的全部项；文件缺少或有错时返回 None（可以没有的登记表缺少时返回空列表）。"""
    shown = display_path(path, root)
    if not path.exists():
        if required:
            problems.append(Problem(shown, 1, 1, "C000", "缺少这个文件", "从版本库恢复它"))
            return None
        return []
    from .schema_check import load_checked  # jsonschema 导入要 0.05 秒，编辑检查用不到

    loaded = load_checked(path, schema, shown, problems)
    return read_all(cls, loaded) if loaded else None


def _procedure(path: Path, root: Path, problems: list[Problem]) -> Procedure | None:
    if path.name.startswith("_") or not path.is_file():
        return None
    shown = display_path(path, root)
    if path.suffix != ".yml":
        if path.suffix in (".yaml", ".YML", ".Yml"):
            problems.append(Problem(shown, 1, 1, "C009", "规程文件的扩展名应为 .yml", f"把文件改名为 {path.stem}.yml"))
        return None
    from .schema_check import load_checked

    loaded: LoadedYaml | None = load_checked(path, root / "procedures" / SCHEMA_FILE, shown, problems)
    return Procedure.from_entry(loaded.data, loaded, source=shown) if loaded else None


def _docs_pages(root: Path, problems: list[Problem]) -> dict[str, str]:
    """docs/ 下每个 Markdown 页面的原文（允许 BOM 和 Windows 换行）。"""
    docs, pages = root / "docs", {}
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            pages[path.relative_to(docs).as_posix()] = read_text(path, display_path(path, root))
        except YamlLoadError as err:
            problems += err.problems
    return pages
