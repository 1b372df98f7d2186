"""The spreadsheet contract as pydantic models: what a need, a programme, an investor and a snapshot are.

The validator, the template's headers and drop-downs, the exports and the docs all read these models.
Each field carries its French label (``title``), its English alias (``en``) and, for closed lists, its
choices (``choices``); the ``BeforeValidator`` parses what people type (see ``parsing``).
"""
from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Any, ClassVar

import pyarrow as pa
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from inventory import parsing as p
from inventory import snapshot_labels
from inventory import texts as T
from inventory.reference import AUDIENCES, INVESTOR_TYPES, PHASES, SOURCES, SUPPORT_TYPES, Labels


def column(title: str, en: str, *, help: str, choices: dict[str, str] | None = None,
           bounds: tuple[int, int | None] | None = None, themes: bool = False, refers: str | None = None,
           **kw: Any) -> Any:
    """A contract column. ``bounds``: whole number range (the template's cell check); ``themes``: theme codes;
    ``refers``: the sheet whose ids it names (the template's drop-down lists them)."""
    extra: dict[str, Any] = {"en": en, "help": help}
    if choices:
        extra["choices"] = list(choices)
    if bounds:
        extra["bounds"] = list(bounds)
    if themes:
        extra["themes"] = True
    if refers:
        extra["refers"] = refers
    return Field(title=title, json_schema_extra=extra, **kw)


Code = Annotated[str, BeforeValidator(p.code)]
OptCode = Annotated[str | None, BeforeValidator(p.code)]
Text = Annotated[str | None, BeforeValidator(p.text)]
Name = Annotated[str, BeforeValidator(p.name)]
Url = Annotated[str | None, BeforeValidator(p.web_address)]
Territoire = Annotated[str, BeforeValidator(p.territory)]
Territoires = Annotated[list[str], BeforeValidator(p.territory_list)]
Codes = Annotated[list[str], BeforeValidator(p.split_list)]
Date = Annotated[dt.date | None, BeforeValidator(p.date)]
Odd = Annotated[list[int], BeforeValidator(p.integer_list(1, 17))]
# Organisations' legal identity (inventory.identifiers): checked as the registers define them.
Siren = Annotated[str | None, BeforeValidator(p.siren)]
Siret = Annotated[str | None, BeforeValidator(p.siret)]
Rna = Annotated[str | None, BeforeValidator(p.rna)]
SIREN_HELP = "Numéro SIREN, 9 chiffres (facultatif)"
RNA_HELP = "Numéro RNA d'une association, W suivi de 9 chiffres (facultatif)"


class Row(BaseModel):
    """A spreadsheet row of one sheet."""

    model_config = ConfigDict(frozen=True, extra="ignore")
    sheet: ClassVar[str]
    sheet_en: ClassVar[str]
    key: ClassVar[str | None] = None  # the column that must be unique, if any
    # the columns that name a row without its key (a blank optional id, a sheet with none): an import's preview
    # matches such rows across snapshots on them
    natural_key: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def column_label(cls, name: str) -> str:
        """A column as messages name it: its French label, with its English alias in English (« Intensité
        [intensity] »): the contract's names stay French in both languages."""
        info = cls.model_fields[name]
        en = (info.json_schema_extra or {}).get("en")
        return f"{info.title} [{en}]" if T.CONTRACT_ALIAS_SHOWN and en and en != name else str(info.title)

    @classmethod
    def column_help(cls, name: str) -> str:
        """What a column expects, in the run's language (the French help is the model's own)."""
        info = cls.model_fields[name]
        return T.CONTRACT_HELP.get(f"{cls.sheet}.{name}") or (info.json_schema_extra or {}).get("help", "")

    @classmethod
    def columns(cls) -> dict[str, dict[str, Any]]:
        """Field name → {title, en, help, choices, required, is_list}, in contract order."""
        out = {}
        for name, info in cls.model_fields.items():
            extra = info.json_schema_extra or {}
            out[name] = {
                "title": info.title,
                "en": extra.get("en"),
                "help": extra.get("help", ""),
                "choices": extra.get("choices"),
                "required": info.is_required(),
                "is_list": "list[" in str(info.annotation),
                "bounds": extra.get("bounds"),
                "themes": bool(extra.get("themes")),
                "refers": extra.get("refers"),
            }
        return out


