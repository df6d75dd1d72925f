# 工作规程手册：所有操作的唯一入口。首次运行会自动创建 .venv 并安装锁定版本的依赖。
#   make serve  本地预览（http://127.0.0.1:8000），修改 Markdown 或 YAML 后自动刷新
#   make test   安装所需的一切（含浏览器测试用的 Debian chromium）并运行全部测试
#   make build  严格、原子化地构建到 site/
#   make check  只校验 procedures/ 下的 YAML

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test browser lock clean

# 依赖缺失或 requirements.txt 有变化时重新安装（标记文件名里带着它的校验和）。
$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m scripts build

check: $(STAMP)
	$(PY) -m scripts check

# 浏览器测试用 Debian 的 chromium（Playwright 自带的浏览器下载在这里不可用）。
browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }

test: $(STAMP) browser
	$(PY) -m pytest

# 修改 requirements.in 后重新锁定版本。
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# 由 requirements.in 生成（make lock），锁定全部依赖的确切版本。请勿手工修改。"; \
	  .venv-lock/bin/pip freeze --all | grep -v -E '^pip=='; } > requirements.txt
	rm -rf .venv-lock

clean:
	rm -rf site build .pytest_cache
