"""行政复议 and 行政诉讼 over an agency's disclosure work: the register of cases, the agency's
answer deadline, the decisions, and table 4 of the annual report computed from them."""
