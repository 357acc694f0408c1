#include "analyzer/report/report.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "analyzer/base/atomic_file.h"
#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/report/json_text.h"

namespace diverge::report {

namespace {

using json = nlohmann::json;

constexpr std::string_view kTemporalNames[] = {"contradiction", "change_over_time", "undetermined"};
constexpr std::string_view kStatusNames[] = {"open", "confirmed", "dismissed"};

template <typename Enum, size_t N>
std::optional<Enum> ParseName(const std::string_view (&names)[N], std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

json OptionalString(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

double RoundScore(double s) { return std::round(std::clamp(s, 0.0, 1.0) * 1e4) / 1e4; }

json SideToJson(const DivergenceSide& side) {
  json j = {{"statement", OptionalString(side.statement)}, {"evidence", side.evidence}};
  if (side.outlet) j["outlet"] = *side.outlet;
  return j;
}

// Field access that turns a missing or mistyped field into a message naming it.
class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}
  const std::string& error() const { return error_; }
  bool failed() const { return !error_.empty(); }

  std::string Str(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) {
      Fail(where + "." + key + " must be a string");
      return {};
    }
    return it->get<std::string>();
  }
  std::optional<std::string> OptStr(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      Fail(where + "." + key + " must be a string or null");
      return std::nullopt;
    }
    return it->get<std::string>();
  }
  int64_t Int(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_integer()) {
      Fail(where + "." + key + " must be an integer");
      return 0;
    }
    return it->get<int64_t>();
  }
  const json& Array(const json& obj, const char* key, bool required) {
    static const json kEmpty = json::array();
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) Fail(std::string(key) + " is missing");
      return kEmpty;
    }
    if (!it->is_array()) {
      Fail(std::string(key) + " must be an array");
      return kEmpty;
    }
    return *it;
  }
  void Fail(const std::string& what) {
    if (error_.empty()) error_ = source_ + ": " + what;
  }

 private:
  const std::string& source_;
  std::string error_;
};

DivergenceSide SideFromJson(Reader& r, const json& j, const std::string& where) {
  DivergenceSide side;
  if (!j.is_object()) {
    r.Fail(where + " must be an object");
    return side;
  }
  side.statement = r.OptStr(j, "statement", where);
  side.evidence = r.OptStr(j, "evidence", where).value_or("");
  side.outlet = r.OptStr(j, "outlet", where);
  return side;
}

Review ReviewFromJson(Reader& r, const json& j, const std::string& where) {
  Review review;
  std::string status = r.OptStr(j, "status", where + ".review").value_or("open");
  auto s = ParseReviewStatus(status);
  if (!s) {
    r.Fail(where + ".review.status: unknown status \"" + status + "\"");
    return review;
  }
  review.status = *s;
  review.note = r.OptStr(j, "note", where + ".review");
  review.reason = r.OptStr(j, "reason", where + ".review");
  return review;
}

void ParseDivergences(Reader& r, const json& root, Report& report) {
  const json& arr = r.Array(root, "divergences", false);
  for (size_t i = 0; i < arr.size() && !r.failed(); ++i) {
    const json& j = arr[i];
    std::string where = "divergences[" + std::to_string(i) + "]";
    Divergence d;
    d.id = r.Str(j, "id", where);
    d.cluster = r.Str(j, "cluster", where);
    std::string kind = r.Str(j, "kind", where);
    std::string temporal = r.Str(j, "temporal", where);
    if (r.failed()) return;
    auto k = ParseKind(kind);
    auto t = ParseTemporal(temporal);
    if (!k) return r.Fail(where + ".kind: unknown kind \"" + kind + "\"");
    if (!t) return r.Fail(where + ".temporal: unknown label \"" + temporal + "\"");
    d.kind = *k;
    d.temporal = *t;
    auto score = j.find("score");
    if (score == j.end() || !score->is_number()) return r.Fail(where + ".score must be a number");
    d.score = score->get<double>();
    d.a = SideFromJson(r, j.value("a", json()), where + ".a");
    d.b = SideFromJson(r, j.value("b", json()), where + ".b");
    d.explanation = r.OptStr(j, "explanation", where).value_or("");
    auto review = j.find("review");
    if (review != j.end() && review->is_object()) d.review = ReviewFromJson(r, *review, where);
    report.divergences.push_back(std::move(d));
  }
}

