# Shortcuts for those who like make; dev.py is the real entry point and needs only Python.
.PHONY: run test ci
run:
	python3 dev.py run
test:
	python3 dev.py test
ci:
	bash .ci/run
