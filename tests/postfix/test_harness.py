"""Unit tests of the harness's own logic (no Postfix, no root):
`python3 tests/postfix/test_harness.py`. run.py runs them first, so a broken harness fails the
suite before it judges any generated config."""

import base64
import os
import socket
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import dovecot_auth  # noqa: E402
import instance  # noqa: E402
import matrix  # noqa: E402
import pki  # noqa: E402
import postfixes  # noqa: E402
import realworld  # noqa: E402
import realworld_instance  # noqa: E402
import run  # noqa: E402
import stock  # noqa: E402
import verify_script  # noqa: E402


class MatrixTest(unittest.TestCase):
    def test_every_allowed_pair_is_covered(self):
        cases = [c for _, c in matrix.cases()]
        self.assertGreaterEqual(len(cases), matrix.MINIMUM_CASES)
        self.assertEqual(matrix.uncovered_pairs(cases), [])

    def test_construction_is_deterministic_and_respects_constraints(self):
        self.assertEqual(matrix.cases(), matrix.cases())
        for name, case in matrix.cases():
            self.assertTrue(matrix.allowed(case), name)

    def test_uncovered_pairs_notices_a_missing_case(self):
        pair = (("outbound", "secure"), ("cert", "snakeoil"))
        cases = [c for _, c in matrix.cases()
                 if not (c["outbound"] == "secure" and c["cert"] == "snakeoil")]
        self.assertIn(pair, matrix.uncovered_pairs(cases))


    def test_every_version_runs_and_gets_its_own_openssl(self):
        series = [p.series for p in postfixes.ALL]
        self.assertEqual(list(matrix.GENERATOR_OPENSSL), series)
        found = {}
        for _, case in matrix.cases():
            options = matrix.options(case)
            self.assertEqual(options["openssl"], postfixes.BY_SERIES[options["postfix"]].openssl)
            found[options["postfix"]] = found.get(options["postfix"], 0) + 1
        self.assertEqual(sorted(found), sorted(series))
        # pairwise: each version meets each of the 6 outbound levels at least once
        self.assertTrue(all(n >= 6 for n in found.values()), found)

    def test_version_cases_are_whole_allowed_cases_of_their_version(self):
        names = [n for n, _ in matrix.FACTORS]
        for name, (proves, case) in matrix.VERSION_CASES.items():
            self.assertEqual(list(case), names, name)
            self.assertTrue(matrix.allowed(case), name)
            self.assertTrue(name.startswith(f"v{case['postfix']}-"), name)
            self.assertTrue(proves.startswith(case["postfix"] + ":"), name)


class VersionTest(unittest.TestCase):
    def test_paths_inside_a_root_map_both_ways(self):
        root = postfixes.Postfix("3.99", "9.9", "nowhere")
        outer = root.outer("/tmp/x/conf")
        self.assertTrue(outer.startswith(postfixes.ROOTS))
        self.assertEqual(root.inner(outer), "/tmp/x/conf")
        self.assertEqual(root.command(["postconf"]), ["chroot", root.root, "postconf"])
        with self.assertRaises(ValueError):
            root.inner("/etc/passwd")
        self.assertEqual(postfixes.HOST.inner("/tmp/y"), "/tmp/y")
        self.assertEqual(postfixes.HOST.command(["postconf"]), ["postconf"])

    def test_every_version_has_stock_files_and_postinst_steps(self):
        for postfix in postfixes.ALL:
            self.assertIn(postfix.series, stock.POSTINST)
            for name in ("main.cf", "master.cf"):
                self.assertTrue(os.path.isfile(os.path.join(stock.folder(postfix.series), name)))
        # sid's postinst leaves the aliases to its main.cf.debian
        self.assertNotIn("alias_maps", dict(stock.POSTINST["3.11"]))
        self.assertIn("alias_maps", dict(stock.POSTINST["3.10"]))

    def test_protocol_syntax_of_35_cases(self):
        good = "smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1\n"
        ranged = "smtpd_tls_mandatory_protocols = >=TLSv1.2\n"
        master = "submission inet n - y - - smtpd\n  -o smtpd_tls_protocols=>=TLSv1.3\n"
        v35, v37 = postfixes.BY_SERIES["3.5"], postfixes.BY_SERIES["3.7"]
        self.assertTrue(all(c.ok for c in run.version_syntax_checks(v35, good, "")))
        self.assertFalse(any(c.ok for c in run.version_syntax_checks(v35, ranged, "")))
        self.assertFalse(any(c.ok for c in run.version_syntax_checks(v35, good, master)))
        self.assertEqual(run.version_syntax_checks(v37, ranged, master), [])
        self.assertEqual(run.version_syntax_checks(v35, "relayhost =\n", ""), [])

    def test_refused_handshakes_of_either_openssl_are_noise_and_nothing_else(self):
        noise = [
            "warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol:"
            "../ssl/statem/statem_srvr.c:1737:",
            "warning: TLS library problem: error:1417A0C1:SSL routines:"
            "tls_post_process_client_hello:no shared cipher:../ssl/statem/statem_srvr.c:2313:",
        ]
        for line in noise:
            self.assertTrue(run.expected_noise(line, run.EXPECTED_LOG_NOISE), line)
        for line in ("warning: TLS library problem: error:0A000086:SSL routines::certificate "
                     "verify failed:", "warning: hash/btree support is deprecated."):
            self.assertFalse(run.expected_noise(line, run.EXPECTED_LOG_NOISE), line)


