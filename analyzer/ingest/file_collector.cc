#include "analyzer/ingest/file_collector.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "analyzer/base/atomic_file.h"
#include "analyzer/ingest/input_format.h"
#include "analyzer/text/utf8.h"

namespace diverge::ingest {
namespace fs = std::filesystem;
namespace {

std::string Join(const std::string& dir, const std::string& rel) {
  if (dir.empty() || dir == ".") return rel;
  if (dir.back() == '/') return dir + rel;
  return dir + "/" + rel;
}

std::string StripExtension(const std::string& rel) {
  const size_t slash = rel.rfind('/');
  const size_t dot = rel.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == 0) {
    return rel;
  }
  return rel.substr(0, dot);
}

// True when `p` (canonical) is `root` (canonical) or lies below it.
bool IsInside(const fs::path& p, const fs::path& root) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *q != *r) return false;
  }
  return true;
}

// "a FIFO", "a character device", ... for what is neither a directory nor a regular file.
std::string TypeOf(fs::file_type t) {
  switch (t) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

class Walker {
 public:
  Walker(std::string root_display, fs::path root_canon, const ReadOptions& opts, Diagnostics* diags,
         CollectedInputs* out, const std::set<fs::path>& claimed)
      : root_display_(std::move(root_display)),
        root_canon_(std::move(root_canon)),
        opts_(opts),
        diags_(diags),
        out_(out),
        claimed_(claimed) {}

  void Walk(const fs::path& dir, const std::string& rel_dir, int depth) {
    std::error_code ec;
    const fs::path canon = fs::canonical(dir, ec);
    if (ec) {
      diags_->Warn(Join(root_display_, rel_dir), "cannot resolve directory: " + ec.message());
      ++out_->skipped;
      return;
    }
    if (!visited_.insert(canon).second || depth > 64) {
      diags_->Warn(Join(root_display_, rel_dir),
                   "symlink loop: directory already visited; "
                   "not followed");
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      diags_->Warn(Join(root_display_, rel_dir), "cannot list directory: " + ec.message());
      ++out_->skipped;
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const auto& e : entries) {
      const std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      const std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
      const std::string display = Join(root_display_, rel);
      std::error_code ec2;
      const bool is_link = e.is_symlink(ec2);
      const fs::file_status st = fs::status(e.path(), ec2);  // follows links
      const std::string format = FormatOfPath(name);
      if (ec2 || !fs::exists(st)) {
        if (is_link && (!format.empty() || name.find('.') == std::string::npos)) {
          diags_->Warn(display, "dangling or looping symlink, skipped");
          ++out_->skipped;
        }
        continue;
      }
      if (fs::is_directory(st)) {
        if (is_link && !opts_.follow_symlinks) continue;  // not followed: no loops possible
        Walk(e.path(), rel, depth + 1);
        continue;
      }
      if (format.empty() || name == "manifest.tsv") continue;
      if (!fs::is_regular_file(st)) {  // a FIFO would block the read, a device never end
        diags_->Warn(display, "not a regular file (" + TypeOf(st.type()) + "); skipped unread");
        ++out_->skipped;
        continue;
      }
      const fs::path file_canon = fs::canonical(e.path(), ec2);
      if (ec2) {
        diags_->Warn(display, "cannot resolve path: " + ec2.message() + "; skipped");
        ++out_->skipped;
        continue;
      }
      if (claimed_.count(file_canon)) continue;  // named by the manifest
      if (is_link && !opts_.follow_symlinks && !IsInside(file_canon, root_canon_)) {
        diags_->Warn(display, "symlink resolves outside the corpus directory (" +
                                  file_canon.string() + "); refused");
        ++out_->skipped;
        continue;
      }
      out_->files.push_back({display, StripExtension(rel), format, std::nullopt});
    }
  }

 private:
  std::string root_display_;
  fs::path root_canon_;
  const ReadOptions& opts_;
  Diagnostics* diags_;
  CollectedInputs* out_;
  const std::set<fs::path>& claimed_;
  std::set<fs::path> visited_;
};

Status CollectDirectory(const std::string& input, const ReadOptions& opts, Diagnostics* diags,
                        CollectedInputs* out) {
  std::error_code ec;
  const fs::path root(input);
  const fs::path root_canon = fs::canonical(root, ec);
  if (ec) {
    diags->Warn(input, "cannot resolve directory: " + ec.message());
    ++out->skipped;
    return Status::Ok();
  }
  std::set<fs::path> claimed;
  const fs::path manifest_path = root / "manifest.tsv";
  const fs::file_status mst = fs::status(manifest_path, ec);
  if (fs::exists(mst) && !fs::is_regular_file(mst)) {
    diags->Warn(Join(input, "manifest.tsv"),
                "not a regular file (" + TypeOf(mst.type()) + "); ignored, no manifest read");
    ++out->skipped;
  } else if (fs::exists(mst)) {
    const std::string mname = Join(input, "manifest.tsv");
    Result<std::string> text = ReadRegularFile(manifest_path.string(), opts.max_file_bytes);
    if (!text.ok())
      return Status::IOError(mname + ": cannot read manifest: " + text.status().message());
    Result<std::vector<ManifestRow>> rows = ParseManifest(*text, mname, diags);
    if (!rows.ok()) return rows.status();
    for (ManifestRow& row : *rows) {
      const fs::path p = root / row.file;
      std::error_code ec2;
      const fs::path canon = fs::weakly_canonical(p, ec2);
      if (!ec2) claimed.insert(canon);
      if (row.rejected) {
        ++out->skipped;
        continue;
      }
      const fs::file_status lst = fs::symlink_status(p, ec2);
      if (!fs::exists(lst)) {
        diags->Warn(mname,
                    "file '" + row.file + "' (id " + row.id + ") does not exist; row skipped",
                    row.line);
        ++out->skipped;
        continue;
      }
      const fs::path real = fs::canonical(p, ec2);
      if (ec2) {
        diags->Warn(mname, "file '" + row.file + "': " + ec2.message() + "; row skipped", row.line);
        ++out->skipped;
        continue;
      }
      claimed.insert(real);
      if (!IsInside(real, root_canon) && !opts.follow_symlinks) {
        diags->Warn(mname,
                    "file '" + row.file + "' resolves outside the corpus directory (" +
                        real.string() + "); refused",
                    row.line);
        ++out->skipped;
        continue;
      }
      if (fs::is_directory(real, ec2)) {
        diags->Warn(mname, "file '" + row.file + "' is a directory; row skipped", row.line);
        ++out->skipped;
        continue;
      }
      const fs::file_status rst = fs::status(real, ec2);
      if (!fs::is_regular_file(rst)) {
        diags->Warn(mname,
                    "file '" + row.file + "' is not a regular file (" + TypeOf(rst.type()) +
                        "); row skipped",
                    row.line);
        ++out->skipped;
        continue;
      }
      std::string format = FormatOfPath(row.file);
      if (format.empty()) format = "txt";
      out->files.push_back({Join(input, row.file), row.id, format, row});
    }
  }
  Walker walker(input, root_canon, opts, diags, out, claimed);
  walker.Walk(root, "", 0);
  return Status::Ok();
}

}  // namespace

