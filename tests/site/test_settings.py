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


def test_the_demo_data_key_is_refused_without_debug(monkeypatch, capsys) -> None:
    from xxgk.privacy.keys import DEMO_KEY
    from xxgk.site.settings.env import data_keys

    monkeypatch.delenv("XXGK_DATA_KEY", raising=False)
    monkeypatch.delenv("XXGK_OLD_DATA_KEYS", raising=False)
    with pytest.raises(ImproperlyConfigured, match="XXGK_DATA_KEY 未设置或为演示密钥"):
        data_keys(False)
    monkeypatch.setenv("XXGK_DATA_KEY", DEMO_KEY)
    with pytest.raises(ImproperlyConfigured, match="演示密钥"):
        data_keys(False)
    monkeypatch.delenv("XXGK_DATA_KEY")
    assert data_keys(True) == (DEMO_KEY, ())  # development: the demo key, with a warning
    assert "XXGK_DATA_KEY" in capsys.readouterr().err


def test_a_data_key_and_old_keys_are_checked_at_start(monkeypatch) -> None:
    from xxgk.site.settings.env import data_keys

    monkeypatch.setenv("XXGK_DATA_KEY", "ab" * 32)
    monkeypatch.setenv("XXGK_OLD_DATA_KEYS", "cd" * 32 + ", " + "ef" * 32)
    assert data_keys(False) == ("ab" * 32, ("cd" * 32, "ef" * 32))
    monkeypatch.setenv("XXGK_OLD_DATA_KEYS", "short")
    with pytest.raises(ImproperlyConfigured, match="XXGK_OLD_DATA_KEYS：个人信息加密密钥应为"):
        data_keys(False)
    monkeypatch.setenv("XXGK_DATA_KEY", "not a key")
    with pytest.raises(ImproperlyConfigured, match="XXGK_DATA_KEY："):
        data_keys(True)


def test_settings_refuse_to_start_with_the_demo_key_and_debug_off(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50, "XXGK_VAR_DIR": str(tmp_path)}
    env.pop("XXGK_DATA_KEY", None)
    code = "import django; django.setup()"
    env["DJANGO_SETTINGS_MODULE"] = "xxgk.site.settings"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "XXGK_DATA_KEY 未设置或为演示密钥" in result.stderr


def test_the_client_ip_header_is_what_the_limits_count_by(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "XXGK_PROFILE": "development",
        "XXGK_VAR_DIR": str(tmp_path),
        "XXGK_CLIENT_IP_HEADER": "X-Real-IP",
        "DJANGO_SETTINGS_MODULE": "xxgk.site.settings",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.RATELIMIT_IP_META_KEY)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "HTTP_X_REAL_IP"
