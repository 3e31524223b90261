//! The words of the user interface itself, in English and German.
//!
//! Everything about Postfix (labels and help of the choices, diagnostics, rule explanations)
//! comes from the core; this table only holds the page's own buttons, headings and notices.

use postfix_tls::diagnostic::Topic;
use postfix_tls::lang::Text;

/// A fixed bilingual string.
const fn t(en: &'static str, de: &'static str) -> Text {
    Text::fixed(en, de)
}

pub static TITLE: Text = t("Postfix TLS configuration", "Postfix-TLS-Konfiguration");
pub static TAGLINE: Text = t(
    "Generate and check TLS settings for Postfix, for the version you run. Everything stays in your browser.",
    "TLS-Einstellungen für Postfix erzeugen und prüfen, passend zur eingesetzten Version. Alles bleibt im Browser.",
);
pub static LANGUAGE: Text = t("Language", "Sprache");

pub static TAB_GENERATE: Text = t("Generate", "Erzeugen");
pub static TAB_CHECK: Text = t("Check my config", "Meine Konfiguration prüfen");
pub static TAB_VERIFY: Text = t("How to verify", "So prüfen Sie es");
pub static TAB_REFERENCE: Text = t("Reference", "Referenz");
pub static SECTIONS: Text = t("Sections", "Bereiche");

pub static DISMISS: Text = t("Dismiss", "Schließen");
pub static SHARED_IGNORED: Text = t(
    "The shared link could not be used, so the defaults are shown.",
    "Der geteilte Link war nicht verwendbar, daher werden die Standardwerte angezeigt.",
);
pub static STORED_IGNORED: Text = t(
    "The settings saved in this browser could not be read, so the defaults are shown.",
    "Die in diesem Browser gespeicherten Einstellungen waren nicht lesbar, daher werden die Standardwerte angezeigt.",
);
pub static IMPORT_FAILED: Text = t(
    "The file could not be imported; your settings are unchanged.",
    "Die Datei konnte nicht importiert werden; Ihre Einstellungen sind unverändert.",
);
pub static IMPORTED: Text = t("Settings imported.", "Einstellungen importiert.");
pub static RESET_DONE: Text = t(
    "Defaults restored and the saved settings removed from this browser.",
    "Standardwerte wiederhergestellt und die gespeicherten Einstellungen aus diesem Browser entfernt.",
);

