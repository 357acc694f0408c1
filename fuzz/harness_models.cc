// Harnesses of the model loaders (.vec text, .dvec, fastText .bin) and report.json.
// The file-based loaders read a scratch file in $TMPDIR named after the process id.
#include <unistd.h>

#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <vector>

#include "analyzer/report/report.h"
#include "embeddings/dvec_format.h"
#include "embeddings/embedding_model.h"
#include "embeddings/fasttext_adapter.h"
#include "embeddings/model_readers.h"
#include "fuzz/harness.h"

namespace diverge::fuzz {
namespace {

// A scratch file holding `bytes`, removed on destruction.
class ScratchFile {
 public:
  ScratchFile(std::string_view bytes, const char* ext) {
    path_ = (std::filesystem::temp_directory_path() /
             ("diverge-fuzz-" + std::to_string(::getpid()) + ext))
                .string();
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~ScratchFile() { ::unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Uses every accessor of a loaded model once; checks the lookups agree.
std::string Exercise(const embeddings::EmbeddingModel& m) {
  if (m.dims() <= 0 || m.size() < 0) return "model with no dimensions";
  std::vector<float> v(static_cast<size_t>(m.dims()));
  for (int32_t i : {0, m.size() / 2, m.size() - 1}) {
    if (i < 0 || i >= m.size()) continue;
    const std::string word(m.Word(i));
    // A .dvec body carries no checksum: a corrupt hash table may lose a word (-1), but
    // Find must never answer with a different word.
    const int32_t found = m.Find(word);
    if (found != -1 && (found < 0 || found >= m.size() || m.Word(found) != word)) {
      return "Find(Word(" + std::to_string(i) + ")) = " + std::to_string(found) + ", another word";
    }
    m.Vector(i, v.data());
    m.AddVector(i, 0.5f, v.data());
    (void)m.Cosine(i, 0);
    (void)m.Probability(i);
    (void)m.Norm(i);
  }
  (void)m.Find("");
  (void)m.Find("zzzz-not-a-word");
  if (m.HasSubwords()) (void)m.SubwordVector("unseenword", v.data());
  return "";
}

}  // namespace

std::string ModelVec(std::string_view bytes) {
  try {
    ScratchFile f(bytes, ".vec");
    Result<embeddings::RawVectors> raw = embeddings::ReadVecText(f.path());
    if (!raw.ok()) return "";
    if (raw->dims <= 0 || raw->data.size() != raw->words.size() * static_cast<size_t>(raw->dims)) {
      return "ReadVecText returned " + std::to_string(raw->words.size()) + " words, " +
             std::to_string(raw->data.size()) + " floats at " + std::to_string(raw->dims) +
             " dims";
    }
    auto m = embeddings::EmbeddingModel::FromRaw(*raw, f.path());
    if (!m.ok()) return "";
    return Exercise(**m);
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
}

std::string ModelDvec(std::string_view bytes) {
  try {
    Result<embeddings::DvecHeader> h = embeddings::ValidateDvec(
        reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), "fuzz.dvec");
    ScratchFile f(bytes, ".dvec");
    auto m = embeddings::EmbeddingModel::Load(f.path());
    if (h.ok() && bytes.size() >= 8 && !m.ok() &&
        std::string_view(bytes.data(), 8) == std::string_view(embeddings::kDvecMagic, 8)) {
      return "ValidateDvec accepted what Load refused: " + m.status().ToString();
    }
    if (!m.ok()) return "";
    return Exercise(**m);
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
}

std::string ModelFastText(std::string_view bytes) {
  try {
    ScratchFile f(bytes, ".bin");
    if (!embeddings::ValidateFastTextBin(f.path()).ok()) return "";
    // A structurally valid file: fastText itself must load it without crashing.
    auto m = embeddings::EmbeddingModel::Load(f.path());
    if (!m.ok()) return "";
    return Exercise(**m);
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
}

std::string ReportJson(std::string_view bytes) {
  try {
    Result<report::Report> r = report::ParseReport(bytes, "report.json");
    if (!r.ok()) {
      // Every rejection (syntax, numbers out of range, shape) names the file.
      if (r.status().message().rfind("report.json", 0) != 0) {
        return "error does not name the file: " + r.status().ToString();
      }
      return "";
    }
    const std::string once = report::SerializeReport(*r);
    Result<report::Report> again = report::ParseReport(once, "report.json (re-read)");
    if (!again.ok()) return "a serialised report does not parse: " + again.status().ToString();
    if (report::SerializeReport(*again) != once) return "serialise(parse(serialise(r))) differs";
  } catch (const std::exception& e) {
    return std::string("exception escaped: ") + e.what();
  }
  return "";
}

const std::vector<Target>& Targets() {
  static const std::vector<Target> targets = {
      {"corpus_txt", CorpusTxt},     {"corpus_html", CorpusHtml}, {"corpus_jsonl", CorpusJsonl},
      {"manifest", Manifest},        {"segmenter", Segmenter},    {"model_vec", ModelVec},
      {"model_dvec", ModelDvec},     {"model_fasttext", ModelFastText},
      {"report_json", ReportJson}};
  return targets;
}

}  // namespace diverge::fuzz
