"""A cold server's first paint: the first visitors of a fresh server get app.py's navigation from their first
message on (never the list of files in pages/ that Streamlit shows until st.navigation has run once), and their
page, without error. Speaks Streamlit's websocket protocol as the browser does (bench/workshop.py), no browser."""
import asyncio
import concurrent.futures
import shutil

from inventory import texts as T

from .helpers import PAGES, log_tail, streamlit_server

LINKS = [("besoins", "niveau=departement"), ("", "atelier=1"), ("couverture", "vue=lacunes"), ("methode", "")]


async def first_run(url: str, page: str, query: str) -> list:
    """The ForwardMsgs of a session's first run, up to its end."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    back = BackMsg()
    back.rerun_script.page_name, back.rerun_script.query_string = page, query
    messages = []
    async with connect(url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=[Subprotocol("streamlit")],
                       max_size=None, open_timeout=60) as ws:
        await ws.send(back.SerializeToString())
        async for raw in ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            messages.append(msg)
            if (msg.WhichOneof("type") == "script_finished"
                    and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                return messages
    return messages


async def together(url: str) -> list[list]:
    return await asyncio.wait_for(asyncio.gather(*(first_run(url, p, q) for p, q in LINKS)), 180)


def test_first_visitors_of_a_fresh_server_see_app_py_navigation_from_the_first_message(e2e_env, demo_template,
                                                                                    tmp_path):
    db = tmp_path / "inventory.duckdb"
    env = {**e2e_env["env"], "INVENTORY_DB": str(db)}
    log = tmp_path / "server.log"
    shutil.copyfile(demo_template, db)  # the demo inventory, as `python -m inventory init` lays it out
    with streamlit_server(env, log) as url:
        # in a thread of its own: the browser tests' worker already runs Playwright's event loop in this one
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            runs = pool.submit(asyncio.run, together(url)).result()
    titles = [title for path, title in PAGES]
    for (page, query), messages in zip(LINKS, runs):
        navigations = [[p.page_name for p in m.navigation.app_pages if not p.is_hidden]
                       for m in messages if m.WhichOneof("type") == "navigation"]
        workshop = "atelier=1" in query
        assert navigations and all(n == [t for t in titles if not (workshop and t == T.PAGE_IMPORTER)]
                                   for n in navigations), (page, navigations)
        errors = [m.delta.new_element.exception.message for m in messages if m.WhichOneof("type") == "delta"
                  and m.delta.new_element.WhichOneof("type") == "exception"]
        assert errors == [], (page, errors)
        assert messages[-1].script_finished == messages[-1].FINISHED_SUCCESSFULLY, page
    assert "Traceback" not in log.read_text(errors="replace"), log_tail(log, 80)
