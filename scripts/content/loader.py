"""读取整个 procedures/ 目录和 docs/ 下的页面，组成一个目录对象（catalog.py，数据模型见 model.py）。

每个文件只读一次：规程、登记表读成数据模型，docs/ 的页面读成文字（pages），生成、导航和索引页都用它们。
所有文件都读完、所有问题都收集齐后才决定成败，编辑一次就能看到全部问题。
"""

from __future__ import annotations

from pathlib import Path

from scripts.content.catalog import Catalog
from scripts.content.glossary import Glossary
from scripts.content.model import ArticleMap, Domain, Form, LearningPath, Procedure, Regulation, Role, Term, TimeLimit, read_all
from scripts.content.source_files import tree_problems
from scripts.content.yaml_loader import LoadedYaml, YamlLoadError, load_yaml, read_text
from scripts.problems import Problem, display_path

SCHEMA_FILE = "procedure.schema.json"
# 登记表：文件 → (结构说明, 每一项的类型, 是否必须有)。
REGISTERS = {"_domains.yml": ("domains.schema.json", Domain, True), "_roles.yml": ("roles.schema.json", Role, True),
             "_glossary.yml": ("glossary.schema.json", Term, True),
             "_regulations.yml": ("regulations.schema.json", Regulation, True),
             "_time_limits.yml": ("time_limits.schema.json", TimeLimit, True),
             "_paths.yml": ("paths.schema.json", LearningPath, False),
             "_forms.yml": ("forms.schema.json", Form, False),
             "_article_map.yml": ("article_map.schema.json", ArticleMap, False)}



def read_catalog(root: Path) -> tuple[Catalog, list[Problem], dict[str, bool]]:
    """读出 root/procedures 和 root/docs：(目录, 读取和结构校验发现的问题, {登记表: 是否读成})。

    不做含义检查（那在 checks.py，由 pipeline.check 调用）。docs/、procedures/ 里有不是普通文件的东西时
    什么也不读，只报这些问题。
    """
    root = root.resolve()
    refused = tree_problems(root)  # 先确认 docs/、procedures/ 里只有普通文件，再读任何内容
    if refused:
        return Catalog(root, [], [], []), refused, {}  # 空的 loaded：什么也没读
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
    return catalog, problems, {name: registers[name] is not None for name in REGISTERS}


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
    from scripts.content.schema_check import load_checked  # jsonschema 导入要 0.05 秒，编辑检查用不到

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
    from scripts.content.schema_check import load_checked

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
