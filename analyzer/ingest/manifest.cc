#include "analyzer/ingest/manifest.h"

#include <map>
#include <set>

#include "analyzer/base/split_fields.h"
#include "analyzer/ingest/metadata_inference.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {
namespace {

// The tab-separated fields of a line, each with its whitespace folded.
std::vector<std::string> FoldedFields(std::string_view line) {
  std::vector<std::string> out;
  for (std::string_view f : SplitAll(line, '\t')) out.push_back(text::FoldWhitespace(f));
  return out;
}

bool Escapes(const std::string& path) {
  if (path.empty()) return false;
  if (path[0] == '/' || path[0] == '\\' || (path.size() > 1 && path[1] == ':')) return true;
  // Any ".." component.
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find_first_of("/\\", pos);
    if (slash == std::string::npos) slash = path.size();
    if (path.compare(pos, slash - pos, "..") == 0 && slash - pos == 2) return true;
    pos = slash + 1;
  }
  return false;
}

}  // namespace

Result<std::vector<ManifestRow>> ParseManifest(std::string_view text, const std::string& name,
                                               Diagnostics* diags) {
  std::vector<ManifestRow> rows;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::map<std::string, size_t> col;
  size_t ncols = 0;
  std::set<std::string> ids;
  int line_no = 0;
  size_t pos = 0;
  bool header_seen = false;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (text::FoldWhitespace(line).empty() || line[0] == '#') continue;
    auto fields = FoldedFields(line);
    if (!header_seen) {
      header_seen = true;
      for (size_t k = 0; k < fields.size(); ++k) col[text::AsciiLower(fields[k])] = k;
      ncols = fields.size();
      if (!col.count("id") || !col.count("file")) {
        return Status::Corruption(name + ":" + std::to_string(line_no) +
                                  ": manifest header must name the columns id and file "
                                  "(tab-separated: id, file, outlet, date, title, url)");
      }
      continue;
    }
    if (fields.size() < ncols) {
      if (fields.size() == 1) {
        diags->Warn(
            name,
            "row is not tab-separated (expected " + std::to_string(ncols) + " fields), row skipped",
            line_no);
        continue;
      }
      fields.resize(ncols);  // trailing empty fields are often cut by editors
    } else if (fields.size() > ncols) {
      diags->Warn(name,
                  "row has " + std::to_string(fields.size()) + " fields, header has " +
                      std::to_string(ncols) + "; extra fields ignored",
                  line_no);
    }
    auto get = [&](const char* key) -> std::optional<std::string> {
      auto it = col.find(key);
      if (it == col.end() || it->second >= fields.size() || fields[it->second].empty()) {
        return std::nullopt;
      }
      return fields[it->second];
    };
    ManifestRow row;
    row.line = line_no;
    row.id = get("id").value_or("");
    row.file = get("file").value_or("");
    if (row.id.empty() || row.file.empty()) {
      diags->Warn(name, "row without id or file, row skipped", line_no);
      continue;
    }
    if (Escapes(row.file)) {
      diags->Warn(
          name, "file path '" + row.file + "' is absolute or leaves the corpus directory; refused",
          line_no);
      row.rejected = true;
      rows.push_back(std::move(row));
      continue;
    }
    if (!ids.insert(row.id).second) {
      diags->Warn(name, "duplicate id '" + row.id + "', row skipped", line_no);
      row.rejected = true;
      rows.push_back(std::move(row));
      continue;
    }
    row.outlet = get("outlet");
    row.title = get("title");
    row.url = get("url");
    row.date = get("date");
    if (row.date && !text::IsValidPartialDate(*row.date)) {
      diags->Warn(
          name, "bad date '" + *row.date + "' (expected YYYY, YYYY-MM or YYYY-MM-DD); date dropped",
          line_no);
      row.date.reset();
    }
    rows.push_back(std::move(row));
  }
  if (!header_seen) {
    return Status::Corruption(name +
                              ": manifest is empty (expected a header row: id, file, "
                              "outlet, date, title, url)");
  }
  return rows;
}

}  // namespace diverge::ingest
