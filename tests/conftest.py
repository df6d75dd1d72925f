"""测试共用的夹具：在临时目录里搭一个最小但完整的手册项目。"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

from scripts import ROOT

_SESSION_TMP: Path | None = None


def pytest_configure(config):
    """每次测试用自己的临时目录：构建的私有缓存（scripts/site/private_cache.py）、jieba 的缓存和浏览器的临时文件
    都在这里，不读也不改开发者平常构建用的缓存；子进程经 TMPDIR 继承同一个目录，测试结束时删除。"""
    global _SESSION_TMP
    _SESSION_TMP = Path(tempfile.mkdtemp(prefix="gongzuo-guicheng-tests-"))
    os.environ["TMPDIR"] = str(_SESSION_TMP)
    tempfile.tempdir = None  # 下一次 gettempdir() 按新的 TMPDIR 重新算


# 用到这些夹具的测试要做完整的构建（站点、离线包；twice、unpacked 是 test_offline_bundle.py 的两次打包）或启动浏览器：不论写在哪个文件里，都自动标上相应的记号，
# 所以 -m "not slow and not browser"（make test-fast）真的不构建整本手册。
COSTLY = {"published": "slow", "real_site": "slow", "offline_bundle": "slow", "twice": "slow", "unpacked": "slow",
          "browser": "browser"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture, marker in COSTLY.items():
            if fixture in getattr(item, "fixturenames", ()) and marker not in item.keywords:
                item.add_marker(marker)


def pytest_unconfigure(config):
    if _SESSION_TMP is not None:
        shutil.rmtree(_SESSION_TMP, ignore_errors=True)

VALID_PROCEDURE = """\
编号: shili-guicheng
标题: 示例规程：登记来访
领域: shili
状态: 现行
摘要: 用于测试的一项完整规程，包含两个步骤。
适用情形:
  - 群众来访
依据:
  - 文件: xinfang-gongzuo-tiaoli
责任主体:
  - 角色: 接访人
    职责: 接待来访群众
  - 角色: 督查人
    职责: 跟踪办理结果
步骤:
  - 编号: dengji
    名称: 登记来访
    做法: 当面听清诉求并记录在来访登记表上。
    责任人: 接访人
    时限: 当场
    留痕材料: [来访登记表]
  - 编号: genzong
    名称: 跟踪办理
    做法: 按台账跟踪办理进度直到办结。
    责任人: 督查人
    留痕材料: []
检查要点:
  - 每次来访都有登记
来源:
  - 篇目: 篇六
    章节: 工作要点
    条目: ["6.54"]
负责人: 测试组
上次复核: 2026-01-15
复核周期月数: 12
"""

DOMAINS = """\
- 编号: shili
  名称: 示例领域
  简介: 只在测试中使用的领域。
  来源说明: 一份用于测试的工作总结
"""

TIME_LIMITS = """\
- 编号: shili-shouli
  领域: shili
  环节: 决定是否受理并书面告知
  天数: 15
  写法: 自收到之日起{天数}日内
  依据: xinfang-gongzuo-tiaoli
"""

GLOSSARY = """\
- 术语: 接访五环节
  释义: 接待来访的五个环节：接待、转交、办理、督查、归档。
  别称: [五环节]
  相关规程: [shili-guicheng]
- 术语: 联席会议
  释义: 信访工作联席会议，协调处理信访突出问题。
  别称: [信访联席会议]
  弃用写法: [联系会议]
"""

REGULATIONS = """\
- 编号: xinfang-gongzuo-tiaoli
  名称: 《信访工作条例》
  发布机关: 中共中央、国务院
  施行日期: 2022-05-01
  状态: 现行
  适用范围: 各级党委和政府的信访工作。
- 编号: xinfang-tiaoli
  名称: 《信访条例》
  发布机关: 国务院
  文号: 国务院令第431号
  施行日期: 2005-05-01
  状态: 已被替代
  替代为: xinfang-gongzuo-tiaoli
  适用范围: 各级人民政府的信访工作。
"""

ROLES = """\
- 角色: 接访人
  说明: 接待来访群众的工作人员。
- 角色: 督查人
  说明: 跟踪督办的工作人员。