pub static RESULT: Text = t("Configuration", "Konfiguration");
pub static COPY: Text = t("Copy", "Kopieren");
pub static COPIED: Text = t("Copied", "Kopiert");
pub static COPY_FAILED: Text = t(
    "Copy failed - text selected",
    "Kopieren fehlgeschlagen - Text markiert",
);
pub static DOWNLOAD: Text = t("Download", "Herunterladen");
pub static EMPTY_OUTPUT: Text = t(
    "# nothing to add for these choices",
    "# für diese Auswahl ist nichts hinzuzufügen",
);
pub static MAIN_CF_HINT: Text = t(
    "Or by hand in /etc/postfix/main.cf: replace each line that sets one of these parameters (a second line makes postconf -n warn \"overriding earlier entry\"), add the others, remove a parameter set empty here, then run postfix reload.",
    "Oder von Hand in /etc/postfix/main.cf: jede Zeile ersetzen, die einen dieser Parameter setzt (eine zweite Zeile lässt postconf -n \"overriding earlier entry\" melden), die übrigen ergänzen, einen hier leer gesetzten Parameter entfernen, danach postfix reload ausführen.",
);
pub static MASTER_CF_HINT: Text = t(
    "Or by hand in /etc/postfix/master.cf: replace the service of the same name (the stock file has it commented out), then run postfix reload.",
    "Oder von Hand in /etc/postfix/master.cf: den gleichnamigen Dienst ersetzen (in der mitgelieferten Datei ist er auskommentiert), danach postfix reload ausführen.",
);
pub static POSTCONF_HINT: Text = t(
    "The safe way to apply it: as root, these commands set each parameter and service in place (postconf -e replaces, postconf -X removes), then check and reload.",
    "Der sichere Weg: als root setzen diese Befehle jeden Parameter und Dienst an seiner Stelle (postconf -e ersetzt, postconf -X entfernt), dann prüfen und neu laden.",
);
/// The file names of downloads: never a real Postfix file name, so a download cannot
/// replace /etc/postfix/main.cf by accident.
pub const MAIN_CF_DOWNLOAD: &str = "main.cf.postfix-tls";
pub const MASTER_CF_DOWNLOAD: &str = "master.cf.postfix-tls";
pub const POSTCONF_DOWNLOAD: &str = "postfix-tls.sh";
pub const VERIFY_DOWNLOAD: &str = "postfix-tls-verify.sh";
pub const STOCK_MAIN_DOWNLOAD: &str = "main.cf.postfix-tls-full";
pub const STOCK_MASTER_DOWNLOAD: &str = "master.cf.postfix-tls-full";
pub const STOCK_MAIN_DIFF_DOWNLOAD: &str = "main.cf.postfix-tls.diff";
pub const STOCK_MASTER_DIFF_DOWNLOAD: &str = "master.cf.postfix-tls.diff";
pub static STOCK_SUMMARY: Text = t(
    "The whole files, and the diff against stock, for",
    "Die ganzen Dateien und der Unterschied zum Auslieferungszustand für",
);
pub static STOCK_FILE_HINT: Text = t(
    "The distribution's stock file with these changes in place: every other line as shipped. For a server whose file was already edited, postfix-tls generate --merge-with does the same with your own file.",
    "Die mitgelieferte Datei der Distribution mit diesen Änderungen an Ort und Stelle, jede andere Zeile wie ausgeliefert. Für einen Server mit schon bearbeiteter Datei macht postfix-tls generate --merge-with dasselbe mit Ihrer eigenen Datei.",
);
pub static STOCK_DIFF_HINT: Text = t(
    "What changes in the stock file, as diff -u shows it.",
    "Was sich an der mitgelieferten Datei ändert, wie diff -u es zeigt.",
);
pub static SAVES_AS: Text = t("Saves as", "Speichert als");
pub static VERIFY_SCRIPT_TITLE: Text = t("All checks as a script", "Alle Prüfungen als Skript");
pub static VERIFY_SCRIPT_HINT: Text = t(
    "Runs the checks above in order on the server and stops at the first failure, with what was expected.",
    "Führt die Prüfungen oben der Reihe nach auf dem Server aus und hält beim ersten Fehler an, mit dem erwarteten Ergebnis.",
);
pub static POSTCONF_TITLE: Text = t("postconf commands", "postconf-Befehle");

pub static FINDINGS: Text = t("Warnings and notes", "Warnungen und Hinweise");
pub static NO_FINDINGS: Text = t(
    "No warnings: these choices are consistent for this version.",
    "Keine Warnungen: diese Auswahl ist für diese Version stimmig.",
);
pub static EXPLANATION: Text = t("Explanation", "Erklärung");
pub static WHAT: Text = t("What it checks", "Was geprüft wird");
pub static WHY: Text = t("Why it matters", "Warum es wichtig ist");
pub static FIX: Text = t("How to fix it", "Wie man es behebt");
pub static SOURCE: Text = t("Source", "Quelle");
pub static LINE: Text = t("line", "Zeile");
pub static DOCS: Text = t("postconf(5):", "postconf(5):");
pub static UNAVAILABLE: Text = t("Not available:", "Nicht verfügbar:");
pub static WITHHELD: Text = t(
    "No configuration while a choice is invalid:",
    "Keine Konfiguration, solange eine Auswahl ungültig ist:",
);
pub static WITHHELD_HINT: Text = t(
    "Applying the rest would leave Postfix without what that choice sets. Correct the marked field and the configuration comes back.",
    "Der Rest allein ließe Postfix ohne das, was diese Auswahl setzt. Korrigieren Sie das markierte Feld, dann erscheint die Konfiguration wieder.",
);
pub static NOT_COPIED: Text = t(
    "Nothing copied or downloaded: a choice is invalid",
    "Nichts kopiert oder heruntergeladen: eine Auswahl ist ungültig",
);

