"""The dashboard's pages, in navigation order: the one list app.py routes and every test that walks the pages reads
(a page added here is served, listed, and visited by the page-walking tests; ``tests/test_page_registry.py`` fails
on a page file or an ``st.Page`` that is not here)."""
from __future__ import annotations

from dataclasses import dataclass

from inventory import texts as T


@dataclass(frozen=True)
class PageEntry:
    file: str  # the page's script, from the project's root
    url_path: str  # its address: /besoins
    title: str  # the text key of its title in the navigation
    icon: str
    default: bool = False  # the home page, served at /
    writes: bool = False  # changes the inventory: never listed in workshop mode
    views: str | None = None  # the text key of its views (?vue=CODE → label), when it has several
    hidden: bool = False  # reached from the tables that name one of its subjects (?organisation=ID), not listed

    @property
    def title_text(self) -> str:
        return getattr(T, self.title)

    def view_codes(self) -> list[str]:
        """The codes its ``vue`` parameter takes, the default first."""
        return list(getattr(T, self.views)) if self.views else []


PAGES: tuple[PageEntry, ...] = (
    PageEntry("pages/accueil.py", "home", "PAGE_ACCUEIL", ":material/home:", default=True),
    PageEntry("pages/besoins.py", "besoins", "PAGE_BESOINS", ":material/map:"),
    PageEntry("pages/couverture.py", "couverture", "PAGE_COUVERTURE", ":material/extension:", views="COVER_VIEWS"),
    PageEntry("pages/collectif.py", "collectif", "PAGE_COLLECTIF", ":material/handshake:", views="TOGETHER_VIEWS"),
    PageEntry("pages/defis.py", "defis", "PAGE_DEFIS", ":material/flag:"),
    PageEntry("pages/evolution.py", "evolution", "PAGE_EVOLUTION", ":material/trending_up:"),
    PageEntry("pages/signaux.py", "signaux", "PAGE_SIGNAUX", ":material/notifications:"),
    PageEntry("pages/methode.py", "methode", "PAGE_METHODE", ":material/menu_book:"),
    PageEntry("pages/importer.py", "importer", "PAGE_IMPORTER", ":material/upload_file:", writes=True),
    PageEntry("pages/organisation.py", "organisation", "PAGE_ORGANISATION", ":material/corporate_fare:", hidden=True),
)


def listed(workshop: bool) -> list[PageEntry]:
    """The pages the navigation lists: every page but the hidden ones, less those that write in workshop mode
    (read-only)."""
    return [p for p in PAGES if not p.hidden and not (workshop and p.writes)]


def routed(workshop: bool) -> list[PageEntry]:
    """The pages app.py routes: those listed, and the hidden ones (never those that write, in workshop mode)."""
    return [p for p in PAGES if not (workshop and p.writes)]
