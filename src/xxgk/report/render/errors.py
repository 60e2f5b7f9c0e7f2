"""What a renderer raises when it cannot render: a message in Chinese for the user."""


class RenderError(RuntimeError):
    """The report cannot be rendered in this form on this machine; `str()` says why."""
