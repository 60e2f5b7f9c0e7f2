"""Subcommands of `xxgk`, one module each; every module here is loaded by `xxgk.cli.main`."""