class PathTableTest(unittest.TestCase):
    def test_generated_paths_map_to_material_of_their_kind(self):
        expected = {
            "/etc/ssl/certs/ssl-cert-snakeoil.pem": ("fullchain", "rsa"),
            "/etc/ssl/private/ssl-cert-snakeoil.key": ("key", "rsa"),
            "/etc/letsencrypt/live/mail.example.test/privkey.pem": ("key", "rsa"),
            "/etc/letsencrypt/live/mail.example.test/chain.pem": ("chain", "rsa"),
            "/etc/postfix/tls/ecdsa-key.pem": ("key", "ecdsa"),
            "/etc/postfix/tls/ecdsa-fullchain.pem": ("fullchain", "ecdsa"),
            "/etc/postfix/tls/rsa-combined.pem": ("combined", "rsa"),
            "/etc/postfix/dh2048.pem": ("dh", "rsa"),
            "/etc/ssl/certs/ca-certificates.crt": ("ca", "rsa"),
        }
        for path, kind in expected.items():
            self.assertEqual(pki.classify(path), kind, path)

    def test_unknown_paths_are_not_guessed(self):
        self.assertIsNone(pki.classify("/etc/postfix/something.txt"))

    def test_path_pattern_skips_parameter_references(self):
        text = "a = ${data_directory}/x, /etc/ssl/certs/ssl-cert-snakeoil.pem"
        self.assertEqual(pki.PATH_PATTERN.findall(text),
                         ["/etc/ssl/certs/ssl-cert-snakeoil.pem"])


class ConfigTest(unittest.TestCase):
    def test_main_cf_continuations_join(self):
        parsed = instance.parse_main("# c\na = 1\nb = x,\n    y\n\nc=\n")
        self.assertEqual(parsed, [("a", "1"), ("b", "x, y"), ("c", "")])

    def test_main_cf_garbage_is_refused(self):
        with self.assertRaises(instance.SetupError):
            instance.parse_main("this is not a setting\n")

    def test_services_are_remapped_by_port(self):
        self.assertEqual(instance.remap_service("smtp", 1), ("2526", "25"))
        self.assertEqual(instance.remap_service("submission", 0), ("2587", "587"))
        self.assertEqual(instance.remap_service("127.0.0.1:submissions", 2),
                         ("127.0.0.1:2467", "465"))
        self.assertEqual(instance.remap_service("smtps", 0), ("2465", "465"))
        self.assertEqual(instance.remap_service("10025", 0), ("10025", None))


class TableTypeTest(unittest.TestCase):
    def test_the_snippet_names_the_type_postmap_builds(self):
        inst = instance.Instance(postfixes.HOST, "/tmp/none", 0, None, "", "")
        inst.main = {"smtp_sasl_password_maps": "lmdb:/x/conf/sasl_passwd, hash:/x/other"}
        self.assertEqual(inst.table_type("/x/conf/sasl_passwd"), "lmdb")
        self.assertEqual(inst.table_type("/x/other"), "hash")
        with self.assertRaises(instance.SetupError):
            inst.table_type("/x/conf/sasl")


