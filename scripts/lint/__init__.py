"""编辑检查（make lint）：在合并之前，用中文指出正文里的模板残留、空缺数字、乱码、个人信息、
弃用写法、重复段落、排版和格式问题。

每条规则一个稳定编号（rules.py），每个规则族一个模块；规则用到的数据在 data/ 下，
由编辑维护。用法：python -m scripts.lint [文件 ...]。
"""

from .runner import LintResult, lint, tree_files

__all__ = ["LintResult", "lint", "tree_files"]
