// How the story threshold (analyzer/cluster/stories.h) is chosen: on AllSides (NeuS
// crawl: 506 stories, each told by a left, a centre and a right outlet), BASIL (100
// events, each covered by Fox News, the New York Times and HuffPost) and FNC-1 (1,683
// article bodies from many outlets about 191 stories followed over days and weeks: the
// Emergent rumours). Each dataset is one
// corpus of documents (title + body); documents are grouped into stories exactly as
// `analyze` groups a corpus's documents (the same terms, weights and clustering), and the
// document pairs put in one story are scored against the dataset's own grouping:
// precision, recall and F1 of same-story pairs, for every threshold of a sweep. The
// chosen threshold maximises the mean F1 of the two datasets.
#ifndef DIVERGE_ANALYZER_EVALUATION_STORY_EVAL_H_
#define DIVERGE_ANALYZER_EVALUATION_STORY_EVAL_H_

#include <string>
#include <vector>

#include "analyzer/base/result.h"
#include "analyzer/cluster/stories.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::evaluation {

struct StoryDoc {
  std::string text;   // title and body
  std::string story;  // the dataset's story id
};

// AllSides NeuS JSONL (one story a line, "news" holding left/center/right articles with
// newsTitle and newBody, a list of paragraphs). Errors name the file and line.
Result<std::vector<StoryDoc>> ReadAllSides(const std::string& path);
// BASIL articles directory (YEAR/UUID_N.json with title, body-paragraphs as nested lists,
// triplet-uuid).
Result<std::vector<StoryDoc>> ReadBasil(const std::string& dir);

// FNC-1 train split: the bodies of train_bodies.csv, with train_stances.csv beside it.
// A story is a connected component of the related (agree / disagree / discuss)
// headline-body pairs: the bodies that answer one claim's headlines. Bodies related to
// no headline are left out. Errors name the file.
Result<std::vector<StoryDoc>> ReadFnc1Stories(const std::string& bodies_csv);

struct StoryScoreRow {
  double threshold = 0;
  long gold_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  int stories = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  // The same for story families (stories.h): the stories at options.min_similarity (as
  // analyze makes them) joined by single linkage at the threshold.
  long family_predicted_pairs = 0, family_correct_pairs = 0;
  int families = 0;
  double family_precision() const;
  double family_recall() const;
};

// Scores GroupStories on `docs` for thresholds from..to (inclusive) by step.
std::vector<StoryScoreRow> EvaluateStories(const std::vector<StoryDoc>& docs,
                                           const embeddings::SentenceEncoder& encoder,
                                           cluster::StoryOptions options, double from, double to,
                                           double step, int threads = 2);

}  // namespace diverge::evaluation

#endif  // DIVERGE_ANALYZER_EVALUATION_STORY_EVAL_H_
