"""Signals in words, and one follow-up letter per member (« affaire à suivre »): HTML and plain text, with links
pinned to the inventory they come from (``?inventaire=ID``), mailed over SMTP only when asked.

    letters = digest.letters(store, before, after, base_url="https://inventaire.example.org")
    digest.write(letters, Path("lettres"))                   # DIR/<investor>.html and .txt
    digest.send(letters, digest.smtp_settings())             # [(investor, contact, error or None)]
"""
from __future__ import annotations

import html
import os
import smtplib
import tomllib
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

import pandas as pd

from inventory import formats, reference
from inventory import texts as T
from inventory.analysis import needs, signals
from inventory.parsing import LIST_SEPARATOR
from inventory.store import Store

SECRETS_FILE = Path(".streamlit/secrets.toml")
DEFAULT_BASE_URL = "http://localhost:8501"
# where each kind of signal is best seen in the dashboard (page path, extra query parameters)
PAGE_OF = {"zone_blanche_ouverte": ("couverture", {"vue": "territoire"}),
           "fin_de_programme": ("couverture", {"vue": "territoire"}),
           "besoin_en_hausse": ("besoins", {}), "engagement_en_retard": ("collectif", {"vue": "engagements"}),
           "donnees_anciennes": ("signaux", {})}


# --- a signal in words (the page, the letters and the report say it the same way) ----------------------------
def theme_names(store: Store, snapshot_id: int) -> dict[str, str]:
    """Theme code → its label in the run's language."""
    themes = needs.themes(store, snapshot_id)
    return {c: reference.theme_label(c, l) for c, l in zip(themes["code"], themes["libelle"])}


def thresholds_sentence(th: signals.Thresholds = signals.THRESHOLDS) -> str:
    """The thresholds in one sentence (the Méthode page, the Signaux page, the report)."""
    return T.SIGNAL_THRESHOLDS.format(hausse_part=formats.number(100 * th.hausse_part),
                                      hausse_points=formats.number(th.hausse_points),
                                      fin_jours=formats.number(th.fin_jours),
                                      anciennete_jours=formats.number(th.anciennete_jours))


def sentence(signal: dict[str, Any], themes: dict[str, str]) -> str:
    """One sentence saying what the signal is (numbers and dates in the run's language)."""
    kind = signal["type"]
    avant, apres = signal["avant"], signal["apres"]
    if kind == "zone_blanche_ouverte":
        avant = T.SIGNAL_NO_PART if avant is None else formats.percent(avant, "part_couverte")
    elif kind == "donnees_anciennes":
        avant, apres = formats.date(avant), formats.date(apres)
    else:
        avant = "–" if avant is None else formats.number(avant)
        apres = formats.number(apres)
    theme_codes = [] if signal["thematique"] is None else str(signal["thematique"]).split(LIST_SEPARATOR)
    return T.SIGNAL_SENTENCES[kind].format(
        nom=signal.get("nom") or signal["territoire"] or "", theme=", ".join(themes.get(c, c) for c in theme_codes),
        avant=avant, apres=apres, objet=signal["objet"] or "", libelle=signal.get("libelle") or "",
        date=formats.date(signal["date"]) if signal["date"] is not None else "",
        jours=formats.number(signal["jours"]) if signal["jours"] is not None else "",
        score=formats.number(signal.get("score") or 0),
        suite=(T.SIGNAL_LATE_NEW if signal["avant"] is None else T.SIGNAL_LATE_STILL)
        if kind == "engagement_en_retard" else "")


def members_line(signal: dict[str, Any]) -> str:
    """Who is best placed, in order: « Fondation Alpha (finance la thématique…), … »."""
    if not signal["pour"]:
        return T.SIGNAL_NOBODY
    return " ; ".join(f"{p['nom']} ({T.SIGNAL_REASONS[p['raison']]})" for p in signal["pour"])


def link(signal: dict[str, Any], snapshot_id: int, base_url: str = DEFAULT_BASE_URL) -> str:
    """The dashboard's page for this signal, pinned to the inventory it comes from."""
    page, extra = PAGE_OF[signal["type"]]
    query = {"inventaire": snapshot_id, **extra}
    if extra.get("vue") == "territoire" and signal["territoire"]:
        query["territoire"] = signal["territoire"]
    if T.language() != T.DEFAULT:
        query["lang"] = T.language()
    return f"{base_url.rstrip('/')}/{page}?{urlencode(query)}"


# --- the letters -------------------------------------------------------------------------------------------
@dataclass
class Letter:
    investisseur: str
    nom: str
    contact: str | None
    subject: str
    text: str
    html: str
    signaux: int


