"""搜索：jieba 词典、Material 搜索 worker 的查询切分修正、索引整理，以及 Zensical 的中文分词。"""
