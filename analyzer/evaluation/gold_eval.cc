#include "analyzer/evaluation/gold_eval.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "analyzer/base/atomic_file.h"
#include "analyzer/text/utf8.h"

namespace diverge::evaluation {

namespace {

using json = nlohmann::json;

Result<GoldQuote> QuoteFromJson(const json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("doc") || !j.contains("quote") || !j["doc"].is_string() ||
      !j["quote"].is_string()) {
    return Status::Corruption(where + " must be {\"doc\": string, \"quote\": string}");
  }
  return GoldQuote{j["doc"].get<std::string>(),
                   text::FoldWhitespace(j["quote"].get<std::string>())};
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Statement ids per gold quote, and the cluster of each statement.
class Matcher {
 public:
  explicit Matcher(const report::Report& report) {
    for (const ingest::Statement& s : report.statements) by_doc_[s.doc].push_back(&s);
    for (const report::ClaimCluster& c : report.clusters) {
      for (const std::string& s : c.statements) cluster_of_[s] = c.id;
    }
  }
  // All statements overlapping `q`, or (tightest) only those with the fewest bytes
  // outside the overlap.
  std::vector<std::string> Statements(const GoldQuote& q, bool tightest = false) const {
    std::vector<std::pair<size_t, std::string>> found;  // (bytes outside overlap, id)
    auto it = by_doc_.find(q.doc);
    if (it == by_doc_.end()) return {};
    for (const ingest::Statement* s : it->second) {
      std::string text = text::FoldWhitespace(s->text);
      if (size_t ov = OverlapBytes(text, q.quote)) {
        found.emplace_back(text.size() + q.quote.size() - 2 * ov, s->id);
      }
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (const auto& [cost, id] : found) {
      if (tightest && cost != found.front().first) break;
      out.push_back(id);
    }
    return out;
  }
  std::set<std::string> Clusters(const std::vector<std::string>& statements) const {
    std::set<std::string> out;
    for (const std::string& s : statements) {
      auto it = cluster_of_.find(s);
      if (it != cluster_of_.end()) out.insert(it->second);
    }
    return out;
  }

 private:
  std::map<std::string, std::vector<const ingest::Statement*>> by_doc_;
  std::map<std::string, std::string> cluster_of_;
};

bool Intersects(const std::set<std::string>& x, const std::set<std::string>& y) {
  return std::any_of(x.begin(), x.end(), [&](const std::string& v) { return y.count(v) > 0; });
}

bool Links(const report::Divergence& d, const std::vector<std::string>& a,
           const std::vector<std::string>& b) {
  auto has = [](const std::vector<std::string>& v, const std::optional<std::string>& s) {
    return s && std::find(v.begin(), v.end(), *s) != v.end();
  };
  return (has(a, d.a.statement) && has(b, d.b.statement)) ||
         (has(b, d.a.statement) && has(a, d.b.statement));
}

std::string Short(const GoldQuote& q) {
  std::string text = q.quote.size() > 60 ? q.quote.substr(0, 57) + "..." : q.quote;
  return q.doc + " \"" + text + "\"";
}

double Ratio(int num, int den) { return den == 0 ? 1.0 : static_cast<double>(num) / den; }

}  // namespace

size_t OverlapBytes(std::string_view statement, std::string_view quote) {
  if (statement.empty() || quote.empty()) return 0;
  if (statement.find(quote) != std::string_view::npos) return quote.size();
  if (quote.find(statement) != std::string_view::npos) return statement.size();
  size_t max_len = std::min(statement.size(), quote.size());
  for (size_t len = max_len; len >= kMinOverlapBytes; --len) {
    if (statement.substr(statement.size() - len) == quote.substr(0, len)) return len;
    if (quote.substr(quote.size() - len) == statement.substr(0, len)) return len;
  }
  return 0;
}

Result<Gold> ParseGold(std::string_view text, const std::string& source) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return Status::Corruption(source + "@byte " + std::to_string(e.byte) + ": not valid JSON");
  }
  if (!root.is_object()) return Status::Corruption(source + ": top level must be an object");
  Gold gold;
  for (const json& c : root.value("clusters", json::array())) {
    GoldCluster gc{Str(c, "id"), {}};
    for (const json& q : c.value("statements", json::array())) {
      Result<GoldQuote> gq = QuoteFromJson(q, source + ": cluster " + gc.id + " statement");
      if (!gq.ok()) return gq.status();
      gc.statements.push_back(*gq);
    }
    gold.clusters.push_back(std::move(gc));
  }
  for (const json& d : root.value("divergences", json::array())) {
    std::string where = source + ": divergence " + Str(d, "id");
    Result<GoldQuote> a = QuoteFromJson(d.value("a", json()), where + ".a");
    if (!a.ok()) return a.status();
    Result<GoldQuote> b = QuoteFromJson(d.value("b", json()), where + ".b");
    if (!b.ok()) return b.status();
    gold.divergences.push_back(
        {Str(d, "id"), Str(d, "cluster"), Str(d, "kind"), Str(d, "temporal"), *a, *b});
  }
  for (const json& p : root.value("non_divergences", json::array())) {
    Result<GoldQuote> a = QuoteFromJson(p.value("a", json()), source + ": non_divergence.a");
    if (!a.ok()) return a.status();
    Result<GoldQuote> b = QuoteFromJson(p.value("b", json()), source + ": non_divergence.b");
    if (!b.ok()) return b.status();
    gold.non_divergences.push_back({*a, *b, Str(p, "note")});
  }
  return gold;
}

