"""The audit log: who changed what and when, with the values before and after (Zulip's
RealmAuditLog). Every service function that changes state writes its record here in the same
transaction."""
