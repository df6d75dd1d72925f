"""编辑检查的规则表：每条规则一个稳定的编号，一经发布不再改号、不再复用。

CONTRIBUTING.md 的条目编号与这里一一对应；新增规则用新编号接在后面。
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.problems import Problem


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str = "error"  # "error" 使检查失败；"warning" 只提醒


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("L001", "模板占位符没有替换"),
    Rule("L002", "数字空缺"),
    Rule("L003", "乱码字符"),
    Rule("L004", "中文里的半角括号或引号"),
    Rule("L005", "形近字符"),
    Rule("L006", "身份证号码"),
    Rule("L007", "手机号码"),
    Rule("L008", "个人姓名"),
    Rule("L009", "弃用的写法"),
    Rule("L010", "引用已被替代的文件而没有说明"),
    Rule("L011", "重复的段落"),
    Rule("L012", "中文排版"),
    Rule("L013", "Markdown 格式"),
    Rule("L014", "规程超过复核日期", "warning"),
    Rule("L015", "看不见的方向控制字符或软连字符"),
    Rule("L016", "javascript:、data: 链接"),
    Rule("L017", "事件处理器或 style 属性"),
    Rule("L018", "链接标题里的尖括号"),
    Rule("L019", "页首元数据不允许的键或值"),
    Rule("L030", "讲到受理、告知、办结、复查、复核的步骤没有时限"),
    Rule("L031", "正文谈论素材"),
    Rule("L032", "规程即将到期复核（只在 CI 里提前 30 天提醒）", "warning"),
)}


def problem(file: str, line: int, column: int, rule_id: str, message: str, hint: str) -> Problem:
    """按规则表的严重程度生成一条问题。"""
    return Problem(file, line, column, rule_id, message, hint, RULES[rule_id].severity)
