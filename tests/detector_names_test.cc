#include <catch2/catch.hpp>

#include "analyzer/divergence/names.h"

namespace diverge::divergence {
namespace {

TEST_CASE("transliteration folding", "[detector][names]") {
  CHECK(FoldName("Nikolay") == FoldName("Nikolai"));
  CHECK(FoldName("Mikhail") == FoldName("Mihail"));
  CHECK(FoldName("Dmitriy") == FoldName("Dmitrii"));
  CHECK(FoldName("Yevgeny") != FoldName("Gennady"));
  CHECK(EditDistance("bordiuzha", "borduizha") == 1);  // transposition
  CHECK(EditDistance("kitten", "sitting") == 3);
}

TEST_CASE("variants with a shared neighbour merge, canonical is the most frequent",
          "[detector][names]") {
  NameResolver r;
  r.AddText("Secretary General Nikolay Bordyuzha said on Monday that Bordyuzha agreed.");
  r.AddText("The CSTO'S Secretary General Nikolay Bordyuzha provided details.");
  r.AddText("CSTO Secretary General Nikolai Bordyuzha declared it.");
  r.AddText("Nikolay Borduyzha already regards the troops as a unit.");
  r.Build();
  CHECK(r.Canonical("Nikolai") == "Nikolay");
  CHECK(r.Canonical("Borduyzha") == "Bordyuzha");
  CHECK(r.Canonical("Monday") == "Monday");
  auto e = r.Entities();
  REQUIRE(e.size() == 1);
  CHECK(e[0].canonical == "Nikolay Bordyuzha");
  CHECK(e[0].variants == std::vector<std::string>{"Nikolai Bordyuzha", "Nikolay Borduyzha"});
  CHECK(e[0].id.rfind("e-", 0) == 0);
}

TEST_CASE("similar but different names stay apart", "[detector][names]") {
  NameResolver r;
  // one edit apart but never in the same context
  r.AddText("Austria and Australia signed. Mr Brown met Mr Brawn.");
  r.AddText("Serbia and Zambia voted.");
  r.Build();
  CHECK(r.Canonical("Austria") == "Austria");
  CHECK(r.Canonical("Australia") == "Australia");
  CHECK(r.Canonical("Brawn") == "Brawn");
  CHECK(r.Entities().empty());
}

TEST_CASE("entities do not depend on text order", "[detector][names]") {
  NameResolver a, b;
  a.AddText("Nikolai Petrov spoke.");
  a.AddText("Nikolay Petrov spoke.");
  b.AddText("Nikolay Petrov spoke.");
  b.AddText("Nikolai Petrov spoke.");
  a.Build();
  b.Build();
  REQUIRE(a.Entities().size() == 1);
  REQUIRE(b.Entities().size() == 1);
  // tie on frequency: the lexicographically smaller spelling is canonical
  CHECK(a.Entities()[0].canonical == "Nikolai Petrov");
  CHECK(b.Entities()[0].canonical == "Nikolai Petrov");
}

}  // namespace
}  // namespace diverge::divergence
