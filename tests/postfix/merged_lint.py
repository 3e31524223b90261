"""Our linter judged by real Postfix: on the configuration a user gets by pasting the snippets
into Debian's stock files of the case's Postfix version, `postfix-tls lint` must report no error when Postfix ran that
configuration cleanly. When Postfix did not, the linter's errors are reported as notes: they
show whether the linter would have caught what Postfix refused."""

import json
import os
import shutil
import subprocess
import tempfile

import commands

TIMEOUT = 30


def errors(generator, main_snippet, master_snippet, role, series):
    """The linter's error diagnostics as `id: message` strings; raises on a linter failure."""
    work = tempfile.mkdtemp(prefix="merged-lint-")
    try:
        commands.merged(work, main_snippet, master_snippet, series)
        result = subprocess.run(
            [generator, "lint", "--postfix-version", series, "--role", role,
             "--format", "json", os.path.join(work, "main.cf"), os.path.join(work, "master.cf")],
            capture_output=True, text=True, timeout=TIMEOUT)
        if result.returncode not in (0, 1):
            raise ValueError(f"postfix-tls lint exited {result.returncode}: {result.stderr}")
        return [f"{d['id']}: {d['message']}" for d in json.loads(result.stdout)
                if d.get("severity") == "error"]
    finally:
        shutil.rmtree(work, ignore_errors=True)

