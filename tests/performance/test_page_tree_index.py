"""A page's children are read by depth within the parent's path range (issue 20): the index Wagtail's tree lacks
(core/migrations/0003_page_children_index.py) lets the database read the children only, not every descendant."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_children_of_a_page_are_found_through_the_depth_and_path_index(home_page):
    from tests.factories import offer_index

    offer_index(home_page)
    home_page.refresh_from_db()  # its child count, which treebeard asks before querying
    children = home_page.get_children()
    assert children.count() == 1
    sql, params = children.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        else:
            # PostgreSQL picks a plan by the table's statistics; on a test database's few rows a sequential scan
            # wins, so the planner is told to use an index where it can.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
    assert "portal_page_depth_path" in plan, plan
