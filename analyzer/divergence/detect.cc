#include "analyzer/divergence/detect.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "analyzer/base/parallel_for.h"
#include "analyzer/base/stable_hash.h"
#include "analyzer/divergence/affiliations.h"
#include "analyzer/divergence/attribution_detector.h"
#include "analyzer/divergence/detect_internal.h"
#include "analyzer/divergence/detector_registry.h"
#include "analyzer/divergence/finding.h"
#include "analyzer/divergence/names.h"
#include "analyzer/divergence/temporal.h"
#include "analyzer/divergence/wordnet.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {

nlohmann::json DetectOptions::ToJson() const {
  return nlohmann::json{{"min_score", min_score},
                        {"max_flags", max_flags},
                        {"align_overlap", align_overlap},
                        {"antonym_overlap", antonym_overlap},
                        {"framing_overlap", framing_overlap},
                        {"numeric_overlap", numeric_overlap},
                        {"same_period_days", same_period_days},
                        {"omissions", omissions},
                        {"omission_min_outlets", omission_min_outlets},
                        {"omission_min_coverage", omission_min_coverage},
                        {"wordnet", wordnet_dir.empty() ? "default" : wordnet_dir}};
}

namespace internal {

const divergence::WordNet* WordNetFor(const std::string& dir) {
  if (dir.empty()) return divergence::WordNet::Default();
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<divergence::WordNet>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(dir);
  if (it == cache.end()) {
    auto wn = divergence::WordNet::Load(dir);
    it =
        cache
            .emplace(dir, wn.ok() ? std::make_unique<divergence::WordNet>(std::move(*wn)) : nullptr)
            .first;
  }
  return it->second.get();
}

std::optional<text::PartialDate> ParseDate(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return text::ParseIsoDate(*s);
}

std::vector<Finding> RunPairDetectors(const Side& a, const Side& b, const DetectorContext& ctx,
                                      const DetectOptions& o) {
  std::vector<Finding> out;
  for (const PairDetector& detector : PairDetectors()) {
    for (Finding& f : detector.detect(a, b, ctx, o)) out.push_back(std::move(f));
  }
  return out;
}

std::string SideLabel(const Side& s) {
  std::string label = s.outlet.empty() ? s.doc : s.outlet + " (" + s.doc;
  if (s.published && s.published->ok()) {
    label += (s.outlet.empty() ? " (" : ", ") + s.published->ToString() + ")";
  } else if (!s.outlet.empty()) {
    label += ")";
  }
  return label;
}

report::Divergence MakeDivergence(const Finding& f, const Side& a, const Side& b,
                                  const std::string& stmt_a, const std::string& stmt_b,
                                  const std::string& cluster, const ChangeIndex* changes,
                                  const DetectOptions& o) {
  report::Divergence d;
  d.cluster = cluster;
  d.kind = f.kind;
  d.score = std::clamp(f.score, 0.0, 1.0);
  d.a.statement = stmt_a;
  d.a.evidence = a.text.substr(f.a_begin, f.a_end - f.a_begin);
  d.b.statement = stmt_b;
  d.b.evidence = b.text.substr(f.b_begin, f.b_end - f.b_begin);
  divergence::TemporalLabel label = divergence::LabelTemporal(f, a, b, changes, o.same_period_days);
  d.temporal = label.temporal;
  d.explanation = SideLabel(a) + " vs " + SideLabel(b) + ": " + f.summary + "; " +
                  std::string(report::TemporalName(label.temporal)) + ": " + label.reason + ".";
  d.id = MakeId("d", {report::KindName(d.kind), stmt_a, stmt_b, d.a.evidence, d.b.evidence});
  return d;
}

// 17 significant digits: two values are one key exactly when they are equal.
std::string ValueKey(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// Keeps the best divergence per disagreement: (kind, and the unordered pair of (outlet,
// value)), so the same two outlets disagreeing on the same values are flagged once, not
// once per sentence pair, document pair or claim. A side's value is the number a numeric
// flag compares (`values`: divergence id -> the two numbers, "43" and "35", however each
// was written: "more than 43 Chinese soldiers", "43 casualties"), else its evidence
// folded for case and spaces. Then at most
// `max_flags` of them, chosen across kinds and claims: the kinds take turns, each giving
// its strongest remaining flag, and within a kind the claims take turns (each claim's
// strongest flag first), so one prolific kind or claim cannot fill the cap. Flags cut
// are counted in *cut (by kind). Returns the kept ones sorted by id.
std::vector<report::Divergence> Finalize(
    std::vector<report::Divergence> all, const DetectOptions& o,
    const std::map<std::string, std::string>& stmt_outlet, std::map<std::string, int64_t>* cut,
    const std::map<std::string, std::pair<std::string, std::string>>& values) {
  auto side_key = [&](const std::optional<std::string>& s, const std::string& evidence,
                      const std::string* value) {
    std::string key;
    if (s) {
      auto it = stmt_outlet.find(*s);
      key = it == stmt_outlet.end() ? *s : it->second;
    }
    if (value != nullptr) return key + '\x1e' + *value;
    std::string folded;
    bool space = false;
    for (char c : evidence) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !folded.empty();
        continue;
      }
      if (space) folded += ' ';
      space = false;
      folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key + '\x1e' + folded;
  };
  std::map<std::string, report::Divergence> best;
  for (auto& d : all) {
    if (d.score < o.min_score) continue;
    auto v = values.find(d.id);
    std::string ka =
        side_key(d.a.statement, d.a.evidence, v == values.end() ? nullptr : &v->second.first);
    std::string kb =
        side_key(d.b.statement, d.b.evidence, v == values.end() ? nullptr : &v->second.second);
    if (kb < ka) std::swap(ka, kb);
    std::string key = std::string(report::KindName(d.kind)) + "\x1f" + ka + "\x1f" + kb;
    auto it = best.find(key);
    if (it == best.end() || d.score > it->second.score ||
        (d.score == it->second.score && d.id < it->second.id)) {
      best[key] = std::move(d);
    }
  }
  std::vector<report::Divergence> out;
  for (auto& [k, d] : best) out.push_back(std::move(d));
  auto stronger = [](const report::Divergence& x, const report::Divergence& y) {
    return x.score != y.score ? x.score > y.score : x.id < y.id;
  };
  std::sort(out.begin(), out.end(), stronger);
  if (o.max_flags >= 0 && out.size() > size_t(o.max_flags)) {
    // Turn of each flag: within its (kind, claim), r-th strongest; within its kind, the
    // claims' r-th flags in order of strength; across kinds, the kinds' k-th flags.
    std::map<std::pair<int, std::string>, size_t> in_claim;
    std::vector<std::pair<size_t, size_t>> claim_turn(out.size());  // (rank in claim, index)
    for (size_t i = 0; i < out.size(); ++i) {
      claim_turn[i] = {in_claim[{int(out[i].kind), out[i].cluster}]++, i};
    }
    std::stable_sort(claim_turn.begin(), claim_turn.end(),
                     [&](const auto& x, const auto& y) {
                       if (out[x.second].kind != out[y.second].kind) {
                         return out[x.second].kind < out[y.second].kind;
                       }
                       return x.first < y.first;  // ties keep strength order
                     });
    std::vector<size_t> turn(out.size());
    std::map<int, size_t> in_kind;
    for (const auto& [rank, i] : claim_turn) turn[i] = in_kind[int(out[i].kind)]++;
    std::vector<size_t> order(out.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return turn[x] < turn[y]; });
    std::vector<report::Divergence> kept;
    for (size_t k = 0; k < order.size(); ++k) {
      report::Divergence& d = out[order[k]];
      if (k < size_t(o.max_flags)) {
        kept.push_back(std::move(d));
      } else if (cut != nullptr) {
        ++(*cut)[std::string(report::KindName(d.kind))];
      }
    }
    out = std::move(kept);
  }
  std::sort(out.begin(), out.end(),
            [](const report::Divergence& x, const report::Divergence& y) { return x.id < y.id; });
  return out;
}

}  // namespace internal

