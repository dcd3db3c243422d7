"""The pages in a real browser: headless Chromium (Debian's package) driven by Playwright,
against a server on 127.0.0.1 over a store of the bundled examples."""

import shutil
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def server(tmp_path_factory, nlp):
    import uvicorn

    from cable.pipeline import process
    from cable.store import open_store
    from cable.web import create_app

    db = str(tmp_path_factory.mktemp("browser") / "b.db")
    with open_store(db) as store:
        for p in sorted(EXAMPLES.glob("*.txt")):
            store.write(process(p.read_text(encoding="utf-8"), input=p.name, nlp=nlp))
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page, problems
    page.close()


def test_from_an_event_to_its_sentence_in_the_article(server, page):
    p, problems = page
    p.goto(f"{server}/events?country=GRC")
    link = p.locator("a.evidence").first
    trigger = link.inner_text()
    link.click()
    p.wait_for_load_state()
    assert "/article/" in p.url and "#t-e" in p.url
    target = p.locator(f"[id='{p.url.split('#')[1]}']")
    assert target.is_visible() and target.inner_text() == trigger
    assert not problems, problems


def test_from_a_quote_to_its_speakers_page(server, page):
    p, problems = page
    p.goto(f"{server}/events?country=GRC")
    p.locator("a.evidence").first.click()
    p.wait_for_load_state()
    speaker = p.locator("a.speaker").first
    name = speaker.inner_text()
    speaker.click()
    p.wait_for_load_state()
    assert p.locator("h1").inner_text() == name
    assert p.locator("table.events tbody tr").count() >= 1
    assert not problems, problems


@pytest.mark.parametrize("path,selector", [("/network", "svg.network circle"), ("/dyad?a=EGY&b=TUR", "svg.dyad circle"),
                                           ("/", "table.events"), ("/forecasts", "table"),
                                           ("/search?q=Turkey", "h1")])
def test_views_render_without_console_errors(server, page, path, selector):
    p, problems = page
    p.goto(f"{server}{path}")
    assert p.locator(selector).first.is_visible()
    assert not problems, problems
