"""构建工具的适配层：MkDocs/ProperDocs 的钩子、Zensical 构建、make serve 的错误页。"""
