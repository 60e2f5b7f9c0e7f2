"""The public portal: the agency's statutory 政府信息公开专栏 (no login)."""
