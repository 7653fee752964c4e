"""The web page at `/` in real headless Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import Server

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path(__file__).parent.parent / "docs" / "screenshot.png"

pytestmark = [pytest.mark.model, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from Debian; never a browser Playwright downloads."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("chromium missing in CI: `make system-deps` installs Debian's chromium")
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, served: Server) -> Iterator[Any]:
    """A fresh page on the served corpus; any script error or dialog fails the test."""
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"script error: {err}"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    page.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
    page.goto(served.url + "/")
    page.locator("#timeline .event").first.wait_for()
    yield page
    context.close()
    assert problems == []


def api(served: Server, path: str, **params: Any) -> Any:
    response = httpx.get(served.url + path, params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def test_page_filters_by_actor_and_shows_a_story_with_its_evidence_highlighted(
    page: Any, served: Server
) -> None:
    from playwright.sync_api import expect

    actor = "kwame-asante-boateng"
    expected = api(served, "/api/timeline", actor=actor)
    everything = api(served, "/api/timeline")["total"]
    assert 0 < expected["total"] < everything
    expect(page.locator("#timeline .event")).to_have_count(everything)
    page.fill("#filter-actor", actor)
    page.click("#apply")
    expect(page.locator("#timeline .event")).to_have_count(expected["total"])
    shown = page.locator("#timeline .event").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-event-id'))"
    )
    assert shown == [e["id"] for e in expected["events"]]

    event = next(e for e in expected["events"] if e["story_id"])
    page.click(f'#timeline .event[data-event-id="{event["id"]}"]')
    story = api(served, "/api/stories/" + event["story_id"])
    view = page.locator("#story-view")
    expect(view).to_have_attribute("data-story-id", story["id"])
    expect(view.locator("li.history")).to_have_count(len(story["history"]))
    first = story["history"][0]
    expect(page.locator("#article-view")).to_have_attribute(
        "data-document-id", first["document_id"]
    )
    marked = page.locator("#article-text mark.evidence.in-story")
    expect(marked.first).to_be_visible()
    assert set(marked.all_text_contents()) >= {e["sentence"] for e in first["evidence"]}
    background = marked.first.evaluate("m => getComputedStyle(m).backgroundColor")
    plain = page.locator("#article-text").evaluate("n => getComputedStyle(n).backgroundColor")
    assert background != plain  # highlighted, not only wrapped
    page.click("#reset")  # the whole timeline beside the open story, for the README
    expect(page.locator("#timeline .event")).to_have_count(everything)
    # a fixed 'as of' day instead of today's, so that the picture in the repository
    # changes when the page does, not every day
    page.fill("#as-of", "2026-02-25")
    page.click("#pending-apply")
    expect(page.locator("#pending-list li").first).to_be_visible()
    page.evaluate("() => window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert SCREENSHOT.stat().st_size > 10_000


def test_pending_panel_lists_the_stories_pending_as_of_the_chosen_date(
    page: Any, served: Server
) -> None:
    from playwright.sync_api import expect

    pending = api(served, "/api/pending", as_of="2026-02-25")["stories"]
    assert pending
    page.fill("#as-of", "2026-02-25")
    page.click("#pending-apply")
    items = page.locator("#pending-list li.story")
    expect(items).to_have_count(len(pending))
    items.first.locator("button").click()
    expect(page.locator("#story-view")).to_have_attribute("data-story-id", pending[0]["id"])


def test_article_text_with_script_and_img_onerror_renders_inert_and_literal(
    page: Any, served: Server
) -> None:
    from playwright.sync_api import expect

    hostile = api(served, "/api/events", q="onerror")["events"]
    assert hostile, "the hostile fixture article was not ingested"
    page.fill("#filter-actor", "")
    page.fill("#filter-place", "Lima")
    page.click("#apply")
    target = page.locator(f'#timeline .event[data-event-id="{hostile[0]["id"]}"]')
    target.click()
    article = page.locator("#article-text")
    expect(article).to_contain_text("<script>window.__pwned = 'script'; alert('script')</script>")
    expect(article).to_contain_text("<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">")
    expect(page.locator("#article-view h2")).to_contain_text(
        "<script>window.__pwned = 'title'</script>"
    )
    assert page.locator("#article-view script, #article-view img, #story-view img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__pwned === undefined")


def test_a_long_timeline_is_drawn_a_page_at_a_time(browser: Any, tmp_path: Path) -> None:
    """Past 200 events the page draws the first 200 and 'Show more' appends the next."""
    from playwright.sync_api import expect

    from conftest import stored_article
    from dateline.store import Store

    db = tmp_path / "long.db"
    with Store(str(db)) as store:
        store.add_many([
            stored_article(f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", f"Report {n}", "Wire", [
                {"key": f"e{n}-{k}", "type": "MEET", "status": "occurred",
                 "source": [f"minister-{n % 7}"], "target": ["host-1"]}
                for k in range(3)])
            for n in range(90)
        ])  # fmt: skip
    server = Server(db, tmp_path / "serve.log")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        everything = api(server, "/api/timeline", limit=1000)["events"]
        assert len(everything) == 270
        page = context.new_page()
        page.goto(server.url + "/")
        expect(page.locator("#timeline .event")).to_have_count(200)
        expect(page.locator("#summary")).to_have_text("200 of 270 events")
        page.click("#more")
        expect(page.locator("#timeline .event")).to_have_count(270)
        expect(page.locator("#summary")).to_have_text("270 events")
        expect(page.locator("#more")).to_be_hidden()
        shown = page.locator("#timeline .event").evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('data-event-id'))"
        )
        assert shown == [e["id"] for e in everything]
    finally:
        context.close()
        server.stop()
