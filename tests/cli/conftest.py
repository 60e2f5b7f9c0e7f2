import pytest
from typer.testing import CliRunner

from xxgk.cli.app import app


@pytest.fixture(scope="session")
def xxgk():
    """Run `xxgk ARGS…` in-process; returns the click Result (exit_code, stdout, stderr). Each
    command's module is imported when the command first runs, as `xxgk` does."""
    runner = CliRunner()
    from xxgk.cli import output

    # The width of piped output without COLUMNS, which the tests are written for, whatever the
    # COLUMNS of the shell or of pytest-xdist's workers (80) would make it.
    for console in (output.out, output.err):
        console.width = 200

    def run(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run