pub static SHARE: Text = t("Share and save", "Teilen und sichern");
pub static SHARE_HINT: Text = t(
    "The link contains all your choices. They are also kept in this browser.",
    "Der Link enthält Ihre gesamte Auswahl. Sie wird auch in diesem Browser gespeichert.",
);
pub static COPY_LINK: Text = t("Copy share link", "Link zum Teilen kopieren");
pub static EXPORT: Text = t("Export JSON", "JSON exportieren");
pub static IMPORT: Text = t("Import JSON", "JSON importieren");
pub static RESET: Text = t("Reset to defaults", "Auf Standardwerte zurücksetzen");

pub static CHECK_TITLE: Text = t(
    "Check an existing configuration",
    "Eine bestehende Konfiguration prüfen",
);
pub static CHECK_HINT: Text = t(
    "Paste a main.cf, a master.cf, both one after the other (cat main.cf master.cf), or the output of postconf -n (followed by postconf -P or postconf -M if you like). Nothing leaves your browser.",
    "Fügen Sie eine main.cf, eine master.cf, beide nacheinander (cat main.cf master.cf) oder die Ausgabe von postconf -n ein (gern gefolgt von postconf -P oder postconf -M). Nichts verlässt Ihren Browser.",
);
pub static OPEN_IN_GENERATOR: Text = t("Open in the generator", "Im Generator öffnen");
pub static OPENED_TITLE: Text = t(
    "Opened from your configuration",
    "Aus Ihrer Konfiguration geöffnet",
);
pub static OPENED_ROLE: Text = t("Role", "Rolle");
pub static ROLE_GUESSED: Text = t("a guess", "vermutet");
pub static ROLE_READ: Text = t(
    "read from the configuration",
    "aus der Konfiguration gelesen",
);
pub static NOT_CARRIED: Text = t("Not carried over", "Nicht übernommen");
pub static ALL_CARRIED: Text = t(
    "Everything the generator handles was carried over.",
    "Alles, was der Generator behandelt, wurde übernommen.",
);
pub static PASTED_MAIN_TITLE: Text = t(
    "Your main.cf with these choices",
    "Ihre main.cf mit dieser Auswahl",
);
pub static PASTED_MAIN_DIFF_TITLE: Text = t("main.cf diff", "main.cf-Unterschied");
pub static PASTED_MASTER_TITLE: Text = t(
    "Your master.cf with these choices",
    "Ihre master.cf mit dieser Auswahl",
);
pub static PASTED_MASTER_DIFF_TITLE: Text = t("master.cf diff", "master.cf-Unterschied");
pub static PASTED_FILE_HINT: Text = t(
    "The text you pasted with the generated settings in place: every other line as it was.",
    "Der eingefügte Text mit den erzeugten Einstellungen an Ort und Stelle, jede andere Zeile wie zuvor.",
);
pub static PASTED_DIFF_HINT: Text = t(
    "What the generator would change in the text you pasted, as diff -u shows it.",
    "Was der Generator an dem eingefügten Text ändern würde, wie diff -u es zeigt.",
);
pub static CLOSE_OPENED: Text = t(
    "Close the pasted configuration",
    "Eingefügte Konfiguration schließen",
);
pub static PASTE_LABEL: Text = t("Configuration to check", "Zu prüfende Konfiguration");
pub static POSTFIX_VERSION: Text = t("Postfix version", "Postfix-Version");
pub static FILE_KIND: Text = t("File type", "Dateityp");
pub static DETECT: Text = t("Detect automatically", "Automatisch erkennen");
pub static DETECTED_AS: Text = t("Read as", "Gelesen als");
pub static CHECK_EMPTY: Text = t(
    "Paste a configuration above to see its problems here, next to the lines that cause them.",
    "Fügen Sie oben eine Konfiguration ein, um ihre Probleme hier neben den verursachenden Zeilen zu sehen.",
);
pub static CHECK_CLEAN: Text = t(
    "No problems found in this text.",
    "In diesem Text wurden keine Probleme gefunden.",
);
pub static CHECK_RESULT: Text = t("Findings", "Befunde");
pub static WHOLE_FILE: Text = t("About the whole file", "Zur ganzen Datei");
pub static SHOW_LINES: Text = t("Show", "Anzeigen");
pub static ALL_LINES: Text = t("All lines", "Alle Zeilen");
pub static LINES_WITH_ERRORS: Text = t("Lines with errors", "Zeilen mit Fehlern");
pub static LINES_WITH_WARNINGS: Text = t("Lines with warnings", "Zeilen mit Warnungen");
pub static LINES_WITH_NOTES: Text = t("Lines with notes", "Zeilen mit Hinweisen");
pub static SHOW_MORE_LINES: Text = t("Show more lines", "Weitere Zeilen zeigen");
pub static CLEAR: Text = t("Clear", "Leeren");

