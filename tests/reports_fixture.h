// Shared fixtures of the reports_*_test.cc files: the hand-built synthetic report
// (tests/data/reports/synthetic_report.json), a report full of hostile text, and a
// shuffler of every array of a report.
#ifndef DIVERGE_TESTS_REPORTS_FIXTURE_H_
#define DIVERGE_TESTS_REPORTS_FIXTURE_H_

#include <algorithm>
#include <random>
#include <string>

#include "analyzer/base/atomic_file.h"
#include "analyzer/report/report.h"

namespace diverge::testing {

inline std::string ReportsDataDir() {
  return std::string(DIVERGE_SOURCE_DIR) + "/tests/data/reports";
}

// 6 documents from 5 outlets (one undated, one with a space in its path), 6 claims, 8
// divergences of 7 kinds and all 3 temporal labels, one omission (b.statement null),
// one score tie, reviewed ones with notes, 2 entities with variants.
inline report::Report SyntheticReport() {
  Result<report::Report> r = report::LoadReport(ReportsDataDir() + "/synthetic_report.json");
  if (!r.ok()) throw std::runtime_error(r.status().ToString());
  return *std::move(r);
}

inline constexpr const char* kImgAttack = "<img src=x onerror=\"document.title='pwned'\">";
inline constexpr const char* kScriptAttack =
    "<script>document.body.setAttribute('data-pwned','1')</script>";

// A report whose corpus and manifest text tries HTML/Markdown/CSV/XML injection.
inline report::Report HostileReport() {
  report::Report r;
  r.generator.version = "0.1.0";
  r.generator.model = "m<script>alert(1)</script>";
  ingest::Document a;
  a.id = "h1";
  a.path = "corpus/h1.txt";
  a.outlet = std::string("Evil <b onmouseover=\"alert(1)\">Outlet</b> | ") + kImgAttack;
  a.date = "2020-01-01";
  a.title = std::string("Title ") + kScriptAttack;
  a.url = "javascript:alert(document.cookie)";
  ingest::Document b;
  b.id = "h2";
  b.path = "javascript:alert(2)";
  b.outlet = "Plain \"Quote\" & 'Apostrophe' Outlet";
  b.date = "2020-02-01";
  b.title = "=HYPERLINK(\"http://evil.example\",\"x\")";
  b.url = "https://ok.example/a?b=1&c=\"2\"";
  ingest::Document c;
  c.id = "h3";
  c.path = "corpus/h3.txt";
  c.outlet = "Third\nOutlet\x01";
  c.url = "JAVASCRIPT:alert(3)";
  r.documents = {a, b, c};
  auto st = [](std::string id, std::string doc, std::string text) {
    ingest::Statement s;
    s.id = std::move(id);
    s.doc = std::move(doc);
    s.text = std::move(text);
    s.start = 0;
    s.end = static_cast<int64_t>(s.text.size());
    return s;
  };
  r.statements = {
      st("s-h1", "h1", std::string("The toll was 12 ") + kImgAttack + " says | the *mayor*."),
      st("s-h2", "h2",
         std::string("The toll was 15, ") + kScriptAttack +
             " \"quoted, with comma\"\nand a newline."),
      st("s-h3", "h3", "-2+3 =SUM(A1:A9) @cmd the toll ](javascript:alert(4)) was 12."),
  };
  report::ClaimCluster cl;
  cl.id = "c-h";
  cl.label = std::string("Toll ") + kScriptAttack;
  cl.statements = {"s-h1", "s-h2", "s-h3"};
  r.clusters = {cl};
  report::Divergence d;
  d.id = "d-h1";
  d.cluster = "c-h";
  d.kind = report::DivergenceKind::kNumeric;
  d.temporal = report::Temporal::kContradiction;
  d.score = 0.9;
  d.a = {std::string("s-h1"), "12", std::nullopt};
  d.b = {std::string("s-h2"), "15", std::nullopt};
  d.explanation = std::string("12 vs 15 ") + kImgAttack;
  d.review.status = report::ReviewStatus::kConfirmed;
  d.review.note = std::string("=cmd|' /C calc'!A0 ") + kScriptAttack;
  report::Divergence e = d;
  e.id = "d-h2";
  e.kind = report::DivergenceKind::kOmission;
  e.temporal = report::Temporal::kChangeOverTime;
  e.score = 0.5;
  e.a = {std::string("s-h3"), "@cmd", std::nullopt};
  e.b = {std::nullopt, "", std::string("Silent ") + kImgAttack};
  e.explanation = "+silent outlet, \"quoted\"";
  e.review = {};
  r.divergences = {d, e};
  report::Entity en;
  en.id = "e-h";
  en.canonical = std::string("Mayor ") + kImgAttack;
  en.variants = {"<svg onload=alert(1)>", "May|or"};
  r.entities = {en};
  return r;
}

// Shuffles every array (and every cluster's statement list) of `r`.
inline void ShuffleReport(report::Report& r, unsigned seed) {
  std::mt19937 rng(seed);
  std::shuffle(r.documents.begin(), r.documents.end(), rng);
  std::shuffle(r.statements.begin(), r.statements.end(), rng);
  std::shuffle(r.clusters.begin(), r.clusters.end(), rng);
  for (report::ClaimCluster& c : r.clusters)
    std::shuffle(c.statements.begin(), c.statements.end(), rng);
  std::shuffle(r.divergences.begin(), r.divergences.end(), rng);
  std::shuffle(r.entities.begin(), r.entities.end(), rng);
  for (report::Entity& e : r.entities) std::shuffle(e.variants.begin(), e.variants.end(), rng);
}

inline size_t CountOf(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace diverge::testing

#endif  // DIVERGE_TESTS_REPORTS_FIXTURE_H_
