"""文书（procedures/_forms.yml）：清单中的留痕材料对应到哪份文书。

每份文书只定义一次，生成两样东西：一页可打印的空白表（pages/form_pages.py，A4、黑白、留出手写的空行）
和一个 Word 文件（pages/forms_docx.py）。登记表的含义检查在 checks.py（C040–C042）。
"""

from __future__ import annotations

from scripts.content.model import Form

FORMS_FILE = "_forms.yml"


def form_for(forms: list[Form], record: str) -> Form | None:
    """留痕材料 record 对应的文书：文书的“留痕材料”中登记了这种写法的优先，
    否则取 record 中含有的最长的文书名称（“不予受理告知书及送达记录”对应“不予受理告知书”，不是“受理告知书”）。"""
    for form in forms:
        if record in form.records:
            return form
    named = [form for form in forms if form.name in record]
    return max(named, key=lambda form: len(form.name), default=None)
