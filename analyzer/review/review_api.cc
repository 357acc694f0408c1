#include "analyzer/review/review_api.h"

#include "analyzer/review/review_page.h"
#include "reports/escape.h"

namespace diverge::review {

namespace {

using json = nlohmann::json;
using reports::HtmlEscape;

json StatementJson(const ReviewSession& session, const ingest::Statement* s) {
  return {{"id", s->id}, {"text", s->text}, {"start", s->start}, {"end", s->end},
          {"outlet", session.view().OutletOf(s)}};
}

}  // namespace

json DecisionToJson(const Decision& d) {
  return {{"id", d.id},
          {"status", report::ReviewStatusName(d.status)},
          {"note", d.note ? json(*d.note) : json(nullptr)},
          {"reviewer", d.reviewer},
          {"updated", d.updated},
          {"reason", d.reason ? json(DismissReasonName(*d.reason)) : json(nullptr)}};
}

Status ParseReasonField(const json& body, Change* change) {
  auto r = body.find("reason");
  if (r == body.end()) return Status::Ok();
  change->set_reason = true;
  if (r->is_null() || (r->is_string() && r->get<std::string>().empty())) {
    change->reason.reset();
    return Status::Ok();
  }
  std::string name = r->is_string() ? r->get<std::string>() : r->dump();
  change->reason = ParseDismissReason(name);
  if (!change->reason) {
    return Status::InvalidArgument("unknown dismissal reason \"" + name +
                                   "\" (expected not_same_claim, same_value, name_variant, "
                                   "changed_over_time or other)");
  }
  return Status::Ok();
}

Result<json> BulkDecide(ReviewSession& session, const std::string& body,
                        const std::string& reviewer) {
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(std::string("request body is not JSON: ") + e.what());
  }
  if (!j.is_object()) return Status::InvalidArgument("request body must be an object");
  std::vector<std::string> ids;
  if (auto c = j.find("claim"); c != j.end()) {
    if (!c->is_string()) return Status::InvalidArgument("\"claim\" must be a string");
    Result<const reports::ClaimView*> claim = session.ResolveClaim(c->get<std::string>());
    if (!claim.ok()) return claim.status();
    for (const reports::DivergenceView* v : session.DivergencesOf(**claim)) {
      ids.push_back(v->divergence->id);
    }
  }
  if (auto list = j.find("ids"); list != j.end()) {
    if (!list->is_array()) return Status::InvalidArgument("\"ids\" must be an array of ids");
    for (const json& id : *list) {
      if (!id.is_string()) return Status::InvalidArgument("\"ids\" must be an array of ids");
      ids.push_back(id.get<std::string>());
    }
  }
  if (ids.empty()) return Status::InvalidArgument("name a \"claim\" with divergences or \"ids\"");
  Change proto;
  proto.reviewer = reviewer;
  if (auto s = j.find("status"); s != j.end()) {
    std::string name = s->is_string() ? s->get<std::string>() : s->dump();
    proto.status = report::ParseReviewStatus(name);
    if (!proto.status) {
      return Status::InvalidArgument("unknown review status \"" + name +
                                     "\" (expected open, confirmed or dismissed)");
    }
  }
  if (auto n = j.find("note"); n != j.end()) {
    if (!n->is_null() && !n->is_string()) {
      return Status::InvalidArgument("\"note\" must be a string or null");
    }
    proto.set_note = true;
    if (n->is_string() && !n->get<std::string>().empty()) proto.note = n->get<std::string>();
  }
  DIVERGE_RETURN_IF_ERROR(ParseReasonField(j, &proto));
  if (!proto.status && !proto.set_note && !proto.set_reason) {
    return Status::InvalidArgument("request changes nothing: give \"status\", \"reason\" or \"note\"");
  }
  std::vector<Change> changes;
  for (const std::string& id : ids) {
    Change c = proto;
    c.id = id;
    changes.push_back(std::move(c));
  }
  Result<std::vector<Decision>> done = session.DecideAll(std::move(changes));
  if (!done.ok()) return done.status();
  json out = json::array();
  for (const Decision& d : *done) out.push_back(DecisionToJson(d));
  return json{{"decisions", out}};
}

