"""The import page shows the organisations' problems as the importer finds them (issue 25): one error per bad
identifier, one naming the two rows that share an RNA, one « doublon probable » warning."""
from __future__ import annotations

from inventory import texts as T
from tests.app.test_page_importer import R, logged_in, upload
from tests.builders import write_xlsx
from tests.test_organisations_intake import RNA, workbook_of_the_issue


def test_bad_identifiers_a_shared_rna_and_a_probable_duplicate_on_the_page(store, tmp_path, monkeypatch):
    data = write_xlsx(tmp_path / "inventaire.xlsx", workbook_of_the_issue()).read_bytes()
    at = upload(logged_in(store.path, monkeypatch), ("inventaire.xlsx", data))
    assert [e.value for e in at.error] == [T.plural(T.IMP_REJECTED, n=2).format(n=2)]
    assert [e.label for e in at.expander] == ["Valeurs non conformes : 1", "Identifiants en double : 1"]
    occurrences = [d.value for d in at.dataframe if list(getattr(d.value, "columns", [])) == list(R.values())]
    located = sorted((row[R["sheet"]], row[R["row"]], row[R["column"]], row[R["value"]])
                     for frame in occurrences for row in frame.to_dict("records"))
    assert located == [("investisseurs", 2, "siren", "123456789"), ("operateurs", 4, "rna", RNA)]
    probable = [w.value.replace("\\", "") for w in at.warning if "Doublon probable" in w.value]  # markdown-escaped
    assert len(probable) == 1 and "Fondation  Horizon-Commun" in probable[0] and "ligne 4" in probable[0]
    assert store.snapshots() == []
