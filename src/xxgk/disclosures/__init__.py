"""主动公开: the proactive-disclosure register — records, their review and publication, the
Art. 20 items and themes, the lifecycle of 规章 and 规范性文件, and the table-2 figures."""
