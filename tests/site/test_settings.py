import pytest
from django.core.exceptions import ImproperlyConfigured

from xxgk.site.settings.env import flag, listing, profile, secret_key, whole


def test_secret_key_is_required_without_debug(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
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


def test_the_profile_is_production_unless_asked(monkeypatch) -> None:
    monkeypatch.delenv("XXGK_PROFILE", raising=False)
    assert profile() == "production"
    monkeypatch.setenv("XXGK_PROFILE", "Demo")
    assert profile() == "demo"
    monkeypatch.setenv("XXGK_PROFILE", "staging")
    with pytest.raises(ImproperlyConfigured, match="XXGK_PROFILE=staging 无效"):
        profile()


def test_whole_numbers_are_checked(monkeypatch) -> None:
    monkeypatch.delenv("X_MINUTES", raising=False)
    assert whole("X_MINUTES", 30, least=1) == 30
    monkeypatch.setenv("X_MINUTES", "45")
    assert whole("X_MINUTES", 30, least=1) == 45
    for bad in ("0", "half an hour", "-5"):
        monkeypatch.setenv("X_MINUTES", bad)
        with pytest.raises(ImproperlyConfigured, match=f"X_MINUTES={bad} 无效"):
            whole("X_MINUTES", 30, least=1)
