import pytest

from xxgk.site.settings.env import flag, listing, secret_key


def test_secret_key_is_required_without_debug(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        secret_key(False, tmp_path)


def test_development_key_is_generated_once_with_a_warning(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(True, tmp_path / "var")
    assert len(first) >= 40
    assert secret_key(True, tmp_path / "var") == first
    assert "SECRET_KEY" in capsys.readouterr().err
    monkeypatch.setenv("SECRET_KEY", "given")
    assert secret_key(False, tmp_path) == "given"


def test_flags_and_lists(monkeypatch) -> None:
    monkeypatch.setenv("X_FLAG", "Yes")
    monkeypatch.setenv("X_LIST", "a.example, b.example,,")
    assert flag("X_FLAG") is True
    assert flag("X_MISSING", default=True) is True
    assert listing("X_LIST") == ["a.example", "b.example"]


def test_django_settings_follow_the_brief(settings) -> None:
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ is True
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    assert "django_htmx.middleware.HtmxMiddleware" in settings.MIDDLEWARE
