from .events import EventCancellation, EventPage
from .pages import (
    ContactPointClosure,
    ContactPointHours,
    ContactPointIndexPage,
    ContactPointPage,
    ContactPointService,
    ContactPointStaff,
)
from .volunteering import VolunteerRole, VolunteerShift, VolunteerSignup

__all__ = [
    "ContactPointClosure",
    "ContactPointHours",
    "ContactPointIndexPage",
    "ContactPointPage",
    "ContactPointService",
    "ContactPointStaff",
    "EventCancellation",
    "EventPage",
    "VolunteerRole",
    "VolunteerShift",
    "VolunteerSignup",
]
