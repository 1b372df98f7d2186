"""The static CSS the app side draws (never user text), kept as .css files beside this module."""
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _style(name: str) -> str:
    return "<style>\n" + (_HERE / name).read_text(encoding="utf-8") + "</style>\n"


WORKSHOP_CSS = _style("workshop.css")  # larger type for a projector, the band naming the inventory
UPLOADER_CSS = _style("uploader.css")  # the file uploader's own words in French
INTERFACE_CSS = _style("interface.css")  # Streamlit's other English words: hidden or drawn over in French
