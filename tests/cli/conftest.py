import pytest
from typer.testing import CliRunner

from xxgk.cli import load_commands


@pytest.fixture(scope="session")
def xxgk():
    """Run `xxgk ARGS…` in-process; returns the click Result (exit_code, stdout, stderr)."""
    app = load_commands()
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run