class DovecotStandInTest(unittest.TestCase):
    def test_handshake_and_auth_verdicts(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "auth")
            server = dovecot_auth.DovecotAuth(path, "u", "p", os.getuid(), os.getgid())
            try:
                with socket.socket(socket.AF_UNIX) as s:
                    s.settimeout(5)
                    s.connect(path)
                    stream = s.makefile("rw", newline="\n")
                    stream.write("VERSION\t1\t1\nCPID\t1\n")
                    stream.flush()
                    handshake = []
                    while not handshake or handshake[-1] != "DONE":
                        handshake.append(stream.readline().rstrip("\n"))
                    self.assertIn("MECH\tPLAIN\tplaintext", handshake)
                    for request, password, verdict in ((1, "p", "OK"), (2, "bad", "FAIL")):
                        resp = base64.b64encode(f"\0u\0{password}".encode()).decode()
                        stream.write(f"AUTH\t{request}\tPLAIN\tservice=smtp\tresp={resp}\n")
                        stream.flush()
                        self.assertTrue(stream.readline().startswith(f"{verdict}\t{request}"))
            finally:
                server.close()



class RealWorldTest(unittest.TestCase):
    MASTER = ("smtp inet n - y - - smtpd\n"
              "#submission inet n - y - - smtpd\n"
              "588 inet n - n - - smtpd\n"
              "  -o smtpd_sasl_auth_enable=yes\n"
              "# a comment inside the entry\n"
              "  -o smtpd_tls_auth_only=no\n")

    @staticmethod
    def seen(service, port, **said):
        fields = dict(service=service, port=port, wrapper=False, greeting="220 mx ESMTP",
                      starttls=True, auth_in_clear="", tls="TLSv1.3 X", tls_error="",
                      auth_after_tls="", error="")
        return realworld_instance.Seen(**dict(fields, **said))

    def test_every_configuration_has_its_postfix(self):
        self.assertEqual(sorted(realworld.TARGETS), sorted(n for n, _, _ in realworld.configs()))
        for series in realworld.TARGETS.values():
            self.assertTrue(set(series) <= set(postfixes.BY_SERIES), series)

    def test_master_entries_are_read_as_postfix_reads_them(self):
        self.assertEqual(realworld_instance.master_entries(self.MASTER),
                         [("smtp", "inet", 1, 1), ("588", "inet", 3, 6)])

    def test_an_error_needs_evidence_and_a_refusal_needs_an_error(self):
        error = {"file": "x/master.cf", "line": 6, "id": "sasl_over_cleartext",
                 "message": "login (SASL) is offered on `588` while TLS is optional"}
        quiet = [self.seen("smtp", 1), self.seen("588", 2)]
        offered = [self.seen("smtp", 1), self.seen("588", 2, auth_in_clear="PLAIN")]
        # AUTH before TLS on another service is no evidence for this one.
        elsewhere = [self.seen("smtp", 1, auth_in_clear="PLAIN"), self.seen("588", 2)]
        for seen, agreed in ((quiet, False), (offered, True), (elsewhere, False)):
            checks, _ = realworld_instance.judge("x", "3.7", [error], seen, "", None,
                                                 self.MASTER)
            self.assertEqual(checks[0].ok, agreed, seen)
        fatal = "postfix/smtpd[1]: fatal: in parameter smtpd_relay_restrictions or ..."
        dead = [self.seen("smtp", 1, greeting="", error="timed out")]
        checks, _ = realworld_instance.judge("x", "3.7", [], dead, fatal, None, self.MASTER)
        self.assertFalse(checks[-1].ok)
        named = {"file": None, "line": None, "id": "no_relay_protection",
                 "message": "`smtpd_relay_restrictions` is empty"}
        checks, _ = realworld_instance.judge("x", "3.7", [named], dead, fatal, None,
                                             self.MASTER)
        self.assertTrue(all(c.ok for c in checks), checks)

    def test_a_service_without_its_command_is_spoken_to_and_its_spawn_failure_matched(self):
        self.assertTrue(realworld_instance.spoken_to("-o"))
        self.assertFalse(realworld_instance.spoken_to("spawn"))
        master = "smtp inet n - n - - -o content_filter=spamassassin\n"
        fatal = ("pfx/master[1]: fatal: master_spawn: exec /usr/lib/postfix/sbin/-o: "
                 "No such file or directory")
        dead = [self.seen("smtp", 1, greeting="", error="timed out")]
        missing = {"file": "x/master.cf", "line": 1, "id": "malformed_line",
                   "message": "the service has no command: `-o` stands where the command "
                              "belongs"}
        checks, _ = realworld_instance.judge("x", "3.5", [missing], dead, fatal, None, master)
        self.assertTrue(all(c.ok for c in checks), checks)
        # An error that names another program does not explain the failed spawn.
        other = dict(missing, line=9, message="`-x` is not a command")
        checks, _ = realworld_instance.judge("x", "3.5", [other], dead, fatal, None, master)
        self.assertFalse(checks[-1].ok)

    def test_plain_text_on_port_465_is_the_evidence_for_missing_wrapper_mode(self):
        master = "smtps inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n"
        error = {"file": "x/master.cf", "line": 1, "id": "submissions_without_wrappermode",
                 "message": "`smtps` (port 465) has no `smtpd_tls_wrappermode=yes`"}
        plain = [self.seen("smtps", 1)]
        wrapped = [self.seen("smtps", 1, wrapper=True, starttls=False)]
        for seen, agreed in ((plain, True), (wrapped, False)):
            checks, _ = realworld_instance.judge("x", "3.5", [error], seen, "", None, master)
            self.assertEqual(checks[0].ok, agreed, seen)


