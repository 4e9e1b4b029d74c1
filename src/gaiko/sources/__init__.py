"""One importer per upstream dataset. Importers write data/; they never touch the store."""
