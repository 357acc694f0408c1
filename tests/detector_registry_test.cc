#include "analyzer/divergence/detector_registry.h"

#include <catch2/catch.hpp>
#include <set>

#include "analyzer/report/divergence_kind.h"
#include "tests/detector_test_util.h"

namespace diverge::divergence {
namespace {
using testing::S;

TEST_CASE("every divergence kind has one name that parses back", "[detector][registry]") {
  std::set<std::string_view> names;
  for (const report::DivergenceKindInfo& k : report::kDivergenceKinds) {
    CHECK(names.insert(k.name).second);
    REQUIRE(report::ParseKind(k.name).has_value());
    CHECK(*report::ParseKind(k.name) == k.kind);
    CHECK(report::KindName(k.kind) == k.name);
  }
  CHECK_FALSE(report::ParseKind("nonsense").has_value());
  CHECK(report::IsContradictionKind(report::DivergenceKind::kNumeric));
  CHECK_FALSE(report::IsContradictionKind(report::DivergenceKind::kFraming));
}

TEST_CASE("every kind but other has exactly one registered detector", "[detector][registry]") {
  std::multiset<report::DivergenceKind> registered;
  for (const PairDetector& d : PairDetectors()) registered.insert(d.kind);
  for (const ClaimDetector& d : ClaimDetectors()) registered.insert(d.kind);
  for (const report::DivergenceKindInfo& k : report::kDivergenceKinds) {
    INFO(k.name);
    CHECK(registered.count(k.kind) == (k.kind == report::DivergenceKind::kOther ? 0u : 1u));
  }
}

TEST_CASE("a registered pair detector returns findings of its own kind", "[detector][registry]") {
  Side a = S("The earthquake killed 820 people in the province on Friday.");
  Side b = S("The earthquake killed 1,037 people in the province on Friday.");
  DetectorContext ctx;
  divergence::DetectOptions o;
  size_t found = 0;
  for (const PairDetector& d : PairDetectors()) {
    for (const Finding& f : d.detect(a, b, ctx, o)) {
      CHECK(f.kind == d.kind);
      ++found;
    }
  }
  CHECK(found >= 1);
}

}  // namespace
}  // namespace diverge::divergence
