//! The words of the user interface itself, in English and German.
//!
//! Everything about Postfix (labels and help of the choices, diagnostics, rule explanations)
//! comes from the core; this table only holds the page's own buttons, headings and notices.

use postfix_tls::lang::Text;

/// A fixed bilingual string.
const fn t(en: &'static str, de: &'static str) -> Text {
    Text::fixed(en, de)
}

pub const TITLE: Text = t("Postfix TLS configuration", "Postfix-TLS-Konfiguration");
pub const TAGLINE: Text = t(
    "Generate and check TLS settings for Postfix, for the version you run. Everything stays in your browser.",
    "TLS-Einstellungen für Postfix erzeugen und prüfen, passend zur eingesetzten Version. Alles bleibt im Browser.",
);
pub const LANGUAGE: Text = t("Language", "Sprache");

pub const TAB_GENERATE: Text = t("Generate", "Erzeugen");
pub const TAB_CHECK: Text = t("Check my config", "Meine Konfiguration prüfen");
pub const TAB_VERIFY: Text = t("How to verify", "So prüfen Sie es");
pub const SECTIONS: Text = t("Sections", "Bereiche");

pub const DISMISS: Text = t("Dismiss", "Schließen");
pub const SHARED_IGNORED: Text = t(
    "The shared link could not be used, so the defaults are shown.",
    "Der geteilte Link war nicht verwendbar, daher werden die Standardwerte angezeigt.",
);
pub const STORED_IGNORED: Text = t(
    "The settings saved in this browser could not be read, so the defaults are shown.",
    "Die in diesem Browser gespeicherten Einstellungen waren nicht lesbar, daher werden die Standardwerte angezeigt.",
);
pub const IMPORT_FAILED: Text = t(
    "The file could not be imported; your settings are unchanged.",
    "Die Datei konnte nicht importiert werden; Ihre Einstellungen sind unverändert.",
);
pub const IMPORTED: Text = t("Settings imported.", "Einstellungen importiert.");
pub const RESET_DONE: Text = t(
    "Defaults restored and the saved settings removed from this browser.",
    "Standardwerte wiederhergestellt und die gespeicherten Einstellungen aus diesem Browser entfernt.",
);

pub const CHOICES: Text = t("Your setup", "Ihr Aufbau");
pub const RESULT: Text = t("Configuration", "Konfiguration");
pub const COMMENTS: Text = t(
    "Explain each line with a comment",
    "Jede Zeile mit einem Kommentar erklären",
);
pub const COPY: Text = t("Copy", "Kopieren");
pub const COPIED: Text = t("Copied", "Kopiert");
pub const COPY_FAILED: Text = t(
    "Copy failed - text selected",
    "Kopieren fehlgeschlagen - Text markiert",
);
pub const DOWNLOAD: Text = t("Download", "Herunterladen");
pub const EMPTY_OUTPUT: Text = t(
    "# nothing to add for these choices",
    "# für diese Auswahl ist nichts hinzuzufügen",
);
pub const MAIN_CF_HINT: Text = t(
    "Add to /etc/postfix/main.cf, then run postfix reload.",
    "In /etc/postfix/main.cf ergänzen, danach postfix reload ausführen.",
);
pub const MASTER_CF_HINT: Text = t(
    "Add to /etc/postfix/master.cf, then run postfix reload.",
    "In /etc/postfix/master.cf ergänzen, danach postfix reload ausführen.",
);
pub const POSTCONF_HINT: Text = t(
    "Or apply everything as root with these commands.",
    "Oder alles als root mit diesen Befehlen anwenden.",
);
pub const POSTCONF_TITLE: Text = t("postconf commands", "postconf-Befehle");

