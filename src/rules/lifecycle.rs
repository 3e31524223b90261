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
                    "Postfix {} is past upstream support (ended {}); security fixes for it still come from {}";
                    postfix, ended, distributions
                ),
                text!(
                    "keep the distribution's updates installed; plan the move to a supported series (3.8 or later) with the next release of the distribution"
                ),
            ),
            None => lint.emit(
                RuleId::SeriesEndOfLife,
                None,
                text!(
                    "Postfix {} has had no security fixes since {}";
                    postfix, ended
                ),
                text!(
                    "upgrade to a supported series (3.8 or later), usually with the distribution's next release"
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
                "Postfix {} with OpenSSL {} is a pair no distribution shipped";
                postfix, openssl
            ),
            text!(
                "check both with `postconf mail_version` and `openssl version` and pick them again; with Postfix {} the newest shipped OpenSSL is {}";
                postfix, postfix.newest_shipped_openssl()
            ),
        );
    }
}
