"""procedures/README.md 的字段参考和规则表必须完整：schema 或代码里加了东西，文档也要跟上。"""

from __future__ import annotations

import json
import re

from scripts import ROOT

README = (ROOT / "procedures" / "README.md").read_text(encoding="utf-8")


def schema_fields() -> list[str]:
    schema = json.loads((ROOT / "procedures" / "procedure.schema.json").read_text(encoding="utf-8"))
    fields = []
    for name, spec in schema["properties"].items():
        fields.append(f"`{name}`")
        nested = spec.get("items", {}).get("properties", {})
        fields += [f"`{name}` → `{child}`" for child in nested]
    return fields


def test_every_schema_field_has_a_row():
    rows = {line.split("|")[1].strip() for line in README.splitlines() if line.startswith("| `")}
    missing = [f for f in schema_fields() if f not in rows]
    assert not missing, f"procedures/README.md 缺少这些字段的说明：{missing}"


def test_every_rule_code_is_explained():
    codes = set()
    for path in (ROOT / "scripts").rglob("*.py"):
        codes |= set(re.findall(r'"([YSC]\d{3})"', path.read_text(encoding="utf-8")))
    assert codes, "没有在代码中找到任何规则编号"
    missing = sorted(c for c in codes if f"| {c} |" not in README)
    assert not missing, f"procedures/README.md 的规则表缺少：{missing}"
