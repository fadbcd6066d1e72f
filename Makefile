# Shortcuts for those who like make; dev.py is the real entry point and needs only Python.
.PHONY: run test lint ci lock messages
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
# After changing interface text: brings every catalogue in line with the code (new strings come in empty, changed
# ones fuzzy: translate them, then run it again to compile). German is the source language and has no catalogue of
# its own strings; locale/de and locale/vendor hold overrides of our libraries' texts and are edited by hand.
MESSAGES_IGNORE = --ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=docs --ignore=media \
	--ignore=static --ignore=node_modules --ignore=locale --ignore='site/opensearch*' --ignore='*/static/vendor/*'
messages:
	python3 dev.py setup
	.venv/bin/python manage.py makemessages --no-obsolete -l en -l tr -l ar -l uk -l ru $(MESSAGES_IGNORE)
	.venv/bin/python manage.py makemessages --no-obsolete -d djangojs -l en -l tr -l ar -l uk -l ru $(MESSAGES_IGNORE)
	.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=var
