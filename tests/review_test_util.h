// Shared helpers of the review_*_test.cc files: a temporary directory and an analysis
// directory holding the synthetic report (tests/data/reports/synthetic_report.json).
#ifndef DIVERGE_TESTS_REVIEW_TEST_UTIL_H_
#define DIVERGE_TESTS_REVIEW_TEST_UTIL_H_

#include <filesystem>
#include <string>

#include "analyzer/base/atomic_file.h"
#include "analyzer/report/report.h"
#include "tests/ingest_test_util.h"
#include "tests/reports_fixture.h"

namespace diverge::testing {

// A fresh temporary directory (removed with its contents), with a path helper.
class ReviewDir : public TempDir {
 public:
  std::string file(const std::string& name) const { return (path() / name).string(); }
};

// Three short articles about one (invented) council vote; the second gives the bridge
// cost as `cost_b` million euros, the others 40, so with cost_b != 40 the analysis flags
// numeric divergences between b and the others, and with 40 it flags none of them.
inline void WriteBridgeCorpus(const std::filesystem::path& dir, int cost_b) {
  std::filesystem::create_directories(dir);
  auto article = [&](const std::string& name, const std::string& title, const std::string& body) {
    Status st = WriteFileAtomic((dir / name).string(), title + "\n\n" + body + "\n");
    if (!st.ok()) throw std::runtime_error(st.ToString());
  };
  const std::string vote =
      "The Harbor city council voted on Tuesday to build a new bridge over the Lenna river. ";
  article("a.txt", "Harbor council approves new bridge",
          vote +
              "The bridge will cost 40 million euros, the mayor said. Construction will "
              "begin in March 2021 and take three years. The council has nine members.");
  article("b.txt", "Council backs Lenna bridge plan",
          vote + "The bridge will cost " + std::to_string(cost_b) +
              " million euros, the mayor said. Construction will begin in October 2022 and take "
              "three years. The council has nine members.");
  article("c.txt", "Bridge vote in Harbor",
          "The Harbor city council did not vote on Tuesday to build a new bridge over the Lenna "
          "river. The bridge will cost 40 million euros, the mayor said. The council has nine "
          "members.");
  Status st =
      WriteFileAtomic((dir / "manifest.tsv").string(),
                      "id\tfile\toutlet\tdate\ttitle\turl\n"
                      "a\ta.txt\tHarbor Times\t2020-05-05\tHarbor council approves new bridge\t\n"
                      "b\tb.txt\tLenna Post\t2020-05-06\tCouncil backs Lenna bridge plan\t\n"
                      "c\tc.txt\tValley Courier\t2020-05-06\tBridge vote in Harbor\t\n");
  if (!st.ok()) throw std::runtime_error(st.ToString());
}

// True when the default embedding model is present (tests that run analyze need it).
inline bool HaveDefaultModel() { return std::filesystem::exists(DIVERGE_DEFAULT_MODEL); }

// Writes `report` as DIR/report.json.
inline void WriteReportDir(const ReviewDir& dir, const report::Report& report) {
  Status st = report::SaveReport(report, dir.file("report.json"));
  if (!st.ok()) throw std::runtime_error(st.ToString());
}

}  // namespace diverge::testing

#endif  // DIVERGE_TESTS_REVIEW_TEST_UTIL_H_
