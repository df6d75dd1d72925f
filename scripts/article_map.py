"""条文对照（procedures/_article_map.yml）：一份法规从第一条到最后一条，每条讲在手册的哪里。

每份对照生成一页“逐条对照”（templates/article_map.md.j2，地址见 model.ArticleMap.page_uri）：
每条一个小节，写它要求什么，链接到讲它的规程步骤或页面，或者写明为什么不在本手册中讲。
反过来，清单步骤“依据”里的条款链接到对照页上的那一条（Catalog.article_href），读者可以来回走。
含义检查：条号从第一条到最后一条齐全、不重复；引用的法规、领域、规程、步骤和页面都存在。
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import Article, ArticleMap
from .problems import Problem, display_path
from .time_limits import REFERENCE, wrong_unit

if TYPE_CHECKING:
    from .catalog import Catalog
    from .render import Renderer

ARTICLE_MAP_FILE = "_article_map.yml"
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
FIRST_ARTICLE = re.compile(r"第([一二三四五六七八九十百零〇]+)条")


def chinese_number(text: str) -> int | None:
    """“二十二”→22，“十”→10，“一百零三”→103；认不出时为 None。"""
    total, current = 0, 0
    for char in text:
        if char in DIGITS:
            current = DIGITS[char]
        elif char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            return None
    return total + current if text else None


def article_number(article: str) -> int | None:
    """条款写法中第一条的号码：“第二十二条第一款、第二十三条”→22。"""
    match = FIRST_ARTICLE.search(article)
    return chinese_number(match.group(1)) if match else None


def anchor(number: int) -> str:
    """对照页上一条的锚点，如 tiao-22。"""
    return f"tiao-{number}"


def article_href(maps: list[ArticleMap], regulation_id: str, article: str) -> str:
    """这一条在对照页上的位置（docs 中的路径加锚点）；这份法规没有对照或条号认不出时为空。"""
    number = article_number(article)
    for article_map in maps:
        if article_map.regulation == regulation_id and number is not None and 1 <= number <= article_map.count:
            return f"{article_map.page_uri}#{anchor(number)}"
    return ""


def known_pages(catalog: Catalog) -> set[str]:
    """对照可以指向的页面：docs/ 下的手写页面，以及生成的“办理时限一览”和文书页。"""
    generated = {f"{limit.domain}/shixian.md" for limit in catalog.time_limits.values()}
    generated |= {form.page_uri for form in catalog.forms} | {f"{form.domain}/wenshu/index.md" for form in catalog.forms}
    return set(catalog.pages) | generated


def article_map_problems(catalog: Catalog, loaded: dict[str, bool]) -> list[Problem]:
    """C050 法规或领域没有登记；C051 条号不齐、重复或超出条数，一条既没有讲在哪里也没有说明理由；
    C052 讲在的规程、步骤或页面不存在；“要求”里引用的期限没有登记（C031）或单位写错（C033）。"""
    shown = display_path(catalog.root / "procedures" / ARTICLE_MAP_FILE, catalog.root)
    problems: list[Problem] = []

    def report(entry, where: tuple, code: str, message: str, hint: str) -> None:
        line, column = entry.where(*where)
        problems.append(Problem(shown, line, column, code, message, hint))

    regulations = {r.id for r in catalog.regulations} if loaded["_regulations.yml"] else None
    domains = {d.id for d in catalog.domains} if loaded["_domains.yml"] else None
    procedures = catalog.by_id()
    pages = known_pages(catalog)
    for article_map in catalog.article_maps:
        if regulations is not None and article_map.regulation not in regulations:
            report(article_map, ("regulation",), "C050", f"法规编号“{article_map.regulation}”没有登记",
                   "先在 procedures/_regulations.yml 中登记这份文件，或检查编号拼写")
        if domains is not None and article_map.domain not in domains:
            report(article_map, ("domain",), "C050", f"领域“{article_map.domain}”没有登记",
                   "改用 procedures/_domains.yml 中的领域编号")
        seen: dict[int, int] = {}
        for article in article_map.articles:
            number = article_number(article.number)
            if number is None or not 1 <= number <= article_map.count:
                report(article, ("number",), "C051", f"“{article.number}”不在第一条到第{article_map.count}条之间",
                       "检查条号；全文条数变了的，改“条数”")
            elif number in seen:
                report(article, ("number",), "C051", f"“{article.number}”重复（第 {seen[number]} 行已有）",
                       "每条只写一行，讲在几处的写在同一行的“讲在”里")
            else:
                seen[number] = article.where("number")[0]
            if not article.targets and not article.outside:
                report(article, ("number",), "C051", f"“{article.number}”既没有“讲在”，也没有“不在本手册”",
                       "写明手册中讲它的规程步骤或页面；不在本手册中讲的，写一句理由")
            problems.extend(_target_problems(article, procedures, pages, shown))
            for match in REFERENCE.finditer(article.requirement):  # “要求”里也可以写 [[天数:编号]]
                ref = match.group(2).strip()
                if ref not in catalog.time_limits:
                    report(article, ("requirement",), "C031", f"引用的时限“{ref}”没有登记",
                           "改用 procedures/_time_limits.yml 中的编号，写成 [[时限:编号]] 或 [[天数:编号]]")
                elif wrong_unit(article.requirement, match, catalog.time_limits[ref]):
                    report(article, ("requirement",), "C033", f"期限“{ref}”按工作日计算，后面却写了“日”",
                           f"写成 [[天数:{ref}]]个工作日")
        missing = [n for n in range(1, article_map.count + 1) if n not in seen]
        if missing:
            report(article_map, ("articles",), "C051", f"缺少{'、'.join(_chinese(n) for n in missing[:5])}"
                   f"{'等' + str(len(missing)) + '条' if len(missing) > 5 else ''}",
                   "第一条到最后一条每条都要有一行")
    return problems


def _target_problems(article: Article, procedures: dict, pages: set[str], shown: str) -> list[Problem]:
    problems = []
    for index, target in enumerate(article.targets):
        def report(message: str, hint: str, field: str | None = None) -> None:
            line, column = target.where(field) if field else target.where()
            problems.append(Problem(shown, line, column, "C052", message, hint))

        if bool(target.procedure) == bool(target.page) or (target.step and not target.procedure):
            report(f"“{article.number}”讲在的第 {index + 1} 项要么写“规程”（可加“步骤”），要么写“页面”",
                   "二者只写一个；“步骤”只能跟在“规程”后面")
        elif target.procedure:
            proc = procedures.get(target.procedure)
            if proc is None:
                report(f"规程“{target.procedure}”不存在", "检查编号拼写", "procedure")
            elif target.step and target.step not in {step.id for step in proc.steps}:
                report(f"规程“{target.procedure}”中没有步骤“{target.step}”",
                       f"改用其中之一：{'、'.join(step.id for step in proc.steps)}", "step")
        elif target.page not in pages:
            report(f"页面 docs/{target.page} 不存在", "写相对 docs/ 的路径，如 xinfang/regulations.md", "page")
    return problems


def _chinese(number: int) -> str:
    """22 → “第二十二条”（只用于提示）。"""
    digits = "零一二三四五六七八九"
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = (digits[hundreds] + "百" if hundreds else "")
    if tens:
        text += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    text += digits[ones] if ones else ""
    return f"第{text}条"


def add_article_map_pages(renderer: Renderer, pages: dict[str, str]) -> None:
    """每份条文对照一页：按章列出每一条、它的要求和讲它的地方。"""
    catalog = renderer.catalog
    procedures = catalog.by_id()
    titles = {uri: title for uri, text in {**catalog.pages, **pages}.items()
              if (title := _h1(text))}
    for article_map in catalog.article_maps:
        rows, chapters = [], []
        for article in article_map.articles:
            if article.chapter:
                chapters.append((article.chapter, []))
            elif not chapters:
                chapters.append(("", []))
            links = []
            for target in article.targets:
                if target.procedure:
                    proc = procedures[target.procedure]
                    if target.step:
                        step = next(s for s in proc.steps if s.id == target.step)
                        links.append((f"{proc.checklist_uri}#{proc.id}--{step.id}", f"{proc.title}：{step.name}"))
                    else:
                        links.append((renderer.page_of(proc), proc.title))
                else:
                    links.append((target.page, titles.get(target.page, target.page)))
            row = (article, anchor(article_number(article.number) or 0), links)
            rows.append(row)
            chapters[-1][1].append(row)
        uri = article_map.page_uri
        pages[uri] = renderer.render("article_map.md.j2", uri, article_map=article_map, chapters=chapters,
                                     regulation=catalog.regulation(article_map.regulation),
                                     covered=sum(1 for _, _, links in rows if links),
                                     domain=catalog.domain(article_map.domain))


def _h1(text: str) -> str | None:
    from .reference import page_title

    return page_title(text)
