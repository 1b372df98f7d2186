"""Smoke test: the dashboard opens on the demo inventory, without errors and without leaving localhost."""
import re

from playwright.sync_api import Page, expect

from .helpers import assert_no_exception, wait_for_app


def test_home_renders_offline(page: Page, e2e_server: str, external_requests: list[str]):
    page.goto(e2e_server)
    wait_for_app(page)
    assert_no_exception(page)
    # Content was drawn: a non-empty heading in the main area, and the app's own tab title.
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text(re.compile(r"\w"))
    expect(page).to_have_title(re.compile(r"^(?!.*Streamlit).*\S"))  # the app's own title, once its run set it
    assert external_requests == []


def test_external_requests_are_blocked(page: Page, e2e_server: str, external_requests: list[str]):
    """The offline guard itself: a request to the internet is aborted and recorded, the app keeps working."""
    page.goto(e2e_server)
    wait_for_app(page)
    for url in ("https://example.com/probe", "http://93.184.215.14/probe"):  # a name, and an address
        outcome = page.evaluate("u => fetch(u).then(() => 'reached', () => 'blocked')", url)
        assert outcome == "blocked", url
    opened = page.evaluate("""() => new Promise(done => {
        const ws = new WebSocket('wss://example.com/socket');
        ws.onopen = () => done('opened'); ws.onerror = ws.onclose = () => done('closed'); })""")
    assert opened == "closed"
    assert external_requests == ["https://example.com/probe", "http://93.184.215.14/probe",
                                 "wss://example.com/socket"]
    expect(page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')).to_have_count(1)
