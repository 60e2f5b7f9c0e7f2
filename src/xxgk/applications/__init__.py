"""依申请公开: disclosure applications, their timeline of events and the statutory clock."""
