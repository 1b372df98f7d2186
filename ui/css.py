"""The static CSS the app side draws (never user text), kept as .css files beside this module."""
from pathlib import Path

from inventory import limits
from inventory.intake import reading
from inventory import texts as T

_HERE = Path(__file__).resolve().parent


def _style(name: str) -> str:
    return "<style>\n" + (_HERE / name).read_text(encoding="utf-8") + "</style>\n"


BASE_CSS = _style("base.css")  # every page: text contrast at WCAG AA
WORKSHOP_CSS = _style("workshop.css")  # larger type for a projector, the band naming the inventory
UPLOADER_CSS = (_HERE / "uploader.css").read_text(encoding="utf-8")  # its words: texts.UPLOADER_*
INTERFACE_CSS = _style("interface.css")  # Streamlit's parts hidden in every language
INTERFACE_FR_CSS = _style("interface_fr.css")  # and its English words drawn over in French
PRINT_CSS = (_HERE / "print.css").read_text(encoding="utf-8")  # Print → PDF on A4, every page


def css_string(text: str) -> str:
    """A sentence as a CSS string literal: quotes and backslashes escaped, nothing that could close the <style>."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + escaped.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def print_style(table_note: str) -> str:
    """The print stylesheet with the line that replaces a table's missing rows on paper (in the reader's language)."""
    return f"<style>\n:root {{ --print-table-note: {css_string(table_note)}; }}\n{PRINT_CSS}</style>\n"


def interface_css(language: str) -> str:
    """Streamlit's own words in ``language`` (French drawn over its English; English left as it is)."""
    return INTERFACE_CSS + (INTERFACE_FR_CSS if language == "fr" else "")


def uploader_css(language: str) -> str:
    """The file uploader's own words in ``language``, with our size limit."""
    with T.speaking(language):
        button = T.UPLOADER_BUTTON
        instructions = T.UPLOADER_INSTRUCTIONS.format(limit=limits.MAX_FILE_BYTES // 2**20,
                                                      extensions=", ".join(e.upper() for e in reading.extensions()))
    return (f"<style>\n:root {{ --uploader-button: {css_string(button)}; "
            f"--uploader-instructions: {css_string(instructions)}; }}\n{UPLOADER_CSS}</style>\n")
