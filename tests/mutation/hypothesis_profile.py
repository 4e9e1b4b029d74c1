"""A pytest plugin for mutation runs: Hypothesis derandomised, without its example database and
deadline, so every run of `make mutation` tries the same examples and a slow mutant is no failure."""

from hypothesis import settings

settings.register_profile("mutation", derandomize=True, database=None, deadline=None, print_blob=False)
settings.load_profile("mutation")
