from wagtail import hooks

from home.accessibility.admin_views import AccessibilityFeedbackViewSet


@hooks.register("register_admin_viewset")
def accessibility_feedback_viewset():
    return AccessibilityFeedbackViewSet("accessibilityfeedback")
