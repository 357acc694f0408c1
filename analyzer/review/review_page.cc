#include "analyzer/review/review_page.h"

#include <cstdio>

#include "reports/escape.h"
#include "reports/formats.h"

namespace diverge::review {

namespace {

using reports::HtmlEscape;

constexpr const char* kStyle = R"css(
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#f4f4f6}
header.top{position:sticky;top:0;background:#433f7a;color:#fff;padding:.5rem 1rem;z-index:1}
header.top kbd{background:#fff;color:#433f7a;border-radius:3px;padding:0 .3em;font-size:.8rem}
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
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
.side{background:#fafafa;border-left:4px solid #d95f02;padding:.4rem .6rem}
.side.silent{border-left-color:#bbb;color:#666;font-style:italic}
.meta{font-size:.85rem;color:#555;margin-bottom:.2rem;overflow-wrap:anywhere}
.expl{color:#444;font-size:.92rem}
.actions button{margin-right:.4rem}
.note-text{white-space:pre-wrap;background:#fffde7;padding:.2rem .4rem}
.note-text:empty{display:none}
textarea{width:100%;box-sizing:border-box}
@media (max-width:700px){.sides{grid-template-columns:1fr}}
)css";

constexpr const char* kScript = R"js(
'use strict';
const token = document.querySelector('meta[name="diverge-token"]').content;
const items = Array.from(document.querySelectorAll('article.divergence'));
const msg = document.getElementById('msg');
let cur = -1;
function select(i) {
  if (!items.length) return;
  cur = Math.max(0, Math.min(items.length - 1, i));
  items.forEach((el, k) => el.classList.toggle('current', k === cur));
  items[cur].scrollIntoView({block: 'nearest'});
}
function show(el, d) {
  el.dataset.status = d.status;
  el.querySelector('.status').textContent = d.status;
  el.querySelector('.note-text').textContent = d.note || '';
  el.querySelector('textarea').value = d.note || '';
}
async function send(el, change) {
  change.id = el.dataset.id;
  msg.textContent = 'saving ' + el.dataset.num + '\u2026';
  try {
    const r = await fetch('/api/decision', {method: 'POST', headers: {
      'Content-Type': 'application/json', 'X-Diverge-Token': token},
      body: JSON.stringify(change)});
    const d = await r.json();
    if (!r.ok) { msg.textContent = 'error: ' + d.error; return; }
    show(el, d);
    msg.textContent = el.dataset.num + ' ' + d.status + ' (' + d.reviewer + ')';
  } catch (e) { msg.textContent = 'error: ' + e; }
}
function editNote(el) {
  const f = el.querySelector('form.note');
  f.hidden = false;
  f.querySelector('textarea').focus();
}
items.forEach((el, k) => {
  el.addEventListener('click', () => { if (cur !== k) select(k); });
  el.querySelector('button.confirm').addEventListener('click', () => send(el, {status: 'confirmed'}));
  el.querySelector('button.dismiss').addEventListener('click', () => send(el, {status: 'dismissed'}));
  el.querySelector('button.reopen').addEventListener('click', () => send(el, {status: 'open'}));
  el.querySelector('button.note').addEventListener('click', () => editNote(el));
  el.querySelector('form.note').addEventListener('submit', (e) => {
    e.preventDefault();
    e.target.hidden = true;
    send(el, {note: e.target.querySelector('textarea').value});
  });
});
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('textarea,input')) return;
  const el = items[cur];
  if (e.key === 'j') select(cur + 1);
  else if (e.key === 'k') select(cur - 1);
  else if (el && e.key === 'c') send(el, {status: 'confirmed'});
  else if (el && e.key === 'd') send(el, {status: 'dismissed'});
  else if (el && e.key === 'o') send(el, {status: 'open'});
  else if (el && e.key === 'n') editNote(el);
  else return;
  e.preventDefault();
});
select(0);
)js";

std::string Score(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string Article(const ReviewSession& session, const reports::DivergenceView& v) {
  const Divergence& d = *v.divergence;
  const reports::ReportView& view = session.view();
  std::string status(ReviewStatusName(d.review.status));
  std::string note = HtmlEscape(d.review.note.value_or(""));
  const Decision* dec = session.DecisionFor(d.id);
  std::string who =
      dec ? " · by " + HtmlEscape(dec->reviewer) + " " + HtmlEscape(dec->updated) : "";
  return "<article class=\"divergence\" id=\"" + HtmlEscape(d.id) + "\" data-id=\"" +
         HtmlEscape(d.id) + "\" data-num=\"" + v.number + "\" data-status=\"" + status +
         "\">\n<h2>" + v.number + " <span class=\"badge\">" + std::string(KindName(d.kind)) +
         "</span> <span class=\"badge\">" + std::string(TemporalName(d.temporal)) +
         "</span> <span class=\"badge\">score " + Score(d.score) +
         "</span> <span class=\"badge status\">" + status + "</span><span class=\"meta\">" + who +
         "</span></h2>\n<div class=\"sides\">" +
         reports::HtmlSide(view, "A", v.a, d.a.statement, d) +
         reports::HtmlSide(view, "B", v.b, d.b.statement, d) + "</div>\n<p class=\"expl\">" +
         HtmlEscape(d.explanation) + "</p>\n<p class=\"note-text\">" + note +
         "</p>\n<div class=\"actions\"><button class=\"confirm\" type=\"button\">Confirm "
         "(c)</button><button class=\"dismiss\" type=\"button\">Dismiss (d)</button><button "
         "class=\"reopen\" type=\"button\">Reopen (o)</button><button class=\"note\" "
         "type=\"button\">Note (n)</button></div>\n<form class=\"note\" hidden><textarea "
         "rows=\"2\" aria-label=\"note\">" +
         note + "</textarea><button type=\"submit\">Save note</button></form>\n</article>\n";
}

}  // namespace

std::string PageCsp(const std::string& nonce) {
  return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce +
         "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

std::string RenderReviewPage(const ReviewSession& session, const std::string& token,
                             const std::string& nonce) {
  const auto& divs = session.view().divergences();
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"diverge-token\" content=\"" +
      token + "\">\n<title>diverge review: " + std::to_string(divs.size()) +
      " divergences</title>\n<style nonce=\"" + nonce + "\">" + kStyle +
      "</style>\n</head>\n<body>\n<header class=\"top\"><span id=\"msg\" role=\"status\" "
      "aria-live=\"polite\"></span><strong>diverge review</strong> · " +
      std::to_string(divs.size()) + " divergences · " + std::to_string(session.orphans().size()) +
      " orphaned decisions · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm · "
      "<kbd>d</kbd> dismiss · <kbd>o</kbd> reopen · <kbd>n</kbd> note</header>\n<main>\n";
  if (divs.empty()) out += "<p>No divergences in this report.</p>\n";
  for (const reports::DivergenceView& v : divs) out += Article(session, v);
  out += "</main>\n<script nonce=\"" + nonce + "\">" + kScript + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace diverge::review
