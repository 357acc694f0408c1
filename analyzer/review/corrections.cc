#include "analyzer/review/corrections.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzer/base/stable_hash.h"
#include "reports/escape.h"

namespace diverge::review {

namespace {

constexpr CorrectionAction kAll[] = {CorrectionAction::kMoveOut,    CorrectionAction::kSplit,
                                     CorrectionAction::kMerge,      CorrectionAction::kSetKind,
                                     CorrectionAction::kSetTemporal, CorrectionAction::kRetract};

std::string ClaimId(std::vector<std::string>& members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  StableHasher h;
  for (const std::string& id : members) h.Add(id);
  return "c-" + h.Hex();
}

// The report being corrected, with the lookups the actions need.
class Editor {
 public:
  explicit Editor(report::Report& r) : r_(r) {
    for (const ingest::Statement& s : r.statements) doc_of_[s.id] = s.doc;
  }

  report::ClaimCluster* ClaimOf(const std::string& statement) {
    for (report::ClaimCluster& c : r_.clusters) {
      if (std::find(c.statements.begin(), c.statements.end(), statement) != c.statements.end()) {
        return &c;
      }
    }
    return nullptr;
  }
  bool Known(const std::string& statement) const { return doc_of_.count(statement) > 0; }
  report::Divergence* FindDivergence(const std::string& id) {
    for (report::Divergence& d : r_.divergences) {
      if (d.id == id) return &d;
    }
    return nullptr;
  }

  // Re-ids `c` from its members, moving its divergences along; drops it (and them) when
  // its statements come from fewer than two documents.
  void Settle(const std::string& old_id, report::ClaimCluster c) {
    std::set<std::string> docs;
    for (const std::string& s : c.statements) docs.insert(doc_of_[s]);
    const std::string new_id = ClaimId(c.statements);
    if (docs.size() < 2) {
      Drop([&](const report::Divergence& d) { return d.cluster == old_id; });
      return;
    }
    for (report::Divergence& d : r_.divergences) {
      if (d.cluster == old_id) d.cluster = new_id;
    }
    c.id = new_id;
    r_.clusters.push_back(std::move(c));
  }
  // Removes the claim `id` from the list and returns it.
  report::ClaimCluster Take(const std::string& id) {
    auto it = std::find_if(r_.clusters.begin(), r_.clusters.end(),
                           [&](const report::ClaimCluster& c) { return c.id == id; });
    report::ClaimCluster c = std::move(*it);
    r_.clusters.erase(it);
    return c;
  }
  template <typename Pred>
  void Drop(Pred pred) {
    r_.divergences.erase(std::remove_if(r_.divergences.begin(), r_.divergences.end(), pred),
                         r_.divergences.end());
  }

