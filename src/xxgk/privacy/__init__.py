"""Personal data protection without Django: SM4-GCM sealing, HMAC-SM3 blind indexes, keys,
masks, and the public's lookup codes. The applications app stores applicants' data through it
(see the README, 个人信息保护)."""