pub static VERIFY_TITLE: Text = t("How to verify", "So prüfen Sie es");
pub static VERIFY_HINT: Text = t(
    "Run these after postfix reload: the Postfix checks on the server, the connection tests from a machine outside your network.",
    "Nach postfix reload ausführen: die Postfix-Prüfungen auf dem Server, die Verbindungstests von einem Rechner außerhalb Ihres Netzes.",
);

pub static FOOTER: Text = t(
    "Runs entirely in your browser and works offline after the first visit. Postfix's own documentation wins over this tool.",
    "Läuft vollständig im Browser und funktioniert nach dem ersten Besuch auch offline. Die Postfix-Dokumentation hat Vorrang vor diesem Werkzeug.",
);

/// "1 error", "3 Warnungen": a count with the noun in the right number.
pub fn count(n: usize, one: &Text, many: &Text) -> Text {
    let noun = if n == 1 { one } else { many };
    Text::owned(format!("{n} {}", noun.en), format!("{n} {}", noun.de))
}
pub static ERROR_ONE: Text = t("error", "Fehler");
pub static ERROR_MANY: Text = t("errors", "Fehler");
pub static WARNING_ONE: Text = t("warning", "Warnung");
pub static WARNING_MANY: Text = t("warnings", "Warnungen");
pub static INFO_ONE: Text = t("note", "Hinweis");
pub static INFO_MANY: Text = t("notes", "Hinweise");

/// The heading of a group of choices.
pub fn topic_title(topic: Topic) -> Text {
    match topic {
        Topic::Host => t("Host and versions", "Host und Versionen"),
        Topic::Certificates => t("Certificates", "Zertifikate"),
        Topic::Inbound => t("Inbound mail on port 25", "Eingehende Mail auf Port 25"),
        Topic::Submission => t(
            "Mail clients: submission on 587/465 and SASL",
            "Mailprogramme: Einlieferung auf 587/465 und SASL",
        ),
        Topic::Outbound => t(
            "Outbound mail and relayhost",
            "Ausgehende Mail und Relayhost",
        ),
        Topic::Protocols => t("Protocols and ciphers", "Protokolle und Cipher"),
        Topic::Logging => t("Logging and evidence", "Protokollierung und Nachweise"),
        Topic::General => t("General", "Allgemein"),
    }
}

/// The element id of a group of choices, for the section links.
pub fn topic_id(topic: Topic) -> &'static str {
    match topic {
        Topic::Host => "group-host",
        Topic::Certificates => "group-certificates",
        Topic::Inbound => "group-inbound",
        Topic::Submission => "group-submission",
        Topic::Outbound => "group-outbound",
        Topic::Protocols => "group-protocols",
        Topic::Logging => "group-logging",
        Topic::General => "group-general",
    }
}

pub static PRESET_NONE: Text = t("Chosen by hand", "Von Hand gewählt");
pub static SKIP: Text = t("Skip to content", "Zum Inhalt springen");
pub static SKIP_TO_RESULT: Text = t("Skip to the configuration", "Zur Konfiguration springen");
pub static SHOW_RESULT: Text = t("Show configuration", "Konfiguration zeigen");
pub static CHECK_AGAINST: Text = t("Checked against", "Geprüft gegen");
pub static SAME_AS_GENERATE: Text = t("as on the Generate tab", "wie im Tab Erzeugen");
pub static VIEWS: Text = t("Views", "Ansichten");
