"""The sync client: enrolment, the device's sync state and the session that pushes and pulls."""
