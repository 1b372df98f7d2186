"""The static CSS the app side draws (never user text), kept as .css files beside this module."""
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _style(name: str) -> str:
    return "<style>\n" + (_HERE / name).read_text(encoding="utf-8") + "</style>\n"


BASE_CSS = _style("base.css")  # every page: text contrast at WCAG AA
WORKSHOP_CSS = _style("workshop.css")  # larger type for a projector, the band naming the inventory
UPLOADER_CSS = _style("uploader.css")  # the file uploader's own words in French
UPLOADER_CSS_BY_LANGUAGE = {"fr": UPLOADER_CSS, "en": _style("uploader_en.css")}


def uploader_css(language: str) -> str:
    """The file uploader's own words in ``language``, with our size limit."""
    return UPLOADER_CSS_BY_LANGUAGE.get(language, UPLOADER_CSS)