pub const FINDINGS: Text = t("Warnings", "Warnungen");
pub const NO_FINDINGS: Text = t(
    "No warnings: these choices are consistent for this version.",
    "Keine Warnungen: diese Auswahl ist für diese Version stimmig.",
);
pub const EXPLANATION: Text = t("Explanation", "Erklärung");
pub const WHAT: Text = t("What it checks", "Was geprüft wird");
pub const WHY: Text = t("Why it matters", "Warum es wichtig ist");
pub const FIX: Text = t("How to fix it", "Wie man es behebt");
pub const SOURCE: Text = t("Source", "Quelle");
pub const LINE: Text = t("line", "Zeile");
pub const DOCS: Text = t("postconf(5):", "postconf(5):");
pub const UNAVAILABLE: Text = t("Not available:", "Nicht verfügbar:");

pub const SHARE: Text = t("Share and save", "Teilen und sichern");
pub const SHARE_HINT: Text = t(
    "The link contains all your choices. They are also kept in this browser.",
    "Der Link enthält Ihre gesamte Auswahl. Sie wird auch in diesem Browser gespeichert.",
);
pub const COPY_LINK: Text = t("Copy share link", "Link zum Teilen kopieren");
pub const EXPORT: Text = t("Export JSON", "JSON exportieren");
pub const IMPORT: Text = t("Import JSON", "JSON importieren");
pub const RESET: Text = t("Reset to defaults", "Auf Standardwerte zurücksetzen");

pub const CHECK_TITLE: Text = t("Check an existing configuration", "Eine bestehende Konfiguration prüfen");
pub const CHECK_HINT: Text = t(
    "Paste a main.cf, a master.cf or the output of postconf -n. Nothing leaves your browser.",
    "Fügen Sie eine main.cf, eine master.cf oder die Ausgabe von postconf -n ein. Nichts verlässt Ihren Browser.",
);
pub const PASTE_LABEL: Text = t("Configuration to check", "Zu prüfende Konfiguration");
pub const POSTFIX_VERSION: Text = t("Postfix version", "Postfix-Version");
pub const FILE_KIND: Text = t("File type", "Dateityp");
pub const DETECT: Text = t("Detect automatically", "Automatisch erkennen");
pub const DETECTED_AS: Text = t("Read as", "Gelesen als");
pub const CHECK_EMPTY: Text = t(
    "Paste a configuration above to see its problems here, next to the lines that cause them.",
    "Fügen Sie oben eine Konfiguration ein, um ihre Probleme hier neben den verursachenden Zeilen zu sehen.",
);
pub const CHECK_CLEAN: Text = t(
    "No problems found in this text.",
    "In diesem Text wurden keine Probleme gefunden.",
);
pub const CHECK_RESULT: Text = t("Findings", "Befunde");
pub const WHOLE_FILE: Text = t("About the whole file", "Zur ganzen Datei");
pub const CLEAR: Text = t("Clear", "Leeren");

pub const VERIFY_TITLE: Text = t("How to verify", "So prüfen Sie es");
pub const VERIFY_HINT: Text = t(
    "Run these after postfix reload, from a machine outside your network.",
    "Führen Sie diese nach postfix reload aus, von einem Rechner außerhalb Ihres Netzes.",
);

pub const FOOTER: Text = t(
    "Runs entirely in your browser and works offline after the first visit. Postfix's own documentation wins over this tool.",
    "Läuft vollständig im Browser und funktioniert nach dem ersten Besuch auch offline. Die Postfix-Dokumentation hat Vorrang vor diesem Werkzeug.",
);

/// "1 error", "3 Warnungen": a count with the noun in the right number.
pub fn count(n: usize, one: Text, many: Text) -> Text {
    let noun = if n == 1 { one } else { many };
    Text::owned(format!("{n} {}", noun.en), format!("{n} {}", noun.de))
}
pub const ERROR_ONE: Text = t("error", "Fehler");
pub const ERROR_MANY: Text = t("errors", "Fehler");
pub const WARNING_ONE: Text = t("warning", "Warnung");
pub const WARNING_MANY: Text = t("warnings", "Warnungen");
pub const INFO_ONE: Text = t("note", "Hinweis");
pub const INFO_MANY: Text = t("notes", "Hinweise");