Result<CollectedInputs> CollectInputs(const std::vector<std::string>& inputs,
                                      const ReadOptions& opts, Diagnostics* diags) {
  CollectedInputs out;
  bool any_exists = false;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      const fs::file_status lst = fs::symlink_status(input, ec);
      diags->Warn(input, fs::exists(lst) ? "dangling or looping symlink, skipped"
                                         : "no such file or directory");
      ++out.skipped;
      continue;
    }
    any_exists = true;
    if (fs::is_directory(st)) {
      DIVERGE_RETURN_IF_ERROR(CollectDirectory(input, opts, diags, &out));
      continue;
    }
    if (!fs::is_regular_file(st)) {
      diags->Warn(input, "not a regular file (" + TypeOf(st.type()) + "); skipped unread");
      ++out.skipped;
      continue;
    }
    std::string format = FormatOfPath(input);
    if (format.empty()) format = "txt";
    const std::string name = fs::path(input).filename().string();
    out.files.push_back({input, StripExtension(name), format, std::nullopt});
  }
  if (!any_exists) {
    std::string list;
    for (const auto& i : inputs) list += (list.empty() ? "" : ", ") + i;
    return Status::NotFound((inputs.empty() ? std::string("no input given") : list) +
                            ": no such file or directory");
  }
  return out;
}

}  // namespace diverge::ingest
