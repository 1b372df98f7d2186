"""The numbers of the views, computed in SQL over the store's shared views and per-snapshot aggregates (their
definitions in words: texts.FORMULAS, listed on the Méthode page), one module per concern.

Every function takes the ``Store`` and a snapshot id and returns a small DataFrame (or dict) of exact numbers
(ratios unrounded: rounding is for display). The rules they share live once in the store's schema
(``inventory/store/schema.py``): ``active_programmes`` (active at the snapshot's date), ``programme_reach``
(which cells an active programme reaches, and whose need rows), ``territory_reach``, ``is_open``.
"""
from inventory.analysis import (base, catalogue, challenges, collective, coverage, evolution, followup, needs,
                                pathways, signals)

MODULES = (needs, coverage, catalogue, collective, challenges, pathways, followup, evolution, signals)

__all__ = ["MODULES", "base", "catalogue", "challenges", "collective", "coverage", "evolution", "followup", "needs",
           "pathways", "signals"]
