// The sentence encoders, in one table: each row is an encoder's name, a one-line
// description and its factory. Every caller that makes an encoder (the analyze pipeline,
// `diverge embed --encoder`, the evaluations, macro_bench) makes it here by name and then
// holds only a `const SentenceEncoder&` (sentence_encoder.h); none names a concrete
// encoder. Adding an encoder is its class implementing SentenceEncoder in embeddings/
// (<name>_encoder.{h,cc}), one row in encoder_registry.cc and one line in
// embeddings/CMakeLists.txt.
//
//   Result<std::unique_ptr<SentenceEncoder>> enc = MakeEncoder(kDefaultEncoder, model);
//   if (!enc.ok()) return enc.status();   // an unknown name: the error lists the known ones
//   (*enc)->Encode("...");
#ifndef DIVERGE_EMBEDDINGS_ENCODER_REGISTRY_H_
#define DIVERGE_EMBEDDINGS_ENCODER_REGISTRY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/base/result.h"
#include "embeddings/embedding_model.h"
#include "embeddings/sentence_encoder.h"

namespace diverge::embeddings {

// The encoder `diverge analyze` uses (and every command without an --encoder option).
inline constexpr std::string_view kDefaultEncoder = "sif";

struct EncoderInfo {
  std::string_view name;         // as given to MakeEncoder and returned by name()
  std::string_view description;  // one line, for --help
  // `model` must outlive the encoder.
  std::unique_ptr<SentenceEncoder> (*make)(const EmbeddingModel& model, EncoderOptions options);
};

// Every encoder, in table order.
const std::vector<EncoderInfo>& Encoders();
// The known names, in table order, joined by ", " ("sif").
std::string EncoderNames();
// The encoder named `name` over `model` (which must outlive it); InvalidArgument naming
// the known encoders when there is none of that name.
Result<std::unique_ptr<SentenceEncoder>> MakeEncoder(std::string_view name,
                                                     const EmbeddingModel& model,
                                                     EncoderOptions options = {});

}  // namespace diverge::embeddings

#endif  // DIVERGE_EMBEDDINGS_ENCODER_REGISTRY_H_
