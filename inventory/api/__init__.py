"""The read-only JSON API for members' tools (Power Query, notebooks): ``python -m inventory api``.

``app.py`` is the web part (Starlette under uvicorn); ``tokens.py`` the read tokens. The rows come from
``inventory.outputs.listings``, the same functions the command line's ``--json`` prints."""
