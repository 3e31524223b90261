//! The words of the user interface itself, in English and German.
//!
//! Everything about Postfix (labels and help of the choices, diagnostics, rule explanations)
//! comes from the core; this table only holds the page's own buttons, headings and notices.

use postfix_tls::diagnostic::Topic;
use postfix_tls::lang::Text;
use postfix_tls::text;

pub static TITLE: Text = text!("Postfix TLS configuration");
pub static TAGLINE: Text = text!(
    "Generate and check TLS settings for Postfix, for the version you run. Everything stays in your browser.",
);
pub static LANGUAGE: Text = text!("Language");

pub static TAB_GENERATE: Text = text!("Generate");
pub static TAB_CHECK: Text = text!("Check my config");
pub static TAB_VERIFY: Text = text!("How to verify");
pub static TAB_REFERENCE: Text = text!("Reference");
pub static SECTIONS: Text = text!("Sections");

pub static DISMISS: Text = text!("Dismiss");
pub static SHARED_IGNORED: Text =
    text!("The shared link could not be used, so the defaults are shown.",);
pub static STORED_IGNORED: Text =
    text!("The settings saved in this browser could not be read, so the defaults are shown.",);
pub static IMPORT_FAILED: Text =
    text!("The file could not be imported; your settings are unchanged.",);
pub static IMPORTED: Text = text!("Settings imported.");
pub static RESET_DONE: Text =
    text!("Defaults restored and the saved settings removed from this browser.",);

