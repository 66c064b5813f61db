"""`python -m flowlang` is the `flowlang` command."""

from flowlang.cli.main import main

if __name__ == "__main__":
    main()
