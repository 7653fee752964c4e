"""``python -m dateline`` and the ``dateline`` command.

A plain ``timeline`` or ``events`` on a SQLite file is answered by
:mod:`dateline.fastpath` before the command line's own modules (typer, SQLAlchemy) are
imported: they are most of such a command's cost. Everything else is
:func:`dateline.cli.main`."""

import sys


def main() -> None:
    from dateline.fastpath import run

    code = run(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from dateline.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
