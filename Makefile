# 工作规程手册：所有操作的唯一入口。首次运行会自动创建 .venv 并安装锁定版本的依赖。
#   make serve  本地预览（http://127.0.0.1:8000），修改 Markdown 或 YAML 后自动刷新
#   make test   安装所需的一切（含浏览器测试用的 Debian chromium）并运行全部测试
#   make build  编辑检查 + 严格、原子化地构建到 site/
#   make build-zensical 用第二种构建工具 Zensical 构建同一本手册到 site-zensical/（见 README“第二种构建工具”）
#   make check  只校验 procedures/ 下的 YAML
#   make offline 构建离线包 zip（dist/；同一个提交逐字节相同）
#   make publish 发布到内网服务器的目录：make publish DEST=/srv/gongzuo-guicheng（见 deploy/nginx/README.md）
#   make lint   编辑检查：模板残留、空缺数字、乱码、个人信息、用词、重复段落、排版（规则见 CONTRIBUTING.md）
#   make new    新建一项规程：make new DOMAIN=xinfang TITLE=办理群众来信 [SOURCE=xinfang-gongzuo-tiaoli]

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-zensical check offline publish test test-fast code-check browser nginx bench lock clean lint new

# 依赖缺失或 requirements.txt 有变化时重新安装（标记文件名里带着它的校验和）。
$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

serve: $(STAMP)
	$(PY) -m properdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m scripts build

# 第二种构建工具：Zensical（锁定在 requirements.txt），严格、原子化，见 scripts/adapters/zensical_build.py。
build-zensical: $(STAMP)
	$(PY) -m scripts build-zensical

check: $(STAMP)
	$(PY) -m scripts check

# 离线包：dist/gongzuo-guicheng-shouce-offline-<版本>.zip，解压后双击 index.html。
offline: $(STAMP)
	$(PY) -m scripts offline

# 发布：构建站点和离线包，连同 nginx 配置（含按站点生成的内容安全策略）整体替换 DEST 下的内容。
publish: $(STAMP)
	@test -n "$(DEST)" || { echo "用法：make publish DEST=/srv/gongzuo-guicheng" >&2; exit 2; }
	$(PY) -m scripts publish --dest "$(DEST)"

# 发布配置的测试（tests/test_nginx.py）在真实的 nginx 上运行：缺少时从 Debian 的软件包安装。
# 测试自己在 127.0.0.1 的随机端口上启动和停止 nginx，不用系统服务；在有 systemd 的开发机上
# Debian 安装后会启动默认的 nginx 服务（80 端口），不需要时：sudo systemctl disable --now nginx。
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends nginx; }

# 浏览器测试用 Debian 的 chromium（Playwright 自带的浏览器下载在这里不可用），
# 打印成 PDF 时要有中文字体（fonts-noto-cjk）。缺哪个装哪个。
browser:
	@{ test -x $(CHROMIUM) && fc-list :lang=zh 2>/dev/null | grep -q . ; } || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig; }

# 无障碍检查用的 axe-core（npm 包，版本锁定在 package-lock.json）。
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# 编辑检查：默认检查整个手册；只查几个文件时写 make lint FILES="docs/a.md procedures/b/c.yml"。
lint: $(STAMP)
	$(PY) -m scripts.lint $(FILES)

# 新建一项规程（YAML 清单 + 说明页）；不写 DOMAIN、TITLE 时逐项询问。SOURCE 是来源：现行法规的编号或篇目。
new: $(STAMP)
	$(PY) -m scripts.scaffold --domain "$(DOMAIN)" --title "$(TITLE)" --source "$(SOURCE)"

# 代码检查和类型检查（ruff.toml、mypy.ini）：make test 和 CI 都先运行它们。
code-check: $(STAMP)
	$(PY) -m ruff check scripts tests bench
	$(PY) -m mypy scripts

test: $(STAMP) browser nginx $(NODE_STAMP) lint code-check
	$(PY) -m pytest

# 快速的一组（不启动浏览器、不做完整构建），改代码时先跑它：约 1 分钟。
test-fast: $(STAMP) lint code-check
	$(PY) -m pytest -m "not browser and not slow"

# 基准测试（bench/）：打印表格，结果写入 bench/results/。另需 Pagefind（bench/requirements.txt）。
BENCH_STAMP := $(VENV)/.bench-installed-$(shell cksum < bench/requirements.txt | cut -d' ' -f1)
$(BENCH_STAMP): $(STAMP) bench/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	@rm -f $(VENV)/.bench-installed-*
	@touch $@

bench: $(STAMP) $(BENCH_STAMP) browser
	$(PY) -m bench

# 修改 requirements.in 后重新锁定版本。
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# 由 requirements.in 生成（make lock），锁定全部依赖的确切版本。请勿手工修改。"; \
	  .venv-lock/bin/pip freeze --all | grep -v -E '^pip=='; } > requirements.txt
	rm -rf .venv-lock

clean:
	rm -rf site site-zensical build dist .pytest_cache