void ParseCorrections(Reader& r, const json& root, Report& report) {
  const json& arr = r.Array(root, "corrections", false);
  for (size_t i = 0; i < arr.size() && !r.failed(); ++i) {
    std::string where = "corrections[" + std::to_string(i) + "]";
    const json& j = arr[i];
    CorrectionRecord c;
    if (!j.is_object()) {
      r.Fail(where + " must be an object");
      return;
    }
    c.seq = j.value("seq", int64_t{0});
    c.action = r.Str(j, "action", where);
    if (auto t = j.find("targets"); t != j.end() && t->is_array()) {
      for (const json& x : *t) {
        if (x.is_string()) c.targets.push_back(x.get<std::string>());
      }
    }
    c.value = r.OptStr(j, "value", where).value_or("");
    c.reviewer = r.OptStr(j, "reviewer", where).value_or("");
    c.time = r.OptStr(j, "time", where).value_or("");
    c.note = r.OptStr(j, "note", where);
    c.applied = j.value("applied", false);
    c.why = r.OptStr(j, "why", where).value_or("");
    report.corrections.push_back(std::move(c));
  }
}

void ParseSetAside(Reader& r, const json& root, Report& report) {
  const json& arr = r.Array(root, "set_aside", false);
  for (size_t i = 0; i < arr.size() && !r.failed(); ++i) {
    std::string where = "set_aside[" + std::to_string(i) + "]";
    ingest::SetAsideLine l;
    l.doc = r.Str(arr[i], "doc", where);
    l.reason = r.Str(arr[i], "reason", where);
    l.detail = r.OptStr(arr[i], "detail", where).value_or("");
    l.text = r.Str(arr[i], "text", where);
    l.start = r.Int(arr[i], "start", where);
    l.end = r.Int(arr[i], "end", where);
    report.set_aside.push_back(std::move(l));
  }
}

void ParseOrphanedReviews(Reader& r, const json& root, Report& report) {
  const json& arr = r.Array(root, "orphaned_reviews", false);
  for (size_t i = 0; i < arr.size() && !r.failed(); ++i) {
    std::string where = "orphaned_reviews[" + std::to_string(i) + "]";
    OrphanedReview o;
    o.id = r.Str(arr[i], "id", where);
    o.review = ReviewFromJson(r, arr[i], where);
    o.reviewer = r.OptStr(arr[i], "reviewer", where).value_or("");
    o.updated = r.OptStr(arr[i], "updated", where).value_or("");
    report.orphaned_reviews.push_back(std::move(o));
  }
}

}  // namespace

