"""Smoke test: the dashboard opens on the demo inventory, without errors and without leaving localhost."""
from playwright.sync_api import Page, expect

from .helpers import assert_no_exception, wait_for_app


def test_home_renders_offline(page: Page, e2e_server: str, external_requests: list[str]):
    page.goto(e2e_server)
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_test_id("stMain")).to_be_visible()
    # Some content was drawn: a heading or markdown text in the main area.
    expect(page.get_by_test_id("stMain").locator("h1, h2, h3, [data-testid='stMarkdownContainer']").first).to_be_visible()
    assert page.title().strip(), "the page has no title"
    assert external_requests == []


def test_external_requests_are_blocked(page: Page, e2e_server: str, external_requests: list[str]):
    """The offline guard itself: a request to the internet is aborted and recorded, the app keeps working."""
    page.goto(e2e_server)
    wait_for_app(page)
    outcome = page.evaluate("fetch('https://example.com/probe').then(() => 'reached', () => 'blocked')")
    assert outcome == "blocked"
    assert external_requests == ["https://example.com/probe"]
    expect(page.locator('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')).to_have_count(1)
