"""What an uploaded file is, read from its content: one check for every form that takes files
(the register's attachments, the public's online applications), so that a renamed executable is
refused whatever its name says, and every refusal is worded alike."""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile


class UploadRefused(ValueError):
    """The file cannot be taken; the message (Chinese) says why."""


def sniffed_type(upload: UploadedFile, allowed: dict[str, str]) -> str:
    """The content type of `upload`, from its first bytes, when it is one of `allowed`
    (filetype's extension → the type to store) and within `XXGK_ATTACHMENT_MAX_BYTES`."""
    name = upload.name or "附件"
    limit: int = settings.XXGK_ATTACHMENT_MAX_BYTES
    if not upload.size:
        raise UploadRefused(f"附件“{name}”是空文件。")
    if upload.size > limit:
        raise UploadRefused(f"附件“{name}”超过 {limit // (1024 * 1024)} MB 的上限。")
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.extension not in allowed:
        kinds = "、".join(e.upper() for e in allowed)
        raise UploadRefused(f"附件“{name}”的内容不是 {kinds} 文件，不能上传。")
    return allowed[kind.extension]