 private:
  report::Report& r_;
  std::map<std::string, std::string> doc_of_;
};

bool Side(const report::Divergence& d, const std::string& s) {
  return d.a.statement == s || d.b.statement == s;
}

std::string Label(const report::Report& r, const std::vector<std::string>& members) {
  for (const ingest::Statement& s : r.statements) {
    if (!members.empty() && s.id == members.front()) return reports::TruncateUtf8(s.text, 80);
  }
  return "";
}

// Applies one correction; "" when applied, else why not.
std::string ApplyOne(report::Report& report, Editor& ed, const Correction& c) {
  switch (c.action) {
    case CorrectionAction::kMoveOut: {
      const std::string& s = c.targets[0];
      report::ClaimCluster* claim = ed.ClaimOf(s);
      if (claim == nullptr) {
        return ed.Known(s) ? "statement " + s + " is in no claim" : "no statement " + s;
      }
      const std::string id = claim->id;
      report::ClaimCluster rest = ed.Take(id);
      rest.statements.erase(std::remove(rest.statements.begin(), rest.statements.end(), s),
                            rest.statements.end());
      ed.Drop([&](const report::Divergence& d) { return d.cluster == id && Side(d, s); });
      ed.Settle(id, std::move(rest));
      return "";
    }
    case CorrectionAction::kSplit: {
      report::ClaimCluster* claim = ed.ClaimOf(c.targets[0]);
      if (claim == nullptr) return "statement " + c.targets[0] + " is in no claim";
      for (const std::string& s : c.targets) {
        if (ed.ClaimOf(s) != claim) return "statements " + c.targets[0] + " and " + s +
                                           " are no longer in one claim";
      }
      const std::string id = claim->id;
      report::ClaimCluster whole = ed.Take(id);
      std::set<std::string> part(c.targets.begin(), c.targets.end());
      report::ClaimCluster split, rest;
      rest.label = whole.label;
      for (const std::string& s : whole.statements) {
        (part.count(s) ? split : rest).statements.push_back(s);
      }
      if (rest.statements.empty()) {
        ed.Settle(id, std::move(whole));
        return "the statements are the whole claim (nothing to split)";
      }
      split.label = Label(report, split.statements);
      // Divergences across the parts go; those inside the split part follow it.
      const std::string split_tag = id + "#split";
      ed.Drop([&](const report::Divergence& d) {
        if (d.cluster != id) return false;
        const bool a_in = d.a.statement && part.count(*d.a.statement);
        const bool b_in = d.b.statement && part.count(*d.b.statement);
        return d.b.statement && a_in != b_in;
      });
      for (report::Divergence& d : report.divergences) {
        if (d.cluster == id && d.a.statement && part.count(*d.a.statement)) d.cluster = split_tag;
      }
      ed.Settle(id, std::move(rest));
      ed.Settle(split_tag, std::move(split));
      return "";
    }
    case CorrectionAction::kMerge: {
      report::ClaimCluster* x = ed.ClaimOf(c.targets[0]);
      report::ClaimCluster* y = ed.ClaimOf(c.targets[1]);
      if (x == nullptr) return "statement " + c.targets[0] + " is in no claim";
      if (x == y) return "already one claim";
      if (y == nullptr && !ed.Known(c.targets[1])) return "no statement " + c.targets[1];
      const std::string xid = x->id;
      const std::string yid = y ? y->id : "";
      report::ClaimCluster merged = ed.Take(xid);
      if (!yid.empty()) {
        report::ClaimCluster other = ed.Take(yid);
        merged.statements.insert(merged.statements.end(), other.statements.begin(),
                                 other.statements.end());
        for (report::Divergence& d : report.divergences) {
          if (d.cluster == yid) d.cluster = xid;
        }
      } else {
        merged.statements.push_back(c.targets[1]);
      }
      ed.Settle(xid, std::move(merged));
      return "";
    }
    case CorrectionAction::kSetKind:
    case CorrectionAction::kSetTemporal: {
      report::Divergence* d = ed.FindDivergence(c.targets[0]);
      if (d == nullptr) return "no divergence " + c.targets[0] + " in this analysis";
      if (c.action == CorrectionAction::kSetKind) {
        d->kind = *report::ParseKind(c.value);
      } else {
        d->temporal = *report::ParseTemporal(c.value);
      }
      return "";
    }
    case CorrectionAction::kRetract:
      return "";  // handled before
  }
  return "unknown action";
}

}  // namespace

std::string_view CorrectionActionName(CorrectionAction a) {
  switch (a) {
    case CorrectionAction::kMoveOut:
      return "move_out";
    case CorrectionAction::kSplit:
      return "split";
    case CorrectionAction::kMerge:
      return "merge";
    case CorrectionAction::kSetKind:
      return "set_kind";
    case CorrectionAction::kSetTemporal:
      return "set_temporal";
    case CorrectionAction::kRetract:
      return "retract";
  }
  return "retract";
}

std::optional<CorrectionAction> ParseCorrectionAction(std::string_view name) {
  std::string n(name);
  std::replace(n.begin(), n.end(), '-', '_');
  for (CorrectionAction a : kAll) {
    if (CorrectionActionName(a) == n) return a;
  }
  return std::nullopt;
}

Status CheckCorrection(const Correction& c) {
  const std::string name(CorrectionActionName(c.action));
  auto need = [&](bool ok, const std::string& what) {
    return ok ? Status::Ok() : Status::InvalidArgument(name + " takes " + what);
  };
  switch (c.action) {
    case CorrectionAction::kMoveOut:
      return need(c.targets.size() == 1, "one statement id");
    case CorrectionAction::kSplit:
      return need(!c.targets.empty(), "the statement ids of the new claim");
    case CorrectionAction::kMerge:
      return need(c.targets.size() == 2 && c.targets[0] != c.targets[1],
                  "two statement ids, one of each claim");
    case CorrectionAction::kSetKind:
      return need(c.targets.size() == 1 && report::ParseKind(c.value).has_value(),
                  "a divergence id and a kind (numeric, date, set, negation, antonym, framing, "
                  "attribution, omission, other)");
    case CorrectionAction::kSetTemporal:
      return need(c.targets.size() == 1 && report::ParseTemporal(c.value).has_value(),
                  "a divergence id and a label (contradiction, change_over_time, undetermined)");
    case CorrectionAction::kRetract:
      return need(c.targets.size() == 1 && !c.targets[0].empty() &&
                      std::all_of(c.targets[0].begin(), c.targets[0].end(),
                                  [](char ch) { return ch >= '0' && ch <= '9'; }),
                  "the number of an earlier correction");
  }
  return Status::Ok();
}

std::vector<report::CorrectionRecord> ApplyCorrections(report::Report& report,
                                                       const std::vector<Correction>& all) {
  std::vector<const Correction*> order;
  for (const Correction& c : all) order.push_back(&c);
  std::sort(order.begin(), order.end(),
            [](const Correction* x, const Correction* y) { return x->seq < y->seq; });
  std::map<int64_t, int64_t> retracted_by;
  for (const Correction* c : order) {
    if (c->action == CorrectionAction::kRetract && CheckCorrection(*c).ok()) {
      retracted_by.emplace(std::stoll(c->targets[0].substr(0, 18)), c->seq);
    }
  }
  Editor ed(report);
  std::vector<report::CorrectionRecord> out;
  for (const Correction* c : order) {
    report::CorrectionRecord rec;
    rec.seq = c->seq;
    rec.action = std::string(CorrectionActionName(c->action));
    rec.targets = c->targets;
    rec.value = c->value;
    rec.reviewer = c->reviewer;
    rec.time = c->time;
    rec.note = c->note;
    if (Status st = CheckCorrection(*c); !st.ok()) {
      rec.why = st.message();
    } else if (auto it = retracted_by.find(c->seq); it != retracted_by.end()) {
      rec.why = "retracted by correction " + std::to_string(it->second);
    } else if (c->action == CorrectionAction::kRetract) {
      bool found = false;
      for (const Correction* o : order) found |= std::to_string(o->seq) == c->targets[0];
      rec.why = found ? "" : "no correction " + c->targets[0];
    } else {
      rec.why = ApplyOne(report, ed, *c);
    }
    rec.applied = rec.why.empty();
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace diverge::review
