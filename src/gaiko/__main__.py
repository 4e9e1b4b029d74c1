"""`python -m gaiko …` runs the `gaiko` command."""

from gaiko.cli import main

if __name__ == "__main__":
    main()