class Investisseur(Row):
    sheet: ClassVar[str] = "investisseurs"
    sheet_en: ClassVar[str] = "investors"
    key: ClassVar[str | None] = "id"

    id: Code = column("Identifiant", "id", help="Code court et unique, ex. FDN1")
    nom: Name = column("Nom", "name", help="Nom de l'investisseur")
    type: Annotated[str, BeforeValidator(p.choice(INVESTOR_TYPES))] = column(
        "Type", "type", help="institution, fondation ou entreprise", choices=INVESTOR_TYPES
    )
    site_web: Url = column("Site web", "website", help="Adresse du site (facultatif)", default=None)
    siren: Siren = column("SIREN", "siren", help=SIREN_HELP, default=None)
    rna: Rna = column("RNA", "rna", help=RNA_HELP, default=None)
    contact: Annotated[str | None, BeforeValidator(p.email)] = column(
        "Contact", "contact", help="Adresse e-mail où envoyer le suivi des signaux, ex. suivi@exemple.org (facultatif)",
        default=None)


class Programme(Row):
    sheet: ClassVar[str] = "programmes"
    sheet_en: ClassVar[str] = "programmes"
    key: ClassVar[str | None] = "id"

    id: Code = column("Identifiant", "id", help="Code court et unique, ex. P001")
    nom: Name = column("Nom", "name", help="Nom du programme")
    investisseurs: Annotated[list[str], BeforeValidator(p.distinct_list), Field(min_length=1)] = column(
        "Investisseurs", "investors",
        help="Identifiants des investisseurs, séparés par ; (au moins un) ; un investisseur cité deux fois "
             "dans la même cellule est compté une fois, et le rapport d'import le signale (avertissement)",
    )
    phase: Annotated[str, BeforeValidator(p.choice(PHASES))] = column(
        "Phase", "phase", help="urgence, relance ou structurel", choices=PHASES
    )
    nature: Annotated[list[str], BeforeValidator(p.choice_list(SUPPORT_TYPES))] = column(
        "Nature du soutien", "support_type", help="Types de soutien, séparés par ;", choices=SUPPORT_TYPES,
        default_factory=list,
    )
    thematiques: Annotated[list[str], BeforeValidator(p.split_list), Field(min_length=1)] = column(
        "Thématiques", "themes", help="Codes des thématiques couvertes, séparés par ;", themes=True
    )
    territoires: Annotated[list[str], BeforeValidator(p.territory_list), Field(min_length=1)] = column(
        "Territoires", "territories", help="FR, régions ou départements, séparés par ;"
    )
    publics: Annotated[list[str], BeforeValidator(p.choice_list(AUDIENCES))] = column(
        "Publics", "audiences", help="Publics visés, séparés par ; (vide : tous)", choices=AUDIENCES,
        default_factory=list,
    )
    budget_eur: Annotated[float | None, BeforeValidator(p.non_negative)] = column(
        "Budget (€)", "budget_eur", help="Montant en euros (facultatif)", default=None
    )
    date_debut: Date = column("Date de début", "start", help="JJ/MM/AAAA (facultatif : ouvert)", default=None)
    date_fin: Date = column("Date de fin", "end", help="JJ/MM/AAAA (facultatif : ouvert)", default=None)
    odd: Odd = column("ODD", "sdg", help="Numéros des ODD (1 à 17), séparés par ;", default_factory=list)
    url: Url = column("Lien", "url", help="Page du programme (facultatif)", default=None)
    description: Text = column("Description", "description", help="Texte libre (facultatif)", default=None)
    operateurs: Annotated[list[str], BeforeValidator(p.distinct_list)] = column(
        "Opérateurs", "operators", help="Identifiants des opérateurs qui le mettent en œuvre, séparés par ; "
                                        "(facultatif)", default_factory=list, refers="operateurs",
    )
    # an open call's last day to apply (aides-territoires' submission_deadline): shown and exported, never the end
    # of the programme, which keeps funding (and stays in the coverage) after its call closes
    date_limite_candidature: Date = column(
        "Date limite de candidature", "application_deadline",
        help="Dernier jour pour candidater, JJ/MM/AAAA (facultatif) ; ce n'est pas la fin du programme", default=None,
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> "Programme":
        if self.date_debut and self.date_fin and self.date_fin < self.date_debut:
            raise ValueError(
                T.ERR_END_BEFORE_START.format(fin=p.show(self.date_fin), debut=p.show(self.date_debut))
            )
        return self


class Besoin(Row):
    sheet: ClassVar[str] = "besoins"
    sheet_en: ClassVar[str] = "needs"
    key: ClassVar[str | None] = "id"
    natural_key: ClassVar[tuple[str, ...]] = ("territoire", "source", "thematique", "public", "secteur")

    territoire: Territoire = column("Territoire", "territory", help="FR, région ou département (nom ou code)")
    source: Annotated[str, BeforeValidator(p.choice(SOURCES))] = column(
        "Source", "source", help="terrain ou ingenierie", choices=SOURCES
    )
    thematique: Code = column("Thématique", "theme", help="Code de la thématique", themes=True)
    intensite: Annotated[int, BeforeValidator(p.integer(1, 5))] = column(
        "Intensité", "intensity", help="De 1 (faible) à 5 (critique)", bounds=(1, 5)
    )
    nb_acteurs: Annotated[int, BeforeValidator(p.integer(1))] = column(
        "Nombre d'acteurs", "actors", help="Combien d'acteurs ont exprimé ce besoin (défaut : 1)", default=1,
        bounds=(1, None),
    )
    public: Annotated[str | None, BeforeValidator(p.choice(AUDIENCES))] = column(
        "Public", "audience", help="Type d'acteur (facultatif)", choices=AUDIENCES, default=None
    )
    secteur: Text = column("Secteur", "sector", help="Secteur d'activité, texte libre (facultatif)", default=None)
    date: Date = column("Date", "date", help="Date du signalement (facultatif)", default=None)
    description: Text = column("Description", "description", help="Texte libre (facultatif)", default=None)
    odd: Odd = column("ODD", "sdg", help="Numéros des ODD (1 à 17), séparés par ;", default_factory=list)
    id: OptCode = column("Identifiant", "id", help="Identifiant unique (facultatif)", default=None)


class Thematique(Row):
    sheet: ClassVar[str] = "thematiques"
    sheet_en: ClassVar[str] = "themes"
    key: ClassVar[str | None] = "code"

    code: Code = column("Code", "code", help="Code court, ex. mobilite")
    libelle: Name = column("Libellé", "label", help="Libellé affiché")


# --- follow-through: commitments and results (docs/contract.md) --------------------------------------------
# statut: what became of a commitment; typed with or without accents, any case (the labels match too)
STATUTS = Labels("STATUS_LABELS")  # envisage, engage, realise, abandonne; labels in the run's language
OPEN_STATUTS = ("envisage", "engage")  # a commitment still to honour: reaches cells, can be late


class Engagement(Row):
    """What investors decided to do together, usually noted in a dialogue session."""

    sheet: ClassVar[str] = "engagements"
    sheet_en: ClassVar[str] = "commitments"
    key: ClassVar[str | None] = "id"
    natural_key: ClassVar[tuple[str, ...]] = ("investisseurs", "thematiques", "territoires")

    id: OptCode = column("Identifiant", "id", help="Identifiant unique (facultatif), ex. E01", default=None)
    investisseurs: Annotated[list[str], BeforeValidator(p.distinct_list), Field(min_length=1)] = column(
        "Investisseurs", "investors", help="Identifiants des investisseurs engagés, séparés par ; (au moins un ; "
                                           "un investisseur cité deux fois est compté une fois)",
        refers="investisseurs",
    )
    thematiques: Annotated[list[str], BeforeValidator(p.split_list), Field(min_length=1)] = column(
        "Thématiques", "themes", help="Codes des thématiques visées, séparés par ;", themes=True
    )
    territoires: Annotated[list[str], BeforeValidator(p.territory_list), Field(min_length=1)] = column(
        "Territoires", "territories", help="FR, régions ou départements visés, séparés par ;"
    )
    statut: Annotated[str, BeforeValidator(p.choice(STATUTS))] = column(
        "Statut", "status", help="envisage, engage, realise ou abandonne (avec ou sans accents)", choices=STATUTS
    )
    montant_eur: Annotated[float | None, BeforeValidator(p.non_negative)] = column(
        "Montant (€)", "amount_eur", help="Montant engagé en euros (facultatif)", default=None
    )
    date: Date = column("Date", "date", help="Date de la décision, JJ/MM/AAAA (défaut : date de l'inventaire)",
                        default=None)
    echeance: Date = column("Échéance", "due", help="Date à laquelle ce doit être fait (facultatif)", default=None)
    programme: OptCode = column("Programme", "programme",
                                help="Identifiant du programme qui le met en œuvre, une fois au catalogue (facultatif)",
                                default=None, refers="programmes")
    session: Text = column("Séance", "session", help="Séance où il a été décidé, ex. Séance du 30/06 (facultatif)",
                           default=None)
    description: Text = column("Description", "description", help="Texte libre (facultatif)", default=None)

    @model_validator(mode="after")
    def _due_after_date(self) -> "Engagement":
        if self.date and self.echeance and self.echeance < self.date:
            raise ValueError(T.ERR_DUE_BEFORE_DATE.format(echeance=p.show(self.echeance), date=p.show(self.date)))
        return self


class Realisation(Row):
    """What a programme reached, as declared by those who run it (trust, not audit)."""

    sheet: ClassVar[str] = "realisations"
    sheet_en: ClassVar[str] = "results"
    natural_key: ClassVar[tuple[str, ...]] = ("programme", "territoire", "thematique", "date")

    programme: Code = column("Programme", "programme", help="Identifiant du programme", refers="programmes")
    territoire: Territoire = column("Territoire", "territory", help="FR, région ou département (nom ou code)")
    thematique: Code = column("Thématique", "theme", help="Code d'une des thématiques du programme", themes=True)
    beneficiaires: Annotated[int, BeforeValidator(p.integer(0))] = column(
        "Bénéficiaires", "beneficiaries", help="Nombre d'acteurs atteints (déclaré)", bounds=(0, None)
    )
    montant_verse_eur: Annotated[float | None, BeforeValidator(p.non_negative)] = column(
        "Montant versé (€)", "disbursed_eur", help="Montant versé en euros (facultatif, déclaré)", default=None
    )
    date: Date = column("Date", "date", help="Fin de la période rapportée, JJ/MM/AAAA (facultatif)", default=None)
    odd: Odd = column("ODD", "sdg", help="Numéros des ODD (1 à 17), séparés par ;", default_factory=list)
    indicateur: Text = column("Indicateur", "indicator", help="Indicateur propre au programme (facultatif)",
                              default=None)
    valeur: Annotated[float | None, BeforeValidator(p.number)] = column(
        "Valeur", "value", help="Valeur de l'indicateur (facultatif)", default=None
    )
    commentaire: Text = column("Commentaire", "comment", help="Texte libre (facultatif)", default=None)


# --- the support ecosystem: the structures that deliver programmes ------------------------------------------
OPERATOR_TYPES = Labels("OPERATOR_TYPE_LABELS")  # reseau_national, structure_territoriale, association…


class Operateur(Row):
    """A structure that delivers support (a national network, a territorial structure, an association…)."""

    sheet: ClassVar[str] = "operateurs"
    sheet_en: ClassVar[str] = "operators"
    key: ClassVar[str | None] = "id"

    id: Code = column("Identifiant", "id", help="Code court et unique, ex. OP1")
    nom: Code = column("Nom", "name", help="Nom de l'opérateur")
    type: Annotated[str, BeforeValidator(p.choice(OPERATOR_TYPES))] = column(
        "Type", "type", help="reseau_national, structure_territoriale, association, entreprise, collectivite ou "
                             "autre", choices=OPERATOR_TYPES,
    )
    siren: Siren = column("SIREN", "siren", help=SIREN_HELP, default=None)
    siret: Siret = column("SIRET", "siret", help="Numéro SIRET de l'établissement, 14 chiffres (facultatif)",
                          default=None)
    rna: Rna = column("RNA", "rna", help=RNA_HELP, default=None)
    territoires: Territoires = column("Territoires", "territories",
                                      help="Où il est présent : FR, régions ou départements, séparés par ;",
                                      default_factory=list)
    site_web: Url = column("Site web", "website", help="Adresse du site (facultatif)", default=None)
# How a field is stored, read off its annotation: the one home of the DuckDB column type (the store's tables) and of
# the Arrow type checking hands to the store. A new column declared in a model needs nothing else.
_STORAGE: dict[Any, tuple[str, pa.DataType]] = {
    str: ("VARCHAR", pa.string()), int: ("INTEGER", pa.int32()), float: ("DOUBLE", pa.float64()),
    dt.date: ("DATE", pa.date32()), bool: ("BOOLEAN", pa.bool_()),
}


def storage(annotation: Any) -> tuple[str, pa.DataType]:
    """(DuckDB type, Arrow type) of a field: str → VARCHAR, list[int] → INTEGER[] / list<int32>, date | None → DATE…"""
    if typing.get_origin(annotation) is list:
        sql, arrow = storage(typing.get_args(annotation)[0])
        return sql + "[]", pa.list_(arrow)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return _STORAGE[args[0] if args else annotation]


SHEETS: dict[str, type[Row]] = {m.sheet: m for m in (Investisseur, Programme, Besoin, Thematique, Engagement,
                                                     Realisation, Operateur)}
OPTIONAL_SHEETS = ("thematiques", "engagements", "realisations", "operateurs")  # may be left out of a first upload
IDENTIFIERS = ("siren", "siret", "rna")  # one of them on two rows is an error (intake.cross_references)


class Issue(BaseModel):
    """One problem found in an upload, located as the user sees it."""

    sheet: str
    row: int | None = None  # spreadsheet row number, header = 1
    column: str | None = None
    value: str | None = None
    message: str
    kind: str = "valeur"  # groups issues in the report: valeur, reference, doublon, fichier, colonne


# What wrote a snapshot: an upload (or the demo), a commitment noted in a séance, one retired, one's status changed.
SNAPSHOT_KINDS = ("import", "note", "undo", "status")


class Snapshot(BaseModel):
    id: int
    label: str
    as_of: dt.date
    created_at: dt.datetime
    created_by: str | None = None
    files: str | None = None
    sha256: str | None = None
    active: bool = False
    demo: bool = False
    counts: dict[str, int] = Field(default_factory=dict)
    kind: str = "import"  # one of SNAPSHOT_KINDS
    seance: str | None = None  # the dialogue session a note, an undo or a status change belongs to

    @property
    def title(self) -> str:
        """The label as the run's reader reads it: one the tool wrote, in their language; one typed, as typed."""
        return snapshot_labels.shown(self.label)


class ImportResult(BaseModel):
    """What the command line prints with --json and what the import page shows."""

    ok: bool
    snapshot_id: int | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    carried_over: list[str] = Field(default_factory=list)
    errors: list[Issue] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    set_aside: list[dict[str, Any]] = Field(default_factory=list)  # catalogue rows not placed: sheet, row, value, message
    # organisations sharing an identifier (an error) or a folded name (« doublon probable »):
    # {"kind": "identifiant"|"nom", "column", "value", "rows": [{"sheet", "row", "id", "nom"}]}
    duplicates: list[dict[str, Any]] = Field(default_factory=list)
