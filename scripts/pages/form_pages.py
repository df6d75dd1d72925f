"""文书的打印页：每份文书一页空白表（templates/form.md.j2），每个领域一页“文书”一览。

栏目中的法定期限印时限登记表的写法，改一个天数，文书跟着改。
"""

from __future__ import annotations

from scripts.addresses import forms_uri
from scripts.pages.renderer import Renderer, source_order


def add_form_pages(renderer: Renderer, pages: dict[str, str]) -> None:
    """每份文书一页打印页，每个有文书的领域一页“文书”一览（列出文书和用到它的清单步骤）。"""
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
