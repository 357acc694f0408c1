#include "analyzer/evaluation/slot_eval.h"

#include <algorithm>
#include <map>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"
#include "analyzer/pipeline/claim_slots.h"
#include "embeddings/word_senses.h"

namespace diverge::evaluation {

double SlotEvalResult::precision() const {
  const int64_t matched = matched_same + matched_other;
  return matched > 0 ? static_cast<double>(matched_same) / static_cast<double>(matched) : 0.0;
}

double SlotEvalResult::recall() const {
  return same_claim_pairs > 0
             ? static_cast<double>(matched_same) / static_cast<double>(same_claim_pairs)
             : 0.0;
}

Result<SlotEvalResult> EvaluateSlotsOnEmergent(const std::string& csv_path, size_t max_examples) {
  Result<std::string> text = ReadFile(csv_path);
  if (!text.ok()) return text.status();
  const std::vector<std::vector<std::string>> rows = ParseCsv(*text);
  if (rows.empty()) return Status::InvalidArgument(csv_path + ": empty file");
  const std::vector<std::string>& header = rows[0];
  auto column = [&](const char* name) {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  const int article = column("articleHeadline"), claim = column("claimHeadline"),
            claim_id = column("claimId");
  if (article < 0 || claim < 0 || claim_id < 0) {
    return Status::InvalidArgument(csv_path +
                                   ":1: not an Emergent file (needs articleHeadline, "
                                   "claimHeadline and claimId columns)");
  }
  // Distinct (headline, rumour), in a content-defined order.
  std::map<std::pair<std::string, std::string>, int> seen;
  for (size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    const int need = std::max({article, claim, claim_id});
    if (static_cast<int>(row.size()) <= need) continue;
    for (int c : {article, claim}) {
      if (!row[c].empty()) seen.emplace(std::make_pair(row[c], row[claim_id]), 0);
    }
  }
  std::vector<std::string> headlines, rumours;
  for (const auto& [key, unused] : seen) {
    headlines.push_back(key.first);
    rumours.push_back(key.second);
  }
  std::vector<pipeline::SlotProfile> profiles;
  profiles.reserve(headlines.size());
  for (const std::string& h : headlines) profiles.push_back(pipeline::MakeSlotProfile(h, {}));
  const pipeline::ReferentsAlike alike =
      pipeline::WordNetReferents(embeddings::WordSenses::Default());
  SlotEvalResult out;
  out.texts = static_cast<int>(headlines.size());
  for (size_t i = 0; i < profiles.size(); ++i) {
    for (size_t j = i + 1; j < profiles.size(); ++j) {
      const bool same = rumours[i] == rumours[j];
      out.same_claim_pairs += same;
      if (!pipeline::SlotMatch(profiles[i], profiles[j], alike)) continue;
      if (same) {
        ++out.matched_same;
      } else {
        ++out.matched_other;
        if (out.other_examples.size() < max_examples) {
          out.other_examples.emplace_back(headlines[i], headlines[j]);
        }
      }
    }
  }
  return out;
}

}  // namespace diverge::evaluation
