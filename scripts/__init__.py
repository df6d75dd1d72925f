"""工作规程手册的构建代码：读取 procedures/ 下的 YAML 清单，校验后生成页面（流程见 scripts/README.md）。"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# 构建工具是 ProperDocs（MkDocs 1.x 的延续）。它让 `mkdocs.*` 的导入都指向自己，Material 和本手册的钩子
# 不用改一行。只在 MkDocs 本身还没载入时这样做：对照测试用真正的 MkDocs 1.6.1 构建时，钩子不能把它换掉。
if "mkdocs" not in sys.modules:
    import properdocs.replacement  # noqa: F401
