import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_is_chinese_and_logs_in(client, people) -> None:
    page = client.get(reverse("login")).content.decode()
    assert 'lang="zh-Hans"' in page
    assert "登录" in page
    bad = client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert "用户名或密码不正确" in bad.content.decode()
    good = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert good["Location"] == reverse("home")
    assert client.get(reverse("home"))["Location"] == reverse("applications:queue")


def test_home_asks_a_visitor_to_log_in(client, people) -> None:
    assert client.get("/")["Location"] == reverse("login") + "?next=/"


def test_htmx_is_served_locally_by_whitenoise(client) -> None:
    response = client.get("/static/xxgk/htmx-2.0.11.min.js")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert b"htmx" in body
    page = client.get(reverse("login")).content.decode()
    assert "/static/xxgk/htmx-2.0.11.min.js" in page
    assert "unpkg" not in page
    assert "cdn" not in page.lower()


def test_logout_is_a_post(client, people) -> None:
    client.login(username="officer", password=PASSWORD)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("applications:queue")).status_code == 302


def test_the_back_office_asks_for_no_favicon(client) -> None:
    """An empty icon of its own: browsers do not request /favicon.ico (a 404) on every page."""
    from django.urls import reverse

    assert '<link rel="icon" href="data:,">' in client.get(reverse("login")).content.decode()
