"""Django's database sessions, read with one plain statement (issue 20).

Every request of a member reads its session. Around that one indexed lookup the ORM builds a QuerySet, compiles its
SQL and a model instance: several times the cost of the query. Same table, same rule (an expired session is no
session), written and deleted as Django does; only the read is direct. Sessions stay in the database, never only in
the cache, so a cache outage logs nobody out and a logout cannot come back with the cache."""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self):
        key = self.session_key
        if not key:
            self._session_key = None
            return {}
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        sql = (
            f"SELECT {quote('session_data')} FROM {quote(model._meta.db_table)} "
            f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [key, connection.ops.adapt_datetimefield_value(timezone.now())])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])
