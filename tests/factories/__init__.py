from .accounts import PASSWORD, ParentFactory, UserFactory
from .pages import ContentPageFactory

__all__ = ["PASSWORD", "ContentPageFactory", "ParentFactory", "UserFactory"]
