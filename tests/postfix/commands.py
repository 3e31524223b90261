"""The generated `postconf` commands must give the same configuration as the snippets.

Users either paste the snippets or run the commands. Both are applied to copies of Debian's stock
files: the snippets merged as a user would (a generated name replaces the stock line, generated
services replace stock services of the same name and type), the commands run with `-c COPY`
inserted. Then `postconf -n`, `postconf -M` and `postconf -P` of both copies must agree.
"""

import os
import shlex
import shutil
import subprocess
import tempfile

import instance
import probes

TIMEOUT = 30


def _postconf(directory, *args):
    result = subprocess.run(["postconf", "-c", directory, *args], capture_output=True,
                            text=True, timeout=TIMEOUT)
    lines = [line for line in result.stdout.splitlines()
             if not line.startswith("config_directory =")]
    return sorted(" ".join(line.split()) for line in lines), result.stderr.strip()


def merged(directory, main_snippet, master_snippet):
    """Writes stock + snippets into directory as a user pasting them would."""
    with open(os.path.join(instance.STOCK, "main.cf"), encoding="utf-8") as f:
        stock_main = instance.parse_main(f.read())
    merged = dict(stock_main)
    order = [name for name, _ in stock_main]
    for name, value in instance.parse_main(main_snippet):
        if name not in merged:
            order.append(name)
        merged[name] = value
    with open(os.path.join(directory, "main.cf"), "w", encoding="utf-8") as f:
        f.writelines(f"{name} = {merged[name]}\n" for name in order)
    with open(os.path.join(instance.STOCK, "master.cf"), encoding="utf-8") as f:
        stock_master = instance.parse_master(f.read())
    generated = instance.parse_master(master_snippet)
    keys = {instance.service_key(e) for e in generated}
    entries = [e for e in stock_master if instance.service_key(e) not in keys] + generated
    with open(os.path.join(directory, "master.cf"), "w", encoding="utf-8") as f:
        f.writelines("\n".join(e) + "\n" for e in entries)


def _apply(directory, commands):
    """Runs the generated commands against the copy; returns the problems."""
    problems = []
    for line in commands.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        args = shlex.split(line)
        if args and args[0] in ("postfix", "postmap"):
            # They act on the live system (check, reload, restart, build a table), not on
            # the configuration compared here.
            continue
        if not args or args[0] != "postconf":
            problems.append(f"unexpected command: {line}")
            continue
        result = subprocess.run(["postconf", "-c", directory, *args[1:]], capture_output=True,
                                text=True, timeout=TIMEOUT)
        if result.returncode != 0 or result.stderr.strip():
            problems.append(f"`{line}`: exit {result.returncode} {result.stderr.strip()}")
    return problems


def equivalence(main_snippet, master_snippet, commands):
    name = "postconf commands give the same config as the snippets"
    work = tempfile.mkdtemp(prefix="postconf-commands-")
    try:
        pasted, applied = os.path.join(work, "pasted"), os.path.join(work, "applied")
        os.makedirs(pasted)
        shutil.copytree(instance.STOCK, applied)
        merged(pasted, main_snippet, master_snippet)
        problems = _apply(applied, commands)
        for args in (("-n",), ("-M",), ("-P",)):
            left, _ = _postconf(pasted, *args)
            right, _ = _postconf(applied, *args)
            only_pasted = sorted(set(left) - set(right))
            only_applied = sorted(set(right) - set(left))
            if only_pasted or only_applied:
                problems.append(f"postconf {args[0]}: snippets only {only_pasted[:3]}, "
                                f"commands only {only_applied[:3]}")
        return probes.Check(name, not problems, "; ".join(problems)[:600])
    except (instance.SetupError, OSError, ValueError, subprocess.SubprocessError) as e:
        return probes.Check(name, False, f"{type(e).__name__}: {e}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
