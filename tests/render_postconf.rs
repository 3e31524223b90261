//! The generated `postconf` commands, applied by the real `postconf` of this machine to a
//! scratch configuration directory: Postfix must accept every parameter and `-o` override
//! without an "unused parameter" warning, and end up with exactly the generated snippets.
//! Runs for the Postfix series installed here (Debian 12: 3.7); without `postconf` it says
//! so on stderr and checks nothing.

use postfix_tls::options::{
    CertLayout, CertSource, InboundLevel, Options, OutboundLevel, Profile, RelayPort, Role,
};
use postfix_tls::render::render;
use postfix_tls::version::{OpensslVersion, PostfixVersion};
use std::path::{Path, PathBuf};
use std::process::Command;

fn postconf_binary() -> Option<PathBuf> {
    ["postconf", "/usr/sbin/postconf"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| {
            Command::new(p)
                .arg("-h")
                .arg("-d")
                .arg("mail_version")
                .output()
                .is_ok()
        })
}

fn postconf(bin: &Path, dir: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(bin)
        .arg("-c")
        .arg(dir)
        .args(args)
        .output()
        .expect("run postconf");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("postfix-tls-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    std::fs::write(dir.join("main.cf"), "").expect("main.cf");
    let stock = std::fs::read_to_string("/usr/share/postfix/master.cf.dist").unwrap_or_else(|_| {
        "smtp      inet  n       -       y       -       -       smtpd\n".to_string()
    });
    std::fs::write(dir.join("master.cf"), stock).expect("master.cf");
    dir
}

/// The argument of `postconf -X '...'`, unquoted.
fn command_args(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("postconf ")?;
    let (flag, quoted) = rest.split_once(' ')?;
    let word = quoted.strip_prefix('\'')?.strip_suffix('\'')?;
    Some((flag.to_string(), word.to_string()))
}

fn variants(postfix: PostfixVersion) -> Vec<Options> {
    let base = Options {
        postfix,
        openssl: OpensslVersion::V3_0.max(OpensslVersion::minimum_for(postfix)),
        comments: true,
        ..Options::default()
    };
    let mut all = vec![base.clone()];
    let mut o = base.clone();
    o.inbound_profile = Profile::ScannerClean;
    o.submission_profile = Profile::ScannerClean;
    o.outbound_profile = Profile::ScannerClean;
    o.outbound = OutboundLevel::Dane;
    all.push(o);
    let mut o = base.clone();
    o.role = Role::Relay;
    o.inbound = InboundLevel::Encrypt;
    o.inbound_profile = Profile::Modern;
    o.submission_profile = Profile::PostfixDefault;
    o.outbound = OutboundLevel::Secure;
    o.certificate.source = CertSource::LetsEncrypt;
    o.certificate.ecdsa = true;
    all.push(o);
    let mut o = base.clone();
    o.certificate.layout = CertLayout::CertAndKey;
    o.certificate.ecdsa = true;
    o.relayhost.enabled = true;
    o.relayhost.port = RelayPort::Submissions;
    o.outbound_profile = Profile::Intermediate;
    all.push(o);
    let mut o = base;
    o.role = Role::NullClient;
    o.relayhost.enabled = true;
    all.push(o);
    all
}

#[test]
fn real_postconf_accepts_the_generated_commands() {
    let Some(bin) = postconf_binary() else {
        panic!("postconf is not installed: run scripts/setup.sh (it installs Debian's postfix)");
    };
    let empty = scratch_dir("version");
    let (version, _) = postconf(&bin, &empty, &["-h", "-d", "mail_version"]);
    std::fs::remove_dir_all(&empty).ok();
    let Ok(postfix) = PostfixVersion::parse(version.trim()) else {
        panic!("the installed Postfix reports an unknown version {version:?}");
    };
    for (i, options) in variants(postfix).iter().enumerate() {
        let dir = scratch_dir(&format!("apply-{i}"));
        let r = render(options);
        for line in r.postconf.lines().filter(|l| l.starts_with("postconf ")) {
            let (flag, word) = command_args(line).unwrap_or_else(|| panic!("{line}"));
            let (_, stderr) = postconf(&bin, &dir, &[&flag, &word]);
            assert!(stderr.is_empty(), "{line}: {stderr}");
        }
        // Showing everything makes postconf report unknown names in main.cf and master.cf.
        let (_, warnings) = postconf(&bin, &dir, &[]);
        assert!(
            warnings.is_empty(),
            "variant {i}: {warnings}\n{}",
            r.main_cf
        );
        let (applied, _) = postconf(&bin, &dir, &["-n"]);
        let mut applied: Vec<&str> = applied
            .lines()
            .filter(|l| !l.starts_with("config_directory ="))
            .collect();
        let mut expected: Vec<&str> = r
            .main_cf
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        applied.sort_unstable();
        expected.sort_unstable();
        assert_eq!(applied, expected, "variant {i}");
        let (overrides, _) = postconf(&bin, &dir, &["-P"]);
        let mut service = "";
        for line in r.master_cf.lines().filter(|l| !l.starts_with('#')) {
            if let Some(o) = line.strip_prefix("  -o ") {
                let (name, value) = o.split_once('=').expect("name=value");
                let shown = format!("{service}/inet/{name} = {value}");
                assert!(
                    overrides.lines().any(|l| l.trim_end() == shown.trim_end()),
                    "variant {i}: {shown} missing"
                );
            } else if let Some(name) = line.split_whitespace().next() {
                service = name;
            }
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