Result<Gold> LoadGold(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseGold(*text, path);
}

GoldScores EvaluateAgainstGold(const report::Report& report, const Gold& gold) {
  GoldScores s;
  Matcher m(report);
  s.total_flags = static_cast<int>(report.divergences.size());

  // Every gold quote with its statements, predicted clusters and gold cluster.
  struct Item {
    const GoldQuote* q;
    std::string gold_cluster;
    std::set<std::string> clusters;
  };
  std::vector<Item> items;
  for (const GoldCluster& gc : gold.clusters) {
    for (const GoldQuote& q : gc.statements) {
      std::vector<std::string> sts = m.Statements(q, /*tightest=*/true);
      if (sts.empty()) {
        ++s.unmatched_quotes;
        s.missed.push_back("quote matches no statement: " + Short(q));
      }
      items.push_back({&q, gc.id, m.Clusters(sts)});
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = i + 1; j < items.size(); ++j) {
      const Item& x = items[i];
      const Item& y = items[j];
      if (x.q->doc == y.q->doc) continue;
      bool same_gold = x.gold_cluster == y.gold_cluster;
      bool same_pred = Intersects(x.clusters, y.clusters);
      if (same_gold) {
        ++s.gold_pairs;
        if (same_pred) {
          ++s.gold_pairs_found;
        } else {
          s.missed.push_back("not clustered together: " + Short(*x.q) + " / " + Short(*y.q));
        }
      }
      if (same_pred) {
        ++s.predicted_pairs;
        if (same_gold) {
          ++s.predicted_pairs_correct;
        } else {
          s.missed.push_back("wrongly clustered together: " + Short(*x.q) + " / " + Short(*y.q));
        }
      }
    }
  }

  for (const GoldDivergence& gd : gold.divergences) {
    ++s.divergences;
    std::vector<std::string> a = m.Statements(gd.a), b = m.Statements(gd.b);
    const report::Divergence* best = nullptr;
    for (const report::Divergence& d : report.divergences) {
      if (!Links(d, a, b)) continue;
      // Prefer a link with the right kind, then the right temporal label.
      auto rank = [&](const report::Divergence* x) {
        return (report::KindName(x->kind) == gd.kind ? 2 : 0) +
               (report::TemporalName(x->temporal) == gd.temporal);
      };
      if (!best || rank(&d) > rank(best)) best = &d;
    }
    if (!best) {
      s.missed.push_back("divergence not found: " + gd.id + " (" + gd.kind + ", " + gd.temporal +
                         ")");
      continue;
    }
    ++s.divergences_found;
    if (report::KindName(best->kind) == gd.kind) {
      ++s.kind_right;
    } else {
      s.missed.push_back("divergence " + gd.id + ": kind " +
                         std::string(report::KindName(best->kind)) + ", gold " + gd.kind);
    }
    if (report::TemporalName(best->temporal) == gd.temporal) {
      ++s.temporal_right;
    } else {
      s.missed.push_back("divergence " + gd.id + ": temporal " +
                         std::string(report::TemporalName(best->temporal)) + ", gold " +
                         gd.temporal);
    }
  }

  for (const GoldPair& p : gold.non_divergences) {
    ++s.non_divergences;
    std::vector<std::string> a = m.Statements(p.a), b = m.Statements(p.b);
    bool flagged = std::any_of(report.divergences.begin(), report.divergences.end(),
                               [&](const report::Divergence& d) { return Links(d, a, b); });
    if (flagged) {
      ++s.non_divergences_flagged;
      s.missed.push_back("non-divergence flagged: " + Short(p.a) + " / " + Short(p.b));
    }
  }
  return s;
}

double GoldScores::pair_recall() const { return Ratio(gold_pairs_found, gold_pairs); }
double GoldScores::pair_precision() const {
  return Ratio(predicted_pairs_correct, predicted_pairs);
}
double GoldScores::divergence_recall() const { return Ratio(divergences_found, divergences); }

json GoldScores::ToJson() const {
  return {{"cluster_pair_recall", pair_recall()},
          {"cluster_pair_precision", pair_precision()},
          {"gold_pairs", gold_pairs},
          {"predicted_pairs", predicted_pairs},
          {"divergence_recall", divergence_recall()},
          {"divergences", divergences},
          {"divergences_found", divergences_found},
          {"kind_right", kind_right},
          {"temporal_right", temporal_right},
          {"non_divergences", non_divergences},
          {"non_divergences_flagged", non_divergences_flagged},
          {"unmatched_quotes", unmatched_quotes},
          {"total_flags", total_flags},
          {"missed", missed}};
}

std::string GoldScores::ToText() const {
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "cluster pair recall     %.3f (%d/%d)\n"
                "cluster pair precision  %.3f (%d/%d)\n"
                "divergence recall       %.3f (%d/%d)\n"
                "  right kind            %d/%d\n"
                "  right temporal label  %d/%d\n"
                "non-divergences flagged %d/%d\n"
                "unmatched gold quotes   %d\n"
                "flags in the report     %d\n",
                pair_recall(), gold_pairs_found, gold_pairs, pair_precision(),
                predicted_pairs_correct, predicted_pairs, divergence_recall(), divergences_found,
                divergences, kind_right, divergences_found, temporal_right, divergences_found,
                non_divergences_flagged, non_divergences, unmatched_quotes, total_flags);
  std::string out = buf;
  for (const std::string& m : missed) out += "  - " + m + "\n";
  return out;
}

}  // namespace diverge::evaluation
