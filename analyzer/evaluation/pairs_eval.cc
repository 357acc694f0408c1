#include "analyzer/evaluation/pairs_eval.h"

#include <filesystem>
#include <sstream>
#include <unordered_map>

#include "analyzer/base/atomic_file.h"
#include "analyzer/base/csv_reader.h"
#include "analyzer/base/split_fields.h"
#include "learning/metrics.h"

namespace diverge::evaluation {
namespace {

// The index of the column named `name` in a header row, -1 if none.
template <typename Fields>
int Column(const Fields& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return int(i);
  }
  return -1;
}

}  // namespace

Result<std::vector<LabelledPair>> ReadLabelledPairs(const std::string& path, PairsFormat format) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<LabelledPair> out;
  if (format == PairsFormat::kSick) {
    std::istringstream in(*text);
    std::string line;
    int line_no = 0;
    int ca = -1, cb = -1, cl = -1;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::vector<std::string_view> cols = SplitAll(line, '\t');
      if (line_no == 1) {
        ca = Column(cols, "sentence_A");
        cb = Column(cols, "sentence_B");
        cl = Column(cols, "entailment_judgment");
        if (ca < 0 || cb < 0 || cl < 0) {
          return Status::Corruption(path +
                                    ":1: not a SICK file (needs sentence_A, sentence_B, "
                                    "entailment_judgment columns)");
        }
        continue;
      }
      if (line.empty()) continue;
      int need = std::max(ca, std::max(cb, cl));
      if (int(cols.size()) <= need) {
        return Status::Corruption(path + ":" + std::to_string(line_no) + ": too few columns");
      }
      out.push_back(
          {std::string(cols[ca]), std::string(cols[cb]), cols[cl] == "CONTRADICTION", "", ""});
    }
    return out;
  }
  std::vector<std::vector<std::string>> rows = ParseCsv(*text);
  if (rows.empty()) return Status::Corruption(path + ": empty CSV");
  const auto& header = rows[0];
  if (format == PairsFormat::kEmergent) {
    int ca = Column(header, "claimHeadline"), cb = Column(header, "articleHeadline"),
        cl = Column(header, "articleHeadlineStance");
    if (ca < 0 || cb < 0 || cl < 0) {
      return Status::Corruption(path +
                                ":1: not an Emergent file (needs claimHeadline, "
                                "articleHeadline, articleHeadlineStance)");
    }
    for (size_t r = 1; r < rows.size(); ++r) {
      if (int(rows[r].size()) <= std::max(ca, std::max(cb, cl))) continue;
      out.push_back({rows[r][ca], rows[r][cb], rows[r][cl] == "against", "", ""});
    }
    return out;
  }
  // FNC-1: stances + bodies beside them
  int ch = Column(header, "Headline"), cid = Column(header, "Body ID"),
      cs = Column(header, "Stance");
  if (ch < 0 || cid < 0 || cs < 0) {
    return Status::Corruption(path +
                              ":1: not an FNC-1 stances file (needs Headline, Body ID, "
                              "Stance)");
  }
  std::filesystem::path p(path);
  std::string name = p.filename().string();
  std::string bodies_name = name;
  size_t pos = bodies_name.find("stances");
  if (pos == std::string::npos) {
    bodies_name = "train_bodies.csv";
  } else {
    bodies_name.replace(pos, 7, "bodies");
  }
  std::string bodies_path = (p.parent_path() / bodies_name).string();
  Result<std::string> btext = ReadFile(bodies_path);
  if (!btext.ok()) {
    return Status::NotFound(bodies_path + ": FNC-1 bodies file not found beside " + path);
  }
  std::vector<std::vector<std::string>> brows = ParseCsv(*btext);
  std::unordered_map<std::string, std::string> bodies;
  for (size_t r = 1; r < brows.size(); ++r) {
    if (brows[r].size() >= 2) bodies[brows[r][0]] = brows[r][1];
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    if (int(rows[r].size()) <= std::max(ch, std::max(cid, cs))) continue;
    auto it = bodies.find(rows[r][cid]);
    if (it == bodies.end()) {
      return Status::Corruption(path + ": row " + std::to_string(r + 1) + ": Body ID " +
                                rows[r][cid] + " not in " + bodies_path);
    }
    out.push_back(
        {rows[r][ch], it->second, rows[r][cs] == "disagree", rows[r][cid], rows[r][cs]});
  }
  return out;
}

PairsEvalResult EvaluatePairs(const std::vector<LabelledPair>& pairs,
                              const divergence::DetectOptions& options) {
  PairsEvalResult r;
  learning::BinaryCounts counts;
  for (const LabelledPair& p : pairs) {
    std::vector<report::Divergence> ds =
        divergence::ComparePair(p.a, p.b, std::nullopt, std::nullopt, options);
    const report::Divergence* best = nullptr;
    for (const report::Divergence& d : ds) {
      if (!report::IsContradictionKind(d.kind)) continue;
      if (!best || d.score > best->score) best = &d;
    }
    r.outcomes.push_back({best != nullptr, best ? best->explanation : ""});
    counts.Add(/*predicted=*/best != nullptr, /*gold=*/p.positive);
    if (best) ++r.flagged_by_kind[std::string(report::KindName(best->kind))];
  }
  r.n = pairs.size();
  r.positives = size_t(counts.positives());
  r.predicted = size_t(counts.predicted());
  r.true_positives = size_t(counts.tp);
  r.precision = counts.precision();
  r.recall = counts.recall();
  r.f1 = counts.f1();
  return r;
}

Result<PairsEvalResult> EvaluatePairFiles(const std::vector<std::string>& files, PairsFormat format,
                                          const divergence::DetectOptions& options,
                                          const std::string& errors_path) {
  std::vector<LabelledPair> all;
  for (const std::string& f : files) {
    Result<std::vector<LabelledPair>> pairs = ReadLabelledPairs(f, format);
    if (!pairs.ok()) return pairs.status();
    all.insert(all.end(), pairs->begin(), pairs->end());
  }
  if (all.empty()) return Status::NotFound("no labelled pairs in the given files");
  PairsEvalResult r = EvaluatePairs(all, options);
  if (!errors_path.empty()) {
    auto clean = [](std::string s, size_t max) {
      if (s.size() > max) s.resize(max);
      for (char& c : s) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      return s;
    };
    std::string tsv = "gold\tflagged\texplanation\ta\tb\n";
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].positive == r.outcomes[i].flagged) continue;
      tsv += std::string(all[i].positive ? "1" : "0") + "\t" + (r.outcomes[i].flagged ? "1" : "0") +
             "\t" + clean(r.outcomes[i].explanation, 400) + "\t" + clean(all[i].a, 400) + "\t" +
             clean(all[i].b, 400) + "\n";
    }
    Status st = WriteFileAtomic(errors_path, tsv);
    if (!st.ok()) return st;
  }
  return r;
}

}  // namespace diverge::evaluation
