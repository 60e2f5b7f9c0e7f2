"""Personal data protection without Django: SM4-GCM sealing, HMAC-SM3 blind indexes, keys and
masks. The applications app stores applicants' data through it (see the README, 个人信息保护)."""
