"""工作规程手册的构建代码：读取 procedures/ 下的 YAML 清单，校验后生成 MkDocs 页面。"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