"""

MKDOCS_YML = """\
site_name: 测试手册
docs_dir: docs
theme:
  name: material
  custom_dir: overrides
  language: zh
  font: false
plugins:
  - search
hooks:
  - {hook}
markdown_extensions: [admonition, attr_list, def_list, md_in_html, tables, pymdownx.details, pymdownx.tasklist]
extra_javascript: [assets/checklist.js]
"""


class Tree:
    """一个临时项目：write() 写文件，root 是项目根目录。"""

    def __init__(self, root: Path):
        self.root = root

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path


def pages(tree: Tree, today: dt.date = dt.date(2026, 6, 1), **options) -> dict[str, str]:
    """读取并校验临时项目，返回生成的全部页面：{路径: Markdown}。"""
    from scripts import pipeline

    pages = pipeline.generate(pipeline.checked(tree.root), today=today, **options)
    return {uri: text for uri, text in pages.items() if isinstance(text, str)}


def problems(tree: Tree) -> list[str]:
    """读取、校验并生成临时项目，必须失败；返回全部问题的报告行。"""
    from scripts.problems import ProblemsFound

    with pytest.raises(ProblemsFound) as caught:
        pages(tree)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(autouse=True)
def _same_in_ci_and_locally(monkeypatch):
    """CI=true 会打开只在 CI 里报的提醒（L032）；测试在本地和 CI 里行为一样，需要时自己设置。"""
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return make_tree(tmp_path)


def make_tree(base: Path) -> Tree:
    """base/project 下一个最小但完整的手册项目（也给模块级的夹具用）。"""
    t = Tree(base / "project")
    for schema in (ROOT / "procedures").glob("*.schema.json"):
        t.write(f"procedures/{schema.name}", schema.read_text(encoding="utf-8"))
    t.write("procedures/_domains.yml", DOMAINS)
    t.write("procedures/_roles.yml", ROLES)
    t.write("procedures/_glossary.yml", GLOSSARY)
    t.write("procedures/_regulations.yml", REGULATIONS)
    t.write("procedures/_time_limits.yml", TIME_LIMITS)
    t.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE)
    t.write("docs/index.md", "# 测试手册\n\n首页。\n")
    t.write("overrides/assets/checklist.js", (ROOT / "overrides/assets/checklist.js").read_text(encoding="utf-8"))
    t.write("mkdocs.yml", MKDOCS_YML.format(hook=ROOT / "scripts" / "adapters" / "mkdocs_hook.py"))
    return t


@pytest.fixture(scope="session")
def catalog():
    """真实手册的目录（只读，整个测试会话共用）。"""
    from scripts.pipeline import load_catalog

    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def real_pages(catalog):
    """真实手册生成的全部页面 {路径: Markdown}（只读，整个测试会话共用）。"""
    from scripts import pipeline

    pages = pipeline.generate(pipeline.checked(ROOT), today=dt.date.today())
    return {uri: text for uri, text in pages.items() if isinstance(text, str)}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("找不到 Debian 的 chromium：请用 `make test` 运行测试，它会自动安装")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Playwright 驱动的 Debian chromium（整个测试会话共用一个）。"""
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """make publish 的结果（严格构建的站点、离线包、nginx 配置）：整个测试会话只构建一次站点和离线包。"""
    from scripts.site.publish import publish

    work = tmp_path_factory.mktemp("publish")
    return publish(ROOT, work / "srv", work / "dist")


@pytest.fixture
def page(browser):
    """一个新的浏览器页面，有自己的本地存储（勾选记录不会从别的测试带过来）。"""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def real_site(published) -> Path:
    """整个手册的真实严格构建（与 make build 相同，另有 download/latest.zip）。"""
    return published.site.resolve()


@pytest.fixture(scope="session")
def offline_bundle(published) -> Path:
    """离线包 zip（make offline 的结果）。"""
    return published.bundle


@pytest.fixture(scope="session")
def search_box():
    """在站点上搜索的驱动（bench/search_recall.py）：Material 的搜索框；Zensical 的测试换成它的。"""
    from bench.search_recall import SearchBox

    return SearchBox


@pytest.fixture(scope="session")
def site_url(real_site):
    """通过本地 HTTP 服务访问 real_site 的根地址。"""
    from .browser import serve_directory

    with serve_directory(real_site) as url:
        yield url
