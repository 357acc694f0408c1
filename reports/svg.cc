#include "reports/svg.h"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "reports/escape.h"

namespace diverge::reports {

namespace {

constexpr int kLabelWidth = 280;
constexpr int kMaxWidth = 1060;  // the report's content column (max-width 1100px, padding)
constexpr int kWideCell = 120;   // up to 6 outlets: names on two lines, cell words
constexpr int kNarrowCell = 26;  // the floor: 30 outlets fit 280 + 30 x 26 = 1060 px
constexpr int kCellHeight = 26;
constexpr int kHeaderHeight = 44;
constexpr int kRotatedHeaderHeight = 120;
constexpr size_t kHeaderChars = 17;  // per line of an outlet name, 2 lines at most
constexpr size_t kRotatedChars = 18;
constexpr int kLegendHeight = 30;

std::string Num(int v) { return std::to_string(v); }

// Splits an outlet name into at most two lines of about kHeaderChars bytes at spaces;
// the rest is cut with an ellipsis (the full name is in the <title> tooltip).
std::vector<std::string> WrapLabel(const std::string& name) {
  std::string text = FoldSpace(name);
  if (text.size() <= kHeaderChars) return {text};
  size_t cut = text.rfind(' ', kHeaderChars);
  if (cut == std::string::npos || cut == 0) return {TruncateUtf8(text, kHeaderChars)};
  return {text.substr(0, cut), TruncateUtf8(text.substr(cut + 1), kHeaderChars)};
}

std::string Text(int x, int y, const std::string& text, const std::string& attrs = "") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\"" + attrs + ">" + HtmlEscape(text) +
         "</text>";
}

}  // namespace

std::string HeatmapSvg(const ReportView& view, size_t rows, const std::vector<size_t>& columns) {
  const std::span<const ClaimView> claims(view.claims().data(),
                                          std::min(rows, view.claims().size()));
  std::vector<std::string> outlets;
  for (size_t o : columns) outlets.push_back(view.outlets().at(o));
  if (claims.empty() || outlets.empty()) return "";
  // The cells shrink with the number of outlets so the matrix fits the page's width up
  // to 30 outlets; narrow cells hold symbols and the outlet names turn upright.
  const int n = static_cast<int>(outlets.size());
  const int cell = std::clamp((kMaxWidth - kLabelWidth) / n, kNarrowCell, kWideCell);
  const bool narrow = cell < 70;
  const int header = narrow ? kRotatedHeaderHeight : kHeaderHeight;
  int width = kLabelWidth + cell * n + 10;
  int height = header + kCellHeight * static_cast<int>(claims.size()) + kLegendHeight + 10;
  std::string out =
      "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
      "aria-label=\"Claim by outlet matrix\" width=\"" +
      Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " +
      Num(height) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  for (size_t o = 0; o < outlets.size(); ++o) {
    int x = kLabelWidth + cell * static_cast<int>(o) + cell / 2;
    out += "<g><title>" + HtmlEscape(outlets[o]) + "</title>";
    if (narrow) {
      int y = header - 6;
      out += Text(x + 4, y, TruncateUtf8(FoldSpace(outlets[o]), kRotatedChars),
                  " transform=\"rotate(-90 " + Num(x + 4) + " " + Num(y) + ")\" font-weight=\"bold\"");
    } else {
      std::vector<std::string> lines = WrapLabel(outlets[o]);
      int y = header - 8 - 14 * static_cast<int>(lines.size() - 1);
      for (const std::string& line : lines) {
        out += Text(x, y, line, " text-anchor=\"middle\" font-weight=\"bold\"");
        y += 14;
      }
    }
    out += "</g>\n";
  }
  for (size_t c = 0; c < claims.size(); ++c) {
    const ClaimView& claim = claims[c];
    int y = header + kCellHeight * static_cast<int>(c);
    out += "<g><title>" + HtmlEscape(claim.number + " " + claim.label) + "</title>" +
           Text(4, y + 17, claim.number + " " + TruncateUtf8(claim.label, 36)) + "</g>\n";
    for (size_t o = 0; o < outlets.size(); ++o) {
      int x = kLabelWidth + cell * static_cast<int>(o);
      Cell state = claim.cells[columns[o]];
      std::string fill = "#eeeeee", opacity = "1", ink = "#777777";
      if (state == Cell::kAsserts) {
        fill = "#1b9e77";
        opacity = "0.45";
        ink = "#0b3d2e";
      } else if (state == Cell::kDiffers) {
        fill = "#d95f02";
        opacity =
            FormatScore(0.35 + 0.65 * std::clamp(claim.cell_scores[columns[o]], 0.0, 1.0));
        ink = "#000000";
      }
      std::string name(CellName(state));
      std::string mark = state == Cell::kSilent ? "·" : narrow ? (state == Cell::kDiffers ? "!" : "✓")
                                                           : name;
      out += "<g><title>" + HtmlEscape(claim.number + " × " + outlets[o] + ": " + name) +
             "</title><rect x=\"" + Num(x + 1) + "\" y=\"" + Num(y + 1) + "\" width=\"" +
             Num(cell - 2) + "\" height=\"" + Num(kCellHeight - 2) + "\" fill=\"" + fill +
             "\" fill-opacity=\"" + opacity + "\"/>" +
             Text(x + cell / 2, y + 17, mark, " text-anchor=\"middle\" fill=\"" + ink + "\"") +
             "</g>\n";
    }
  }
  int ly = header + kCellHeight * static_cast<int>(claims.size()) + 12;
  const char* legend[][3] = {{"#1b9e77", "0.45", "asserts"},
                             {"#d95f02", "0.9", "differs (darker = higher score)"},
                             {"#eeeeee", "1", "silent"}};
  int lx = 4;
  for (const auto& item : legend) {
    out += "<rect x=\"" + Num(lx) + "\" y=\"" + Num(ly) + "\" width=\"14\" height=\"14\" fill=\"" +
           item[0] + "\" fill-opacity=\"" + item[1] + "\"/>" + Text(lx + 20, ly + 12, item[2]) +
           "\n";
    lx += 40 + 7 * static_cast<int>(std::string(item[2]).size());
  }
  out += "</svg>\n";
  return out;
}

std::string KindBarsSvg(const ReportView& view) {
  std::vector<std::pair<std::string, int>> counts;
  int max = 0;
  for (const auto& kc : view.CountByKind()) {
    if (kc.second == 0) continue;
    counts.push_back(kc);
    max = std::max(max, kc.second);
  }
  if (counts.empty()) return "";
  constexpr int kLabel = 100, kBar = 300, kRow = 22;
  int height = kRow * static_cast<int>(counts.size()) + 6;
  int width = kLabel + kBar + 50;
  std::string out =
      "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
      "aria-label=\"Divergences by kind\" width=\"" +
      Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " +
      Num(height) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  for (size_t i = 0; i < counts.size(); ++i) {
    int y = kRow * static_cast<int>(i) + 3;
    int w = std::max(2, kBar * counts[i].second / max);
    out += Text(kLabel - 6, y + 14, counts[i].first, " text-anchor=\"end\"") + "<rect x=\"" +
           Num(kLabel) + "\" y=\"" + Num(y) + "\" width=\"" + Num(w) + "\" height=\"" +
           Num(kRow - 6) + "\" fill=\"#7570b3\"/>" +
           Text(kLabel + w + 6, y + 14, std::to_string(counts[i].second)) + "\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace diverge::reports
