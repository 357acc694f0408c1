#include "analyzer/review/review_page.h"

#include <cstdio>
#include <set>

#include "reports/escape.h"
#include "reports/formats.h"

namespace diverge::review {

namespace {

using reports::HtmlEscape;

constexpr const char* kStyle = R"css(
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#f4f4f6}
header.top{position:sticky;top:0;background:#433f7a;color:#fff;padding:.5rem 1rem;z-index:1}
header.top kbd{background:#fff;color:#433f7a;border-radius:3px;padding:0 .3em;font-size:.8rem}
header.top .controls{margin-top:.3rem;font-size:.85rem}
header.top select{font-size:.85rem;margin-right:.6rem}
#progress{font-weight:bold}
.bar{display:inline-block;vertical-align:middle;width:8rem;height:.5rem;background:#6f6aa8;border-radius:3px;overflow:hidden;margin:0 .4rem}
.bar span{display:block;height:100%;background:#ffd54f;width:0}
#msg{float:right;font-size:.9rem}
main{max-width:1100px;margin:0 auto;padding:1rem}
article{background:#fff;border:2px solid transparent;border-radius:6px;margin:0 0 1rem;padding:.6rem .9rem}
article.current{border-color:#d95f02}
article h2{font-size:1rem;margin:0 0 .4rem}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8rem;background:#eee}
article[data-status=confirmed] .status{background:#c62828;color:#fff}
article[data-status=dismissed] .status{background:#9e9e9e;color:#fff}
article[data-status=dismissed]{opacity:.7}
mark{background:#ffd54f;padding:0 .1em}
.claim{font-size:.9rem;color:#333;margin:0 0 .4rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
.side{background:#fafafa;border-left:4px solid #d95f02;padding:.4rem .6rem}
.side.silent{border-left-color:#bbb;color:#666;font-style:italic}
.meta{font-size:.85rem;color:#555;margin-bottom:.2rem;overflow-wrap:anywhere}
.context{font-size:.9rem;background:#f7f7fb;border:1px dashed #bbb;padding:.3rem .6rem;margin:.4rem 0}
.context p{margin:.15rem 0}.context p.here{background:#fff3c4}
details.others{font-size:.9rem;margin:.4rem 0}
details.others li{margin:.15rem 0}
.expl{color:#444;font-size:.92rem}
.actions button,.actions select{margin-right:.4rem}
.note-text{white-space:pre-wrap;background:#fffde7;padding:.2rem .4rem}
.note-text:empty{display:none}
textarea{width:100%;box-sizing:border-box}
@media (max-width:700px){.sides{grid-template-columns:1fr}}
)css";

constexpr const char* kScript = R"js(
'use strict';
const token = document.querySelector('meta[name="diverge-token"]').content;
const main = document.querySelector('main');
const items = Array.from(document.querySelectorAll('article.divergence'));
const byId = new Map(items.map((el) => [el.dataset.id, el]));
const msg = document.getElementById('msg');
const filters = ['kind', 'temporal', 'outlet', 'status', 'story'].map((f) => document.getElementById('f-' + f));
const sortSel = document.getElementById('sort');
const reasonLabels = {not_same_claim: 'not the same claim', same_value: 'same value',
  name_variant: 'name variant', changed_over_time: 'changed over time', other: 'other'};
let cur = -1;
function visible() { return items.filter((el) => !el.hidden); }
function select(i) {
  const vis = visible();
  items.forEach((el) => el.classList.remove('current'));
  if (!vis.length) { cur = -1; return; }
  cur = Math.max(0, Math.min(vis.length - 1, i));
  vis[cur].classList.add('current');
  vis[cur].scrollIntoView({block: 'nearest'});
}
function current() { const vis = visible(); return cur >= 0 ? vis[cur] : null; }
function counts() {
  const n = {open: 0, confirmed: 0, dismissed: 0};
  items.forEach((el) => { n[el.dataset.status]++; });
  const done = n.confirmed + n.dismissed;
  document.getElementById('progress').textContent = done + ' of ' + items.length + ' reviewed';
  document.getElementById('bar').style.width = (items.length ? 100 * done / items.length : 0) + '%';
  document.getElementById('counts').textContent =
    n.confirmed + ' confirmed · ' + n.dismissed + ' dismissed · ' + n.open + ' open';
}
function applyFilters() {
  const want = filters.map((f) => f.value);
  let shown = 0;
  items.forEach((el) => {
    const outlets = el.dataset.outlets.split('\n');
    const ok = (!want[0] || el.dataset.kind === want[0]) &&
      (!want[1] || el.dataset.temporal === want[1]) &&
      (!want[2] || outlets.includes(want[2])) &&
      (!want[3] || el.dataset.status === want[3]) &&
      (!want[4] || el.dataset.story === want[4]);
    el.hidden = !ok;
    shown += ok;
  });
  document.getElementById('shown').textContent = shown + ' shown';
  select(0);
}
const statusOrder = {open: 0, confirmed: 1, dismissed: 2};
function applySort() {
  const key = sortSel.value;
  const k = (el) => key === 'claim' ? [Number(el.dataset.claim.slice(1)) || 1e9, '']
    : key === 'kind' ? [0, el.dataset.kind]
    : key === 'outlet' ? [0, el.dataset.outlets.split('\n')[0]]
    : key === 'status' ? [statusOrder[el.dataset.status], ''] : [0, ''];
  const sorted = items.slice().sort((a, b) => {
    const x = k(a), y = k(b);
    if (x[0] !== y[0]) return x[0] - y[0];
    if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
    return Number(a.dataset.order) - Number(b.dataset.order);
  });
  sorted.forEach((el) => main.appendChild(el));
  items.splice(0, items.length, ...sorted);
  select(0);
}
function show(el, d) {
  el.dataset.status = d.status;
  el.querySelector('.status').textContent =
    d.status + (d.reason ? ' · ' + (reasonLabels[d.reason] || d.reason) : '');
  el.querySelector('.note-text').textContent = d.note || '';
  el.querySelector('textarea').value = d.note || '';
  if (d.reason) el.querySelector('select.reason').value = d.reason;
}
async function post(url, body) {
  const r = await fetch(url, {method: 'POST', headers: {
    'Content-Type': 'application/json', 'X-Diverge-Token': token}, body: JSON.stringify(body)});
  const d = await r.json();
  if (!r.ok) throw new Error(d.error);
  return d;
}
async function send(el, change) {
  change.id = el.dataset.id;
  msg.textContent = 'saving ' + el.dataset.num + '\u2026';
  try {
    const d = await post('/api/decision', change);
    show(el, d);
    counts();
    msg.textContent = el.dataset.num + ' ' + d.status + ' (' + d.reviewer + ')';
  } catch (e) { msg.textContent = 'error: ' + e.message; }
}
function reasonOf(el) { return el.querySelector('select.reason').value || null; }
function dismiss(el) { send(el, {status: 'dismissed', reason: reasonOf(el)}); }
async function bulk(el) {
  const n = el.dataset.claimFlags;
  msg.textContent = 'dismissing ' + n + ' flags of ' + el.dataset.claim + '\u2026';
  try {
    const d = await post('/api/bulk', {claim: el.dataset.claimId, status: 'dismissed',
                                       reason: reasonOf(el)});
    d.decisions.forEach((x) => { const t = byId.get(x.id); if (t) show(t, x); });
    counts();
    applyFilters();
    msg.textContent = d.decisions.length + ' flags of ' + el.dataset.claim + ' dismissed';
  } catch (e) { msg.textContent = 'error: ' + e.message; }
}
function para(text, cls) {
  const p = document.createElement('p');
  p.textContent = text;
  if (cls) p.className = cls;
  return p;
}
async function context(el) {
  const box = el.querySelector('.context');
  if (!box.hidden) { box.hidden = true; return; }
  box.replaceChildren();
  for (const a of el.querySelectorAll('a.src')) {
    try {
      const r = await fetch('/api/source?statement=' + encodeURIComponent(a.dataset.statement));
      const d = await r.json();
      if (!r.ok) throw new Error(d.error);
      const doc = d.document || {};
      box.append(para((doc.outlet || '?') + (doc.date ? ' · ' + doc.date : '') +
                      ' · statement ' + d.position + ' of ' + d.total, 'meta'));
      d.before.forEach((s) => box.append(para(s.text)));
      box.append(para(d.statement.text, 'here'));
      d.after.forEach((s) => box.append(para(s.text)));
    } catch (e) { box.append(para('error: ' + e.message)); }
  }
  box.hidden = false;
}
async function correct(el, action, targets, value) {
  if (!targets.length) { msg.textContent = 'check the statements first'; return; }
  try {
    const d = await post('/api/correct', {action: action, targets: targets, value: value || ''});
    msg.textContent = 'correction ' + d.seq + ' (' + d.action.replace('_', ' ') +
      ') recorded: the next analyze applies it';
  } catch (e) { msg.textContent = 'error: ' + e.message; }
}
function checked(el) {
  return Array.from(el.querySelectorAll('details.correct input:checked')).map((c) => c.value);
}
function editNote(el) {
  const f = el.querySelector('form.note');
  f.hidden = false;
  f.querySelector('textarea').focus();
}
items.forEach((el) => {
  el.addEventListener('click', () => {
    const k = visible().indexOf(el);
    if (k >= 0 && cur !== k) select(k);
  });
  el.querySelector('button.confirm').addEventListener('click', () => send(el, {status: 'confirmed'}));
  el.querySelector('button.dismiss').addEventListener('click', () => dismiss(el));
  el.querySelector('button.reopen').addEventListener('click', () => send(el, {status: 'open'}));
  el.querySelector('button.note').addEventListener('click', () => editNote(el));
  el.querySelector('button.context').addEventListener('click', () => context(el));
  const b = el.querySelector('button.bulk');
  if (b) b.addEventListener('click', () => bulk(el));
  const fix = el.querySelector('details.correct');
  if (fix) {
    fix.querySelector('button.move-out').addEventListener('click', async () => {
      for (const s of checked(el)) await correct(el, 'move_out', [s]);
    });
    fix.querySelector('button.split').addEventListener('click', () => correct(el, 'split', checked(el)));
  }
  el.querySelector('button.set-kind').addEventListener('click', () =>
    correct(el, 'set_kind', [el.dataset.id], el.querySelector('select.kind-fix').value));
  el.querySelector('button.set-temporal').addEventListener('click', () =>
    correct(el, 'set_temporal', [el.dataset.id], el.querySelector('select.temporal-fix').value));
  el.querySelector('form.note').addEventListener('submit', (e) => {
    e.preventDefault();
    e.target.hidden = true;
    send(el, {note: e.target.querySelector('textarea').value});
  });
});
filters.forEach((f) => f.addEventListener('change', applyFilters));
sortSel.addEventListener('change', applySort);
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('textarea,input,select')) return;
  const el = current();
  if (e.key === 'j') select(cur + 1);
  else if (e.key === 'k') select(cur - 1);
  else if (el && e.key === 'c') send(el, {status: 'confirmed'});
  else if (el && e.key === 'd') dismiss(el);
  else if (el && e.key === 'D' && el.querySelector('button.bulk')) bulk(el);
  else if (el && e.key === 'o') send(el, {status: 'open'});
  else if (el && e.key === 'n') editNote(el);
  else if (el && e.key === 's') context(el);
  else return;
  e.preventDefault();
});
counts();
applyFilters();
)js";

std::string Score(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string Option(const std::string& value, const std::string& label) {
  return "<option value=\"" + HtmlEscape(value) + "\">" + HtmlEscape(label) + "</option>";
}

std::string ReasonSelect(const std::optional<std::string>& current) {
  std::string out = "<select class=\"reason\" aria-label=\"dismissal reason\"><option value=\"\">"
                    "reason…</option>";
  for (DismissReason r : kAllDismissReasons) {
    std::string name(DismissReasonName(r));
    out += "<option value=\"" + name + "\"" + (current == name ? " selected" : "") + ">" +
           std::string(DismissReasonLabel(r)) + "</option>";
  }
  return out + "</select>";
}

std::string ReasonLabel(const std::optional<std::string>& reason) {
  if (!reason) return "";
  std::optional<DismissReason> r = ParseDismissReason(*reason);
  return " · " + (r ? std::string(DismissReasonLabel(*r)) : HtmlEscape(*reason));
}

// The story id of a card's claim ("" when unknown): what the story filter matches.
std::string StoryId(const reports::ReportView& view, const reports::ClaimView* c) {
  const reports::StoryView* t = c ? view.StoryOf(*c) : nullptr;
  return t && t->story ? t->story->id : "";
}

// The claim a card belongs to, and its other statements.
std::string ClaimBlock(const ReviewSession& session, const reports::DivergenceView& v) {
  const reports::ReportView& view = session.view();
  const reports::ClaimView* c = v.claim;
  if (c == nullptr) {
    return "<p class=\"claim\">Claim <code>" + HtmlEscape(v.divergence->cluster) +
           "</code> (not in this report)</p>\n";
  }
  size_t outlets = 0;
  for (reports::Cell cell : c->cells) outlets += cell != reports::Cell::kSilent;
  std::string out = "<p class=\"claim\">Claim <strong>" + c->number + "</strong> · " +
                    HtmlEscape(c->label) + " · " +
                    reports::Plural(c->statements.size(), "statement", "statements") + " from " +
                    reports::Plural(outlets, "outlet", "outlets") + " · " +
                    reports::Plural(c->divergences.size(), "flag", "flags") + "</p>\n";
  std::string others;
  size_t n = 0;
  for (const ingest::Statement* s : c->statements) {
    if (s == v.a || s == v.b) continue;
    std::string date = view.DateOf(s);
    others += "<li><span class=\"meta\">" + HtmlEscape(view.OutletOf(s)) + " · " +
              (date.empty() ? "undated" : HtmlEscape(date)) + "</span> " + HtmlEscape(s->text) +
              "</li>";
    ++n;
  }
  if (n > 0) {
    out += "<details class=\"others\"><summary>" +
           reports::Plural(n, "other statement", "other statements") + " of claim " + c->number +
           "</summary><ul>" + others + "</ul></details>\n";
  }
  return out;
}

// The card's corrections: statements of the claim to move out or split off, and the
// divergence's kind and temporal label.
std::string CorrectBlock(const ReviewSession& session, const reports::DivergenceView& v) {
  const report::Divergence& d = *v.divergence;
  std::string out = "<details class=\"correct\"><summary>Correct the analysis</summary>";
  if (v.claim != nullptr) {
    out += "<ul>";
    for (const ingest::Statement* s : v.claim->statements) {
      out += "<li><label><input type=\"checkbox\" value=\"" + HtmlEscape(s->id) + "\"> " +
             HtmlEscape(session.view().OutletOf(s)) + ": " + HtmlEscape(s->text) + "</label></li>";
    }
    out +=
        "</ul><button class=\"move-out\" type=\"button\">Move the checked out of " +
        v.claim->number +
        "</button><button class=\"split\" type=\"button\">Split the checked into a claim of "
        "their own</button><br>";
  }
  out += "<select class=\"kind-fix\" aria-label=\"kind\">";
  for (const report::DivergenceKindInfo& k : report::kDivergenceKinds) {
    std::string n(k.name);
    out += "<option" + std::string(k.kind == d.kind ? " selected" : "") + ">" + n + "</option>";
  }
  out += "</select><button class=\"set-kind\" type=\"button\">Set the kind</button> "
         "<select class=\"temporal-fix\" aria-label=\"temporal label\">";
  for (report::Temporal t : {report::Temporal::kContradiction, report::Temporal::kChangeOverTime,
                             report::Temporal::kUndetermined}) {
    std::string n(report::TemporalName(t));
    out += "<option" + std::string(t == d.temporal ? " selected" : "") + ">" + n + "</option>";
  }
  return out + "</select><button class=\"set-temporal\" type=\"button\">Set the label</button>"
               "</details>\n";
}

std::string Article(const ReviewSession& session, const reports::DivergenceView& v, size_t order) {
  const report::Divergence& d = *v.divergence;
  const reports::ReportView& view = session.view();
  std::string status(report::ReviewStatusName(d.review.status));
  std::string note = HtmlEscape(d.review.note.value_or(""));
  const Decision* dec = session.DecisionFor(d.id);
  std::string who =
      dec ? " · by " + HtmlEscape(dec->reviewer) + " " + HtmlEscape(dec->updated) : "";
  std::string outlets = view.OutletOf(v.a);
  if (v.b) {
    outlets += "\n" + view.OutletOf(v.b);
  } else if (d.b.outlet) {
    outlets += "\n" + *d.b.outlet;
  }
  const reports::ClaimView* c = v.claim;
  std::string bulk;
  if (c != nullptr) {
    bulk = "<button class=\"bulk\" type=\"button\">Dismiss all " +
           reports::Plural(c->divergences.size(), "flag", "flags") + " of " + c->number +
           " (D)</button>";
  }
  return "<article class=\"divergence\" id=\"" + HtmlEscape(d.id) + "\" data-id=\"" +
         HtmlEscape(d.id) + "\" data-num=\"" + v.number + "\" data-status=\"" + status +
         "\" data-order=\"" + std::to_string(order) + "\" data-kind=\"" +
         std::string(report::KindName(d.kind)) + "\" data-temporal=\"" +
         std::string(report::TemporalName(d.temporal)) + "\" data-outlets=\"" +
         HtmlEscape(outlets) + "\" data-story=\"" + HtmlEscape(StoryId(view, c)) +
         "\" data-claim=\"" + (c ? c->number : "") + "\" data-claim-id=\"" +
         HtmlEscape(c ? c->cluster->id : d.cluster) + "\" data-claim-flags=\"" +
         std::to_string(c ? c->divergences.size() : 0) + "\">\n<h2>" + v.number +
         " <span class=\"badge\">" + std::string(report::KindName(d.kind)) +
         "</span> <span class=\"badge\">" + std::string(report::TemporalName(d.temporal)) +
         "</span> <span class=\"badge\">score " + Score(d.score) +
         "</span> <span class=\"badge status\">" + status + ReasonLabel(d.review.reason) +
         "</span><span class=\"meta\">" + who + "</span></h2>\n" + ClaimBlock(session, v) +
         "<div class=\"sides\">" +
         reports::HtmlSide(view, "A", v.a, d.a.statement, d, "/source?statement=") +
         reports::HtmlSide(view, "B", v.b, d.b.statement, d, "/source?statement=") +
         "</div>\n<div class=\"context\" hidden></div>\n<p class=\"expl\">" +
         HtmlEscape(d.explanation) + "</p>\n<p class=\"note-text\">" + note +
         "</p>\n<div class=\"actions\"><button class=\"confirm\" type=\"button\">Confirm "
         "(c)</button><button class=\"dismiss\" type=\"button\">Dismiss (d)</button>" +
         ReasonSelect(d.review.reason) + bulk +
         "<button class=\"reopen\" type=\"button\">Reopen (o)</button><button class=\"note\" "
         "type=\"button\">Note (n)</button><button class=\"context\" type=\"button\">In the "
         "source (s)</button></div>\n" +
         CorrectBlock(session, v) +
         "<form class=\"note\" hidden><textarea rows=\"2\" "
         "aria-label=\"note\">" +
         note + "</textarea><button type=\"submit\">Save note</button></form>\n</article>\n";
}

std::string Controls(const ReviewSession& session) {
  std::set<std::string> kinds, temporal;
  for (const reports::DivergenceView& v : session.view().divergences()) {
    kinds.insert(std::string(report::KindName(v.divergence->kind)));
    temporal.insert(std::string(report::TemporalName(v.divergence->temporal)));
  }
  auto select = [](const char* id, const char* label, const std::set<std::string>& values) {
    std::string out = std::string("<label>") + label + " <select id=\"" + id + "\">" +
                      Option("", "all");
    for (const std::string& v : values) out += Option(v, v);
    return out + "</select></label>";
  };
  std::set<std::string> outlets(session.view().outlets().begin(), session.view().outlets().end());
  for (const reports::DivergenceView& v : session.view().divergences()) {
    if (v.divergence->b.outlet) outlets.insert(*v.divergence->b.outlet);
  }
  // Stories (when the report has two or more), in reading order, by label.
  const reports::ReportView& view = session.view();
  std::string stories = std::string("<label") + (view.grouped_by_story() ? "" : " hidden") +
                        ">Story <select id=\"f-story\">" + Option("", "all");
  for (const reports::StoryView& t : view.stories()) {
    if (t.story == nullptr || !view.grouped_by_story()) continue;
    size_t flags = 0;
    for (const reports::ClaimView* c : t.claims) flags += c->divergences.size();
    stories += Option(t.story->id, reports::TruncateUtf8(t.label, 60) + " (" +
                                       reports::Plural(flags, "flag", "flags") + ")");
  }
  stories += "</select></label>";
  return "<div class=\"controls\">" + select("f-kind", "Kind", kinds) +
         select("f-temporal", "Temporal", temporal) + select("f-outlet", "Outlet", outlets) +
         select("f-status", "Status", {"open", "confirmed", "dismissed"}) + stories +
         "<label>Sort <select id=\"sort\">" + Option("score", "by score") +
         Option("claim", "by claim") + Option("kind", "by kind") + Option("outlet", "by outlet") +
         Option("status", "by status") + "</select></label><span id=\"shown\"></span></div>";
}

}  // namespace

std::string PageCsp(const std::string& nonce) {
  return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce +
         "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

std::string RenderReviewPage(const ReviewSession& session, const std::string& token,
                             const std::string& nonce) {
  const auto& divs = session.view().divergences();
  size_t reviewed = 0;
  for (const reports::DivergenceView& v : divs) {
    reviewed += v.divergence->review.status != report::ReviewStatus::kOpen;
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"diverge-token\" content=\"" +
      token + "\">\n<title>diverge review: " + std::to_string(divs.size()) +
      " divergences</title>\n<style nonce=\"" + nonce + "\">" + kStyle +
      "</style>\n</head>\n<body>\n<header class=\"top\"><span id=\"msg\" role=\"status\" "
      "aria-live=\"polite\"></span><strong>diverge review</strong> · <span id=\"progress\">" +
      std::to_string(reviewed) + " of " + std::to_string(divs.size()) +
      " reviewed</span><span class=\"bar\"><span id=\"bar\"></span></span><span id=\"counts\">"
      "</span> · " +
      std::to_string(session.orphans().size()) +
      " orphaned decisions · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm · "
      "<kbd>d</kbd> dismiss · <kbd>D</kbd> dismiss the claim · <kbd>o</kbd> reopen · "
      "<kbd>n</kbd> note · <kbd>s</kbd> source\n" +
      Controls(session) + "</header>\n<main>\n";
  if (divs.empty()) out += "<p>No divergences in this report.</p>\n";
  for (size_t i = 0; i < divs.size(); ++i) out += Article(session, divs[i], i);
  out += "</main>\n<script nonce=\"" + nonce + "\">" + kScript + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace diverge::review
