// The single page of `diverge serve`: every divergence (by score) as a card with both
// statements side by side and the evidence in <mark>, the claim it belongs to and that
// claim's other statements, its review status (with the dismissal reason) and note;
// confirm / dismiss (with a reason from the fixed set) / reopen / note buttons, a bulk
// "dismiss all flags of this claim", and the statement in its source (the sentences
// around it, fetched from /api/source; the link opens /source). A header shows progress
// ("14 of 24 reviewed") and status counts, filters (kind, temporal label, outlet,
// status) and a sort. Keys: j/k move among the shown cards, c confirm, d dismiss,
// D dismiss the card's whole claim, o reopen, n edit the note, s the source.
// No external resources: the script and style are inline, allowed by a per-response
// CSP nonce; all corpus text is HTML-escaped. The page posts decisions to /api/decision
// and /api/bulk with the session token in X-Diverge-Token.
#ifndef DIVERGE_ANALYZER_REVIEW_REVIEW_PAGE_H_
#define DIVERGE_ANALYZER_REVIEW_REVIEW_PAGE_H_

#include <string>

#include "analyzer/review/review_session.h"

namespace diverge::review {

// The Content-Security-Policy header value that goes with a page rendered with `nonce`.
std::string PageCsp(const std::string& nonce);

// `token` and `nonce` must be [0-9a-f] strings (they are written unescaped).
std::string RenderReviewPage(const ReviewSession& session, const std::string& token,
                             const std::string& nonce);

}  // namespace diverge::review

#endif  // DIVERGE_ANALYZER_REVIEW_REVIEW_PAGE_H_