namespace {

using internal::Finalize;
using internal::MakeDivergence;
using internal::ParseDate;
using internal::RunPairDetectors;
using internal::SideLabel;
using internal::WordNetFor;

// Order of the two sides: earlier publication first (undated last), then document id,
// then statement id; so "a" is the older article whatever the input order.
std::string SideOrderKey(const Side& s, const std::string& stmt) {
  std::string date = s.published && s.published->ok() ? s.published->ToString() : "9999";
  return date + "\x1f" + s.doc + "\x1f" + stmt;
}

}  // namespace

Side MakeSide(std::string text, std::optional<text::PartialDate> published, std::string doc,
              std::string outlet) {
  Side s;
  s.text = std::move(text);
  s.tokens = text::Tokenize(s.text);
  s.published = published;
  s.doc = std::move(doc);
  s.outlet = std::move(outlet);
  return s;
}

std::string CanonicalToken(const DetectorContext& ctx, std::string_view word) {
  return ctx.names ? ctx.names->Canonical(word) : std::string(word);
}

DetectResult DetectDivergences(const report::Report& report,
                               const std::vector<ingest::Document>& documents_with_text,
                               const DetectOptions& o,
                               const std::vector<std::string>& mid_sentence_names) {
  DetectResult result;
  std::map<std::string, const ingest::Document*> meta, text;
  for (const ingest::Document& d : report.documents) meta[d.id] = &d;
  for (const ingest::Document& d : documents_with_text) text[d.id] = &d;
  std::map<std::string, const ingest::Statement*> statements;
  std::map<std::string, std::string> stmt_outlet;  // the outlet, or the document id
  for (const ingest::Statement& s : report.statements) {
    statements[s.id] = &s;
    auto m = meta.find(s.doc);
    stmt_outlet[s.id] =
        m != meta.end() && !m->second->outlet.empty() ? m->second->outlet : s.doc;
  }
  // The lead of each clause statement (Side::lead): the text of its sentence before it.
  // The sentence is the nearest earlier statement of the document that spans it (the
  // clauses of one sentence lie between it and the clause).
  std::map<std::string, std::string> lead_of;
  for (size_t k = 0; k < report.statements.size(); ++k) {
    const ingest::Statement& s = report.statements[k];
    for (size_t back = 1; back <= 16 && back <= k; ++back) {
      const ingest::Statement& p = report.statements[k - back];
      if (p.doc != s.doc) break;
      if (p.start > s.start || p.end < s.end || p.end - p.start <= s.end - s.start) continue;
      const size_t at = p.text.find(s.text);
      if (at != std::string::npos && at > 0) lead_of[s.id] = p.text.substr(0, at);
      break;
    }
  }
  auto doc_meta = [&](const std::string& id) -> const ingest::Document* {
    auto it = meta.find(id);
    if (it != meta.end()) return it->second;
    auto jt = text.find(id);
    return jt == text.end() ? nullptr : jt->second;
  };

  // Full text per document (statements joined when the text is missing), in id order.
  std::map<std::string, std::string> full_text;
  for (const auto& [id, d] : text) full_text[id] = d->text;
  for (const ingest::Statement& s : report.statements) {
    if (!text.count(s.doc)) full_text[s.doc] += s.text + "\n";
  }

  // Per document on the threads (tokens, dated changes), then joined in id order: the
  // same index and names as adding the documents one by one.
  const int threads =
      o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  std::vector<const std::pair<const std::string, std::string>*> bodies;
  for (const auto& entry : full_text) bodies.push_back(&entry);
  std::vector<divergence::StoryDocument> story_documents(bodies.size());
  std::vector<ChangeIndex> doc_changes(bodies.size());
  ParallelFor(threads, static_cast<int64_t>(bodies.size()), [&](int64_t k) {
    const auto& [id, body] = *bodies[static_cast<size_t>(k)];
    const ingest::Document* d = doc_meta(id);
    std::optional<text::PartialDate> published = d ? ParseDate(d->date) : std::nullopt;
    doc_changes[static_cast<size_t>(k)].AddDocument(id, body, published);
    story_documents[static_cast<size_t>(k)] = {id, d ? d->outlet : id, published,
                                               text::Tokenize(body)};
  });
  NameResolver names;
  ChangeIndex changes;
  for (size_t k = 0; k < bodies.size(); ++k) {
    names.AddTokens(story_documents[k].tokens);
    changes.Append(std::move(doc_changes[k]));
  }
  // Claim detectors see the documents of the claim's story only (all documents when the
  // report has no stories), so their cost is the sum over stories of claims x documents,
  // not claims x corpus.
  std::map<std::string, std::string> story_of_doc;
  for (const report::Story& st : report.stories) {
    for (const std::string& doc : st.documents) story_of_doc[doc] = st.id;
  }
  std::map<std::string, std::vector<divergence::StoryDocument>> story_docs;
  for (const divergence::StoryDocument& od : story_documents) {
    auto it = story_of_doc.find(od.id);
    if (it != story_of_doc.end()) story_docs[it->second].push_back(od);
  }
  names.Build();
  DetectorContext ctx;
  ctx.names = &names;
  ctx.wordnet = WordNetFor(o.wordnet_dir);
  ctx.mid_sentence_names = &mid_sentence_names;
  Affiliations affiliations;
  const Affiliations::Canonicalizer canonical = [&](std::string_view word) {
    return AgentKey(ctx, word);
  };
  for (const divergence::StoryDocument& d : story_documents) affiliations.Add(d.tokens, canonical);
  ctx.affiliations = &affiliations;

  // Each claim on its own (detectors are pure functions, the name resolver, change index
  // and WordNet are read-only here), its divergences in its own slot, joined in claim
  // order: the result does not depend on the threads.
  std::vector<std::vector<report::Divergence>> per_claim(report.clusters.size());
  // Per claim: (divergence id, the two values) of its numeric flags, for Finalize.
  std::vector<std::vector<std::pair<std::string, std::pair<std::string, std::string>>>>
      per_claim_values(report.clusters.size());
  ParallelFor(
      threads, static_cast<int64_t>(report.clusters.size()), [&](int64_t c) {
        const report::ClaimCluster& cluster = report.clusters[static_cast<size_t>(c)];
        std::vector<report::Divergence>& all = per_claim[static_cast<size_t>(c)];
        // sides of the cluster, in a content-defined order
        std::vector<std::pair<std::string, Side>> sides;  // (statement id, side)
        std::set<std::string> ids(cluster.statements.begin(), cluster.statements.end());
        for (const std::string& sid : ids) {
          auto it = statements.find(sid);
          if (it == statements.end()) continue;
          const ingest::Document* d = doc_meta(it->second->doc);
          sides.emplace_back(
              sid, divergence::MakeSide(it->second->text, d ? ParseDate(d->date) : std::nullopt,
                                        it->second->doc, d ? d->outlet : ""));
          if (auto lead = lead_of.find(sid); lead != lead_of.end()) {
            sides.back().second.lead = text::Tokenize(lead->second);
          }
        }
        std::sort(sides.begin(), sides.end(), [](const auto& x, const auto& y) {
          return SideOrderKey(x.second, x.first) < SideOrderKey(y.second, y.first);
        });
        for (size_t i = 0; i < sides.size(); ++i) {
          for (size_t j = i + 1; j < sides.size(); ++j) {
            const Side& a = sides[i].second;
            const Side& b = sides[j].second;
            if (a.doc == b.doc) continue;
            for (const Finding& f : RunPairDetectors(a, b, ctx, o)) {
              all.push_back(
                  MakeDivergence(f, a, b, sides[i].first, sides[j].first, cluster.id, &changes, o));
              if (f.kind == report::DivergenceKind::kNumeric) {
                per_claim_values[static_cast<size_t>(c)].push_back(
                    {all.back().id,
                     {internal::ValueKey(f.a_value), internal::ValueKey(f.b_value)}});
              }
            }
          }
        }
        auto own = story_docs.find(cluster.story);
        divergence::ClaimInput claim{cluster, sides,
                                     own != story_docs.end() ? own->second : story_documents};
        for (const divergence::ClaimDetector& detector : divergence::ClaimDetectors()) {
          for (report::Divergence& d : detector.detect(claim, o)) all.push_back(std::move(d));
        }
      });
  std::vector<report::Divergence> all;
  for (auto& v : per_claim) {
    for (report::Divergence& d : v) all.push_back(std::move(d));
  }
  std::map<std::string, std::pair<std::string, std::string>> values;
  for (auto& v : per_claim_values) {
    for (auto& [id, pair] : v) values.emplace(std::move(id), std::move(pair));
  }
  result.divergences = Finalize(std::move(all), o, stmt_outlet, &result.cut_by_kind, values);
  result.entities = names.Entities();
  return result;
}

}  // namespace diverge::divergence
