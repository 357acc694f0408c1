// The single page of `diverge serve`: every divergence (by score) with both statements
// side by side and the evidence in <mark>, its review status and note, confirm /
// dismiss / reopen / note buttons and keyboard shortcuts (j/k move, c confirm,
// d dismiss, o reopen, n edit the note). No external resources: the script and style
// are inline, allowed by a per-response CSP nonce; all corpus text is HTML-escaped.
// The page posts decisions to /api/decision with the session token in X-Diverge-Token.
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
