"""The generated `postconf` commands must give the same configuration as the snippets.

Users either paste the snippets or run the commands. Both are applied to copies of Debian's stock
files of the case's Postfix version (in that version's root, with its own `postconf`): the snippets merged as a user would (a generated name replaces the stock line, generated
services replace stock services of the same name and type), the commands run with `-c COPY`
inserted. Then `postconf -n`, `postconf -M` and `postconf -P` of both copies must agree.
"""

import json
import os
import shlex
import shutil
import subprocess

import instance
import probes
import stock

TIMEOUT = 30


def _postconf(postfix, directory, *args):
    result = postfix.run(["postconf", "-c", postfix.inner(directory), *args], timeout=TIMEOUT)
    lines = [line for line in result.stdout.splitlines()
             if not line.startswith("config_directory =")]
    return sorted(" ".join(line.split()) for line in lines), result.stderr.strip()


def merged(directory, main_snippet, master_snippet, series):
    """Writes the stock files of a Postfix series + snippets into directory as a user pasting
    them would."""
    with open(os.path.join(stock.folder(series), "main.cf"), encoding="utf-8") as f:
        stock_main = instance.parse_main(f.read())
    merged = dict(stock_main)
    order = [name for name, _ in stock_main]
    for name, value in instance.parse_main(main_snippet):
        if name not in merged:
            order.append(name)
        merged[name] = value
    with open(os.path.join(directory, "main.cf"), "w", encoding="utf-8") as f:
        f.writelines(f"{name} = {merged[name]}\n" for name in order)
    with open(os.path.join(stock.folder(series), "master.cf"), encoding="utf-8") as f:
        stock_master = instance.parse_master(f.read())
    generated = instance.parse_master(master_snippet)
    keys = {instance.service_key(e) for e in generated}
    entries = [e for e in stock_master if instance.service_key(e) not in keys] + generated
    with open(os.path.join(directory, "master.cf"), "w", encoding="utf-8") as f:
        f.writelines("\n".join(e) + "\n" for e in entries)


def _apply(postfix, directory, commands):
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
        result = postfix.run(["postconf", "-c", postfix.inner(directory), *args[1:]],
                             timeout=TIMEOUT)
        if result.returncode != 0 or result.stderr.strip():
            problems.append(f"`{line}`: exit {result.returncode} {result.stderr.strip()}")
    return problems


def equivalence(postfix, main_snippet, master_snippet, commands):
    name = "postconf commands give the same config as the snippets"
    work = postfix.tempdir(prefix="postconf-commands-")
    try:
        pasted, applied = os.path.join(work, "pasted"), os.path.join(work, "applied")
        os.makedirs(pasted)
        shutil.copytree(stock.folder(postfix.series), applied)
        merged(pasted, main_snippet, master_snippet, postfix.series)
        problems = _apply(postfix, applied, commands)
        for args in (("-n",), ("-M",), ("-P",)):
            left, _ = _postconf(postfix, pasted, *args)
            right, _ = _postconf(postfix, applied, *args)
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


def merge_with(postfix, generator, options_path, role):
    """`postfix-tls generate --merge-with` on Debian's stock main.cf and master.cf of the
    case's Postfix version, read by that version's own `postconf`: Postfix
    must read the merged pair without a word on stderr (no "overriding earlier entry", no
    unused parameter), it must be the configuration the snippets describe, and our linter
    must find nothing about the merge itself."""
    name = "--merge-with gives stock files Postfix reads without a warning"
    work = postfix.tempdir(prefix="merge-with-")
    os.chmod(work, 0o755)
    try:
        problems = []
        merged_dir = os.path.join(work, "merged")
        os.makedirs(merged_dir)
        for file in ("main.cf", "master.cf"):
            result = subprocess.run(
                [generator, "generate", "--options", options_path, "--merge-with",
                 os.path.join(stock.folder(postfix.series), file)],
                capture_output=True, text=True, timeout=TIMEOUT)
            if result.returncode not in (0, 1):
                return probes.Check(name, False, f"--merge-with {file}: exit "
                                    f"{result.returncode} {result.stderr.strip()[:300]}")
            with open(os.path.join(merged_dir, file), "w", encoding="utf-8") as f:
                f.write(result.stdout)
        for args in (("-n",), ("-M",)):
            _, stderr = _postconf(postfix, merged_dir, *args)
            if stderr:
                problems.append(f"postconf {args[0]}: {stderr[:300]}")
        generated = subprocess.run([generator, "generate", "--options", options_path,
                                    "--format", "json"], capture_output=True, text=True,
                                   timeout=TIMEOUT)
        output = json.loads(generated.stdout)
        pasted = os.path.join(work, "pasted")
        os.makedirs(pasted)
        merged(pasted, output["main_cf"], output["master_cf"], postfix.series)
        for args in (("-n",), ("-M",), ("-P",)):
            # A parameter the snippet clears (`smtpd_tls_cert_file =`, its default) is
            # removed by --merge-with: the same configuration, one `postconf -n` line fewer.
            # (The pasted copy above drops every empty value alike, so both sides do.)
            left = [line for line in _postconf(postfix, pasted, *args)[0]
                    if not line.endswith(" =")]
            right = [line for line in _postconf(postfix, merged_dir, *args)[0]
                     if not line.endswith(" =")]
            if set(left) != set(right):
                problems.append(f"postconf {args[0]}: snippets only "
                                f"{sorted(set(left) - set(right))[:3]}, --merge-with only "
                                f"{sorted(set(right) - set(left))[:3]}")
        lint = subprocess.run(
            [generator, "lint", "--postfix-version", postfix.series, "--role", role,
             "--format", "json",
             os.path.join(merged_dir, "main.cf"), os.path.join(merged_dir, "master.cf")],
            capture_output=True, text=True, timeout=TIMEOUT)
        about_merge = [f"{d['id']}: {d['message']}" for d in json.loads(lint.stdout)
                       if d.get("severity") == "error" or d.get("id") in MERGE_FINDINGS]
        if about_merge:
            problems.append(f"lint: {about_merge[:3]}")
        return probes.Check(name, not problems, "; ".join(problems)[:600])
    except (instance.SetupError, OSError, ValueError, subprocess.SubprocessError) as e:
        return probes.Check(name, False, f"{type(e).__name__}: {e}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


# What a merge can get wrong: a parameter twice, a name Postfix does not use.
MERGE_FINDINGS = ("duplicate_parameter", "unknown_parameter", "malformed_line",
                  "ignored_service_argument")

