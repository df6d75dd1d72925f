"""含义检查：结构校验（schema_check.py）通过之后，检查编号、领域、角色和各种引用。

位置由数据模型的 where() 给出。没能读进来的文件不引出后续问题：登记表有错时不再检查对它的引用，
规程文件有错时它的编号照样算存在，免得一处错误引出一串“没有登记”“不存在”。
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.addresses import forms_uri, time_limits_uri
from scripts.content.article_map import article_number
from scripts.content.forms import FORMS_FILE
from scripts.content.model import SUPERSEDED, Article, Entry, Procedure
from scripts.content.time_limits import REFERENCE, substitute, wrong_unit
from scripts.content.yaml_loader import strings
from scripts.problems import Problem, display_path

FIRST_THINGS_MAX = 40  # “先做什么”每行显示出来的字数上限：手机上一两行读完

if TYPE_CHECKING:
    from scripts.content.catalog import Catalog

# 登记表中每一项的名字（属性）：同一个名字不能登记两次。
UNIQUE = {"_domains.yml": "id", "_roles.yml": "name", "_glossary.yml": "name", "_regulations.yml": "id",
          "_time_limits.yml": "id"}


def meaning_problems(catalog: Catalog, loaded: dict[str, bool]) -> list[Problem]:
    """loaded：每份登记表是否读进来了。"""
    base = catalog.root / "procedures"
    ids = {p.id for p in catalog.procedures} | {f.stem for f in base.glob("*/*.yml")}  # 有错的规程也算存在
    registers: dict[str, Sequence[Entry]] = {
        "_domains.yml": catalog.domains, "_roles.yml": catalog.roles, "_glossary.yml": catalog.glossary.terms,
        "_regulations.yml": catalog.regulations, "_time_limits.yml": list(catalog.time_limits.values())}
    problems = [p for name, entries in registers.items()
                for p in _duplicates(entries, UNIQUE[name], display_path(base / name, catalog.root))]
    regulations = {r.id for r in catalog.regulations} if loaded["_regulations.yml"] else None
    domains = {d.id for d in catalog.domains} if loaded["_domains.yml"] else None
    roles = {r.name for r in catalog.roles} if loaded["_roles.yml"] else None
    limits = catalog.time_limits if loaded["_time_limits.yml"] else None  # {编号: 期限}
    if domains is not None:
        problems += _folders(base, domains, catalog.root)
    problems += _duplicate_ids(catalog)
    for proc in catalog.procedures:
        problems += _procedure(proc, ids, domains, roles, regulations, limits)
    problems += _glossary(catalog, ids)
    if regulations is not None:
        problems += _regulations(catalog)
    problems += _time_limits(catalog, domains, regulations, roles)
    problems += _paths(catalog, ids)
    problems += _unsafe_ids(catalog)
    return problems


# 会变成网址和文件名的编号：不论结构说明怎么写（它也可能被改松），这里再按同一条规则查一遍。
SAFE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _unsafe_ids(catalog: Catalog) -> list[Problem]:
    """C060 领域、规程、文书的编号只能是小写字母、数字和连字符（先按 NFKC 统一全角、兼容字符再判断）。"""
    entries: list[tuple[Entry, str, str, str]] = [
        (d, "id", d.id, display_path(catalog.root / "procedures" / "_domains.yml", catalog.root)) for d in catalog.domains]
    entries += [(p, "id", p.id, p.source) for p in catalog.procedures] + [(p, "domain", p.domain, p.source)
                                                                          for p in catalog.procedures]
    entries += [(f, "id", f.id, display_path(catalog.root / "procedures" / FORMS_FILE, catalog.root)) for f in catalog.forms]
    entries += [(f, "domain", f.domain, display_path(catalog.root / "procedures" / FORMS_FILE, catalog.root))
                for f in catalog.forms]
    return [_at(entry, shown, (attribute,), "C060", f"编号“{value}”会成为网址和文件名，只能用小写字母、数字和连字符",
                "改成小写拼音加连字符，如 jiefang-wuhuanjie")
            for entry, attribute, value, shown in entries
            if not SAFE_ID.fullmatch(unicodedata.normalize("NFKC", value)) or unicodedata.normalize("NFKC", value) != value]


def _at(entry: Entry, file: str, where: tuple, code: str, message: str, hint: str) -> Problem:
    line, column = entry.where(*where)
    return Problem(file, line, column, code, message, hint)


def _duplicates(entries: Sequence[Entry], attribute: str, shown: str) -> list[Problem]:
    """C010 登记表中同一个编号或角色出现两次。"""
    problems: list[Problem] = []
    seen: dict[str, int] = {}  # 名称 → 第一次出现的行
    for entry in entries:
        name = getattr(entry, attribute)
        if name in seen:
            problems.append(_at(entry, shown, (attribute,), "C010", f"“{name}”重复登记（第 {seen[name]} 行已有）",
                                "删除重复的一项，必要时把说明合并"))
        else:
            seen[name] = entry.where(attribute)[0]
    return problems


def _folders(base: Path, domains: set[str], root: Path) -> list[Problem]:
    return [Problem(display_path(folder, root), 1, 1, "C002", f"文件夹“{folder.name}”不是已登记的领域",
                    "在 procedures/_domains.yml 中登记该领域，或把文件移到已有领域的文件夹")
            for folder in sorted(p for p in base.iterdir() if p.is_dir())
            if folder.name not in domains and not folder.name.startswith(("_", "."))]


def _duplicate_ids(catalog: Catalog) -> list[Problem]:
    """C007 两个文件用了同一个编号：报在新的那个文件上（文件名与编号不符的，否则最后修改的）。"""
    groups: dict[str, list[Procedure]] = {}
    for proc in catalog.procedures:
        groups.setdefault(proc.id, []).append(proc)
    problems = []
    for procs in groups.values():
        if len(procs) < 2:
            continue
        first, *later = sorted(procs, key=lambda p: (Path(p.source).stem != p.id,
                                                     (catalog.root / p.source).stat().st_mtime_ns, p.source))
        problems += [_at(p, p.source, ("id",), "C007", f"编号“{p.id}”已被 {first.source} 使用",
                         "编号全局唯一且不复用，请换一个新编号") for p in later]
    return problems


def _procedure(proc: Procedure, ids: set[str], domains, roles, regulations, limits) -> list[Problem]:
    problems = []

    def report(where: tuple, code: str, message: str, hint: str, entry: Entry = proc) -> None:
        problems.append(_at(entry, proc.source, where, code, message, hint))

    stem, folder = Path(proc.source).stem, Path(proc.source).parent.name
    if proc.id != stem:
        report(("id",), "C001", f"编号“{proc.id}”与文件名“{stem}.yml”不一致",
               f"把编号改成“{stem}”，或把文件改名为 {proc.id}.yml（已发布的编号不要改）")
    if proc.domain != folder:
        report(("domain",), "C002", f"领域“{proc.domain}”与所在文件夹“{folder}”不一致",
               f"把领域改成“{folder}”，或把文件移到 procedures/{proc.domain}/")
    for party in proc.parties:
        if roles is not None and party.role not in roles:
            report(("role",), "C006", f"角色“{party.role}”没有登记",
                   "在 procedures/_roles.yml 中登记这个角色，或改用已登记的角色名", party)
    declared = set(proc.roles())
    step_ids: dict[str, int] = {}
    for index, step in enumerate(proc.steps):
        if step.owner not in declared:
            report(("owner",), "C005", f"责任人“{step.owner}”不在本规程的“责任主体”中",
                   f"改用其中之一（{'、'.join(sorted(declared))}），或先在“责任主体”中加上这个角色", step)
        if step.id in step_ids:
            report(("id",), "C004", f"步骤编号“{step.id}”与第 {step_ids[step.id] + 1} 步重复",
                   "每一步的编号在本规程内唯一；新步骤用新编号，已有编号不要改", step)
        step_ids.setdefault(step.id, index)
        if limits is not None and step.legal_limit and step.legal_limit not in limits:
            report(("legal_limit",), "C031", f"法定时限“{step.legal_limit}”没有登记",
                   "改用 procedures/_time_limits.yml 中的编号，或先在那里登记这个期限", step)
    if limits is not None:
        problems += _limit_references(proc, limits)
        for index, line in enumerate(proc.first_things):
            shown, _ = substitute(line, limits, proc.source)
            if len(shown) > FIRST_THINGS_MAX:
                report(("first_things", index), "C032", f"“先做什么”第 {index + 1} 项显示出来有 {len(shown)} 个字"
                       f"（最多 {FIRST_THINGS_MAX} 个字）", "精简文字，细节写进“做法”或说明页")
    for index, other in enumerate(proc.related):
        if other not in ids:
            report(("related", index), "C003", f"相关规程“{other}”不存在", "检查编号拼写，或删除这一项")
        elif other == proc.id:
            report(("related", index), "C003", "相关规程不能指向自己", "删除这一项")
    for basis in proc.bases if regulations is not None else ():
        if basis.regulation not in regulations:
            report(("regulation",), "C020", f"依据的法规编号“{basis.regulation}”没有登记",
                   "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号", basis)
    for step in proc.steps if regulations is not None else ():
        for basis in step.bases:
            if basis.regulation not in regulations:
                report(("regulation",), "C020", f"步骤“{step.name}”依据的法规编号“{basis.regulation}”没有登记",
                       "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号", basis)
    for origin in proc.origins if regulations is not None else ():
        if origin.regulation and origin.regulation not in regulations:
            report(("regulation",), "C020", f"来源的法规编号“{origin.regulation}”没有登记",
                   "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号", origin)
    return problems


def _limit_references(proc: Procedure, limits) -> list[Problem]:
    """YAML 文字里的 [[时限:编号]]、[[天数:编号]] 必须引用登记过的期限（与说明页中的同一条规则）。"""
    problems: list[Problem] = []
    if proc.loaded is None:
        return problems
    for path, text, is_key in strings(proc.loaded.data):
        if is_key:
            continue
        for match in REFERENCE.finditer(text):
            ref = match.group(2).strip()
            if ref not in limits:
                line, column = proc.loaded.position(path)
                problems.append(Problem(proc.source, line, column, "C031", f"引用的时限“{ref}”没有登记",
                                        "改用 procedures/_time_limits.yml 中的编号，写成 [[时限:编号]] 或 [[天数:编号]]"))
            elif wrong_unit(text, match, limits[ref]):
                line, column = proc.loaded.position(path)
                problems.append(Problem(proc.source, line, column, "C033", f"期限“{ref}”按工作日计算，后面却写了“日”",
                                        f"写成 [[天数:{ref}]]个工作日，或用 [[时限:{ref}]] 写出完整的写法"))
    return problems


def _glossary(catalog: Catalog, ids: set[str]) -> list[Problem]:
    """术语表：写法不能在两处登记，“分词”拼起来等于术语，相关规程和相关页面必须存在。"""
    shown = display_path(catalog.root / "procedures" / "_glossary.yml", catalog.root)
    problems = []
    owner: dict[str, tuple[int, str]] = {}  # 写法 → (第几项, 术语)
    for index, term in enumerate(catalog.glossary):
        forms = [(("name",), term.name)] + [((field, n), form) for field in ("aliases", "deprecated")
                                           for n, form in enumerate(getattr(term, field))]
        for where, form in forms:
            if form not in owner:
                owner[form] = (index, term.name)
                continue
            if where == ("name",) and owner[form][1] == form:
                continue  # 同一个术语登记了两次，由 C010 报告
            place = "本条的术语或别称" if owner[form][0] == index else f"术语“{owner[form][1]}”"
            problems.append(_at(term, shown, where, "C022", f"写法“{form}”已经登记在{place}中",
                                "同一种写法只能属于一个术语，而且不能既是推荐写法又是弃用写法；删除其中一处"))
        if term.split and term.split.replace(" ", "") != term.name:
            problems.append(_at(term, shown, ("split",), "C024",
                                f"“分词”拼起来是“{term.split.replace(' ', '')}”，不等于术语“{term.name}”",
                                "只在术语中间加空格，不要增删或改动字"))
        for n, proc_id in enumerate(term.procedures):
            if proc_id not in ids:
                problems.append(_at(term, shown, ("procedures", n), "C003", f"相关规程“{proc_id}”不存在",
                                    "检查编号拼写，或删除这一项"))
        for n, page in enumerate(term.pages):
            if page not in catalog.pages:
                problems.append(_at(term, shown, ("pages", n), "C023", f"相关页面 docs/{page} 不存在",
                                    "写相对 docs/ 的路径，如 xinfang/baozhang.md；或删除这一项"))
    return problems


def _regulations(catalog: Catalog) -> list[Problem]:
    """法规登记表：“替代为”必须指向另一份已登记、且本身没有被替代的文件。"""
    shown = display_path(catalog.root / "procedures" / "_regulations.yml", catalog.root)
    known = {r.id: r for r in catalog.regulations}
    problems = []
    for entry in catalog.regulations:
        target = entry.replaced_by
        if not target:
            continue
        if entry.status != SUPERSEDED:
            found = ("C021", f"“{entry.id}”的状态是“{entry.status}”，却写了“替代为”", "把状态改为“已被替代”，或删除“替代为”")
        elif target == entry.id:
            found = ("C021", "“替代为”不能指向自己", "写取代它的那份文件的编号")
        elif target not in known:
            found = ("C020", f"“替代为”引用的法规编号“{target}”没有登记",
                     "先在 procedures/_regulations.yml 中登记取代它的文件，或检查编号拼写")
        elif known[target].status == SUPERSEDED:
            found = ("C021", f"“替代为”指向的“{target}”本身也已被替代", f"直接写现行文件的编号（“{target}”的“替代为”）")
        else:
            continue
        problems.append(_at(entry, shown, ("replaced_by",), *found))
    return problems


def _time_limits(catalog: Catalog, domains: set[str] | None, regulations: set[str] | None,
                 roles: set[str] | None) -> list[Problem]:
    """时限登记表：领域、依据的文件和责任人已登记；写法与计日、方向一致（读者看写法就知道怎么算）。"""
    shown = display_path(catalog.root / "procedures" / "_time_limits.yml", catalog.root)
    problems = []
    for limit in catalog.time_limits.values():
        if roles is not None and limit.actor and limit.actor not in roles:
            problems.append(_at(limit, shown, ("actor",), "C030", f"责任人“{limit.actor}”没有登记",
                                "在 procedures/_roles.yml 中登记这个角色，或改用已登记的角色名"))
        if limit.working_days and "工作日" not in limit.wording:
            problems.append(_at(limit, shown, ("wording",), "C033", "按工作日计算的期限，写法里没有“工作日”",
                                "写成“……{天数}个工作日内”，读者才不会按日历日算"))
        if limit.direction == "之前" and "前" not in limit.wording.split("{天数}", 1)[-1]:
            problems.append(_at(limit, shown, ("wording",), "C033", "“之前”的期限，写法里天数后面没有“前”",
                                "写成“……{天数}日前”"))
        if domains is not None and limit.domain not in domains:
            problems.append(_at(limit, shown, ("domain",), "C030", f"领域“{limit.domain}”没有登记",
                                "改用 procedures/_domains.yml 中的领域编号"))
        if regulations is not None and limit.basis not in regulations:
            problems.append(_at(limit, shown, ("basis",), "C030", f"依据的法规编号“{limit.basis}”没有登记",
                                "先在 procedures/_regulations.yml 中登记这份文件，或检查编号拼写"))
    return problems


def _paths(catalog: Catalog, ids: set[str]) -> list[Problem]:
    """学习路径引用的页面和规程必须存在。"""
    shown = display_path(catalog.root / "procedures" / "_paths.yml", catalog.root)
    problems = []
    for path in catalog.paths:
        for n, page in enumerate(path.reading):
            if page not in catalog.pages:
                problems.append(_at(path, shown, ("reading", n), "C011", f"学习路径引用的页面 docs/{page} 不存在",
                                    "检查路径拼写（相对 docs/ 目录），或删除这一项"))
        for n, proc_id in enumerate(path.procedures):
            if proc_id not in ids:
                problems.append(_at(path, shown, ("procedures", n), "C011", f"学习路径引用的规程“{proc_id}”不存在",
                                    "检查编号拼写，或删除这一项"))
    return problems


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
            if regulations is not None and basis not in regulations:
                report(form, ("bases", index), "C040", f"依据的法规编号“{basis}”没有登记",
                       "在 procedures/_regulations.yml 中登记这份文件，或改用已登记的编号")
        for section in form.sections:
            for index, ref in enumerate(section.time_limits if limits is not None else ()):
                if limits is not None and ref not in limits:
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


# ---- 条文对照（procedures/_article_map.yml）----------------------------------

ARTICLE_MAP_FILE = "_article_map.yml"


def known_pages(catalog: Catalog) -> set[str]:
    """对照可以指向的页面：docs/ 下的手写页面，以及生成的“办理时限一览”和文书页。"""
    generated = {time_limits_uri(limit.domain) for limit in catalog.time_limits.values()}
    generated |= {form.page_uri for form in catalog.forms} | {forms_uri(form.domain) for form in catalog.forms}
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
        def report(message: str, hint: str, field: str | None = None, target=target) -> None:
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
