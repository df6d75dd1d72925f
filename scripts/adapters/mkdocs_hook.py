"""mkdocs.yml 的 hooks: 指向的文件。MkDocs/ProperDocs 按路径加载它，所以先让 scripts 包可以导入，
再把事件函数从 mkdocs_adapter 取来：状态只在那个正常导入的模块里，make build 在同一进程里交给它读好的内容。"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.adapters.mkdocs_adapter import (  # noqa: E402
    on_config,
    on_files,
    on_page_content,
    on_page_context,
    on_post_build,
    on_post_page,
    on_serve,
    on_shutdown,
    on_startup,
)

__all__ = ["on_config", "on_files", "on_page_content", "on_page_context", "on_post_build", "on_post_page",
           "on_serve", "on_shutdown", "on_startup"]