pub static RESULT: Text = text!("Configuration");
pub static COPY: Text = text!("Copy");
pub static COPIED: Text = text!("Copied");
pub static COPY_FAILED: Text = text!("Copy failed - text selected",);
pub static DOWNLOAD: Text = text!("Download");
pub static EMPTY_OUTPUT: Text = text!("# nothing to add for these choices",);
pub static MAIN_CF_HINT: Text = text!(
    "Or by hand in /etc/postfix/main.cf: replace each line that sets one of these parameters (a second line makes postconf -n warn \"overriding earlier entry\"), add the others, remove a parameter set empty here, then run postfix reload.",
);
pub static MASTER_CF_HINT: Text = text!(
    "Or by hand in /etc/postfix/master.cf: replace the service of the same name (the stock file has it commented out), then run postfix reload.",
);
pub static POSTCONF_HINT: Text = text!(
    "The safe way to apply it: as root, these commands set each parameter and service in place (postconf -e replaces, postconf -X removes), then check and reload.",
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
pub static STOCK_SUMMARY: Text = text!("The whole files, and the diff against stock, for",);
pub static STOCK_FILE_HINT: Text = text!(
    "The distribution's stock file with these changes in place: every other line as shipped. For a server whose file was already edited, postfix-tls generate --merge-with does the same with your own file.",
);
pub static STOCK_DIFF_HINT: Text = text!("What changes in the stock file, as diff -u shows it.",);
pub static SAVES_AS: Text = text!("Saves as");
pub static VERIFY_SCRIPT_TITLE: Text = text!("All checks as a script");
pub static VERIFY_SCRIPT_HINT: Text = text!(
    "Runs the checks above in order on the server and stops at the first failure, with what was expected.",
);
pub static POSTCONF_TITLE: Text = text!("postconf commands");

pub static FINDINGS: Text = text!("Warnings and notes");
pub static NO_FINDINGS: Text =
    text!("No warnings: these choices are consistent for this version.",);
pub static EXPLANATION: Text = text!("Explanation");
pub static WHAT: Text = text!("What it checks");
pub static WHY: Text = text!("Why it matters");
pub static FIX: Text = text!("How to fix it");
pub static SOURCE: Text = text!("Source");
pub static LINE: Text = text!("line");
pub static DOCS: Text = text!("postconf(5):");
pub static UNAVAILABLE: Text = text!("Not available:");
pub static WITHHELD: Text = text!("No configuration while a choice is invalid:",);
pub static WITHHELD_HINT: Text = text!(
    "Applying the rest would leave Postfix without what that choice sets. Correct the marked field and the configuration comes back.",
);
pub static NOT_COPIED: Text = text!("Nothing copied or downloaded: a choice is invalid",);

pub static SHARE: Text = text!("Share and save");
pub static SHARE_HINT: Text =
    text!("The link contains all your choices. They are also kept in this browser.",);
pub static COPY_LINK: Text = text!("Copy share link");
pub static EXPORT: Text = text!("Export JSON");
pub static IMPORT: Text = text!("Import JSON");
pub static RESET: Text = text!("Reset to defaults");

pub static CHECK_TITLE: Text = text!("Check an existing configuration",);
pub static CHECK_HINT: Text = text!(
    "Paste a main.cf, a master.cf, both one after the other (cat main.cf master.cf), or the output of postconf -n (followed by postconf -P or postconf -M if you like). Nothing leaves your browser.",
);
pub static OPEN_IN_GENERATOR: Text = text!("Open in the generator");
pub static OPENED_TITLE: Text = text!("Opened from your configuration",);
pub static OPENED_ROLE: Text = text!("Role");
pub static ROLE_GUESSED: Text = text!("a guess");
pub static ROLE_READ: Text = text!("read from the configuration",);
pub static NOT_CARRIED: Text = text!("Not carried over");
pub static ALL_CARRIED: Text = text!("Everything the generator handles was carried over.",);
pub static PASTED_MAIN_TITLE: Text = text!("Your main.cf with these choices",);
pub static PASTED_MAIN_DIFF_TITLE: Text = text!("main.cf diff");
pub static PASTED_MASTER_TITLE: Text = text!("Your master.cf with these choices",);
pub static PASTED_MASTER_DIFF_TITLE: Text = text!("master.cf diff");
pub static PASTED_FILE_HINT: Text =
    text!("The text you pasted with the generated settings in place: every other line as it was.",);
pub static PASTED_DIFF_HINT: Text =
    text!("What the generator would change in the text you pasted, as diff -u shows it.",);
pub static CLOSE_OPENED: Text = text!("Close the pasted configuration",);
pub static PASTE_LABEL: Text = text!("Configuration to check");
pub static POSTFIX_VERSION: Text = text!("Postfix version");
pub static FILE_KIND: Text = text!("File type");
pub static DETECT: Text = text!("Detect automatically");
pub static DETECTED_AS: Text = text!("Read as");
pub static CHECK_EMPTY: Text = text!(
    "Paste a configuration above to see its problems here, next to the lines that cause them.",
);
pub static CHECK_CLEAN: Text = text!("No problems found in this text.",);
pub static CHECK_RESULT: Text = text!("Findings");
pub static WHOLE_FILE: Text = text!("About the whole file");
pub static SHOW_LINES: Text = text!("Show");
pub static ALL_LINES: Text = text!("All lines");
pub static LINES_WITH_ERRORS: Text = text!("Lines with errors");
pub static LINES_WITH_WARNINGS: Text = text!("Lines with warnings");
pub static LINES_WITH_NOTES: Text = text!("Lines with notes");
pub static SHOW_MORE_LINES: Text = text!("Show more lines");
pub static CLEAR: Text = text!("Clear");

pub static VERIFY_TITLE: Text = text!("How to verify");
pub static VERIFY_HINT: Text = text!(
    "Run these after postfix reload: the Postfix checks on the server, the connection tests from a machine outside your network.",
);

pub static FOOTER: Text = text!(
    "Runs entirely in your browser and works offline after the first visit. Postfix's own documentation wins over this tool.",
);

/// "1 error", "3 Warnungen": a count with the noun in the right number.
pub fn count(n: usize, one: &Text, many: &Text) -> Text {
    let noun = if n == 1 { one } else { many };
    text!("{} {}"; n, noun)
}
pub static ERROR_ONE: Text = text!("error");
pub static ERROR_MANY: Text = text!("errors");
pub static WARNING_ONE: Text = text!("warning");
pub static WARNING_MANY: Text = text!("warnings");
pub static INFO_ONE: Text = text!("note");
pub static INFO_MANY: Text = text!("notes");

/// The heading of a group of choices.
pub fn topic_title(topic: Topic) -> Text {
    match topic {
        Topic::Host => text!("Host and versions"),
        Topic::Certificates => text!("Certificates"),
        Topic::Inbound => text!("Inbound mail on port 25"),
        Topic::Submission => text!("Mail clients: submission on 587/465 and SASL",),
        Topic::Outbound => text!("Outbound mail and relayhost",),
        Topic::Protocols => text!("Protocols and ciphers"),
        Topic::Logging => text!("Logging and evidence"),
        Topic::General => text!("General"),
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

pub static PRESET_NONE: Text = text!("Chosen by hand");
pub static SKIP: Text = text!("Skip to content");
pub static SKIP_TO_RESULT: Text = text!("Skip to the configuration");
pub static SHOW_RESULT: Text = text!("Show configuration");
pub static CHECK_AGAINST: Text = text!("Checked against");
pub static SAME_AS_GENERATE: Text = text!("as on the Generate tab");
pub static VIEWS: Text = text!("Views");
