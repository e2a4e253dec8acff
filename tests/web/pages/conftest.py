"""A page client that behaves like a browser: it carries the CSRF cookie and repeats its token."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response

from careerplan.web.security import CSRF_COOKIE


class Browser:
    def __init__(self, client: TestClient) -> None:
        self.client = client

    def get(self, url: str, **params: Any) -> Response:
        response = self.client.get(url, params=params or None, follow_redirects=False)
        assert response.status_code < 500, response.text
        return response

    def post(self, url: str, data: dict[str, Any]) -> Response:
        """Submit a form as the page would, with the token from the cookie."""
        if CSRF_COOKIE not in self.client.cookies:
            self.get("/explore")
        token = self.client.cookies[CSRF_COOKIE]
        response = self.client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)
        assert response.status_code < 500, response.text
        return response


@pytest.fixture(scope="session", autouse=True)
def _catalog_loaded() -> None:
    """Load the catalogue's title search (and rapidfuzz) before any chart is drawn: pygal adds
    an import hook without `find_spec`, so modules first imported after it warn (an error here)."""
    from careerplan.catalog import search_titles

    search_titles("sofware developer", limit=1)


@pytest.fixture
def browser(client: TestClient) -> Browser:
    return Browser(client)


def answers_form(answers: list[int], finish: bool = False) -> dict[str, str]:
    form = {f"q{n}": str(a) for n, a in enumerate(answers, start=1) if a}
    form["finish"] = "1" if finish else "0"
    return form
