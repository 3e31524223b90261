"""The distribution presets' stock files (src/stock) with the output merged in, read by the
Postfix of that distribution: Debian 12's is this machine's, Debian 11's and 13's run in the
bullseye and trixie roots of scripts/postfix-roots.sh (chroot, `postconf -c`, nothing
started). For each, `postconf -n` and `postconf -M` must print nothing on stderr, on the
stock pair alone (the control) and with `generate --merge-with` applied for a few choices;
and the snippet pasted below the stock main.cf (what an "Add to main.cf" hint gets) must draw
"overriding earlier entry", which shows the check can fail.
"""

import json
import os
import shutil
import subprocess
import tempfile

import probes

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROOTS = os.environ.get("POSTFIX_ROOTS", "/var/cache/postfix-tls/roots")
TIMEOUT = 60

# preset -> the root whose Postfix reads it (None: this machine's own)
DISTRIBUTIONS = {"debian11": "bullseye", "debian12": None, "debian13": "trixie"}

VARIANTS = [
    {"certificate": {"source": "lets-encrypt", "domain": "mail.example.test"}},
    {"certificate": {"source": "snakeoil", "layout": "cert-and-key"}, "sasl": "cyrus",
     "relayhost": {"enabled": True, "auth": True}, "outbound": "encrypt"},
    {"inbound": "none", "submissions": False, "harden_logjam": True},
]


def _postconf(root, directory, args):
    """stderr of postconf -c directory args, in the root (chroot) or on this machine."""
    if root:
        inside = "/" + os.path.relpath(directory, root)
        command = ["chroot", root, "postconf", "-c", inside, *args]
    else:
        command = ["postconf", "-c", directory, *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    return result.stderr.strip() or (f"exit {result.returncode}" if result.returncode else "")


def _quiet(root, directory):
    return "; ".join(e for e in (_postconf(root, directory, ["-n"]),
                                 _postconf(root, directory, ["-M"])) if e)


def _generate(generator, options, *args):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(options, f)
    try:
        result = subprocess.run([generator, "generate", "--options", f.name, *args],
                                capture_output=True, text=True, timeout=TIMEOUT)
    finally:
        os.unlink(f.name)
    if result.returncode not in (0, 1):
        raise ValueError(f"generate {args}: exit {result.returncode} {result.stderr[:200]}")
    return result.stdout


def checks(generator):
    out = []
    for preset, root_name in DISTRIBUTIONS.items():
        root = os.path.join(ROOTS, root_name) if root_name else None
        stock = os.path.join(REPO, "src", "stock", preset)
        label = f"{preset} stock"
        if root and not os.path.isfile(os.path.join(root, ".complete")):
            out.append(probes.Check(f"{label}: root {root_name}", False,
                                    "missing: run scripts/postfix-roots.sh"))
            continue
        work = tempfile.mkdtemp(prefix="stock-", dir=os.path.join(root, "tmp") if root else None)
        try:
            shutil.copy(os.path.join(stock, "main.cf"), work)
            shutil.copy(os.path.join(stock, "master.cf"), work)
            problem = _quiet(root, work)
            out.append(probes.Check(f"{label}: postconf reads it silently", not problem, problem))
            for i, variant in enumerate(VARIANTS, 1):
                options = dict(variant, preset=preset)
                options["postfix"], options["openssl"] = {
                    "debian11": ("3.5", "1.1.1"), "debian12": ("3.7", "3.0"),
                    "debian13": ("3.10", "3.5")}[preset]
                for file in ("main.cf", "master.cf"):
                    merged = _generate(generator, options, "--merge-with",
                                       os.path.join(stock, file))
                    with open(os.path.join(work, file), "w", encoding="utf-8") as f:
                        f.write(merged)
                problem = _quiet(root, work)
                out.append(probes.Check(f"{label} + --merge-with (choices {i}): no warning",
                                        not problem, problem[:400]))
            # The control the other way: pasted below the stock lines.
            shutil.copy(os.path.join(stock, "master.cf"), work)
            with open(os.path.join(stock, "main.cf"), encoding="utf-8") as f:
                pasted = f.read() + _generate(generator, dict(VARIANTS[0], preset=preset),
                                              "--format", "main")
            with open(os.path.join(work, "main.cf"), "w", encoding="utf-8") as f:
                f.write(pasted)
            problem = _postconf(root, work, ["-n"])
            out.append(probes.Check(f"{label} + snippet pasted below: Postfix warns",
                                    "overriding earlier entry" in problem, problem[:200]))
        except (OSError, ValueError, subprocess.SubprocessError) as e:
            out.append(probes.Check(label, False, f"{type(e).__name__}: {e}"))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return out
