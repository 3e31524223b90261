//! The rule table: one entry per problem, with its explanation in both languages and a
//! source. The checks that find these problems are in the sibling modules.

use super::{Rule, Source};
use crate::diagnostic::Severity::{Error, Info, Warning};
use crate::diagnostic::Topic;
use crate::lang::Text;

const fn t(en: &'static str, de: &'static str) -> Text {
    Text::fixed(en, de)
}

const fn postconf(name: &'static str, url: &'static str) -> Source {
    Source { name, url }
}

/// Every rule, grouped by topic.
pub static RULES: &[Rule] = &[
    // --- Syntax and names -------------------------------------------------------------
    Rule {
        id: "malformed_line",
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: t("a line Postfix cannot read", "eine Zeile, die Postfix nicht lesen kann"),
        what: t(
            "Lines that are neither `name = value`, a comment, a blank line, an indented continuation, nor (in master.cf) a service line with 8 columns; in master.cf also columns Postfix refuses (`chroot` `yes`, `maxproc` `unlimited`) and words after a daemon's options that it does not take, usually the rest of an `-o` value after a space.",
            "Zeilen, die weder `name = wert`, Kommentar, Leerzeile, eingerückte Fortsetzung noch (in master.cf) eine Dienstzeile mit 8 Spalten sind; in der master.cf auch Spalten, die Postfix ablehnt (`chroot` `yes`, `maxproc` `unlimited`), und Wörter nach den Optionen eines Dienstes, die er nicht annimmt, meist der Rest eines `-o`-Werts nach einem Leerzeichen.",
        ),
        why: t(
            "Postfix stops with a fatal error or reads the line as part of another setting; text pasted from a web page (a file name, an unindented `-o` line) is the usual cause. A word after the options stops the service (\"unexpected command-line argument\").",
            "Postfix bricht mit einem fatalen Fehler ab oder liest die Zeile als Teil einer anderen Einstellung; meist wurde Text von einer Webseite mitkopiert (ein Dateiname, eine nicht eingerückte `-o`-Zeile). Ein Wort nach den Optionen beendet den Dienst (\"unexpected command-line argument\").",
        ),
        fix: t(
            "Delete the stray text, write settings as `name = value`, and indent continuation lines (including `-o` lines) with whitespace.",
            "Den überzähligen Text löschen, Einstellungen als `name = wert` schreiben und Fortsetzungszeilen (auch `-o`-Zeilen) mit Leerraum einrücken.",
        ),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    },
    Rule {
        id: "duplicate_service",
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: t("a master.cf service is defined twice", "ein master.cf-Dienst ist doppelt definiert"),
        what: t(
            "Two master.cf entries for one service: the same type and name, or inet services on the same address and port under two names (`smtps` and `submissions` are both 465, `smtp` is 25).",
            "Zwei master.cf-Einträge für einen Dienst: derselbe Typ und Name oder inet-Dienste an derselben Adresse und demselben Port unter zwei Namen (`smtps` und `submissions` sind beide 465, `smtp` ist 25).",
        ),
        why: t(
            "Postfix runs only the last one and logs \"duplicate master.cf entry for service ... -- using the last entry\": settings and `-o` overrides of the earlier entry have no effect.",
            "Postfix startet nur den letzten und protokolliert \"duplicate master.cf entry for service ... -- using the last entry\": Einstellungen und `-o`-Überschreibungen des früheren Eintrags bleiben wirkungslos.",
        ),
        fix: t("Merge the two entries into one, or comment out every line of the one not meant.", "Beide Einträge zu einem zusammenführen oder jede Zeile des nicht gemeinten auskommentieren."),
        source: postconf("master(5) syntax", "https://www.postfix.org/master.5.html"),
    },
    Rule {
        id: "value_has_comment",
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: t("a `#` after a value is part of the value", "ein `#` nach einem Wert gehört zum Wert"),
        what: t(
            "Values that contain `#` after whitespace, such as `smtpd_tls_security_level = may # optional`.",
            "Werte, die nach Leerraum ein `#` enthalten, etwa `smtpd_tls_security_level = may # optional`.",
        ),
        why: t(
            "Postfix treats `#` as a comment only at the start of a line; after a value it becomes part of the value, which then is invalid or names a file that does not exist.",
            "Postfix versteht `#` nur am Zeilenanfang als Kommentar; nach einem Wert wird es Teil des Werts, der dann ungültig ist oder eine nicht vorhandene Datei nennt.",
        ),
        fix: t("Move the comment to its own line above the setting.", "Den Kommentar in eine eigene Zeile über der Einstellung verschieben."),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    },
    Rule {
        id: "duplicate_parameter",
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: t("a parameter is set more than once", "ein Parameter wird mehrfach gesetzt"),
        what: t(
            "A parameter defined twice in main.cf, or overridden twice with `-o` on one service.",
            "Ein Parameter, der in main.cf zweimal definiert oder bei einem Dienst zweimal mit `-o` überschrieben wird.",
        ),
        why: t(
            "Postfix silently uses the last definition, so an edit to the first one has no effect.",
            "Postfix verwendet stillschweigend die letzte Definition; eine Änderung an der ersten bleibt wirkungslos.",
        ),
        fix: t("Keep one definition and delete the others.", "Eine Definition behalten und die anderen löschen."),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    },
    Rule {
        id: "unknown_parameter",
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: t("a parameter Postfix does not know", "ein Parameter, den Postfix nicht kennt"),
        what: t(
            "Parameter names that the selected Postfix version does not define, are not per-service parameters of a master.cf service, and are not referenced as `$name` anywhere.",
            "Parameternamen, die die gewählte Postfix-Version nicht kennt, die kein dienstbezogener Parameter eines master.cf-Dienstes sind und nirgends als `$name` verwendet werden.",
        ),
        why: t(
            "Postfix ignores them with an \"unused parameter\" warning: a misspelt name means the intended setting is not applied.",
            "Postfix ignoriert sie mit der Warnung \"unused parameter\": Ein Tippfehler im Namen bedeutet, dass die gewünschte Einstellung nicht gilt.",
        ),
        fix: t("Correct the spelling (the suggestion names the closest known parameter) or remove the line.", "Die Schreibweise korrigieren (der Vorschlag nennt den ähnlichsten bekannten Parameter) oder die Zeile entfernen."),
        source: postconf("postconf(1) unused parameter", "https://www.postfix.org/postconf.1.html"),
    },
    Rule {
        id: "undefined_reference",
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: t("a `$name` that nothing defines", "ein `$name`, das nirgends definiert ist"),
        what: t(
            "References such as `$mua_client_restrictions` to a name that is neither a Postfix parameter nor defined in main.cf.",
            "Verweise wie `$mua_client_restrictions` auf einen Namen, der weder ein Postfix-Parameter ist noch in der main.cf definiert wird.",
        ),
        why: t(
            "Postfix warns \"undefined parameter\" and uses an empty value, so restrictions or paths silently disappear.",
            "Postfix warnt \"undefined parameter\" und setzt einen leeren Wert ein; Restriktionen oder Pfade verschwinden stillschweigend.",
        ),
        fix: t(
            "Define the name in main.cf (for example `mua_client_restrictions = permit_sasl_authenticated, reject`) or remove the reference.",
            "Den Namen in der main.cf definieren (etwa `mua_client_restrictions = permit_sasl_authenticated, reject`) oder den Verweis entfernen.",
        ),
        source: postconf("postconf(1) undefined parameter", "https://www.postfix.org/postconf.1.html"),
    },
    Rule {
        id: "parameter_not_in_version",
        catalogue: Some("L19"),
        severity: Warning,
        topic: Topic::Host,
        summary: t("a parameter newer than the selected Postfix version", "ein Parameter, der neuer ist als die gewählte Postfix-Version"),
        what: t(
            "Parameters that came in a later Postfix release, such as `tls_ffdhe_auto_groups` (3.8) or `tls_eecdh_auto_curves` (3.2).",
            "Parameter aus einer späteren Postfix-Version, etwa `tls_ffdhe_auto_groups` (3.8) oder `tls_eecdh_auto_curves` (3.2).",
        ),
        why: t(
            "This version ignores them as \"unused parameter\": the setting you rely on has no effect.",
            "Diese Version ignoriert sie als \"unused parameter\": Die Einstellung, auf die man sich verlässt, wirkt nicht.",
        ),
        fix: t("Remove the line, or upgrade Postfix to the version named.", "Die Zeile entfernen oder Postfix auf die genannte Version aktualisieren."),
        source: postconf("postconf(5)", "https://www.postfix.org/postconf.5.html#tls_ffdhe_auto_groups"),
    },
    Rule {
        id: "parameter_renamed",
        catalogue: None,
        severity: Info,
        topic: Topic::General,
        summary: t("an old parameter name that Postfix still reads", "ein alter Parametername, den Postfix noch liest"),
        what: t(
            "Names that Postfix replaced and still reads through the new parameter's default, such as `postscreen_dnsbl_ttl` (now `postscreen_dnsbl_max_ttl`) or `postscreen_blacklist_action` (now `postscreen_denylist_action`).",
            "Namen, die Postfix ersetzt hat und über den Standardwert des neuen Parameters noch liest, etwa `postscreen_dnsbl_ttl` (jetzt `postscreen_dnsbl_max_ttl`) oder `postscreen_blacklist_action` (jetzt `postscreen_denylist_action`).",
        ),
        why: t(
            "The setting works, but the old name may go in a later release: Postfix 3.11 already warns \"support for parameter … will be removed\".",
            "Die Einstellung wirkt, aber der alte Name kann in einer späteren Version entfallen: Postfix 3.11 warnt schon \"support for parameter … will be removed\".",
        ),
        fix: t("Rename the line to the new parameter; the value stays.", "Die Zeile auf den neuen Parameter umbenennen; der Wert bleibt."),
        source: postconf("DEPRECATION_README", "https://www.postfix.org/DEPRECATION_README.html"),
    },
    Rule {
        id: "parameter_needs_patch_release",
        catalogue: Some("L19"),
        severity: Info,
        topic: Topic::Host,
        summary: t(
            "a parameter the selected series has only from a patch release on",
            "ein Parameter, den die gewählte Versionsreihe erst ab einer Patch-Version kennt",
        ),
        what: t(
            "Parameters that older series received in a patch release, such as `tls_config_file` and `tls_config_name` (3.5.20, 3.6.10, 3.7.6, 3.8.1; every 3.9).",
            "Parameter, die ältere Versionsreihen mit einer Patch-Version bekamen, etwa `tls_config_file` und `tls_config_name` (3.5.20, 3.6.10, 3.7.6, 3.8.1; jede 3.9).",
        ),
        why: t(
            "A release of the series before that patch release ignores them as \"unused parameter\": the setting has no effect there.",
            "Eine Version der Reihe vor dieser Patch-Version ignoriert sie als \"unused parameter\": Die Einstellung wirkt dort nicht.",
        ),
        fix: t(
            "Check the release with `postconf mail_version`, and update Postfix if it is older than the one named.",
            "Die Version mit `postconf mail_version` prüfen und Postfix aktualisieren, wenn sie älter ist als die genannte.",
        ),
        source: postconf("postconf(5) tls_config_file", "https://www.postfix.org/postconf.5.html#tls_config_file"),
    },
    Rule {
        id: "invalid_value",
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: t("a value outside the parameter's vocabulary", "ein Wert außerhalb des Wortschatzes des Parameters"),
        what: t(
            "Values of parameters with a fixed vocabulary: booleans (`yes`/`no`), TLS levels, cipher grades, protocol names, restriction names, SASL types, and keywords such as `ORIGINATING`, including translated words like `kann` or `ja`.",
            "Werte von Parametern mit festem Wortschatz: Wahrheitswerte (`yes`/`no`), TLS-Stufen, Cipher-Stufen, Protokollnamen, Restriktionen, SASL-Typen und Schlüsselwörter wie `ORIGINATING`, auch übersetzte Wörter wie `kann` oder `ja`.",
        ),
        why: t(
            "Postfix stops with a fatal error, rejects mail with a temporary \"server configuration error\", or (for `milter_macro_daemon_name`) milters no longer recognise submitted mail.",
            "Postfix bricht mit einem fatalen Fehler ab, weist Mail mit einem vorübergehenden \"server configuration error\" ab oder (bei `milter_macro_daemon_name`) Milter erkennen eingelieferte Mail nicht mehr.",
        ),
        fix: t("Use the Postfix keyword named in the help; Postfix keywords are never translated.", "Das im Hinweis genannte Postfix-Schlüsselwort verwenden; Postfix-Schlüsselwörter werden nie übersetzt."),
        source: postconf("postconf(5)", "https://www.postfix.org/postconf.5.html"),
    },
    Rule {
        id: "unknown_service",
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: t("an unknown master.cf service name or type", "ein unbekannter Dienstname oder -typ in master.cf"),
        what: t(
            "Service types other than `inet`, `unix`, `unix-dgram`, `fifo` and `pass`, and `inet` service names that are neither a port number nor a known service name such as `smtp`, `submission` or `submissions`.",
            "Diensttypen außer `inet`, `unix`, `unix-dgram`, `fifo` und `pass` sowie `inet`-Dienstnamen, die weder Portnummer noch bekannter Dienstname wie `smtp`, `submission` oder `submissions` sind.",
        ),
        why: t(
            "The master daemon cannot resolve the name to a port and refuses to start the service, so the port stays closed.",
            "Der master-Dienst kann den Namen keinem Port zuordnen und startet den Dienst nicht; der Port bleibt geschlossen.",
        ),
        fix: t("Use the service name or port named in the help, and start the line with the service name.", "Den im Hinweis genannten Dienstnamen oder Port verwenden und die Zeile mit dem Dienstnamen beginnen."),
        source: postconf("master(5)", "https://www.postfix.org/master.5.html"),
    },
    Rule {
        id: "option_value_rejected",
        catalogue: None,
        severity: Error,
        topic: Topic::General,
        summary: t("a typed value was refused and not used", "ein eingegebener Wert wurde abgelehnt und nicht verwendet"),
        what: t(
            "Free-text choices (paths, host names, relayhost) that contain characters which could change the configuration: newlines, `#`, `=`, `$`, control characters, or commas and spaces inside a master.cf `-o` value.",
            "Freitext-Angaben (Pfade, Hostnamen, Relayhost) mit Zeichen, die die Konfiguration verändern könnten: Zeilenumbrüche, `#`, `=`, `$`, Steuerzeichen oder Kommas und Leerzeichen in einem `-o`-Wert der master.cf.",
        ),
        why: t(
            "Such a value would inject extra settings or break the file; the generator leaves it out instead.",
            "Ein solcher Wert würde zusätzliche Einstellungen einschleusen oder die Datei beschädigen; der Generator lässt ihn deshalb weg.",
        ),
        fix: t("Correct the value as the help says.", "Den Wert wie im Hinweis beschrieben korrigieren."),
        source: postconf("postconf(5) syntax", "https://www.postfix.org/postconf.5.html"),
    },
    Rule {
        id: "option_unavailable",
        catalogue: None,
        severity: Warning,
        topic: Topic::General,
        summary: t("a chosen value does not apply and another is used", "ein gewählter Wert passt nicht und ein anderer wird verwendet"),
        what: t(
            "A choice that the selected Postfix or OpenSSL version, or another choice, does not support (for example `dane` before Postfix 2.11).",
            "Eine Auswahl, die die gewählte Postfix- oder OpenSSL-Version oder eine andere Auswahl nicht unterstützt (zum Beispiel `dane` vor Postfix 2.11).",
        ),
        why: t(
            "Writing the value anyway would give a configuration that Postfix refuses or ignores; the generator writes the nearest supported value instead.",
            "Den Wert trotzdem zu schreiben ergäbe eine Konfiguration, die Postfix ablehnt oder ignoriert; der Generator schreibt stattdessen den nächsten unterstützten Wert.",
        ),
        fix: t("Pick a value that the selected version supports, or a newer version.", "Einen Wert wählen, den die gewählte Version unterstützt, oder eine neuere Version."),
        source: postconf("postconf(5)", "https://www.postfix.org/postconf.5.html"),
    },
    // --- Inbound on port 25 -------------------------------------------------------------
    Rule {
        id: "mx_requires_tls",
        catalogue: Some("L01"),
        severity: Error,
        topic: Topic::Inbound,
        summary: t("a public MX requires STARTTLS on port 25", "ein öffentlicher MX verlangt STARTTLS auf Port 25"),
        what: t(
            "`smtpd_tls_security_level = encrypt` (or `smtpd_enforce_tls = yes`) on the port-25 smtpd service of a host listed in MX records.",
            "`smtpd_tls_security_level = encrypt` (oder `smtpd_enforce_tls = yes`) auf dem smtpd-Dienst an Port 25 eines Hosts, der in MX-Einträgen steht.",
        ),
        why: t(
            "RFC 3207 says a publicly-referenced SMTP server MUST NOT require STARTTLS; servers that cannot do TLS get `530 Must issue a STARTTLS command first` and their mail to you is lost or delayed.",
            "Laut RFC 3207 darf ein öffentlich referenzierter SMTP-Server STARTTLS NICHT verlangen; Server ohne TLS erhalten `530 Must issue a STARTTLS command first`, und ihre Mail an Sie geht verloren oder verzögert sich.",
        ),
        fix: t(
            "Use `smtpd_tls_security_level = may` for port 25 and require TLS only on submission (587/465) with `-o smtpd_tls_security_level=encrypt`.",
            "Für Port 25 `smtpd_tls_security_level = may` verwenden und TLS nur für die Einlieferung (587/465) mit `-o smtpd_tls_security_level=encrypt` verlangen.",
        ),
        source: postconf("RFC 3207 §4", "https://www.rfc-editor.org/rfc/rfc3207#section-4"),
    },
    Rule {
        id: "invalid_server_tls_level",
        catalogue: Some("L02"),
        severity: Error,
        topic: Topic::Inbound,
        summary: t("a client-only TLS level on the server side", "eine nur für Clients gültige TLS-Stufe auf der Serverseite"),
        what: t(
            "`smtpd_tls_security_level` set to a level only the SMTP client knows: `dane`, `dane-only` (error), or `fingerprint`, `verify`, `secure` (warning).",
            "`smtpd_tls_security_level` mit einer Stufe, die nur der SMTP-Client kennt: `dane`, `dane-only` (Fehler) oder `fingerprint`, `verify`, `secure` (Warnung).",
        ),
        why: t(
            "smtpd stops with \"Invalid TLS level\" for `dane`; it treats `fingerprint`/`verify`/`secure` as `encrypt` with a warning, which is probably not what was meant.",
            "smtpd bricht bei `dane` mit \"Invalid TLS level\" ab; `fingerprint`/`verify`/`secure` behandelt es mit Warnung wie `encrypt`, was vermutlich nicht gemeint war.",
        ),
        fix: t("Use `none`, `may` or `encrypt` for the server.", "Für den Server `none`, `may` oder `encrypt` verwenden."),
        source: postconf("postconf(5) smtpd_tls_security_level", "https://www.postfix.org/postconf.5.html#smtpd_tls_security_level"),
    },
    Rule {
        id: "tls_without_certificate",
        catalogue: Some("L26"),
        severity: Error,
        topic: Topic::Certificates,
        summary: t("no server certificate although TLS is on", "kein Server-Zertifikat, obwohl TLS aktiv ist"),
        what: t(
            "smtpd services with TLS enabled (`may`, `encrypt`, wrapper mode or the legacy switches) while `smtpd_tls_cert_file`, `smtpd_tls_eccert_file` and `smtpd_tls_chain_files` are all empty.",
            "smtpd-Dienste mit aktivem TLS (`may`, `encrypt`, Wrapper-Modus oder die alten Schalter), obwohl `smtpd_tls_cert_file`, `smtpd_tls_eccert_file` und `smtpd_tls_chain_files` alle leer sind.",
        ),
        why: t(
            "Without a certificate smtpd answers STARTTLS with `454 TLS not available`; with `encrypt` or on port 465 no mail or login gets through at all.",
            "Ohne Zertifikat beantwortet smtpd STARTTLS mit `454 TLS not available`; bei `encrypt` oder auf Port 465 kommt gar keine Mail und keine Anmeldung mehr durch.",
        ),
        fix: t(
            "Set `smtpd_tls_chain_files` (3.4+) or `smtpd_tls_cert_file` and `smtpd_tls_key_file`.",
            "`smtpd_tls_chain_files` (ab 3.4) oder `smtpd_tls_cert_file` und `smtpd_tls_key_file` setzen.",
        ),
        source: postconf("postconf(5) smtpd_tls_cert_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_cert_file"),
    },
    Rule {
        id: "client_cert_required_without_encrypt",
        catalogue: Some("L27"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: t("client certificates required while TLS is optional", "Client-Zertifikate verlangt, obwohl TLS optional ist"),
        what: t(
            "`smtpd_tls_req_ccert = yes` on a service whose TLS level is not `encrypt`.",
            "`smtpd_tls_req_ccert = yes` bei einem Dienst, dessen TLS-Stufe nicht `encrypt` ist.",
        ),
        why: t(
            "Postfix ignores it with the warning \"Can't require client certs unless TLS is required\".",
            "Postfix ignoriert es mit der Warnung \"Can't require client certs unless TLS is required\".",
        ),
        fix: t("Set `smtpd_tls_security_level = encrypt` on that service, or use `smtpd_tls_ask_ccert = yes`.", "Auf diesem Dienst `smtpd_tls_security_level = encrypt` setzen oder `smtpd_tls_ask_ccert = yes` verwenden."),
        source: postconf("postconf(5) smtpd_tls_req_ccert", "https://www.postfix.org/postconf.5.html#smtpd_tls_req_ccert"),
    },
    Rule {
        id: "port25_tls_floor_too_strict",
        catalogue: Some("L31"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: t("port 25 refuses older TLS versions or ciphers", "Port 25 lehnt ältere TLS-Versionen oder Cipher ab"),
        what: t(
            "On a public MX, opportunistic protocols on port 25 that exclude TLSv1 (for example `>=TLSv1.2`) or a `high` cipher grade.",
            "Auf einem öffentlichen MX opportunistische Protokolle an Port 25, die TLSv1 ausschließen (etwa `>=TLSv1.2`), oder die Cipher-Stufe `high`.",
        ),
        why: t(
            "Senders that only speak older TLS fail the handshake; some never retry in clear text, so mail is delayed or lost. postconf(5): demanding stronger than default TLS at `may` \"merely reduces interoperability\".",
            "Absender, die nur ältere TLS-Versionen sprechen, scheitern am Handshake; manche versuchen es nie im Klartext, Mail verzögert sich oder geht verloren. postconf(5): Stärkeres als die Voreinstellung bei `may` \"verringert nur die Interoperabilität\".",
        ),
        fix: t(
            "Keep the Postfix defaults for port 25 (`smtpd_tls_protocols` and `smtpd_tls_ciphers` unset) and put stricter settings on the submission services with `-o`.",
            "Für Port 25 die Postfix-Voreinstellungen behalten (`smtpd_tls_protocols` und `smtpd_tls_ciphers` nicht setzen) und strengere Werte mit `-o` auf die Einlieferungsdienste legen.",
        ),
        source: postconf("postconf(5) smtp_tls_security_level", "https://www.postfix.org/postconf.5.html#smtp_tls_security_level"),
    },
    Rule {
        id: "client_cert_relay_with_public_ca",
        catalogue: Some("L07"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: t("any public-CA client certificate may relay", "jedes Client-Zertifikat einer öffentlichen CA darf relayen"),
        what: t(
            "`permit_tls_all_clientcerts` in the restrictions while `smtpd_tls_CAfile` or `smtpd_tls_CApath` is a public CA bundle.",
            "`permit_tls_all_clientcerts` in den Restriktionen, während `smtpd_tls_CAfile` oder `smtpd_tls_CApath` ein öffentliches CA-Bündel ist.",
        ),
        why: t(
            "Anyone who can buy a certificate from a public CA is then allowed to relay through your server.",
            "Jeder, der ein Zertifikat einer öffentlichen CA kaufen kann, darf dann über Ihren Server relayen.",
        ),
        fix: t(
            "Leave `smtpd_tls_CAfile` empty unless you use client certificates, and list allowed fingerprints with `permit_tls_clientcerts` and `relay_clientcerts`.",
            "`smtpd_tls_CAfile` leer lassen, solange keine Client-Zertifikate genutzt werden, und erlaubte Fingerabdrücke mit `permit_tls_clientcerts` und `relay_clientcerts` aufführen.",
        ),
        source: postconf("postconf(5) permit_tls_all_clientcerts", "https://www.postfix.org/postconf.5.html#permit_tls_all_clientcerts"),
    },
    Rule {
        id: "postscreen_without_tlsproxy",
        catalogue: Some("L40"),
        severity: Warning,
        topic: Topic::Inbound,
        summary: t("postscreen cannot offer STARTTLS", "postscreen kann kein STARTTLS anbieten"),
        what: t(
            "postscreen on port 25 with TLS enabled but no `tlsproxy unix` service in master.cf, or a `tlsproxy` service whose process limit is not 0 (Postfix 3.4+).",
            "postscreen auf Port 25 mit aktivem TLS, aber ohne Dienst `tlsproxy unix` in master.cf, oder ein `tlsproxy`-Dienst mit einem Prozesslimit ungleich 0 (ab Postfix 3.4).",
        ),
        why: t(
            "postscreen hands STARTTLS to tlsproxy(8); without it senders get no TLS on port 25, and a limited tlsproxy stalls sessions under load.",
            "postscreen übergibt STARTTLS an tlsproxy(8); ohne ihn erhalten Absender auf Port 25 kein TLS, und ein begrenzter tlsproxy blockiert Sitzungen unter Last.",
        ),
        fix: t(
            "Add `tlsproxy unix - - y - 0 tlsproxy` to master.cf.",
            "`tlsproxy unix - - y - 0 tlsproxy` in master.cf ergänzen.",
        ),
        source: postconf("POSTSCREEN_README", "https://www.postfix.org/POSTSCREEN_README.html#starttls"),
    },
    Rule {
        id: "client_session_hidden_on_port_25",
        catalogue: Some("L47"),
        severity: Info,
        topic: Topic::Inbound,
        summary: t("client session details hidden on port 25", "Sitzungsdetails des Clients auf Port 25 verborgen"),
        what: t(
            "`smtpd_hide_client_session = yes` in main.cf or on the port-25 service.",
            "`smtpd_hide_client_session = yes` in der main.cf oder beim Dienst an Port 25.",
        ),
        why: t(
            "It is meant for submission (587/465) only: on the MX it removes the sending server's name, address and TLS details from the Received: header that recipients and spam filters rely on.",
            "Es ist nur für die Einlieferung (587/465) gedacht: Auf dem MX entfernt es Name, Adresse und TLS-Angaben des sendenden Servers aus dem Received:-Header, auf den Empfänger und Spamfilter angewiesen sind.",
        ),
        fix: t(
            "Set it only with `-o smtpd_hide_client_session=yes` on the submission services.",
            "Nur mit `-o smtpd_hide_client_session=yes` bei den Einlieferungsdiensten setzen.",
        ),
        source: postconf("postconf(5) smtpd_hide_client_session", "https://www.postfix.org/postconf.5.html#smtpd_hide_client_session"),
    },
    // --- Certificates -------------------------------------------------------------------
    Rule {
        id: "chain_files_unsupported",
        catalogue: Some("L17"),
        severity: Error,
        topic: Topic::Certificates,
        summary: t("`smtpd_tls_chain_files` before Postfix 3.4", "`smtpd_tls_chain_files` vor Postfix 3.4"),
        what: t("`smtpd_tls_chain_files` or `smtp_tls_chain_files` with a Postfix version older than 3.4.", "`smtpd_tls_chain_files` oder `smtp_tls_chain_files` mit einer Postfix-Version vor 3.4."),
        why: t(
            "Older versions ignore the parameter, so the server has no certificate and TLS fails.",
            "Ältere Versionen ignorieren den Parameter; der Server hat dann kein Zertifikat und TLS scheitert.",
        ),
        fix: t("Use `smtpd_tls_cert_file` and `smtpd_tls_key_file` instead.", "Stattdessen `smtpd_tls_cert_file` und `smtpd_tls_key_file` verwenden."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    },
    Rule {
        id: "chain_files_overrides_legacy",
        catalogue: Some("L17"),
        severity: Warning,
        topic: Topic::Certificates,
        summary: t("chain files and certificate files both set", "Chain-Dateien und Zertifikatsdateien gleichzeitig gesetzt"),
        what: t(
            "`smtpd_tls_chain_files` together with `smtpd_tls_cert_file`, `smtpd_tls_key_file` or their `eccert` variants.",
            "`smtpd_tls_chain_files` zusammen mit `smtpd_tls_cert_file`, `smtpd_tls_key_file` oder deren `eccert`-Varianten.",
        ),
        why: t(
            "Postfix uses the chain files and ignores the others with a warning; a later edit to the ignored files has no effect.",
            "Postfix verwendet die Chain-Dateien und ignoriert die anderen mit Warnung; eine spätere Änderung an den ignorierten Dateien wirkt nicht.",
        ),
        fix: t("Remove the `smtpd_tls_cert_file`/`smtpd_tls_key_file` lines.", "Die Zeilen `smtpd_tls_cert_file`/`smtpd_tls_key_file` entfernen."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    },
    Rule {
        id: "chain_files_key_not_first",
        catalogue: None,
        severity: Error,
        topic: Topic::Certificates,
        summary: t("a certificate before its key in the chain files", "ein Zertifikat vor seinem Schlüssel in den Chain-Dateien"),
        what: t(
            "`smtpd_tls_chain_files` or `smtp_tls_chain_files` whose first file is a certificate or chain (`fullchain.pem`, `cert.pem`, `*.crt`), as in `fullchain.pem, privkey.pem`.",
            "`smtpd_tls_chain_files` oder `smtp_tls_chain_files`, deren erste Datei ein Zertifikat oder eine Kette ist (`fullchain.pem`, `cert.pem`, `*.crt`), etwa `fullchain.pem, privkey.pem`.",
        ),
        why: t(
            "Postfix reads each private key followed by its certificate chain. A certificate first fails to load (\"key not first\"): TLS is off, port 25 answers STARTTLS with 454 and submission services that require TLS take no mail.",
            "Postfix liest jeden privaten Schlüssel gefolgt von seiner Zertifikatskette. Ein Zertifikat zuerst lässt sich nicht laden (\"key not first\"): TLS ist aus, Port 25 beantwortet STARTTLS mit 454, und Einlieferungsdienste, die TLS verlangen, nehmen keine Mail an.",
        ),
        fix: t("List the private key first: `privkey.pem, fullchain.pem`.", "Den privaten Schlüssel zuerst angeben: `privkey.pem, fullchain.pem`."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    },
    Rule {
        id: "certificate_key_swapped",
        catalogue: None,
        severity: Error,
        topic: Topic::Certificates,
        summary: t("certificate and key files swapped", "Zertifikats- und Schlüsseldatei vertauscht"),
        what: t(
            "A key file (`privkey.pem`, `*.key`) in `smtpd_tls_cert_file` or `smtpd_tls_eccert_file` (or the `smtp_` twins), or a certificate file (`fullchain.pem`, `cert.pem`, `*.crt`) in the matching `_key_file`.",
            "Eine Schlüsseldatei (`privkey.pem`, `*.key`) in `smtpd_tls_cert_file` oder `smtpd_tls_eccert_file` (oder den `smtp_`-Gegenstücken) oder eine Zertifikatsdatei (`fullchain.pem`, `cert.pem`, `*.crt`) im passenden `_key_file`.",
        ),
        why: t(
            "Postfix cannot load a certificate from a key file or a key from a certificate file (\"cannot get RSA certificate from file\"): TLS is off, port 25 answers STARTTLS with 454 and submission services that require TLS take no mail.",
            "Postfix kann kein Zertifikat aus einer Schlüsseldatei und keinen Schlüssel aus einer Zertifikatsdatei laden (\"cannot get RSA certificate from file\"): TLS ist aus, Port 25 beantwortet STARTTLS mit 454, und Einlieferungsdienste, die TLS verlangen, nehmen keine Mail an.",
        ),
        fix: t(
            "Put the certificate chain in `smtpd_tls_cert_file` and the private key in `smtpd_tls_key_file`.",
            "Die Zertifikatskette in `smtpd_tls_cert_file` und den privaten Schlüssel in `smtpd_tls_key_file` eintragen.",
        ),
        source: postconf("postconf(5) smtpd_tls_cert_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_cert_file"),
    },
    Rule {
        id: "chain_files_separate_key",
        catalogue: Some("L18"),
        severity: Info,
        topic: Topic::Certificates,
        summary: t("key and certificate in separate chain files", "Schlüssel und Zertifikat in getrennten Chain-Dateien"),
        what: t(
            "`smtpd_tls_chain_files` listing the private key and the certificate chain as separate files.",
            "`smtpd_tls_chain_files` mit privatem Schlüssel und Zertifikatskette als getrennten Dateien.",
        ),
        why: t(
            "Postfix documents that keeping the key in the same file as its certificate is more reliable: during a renewal the two files can briefly not match.",
            "Laut Postfix-Dokumentation ist der Schlüssel in derselben Datei wie das Zertifikat zuverlässiger: Bei einer Erneuerung können zwei Dateien kurz nicht zusammenpassen.",
        ),
        fix: t("Concatenate key, certificate and chain into one file and list that file.", "Schlüssel, Zertifikat und Kette in eine Datei zusammenfügen und diese angeben."),
        source: postconf("postconf(5) smtpd_tls_chain_files", "https://www.postfix.org/postconf.5.html#smtpd_tls_chain_files"),
    },
    Rule {
        id: "untrusted_certificate_on_submission",
        catalogue: Some("L24"),
        severity: Warning,
        topic: Topic::Submission,
        summary: t("a self-signed certificate on submission", "ein selbstsigniertes Zertifikat für die Einlieferung"),
        what: t(
            "A snakeoil or self-signed certificate on the submission services (587/465).",
            "Ein Snakeoil- oder selbstsigniertes Zertifikat auf den Einlieferungsdiensten (587/465).",
        ),
        why: t(
            "Mail clients cannot validate it; RFC 8314 says they must not treat such a session as confidential, and users learn to click away warnings.",
            "Mailprogramme können es nicht prüfen; laut RFC 8314 dürfen sie eine solche Sitzung nicht als vertraulich behandeln, und Nutzer gewöhnen sich ans Wegklicken von Warnungen.",
        ),
        fix: t("Use a certificate from a public CA, for example Let's Encrypt.", "Ein Zertifikat einer öffentlichen CA verwenden, etwa von Let's Encrypt."),
        source: postconf("RFC 8314 §5", "https://www.rfc-editor.org/rfc/rfc8314#section-5"),
    },
    Rule {
        id: "self_signed_certificate_on_mx",
        catalogue: Some("L25"),
        severity: Info,
        topic: Topic::Certificates,
        summary: t("a self-signed certificate on port 25", "ein selbstsigniertes Zertifikat auf Port 25"),
        what: t("A snakeoil or self-signed certificate on the port-25 service.", "Ein Snakeoil- oder selbstsigniertes Zertifikat auf dem Dienst an Port 25."),
        why: t(
            "Fine for opportunistic TLS between servers, but senders using MTA-STS will not deliver; DANE (TLSA `3 1 1`) can authenticate it.",
            "Für opportunistisches TLS zwischen Servern in Ordnung, aber Absender mit MTA-STS liefern nicht zu; DANE (TLSA `3 1 1`) kann es authentifizieren.",
        ),
        fix: t("Use a public CA certificate, or publish a TLSA record for it.", "Ein Zertifikat einer öffentlichen CA verwenden oder einen TLSA-Eintrag dafür veröffentlichen."),
        source: postconf("TLS_README", "https://www.postfix.org/TLS_README.html#server_cert_key"),
    },
    Rule {
        id: "fingerprint_digest_md5",
        catalogue: Some("L48"),
        severity: Warning,
        topic: Topic::Certificates,
        summary: t("certificate fingerprints compared with MD5", "Zertifikat-Fingerabdrücke werden mit MD5 verglichen"),
        what: t(
            "Certificate fingerprints in use (`fingerprint` security level, `smtp_tls_fingerprint_cert_match`, `relay_clientcerts`, `permit_tls_clientcerts`, `check_ccert_access`) while the digest is MD5: set so, the default before Postfix 3.6, or the default from 3.6 while `compatibility_level` is below 3.6 (a hint when the given main.cf does not set `compatibility_level`).",
            "Zertifikat-Fingerabdrücke im Einsatz (Sicherheitsstufe `fingerprint`, `smtp_tls_fingerprint_cert_match`, `relay_clientcerts`, `permit_tls_clientcerts`, `check_ccert_access`), während der Digest MD5 ist: so gesetzt, Voreinstellung vor Postfix 3.6 oder ab 3.6 bei einem `compatibility_level` unter 3.6 (ein Hinweis, wenn die angegebene main.cf `compatibility_level` nicht setzt).",
        ),
        why: t(
            "MD5 is broken for collision resistance, so a fingerprint is weak proof of a certificate; and SHA-256 fingerprints, which most tools print today, never match an MD5 comparison, so verification fails and mail is deferred or refused.",
            "MD5 ist nicht mehr kollisionsresistent, ein Fingerabdruck belegt ein Zertifikat also nur schwach; und SHA-256-Fingerabdrücke, die die meisten Werkzeuge heute ausgeben, passen nie zu einem MD5-Vergleich, sodass die Prüfung scheitert und Mail zurückgestellt oder abgewiesen wird.",
        ),
        fix: t(
            "Set `smtp_tls_fingerprint_digest = sha256` (client) or `smtpd_tls_fingerprint_digest = sha256` (server) and list SHA-256 fingerprints in the same change: old MD5 entries stop matching at once.",
            "`smtp_tls_fingerprint_digest = sha256` (Client) bzw. `smtpd_tls_fingerprint_digest = sha256` (Server) setzen und im selben Schritt SHA-256-Fingerabdrücke eintragen: alte MD5-Einträge passen sofort nicht mehr.",
        ),
        source: postconf("postconf(5) smtp_tls_fingerprint_digest", "https://www.postfix.org/postconf.5.html#smtp_tls_fingerprint_digest"),
    },
    // --- Submission ---------------------------------------------------------------------
    Rule {
        id: "submissions_name_unresolvable",
        catalogue: Some("L20"),
        severity: Warning,
        topic: Topic::Submission,
        summary: t("service name `submissions` before Postfix 3.6", "Dienstname `submissions` vor Postfix 3.6"),
        what: t("A master.cf service named `submissions` with Postfix older than 3.6.", "Ein master.cf-Dienst namens `submissions` mit Postfix vor 3.6."),
        why: t(
            "Before 3.6 Postfix resolves service names through /etc/services, which on older systems lacks `submissions`; the service then does not start.",
            "Vor 3.6 löst Postfix Dienstnamen über /etc/services auf, dem auf älteren Systemen `submissions` fehlt; der Dienst startet dann nicht.",
        ),
        fix: t("Name the service `465` or `smtps`.", "Den Dienst `465` oder `smtps` nennen."),
        source: postconf("postconf(5) known_tcp_ports", "https://www.postfix.org/postconf.5.html#known_tcp_ports"),
    },
    Rule {
        id: "wrappermode_in_main_cf",
        catalogue: Some("L21"),
        severity: Warning,
        topic: Topic::Submission,
        summary: t("`smtpd_tls_wrappermode` in main.cf", "`smtpd_tls_wrappermode` in der main.cf"),
        what: t("`smtpd_tls_wrappermode = yes` in main.cf.", "`smtpd_tls_wrappermode = yes` in der main.cf."),
        why: t(
            "It applies to every smtpd, including port 25, where senders expect plain SMTP with STARTTLS; Postfix \"strictly discourages\" it.",
            "Es gilt für jeden smtpd, auch für Port 25, wo Absender einfaches SMTP mit STARTTLS erwarten; Postfix rät \"strikt\" davon ab.",
        ),
        fix: t("Remove it from main.cf and set `-o smtpd_tls_wrappermode=yes` on the port-465 service.", "Aus main.cf entfernen und `-o smtpd_tls_wrappermode=yes` beim Dienst an Port 465 setzen."),
        source: postconf("postconf(5) smtpd_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtpd_tls_wrappermode"),
    },
    Rule {
        id: "wrappermode_on_submission",
        catalogue: None,
        severity: Error,
        topic: Topic::Submission,
        summary: t("implicit TLS on port 587", "implizites TLS an Port 587"),
        what: t(
            "`smtpd_tls_wrappermode=yes` on the `submission` (587) service, often an `-o` line left under a commented-out `#submissions` or `#smtps` line: comment lines do not end a service, so the indented line still belongs to the service above.",
            "`smtpd_tls_wrappermode=yes` beim Dienst `submission` (587), oft eine `-o`-Zeile unter einer auskommentierten Zeile `#submissions` oder `#smtps`: Kommentarzeilen beenden keinen Dienst, die eingerückte Zeile gehört weiter zum Dienst darüber.",
        ),
        why: t(
            "Mail clients speak plain SMTP with STARTTLS on port 587; with wrapper mode Postfix expects a TLS handshake first, so every client fails to connect (`postconf -P` shows `submission/inet/smtpd_tls_wrappermode = yes`).",
            "Mailprogramme sprechen an Port 587 einfaches SMTP mit STARTTLS; im Wrapper-Modus erwartet Postfix zuerst einen TLS-Handshake, also scheitert jeder Client (`postconf -P` zeigt `submission/inet/smtpd_tls_wrappermode = yes`).",
        ),
        fix: t(
            "Remove `-o smtpd_tls_wrappermode=yes` from the 587 service (comment out every line of a disabled service), and set it only on the 465 service.",
            "`-o smtpd_tls_wrappermode=yes` beim Dienst an 587 entfernen (bei einem abgeschalteten Dienst jede Zeile auskommentieren) und nur beim Dienst an 465 setzen.",
        ),
        source: postconf("master(5) syntax", "https://www.postfix.org/master.5.html"),
    },
    Rule {
        id: "level_ignored_with_wrappermode",
        catalogue: Some("L22"),
        severity: Info,
        topic: Topic::Submission,
        summary: t("a TLS level set on a wrapper-mode service", "TLS-Stufe bei einem Dienst im Wrapper-Modus gesetzt"),
        what: t("`-o smtpd_tls_security_level` on a service that also sets `smtpd_tls_wrappermode=yes`.", "`-o smtpd_tls_security_level` bei einem Dienst, der auch `smtpd_tls_wrappermode=yes` setzt."),
        why: t(
            "Wrapper mode always encrypts and uses the mandatory protocol and cipher settings; the level is ignored.",
            "Der Wrapper-Modus verschlüsselt immer und nutzt die verpflichtenden Protokoll- und Cipher-Einstellungen; die Stufe wird ignoriert.",
        ),
        fix: t("Remove the `smtpd_tls_security_level` override, or keep it only as documentation.", "Die Überschreibung von `smtpd_tls_security_level` entfernen oder nur als Dokumentation behalten."),
        source: postconf("postconf(5) smtpd_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtpd_tls_wrappermode"),
    },
    Rule {
        id: "sasl_over_cleartext",
        catalogue: Some("L28"),
        severity: Error,
        topic: Topic::Submission,
        summary: t("passwords may be sent without TLS", "Passwörter können ohne TLS übertragen werden"),
        what: t(
            "SASL authentication enabled on a service where TLS is optional, `smtpd_tls_auth_only` is not `yes` and `smtpd_sasl_security_options` lacks `noplaintext`.",
            "SASL-Anmeldung auf einem Dienst mit optionalem TLS, ohne `smtpd_tls_auth_only = yes` und ohne `noplaintext` in `smtpd_sasl_security_options`.",
        ),
        why: t(
            "Clients can log in before STARTTLS and send their password in clear text over the network.",
            "Clients können sich vor STARTTLS anmelden und ihr Passwort im Klartext über das Netz schicken.",
        ),
        fix: t(
            "Set `smtpd_tls_auth_only = yes` (or `-o smtpd_tls_auth_only=yes` on the service), or require TLS there with `smtpd_tls_security_level=encrypt`.",
            "`smtpd_tls_auth_only = yes` setzen (oder `-o smtpd_tls_auth_only=yes` beim Dienst) oder dort TLS mit `smtpd_tls_security_level=encrypt` verlangen.",
        ),
        source: postconf("SASL_README", "https://www.postfix.org/SASL_README.html#server_sasl_enable"),
    },
    Rule {
        id: "sasl_on_port_25",
        catalogue: Some("L29"),
        severity: Warning,
        topic: Topic::Submission,
        summary: t("login (SASL) offered on port 25", "SASL-Anmeldung auf Port 25"),
        what: t(
            "`smtpd_sasl_auth_enable = yes` in main.cf or on the port-25 service.",
            "`smtpd_sasl_auth_enable = yes` in main.cf oder beim Dienst an Port 25.",
        ),
        why: t(
            "Port 25 is for other mail servers; offering AUTH there invites password guessing and mixes users with server traffic.",
            "Port 25 ist für andere Mailserver; AUTH dort lädt zum Passwortraten ein und vermischt Nutzer mit Serververkehr.",
        ),
        fix: t(
            "Remove it from main.cf and enable SASL only on submission with `-o smtpd_sasl_auth_enable=yes`.",
            "Aus main.cf entfernen und SASL nur für die Einlieferung mit `-o smtpd_sasl_auth_enable=yes` einschalten.",
        ),
        source: postconf("SASL_README", "https://www.postfix.org/SASL_README.html#server_sasl_enable"),
    },
    Rule {
        id: "no_relay_protection",
        catalogue: Some("L30"),
        severity: Error,
        topic: Topic::Inbound,
        summary: t("restrictions do not stop relaying", "Restriktionen verhindern kein Relaying"),
        what: t(
            "An smtpd service whose `smtpd_relay_restrictions` and `smtpd_recipient_restrictions` together contain none of `reject`, `defer`, `defer_if_permit`, `reject_unauth_destination`, `defer_unauth_destination`. A whole main.cf without `compatibility_level` is at level 0, where `smtpd_relay_restrictions` is empty.",
            "Ein smtpd-Dienst, dessen `smtpd_relay_restrictions` und `smtpd_recipient_restrictions` zusammen keines von `reject`, `defer`, `defer_if_permit`, `reject_unauth_destination`, `defer_unauth_destination` enthalten. Eine vollständige main.cf ohne `compatibility_level` hat Stufe 0, bei der `smtpd_relay_restrictions` leer ist.",
        ),
        why: t(
            "smtpd stops with a fatal configuration error (\"specify at least one working instance of: reject_unauth_destination, ...\") at the first connection, so the service takes no mail at all.",
            "smtpd bricht bei der ersten Verbindung mit einem fatalen Konfigurationsfehler ab (\"specify at least one working instance of: reject_unauth_destination, ...\"); der Dienst nimmt gar keine Mail an.",
        ),
        fix: t(
            "End the relay restrictions with `reject_unauth_destination` (port 25) or `reject` (submission).",
            "Die Relay-Restriktionen mit `reject_unauth_destination` (Port 25) oder `reject` (Einlieferung) abschließen.",
        ),
        source: postconf("postconf(5) smtpd_relay_restrictions", "https://www.postfix.org/postconf.5.html#smtpd_relay_restrictions"),
    },
    Rule {
        id: "submission_not_restricted",
        catalogue: Some("L30"),
        severity: Warning,
        topic: Topic::Submission,
        summary: t("submission accepts mail without login", "Einlieferung nimmt Mail ohne Anmeldung an"),
        what: t(
            "A submission service (587/465) whose restrictions are not `permit_sasl_authenticated,reject`.",
            "Ein Einlieferungsdienst (587/465), dessen Restriktionen nicht `permit_sasl_authenticated,reject` sind.",
        ),
        why: t(
            "Without a final `reject`, clients that did not log in can still send mail through the submission port.",
            "Ohne abschließendes `reject` können auch nicht angemeldete Clients über den Einlieferungsport Mail senden.",
        ),
        fix: t(
            "Add `-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject` to the service, as the stock master.cf does.",
            "Beim Dienst `-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject` ergänzen, wie in der mitgelieferten master.cf.",
        ),
        source: postconf("master.cf (stock)", "https://www.postfix.org/postconf.5.html#smtpd_relay_restrictions"),
    },
    Rule {
        id: "no_implicit_tls_submission",
        catalogue: Some("L46"),
        severity: Info,
        topic: Topic::Submission,
        summary: t("only STARTTLS submission is offered", "nur Einlieferung mit STARTTLS angeboten"),
        what: t("A submission service on 587 but none on 465.", "Ein Einlieferungsdienst auf 587, aber keiner auf 465."),
        why: t(
            "RFC 8314 prefers implicit TLS on port 465 (`submissions`): no clear-text phase a network attacker could strip.",
            "RFC 8314 bevorzugt implizites TLS auf Port 465 (`submissions`): keine Klartextphase, die ein Angreifer im Netz entfernen könnte.",
        ),
        fix: t("Add a `submissions` (465) service with `-o smtpd_tls_wrappermode=yes`.", "Einen Dienst `submissions` (465) mit `-o smtpd_tls_wrappermode=yes` ergänzen."),
        source: postconf("RFC 8314 §3.3", "https://www.rfc-editor.org/rfc/rfc8314#section-3.3"),
    },
    // --- Outbound -----------------------------------------------------------------------
    Rule {
        id: "outbound_tls_mandatory_for_internet",
        catalogue: Some("L03"),
        severity: Warning,
        topic: Topic::Outbound,
        summary: t("mandatory outbound TLS for every destination", "verpflichtendes ausgehendes TLS für jedes Ziel"),
        what: t(
            "A global `smtp_tls_security_level` of `encrypt`, `verify`, `secure`, `dane-only` or `fingerprint` on a host that delivers directly to the Internet (no `relayhost`).",
            "Ein globales `smtp_tls_security_level` von `encrypt`, `verify`, `secure`, `dane-only` oder `fingerprint` auf einem Host, der direkt ins Internet zustellt (kein `relayhost`).",
        ),
        why: t(
            "Mail to servers without TLS or with self-signed certificates is deferred and finally bounced; postconf(5) calls these levels not appropriate defaults for systems delivering to the Internet.",
            "Mail an Server ohne TLS oder mit selbstsigniertem Zertifikat wird zurückgestellt und schließlich zurückgewiesen; postconf(5) nennt diese Stufen ungeeignet als Voreinstellung für Systeme, die ins Internet zustellen.",
        ),
        fix: t(
            "Use `may` (or `dane`) globally and require more only for chosen destinations in `smtp_tls_policy_maps`.",
            "Global `may` (oder `dane`) verwenden und mehr nur für ausgewählte Ziele in `smtp_tls_policy_maps` verlangen.",
        ),
        source: postconf("postconf(5) smtp_tls_security_level", "https://www.postfix.org/postconf.5.html#smtp_tls_security_level"),
    },
    Rule {
        id: "dane_without_dnssec",
        catalogue: Some("L04"),
        severity: Error,
        topic: Topic::Outbound,
        summary: t("a DANE level without DNSSEC lookups", "DANE ohne DNSSEC-Abfragen"),
        what: t(
            "`smtp_tls_security_level = dane` or `dane-only` while `smtp_dns_support_level` is not `dnssec`.",
            "`smtp_tls_security_level = dane` oder `dane-only`, während `smtp_dns_support_level` nicht `dnssec` ist.",
        ),
        why: t(
            "Without DNSSEC-validated lookups Postfix finds no TLSA records: `dane` silently acts like `may`, and `dane-only` defers all mail.",
            "Ohne DNSSEC-validierte Abfragen findet Postfix keine TLSA-Einträge: `dane` wirkt stillschweigend wie `may`, und `dane-only` stellt alle Mail zurück.",
        ),
        fix: t(
            "Set `smtp_dns_support_level = dnssec` and run a validating resolver on loopback.",
            "`smtp_dns_support_level = dnssec` setzen und einen validierenden Resolver auf Loopback betreiben.",
        ),
        source: postconf("postconf(5) smtp_dns_support_level", "https://www.postfix.org/postconf.5.html#smtp_dns_support_level"),
    },
    Rule {
        id: "verify_without_ca",
        catalogue: Some("L05"),
        severity: Warning,
        topic: Topic::Outbound,
        summary: t("certificate verification without trusted CAs", "Zertifikatsprüfung ohne vertrauenswürdige CAs"),
        what: t(
            "`verify` or `secure` outbound while `smtp_tls_CAfile` and `smtp_tls_CApath` are empty and `tls_append_default_CA` is `no`.",
            "Ausgehend `verify` oder `secure`, während `smtp_tls_CAfile` und `smtp_tls_CApath` leer sind und `tls_append_default_CA` auf `no` steht.",
        ),
        why: t(
            "No certificate can be verified, so every affected delivery is deferred as \"Unverified\".",
            "Kein Zertifikat kann geprüft werden; jede betroffene Zustellung wird als \"Unverified\" zurückgestellt.",
        ),
        fix: t(
            "Set `smtp_tls_CAfile` to the system bundle, for example `/etc/ssl/certs/ca-certificates.crt`.",
            "`smtp_tls_CAfile` auf das System-Bündel setzen, etwa `/etc/ssl/certs/ca-certificates.crt`.",
        ),
        source: postconf("postconf(5) smtp_tls_CAfile", "https://www.postfix.org/postconf.5.html#smtp_tls_CAfile"),
    },
    Rule {
        id: "ca_file_is_own_certificate",
        catalogue: Some("L06"),
        severity: Warning,
        topic: Topic::Outbound,
        summary: t("the outbound CA file is your own certificate", "die ausgehende CA-Datei ist das eigene Zertifikat"),
        what: t(
            "`smtp_tls_CAfile` naming the server's own certificate or chain (for example Let's Encrypt `cert.pem`, `chain.pem`, `fullchain.pem`).",
            "`smtp_tls_CAfile` nennt das eigene Server-Zertifikat oder die Kette (etwa Let's Encrypt `cert.pem`, `chain.pem`, `fullchain.pem`).",
        ),
        why: t(
            "Postfix then trusts only that one CA when verifying other servers, so verification fails for almost everyone else.",
            "Postfix vertraut beim Prüfen anderer Server dann nur dieser einen CA; die Prüfung scheitert bei fast allen anderen.",
        ),
        fix: t(
            "Point `smtp_tls_CAfile` at the system CA bundle, for example `/etc/ssl/certs/ca-certificates.crt`.",
            "`smtp_tls_CAfile` auf das System-CA-Bündel zeigen lassen, etwa `/etc/ssl/certs/ca-certificates.crt`.",
        ),
        source: postconf("postconf(5) smtp_tls_CAfile", "https://www.postfix.org/postconf.5.html#smtp_tls_CAfile"),
    },
    Rule {
        id: "smtp_wrappermode_below_encrypt",
        catalogue: Some("L08"),
        severity: Error,
        topic: Topic::Outbound,
        summary: t("client wrapper mode without mandatory TLS", "Client-Wrapper-Modus ohne verpflichtendes TLS"),
        what: t(
            "`smtp_tls_wrappermode = yes` while `smtp_tls_security_level` is below `encrypt`.",
            "`smtp_tls_wrappermode = yes`, während `smtp_tls_security_level` unter `encrypt` liegt.",
        ),
        why: t(
            "Postfix requires `encrypt` or stronger for implicit-TLS (port 465) relaying; otherwise delivery to the relayhost fails.",
            "Postfix verlangt für Relaying mit implizitem TLS (Port 465) `encrypt` oder stärker; sonst scheitert die Zustellung an den Relayhost.",
        ),
        fix: t(
            "Set `smtp_tls_security_level = encrypt` where wrapper mode is used.",
            "Dort, wo der Wrapper-Modus verwendet wird, `smtp_tls_security_level = encrypt` setzen.",
        ),
        source: postconf("postconf(5) smtp_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtp_tls_wrappermode"),
    },
    Rule {
        id: "relayhost_implicit_tls_without_wrappermode",
        catalogue: None,
        severity: Warning,
        topic: Topic::Outbound,
        summary: t("a port-465 relayhost without client wrapper mode", "ein Relayhost an Port 465 ohne Client-Wrapper-Modus"),
        what: t(
            "`relayhost` on port 465 (`[smtp.example.com]:465`, `:smtps`, `:submissions`) while `smtp_tls_wrappermode` is not `yes` for the SMTP client.",
            "`relayhost` an Port 465 (`[smtp.example.com]:465`, `:smtps`, `:submissions`), während `smtp_tls_wrappermode` für den SMTP-Client nicht `yes` ist.",
        ),
        why: t(
            "Port 465 speaks TLS from the first byte and waits for the client's TLS handshake; without wrapper mode Postfix waits for a plain-text greeting instead. Both sides wait until the connection times out, and every message to the relayhost stays deferred.",
            "Port 465 spricht vom ersten Byte an TLS und wartet auf den TLS-Handshake des Clients; ohne Wrapper-Modus wartet Postfix stattdessen auf eine Begrüßung im Klartext. Beide Seiten warten, bis die Verbindung abbricht, und jede Nachricht an den Relayhost bleibt liegen.",
        ),
        fix: t(
            "Set `smtp_tls_wrappermode = yes` with `smtp_tls_security_level = encrypt`, or use the relayhost's port 587 with STARTTLS.",
            "`smtp_tls_wrappermode = yes` mit `smtp_tls_security_level = encrypt` setzen oder Port 587 des Relayhosts mit STARTTLS verwenden.",
        ),
        source: postconf("postconf(5) smtp_tls_wrappermode", "https://www.postfix.org/postconf.5.html#smtp_tls_wrappermode"),
    },
    Rule {
        id: "outbound_tls_disabled",
        catalogue: Some("L41"),
        severity: Info,
        topic: Topic::Outbound,
        summary: t("outbound mail is sent without TLS", "ausgehende Mail wird ohne TLS gesendet"),
        what: t(
            "`smtp_tls_security_level` unset or `none` where this Postfix version then sends in clear text.",
            "`smtp_tls_security_level` nicht gesetzt oder `none`, wobei diese Postfix-Version dann im Klartext sendet.",
        ),
        why: t(
            "Before 3.11 (and on 3.11 unless `compatibility_level` is at least 3.11) the default is no TLS: your outgoing mail can be read on the way.",
            "Vor 3.11 (und bei 3.11 ohne `compatibility_level` von mindestens 3.11) ist die Voreinstellung kein TLS: Ausgehende Mail kann unterwegs gelesen werden.",
        ),
        fix: t("Set `smtp_tls_security_level = may`.", "`smtp_tls_security_level = may` setzen."),
        source: postconf("postconf(5) smtp_tls_security_level", "https://www.postfix.org/postconf.5.html#smtp_tls_security_level"),
    },
    // --- Protocols, ciphers, key exchange -------------------------------------------------
    Rule {
        id: "deprecated_tls_switch",
        catalogue: Some("L09"),
        severity: Warning,
        topic: Topic::General,
        summary: t("an obsolete TLS switch", "ein veralteter TLS-Schalter"),
        what: t(
            "`smtpd_use_tls`, `smtpd_enforce_tls`, their `smtp_`/`lmtp_` twins, `*_tls_per_site`, `smtp_tls_enforce_peername` and `disable_dns_lookups`.",
            "`smtpd_use_tls`, `smtpd_enforce_tls`, deren `smtp_`/`lmtp_`-Gegenstücke, `*_tls_per_site`, `smtp_tls_enforce_peername` und `disable_dns_lookups`.",
        ),
        why: t(
            "They were replaced in Postfix 2.3; a security level overrides them, `postconf` warns that they will be removed (3.9+), and they confuse readers about what is in effect.",
            "Sie wurden in Postfix 2.3 ersetzt; eine Sicherheitsstufe hat Vorrang, `postconf` warnt, dass sie entfernt werden (ab 3.9), und sie verwirren beim Lesen, was gilt.",
        ),
        fix: t("Use the replacement named in the help.", "Den im Hinweis genannten Ersatz verwenden."),
        source: postconf("DEPRECATION_README", "https://www.postfix.org/DEPRECATION_README.html"),
    },
    Rule {
        id: "dh_param_file_deprecated",
        catalogue: Some("L10"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("a custom DH parameter file where OpenSSL chooses better", "eine eigene DH-Parameterdatei, wo OpenSSL besser wählt"),
        what: t(
            "`smtpd_tls_dh1024_param_file` set on Postfix 3.9+ (warning) or on 3.7–3.8 with OpenSSL 3 (advice).",
            "`smtpd_tls_dh1024_param_file` gesetzt bei Postfix ab 3.9 (Warnung) oder bei 3.7–3.8 mit OpenSSL 3 (Hinweis).",
        ),
        why: t(
            "With OpenSSL 3 Postfix lets OpenSSL pick standard DH groups; custom parameters are no longer recommended and `postconf` 3.9+ warns about them.",
            "Mit OpenSSL 3 lässt Postfix OpenSSL Standard-DH-Gruppen wählen; eigene Parameter werden nicht mehr empfohlen, und `postconf` ab 3.9 warnt davor.",
        ),
        fix: t("Remove the line (leave the parameter at its default).", "Die Zeile entfernen (den Parameter auf der Voreinstellung lassen)."),
        source: postconf("postconf(5) smtpd_tls_dh1024_param_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_dh1024_param_file"),
    },
    Rule {
        id: "dh512_param_file_ignored",
        catalogue: Some("L11"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("512-bit export DH parameters", "512-Bit-Export-DH-Parameter"),
        what: t("`smtpd_tls_dh512_param_file` set.", "`smtpd_tls_dh512_param_file` gesetzt."),
        why: t(
            "It serves only export ciphers (FREAK/Logjam) and is ignored since Postfix 3.6.",
            "Er dient nur Export-Ciphern (FREAK/Logjam) und wird seit Postfix 3.6 ignoriert.",
        ),
        fix: t("Remove the line.", "Die Zeile entfernen."),
        source: postconf("postconf(5) smtpd_tls_dh512_param_file", "https://www.postfix.org/postconf.5.html#smtpd_tls_dh512_param_file"),
    },
    Rule {
        id: "eecdh_grade_ignored",
        catalogue: Some("L12"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("`smtpd_tls_eecdh_grade` has no effect", "`smtpd_tls_eecdh_grade` hat keine Wirkung"),
        what: t("`smtpd_tls_eecdh_grade` set on Postfix 3.6 or later.", "`smtpd_tls_eecdh_grade` gesetzt bei Postfix ab 3.6."),
        why: t(
            "It is ignored since 3.6 and `postconf` warns about it from 3.9; curves come from `tls_eecdh_auto_curves`.",
            "Es wird seit 3.6 ignoriert, `postconf` warnt ab 3.9 davor; Kurven kommen aus `tls_eecdh_auto_curves`.",
        ),
        fix: t("Remove the line.", "Die Zeile entfernen."),
        source: postconf("postconf(5) smtpd_tls_eecdh_grade", "https://www.postfix.org/postconf.5.html#smtpd_tls_eecdh_grade"),
    },
    Rule {
        id: "weak_cipher_grade",
        catalogue: Some("L13"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("the `export` or `low` cipher grade", "die Cipher-Stufe `export` oder `low`"),
        what: t(
            "A cipher grade of `export` or `low`, or the old `export` default on Postfix before 3.1.",
            "Die Cipher-Stufe `export` oder `low` oder die alte Voreinstellung `export` vor Postfix 3.1.",
        ),
        why: t(
            "Export ciphers enable FREAK and Logjam downgrade attacks; from 3.8 Postfix treats these grades as `medium` anyway.",
            "Export-Cipher ermöglichen FREAK- und Logjam-Downgrade-Angriffe; ab 3.8 behandelt Postfix diese Stufen ohnehin als `medium`.",
        ),
        fix: t("Use `medium` (the default since 3.1).", "`medium` verwenden (seit 3.1 die Voreinstellung)."),
        source: postconf("weakdh.org sysadmin guide", "https://weakdh.org/sysadmin.html"),
    },
    Rule {
        id: "protocol_range_unsupported",
        catalogue: Some("L14"),
        severity: Error,
        topic: Topic::Protocols,
        summary: t("`>=`/`<=` protocol ranges before Postfix 3.6", "Protokollbereiche mit `>=`/`<=` vor Postfix 3.6"),
        what: t("A protocol list using `>=TLSv…` or `<=TLSv…` with Postfix older than 3.6.", "Eine Protokoll-Liste mit `>=TLSv…` oder `<=TLSv…` bei Postfix vor 3.6."),
        why: t(
            "Older versions do not understand the range syntax and refuse the setting, so TLS fails.",
            "Ältere Versionen verstehen die Bereichsschreibweise nicht und verweigern die Einstellung; TLS scheitert.",
        ),
        fix: t("List exclusions instead, for example `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`.", "Stattdessen Ausschlüsse aufzählen, etwa `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`."),
        source: postconf("postconf(5) smtpd_tls_protocols", "https://www.postfix.org/postconf.5.html#smtpd_tls_protocols"),
    },
    Rule {
        id: "protocol_exclusions_not_contiguous",
        catalogue: Some("L15"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("a gap in the protocol exclusions", "eine Lücke in den Protokoll-Ausschlüssen"),
        what: t(
            "Exclusions that disable a protocol while an older one stays enabled, for example `!TLSv1.1` with TLSv1 allowed.",
            "Ausschlüsse, die ein Protokoll sperren, während ein älteres erlaubt bleibt, etwa `!TLSv1.1` bei erlaubtem TLSv1.",
        ),
        why: t(
            "OpenSSL only supports a contiguous range: excluding a middle version disables every version above it, leaving only the old one.",
            "OpenSSL unterstützt nur einen zusammenhängenden Bereich: Der Ausschluss einer mittleren Version sperrt alle darüber, übrig bleibt nur die alte.",
        ),
        fix: t("Exclude every older version too, or use `>=` on Postfix 3.6+.", "Auch alle älteren Versionen ausschließen oder ab Postfix 3.6 `>=` verwenden."),
        source: postconf("postconf(5) smtp_tls_protocols", "https://www.postfix.org/postconf.5.html#smtp_tls_protocols"),
    },
    Rule {
        id: "tlsv13_name_unsupported",
        catalogue: Some("L16"),
        severity: Error,
        topic: Topic::Protocols,
        summary: t("`TLSv1.3` before Postfix 3.4", "`TLSv1.3` vor Postfix 3.4"),
        what: t("The protocol name `TLSv1.3` in a protocol list with Postfix older than 3.4.", "Der Protokollname `TLSv1.3` in einer Protokoll-Liste bei Postfix vor 3.4."),
        why: t(
            "Versions before 3.4 (except late patch releases 3.0.14, 3.1.10, 3.2.7, 3.3.2) do not know the name and refuse the list.",
            "Versionen vor 3.4 (außer späten Patch-Versionen 3.0.14, 3.1.10, 3.2.7, 3.3.2) kennen den Namen nicht und verweigern die Liste.",
        ),
        fix: t("Remove `TLSv1.3` from the list.", "`TLSv1.3` aus der Liste entfernen."),
        source: postconf("postconf(5) smtpd_tls_protocols", "https://www.postfix.org/postconf.5.html#smtpd_tls_protocols"),
    },
    Rule {
        id: "mandatory_only_while_opportunistic",
        catalogue: Some("L23"),
        severity: Info,
        topic: Topic::Protocols,
        summary: t("only mandatory TLS settings changed while TLS is optional", "nur verpflichtende TLS-Einstellungen geändert, obwohl TLS optional ist"),
        what: t(
            "`*_tls_mandatory_protocols` or `*_tls_mandatory_ciphers` customised while the level is `may` and no service requires TLS.",
            "`*_tls_mandatory_protocols` oder `*_tls_mandatory_ciphers` angepasst, während die Stufe `may` ist und kein Dienst TLS verlangt.",
        ),
        why: t(
            "Mandatory settings apply only at `encrypt` and above or in wrapper mode; with `may` they change nothing.",
            "Verpflichtende Einstellungen gelten nur ab `encrypt` oder im Wrapper-Modus; bei `may` ändern sie nichts.",
        ),
        fix: t("Set the opportunistic twin (`*_tls_protocols`, `*_tls_ciphers`) if that was the intent.", "Das opportunistische Gegenstück (`*_tls_protocols`, `*_tls_ciphers`) setzen, falls das gemeint war."),
        source: postconf("postconf(5) smtpd_tls_mandatory_protocols", "https://www.postfix.org/postconf.5.html#smtpd_tls_mandatory_protocols"),
    },
    Rule {
        id: "cipherlist_overridden",
        catalogue: Some("L33"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("a built-in cipher list is overridden", "eine eingebaute Cipher-Liste wird überschrieben"),
        what: t("`tls_high_cipherlist`, `tls_medium_cipherlist` (or the other grade lists) set.", "`tls_high_cipherlist`, `tls_medium_cipherlist` (oder eine andere Stufen-Liste) gesetzt."),
        why: t(
            "Postfix strongly encourages not to change them: the change affects every service using that grade, including port 25, and misses later improvements of the defaults.",
            "Postfix rät dringend davon ab: Die Änderung betrifft jeden Dienst dieser Stufe, auch Port 25, und verpasst spätere Verbesserungen der Voreinstellungen.",
        ),
        fix: t(
            "Remove it; choose a grade and use `*_tls_exclude_ciphers`, or set stricter values per service with `-o`.",
            "Entfernen; eine Stufe wählen und `*_tls_exclude_ciphers` verwenden oder strengere Werte je Dienst mit `-o` setzen.",
        ),
        source: postconf("postconf(5) tls_high_cipherlist", "https://www.postfix.org/postconf.5.html#tls_high_cipherlist"),
    },
    Rule {
        id: "cipherlist_empty",
        catalogue: Some("L34"),
        severity: Error,
        topic: Topic::Protocols,
        summary: t("an empty cipher list", "eine leere Cipher-Liste"),
        what: t("`tls_high_cipherlist` or `tls_medium_cipherlist` set to nothing.", "`tls_high_cipherlist` oder `tls_medium_cipherlist` ohne Wert."),
        why: t(
            "An empty list is invalid: TLS with that grade fails (TLS 1.3 suites are not configured here).",
            "Eine leere Liste ist ungültig: TLS mit dieser Stufe scheitert (TLS-1.3-Suites werden hier nicht konfiguriert).",
        ),
        fix: t("Remove the line to get the built-in list back.", "Die Zeile entfernen, um die eingebaute Liste zurückzubekommen."),
        source: postconf("postconf(5) tls_high_cipherlist", "https://www.postfix.org/postconf.5.html#tls_high_cipherlist"),
    },
    Rule {
        id: "preempt_cipherlist",
        catalogue: Some("L35"),
        severity: Info,
        topic: Topic::Protocols,
        summary: t("server cipher order is enforced", "Server-Cipher-Reihenfolge wird erzwungen"),
        what: t("`tls_preempt_cipherlist = yes` in main.cf or on a service.", "`tls_preempt_cipherlist = yes` in der main.cf oder bei einem Dienst."),
        why: t(
            "Useful only while weak suites remain enabled; postconf(5) notes interoperability problems with some clients.",
            "Nur nützlich, solange schwache Suites aktiv sind; postconf(5) weist auf Interoperabilitätsprobleme mit manchen Clients hin.",
        ),
        fix: t("Keep it only if a scanner requires server cipher order.", "Nur behalten, wenn ein Scanner die Server-Reihenfolge verlangt."),
        source: postconf("postconf(5) tls_preempt_cipherlist", "https://www.postfix.org/postconf.5.html#tls_preempt_cipherlist"),
    },
    Rule {
        id: "dh_parameters_too_small",
        catalogue: Some("L36"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("a DH parameter file smaller than 2048 bits", "DH-Parameter kleiner als 2048 Bit"),
        what: t(
            "`smtpd_tls_dh1024_param_file` naming a file whose name says 512 or 1024 bits.",
            "`smtpd_tls_dh1024_param_file` nennt eine Datei, deren Name 512 oder 1024 Bit angibt.",
        ),
        why: t(
            "DH groups of 1024 bits or less are breakable (Logjam) and scanners flag them.",
            "DH-Gruppen mit 1024 Bit oder weniger sind brechbar (Logjam), und Scanner bemängeln sie.",
        ),
        fix: t(
            "Generate 2048-bit parameters with `openssl dhparam -out /etc/postfix/dh2048.pem 2048`, or leave the parameter empty on Postfix 3.7+ with OpenSSL 3.",
            "2048-Bit-Parameter mit `openssl dhparam -out /etc/postfix/dh2048.pem 2048` erzeugen oder den Parameter ab Postfix 3.7 mit OpenSSL 3 leer lassen.",
        ),
        source: postconf("weakdh.org sysadmin guide", "https://weakdh.org/sysadmin.html"),
    },
    Rule {
        id: "scanner_clean_tradeoff",
        catalogue: Some("L32"),
        severity: Info,
        topic: Topic::Protocols,
        summary: t("scanner-clean settings cost interoperability", "scannerfreundliche Einstellungen kosten Interoperabilität"),
        what: t("The \"scanner-clean\" profile was chosen.", "Das Profil \"scannerfreundlich\" wurde gewählt."),
        why: t(
            "internet.nl and testssl.sh flag TLS 1.0/1.1, CBC, 3DES and small DH groups; removing them makes scanners green but some legacy senders can no longer deliver over TLS.",
            "internet.nl und testssl.sh bemängeln TLS 1.0/1.1, CBC, 3DES und kleine DH-Gruppen; ohne sie sind Scanner zufrieden, aber manche alten Absender können nicht mehr per TLS zustellen.",
        ),
        fix: t("Keep it only if a scanner grade matters more than maximum deliverability.", "Nur behalten, wenn die Scanner-Bewertung wichtiger ist als maximale Zustellbarkeit."),
        source: postconf("Internet.nl", "https://internet.nl/faqs/report/"),
    },
    Rule {
        id: "pq_key_share_first",
        catalogue: Some("L37"),
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("a post-quantum key share sent first", "ein Post-Quanten-Schlüsselanteil zuerst gesendet"),
        what: t(
            "`X25519MLKEM768` as the first entry of `tls_eecdh_auto_curves`.",
            "`X25519MLKEM768` als erster Eintrag von `tls_eecdh_auto_curves`.",
        ),
        why: t(
            "The first group is sent as the client's initial TLS 1.3 key share: a hybrid share makes the ClientHello large, which some middleboxes and servers mishandle; Postfix 3.11 deliberately delays it (`?X25519MLKEM768`). OpenSSL before 3.5 does not know it.",
            "Die erste Gruppe wird als erster TLS-1.3-Schlüsselanteil des Clients gesendet: Ein hybrider Anteil macht das ClientHello groß, was manche Middleboxen und Server nicht verkraften; Postfix 3.11 verzögert ihn absichtlich (`?X25519MLKEM768`). OpenSSL vor 3.5 kennt ihn nicht.",
        ),
        fix: t(
            "Leave `tls_eecdh_auto_curves` at its default, or write `?X25519MLKEM768` after a classic group.",
            "`tls_eecdh_auto_curves` auf der Voreinstellung lassen oder `?X25519MLKEM768` nach einer klassischen Gruppe schreiben.",
        ),
        source: postconf("postconf(5) tls_eecdh_auto_curves", "https://www.postfix.org/postconf.5.html#tls_eecdh_auto_curves"),
    },
    Rule {
        id: "server_session_cache_unneeded",
        catalogue: Some("L39"),
        severity: Info,
        topic: Topic::Protocols,
        summary: t("a server-side TLS session cache", "ein serverseitiger TLS-Sitzungscache"),
        what: t(
            "`smtpd_tls_session_cache_database` set with Postfix 2.11 or later.",
            "`smtpd_tls_session_cache_database` gesetzt bei Postfix ab 2.11.",
        ),
        why: t(
            "Since 2.11 Postfix resumes sessions with stateless session tickets; the server cache adds a database and a process without benefit.",
            "Seit 2.11 setzt Postfix Sitzungen mit zustandslosen Session-Tickets fort; der Server-Cache bringt eine Datenbank und einen Prozess ohne Nutzen.",
        ),
        fix: t("Remove the line (the client cache `smtp_tls_session_cache_database` stays useful).", "Die Zeile entfernen (der Client-Cache `smtp_tls_session_cache_database` bleibt nützlich)."),
        source: postconf("postconf(5) smtpd_tls_session_cache_database", "https://www.postfix.org/postconf.5.html#smtpd_tls_session_cache_database"),
    },
    Rule {
        id: "berkeley_db_table",
        catalogue: None,
        severity: Warning,
        topic: Topic::Protocols,
        summary: t("a Berkeley DB table (`hash:`, `btree:`) with Postfix 3.11", "eine Berkeley-DB-Tabelle (`hash:`, `btree:`) mit Postfix 3.11"),
        what: t(
            "`hash:` or `btree:` tables, such as `smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd` or Debian's stock `smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache`, with Postfix 3.11 or later.",
            "`hash:`- oder `btree:`-Tabellen, etwa `smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd` oder Debians `smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache`, mit Postfix ab 3.11.",
        ),
        why: t(
            "Distributions are removing Berkeley DB. Debian's Postfix 3.11 logs \"hash/btree support is deprecated. Please switch to cdb or lmdb\" each time a daemon opens such a table (the TLS session cache at every start, the password map at every delivery); builds without Berkeley DB cannot open them at all.",
            "Distributionen entfernen Berkeley DB. Debians Postfix 3.11 protokolliert \"hash/btree support is deprecated. Please switch to cdb or lmdb\", sobald ein Dienst eine solche Tabelle öffnet (den TLS-Sitzungscache bei jedem Start, die Passworttabelle bei jeder Zustellung); Builds ohne Berkeley DB können sie gar nicht öffnen.",
        ),
        fix: t(
            "Use `lmdb:` (or `cdb:` for a table only `postmap` writes) and run `postmap` on it; for a cache, `${default_cache_db_type}:${data_directory}/smtp_scache`.",
            "`lmdb:` verwenden (oder `cdb:` für eine Tabelle, die nur `postmap` schreibt) und `postmap` darauf ausführen; für einen Cache `${default_cache_db_type}:${data_directory}/smtp_scache`.",
        ),
        source: postconf("NON_BERKELEYDB_README", "https://www.postfix.org/NON_BERKELEYDB_README.html"),
    },
    Rule {
        id: "tls_debug_loglevel",
        catalogue: Some("L38"),
        severity: Info,
        topic: Topic::Logging,
        summary: t("debug-level TLS logging", "TLS-Debug-Protokollierung"),
        what: t("`smtpd_tls_loglevel` or `smtp_tls_loglevel` of 2 or more.", "`smtpd_tls_loglevel` oder `smtp_tls_loglevel` von 2 oder mehr."),
        why: t(
            "Levels above 1 are for debugging: they fill the log quickly; 4 is strongly discouraged.",
            "Stufen über 1 dienen der Fehlersuche: Sie füllen das Protokoll schnell; 4 wird ausdrücklich nicht empfohlen.",
        ),
        fix: t("Use `1` for a one-line summary per TLS session.", "`1` für eine einzeilige Zusammenfassung je TLS-Sitzung verwenden."),
        source: postconf("postconf(5) smtpd_tls_loglevel", "https://www.postfix.org/postconf.5.html#smtpd_tls_loglevel"),
    },
    Rule {
        id: "series_end_of_life",
        catalogue: None,
        severity: Warning,
        topic: Topic::Host,
        summary: t("a Postfix series without security fixes", "eine Postfix-Reihe ohne Sicherheitskorrekturen"),
        what: t(
            "The selected Postfix series when upstream no longer supports it and no current distribution patches it: 2.x and 3.0 to 3.4.",
            "Die gewählte Postfix-Reihe, wenn upstream sie nicht mehr pflegt und keine aktuelle Distribution sie patcht: 2.x und 3.0 bis 3.4.",
        ),
        why: t(
            "Upstream supports the current stable series and the three before it; older series get no fixes, and a mail server faces the Internet (the 2023 SMTP smuggling fixes reached only supported series).",
            "Upstream pflegt die aktuelle stabile Reihe und die drei davor; ältere Reihen bekommen keine Korrekturen, und ein Mailserver steht im Internet (die Korrekturen gegen SMTP-Smuggling 2023 gab es nur für gepflegte Reihen).",
        ),
        fix: t(
            "Upgrade to a supported series, usually by upgrading the distribution; until then keep this host's exposure small.",
            "Auf eine gepflegte Reihe aktualisieren, meist mit einem Upgrade der Distribution; bis dahin diesen Host möglichst wenig angreifbar halten.",
        ),
        source: postconf("postfix.org source page; endoflife.date/postfix", "https://endoflife.date/postfix"),
    },
    Rule {
        id: "series_patched_by_distribution",
        catalogue: None,
        severity: Info,
        topic: Topic::Host,
        summary: t("a Postfix series only a distribution still patches", "eine Postfix-Reihe, die nur noch eine Distribution pflegt"),
        what: t(
            "The selected Postfix series when upstream support has ended but a distribution still ships security fixes: 3.7 (Debian 12), 3.6 (Ubuntu 22.04), 3.5 (RHEL 8 and 9).",
            "Die gewählte Postfix-Reihe, wenn upstream sie nicht mehr pflegt, eine Distribution aber weiter Sicherheitskorrekturen liefert: 3.7 (Debian 12), 3.6 (Ubuntu 22.04), 3.5 (RHEL 8 und 9).",
        ),
        why: t(
            "The host is safe as long as the distribution's updates are installed; upstream fixes reach it only through the distribution, and its support ends with the distribution release.",
            "Der Host ist sicher, solange die Updates der Distribution installiert sind; Korrekturen von upstream kommen nur über die Distribution, und ihre Pflege endet mit der Distributionsversion.",
        ),
        fix: t(
            "Nothing to change now: install updates, and move to a supported series with the next distribution release.",
            "Jetzt nichts zu ändern: Updates installieren und mit der nächsten Distributionsversion auf eine gepflegte Reihe wechseln.",
        ),
        source: postconf("postfix.org source page; endoflife.date/postfix", "https://endoflife.date/postfix"),
    },
    Rule {
        id: "unlikely_version_pair",
        catalogue: None,
        severity: Warning,
        topic: Topic::Host,
        summary: t("a Postfix and OpenSSL pair no distribution shipped", "ein Paar aus Postfix und OpenSSL, das keine Distribution ausgeliefert hat"),
        what: t(
            "An OpenSSL newer than any a distribution shipped with the selected Postfix series, such as Postfix 2.10 with OpenSSL 3.0 (Postfix 2.10 came with OpenSSL 1.0 on RHEL 7).",
            "Ein OpenSSL, das neuer ist als jedes, das eine Distribution mit der gewählten Postfix-Reihe ausgeliefert hat, etwa Postfix 2.10 mit OpenSSL 3.0 (Postfix 2.10 kam auf RHEL 7 mit OpenSSL 1.0).",
        ),
        why: t(
            "Such a pair usually means one version was picked by mistake; the output is then written for features the real host does not have, or leaves out what it needs.",
            "Ein solches Paar heißt meist, dass eine Version versehentlich gewählt wurde; die Ausgabe passt dann zu Funktionen, die der echte Host nicht hat, oder lässt weg, was er braucht.",
        ),
        fix: t(
            "Read both versions on the host (`postconf mail_version`, `openssl version`) or pick the distribution.",
            "Beide Versionen auf dem Host ablesen (`postconf mail_version`, `openssl version`) oder die Distribution wählen.",
        ),
        source: postconf("RELEASE_NOTES-3.6 (OpenSSL requirements)", "https://www.postfix.org/announcements/postfix-3.6.0.html"),
    },
    Rule {
        id: "mx_without_tls",
        catalogue: None,
        severity: Warning,
        topic: Topic::Inbound,
        summary: t("no TLS on port 25 of a public MX", "kein TLS auf Port 25 eines öffentlichen MX"),
        what: t(
            "A public MX whose port-25 service has TLS switched off: `smtpd_tls_security_level = none`, or `smtpd_use_tls = no` without a level.",
            "Ein öffentlicher MX, dessen Dienst auf Port 25 TLS abgeschaltet hat: `smtpd_tls_security_level = none` oder `smtpd_use_tls = no` ohne Stufe.",
        ),
        why: t(
            "Every server then delivers to this host in cleartext: anyone on the path reads the mail, and senders with DANE or MTA-STS policies for your domain defer it. Offering STARTTLS costs nothing, since senders without TLS still deliver in the clear (RFC 7435).",
            "Jeder Server liefert dann im Klartext ein: Jeder auf dem Weg liest die Mail mit, und Absender mit DANE- oder MTA-STS-Richtlinien für Ihre Domain stellen sie zurück. STARTTLS anzubieten kostet nichts, Absender ohne TLS liefern weiter im Klartext (RFC 7435).",
        ),
        fix: t(
            "Set `smtpd_tls_security_level = may` and a certificate (even a self-signed one is better than none on port 25).",
            "`smtpd_tls_security_level = may` und ein Zertifikat setzen (auf Port 25 ist selbst ein selbstsigniertes besser als keines).",
        ),
        source: postconf("RFC 7435 Opportunistic Security; TLS_README", "https://www.rfc-editor.org/rfc/rfc7435"),
    },
    Rule {
        id: "relay_password_over_optional_tls",
        catalogue: None,
        severity: Warning,
        topic: Topic::Outbound,
        summary: t("a smarthost login over optional TLS", "eine Smarthost-Anmeldung über optionales TLS"),
        what: t(
            "`smtp_sasl_auth_enable = yes` with a `relayhost` while `smtp_tls_security_level` is `may`, `none` or unset.",
            "`smtp_sasl_auth_enable = yes` mit einem `relayhost`, während `smtp_tls_security_level` auf `may`, `none` steht oder fehlt.",
        ),
        why: t(
            "With optional TLS an attacker who strips STARTTLS decides whether the login happens without TLS: a mechanism other than PLAIN/LOGIN then sends a password hash in the clear, and otherwise the mail is deferred without saying why.",
            "Mit optionalem TLS entscheidet ein Angreifer, der STARTTLS entfernt, ob die Anmeldung ohne TLS stattfindet: Ein anderer Mechanismus als PLAIN/LOGIN sendet dann einen Passwort-Hash im Klartext, sonst wird die Mail ohne Begründung zurückgestellt.",
        ),
        fix: t(
            "Set `smtp_tls_security_level = encrypt` (all mail goes to the smarthost), or `encrypt` for the smarthost in `smtp_tls_policy_maps`.",
            "`smtp_tls_security_level = encrypt` setzen (alle Mail geht an den Smarthost) oder `encrypt` für den Smarthost in `smtp_tls_policy_maps`.",
        ),
        source: postconf("SASL_README, client-side authentication", "https://www.postfix.org/SASL_README.html#client_sasl_enable"),
    },
];