class VerifyScriptTest(unittest.TestCase):
    class FakeInstance:
        postfix = postfixes.HOST
        ports = {"25": 2525, "587": 2587}
        conf = "/i/conf"
        maillog = "/i/maillog"
        sink_port = 2925

    def test_only_host_ports_trust_and_paths_change(self):
        script = ("  openssl s_client -starttls smtp -connect mx.example.org:25 -servername mx.example.org </dev/null\n"
                  "  posttls-finger -c -l secure -P /etc/ssl/certs '[mx.example.org]:25'\n"
                  "  bash -c 'exec 3<>/dev/tcp/mx.example.org/587; read -r line <&3'\n"
                  "  postfix check\n  postconf -n >/dev/null\n"
                  "  grep -E 'x' /var/log/mail.log | tail\n")
        adapted, notes = verify_script.adapt(script, self.FakeInstance(), "mx.example.org",
                                             None, "/i/capath")
        self.assertEqual(adapted, (
            "  openssl s_client -starttls smtp -connect 127.0.0.1:2525 -servername mx.example.org </dev/null\n"
            "  posttls-finger -c -l secure -P /i/capath '[127.0.0.1]:2525' mail.example.test\n"
            "  bash -c 'exec 3<>/dev/tcp/127.0.0.1/2587; read -r line <&3'\n"
            "  postfix -c /i/conf check\n  postconf -c /i/conf -n >/dev/null\n"
            "  grep -E 'x' /i/maillog | tail\n"))
        self.assertEqual(notes, [])

    def test_the_log_step_alone_is_left_out_without_sessions(self):
        script = ("echo '== 1. Postfix accepts the configuration'\nout=1\n"
                  "echo '== 2. TLS sessions in the mail log'\nout=2\n"
                  "echo '== 3. Other'\nout=3\n\necho\necho 'All checks passed.'\n")
        self.assertEqual(verify_script.without_log_step(script),
                         "echo '== 1. Postfix accepts the configuration'\nout=1\n"
                         "echo '== 3. Other'\nout=3\n\necho\necho 'All checks passed.'\n")

    def test_the_dane_resolver_check_is_named_when_skipped(self):
        _, notes = verify_script.adapt("  dig +dnssec MX ietf.org | grep x\n",
                                       self.FakeInstance(), "h", None, "/c")
        self.assertEqual(len(notes), 1)

if __name__ == "__main__":
    unittest.main()
