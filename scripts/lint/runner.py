"""编辑检查的总入口：读取文件，逐条运行规则，一次收集全部问题。"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.content.glossary import Glossary
from scripts.content.loader import read_registers
from scripts.content.markdown_limits import nesting_problems
from scripts.content.source_files import LIMITS, tree_problems
from scripts.content.yaml_loader import YAML_ERROR_HINT, YamlLoadError, load_yaml
from scripts.problems import Problem, display_path

from . import (
    duplicates,
    figures,
    garbled,
    personal,
    placeholders,
    reader_voice,
    review,
    safety,
    terminology,
    typography,
)
from .markdown_style import MarkdownStyleJob
from .source import Source, read_source

TARGETS = (("docs", "*.md"), ("procedures", "*.yml"))
TEXT_RULES = (placeholders.check, figures.check, garbled.check, personal.check, typography.check, safety.check,
              reader_voice.check)


@dataclass
class LintResult:
    problems: list[Problem]
    files: int
    seconds: float

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


def tree_files(root: Path) -> list[Path]:
    """要检查的全部文件：docs/ 下的 Markdown 和 procedures/ 下的 YAML。"""
    files: list[Path] = []
    for folder, pattern in TARGETS:
        files += sorted(p for p in (root / folder).rglob(pattern) if p.is_file())
    return files


def lint(root: Path, paths: Sequence[Path] | None = None, *, today: dt.date | None = None,
         markdown_style: bool = True) -> LintResult:
    """检查 paths（默认整个手册）。查找重复段落时，手册内的文件也与手册中其他文件比较。"""
    started = time.perf_counter()
    root = root.resolve()
    today = today or dt.date.today()
    tree = tree_files(root)
    targets = [p.resolve() for p in paths] if paths is not None else tree
    inside = [p for p in targets if p.is_relative_to(root)]
    compare = sorted(set(targets) | set(tree if inside else []), key=lambda p: display_path(p, root))

    # 太大或嵌套太深的文件（F004、F005，与构建是同一个检查）只报这一条，不交给后面的规则和 Markdown 解析
    too_costly = {p: found for p in targets if p.suffix == ".md" and (found := _too_costly(p, root)) is not None}
    targets = [p for p in targets if p not in too_costly]
    compare = [p for p in compare if p not in too_costly]
    markdown = [p for p in targets if p.suffix == ".md"] if markdown_style else []
    style = MarkdownStyleJob(markdown, root)
    registers = read_registers(root, [], ("_glossary.yml", "_regulations.yml"), checked=False)  # 有错的当作空的
    terms = terminology.Terminology.from_registers(Glossary(registers["_glossary.yml"] or []),
                                                   registers["_regulations.yml"] or [])
    typography.configure(root)
    wanted = set(targets)
    problems: list[Problem] = tree_problems(root)  # 符号链接、设备和仓库之外的文件（与构建是同一个检查）
    problems += [p for found in too_costly.values() for p in found]
    sources: list[Source] = []
    for path in compare:
        source = _read(path, root, problems if path in wanted else [])
        if source is None:
            continue
        sources.append(source)
        if path in wanted:
            problems += _check(source, terms, today)
    problems += duplicates.check(sources, report={display_path(p, root) for p in targets})
    problems += style.result()
    return LintResult(sorted(set(problems)), len(targets) + len(too_costly), time.perf_counter() - started)


def _too_costly(path: Path, root: Path) -> list[Problem] | None:
    """不该再往下检查的 Markdown 页面：太大的（F004 已由 tree_problems 报出）返回 []，嵌套太深的返回 F005 的问题，
    正常的返回 None。"""
    try:
        if path.stat().st_size > LIMITS[".md"]:
            return []
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return nesting_problems(text, display_path(path, root)) or None


def _read(path: Path, root: Path, problems: list[Problem]) -> Source | None:
    try:
        return read_source(path, root)
    except YamlLoadError as err:  # 不是 UTF-8
        problems += err.problems
    except yaml.YAMLError:
        shown = display_path(path, root)
        try:
            load_yaml(path, shown)  # 用构建时的读取程序给出中文说明
            problems.append(Problem(shown, 1, 1, "Y002", "YAML 格式错误", YAML_ERROR_HINT))
        except YamlLoadError as err:
            problems += err.problems
    return None


def _check(source: Source, terms: terminology.Terminology, today: dt.date) -> Iterable[Problem]:
    for rule in TEXT_RULES:
        yield from rule(source)
    yield from terminology.check(source, terms)
    yield from review.check(source, today)
