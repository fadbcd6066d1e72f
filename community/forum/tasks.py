from smtplib import SMTPException

from celery import shared_task

from community.forum.services import forum_digests_send


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_forum_digests() -> int:
    return forum_digests_send()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def announce_post(post_id: int, waited: bool) -> int:
    from community.forum.services import post_announce

    return post_announce(post_id=post_id, waited=waited)


@shared_task
def purge_removed_posts() -> int:
    """Nightly: posts removed longer ago than the undo period go for good (beat entry "forum-purge-removed")."""
    from community.forum.services import removed_posts_purge

    return removed_posts_purge()
