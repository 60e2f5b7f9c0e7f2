import pytest
from typer.testing import CliRunner

from xxgk.cli.app import app


@pytest.fixture(scope="session")
def xxgk():
    """Run `xxgk ARGS…` in-process; returns the click Result (exit_code, stdout, stderr). Each
    command's module is imported when the command first runs, as `xxgk` does."""
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run
