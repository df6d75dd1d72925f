"""原子化构建：先在临时目录里完整构建，成功后再一步换上 site/（swap.py）。

构建失败时临时目录被删除，原来的 site/ 原封不动：不会留下写了一半或被清空的站点。
构建在任何一刻被强行中止，site/ 也是完整的旧站点或完整的新站点；留下的临时目录下次构建时删除。
同一目录的两次构建排队进行（site/ 旁的锁文件 .lock-site）。
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scripts import pipeline
from scripts.problems import ManualError
from scripts.site.swap import clean_leftovers, locked, replace, staging_dir

log = logging.getLogger(__name__)


class BuildFailed(ManualError):
    pass


def build_site(root: Path, site_dir: Path, config_file: str = "mkdocs.yml", *,
               in_process: bool = False, lint: bool = True) -> Path:
    """严格模式构建到 site_dir。先校验 procedures/，有错误就不开始构建。

    默认在子进程里运行 MkDocs：jieba 的词典是进程内的全局状态，测试和基准在一个进程里先后构建
    不同配置时不能互相影响。命令行（make build）只构建一次，用 in_process=True 省掉第二个解释器。

    编辑检查（make lint 的全部规则）在另一个进程里与构建并行（构建只用一个核），几乎不增加总时间；
    发现错误时构建失败，site_dir 保持原样。lint=False 只给基准测试和只比较构建工具的测试用。
    """
    # load + check：有错误时抛出 ProblemsFound，列出全部问题。在子进程里构建时那边自己读历史，这里不必读
    sources = pipeline.checked(root, history=in_process)
    site_dir = site_dir.resolve()
    with locked(site_dir):
        clean_leftovers(site_dir)  # 上次被中止的构建留下的临时目录
        return _build_and_swap(root, site_dir, config_file, sources if in_process else None, lint)


def _build_and_swap(root: Path, site_dir: Path, config_file: str, sources: pipeline.Sources | None,
                    lint: bool) -> Path:
    staging = staging_dir(site_dir)
    checker = pipeline.start_lint(root) if lint else None
    try:
        if sources is not None:
            returncode = _properdocs_build(root / config_file, staging, sources)
        else:
            returncode = subprocess.run(
                [sys.executable, "-m", "properdocs", "build", "--strict",
                 "--config-file", str(root / config_file), "--site-dir", str(staging)],
                cwd=root,
                env=quiet_env(),
            ).returncode
        lint_passed = pipeline.finish_lint(checker) if checker is not None else True  # 构建失败时也列出编辑检查的问题
        if returncode != 0:
            raise BuildFailed(f"严格构建失败（退出码 {returncode}），{site_dir.name}/ 保持原样")
        if not lint_passed:
            raise BuildFailed(f"编辑检查发现错误（见上），{site_dir.name}/ 保持原样")
        replace(staging, site_dir)  # 一步对调；换下来的旧站点随即删除
    finally:
        if checker is not None and checker.poll() is None:
            checker.kill()
            checker.wait()
        if staging.exists():
            shutil.rmtree(staging)
    return site_dir


def _properdocs_build(config_file: Path, site_dir: Path, sources: pipeline.Sources) -> int:
    """与 `properdocs build --strict` 相同，但在本进程里运行，钩子直接用已经读好、检查过的内容。返回退出码。"""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.exceptions import MkDocsException

    from scripts.adapters import mkdocs_adapter

    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        mkdocs_adapter.preload(sources)  # 交给这一次构建的 on_startup
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as err:
        log.error(str(err))
        return 1
    return 0


def quiet_env() -> dict[str, str]:
    """运行 MkDocs 子进程的环境：关掉 Material 每次构建都打印的“MkDocs 2”横幅。"""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
