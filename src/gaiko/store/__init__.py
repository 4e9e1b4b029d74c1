"""The SQLite store: built from data/ in one go, then opened read-only. The only SQL in gaiko.

`gaiko.store.build.build` writes the file; `gaiko.store.read.Store` reads it. This package
imports neither, so that reading never loads the data-file validators.
"""
