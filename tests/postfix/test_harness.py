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



class VerifyScriptTest(unittest.TestCase):
    class FakeInstance:
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
