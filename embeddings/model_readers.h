// Readers of text model formats into RawVectors, and format detection by content.
#ifndef DIVERGE_EMBEDDINGS_MODEL_READERS_H_
#define DIVERGE_EMBEDDINGS_MODEL_READERS_H_

#include <string>

#include "analyzer/base/result.h"
#include "embeddings/dvec_format.h"

namespace diverge::embeddings {

enum class ModelFormat { kDvec, kFastTextBin, kVecText, kWinkJson };

// Looks at the first bytes: .dvec magic, fastText magic, '{' (wink JSON), else text.
// kNotFound if the file cannot be opened, kCorruption if it is empty.
Result<ModelFormat> DetectModelFormat(const std::string& path);

// fastText .vec / GloVe text: optional "count dims" first line, then "word v1 .. vd"
// lines. Every row must have the same dimension (error names the line) and, if a
// header is present, the row count must match it.
Result<RawVectors> ReadVecText(const std::string& path);

// wink-embeddings JSON ({"dimensions":d,"size":n,"words":[...],"vectors":{w:[d floats,
// l2norm, index]}}), streamed with nlohmann's SAX interface; rows are placed by their
// index (frequency order).
Result<RawVectors> ReadWinkJson(const std::string& path);

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_MODEL_READERS_H_
