"""文书（procedures/_forms.yml）：清单中的留痕材料对应到哪份文书，登记表的含义检查，打印页的渲染。

每份文书只定义一次，生成两样东西：一页可打印的空白表（templates/form.md.j2，A4、黑白、留出手写的空行）
和一个 Word 文件（forms_docx.py）。栏目中的法定期限印时限登记表的写法，改一个天数，文书跟着改。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scripts.content.model import Form
from scripts.problems import Problem, display_path

if TYPE_CHECKING:
    from scripts.content.catalog import Catalog
    from scripts.pages.render import Renderer

FORMS_FILE = "_forms.yml"


def form_for(forms: list[Form], record: str) -> Form | None:
    """留痕材料 record 对应的文书：文书的“留痕材料”中登记了这种写法的优先，
    否则取 record 中含有的最长的文书名称（“不予受理告知书及送达记录”对应“不予受理告知书”，不是“受理告知书”）。"""
    for form in forms:
        if record in form.records:
            return form
    named = [form for form in forms if form.name in record]
    return max(named, key=lambda form: len(form.name), default=None)


def forms_uri(domain_id: str) -> str:
    """一个领域的“文书”页（列出本领域的全部文书）。"""
    return f"{domain_id}/wenshu/index.md"


def form_problems(catalog: Catalog, loaded: dict[str, bool]) -> list[Problem]:
    """C010 编号重复；C040 领域、依据的法规、印出的时限没有登记；C042 同一种留痕材料写法登记在两份文书里；
    C041（警告）文书登记的留痕材料写法在任何清单里都找不到，多半是清单改了写法。"""
    shown = display_path(catalog.root / "procedures" / FORMS_FILE, catalog.root)
    problems: list[Problem] = []

    def report(form, where: tuple, code: str, message: str, hint: str, severity: str = "error") -> None:
        line, column = form.where(*where)
        problems.append(Problem(shown, line, column, code, message, hint, severity))

    domains = {d.id for d in catalog.domains} if loaded["_domains.yml"] else None
    regulations = {r.id for r in catalog.regulations} if loaded["_regulations.yml"] else None
    limits = set(catalog.time_limits) if loaded["_time_limits.yml"] else None
    records = {r for p in catalog.procedures for s in p.steps for r in s.records}
    ids: dict[str, int] = {}
    claimed: dict[str, str] = {}
    for form in catalog.forms:
        if form.id in ids:
            report(form, ("id",), "C010", f"“{form.id}”重复登记（第 {ids[form.id]} 行已有）", "换一个新编号")
        ids.setdefault(form.id, form.where("id")[0])
        if domains is not None and form.domain not in domains:
            report(form, ("domain",), "C040", f"领域“{form.domain}”没有登记", "改用 procedures/_domains.yml 中的编号")
        for index, basis in enumerate(form.bases if regulations is not None else ()):
            if basis not in regulations:
                report(form, ("bases", index), "C040", f"依据的法规编号“{basis}”没有登记",
                       "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号")
        for number, section in enumerate(form.sections):
            for index, ref in enumerate(section.time_limits if limits is not None else ()):
                if ref not in limits:
                    line, column = section.where("time_limits", index)
                    problems.append(Problem(shown, line, column, "C040", f"印出的时限“{ref}”没有登记",
                                            "改用 procedures/_time_limits.yml 中的编号"))
        for index, record in enumerate(form.records):
            if record in claimed:
                report(form, ("records", index), "C042", f"留痕材料“{record}”已登记在文书“{claimed[record]}”中",
                       "一种写法只对应一份文书，删去其中一处")
            claimed.setdefault(record, form.name)
            if record not in records:
                report(form, ("records", index), "C041", f"没有哪份清单的留痕材料写作“{record}”",
                       "照清单中的写法改正，或删去这一项", "warning")
    return problems


def add_form_pages(renderer: Renderer, pages: dict[str, str]) -> None:
    """每份文书一页打印页，每个有文书的领域一页“文书”一览（列出文书和用到它的清单步骤）。"""
    from scripts.pages.render import source_order

    catalog = renderer.catalog
    used_by: dict[str, list] = {form.id: [] for form in catalog.forms}
    for proc in sorted(catalog.procedures, key=source_order):
        for step in proc.steps:
            for record in step.records:
                form = catalog.form_for(record)
                if form is not None and (proc, step) not in used_by[form.id]:
                    used_by[form.id].append((proc, step))
    for form in catalog.forms:
        pages[form.page_uri] = renderer.render("form.md.j2", form.page_uri, form=form, used_by=used_by[form.id])
    for domain in catalog.domains:
        members = [form for form in catalog.forms if form.domain == domain.id]
        if members:
            uri = forms_uri(domain.id)
            pages[uri] = renderer.render("forms_index.md.j2", uri, domain=domain, forms=members, used_by=used_by)
