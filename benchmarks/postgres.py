"""A throwaway PostgreSQL server, started from Python: what `.ci/run` does in shell, for the
benchmarks and for tests that need PostgreSQL on a machine where it is installed but not running.

The server gets its own data directory (a temporary one unless given), a free port on
127.0.0.1, and one role, ``xxgk``, trusted without a password; it is stopped, and a temporary
directory removed, when the `running` block ends. initdb refuses to run as root: as root, the
server runs as the ``postgres`` user (created if missing).

    with running() as server:
        os.environ["DATABASE_URL"] = server.url

From a shell, around one command (the server is stopped when the command ends, and its exit
status is the command's)::

    uv run python -m benchmarks.postgres -- uv run pytest tests/applications/test_numbering.py
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROLE = "xxgk"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed, or its server would not start; the message says why."""


def pg_bin() -> Path | None:
    """The folder of initdb, pg_ctl and postgres: from PATH, else the newest of
    /usr/lib/postgresql/*/bin (Debian's layout, which keeps them off PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in p.parent.name.split(".")],
    )
    return versions[-1] if versions else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _run(args: Sequence[str | Path]) -> None:
    """Run a PostgreSQL program (as the postgres user when we are root); its output goes into
    the exception when it fails."""
    command = [str(a) for a in args]
    if _as_root():
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise PostgresUnavailable(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


@dataclass
class Server:
    """A running server: `url` is its DATABASE_URL (the ``postgres`` database)."""

    bin: Path
    directory: Path  # data/ (the cluster), server.log and the socket live here
    port: int
    temporary: bool  # remove `directory` when stopped

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, database: str) -> str:
        return f"postgres://{ROLE}@127.0.0.1:{self.port}/{database}"

    @property
    def version(self) -> str:
        done = subprocess.run(  # noqa: S603 - the server's own binary
            [str(self.bin / "postgres"), "--version"], capture_output=True, text=True, check=False
        )
        found = re.search(r"\d+(\.\d+)*", done.stdout)  # "postgres (PostgreSQL) 15.18 (…)"
        return found.group() if found else "?"

    @property
    def log(self) -> Path:
        return self.directory / "server.log"

    def stop(self) -> None:
        """Stop the server (fast shutdown); remove its directory if it was temporary."""
        with contextlib.suppress(PostgresUnavailable):
            _run([self.bin / "pg_ctl", "-D", self.directory / "data", "-m", "fast", "stop"])
        if self.temporary:
            shutil.rmtree(self.directory, ignore_errors=True)


def start(directory: Path | None = None, *, settings: Mapping[str, str] | None = None) -> Server:
    """Start a server. With `directory`, its cluster is kept there and reused on the next start;
    without, a temporary directory is made (and removed by `Server.stop`).

    `settings` are server settings for this run (``{"fsync": "off"}``), passed as ``-c``.
    """
    bin_dir = pg_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        raise PostgresUnavailable(
            "没有找到 PostgreSQL（initdb）：请安装 postgresql，或设置 DATABASE_URL 指向已有服务器。"
        )
    temporary = directory is None
    # absolute: the server runs in its data directory, and -k names the socket's folder
    folder = Path(tempfile.mkdtemp(prefix="xxgk-pg.")) if directory is None else directory.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    if _as_root():
        _ensure_postgres_user()
        shutil.chown(folder, "postgres")
    try:
        if not (folder / "data" / "PG_VERSION").exists():
            _run(
                [
                    *(bin_dir / "initdb", "-D", folder / "data", "-U", ROLE),
                    *("--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"),
                ]
            )
        port = free_port()
        options = [f"-p {port}", "-c listen_addresses=127.0.0.1", f"-k {folder}"]
        options += [f"-c {k}={v}" for k, v in (settings or {}).items()]
        try:
            _run(
                [
                    *(bin_dir / "pg_ctl", "-D", folder / "data", "-l", folder / "server.log"),
                    *("-w", "-o", " ".join(options), "start"),
                ]
            )
        except PostgresUnavailable as exc:
            log = folder / "server.log"
            tail = log.read_text(errors="replace").splitlines()[-5:] if log.exists() else []
            raise PostgresUnavailable("\n".join([str(exc), *tail])) from None
    except PostgresUnavailable:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return Server(bin_dir, folder, port, temporary)


def _ensure_postgres_user() -> None:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "postgres"],  # noqa: S607
            check=True,
            capture_output=True,
        )


@contextlib.contextmanager
def running(
    directory: Path | None = None, *, settings: Mapping[str, str] | None = None
) -> Iterator[Server]:
    """A server for the length of the block (see `start`); stopped however the block ends."""
    server = start(directory, settings=settings)
    try:
        yield server
    finally:
        server.stop()


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@contextlib.contextmanager
def bench_database(
    name: str, *, keep: bool, keep_dir: Path, marker: dict[str, object]
) -> Iterator[tuple[str, bool]]:
    """A benchmark's own database `name`: its URL, and whether it already holds the data
    `marker` describes (only with `keep`, which keeps it, and a throwaway server's cluster in
    `keep_dir`, for the next run). On the server of DATABASE_URL, else on a throwaway one."""
    import json

    import psycopg

    server = None
    base = os.environ.get("DATABASE_URL")
    if base is not None and not base.startswith(("postgres://", "postgresql://")):
        raise SystemExit(f"DATABASE_URL 须为 PostgreSQL（postgres://…）：{base.split(':')[0]}")
    if base is None:
        server = start(keep_dir / "postgres" if keep else None)
        base = server.url
    made = False
    try:
        with psycopg.connect(base, autocommit=True) as admin:
            found = admin.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                (name,),
            ).fetchone()
            reuse = keep and found is not None and found[0] == json.dumps(marker)
            if not reuse:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                admin.execute(f"CREATE DATABASE {name}")
            made = True
        yield _with_database(base, name), reuse
        if keep:
            with psycopg.connect(base, autocommit=True) as admin:
                comment = json.dumps(marker).replace("'", "''")
                admin.execute(f"COMMENT ON DATABASE {name} IS '{comment}'")
    finally:
        from django.db import connections

        connections.close_all()
        if made and not keep:
            with psycopg.connect(base, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if server is not None:
            server.stop()


def server_line() -> str:
    """The PostgreSQL server Django is connected to, and the settings that matter for speed."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('server_version'), current_setting('shared_buffers'),"
            " current_setting('work_mem')"
        )
        version, buffers, work_mem = cursor.fetchone()
    return f"PostgreSQL {version.split()[0]} (shared_buffers {buffers}, work_mem {work_mem})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Start a throwaway PostgreSQL server and run COMMAND with DATABASE_URL set "
        "(without COMMAND: print DATABASE_URL and wait for Ctrl-C)."
    )
    parser.add_argument("--dir", type=Path, help="keep the cluster here (reused next time)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARGS...]")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    # `kill` as well as Ctrl-C stops the server: SystemExit runs the `finally` of `running`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    with running(args.dir) as server:
        print(
            f"PostgreSQL {server.version} at 127.0.0.1:{server.port} ({server.directory})\n"
            f"DATABASE_URL={server.url}",
            file=sys.stderr,
        )
        if not command:
            with contextlib.suppress(KeyboardInterrupt):
                signal.pause()
            return 0
        env = {**os.environ, "DATABASE_URL": server.url}
        return subprocess.run(command, env=env, check=False).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