def letters(store: Store, before: int | None, after: int, *, base_url: str = DEFAULT_BASE_URL) -> list[Letter]:
    """One letter per member some signal names, its signals in rank order (the shared ``rang``)."""
    found = signals.signals(store, before, after)
    people = signals.contacts(store, after)
    snaps = {s.id: s for s in store.snapshots()}
    themes = theme_names(store, after)
    by_member: dict[str, list[dict[str, Any]]] = {}
    for s in found.to_dict(orient="records"):  # once, in rank order
        for member in dict.fromkeys(p["investisseur"] for p in s["pour"]):
            by_member.setdefault(member, []).append(s)
    out = []
    for person in people.itertuples(index=False):
        mine = by_member.get(person.id)
        if not mine:
            continue
        out.append(_letter(person.id, person.nom, None if pd.isna(person.contact) else person.contact, mine,
                           snaps.get(before), snaps[after], themes, base_url))
    return out


def _letter(member: str, nom: str, contact: str | None, mine: list[dict[str, Any]], before, after, themes,
            base_url: str) -> Letter:
    intro = (T.DIGEST_INTRO.format(before=formats.date(before.as_of), after=formats.date(after.as_of), nom=nom)
             if before is not None else T.DIGEST_INTRO_NO_BEFORE.format(after=formats.date(after.as_of), nom=nom))
    title = T.DIGEST_TITLE.format(nom=nom)
    lines, items = [title, "", intro, ""], []
    for s in mine:
        why = " ; ".join(T.SIGNAL_REASONS[p["raison"]] for p in s["pour"] if p["investisseur"] == member)
        words, url = sentence(s, themes), link(s, after.id, base_url)
        head = f"{s['rang']}. {T.SIGNAL_TYPES[s['type']]}"
        lines += [head, f"   {words}", f"   {T.DIGEST_WHY.format(raison=why)}", f"   {url}", ""]
        items.append(f"<li><strong>{html.escape(head)}</strong><br>{html.escape(words)}<br>"
                     f"<em>{html.escape(T.DIGEST_WHY.format(raison=why))}</em><br>"
                     f'<a href="{html.escape(url)}">{html.escape(T.DIGEST_LINK)}</a></li>')
    lines.append(T.DIGEST_FOOTER)
    page = (f'<!doctype html><html lang="{T.language()}"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title></head><body><h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p>"
            f"<ol>{''.join(items)}</ol><p><small>{html.escape(T.DIGEST_FOOTER)}</small></p></body></html>\n")
    subject = formats.counted(T.DIGEST_SUBJECT, n=len(mine), nom=nom, as_of=formats.date(after.as_of))
    return Letter(member, nom, contact, subject, "\n".join(lines) + "\n", page, len(mine))


def write(found: list[Letter], directory: str | os.PathLike) -> list[tuple[Letter, Path, Path]]:
    """DIR/<investor>.html and DIR/<investor>.txt for each letter (DIR is created)."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for letter in found:
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in letter.investisseur)
        html_path, text_path = folder / f"{stem}.html", folder / f"{stem}.txt"
        html_path.write_text(letter.html, encoding="utf-8")
        text_path.write_text(letter.text, encoding="utf-8")
        out.append((letter, html_path, text_path))
    return out


# --- mailing -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    password: str | None = None
    sender: str = "inventaire@localhost"


def smtp_settings(environ: dict[str, str] | None = None, secrets_file: Path = SECRETS_FILE) -> SmtpSettings | None:
    """The SMTP server from the environment (INVENTORY_SMTP_HOST, _PORT, _STARTTLS, _USER, _PASSWORD, _SENDER),
    else from the ``[smtp]`` table of .streamlit/secrets.toml (host, port, starttls, user, password, sender);
    None when no host is configured."""
    env = os.environ if environ is None else environ
    table: dict[str, Any] = {}
    if secrets_file.exists():
        try:
            table = tomllib.loads(secrets_file.read_text(encoding="utf-8")).get("smtp", {}) or {}
        except (tomllib.TOMLDecodeError, OSError):
            table = {}

    def get(key: str) -> Any:
        return env.get(f"INVENTORY_SMTP_{key.upper()}") or table.get(key)

    host = get("host")
    if not host:
        return None
    starttls = get("starttls")
    return SmtpSettings(host=str(host), port=int(get("port") or 587),
                        starttls=str(starttls).lower() not in ("0", "false", "no", "non") if starttls is not None else True,
                        user=get("user") or None, password=get("password") or None,
                        sender=str(get("sender") or SmtpSettings.sender))


def message(letter: Letter, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = letter.subject, sender, letter.contact
    msg.set_content(letter.text)
    msg.add_alternative(letter.html, subtype="html")
    return msg


def send(found: list[Letter], settings: SmtpSettings, *,
         report: Callable[[Letter, str | None], None] | None = None) -> list[tuple[str, str | None, str | None]]:
    """Mail each letter that has a contact, one connection per letter so that one refused recipient or one
    dropped connection does not stop the others: [(investor, contact, None when sent, else the error)]."""
    out = []
    for letter in found:
        if not letter.contact:
            out.append((letter.investisseur, None, None))
            continue
        error = None
        try:
            with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
                if settings.starttls:
                    smtp.starttls()
                if settings.user:
                    smtp.login(settings.user, settings.password or "")
                smtp.send_message(message(letter, settings.sender))
        except (smtplib.SMTPException, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        out.append((letter.investisseur, letter.contact, error))
        if report:
            report(letter, error)
    return out
