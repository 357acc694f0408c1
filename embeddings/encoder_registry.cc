#include "embeddings/encoder_registry.h"

#include "embeddings/sif_encoder.h"

namespace diverge::embeddings {
namespace {

template <typename Encoder>
std::unique_ptr<SentenceEncoder> Make(const EmbeddingModel& model, EncoderOptions options) {
  return std::make_unique<Encoder>(model, options);
}

}  // namespace

// One row per encoder: its name, what it is, how it is made.
const std::vector<EncoderInfo>& Encoders() {
  static const std::vector<EncoderInfo> encoders = {
      {SifEncoder::kName,
       "smooth-inverse-frequency weighted mean of the word vectors, minus the model's common "
       "component",
       &Make<SifEncoder>},
  };
  return encoders;
}

std::string EncoderNames() {
  std::string out;
  for (const EncoderInfo& e : Encoders()) {
    if (!out.empty()) out += ", ";
    out += e.name;
  }
  return out;
}

Result<std::unique_ptr<SentenceEncoder>> MakeEncoder(std::string_view name,
                                                     const EmbeddingModel& model,
                                                     EncoderOptions options) {
  for (const EncoderInfo& e : Encoders()) {
    if (e.name == name) return e.make(model, options);
  }
  return Status::InvalidArgument("unknown encoder '" + std::string(name) +
                                 "': known encoders are " + EncoderNames());
}

}  // namespace diverge::embeddings
