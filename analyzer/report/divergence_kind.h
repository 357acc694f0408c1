// The divergence kinds, in one table: adding a kind is one row of
// DIVERGE_DIVERGENCE_KINDS (its enumerator, its name in report.json, and whether it is a
// contradiction kind) plus its detector (analyzer/divergence/detector_registry.cc).
// Everything that lists, names, parses or counts kinds reads this table, in its order.
//
// A contradiction kind means the two sides cannot both be true (different values of one
// thing, a statement and its negation, opposite words), as opposed to framing,
// attribution and omission, where both sides may hold.
#ifndef DIVERGE_ANALYZER_REPORT_DIVERGENCE_KIND_H_
#define DIVERGE_ANALYZER_REPORT_DIVERGENCE_KIND_H_

#include <optional>
#include <string_view>

namespace diverge::report {

// X(enumerator, report.json name, contradiction kind)
#define DIVERGE_DIVERGENCE_KINDS(X)     \
  X(kNumeric, "numeric", true)          \
  X(kDate, "date", true)                \
  X(kSet, "set", true)                  \
  X(kNegation, "negation", true)        \
  X(kAntonym, "antonym", true)          \
  X(kFraming, "framing", false)         \
  X(kAttribution, "attribution", false) \
  X(kOmission, "omission", false)       \
  X(kOther, "other", false)

enum class DivergenceKind {
#define DIVERGE_KIND_ENUMERATOR(e, name, contradiction) e,
  DIVERGE_DIVERGENCE_KINDS(DIVERGE_KIND_ENUMERATOR)
#undef DIVERGE_KIND_ENUMERATOR
};

struct DivergenceKindInfo {
  DivergenceKind kind;
  std::string_view name;  // "numeric", ...
  bool contradiction;
};

// Every kind, in the table's order (the order reports count and list them in).
inline constexpr DivergenceKindInfo kDivergenceKinds[] = {
#define DIVERGE_KIND_INFO(e, name, contradiction) {DivergenceKind::e, name, contradiction},
    DIVERGE_DIVERGENCE_KINDS(DIVERGE_KIND_INFO)
#undef DIVERGE_KIND_INFO
};

inline constexpr const DivergenceKindInfo& KindInfo(DivergenceKind kind) {
  return kDivergenceKinds[static_cast<int>(kind)];
}
inline constexpr std::string_view KindName(DivergenceKind kind) { return KindInfo(kind).name; }
inline constexpr bool IsContradictionKind(DivergenceKind kind) {
  return KindInfo(kind).contradiction;
}
std::optional<DivergenceKind> ParseKind(std::string_view name);

}  // namespace diverge::report

#endif  // DIVERGE_ANALYZER_REPORT_DIVERGENCE_KIND_H_
