#include "analyzer/divergence/pairs_eval.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "analyzer/base/atomic_file.h"
#include "analyzer/divergence/dates.h"

namespace diverge {
namespace {

Result<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Column(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return int(i);
  }
  return -1;
}


// FNC-1 stance -> the model's two labels.
divergence::StanceLabels StanceLabelsOf(const std::string& stance) {
  return {stance != "unrelated", stance == "disagree"};
}

}  // namespace

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<LabelledPair>> ReadLabelledPairs(const std::string& path, PairsFormat format) {
  Result<std::string> text = Slurp(path);
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
      std::vector<std::string> cols;
      std::stringstream ls(line);
      std::string col;
      while (std::getline(ls, col, '\t')) cols.push_back(col);
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
      out.push_back({cols[ca], cols[cb], cols[cl] == "CONTRADICTION", "", ""});
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
  Result<std::string> btext = Slurp(bodies_path);
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
                              const DetectOptions& options) {
  PairsEvalResult r;
  for (const LabelledPair& p : pairs) {
    ++r.n;
    if (p.positive) ++r.positives;
    std::vector<Divergence> ds = ComparePair(p.a, p.b, std::nullopt, std::nullopt, options);
    const Divergence* best = nullptr;
    for (const Divergence& d : ds) {
      if (!IsContradictionKind(d.kind)) continue;
      if (!best || d.score > best->score) best = &d;
    }
    r.outcomes.push_back({best != nullptr, best ? best->explanation : ""});
    if (!best) continue;
    ++r.predicted;
    ++r.flagged_by_kind[std::string(KindName(best->kind))];
    if (p.positive) ++r.true_positives;
  }
  r.precision = r.predicted ? double(r.true_positives) / double(r.predicted) : 0;
  r.recall = r.positives ? double(r.true_positives) / double(r.positives) : 0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

Result<std::vector<Divergence>> CompareArguments(const std::string& a, const std::string& b,
                                                 const std::optional<std::string>& date_a,
                                                 const std::optional<std::string>& date_b,
                                                 const DetectOptions& options) {
  for (const auto* d : {&date_a, &date_b}) {
    if (*d && !divergence::ParseIsoDate(**d)) {
      return Status::InvalidArgument("date '" + **d + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  auto text_of = [](const std::string& arg) -> Result<std::string> {
    std::error_code ec;
    if (arg.size() < 4096 && std::filesystem::is_regular_file(arg, ec)) return Slurp(arg);
    return arg;
  };
  Result<std::string> ta = text_of(a);
  if (!ta.ok()) return ta.status();
  Result<std::string> tb = text_of(b);
  if (!tb.ok()) return tb.status();
  return ComparePair(*ta, *tb, date_a, date_b, options);
}

Result<divergence::StanceTrainResult> TrainStanceOnFiles(const std::vector<std::string>& files,
                                                         int folds, const DetectOptions& options,
                                                         const std::string& features_cache) {
  if (folds < 2) return Status::InvalidArgument("--folds must be at least 2");
  std::vector<divergence::StanceExample> examples;
  std::error_code ec;
  if (!features_cache.empty() && std::filesystem::is_regular_file(features_cache, ec)) {
    std::ifstream in(features_cache);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      divergence::StanceExample e;
      std::getline(ls, e.group, '\t');
      std::getline(ls, e.label, '\t');
      for (double& v : e.x) ls >> v;
      if (!ls) return Status::Corruption(features_cache + ": malformed line");
      e.y = StanceLabelsOf(e.label);
      examples.push_back(std::move(e));
    }
  } else {
    std::string cache;
    for (const std::string& f : files) {
      Result<std::vector<LabelledPair>> pairs = ReadLabelledPairs(f, PairsFormat::kFnc1);
      if (!pairs.ok()) return pairs.status();
      for (LabelledPair& p : *pairs) {
        divergence::StanceExample e;
        e.x = ClaimArticleFeatures(p.a, p.b, options);
        e.label = p.label;
        e.y = StanceLabelsOf(p.label);
        e.group = f + "#" + p.group;
        std::ostringstream line;
        line.precision(17);
        line << e.group << '\t' << e.label;
        for (double v : e.x) line << '\t' << v;
        cache += line.str() + "\n";
        examples.push_back(std::move(e));
      }
    }
    if (!features_cache.empty()) {
      Status st = WriteFileAtomic(features_cache, cache);
      if (!st.ok()) return st;
    }
  }
  if (examples.empty()) return Status::NotFound("no labelled pairs in the given files");
  return divergence::TrainStance(examples, folds, divergence::DefaultStanceSearch());
}

Result<PairsEvalResult> EvaluatePairFiles(const std::vector<std::string>& files, PairsFormat format,
                                          const DetectOptions& options,
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

}  // namespace diverge
