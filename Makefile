# Shortcuts for those who like make; dev.py is the real entry point and needs only Python.
.PHONY: run test lint ci lock
run:
	python3 dev.py run
test:
	python3 dev.py test
lint:
	python3 dev.py setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
ci:
	bash .ci/run
# After changing a range in pyproject.toml: pins every dependency for all platforms into requirements.lock
# (existing pins are kept where they still fit; add --upgrade to move everything to the newest allowed).
lock:
	python3 dev.py setup
	.venv/bin/pip install --quiet uv
	.venv/bin/uv pip compile pyproject.toml --universal --extra test --python-version 3.11 -o requirements.lock
