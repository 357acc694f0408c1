#include <catch2/catch.hpp>
#include <set>

#include "analyzer/ingest/input_format.h"

namespace diverge {
namespace {

TEST_CASE("each input format is found by name and by every ending it lists", "[ingest][format]") {
  std::set<std::string_view> names, endings;
  for (const ingest::InputFormat& f : ingest::InputFormats()) {
    CHECK(names.insert(f.name).second);
    CHECK(f.read != nullptr);
    CHECK(ingest::FindInputFormat(f.name) == &f);
    for (std::string_view ext : f.extensions) {
      CHECK(endings.insert(ext).second);  // one format per ending
      CHECK(ingest::FormatOfPath("dir.x/a." + std::string(ext)) == f.name);
    }
  }
  CHECK(ingest::FormatOfPath("A.HTM") == "html");
  CHECK(ingest::FormatOfPath("notes.pdf").empty());
  CHECK(ingest::FormatOfPath("dir.md/README").empty());
  CHECK(ingest::FindInputFormat("pdf") == nullptr);
}

TEST_CASE("only a many-document format may use the whole file limit", "[ingest][format]") {
  ingest::ReadOptions o;
  o.max_file_bytes = 1000;
  o.max_document_bytes = 10;
  CHECK(ingest::MaxInputBytes("jsonl", o) == 1000);
  CHECK(ingest::MaxInputBytes("html", o) == 10);
  CHECK(ingest::MaxInputBytes("unknown", o) == 10);
}

}  // namespace
}  // namespace diverge
