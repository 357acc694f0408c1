// ReadCorpus on the sample corpus (corpus/csto) and on a manifest-less copy of it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "analyzer/ingest/corpus_reader.h"
#include "analyzer/text/utf8.h"
#include "tests/ingest_test_util.h"

namespace fs = std::filesystem;
using namespace diverge;
using diverge::testing::Slurp;
using diverge::testing::TempDir;

namespace {

const std::string kCsto = std::string(DIVERGE_SOURCE_DIR) + "/corpus/csto";

bool HasCyrillic(const std::string& s) {
  size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    text::DecodeUtf8(s, &i, &cp);
    if (cp >= 0x400 && cp <= 0x4FF) return true;
  }
  return false;
}

const ingest::Document* FindDoc(const ingest::Corpus& c, const std::string& id) {
  for (const auto& d : c.documents) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Sample corpus: five documents with manifest metadata", "[ingest]") {
  Result<ingest::Corpus> c = ingest::ReadCorpus({kCsto});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 5);
  CHECK(c->skipped_files == 0);
  const std::vector<std::string> ids = {"000", "001", "002", "003", "004"};
  for (size_t i = 0; i < ids.size(); ++i) CHECK(c->documents[i].id == ids[i]);
  CHECK(c->documents[0].outlet == "Windows to Russia");
  CHECK(c->documents[0].date == std::optional<std::string>("2011-08"));
  CHECK(c->documents[1].outlet == "The Voice of Russia");
  CHECK(c->documents[1].date == std::optional<std::string>("2011-08-16"));
  CHECK(c->documents[2].outlet == "BelTA");
  CHECK(c->documents[2].date == std::optional<std::string>("2021-03-31"));
  CHECK_FALSE(c->documents[2].url.has_value());  // empty manifest url = unknown
  CHECK(c->documents[3].outlet == "Sputnik International");
  CHECK(c->documents[3].url ==
        std::optional<std::string>("https://sputnikglobe.com/20170615/"
                                   "russia-csto-cyberattacks-1054659104.html"));
  CHECK(c->documents[4].outlet == "Potomac Institute for Policy Studies");
  CHECK(c->documents[4].date == std::optional<std::string>("2012-11"));
  // Every document has statements.
  std::map<std::string, int> per_doc;
  for (const auto& s : c->statements) ++per_doc[s.doc];
  for (const auto& id : ids) CHECK(per_doc[id] >= 5);
}

TEST_CASE("Sample corpus: no page furniture, no Cyrillic, caption once", "[ingest]") {
  Result<ingest::Corpus> c = ingest::ReadCorpus({kCsto});
  REQUIRE(c.ok());
  const std::set<std::string> furniture = {"Subscribe",
                                           "Subscribe to us",
                                           "log in or register",
                                           "Twitter",
                                           "Newsfeed",
                                           "All news",
                                           "0",
                                           "Projects",
                                           "Politics",
                                           "World",
                                           "Asia",
                                           "Chats",
                                           "loader",
                                           "To participate in the discussion",
                                           "Recent news from Belarus",
                                           "Government Bodies",
                                           "- Sputnik International"};
  for (const auto& s : c->statements) {
    INFO(s.doc << " " << s.text);
    CHECK(furniture.count(s.text) == 0);
    CHECK_FALSE(HasCyrillic(s.text));
    CHECK(s.text.find("mediabank") == std::string::npos);  // image credit
    CHECK(s.text.find("\xC2\xA9") == std::string::npos);   // © lines are credits/copyright
    CHECK_FALSE(s.text.empty());
  }
  // The Cyrillic line is reported as set aside, not dropped silently.
  const bool cyrillic_set_aside =
      std::any_of(c->set_aside.begin(), c->set_aside.end(), [](const ingest::SetAsideLine& s) {
        return s.reason == "other-language" && HasCyrillic(s.text);
      });
  CHECK(cyrillic_set_aside);
  // The photo caption printed three times in 003 appears once.
  int caption = 0;
  for (const auto& s : c->statements) {
    if (s.text.find("Putin poses for photographs") != std::string::npos) ++caption;
  }
  CHECK(caption == 1);
  // Headlines are statements.
  const bool headline =
      std::any_of(c->statements.begin(), c->statements.end(), [](const ingest::Statement& s) {
        return s.doc == "002" && s.text == "CSTO countries discuss information security measures";
      });
  CHECK(headline);
  // The headline glued to 001's first paragraph is cut off it.
  for (const auto& s : c->statements) {
    CHECK(s.text.rfind("CSTO to combat cyber crimeThe", 0) != 0);
  }
}

