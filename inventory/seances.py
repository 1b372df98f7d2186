"""Séances: which snapshots belong together, which one stands for them, and what a snapshot is compared with.

Every note, withdrawal or status change during a dialogue session writes a whole snapshot; to the people in the
room they are one séance. A séance is a run of consecutive non-import snapshots with the same ``seance``; it is
shown by its last state (the intermediate ones, undone or superseded, stay in the audit log and the store but
not in the picker nor in comparisons). An import is its own entry. A snapshot is compared with the entry before
the one it belongs to: the last import before the séance, or the previous séance.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from inventory import formats, snapshot_labels
from inventory import texts as T
from inventory.models import Snapshot


@dataclass
class Entry:
    """One line of the snapshot list: an import, or a séance shown by its last state (or the active one)."""

    shown: Snapshot
    members: list[Snapshot] = field(default_factory=list)

    @property
    def seance(self) -> str | None:
        return self.shown.seance if self.shown.kind != "import" else None

    @property
    def noted(self) -> int:
        """Commitments noted in the séance and still there (notes minus withdrawals)."""
        return (sum(s.kind == "note" for s in self.members) - sum(s.kind == "undo" for s in self.members))

    def holds(self, snapshot_id: int) -> bool:
        return any(s.id == snapshot_id for s in self.members)


def entries(snaps: list[Snapshot]) -> list[Entry]:
    """The snapshot list as people read it, oldest first: each import, each séance once."""
    out: list[Entry] = []
    for s in sorted(snaps, key=lambda s: s.id):
        last = out[-1] if out else None
        if (s.kind != "import" and last is not None and last.shown.kind != "import"
                and last.members[-1].seance == s.seance):
            last.members.append(s)
            last.shown = s
        else:
            out.append(Entry(shown=s, members=[s]))
    for e in out:  # an earlier state made active again (an old undo) is what the séance shows
        e.shown = next((s for s in e.members if s.active), e.shown)
    return out


def entry_of(snaps: list[Snapshot], snapshot_id: int) -> Entry | None:
    return next((e for e in entries(snaps) if e.holds(snapshot_id)), None)


def baseline(snaps: list[Snapshot], snapshot_id: int) -> Snapshot | None:
    """What ``snapshot_id`` is compared with: for a state of a séance, the entry the séance started from (the
    last import before it, or the previous séance); for an import, the entry just before it in time. None for
    the first."""
    listed = entries(snaps)
    for before, entry in zip([None, *listed], listed):
        if not entry.holds(snapshot_id):
            continue
        if entry.seance is not None:
            return before.shown if before is not None else None
        me = entry.shown
        earlier = [e.shown for e in listed if (e.shown.as_of, e.shown.id) < (me.as_of, me.id)]
        return max(earlier, key=lambda s: (s.as_of, s.id)) if earlier else None
    return None


def since(snaps: list[Snapshot], snapshot_id: int, *,
          shown: Callable[[str], str] = str) -> tuple[Snapshot | None, str]:
    """The baseline of ``snapshot_id`` and the sentence saying which it is (the home page, Évolution, the report);
    ``shown`` escapes what people typed (labels, séances) for where the sentence goes."""
    before = baseline(snaps, snapshot_id)
    if before is None:
        return None, T.HOME_NO_PREVIOUS
    entry = entry_of(snaps, snapshot_id)
    words = T.SEANCE_SINCE if entry is not None and entry.seance else T.HOME_CHANGES_SINCE
    return before, words.format(label=shown(before.title), as_of=formats.date(before.as_of),
                                seance=shown(snapshot_labels.shown(entry.seance)) if entry is not None else "")


def session_start(snaps: list[Snapshot], snapshot_id: int) -> Snapshot | None:
    """The state a séance started from, when ``snapshot_id`` is a state of a séance (None for an import)."""
    entry = entry_of(snaps, snapshot_id)
    if entry is None or entry.seance is None:
        return None
    return baseline(snaps, snapshot_id)
