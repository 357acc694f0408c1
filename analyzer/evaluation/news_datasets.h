// The articles of the public news datasets (../shared/data), read in one place for every
// user: the story evaluation (story_eval.h) and the macro benchmark's corpora
// (bench/macro/corpus_files.h).
//
//   BASIL     basil/articles/YEAR/*.json: title, body-paragraphs (nested lists of
//             paragraphs), source, date, triplet-uuid (the event); files in path order.
//   AllSides  allsides_neus/*.jsonl: one story a line, "news" holding its left / center /
//             right versions (newsTitle, newBody as a list of paragraphs, newsSource), the
//             story's id and date; versions in the order the line gives them.
//   FNC-1     fnc1/train_bodies.csv (Body ID, articleBody), in file order.
//
// A paragraph list may also be a single string; paragraphs are joined by blank lines.
// Errors name the file (and line): a missing file or directory is kNotFound, a malformed
// record kInvalidArgument.
#ifndef DIVERGE_ANALYZER_EVALUATION_NEWS_DATASETS_H_
#define DIVERGE_ANALYZER_EVALUATION_NEWS_DATASETS_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"

namespace diverge::evaluation {

struct NewsArticle {
  std::string id;     // BASIL: the file stem; AllSides: "as-<story id>-<side>"; FNC-1: Body ID
  std::string story;  // BASIL: triplet-uuid; AllSides: the story id; FNC-1: ""
  std::string title, body, outlet;
  std::string date;  // YYYY-MM-DD, or "" when the dataset gives none
};

Result<std::vector<NewsArticle>> ReadBasilArticles(const std::string& dir);
Result<std::vector<NewsArticle>> ReadAllSidesArticles(const std::string& jsonl_path);
Result<std::vector<NewsArticle>> ReadFnc1Bodies(const std::string& bodies_csv);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_NEWS_DATASETS_H_
