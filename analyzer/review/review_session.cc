#include "analyzer/review/review_session.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <utility>

namespace diverge::review {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string DefaultDbPath(const std::string& dir) {
  return (std::filesystem::path(dir) / "review.db").string();
}

std::vector<report::OrphanedReview> ApplyDecisions(report::Report& report,
                                                   const std::vector<Decision>& decisions) {
  std::map<std::string, report::Divergence*> by_id;
  for (report::Divergence& d : report.divergences) by_id[d.id] = &d;
  std::vector<report::OrphanedReview> orphans;
  for (const Decision& dec : decisions) {
    report::Review review{dec.status, dec.note, std::nullopt};
    if (dec.reason) review.reason = std::string(DismissReasonName(*dec.reason));
    if (auto it = by_id.find(dec.id); it != by_id.end()) {
      it->second->review = review;
    } else {
      orphans.push_back({dec.id, review, dec.reviewer, dec.updated});
    }
  }
  std::sort(
      orphans.begin(), orphans.end(),
      [](const report::OrphanedReview& x, const report::OrphanedReview& y) { return x.id < y.id; });
  return orphans;
}

Status CarryDecisions(report::Report& report, const std::string& db_path) {
  Result<DecisionStore> store = DecisionStore::OpenReadOnly(db_path);
  if (!store.ok()) return store.status();
  // Corrections first: they change claims and divergences the decisions then land on.
  Result<std::vector<Correction>> corrections = store->Corrections();
  if (!corrections.ok()) return corrections.status();
  if (!corrections->empty()) report.corrections = ApplyCorrections(report, *corrections);
  Result<std::vector<Decision>> all = store->All();
  if (!all.ok()) return all.status();
  if (all->empty()) return Status::Ok();
  report.orphaned_reviews = ApplyDecisions(report, *all);
  return Status::Ok();
}

ReviewSession::ReviewSession(std::unique_ptr<report::Report> report, DecisionStore store,
                             std::string report_path)
    : report_(std::move(report)), store_(std::move(store)), report_path_(std::move(report_path)) {
  for (const report::Divergence& d : report_->divergences) original_.push_back(d.review);
  view_ = std::make_unique<reports::ReportView>(*report_);
}

Result<ReviewSession> ReviewSession::Open(const std::string& dir, const std::string& db_path,
                                          DbAccess access, bool* store_failed) {
  if (store_failed) *store_failed = false;
  std::string report_path = (std::filesystem::path(dir) / "report.json").string();
  Result<report::Report> report = report::LoadReport(report_path);
  if (!report.ok()) return report.status();
  const std::string path = db_path.empty() ? DefaultDbPath(dir) : db_path;
  Result<DecisionStore> store = access == DbAccess::kReadOnly
                                    ? DecisionStore::OpenReadOnly(path)
                                    : DecisionStore::Open(path, /*create=*/true);
  if (!store.ok()) {
    if (store_failed) *store_failed = true;
    return store.status();
  }
  ReviewSession session(std::make_unique<report::Report>(std::move(*report)), std::move(*store),
                        report_path);
  if (Status st = session.Reload(); !st.ok()) {
    if (store_failed) *store_failed = true;
    return st;
  }
  return session;
}

const Decision* ReviewSession::DecisionFor(const std::string& id) const {
  auto it = decisions_.find(id);
  return it == decisions_.end() ? nullptr : &it->second;
}

Status ReviewSession::Reload() {
  Result<std::vector<Decision>> all = store_.All();
  if (!all.ok()) return all.status();
  for (size_t i = 0; i < report_->divergences.size(); ++i) {
    report_->divergences[i].review = original_[i];
  }
  report_->orphaned_reviews = ApplyDecisions(*report_, *all);
  decisions_.clear();
  for (Decision& d : *all) decisions_.emplace(d.id, std::move(d));
  return Status::Ok();
}

std::vector<const reports::DivergenceView*> ReviewSession::Select(
    const ReviewFilter& filter) const {
  std::string outlet = Lower(filter.outlet);
  std::vector<const reports::DivergenceView*> out;
  for (const reports::DivergenceView& v : view_->divergences()) {
    const report::Divergence& d = *v.divergence;
    if (filter.status && d.review.status != *filter.status) continue;
    if (filter.kind && d.kind != *filter.kind) continue;
    if (filter.temporal && d.temporal != *filter.temporal) continue;
    if (d.score < filter.min_score) continue;
    if (!outlet.empty() && Lower(view_->OutletOf(v.a)).find(outlet) == std::string::npos &&
        (v.b == nullptr || Lower(view_->OutletOf(v.b)).find(outlet) == std::string::npos)) {
      continue;
    }
    out.push_back(&v);
  }
  return out;
}

// "D3" / "d3": the number the reports print.
static bool IsDivergenceNumber(const std::string& s) {
  if (s.size() < 2 || (s[0] != 'D' && s[0] != 'd')) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> ReviewSession::ResolveId(const std::string& id) const {
  if (IsDivergenceNumber(id)) {
    std::string number = "D" + std::to_string(std::stoull(id.substr(1).substr(0, 18)));
    for (const reports::DivergenceView& v : view_->divergences()) {
      if (v.number == number) return v.divergence->id;
    }
    const size_t n = view_->divergences().size();
    return Status::NotFound("no divergence " + number + " in " + report_path_ + " (it has " +
                            (n == 0 ? std::string("none") : "D1 to D" + std::to_string(n)) + ")");
  }
  DIVERGE_RETURN_IF_ERROR(CheckDivergenceId(id));
  std::vector<std::string> matches;
  auto consider = [&](const std::string& candidate) {
    if (candidate == id) {
      matches = {candidate};
      return true;
    }
    if (candidate.compare(0, id.size(), id) == 0 &&
        std::find(matches.begin(), matches.end(), candidate) == matches.end()) {
      matches.push_back(candidate);
    }
    return false;
  };
  for (const report::Divergence& d : report_->divergences) {
    if (consider(d.id)) return d.id;
  }
  for (const auto& [stored, decision] : decisions_) {
    if (consider(stored)) return stored;
  }
  if (matches.size() == 1) return matches.front();
  if (matches.size() > 1) {
    std::sort(matches.begin(), matches.end());
    std::string list;
    for (size_t i = 0; i < matches.size() && i < 5; ++i) list += (i ? ", " : "") + matches[i];
    return Status::InvalidArgument("divergence id prefix \"" + id + "\" is ambiguous (" +
                                   std::to_string(matches.size()) + " match: " + list +
                                   (matches.size() > 5 ? ", ...)" : ")"));
  }
  return Status::NotFound("no divergence \"" + id + "\" in " + report_path_ +
                          " and no decision on it in " + store_.path() +
                          " (run `diverge review list` for the ids)");
}

Result<std::vector<Decision>> ReviewSession::DecideAll(std::vector<Change> changes) {
  for (Change& c : changes) {
    Result<std::string> id = ResolveId(c.id);
    if (!id.ok()) return id.status();
    c.id = *id;
    if (c.status || DecisionFor(c.id) != nullptr) continue;
    for (const report::Divergence& d : report_->divergences) {
      if (d.id == c.id) c.status = d.review.status;
    }
  }
  Result<std::vector<Decision>> done = store_.ApplyAll(changes);
  if (!done.ok()) return done.status();
  DIVERGE_RETURN_IF_ERROR(Reload());
  return done;
}

Result<Decision> ReviewSession::Decide(Change change) {
  Result<std::vector<Decision>> done = DecideAll({std::move(change)});
  if (!done.ok()) return done.status();
  return std::move(done->front());
}

Result<std::string> ReviewSession::ResolveStatement(const std::string& id) const {
  if (view_->FindStatement(id) != nullptr) return id;
  std::vector<std::string> matches;
  for (const ingest::Statement* s : view_->statements()) {
    if (!id.empty() && s->id.compare(0, id.size(), id) == 0) matches.push_back(s->id);
  }
  if (matches.size() == 1) return matches.front();
  if (matches.size() > 1) {
    return Status::InvalidArgument("statement id prefix \"" + id + "\" is ambiguous (" +
                                   std::to_string(matches.size()) + " match)");
  }
  return Status::NotFound("no statement \"" + id + "\" in " + report_path_ +
                          " (`diverge review show` prints the ids)");
}

Result<const reports::ClaimView*> ReviewSession::ResolveClaim(const std::string& claim) const {
  const auto& claims = view_->claims();
  if (claim.size() >= 2 && (claim[0] == 'C' || claim[0] == 'c') &&
      std::all_of(claim.begin() + 1, claim.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::string number = "C" + std::to_string(std::stoull(claim.substr(1).substr(0, 18)));
    for (const reports::ClaimView& c : claims) {
      if (c.number == number) return &c;
    }
    return Status::NotFound("no claim " + number + " in " + report_path_ + " (it has " +
                            (claims.empty() ? std::string("none")
                                            : "C1 to C" + std::to_string(claims.size())) +
                            ")");
  }
  std::vector<const reports::ClaimView*> matches;
  for (const reports::ClaimView& c : claims) {
    if (c.cluster->id == claim) return &c;
    if (!claim.empty() && c.cluster->id.compare(0, claim.size(), claim) == 0) matches.push_back(&c);
  }
  if (matches.size() == 1) return matches.front();
  if (matches.size() > 1) {
    return Status::InvalidArgument("claim id prefix \"" + claim + "\" is ambiguous (" +
                                   std::to_string(matches.size()) + " claims match)");
  }
  return Status::NotFound("no claim \"" + claim + "\" in " + report_path_ +
                          " (give its number, C3, or its id, c-...)");
}

std::vector<const reports::DivergenceView*> ReviewSession::DivergencesOf(
    const reports::ClaimView& c) const {
  std::vector<const reports::DivergenceView*> out;
  for (const reports::DivergenceView& v : view_->divergences()) {
    if (v.claim == &c) out.push_back(&v);
  }
  return out;
}

Result<ReviewSession::SourceContext> ReviewSession::Source(const std::string& statement_id,
                                                           size_t radius) const {
  const ingest::Statement* s = view_->FindStatement(statement_id);
  if (s == nullptr) {
    return Status::NotFound("no statement \"" + statement_id + "\" in " + report_path_);
  }
  SourceContext ctx;
  ctx.statement = s;
  ctx.document = view_->DocumentOf(s);
  std::vector<const ingest::Statement*> same_doc;
  for (const ingest::Statement* t : view_->statements()) {  // sorted by (doc, start)
    if (t->doc == s->doc) same_doc.push_back(t);
  }
  ctx.total = same_doc.size();
  for (size_t i = 0; i < same_doc.size(); ++i) {
    if (same_doc[i] != s) continue;
    ctx.position = i;
    for (size_t k = i > radius ? i - radius : 0; k < i; ++k) ctx.before.push_back(same_doc[k]);
    for (size_t k = i + 1; k < same_doc.size() && k <= i + radius; ++k) {
      ctx.after.push_back(same_doc[k]);
    }
  }
  return ctx;
}

}  // namespace diverge::review
