"""L014 规程超过复核日期：只是警告，不使检查失败。"""

from __future__ import annotations

import datetime as dt

from scripts.lint import lint
from tests.conftest import VALID_PROCEDURE

SOURCE = "procedures/shili/shili-guicheng.yml"
LINE = VALID_PROCEDURE.splitlines().index("上次复核: 2026-01-15") + 1


def test_overdue_procedure_is_a_warning(tree):
    result = lint(tree.root, [tree.root / SOURCE], today=dt.date(2027, 1, 16), markdown_style=False)
    assert [str(p) for p in result.problems] == [
        (f"{SOURCE}:{LINE}:7 [L014] 规程已超过复核日期：应在2027年1月15日前复核 → "
         "复核内容后把“上次复核”改为复核当天的日期；不再执行的规程把“状态”改为“已废止”"),
    ]
    assert result.errors == [] and result.warnings[0].severity == "warning"


def test_due_today_is_not_overdue(tree):
    assert lint(tree.root, [tree.root / SOURCE], today=dt.date(2027, 1, 15), markdown_style=False).problems == []


def test_retired_procedures_need_no_review(tree):
    path = tree.write(SOURCE, VALID_PROCEDURE.replace("状态: 现行", "状态: 已废止"))
    assert lint(tree.root, [path], today=dt.date(2030, 1, 1), markdown_style=False).problems == []
