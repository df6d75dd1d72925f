"""内容：读取 procedures/ 和 docs/（数据模型、安全的 YAML 读取、结构校验）和全部含义检查。"""
