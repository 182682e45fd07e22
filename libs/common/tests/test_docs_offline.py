"""/docs and /redoc work on a closed network (LGWAN): every asset comes from the app itself, with no token."""

from __future__ import annotations

import re

import pytest
from renkei_common.docs_ui import STATIC_PATH, assets_dir

from .conftest import CommonService

# Anything a browser would fetch from elsewhere: absolute or scheme-relative URLs.
EXTERNAL = re.compile(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
# src="...", href="...", ReDoc's spec-url="...", and the URLs Swagger UI's inline script loads (the
# document, and the OAuth2 redirect relative to the page's own origin).
REFERENCE = re.compile(
    r"""(?:src|href|spec-url)\s*=\s*["']([^"']+)["']"""
    r"""|(?:url|oauth2RedirectUrl)\s*:\s*(?:window\.location\.origin\s*\+\s*)?['"]([^'"]+)['"]"""
)


def references(html: str) -> set[str]:
    return {src or url for src, url in REFERENCE.findall(html)}


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_reference_only_the_app_itself(
    common_service: CommonService, database_url: str, page: str
) -> None:
    async with common_service(database_url) as svc:
        response = await svc.http.get(page)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        html = response.text
        assert EXTERNAL.search(html) is None, EXTERNAL.search(html)
        assert "fonts.googleapis" not in html
        refs = references(html)
        # The page's script, its favicon and the document it renders at the least.
        assert f"{STATIC_PATH}/favicon.png" in refs and "/openapi.json" in refs
        assert any(ref.endswith(".js") for ref in refs)
        for ref in sorted(refs):
            assert ref.startswith("/"), ref
            asset = await svc.http.get(ref)  # no Authorization header: the docs need no token
            assert asset.status_code == 200, ref
            assert asset.content, ref


async def test_swagger_ui_loads_its_script_and_css_locally(
    common_service: CommonService, database_url: str
) -> None:
    async with common_service(database_url) as svc:
        refs = references((await svc.http.get("/docs")).text)
        css = await svc.http.get(f"{STATIC_PATH}/swagger-ui.css")
        script = await svc.http.get(f"{STATIC_PATH}/swagger-ui-bundle.js")
        redirect = await svc.http.get("/docs/oauth2-redirect")
        missing = await svc.http.get(f"{STATIC_PATH}/nothing-here.js")
    assert {
        f"{STATIC_PATH}/swagger-ui.css",
        f"{STATIC_PATH}/swagger-ui-bundle.js",
        "/docs/oauth2-redirect",
    } <= refs
    assert css.headers["content-type"].startswith("text/css")
    assert "javascript" in script.headers["content-type"] and b"SwaggerUIBundle" in script.content
    assert redirect.status_code == 200 and EXTERNAL.search(redirect.text) is None
    assert missing.status_code == 404


def test_the_packaged_css_pulls_nothing_from_outside() -> None:
    # A stylesheet can fetch fonts and images on its own; the HTML check cannot see that.
    css = (assets_dir() / "swagger-ui.css").read_text(encoding="utf-8")
    assert "@import" not in css
    assert re.search(r"url\(\s*['\"]?(https?:|//)", css) is None
    assert (assets_dir() / "redoc.standalone.js").stat().st_size > 100_000


async def test_docs_are_not_in_the_api_document(common_service: CommonService, database_url: str) -> None:
    async with common_service(database_url) as svc:
        paths = (await svc.http.get("/openapi.json")).json()["paths"]
    assert not [path for path in paths if path.startswith(("/docs", "/redoc", STATIC_PATH))]
