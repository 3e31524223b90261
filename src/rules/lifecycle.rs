//! The chosen versions themselves: `series_end_of_life`, `series_patched_by_distribution`,
//! `unlikely_version_pair`. They depend only on the context, so they report no line.

use super::scope::Lint;
use super::RuleId;
use crate::text;

pub fn check(lint: &mut Lint) {
    let postfix = lint.ctx.postfix;
    if let Some(ended) = postfix.upstream_support_ended() {
        match postfix.patched_by() {
            Some(distributions) => lint.emit(
                RuleId::SeriesPatchedByDistribution,
                None,
                text!(
                    "Postfix {} is past upstream support (ended {}); {} still ships security fixes for it",
                    "Postfix {} wird upstream nicht mehr gepflegt (Ende {}); {} liefert weiter Sicherheitskorrekturen";
                    postfix, ended, distributions
                ),
                text!(
                    "keep the distribution's updates installed; plan the move to a supported series (3.8 or later) with the next release of the distribution",
                    "die Updates der Distribution installiert halten; den Wechsel auf eine gepflegte Reihe (3.8 oder neuer) mit der nächsten Version der Distribution planen"
                ),
            ),
            None => lint.emit(
                RuleId::SeriesEndOfLife,
                None,
                text!(
                    "Postfix {} has had no security fixes since {}",
                    "Postfix {} bekommt seit {} keine Sicherheitskorrekturen mehr";
                    postfix, ended
                ),
                text!(
                    "upgrade to a supported series (3.8 or later), usually with the distribution's next release",
                    "auf eine gepflegte Reihe (3.8 oder neuer) aktualisieren, meist mit der nächsten Version der Distribution"
                ),
            ),
        }
    }
    let openssl = lint.ctx.openssl;
    if openssl > postfix.newest_shipped_openssl() {
        lint.emit(
            RuleId::UnlikelyVersionPair,
            None,
            text!(
                "Postfix {} with OpenSSL {} is a pair no distribution shipped",
                "Postfix {} mit OpenSSL {} ist ein Paar, das keine Distribution ausgeliefert hat";
                postfix, openssl
            ),
            text!(
                "check both with `postconf mail_version` and `openssl version` and pick them again; with Postfix {} the newest shipped OpenSSL is {}",
                "beide mit `postconf mail_version` und `openssl version` prüfen und neu wählen; mit Postfix {} ist das neueste ausgelieferte OpenSSL {}";
                postfix, postfix.newest_shipped_openssl()
            ),
        );
    }
}