TEST_CASE("Sample corpus: offsets fold back to every statement's text", "[ingest]") {
  Result<ingest::Corpus> c = ingest::ReadCorpus({kCsto});
  REQUIRE(c.ok());
  REQUIRE(c->statements.size() > 50);
  std::map<std::string, std::string> bytes;
  for (const auto& d : c->documents) bytes[d.id] = Slurp(d.path);
  std::set<std::string> ids;
  for (const auto& s : c->statements) {
    const std::string& file = bytes[s.doc];
    REQUIRE(s.start >= 0);
    REQUIRE(s.end <= static_cast<int64_t>(file.size()));
    REQUIRE(s.start < s.end);
    INFO(s.doc << "@" << s.start << ": " << s.text);
    CHECK(text::FoldWhitespace(file.substr(s.start, s.end - s.start)) == s.text);
    CHECK(ids.insert(s.id).second);  // unique ids
    CHECK(s.id.rfind("s-", 0) == 0);
  }
  // Sorted by (doc, start).
  CHECK(std::is_sorted(c->statements.begin(), c->statements.end(),
                       [](const ingest::Statement& a, const ingest::Statement& b) {
                         return a.doc != b.doc ? a.doc < b.doc : a.start < b.start;
                       }));
}

TEST_CASE("Statement ids are stable across runs and input order", "[ingest]") {
  TempDir a;
  for (const auto& e : fs::directory_iterator(kCsto)) {
    fs::copy_file(e.path(), a.path() / e.path().filename());
  }
  Result<ingest::Corpus> c1 = ingest::ReadCorpus({kCsto});
  Result<ingest::Corpus> c2 = ingest::ReadCorpus({a.str()});
  REQUIRE(c1.ok());
  REQUIRE(c2.ok());
  REQUIRE(c1->statements.size() == c2->statements.size());
  for (size_t i = 0; i < c1->statements.size(); ++i) {
    CHECK(c1->statements[i].id == c2->statements[i].id);
  }
  // Files given in reverse order: same documents and statements.
  std::vector<std::string> files;
  for (const auto& d : c1->documents) files.push_back(d.path);
  std::reverse(files.begin(), files.end());
  Result<ingest::Corpus> c3 = ingest::ReadCorpus(files);
  REQUIRE(c3.ok());
  REQUIRE(c3->statements.size() == c1->statements.size());
  for (size_t i = 0; i < c1->statements.size(); ++i) {
    CHECK(c1->statements[i].text == c3->statements[i].text);
  }
}

TEST_CASE("Without the manifest, metadata is inferred from the text", "[ingest]") {
  TempDir dir;
  for (const auto& e : fs::directory_iterator(kCsto)) {
    if (e.path().extension() == ".txt") {
      fs::copy_file(e.path(), dir.path() / e.path().filename());
    }
  }
  Result<ingest::Corpus> c = ingest::ReadCorpus({dir.str()});
  REQUIRE(c.ok());
  REQUIRE(c->documents.size() == 5);
  // Ids fall back to the file stem.
  const ingest::Document* belta = FindDoc(*c, "002_2434bbe934104fab");
  REQUIRE(belta != nullptr);
  CHECK(belta->outlet == "BelTA");
  CHECK(belta->date == std::optional<std::string>("2021-03-31"));
  CHECK(belta->title ==
        std::optional<std::string>("CSTO countries discuss information security measures"));
  const ingest::Document* potomac = FindDoc(*c, "004_254cf1d86e7a58e6");
  REQUIRE(potomac != nullptr);
  CHECK(potomac->date == std::optional<std::string>("2012"));
  CHECK(potomac->outlet == "Potomac Institute for Policy Studies");
  CHECK(potomac->author == std::optional<std::string>("Khatuna Mshvidobadze"));
  const ingest::Document* vor = FindDoc(*c, "001_111327b0c6f31b84");
  REQUIRE(vor != nullptr);
  CHECK(vor->author == std::optional<std::string>("Maria Domnitskaya"));
  CHECK(vor->outlet == "The Voice of Russia");
  CHECK(vor->title == std::optional<std::string>("CSTO to combat cyber crime"));
  const ingest::Document* sputnik = FindDoc(*c, "003_8d6b967d1f682907");
  REQUIRE(sputnik != nullptr);
  CHECK(sputnik->outlet == "Sputnik International");
  // Nothing in 000 states an outlet: the file name is the last resort.
  const ingest::Document* w2r = FindDoc(*c, "000_7b79f79499cbd276");
  REQUIRE(w2r != nullptr);
  CHECK(w2r->outlet == "000_7b79f79499cbd276");
  CHECK_FALSE(w2r->date.has_value());
  // The byline is metadata, not a statement.
  for (const auto& s : c->statements) CHECK(s.text != "By Maria Domnitskaya");
}