Result<json> Correct(ReviewSession& session, const std::string& body, const std::string& reviewer) {
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(std::string("request body is not JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("action") || !j["action"].is_string() ||
      !j.contains("targets") || !j["targets"].is_array()) {
    return Status::InvalidArgument("request body must have a string \"action\" and \"targets\"");
  }
  Correction c;
  std::optional<CorrectionAction> action = ParseCorrectionAction(j["action"].get<std::string>());
  if (!action) return Status::InvalidArgument("unknown correction action");
  c.action = *action;
  c.reviewer = reviewer;
  if (auto v = j.find("value"); v != j.end() && v->is_string()) c.value = v->get<std::string>();
  if (auto n = j.find("note"); n != j.end() && n->is_string() && !n->get<std::string>().empty()) {
    c.note = n->get<std::string>();
  }
  for (const json& t : j["targets"]) {
    if (!t.is_string()) return Status::InvalidArgument("\"targets\" must hold strings");
    std::string id = t.get<std::string>();
    Result<std::string> resolved = id;
    if (c.action == CorrectionAction::kSetKind || c.action == CorrectionAction::kSetTemporal) {
      resolved = session.ResolveId(id);
    } else if (c.action != CorrectionAction::kRetract) {
      resolved = session.ResolveStatement(id);
    }
    if (!resolved.ok()) return resolved.status();
    c.targets.push_back(*resolved);
  }
  Result<Correction> done = session.store().AddCorrection(c);
  if (!done.ok()) return done.status();
  return json{{"seq", done->seq},
              {"action", CorrectionActionName(done->action)},
              {"targets", done->targets},
              {"value", done->value},
              {"reviewer", done->reviewer},
              {"time", done->time}};
}

Result<json> SourceJson(const ReviewSession& session, const std::string& statement_id) {
  Result<ReviewSession::SourceContext> ctx = session.Source(statement_id);
  if (!ctx.ok()) return ctx.status();
  json before = json::array(), after = json::array();
  for (const ingest::Statement* s : ctx->before) before.push_back(StatementJson(session, s));
  for (const ingest::Statement* s : ctx->after) after.push_back(StatementJson(session, s));
  json doc = nullptr;
  if (const ingest::Document* d = ctx->document) {
    doc = {{"id", d->id},
           {"outlet", d->outlet},
           {"date", d->date ? json(*d->date) : json(nullptr)},
           {"title", d->title ? json(*d->title) : json(nullptr)},
           {"url", d->url && reports::IsSafeHttpUrl(*d->url) ? json(*d->url) : json(nullptr)}};
  }
  return json{{"statement", StatementJson(session, ctx->statement)},
              {"document", doc},
              {"position", ctx->position + 1},
              {"total", ctx->total},
              {"before", before},
              {"after", after}};
}

Result<std::string> RenderSourcePage(const ReviewSession& session, const std::string& statement_id,
                                     const std::string& nonce, size_t radius) {
  Result<ReviewSession::SourceContext> ctx = session.Source(statement_id, radius);
  if (!ctx.ok()) return ctx.status();
  const ingest::Document* d = ctx->document;
  std::string head = d ? HtmlEscape(d->outlet.empty() ? "unknown outlet" : d->outlet) : "?";
  if (d && d->date) head += " · " + HtmlEscape(*d->date);
  std::string title = d && d->title ? HtmlEscape(*d->title) : "(untitled)";
  std::string url;
  if (d && d->url && reports::IsSafeHttpUrl(*d->url)) {
    url = "<p><a href=\"" + HtmlEscape(*d->url) + "\" rel=\"noopener noreferrer\">" +
          HtmlEscape(*d->url) + "</a></p>";
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>diverge source: statement " +
      std::to_string(ctx->position + 1) + " of " + std::to_string(ctx->total) +
      "</title>\n<style nonce=\"" + nonce +
      "\">body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 "
      "1rem;color:#222}p.s{margin:.3rem 0}p.s.here{background:#fff3c4;border-left:4px solid "
      "#d95f02;padding:.2rem .5rem}.meta{color:#555;font-size:.9rem}</style>\n</head>\n<body>\n"
      "<p class=\"meta\"><a href=\"/\">back to the review</a></p>\n<h1>" +
      title + "</h1>\n<p class=\"meta\">" + head + " · document " +
      HtmlEscape(d ? d->id : ctx->statement->doc) + " · statement " +
      std::to_string(ctx->position + 1) + " of " + std::to_string(ctx->total) + "</p>\n" + url;
  if (ctx->position > ctx->before.size()) out += "<p class=\"meta\">…</p>\n";
  for (const ingest::Statement* s : ctx->before)
    out += "<p class=\"s\">" + HtmlEscape(s->text) + "</p>\n";
  out += "<p class=\"s here\" id=\"here\">" + HtmlEscape(ctx->statement->text) + "</p>\n";
  for (const ingest::Statement* s : ctx->after)
    out += "<p class=\"s\">" + HtmlEscape(s->text) + "</p>\n";
  if (ctx->position + 1 + ctx->after.size() < ctx->total) out += "<p class=\"meta\">…</p>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace diverge::review
