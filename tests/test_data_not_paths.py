"""数据永远不会变成路径或请求：结构说明的 $ref 不读文件、不发请求；编号不会把页面写到站点之外。"""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from scripts.pipeline import inside, load_catalog
from scripts.problems import ProblemsFound
from tests.conftest import DOMAINS, VALID_PROCEDURE

SCHEMA = "procedures/procedure.schema.json"


def with_ref(tree, ref: str) -> None:
    schema = json.loads((tree.root / SCHEMA).read_text(encoding="utf-8"))
    schema["properties"]["摘要"] = {"$ref": ref}
    tree.write(SCHEMA, json.dumps(schema, ensure_ascii=False))


def test_a_ref_to_a_local_file_is_not_read(tree):
    with_ref(tree, "file:///etc/passwd")
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)
    report = error.value.report()
    assert "[S003]" in report and "root:" not in report


def test_a_ref_to_a_server_sends_no_request(tree):
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # http.server 的接口名
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with_ref(tree, f"http://127.0.0.1:{server.server_port}/schema.json")
        with pytest.raises(ProblemsFound) as error:
            load_catalog(tree.root)
        assert "[S003]" in error.value.report()
    finally:
        server.shutdown()
    assert requests == []


@pytest.mark.parametrize("bad", ["../../x", "a/b", "Ｓhili", "shili\u200b", "SHILI"])
def test_an_id_that_is_not_a_plain_name_is_refused_even_if_the_schema_allows_it(tree, bad):
    for name in ("procedure.schema.json", "domains.schema.json"):
        path = tree.root / "procedures" / name
        path.write_text(path.read_text(encoding="utf-8").replace('"pattern": "^[a-z][a-z0-9-]*$"', '"pattern": ".*"')
                        .replace('"pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"', '"pattern": ".*"'), encoding="utf-8")
    tree.write("procedures/_domains.yml", DOMAINS.replace("编号: shili", f"编号: \"{bad}\""))
    tree.write("procedures/shili/shili-guicheng.yml", VALID_PROCEDURE.replace("领域: shili", f"领域: \"{bad}\""))
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)
    assert "[C060]" in error.value.report()
    assert not (tree.root.parent / "x").exists()


@pytest.mark.parametrize(("uri", "ok"), [("a/b.md", True), ("index.md", True), ("../x.md", False), ("a/../../x.md", False),
                                         ("/etc/x", False), ("a\\b.md", False), ("a//b.md", False), ("a/\nb.md", False)])
def test_generated_paths_stay_inside_the_site(uri, ok):
    assert inside(uri) is ok


def test_a_catastrophic_pattern_in_a_schema_does_not_hang_the_build(tree):
    """pattern 用线性时间的 RE2 匹配：(a+)+$ 一类的正则对一长串 a 也是瞬间读完。"""
    schema = json.loads((tree.root / SCHEMA).read_text(encoding="utf-8"))
    schema["properties"]["摘要"] = {"type": "string", "pattern": "^(a+)+$"}
    tree.write(SCHEMA, json.dumps(schema, ensure_ascii=False))
    tree.write("procedures/shili/shili-guicheng.yml",
               VALID_PROCEDURE.replace("摘要: 用于测试的一项完整规程，包含两个步骤。", "摘要: " + "a" * 50_000 + "!"))
    with pytest.raises(ProblemsFound) as error:
        load_catalog(tree.root)  # Python 的 re 在这里要回溯 2^50000 次
    assert "[S001]" in error.value.report()
