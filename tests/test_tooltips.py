"""术语提示：在 HTML 的文字节点中包 <abbr title="释义">，不看词边界，不碰代码、链接和标题。"""

from __future__ import annotations

from scripts.content.glossary import Glossary, Term
from scripts.pages.tooltips import annotate

GLOSSARY = Glossary([
    Term("包案", "由一名领导负责到底。", aliases=("领导包案",)),
    Term("四级包案", "市县乡村四级包案。"),
    Term("五虎牧羊阵", "五个部门联合督办。"),
])
ABBR = '<abbr class="glossary-term" title="{}">{}</abbr>'


def wrap(name: str, title: str) -> str:
    return ABBR.format(title, name)


def test_term_in_the_middle_of_a_chinese_sentence_is_wrapped():
    html = annotate("<p>这类积案要用五虎牧羊阵办法督办。</p>", GLOSSARY)
    assert html == f"<p>这类积案要用{wrap('五虎牧羊阵', '五个部门联合督办。')}办法督办。</p>"


def test_longest_match_wins():
    html = annotate("<p>落实四级包案。</p>", GLOSSARY)
    assert html == f"<p>落实{wrap('四级包案', '市县乡村四级包案。')}。</p>"


def test_alias_tooltip_names_the_term():
    html = annotate("<p>实行领导包案</p>", GLOSSARY)
    assert wrap("领导包案", "即“包案”：由一名领导负责到底。") in html


def test_not_inside_code_links_headings_or_existing_abbr():
    source = ('<h2 id="baoan">包案<a class="headerlink" href="#baoan">¶</a></h2>'
              "<p><code>包案</code><a href=\"x/\">包案</a><abbr title=\"自有\">包案</abbr></p>"
              "<pre><code>五虎牧羊阵</code></pre>"
              '<p class="glossary-aliases">又称：领导包案</p>')
    assert annotate(source, GLOSSARY) == source


def test_once_per_section():
    source = "<p>包案、包案</p><p>包案</p><h2>下一节</h2><p>包案</p>"
    html = annotate(source, GLOSSARY)
    first = wrap("包案", "由一名领导负责到底。")
    assert html == f"<p>{first}、包案</p><p>包案</p><h2>下一节</h2><p>{first}</p>"


def test_text_and_attributes_stay_escaped():
    source = '<p>填写&lt;script&gt;表格，五虎牧羊阵</p><input checked="" type="checkbox"/>'
    html = annotate(source, GLOSSARY)
    assert "填写&lt;script&gt;表格" in html and "<script>" not in html
    assert '<input checked="" type="checkbox"/>' in html


def test_titles_with_quotes_stay_valid_html():
    glossary = Glossary([Term("六加一", '对老户的"六加一"管理模式。')])
    assert 'title="对老户的&quot;六加一&quot;管理模式。"' in annotate("<p>六加一</p>", glossary)


def test_nothing_to_do_returns_the_input_unchanged():
    source = "<p>没有术语的段落&nbsp;。</p>"
    assert annotate(source, GLOSSARY) is source


def test_scripts_comments_and_quoted_angle_brackets_are_not_text():
    source = ('<!-- 包案 --><script>var s = "<p>包案</p>";</script>'
              '<div class="admonition note" data-x="a>b"><p class="glossary-skip">包案</p></div>'
              '<p title="x > 包案">四级包案<br/>五虎牧羊阵</p>')
    html = annotate(source, GLOSSARY)
    assert html == source.replace(
        ">四级包案<", f">{wrap('四级包案', '市县乡村四级包案。')}<").replace(
        ">五虎牧羊阵<", f">{wrap('五虎牧羊阵', '五个部门联合督办。')}<")


def test_subheadings_do_not_start_a_new_section():
    """三级以下的小标题不另起一节：同一个二级标题下，术语只在第一次出现时带虚线。"""
    source = "<h2>步骤</h2><p>包案</p><h3>第一步</h3><p>包案</p><h4>细节</h4><p>包案</p><h2>要点</h2><p>包案</p>"
    html = annotate(source, GLOSSARY)
    assert html.count('<abbr class="glossary-term"') == 2
    assert html.startswith(f"<h2>步骤</h2><p>{wrap('包案', '由一名领导负责到底。')}</p><h3>第一步</h3><p>包案</p>")


def test_not_in_breadcrumbs_or_learning_path_bar():
    source = ('<nav class="breadcrumbs">信访工作 › 包案</nav>'
              '<nav class="path-bar" hidden>学习路径：包案 3/10</nav><p>包案</p>')
    html = annotate(source, GLOSSARY)
    assert html.count('<abbr class="glossary-term"') == 1
    assert html.endswith(f"<p>{wrap('包案', '由一名领导负责到底。')}</p>")
