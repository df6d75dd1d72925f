"""用 JSON Schema（jsonschema 库）校验数据，把英文报错翻译成带行号的中文问题。"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import re2
from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.exceptions import best_match
from referencing import Registry
from referencing.exceptions import NoSuchResource, Unresolvable

from scripts.content.plain_text import data_problems
from scripts.content.yaml_loader import LoadedYaml, YamlLoadError, field_name, fullwidth_colon_hint, load_yaml
from scripts.problems import Problem

TYPE_NAMES = {
    "string": "文字", "array": "列表（每项以“- ”开头）", "object": "一组“键: 值”",
    "integer": "整数", "number": "数字", "boolean": "是/否",
}


def validator_for(schema_path: Path) -> Draft202012Validator:
    """按 schema 文件的内容缓存：make serve 运行中改了 schema，下一次重建就用新的。"""
    return _validator(schema_path.read_text(encoding="utf-8"))


def _retrieve_nothing(uri: str):
    """$ref 只能指向同一个文件里的定义：不读别的文件，不发网络请求（file://、http:// 一律拒绝）。"""
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]


NOTHING_OUTSIDE: Registry = Registry(retrieve=_retrieve_nothing)  # type: ignore[call-arg]


def _linear_pattern(validator, pattern: str, instance, schema):
    """pattern 用 RE2 匹配（线性时间）：结构说明里写了会灾难性回溯的正则，也不会让构建卡住。"""
    if not validator.is_type(instance, "string"):
        return
    try:
        compiled = re2.compile(pattern)
    except re2.error:
        yield ValidationError(f"结构说明里的 pattern 不是线性时间的正则：{pattern!r}")
        return
    if not compiled.search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# 与 Draft 2020-12 相同，只是 pattern 换成 RE2（Python 的 re 会回溯，结构说明也是别人可以改的文件）
LinearValidator = validators.extend(Draft202012Validator, {"pattern": _linear_pattern})


@cache
def _validator(text: str) -> Draft202012Validator:
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return LinearValidator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER, registry=NOTHING_OUTSIDE)


def load_checked(path: Path, schema_path: Path, shown: str, problems: list[Problem]) -> LoadedYaml | None:
    """读取一个 YAML 文件并按 schema 校验。问题追加到 problems；有任何问题时返回 None。"""
    try:
        loaded = load_yaml(path, shown)
    except YamlLoadError as err:
        problems.extend(err.problems)
        return None
    found = schema_problems(loaded, schema_path, shown) + data_problems(loaded, shown)  # S002：只能是文字
    problems.extend(found)
    return None if found else loaded


def schema_problems(loaded: LoadedYaml, schema_path: Path, shown: str) -> list[Problem]:
    """按 schema 校验，返回全部问题（不止第一个）。"""
    validator = validator_for(schema_path)
    problems = []
    try:
        for error in validator.iter_errors(loaded.data):
            for path, message, hint in _explain(error):
                line, column = loaded.position(path, key=error.validator == "additionalProperties")
                hint += fullwidth_colon_hint(loaded.lines[line - 1]) if line <= len(loaded.lines) else ""
                problems.append(Problem(shown, line, column, "S001", message, hint))
    except Unresolvable as err:
        schema = schema_path.name
        return [Problem(f"procedures/{schema}", 1, 1, "S003", f"结构说明里的 $ref 指向文件以外的地方（{err}）",
                        "结构说明只能引用同一个文件里的定义（$ref 写成 \"#/$defs/名称\"）；它是代码，由维护者修改")]
    return list(dict.fromkeys(problems))  # jsonschema 每缺一个字段报一次，每次都列出全部缺的字段


def _closest_branch(error: ValidationError) -> list[ValidationError]:
    """oneOf 的几种写法中，与实际写的键重合最多的那一种的全部问题。"""
    branches: dict[int | str, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    keys = set(error.instance) if isinstance(error.instance, dict) else set()
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}

    def overlap(index: int | str) -> int:
        return len(keys & set(schema["oneOf"][int(index)].get("properties", {})))

    best = max(branches, key=overlap, default=None)
    return branches[best] if best is not None else [best_match(error.context)]


def _explain(error: ValidationError) -> list[tuple[tuple, str, str]]:
    path = tuple(error.absolute_path)
    name = field_name(path)
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    instance: Any = error.instance
    value: Any = error.validator_value
    described = schema.get("description", "")

    if kind == "oneOf" and error.context:
        # 几种写法都不符合：按最接近的那种写法解释（如“来源”写了篇目，就按篇目的写法报）。
        return [found for e in _closest_branch(error) for found in _explain(e)]
    if kind == "not" and isinstance(instance, dict):
        both = [k for k in schema.get("not", {}).get("required", []) if k in instance]
        return [(path, f"{name}同时写了{'和'.join(f'“{k}”' for k in both)}", "只保留一个")]
    if kind == "required":
        missing = [k for k in schema.get("required", []) if k not in instance]
        return [(path, f"{name}缺少必填字段“{k}”", f"添加“{k}: …”，写法见 procedures/README.md") for k in missing]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        return [(path + (k,), f"{name}中有不认识的字段“{k}”",
                 f"检查拼写；这里可用的字段有：{'、'.join(allowed)}") for k in extra]
    if kind == "type":
        wanted = TYPE_NAMES.get(str(value), str(value))
        hint = "数字或日期样式的文字请加引号，如 \"6.54\"" if wanted == "文字" else "按 procedures/README.md 的示例改写"
        return [(path, f"{name}应为{wanted}", hint)]
    if kind == "enum":
        options = "、".join(map(str, value))
        return [(path, f"{name}的值“{instance}”不在允许范围内", f"只能是：{options}")]
    if kind == "pattern":
        return [(path, f"{name}的写法“{instance}”不符合要求", described or f"应符合格式 {value}")]
    if kind == "format":
        return [(path, f"{name}“{instance}”不是有效的日期", "写成 YYYY-MM-DD，如 2026-11-28")]
    if kind == "minItems":
        return [(path, f"{name}至少要有 {value} 项", described or "补充内容")]
    if kind == "minLength":
        return [(path, f"{name}太短或为空", described or "补充内容")]
    if kind == "maxLength":
        return [(path, f"{name}太长（最多 {value} 个字）", "精简文字，细节写进“做法”或说明页")]
    if kind in ("minimum", "maximum"):
        bound = "不能小于" if kind == "minimum" else "不能大于"
        return [(path, f"{name}{bound} {value}", described or "修改数值")]
    if kind == "uniqueItems":
        return [(path, f"{name}中有重复的项", "删除重复项")]
    return [(path, f"{name}不符合要求（{error.message}）", described or "对照 procedures/README.md 修改")]