std::optional<DivergenceKind> ParseKind(std::string_view name) {
  for (const DivergenceKindInfo& k : kDivergenceKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}
std::string_view TemporalName(Temporal t) { return kTemporalNames[static_cast<int>(t)]; }
std::optional<Temporal> ParseTemporal(std::string_view name) {
  return ParseName<Temporal>(kTemporalNames, name);
}
std::string_view ReviewStatusName(ReviewStatus s) { return kStatusNames[static_cast<int>(s)]; }
std::optional<ReviewStatus> ParseReviewStatus(std::string_view name) {
  return ParseName<ReviewStatus>(kStatusNames, name);
}

namespace {
json ReviewToJson(const Review& review) {
  json j = {{"status", ReviewStatusName(review.status)}, {"note", OptionalString(review.note)}};
  if (review.reason) j["reason"] = *review.reason;
  return j;
}
}  // namespace

json ToJson(const Divergence& d) {
  return {{"id", d.id},
          {"cluster", d.cluster},
          {"kind", KindName(d.kind)},
          {"temporal", TemporalName(d.temporal)},
          {"score", RoundScore(d.score)},
          {"a", SideToJson(d.a)},
          {"b", SideToJson(d.b)},
          {"explanation", d.explanation},
          {"review", ReviewToJson(d.review)}};
}

void CanonicalizeReport(Report& r) {
  std::sort(r.documents.begin(), r.documents.end(),
            [](const ingest::Document& x, const ingest::Document& y) { return x.id < y.id; });
  std::sort(r.statements.begin(), r.statements.end(),
            [](const ingest::Statement& x, const ingest::Statement& y) {
              return std::tie(x.doc, x.start, x.end, x.id) < std::tie(y.doc, y.start, y.end, y.id);
            });
  std::sort(r.clusters.begin(), r.clusters.end(),
            [](const ClaimCluster& x, const ClaimCluster& y) { return x.id < y.id; });
  std::sort(r.stories.begin(), r.stories.end(),
            [](const Story& x, const Story& y) { return x.id < y.id; });
  std::sort(r.divergences.begin(), r.divergences.end(),
            [](const Divergence& x, const Divergence& y) { return x.id < y.id; });
  std::sort(r.entities.begin(), r.entities.end(),
            [](const Entity& x, const Entity& y) { return x.id < y.id; });
  std::sort(r.corrections.begin(), r.corrections.end(),
            [](const CorrectionRecord& x, const CorrectionRecord& y) { return x.seq < y.seq; });
  std::sort(r.set_aside.begin(), r.set_aside.end(),
            [](const ingest::SetAsideLine& x, const ingest::SetAsideLine& y) {
              return std::tie(x.doc, x.start, x.end) < std::tie(y.doc, y.start, y.end);
            });
  std::sort(r.orphaned_reviews.begin(), r.orphaned_reviews.end(),
            [](const OrphanedReview& x, const OrphanedReview& y) { return x.id < y.id; });
}

std::string SerializeReport(const Report& input) {
  Report r = input;
  CanonicalizeReport(r);
  json root;
  root["schema"] = r.schema;
  root["generator"] = {{"name", r.generator.name},
                       {"version", r.generator.version},
                       {"model", r.generator.model},
                       {"params", r.generator.params}};
  json docs = json::array(), sts = json::array(), cls = json::array(), divs = json::array(),
       ents = json::array();
  for (const ingest::Document& d : r.documents) docs.push_back(ingest::DocumentToJson(d));
  for (const ingest::Statement& s : r.statements) sts.push_back(ingest::StatementToJson(s));
  for (const ClaimCluster& c : r.clusters) {
    json j = {{"id", c.id}, {"label", c.label}, {"statements", c.statements}};
    if (!c.story.empty()) j["story"] = c.story;
    cls.push_back(std::move(j));
  }
  if (!r.stories.empty()) {
    json stories = json::array();
    for (const Story& t : r.stories) {
      stories.push_back({{"id", t.id}, {"label", t.label}, {"documents", t.documents}});
    }
    root["stories"] = std::move(stories);
  }
  for (const Divergence& d : r.divergences) divs.push_back(ToJson(d));
  for (const Entity& e : r.entities) {
    ents.push_back({{"id", e.id}, {"canonical", e.canonical}, {"variants", e.variants}});
  }
  root["documents"] = std::move(docs);
  root["statements"] = std::move(sts);
  root["clusters"] = std::move(cls);
  root["divergences"] = std::move(divs);
  root["entities"] = std::move(ents);
  if (!r.orphaned_reviews.empty()) {
    json orphans = json::array();
    for (const OrphanedReview& o : r.orphaned_reviews) {
      json j = ReviewToJson(o.review);
      j["id"] = o.id;
      j["reviewer"] = o.reviewer;
      j["updated"] = o.updated;
      orphans.push_back(std::move(j));
    }
    root["orphaned_reviews"] = std::move(orphans);
  }
  if (!r.corrections.empty()) {
    json list = json::array();
    for (const CorrectionRecord& c : r.corrections) {
      json j = {{"seq", c.seq},         {"action", c.action},     {"targets", c.targets},
                {"reviewer", c.reviewer}, {"time", c.time},       {"applied", c.applied},
                {"note", OptionalString(c.note)}};
      if (!c.value.empty()) j["value"] = c.value;
      if (!c.why.empty()) j["why"] = c.why;
      list.push_back(std::move(j));
    }
    root["corrections"] = std::move(list);
  }
  if (!r.divergences_cut.empty()) root["divergences_cut"] = r.divergences_cut;
  if (!r.set_aside.empty()) {
    json lines = json::array();
    for (const ingest::SetAsideLine& l : r.set_aside) {
      lines.push_back({{"doc", l.doc},       {"start", l.start},   {"end", l.end},
                       {"reason", l.reason}, {"detail", l.detail}, {"text", l.text}});
    }
    root["set_aside"] = std::move(lines);
  }
  // nlohmann::json keeps object keys sorted, so the text is canonical.
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<Report> ParseReport(std::string_view text, const std::string& source) {
  std::variant<json, JsonTextError> parsed = ParseJsonText(text);
  if (auto* e = std::get_if<JsonTextError>(&parsed)) {
    return Status::Corruption(source + "@byte " + std::to_string(e->byte) +
                              ": not valid JSON: " + e->message);
  }
  json root = std::move(std::get<json>(parsed));
  if (!root.is_object()) return Status::Corruption(source + ": top level must be an object");
  Report report;
  Reader r(source);
  report.schema = r.Str(root, "schema", "report");
  if (r.failed()) return Status::Corruption(r.error());
  if (report.schema.rfind("diverge.report/", 0) != 0) {
    return Status::Corruption(source + ": not a diverge report (schema \"" + report.schema + "\")");
  }
  if (report.schema != kReportSchema) {
    return Status::Unsupported(source + ": schema " + report.schema + ", this diverge reads " +
                               std::string(kReportSchema));
  }
  if (auto g = root.find("generator"); g != root.end() && g->is_object()) {
    report.generator.name = r.OptStr(*g, "name", "generator").value_or("");
    report.generator.version = r.OptStr(*g, "version", "generator").value_or("");
    report.generator.model = r.OptStr(*g, "model", "generator").value_or("");
    if (auto p = g->find("params"); p != g->end()) report.generator.params = *p;
  }
  const json& docs = r.Array(root, "documents", true);
  for (size_t i = 0; i < docs.size() && !r.failed(); ++i) {
    std::string where = "documents[" + std::to_string(i) + "]";
    ingest::Document d;
    d.id = r.Str(docs[i], "id", where);
    d.path = r.OptStr(docs[i], "path", where).value_or("");
    d.outlet = r.OptStr(docs[i], "outlet", where).value_or("");
    d.date = r.OptStr(docs[i], "date", where);
    d.title = r.OptStr(docs[i], "title", where);
    d.url = r.OptStr(docs[i], "url", where);
    report.documents.push_back(std::move(d));
  }
  const json& sts = r.Array(root, "statements", true);
  for (size_t i = 0; i < sts.size() && !r.failed(); ++i) {
    std::string where = "statements[" + std::to_string(i) + "]";
    ingest::Statement s;
    s.id = r.Str(sts[i], "id", where);
    s.doc = r.Str(sts[i], "doc", where);
    s.text = r.Str(sts[i], "text", where);
    s.start = r.Int(sts[i], "start", where);
    s.end = r.Int(sts[i], "end", where);
    report.statements.push_back(std::move(s));
  }
  const json& cls = r.Array(root, "clusters", false);
  for (size_t i = 0; i < cls.size() && !r.failed(); ++i) {
    std::string where = "clusters[" + std::to_string(i) + "]";
    ClaimCluster c;
    c.id = r.Str(cls[i], "id", where);
    c.label = r.OptStr(cls[i], "label", where).value_or("");
    for (const json& s : r.Array(cls[i], "statements", true)) {
      if (!s.is_string()) {
        r.Fail(where + ".statements must hold strings");
        break;
      }
      c.statements.push_back(s.get<std::string>());
    }
    c.story = r.OptStr(cls[i], "story", where).value_or("");
    report.clusters.push_back(std::move(c));
  }
  const json& stories = r.Array(root, "stories", false);
  for (size_t i = 0; i < stories.size() && !r.failed(); ++i) {
    std::string where = "stories[" + std::to_string(i) + "]";
    Story t;
    t.id = r.Str(stories[i], "id", where);
    t.label = r.OptStr(stories[i], "label", where).value_or("");
    for (const json& d : r.Array(stories[i], "documents", true)) {
      if (!d.is_string()) {
        r.Fail(where + ".documents must hold strings");
        break;
      }
      t.documents.push_back(d.get<std::string>());
    }
    report.stories.push_back(std::move(t));
  }
  ParseDivergences(r, root, report);
  ParseOrphanedReviews(r, root, report);
  ParseCorrections(r, root, report);
  ParseSetAside(r, root, report);
  if (auto cut = root.find("divergences_cut"); cut != root.end() && !r.failed()) {
    if (!cut->is_object()) {
      r.Fail("divergences_cut must be an object");
    } else {
      for (const auto& [kind, n] : cut->items()) {
        if (!n.is_number_integer() || n.get<int64_t>() < 0) {
          r.Fail("divergences_cut." + kind + " must be a count");
          break;
        }
        report.divergences_cut[kind] = n.get<int64_t>();
      }
    }
  }
  const json& ents = r.Array(root, "entities", false);
  for (size_t i = 0; i < ents.size() && !r.failed(); ++i) {
    std::string where = "entities[" + std::to_string(i) + "]";
    Entity e;
    e.id = r.Str(ents[i], "id", where);
    e.canonical = r.Str(ents[i], "canonical", where);
    for (const json& v : r.Array(ents[i], "variants", false)) {
      if (v.is_string()) e.variants.push_back(v.get<std::string>());
    }
    report.entities.push_back(std::move(e));
  }
  if (r.failed()) return Status::Corruption(r.error());
  return report;
}

Result<Report> LoadReport(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseReport(*text, path);
}

Status SaveReport(const Report& report, const std::string& path) {
  return WriteFileAtomic(path, SerializeReport(report));
}

}  // namespace diverge::report
