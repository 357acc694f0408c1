// Wire copies: two documents of different outlets whose text is (nearly) the same
// agency copy, found from report.json alone. report.json holds no document texts, but it
// holds every statement of every document (the sentences ingest kept), so a document's
// body is the concatenation of its outermost statements (claim spans nested inside a
// sentence are skipped). Renderers use the pairs so that agreement between wire copies
// is not counted as independent confirmation.
//
// Measure: the share of the shorter document's distinct word 5-shingles (lowercased runs
// of letters/digits; non-ASCII bytes are word characters) that also occur in the other
// document ("containment", Broder 1997): a trimmed or lightly re-topped agency copy
// keeps most of its 5-word runs, which Jaccard resemblance would miss.
//
// Threshold (kWireMinShare = 0.5, kWireMinShingles = 20): independent reports of one
// event share only quotes, names and set phrases. Measured on the sample corpora
// (corpus/csto, 5 documents; news-dev, 35 documents about one story from 30 outlets) the
// highest share of any pair is 0.073 (11 shingles: a shared quote); an agency copy that
// keeps half its sentences verbatim reaches 0.5 and a plain reprint is above 0.9. 0.5
// sits far from both. The 20 shared shingles (a verbatim run of about 24 words, more
// than one quoted sentence) keep two short documents that share one quote apart.
//
// Deterministic: pairs depend only on the documents' statements, never on input order.
// Cost: one inverted index of shingle hashes; a shingle held by more than
// kWireMaxPostings documents (boilerplate) is not used to find candidate pairs (but still
// counts in the share of a candidate), so the work stays near-linear on large corpora.
#ifndef DIVERGE_REPORTS_WIRE_COPIES_H_
#define DIVERGE_REPORTS_WIRE_COPIES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "analyzer/report/report.h"

namespace diverge::reports {

inline constexpr double kWireMinShare = 0.5;
inline constexpr size_t kWireMinShingles = 20;
inline constexpr size_t kWireMaxPostings = 64;
inline constexpr size_t kWireShingleWords = 5;

struct WireCopy {
  // The copy and the document it copies: `original` is the earlier of the two by
  // (date, undated last; id), `copy` the later.
  std::string copy, original;
  double share = 0;   // shared shingles / shingles of the shorter document, in [0, 1]
  size_t shared = 0;  // distinct 5-shingles the two share
};

// The wire-copy pairs of `report` (documents of different outlets, outlet names compared
// as written; unnamed outlets never match), sorted by (copy, original).
std::vector<WireCopy> FindWireCopies(const report::Report& report);

// Distinct 5-shingle hashes of `text`, sorted (exposed for tests).
std::vector<uint64_t> Shingles(std::string_view text);

}  // namespace diverge::reports

#endif  // DIVERGE_REPORTS_WIRE_COPIES_H_
