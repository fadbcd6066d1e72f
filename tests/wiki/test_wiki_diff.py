from community.wiki.diff import text_diff, three_way_merge


def _lines(hunks):
    return [(line.kind, str(line.html)) for hunk in hunks for line in hunk.lines]


def test_changed_line_shows_removed_and_added_words():
    lines = _lines(text_diff("Öffnungszeiten: Mo bis Fr\nTelefon 123", "Öffnungszeiten: Mo bis Sa\nTelefon 123"))
    assert lines == [
        ("removed", "Öffnungszeiten: Mo bis <del>Fr</del>"),
        ("added", "Öffnungszeiten: Mo bis <ins>Sa</ins>"),
        ("same", "Telefon 123"),
    ]


def test_added_lines_are_escaped_and_unchanged_text_is_left_out_beyond_the_context():
    old = "\n".join(f"Zeile {n}" for n in range(1, 11))
    new = old + "\n<script>alert(1)</script>"
    lines = _lines(text_diff(old, new, context=2))
    assert lines == [
        ("same", "Zeile 9"),
        ("same", "Zeile 10"),
        ("added", "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"),
    ]


def test_two_distant_changes_make_two_hunks_and_no_change_makes_none():
    old = "\n".join(f"Zeile {n}" for n in range(1, 21))
    new = old.replace("Zeile 2\n", "Zeile zwei\n").replace("Zeile 19", "Zeile neunzehn")
    assert len(text_diff(old, new)) == 2
    assert text_diff(old, old) == []


def test_merge_keeps_both_changes_on_different_lines():
    merge = three_way_merge(base="A\nB\nC", mine="A\nB geändert\nC", theirs="A\nB\nC\nD neu")
    assert merge.conflicts == 0
    assert merge.text == "A\nB geändert\nC\nD neu"


def test_merge_marks_a_collision_with_both_versions():
    merge = three_way_merge(base="A\nB\nC", mine="A\nmeins\nC", theirs="A\ndeins\nC")
    assert merge.conflicts == 1
    assert merge.text == "A\n<<<<<<< Ihre Fassung\nmeins\n=======\ndeins\n>>>>>>> inzwischen gespeicherte Fassung\nC"
