"""The real Postfix versions the suite runs: this machine's own (Debian 12, 3.7) and the Debian
roots that scripts/postfix-roots.sh builds (bullseye 3.5, trixie 3.10, sid 3.11).

A `Postfix` runs its commands in its root with chroot, and gives temporary folders inside that
root, as a path on this machine (to write files) and as the path Postfix sees. `mount()` binds
/proc, /dev and /dev/pts into the roots that start daemons, and `unmount_all()` unmounts them
once no other run of the suite still uses them."""

import contextlib
import fcntl
import os
import shutil
import subprocess
import tempfile
import threading
import time

ROOTS = os.environ.get("POSTFIX_ROOTS", "/var/cache/postfix-tls/roots")
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


class Unavailable(Exception):
    """A Postfix version the suite needs is not here; the message says how to get it."""


class Postfix:
    """One real Postfix: its series (`3.10`), the OpenSSL its distribution links (`3.5`), and
    the root it lives in (None: this machine)."""

    def __init__(self, series, openssl, suite):
        self.series = series
        self.openssl = openssl
        self.suite = suite
        self.root = None if suite is None else os.path.join(ROOTS, suite)

    def __repr__(self):
        return f"Postfix {self.series} ({self.suite or 'this machine'})"

    @property
    def base(self):
        """This Postfix's `/`, as a path on this machine."""
        return self.root or "/"

    def inner(self, path):
        """A path on this machine as this Postfix sees it."""
        if self.root is None:
            return path
        relative = os.path.relpath(path, self.root)
        if relative.startswith(".."):
            raise ValueError(f"{path} is outside {self.root}")
        return "/" + relative

    def outer(self, path):
        """A path as this Postfix sees it, as a path on this machine."""
        return path if self.root is None else os.path.join(self.root, path.lstrip("/"))

    def command(self, args):
        return list(args) if self.root is None else ["chroot", self.root, *args]

    def run(self, args, timeout=60, check=False, input_text=None):
        return subprocess.run(self.command(args), capture_output=True, text=True,
                              timeout=timeout, check=check, input=input_text)

    def tempdir(self, prefix="postfix-tls-"):
        """A new folder in this Postfix's /tmp (a path on this machine); remove it yourself."""
        folder = os.path.join(self.base, "tmp")
        return tempfile.mkdtemp(prefix=prefix, dir=folder)

    @contextlib.contextmanager
    def config_dir(self, main_cf="", master_cf=""):
        """A throw-away config folder with these two files; yields the path Postfix sees."""
        folder = self.tempdir()
        try:
            for name, text in (("main.cf", main_cf), ("master.cf", master_cf)):
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write(text)
            yield self.inner(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def ids(self, user):
        """(uid, gid) of a user as this Postfix's /etc/passwd has them."""
        with open(os.path.join(self.base, "etc", "passwd"), encoding="utf-8") as f:
            for line in f:
                fields = line.split(":")
                if fields[0] == user:
                    return int(fields[2]), int(fields[3])
        raise KeyError(f"{self}: no user {user}")

    def gid(self, group):
        with open(os.path.join(self.base, "etc", "group"), encoding="utf-8") as f:
            for line in f:
                fields = line.split(":")
                if fields[0] == group:
                    return int(fields[2])
        raise KeyError(f"{self}: no group {group}")

    def mail_version(self):
        done = self.run(["postconf", "-d", "-h", "mail_version"], timeout=30)
        return done.stdout.strip()

    def available(self):
        if self.root is None:
            return shutil.which("postconf") is not None
        return os.path.isfile(os.path.join(self.root, ".complete"))


# Oldest first. The OpenSSL is what each Debian release links (`openssl version` in the root).
ALL = [
    Postfix("3.5", "1.1.1", "bullseye"),
    Postfix("3.7", "3.0", None),
    Postfix("3.10", "3.5", "trixie"),
    Postfix("3.11", "3.6", "sid"),
]
BY_SERIES = {p.series: p for p in ALL}
HOST = BY_SERIES["3.7"]


def ensure():
    """Builds what is missing (scripts/postfix-roots.sh) and returns {series: mail_version}.
    Raises Unavailable with the builder's reason when a version cannot be had."""
    if not all(p.available() for p in ALL):
        done = subprocess.run(["sh", os.path.join(REPO, "scripts", "postfix-roots.sh")],
                              capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            raise Unavailable(done.stderr.strip() or done.stdout.strip())
    versions = {}
    for postfix in ALL:
        version = postfix.mail_version()
        if not version.startswith(postfix.series + "."):
            raise Unavailable(f"{postfix}: postconf says mail_version {version!r}")
        versions[postfix.series] = version
    return versions


_mount_lock = threading.Lock()
# root -> the open lock file that says this run uses the root's mounts
_users = {}
MOUNTS = ("/proc", "/dev", "/dev/pts")
LOCK_TIMEOUT = 30


def _is_mountpoint(path):
    return subprocess.run(["mountpoint", "-q", path], check=False, timeout=30).returncode == 0


def _flock(handle, mode):
    """flock with a bounded wait; False when it could not be had in time."""
    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)


def mount(postfix):
    """Binds /proc, /dev and /dev/pts into a root (once). Every run of the suite that uses the
    root holds a shared lock on `ROOT.users` until `unmount_all()`, so runs in other worktrees
    never lose the mounts under their instances: the last one out unmounts."""
    if postfix.root is None:
        return
    with _mount_lock:
        if postfix.root not in _users:
            handle = open(postfix.root + ".users", "w")
            if not _flock(handle, fcntl.LOCK_SH):
                handle.close()
                raise Unavailable(f"{postfix}: another run holds {postfix.root}.users")
            _users[postfix.root] = handle
        for source in MOUNTS:
            target = os.path.join(postfix.root, source.lstrip("/"))
            if _is_mountpoint(target):
                continue
            os.makedirs(target, exist_ok=True)
            subprocess.run(["mount", "--bind", source, target], check=True, timeout=30)


def unmount_all():
    """Unmounts, innermost first, the mounts of every root this run used, unless another run
    still uses that root (it holds the shared lock; it unmounts when it ends)."""
    with _mount_lock:
        for root, handle in list(_users.items()):
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            else:
                for source in reversed(MOUNTS):
                    target = os.path.join(root, source.lstrip("/"))
                    if _is_mountpoint(target):
                        subprocess.run(["umount", "--lazy", target], check=False, timeout=30)
            finally:
                handle.close()
                del _users[root]
