#include "analyzer/divergence/temporal.h"

#include <cmath>

#include "analyzer/divergence/lexicon.h"
#include "analyzer/text/dates.h"
#include "analyzer/text/sentences.h"
#include "analyzer/text/tokenizer.h"

namespace diverge::divergence {
namespace {

int Precision(const text::PartialDate& d) { return d.day ? 3 : d.month ? 2 : 1; }

std::string DateOrUnknown(const std::optional<text::PartialDate>& d) {
  return d && d->ok() ? d->ToString() : "undated";
}

// Words of the later side that say a figure was updated ("the toll rose to 1,037").
bool HasUpdateCue(const Side& s) {
  static const char* const kWords[] = {"rose",   "risen",      "climbed", "climbs",   "increased",
                                       "jumped", "reached",    "revised", "updated",  "final",
                                       "latest", "officially", "now",     "climbing", "grew"};
  for (const text::Token& t : s.tokens) {
    for (const char* w : kWords) {
      if (t.lower == w) return true;
    }
  }
  return false;
}

// Words of the earlier side that say its figure was provisional ("with half the vote
// counted", "preliminary results", "so far", "not yet").
bool HasProvisionalCue(const Side& s) {
  static const char* const kWords[] = {"partial",     "preliminary", "early",    "initial",
                                       "unofficial",  "counted",     "expected", "projected",
                                       "provisional", "incomplete",  "yet",      "far"};
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const std::string& w = s.tokens[i].lower;
    if (w == "far" && !(i > 0 && s.tokens[i - 1].lower == "so")) continue;  // "so far"
    for (const char* c : kWords) {
      if (w == c) return true;
    }
  }
  return false;
}

}  // namespace

double DaysBetween(const text::PartialDate& a, const text::PartialDate& b) {
  auto days = [](const text::PartialDate& d) {
    double m = d.month ? d.month : 6.5;
    double dd = d.day ? d.day : 15;
    return d.year * 365.25 + (m - 1) * 30.44 + dd;
  };
  return std::fabs(days(a) - days(b));
}

void ChangeIndex::AddDocument(const std::string& doc, const std::string& text,
                              const std::optional<text::PartialDate>& published) {
  for (auto [b, e] : text::SplitSentences(text)) {
    Sentence s;
    s.doc = doc;
    s.text = text.substr(b, e - b);
    s.tokens = text::Tokenize(s.text);
    s.published = published;
    bool change = false;
    for (const text::Token& t : s.tokens) change |= t.IsWord() && MembershipChange(t.lower) != 0;
    if (!change) continue;
    bool dated = false;
    for (const text::DateMention& d : text::FindDates(s.tokens, published)) {
      dated |= d.role == text::DateRole::kPoint;
    }
    if (dated) sentences_.push_back(std::move(s));
  }
}

void ChangeIndex::Append(ChangeIndex&& other) {
  for (Sentence& s : other.sentences_) sentences_.push_back(std::move(s));
  other.sentences_.clear();
}

std::optional<ChangeEvidence> ChangeIndex::Find(const std::string& item) const {
  std::optional<ChangeEvidence> best;
  std::vector<text::Token> item_tokens = text::Tokenize(item);
  if (item_tokens.empty()) return best;
  for (const Sentence& s : sentences_) {
    // the item's tokens, in order, somewhere in the sentence
    size_t at = s.tokens.size();
    for (size_t i = 0; i + item_tokens.size() <= s.tokens.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < item_tokens.size() && match; ++k) {
        match = s.tokens[i + k].text == item_tokens[k].text;
      }
      if (match) {
        at = i;
        break;
      }
    }
    if (at == s.tokens.size()) continue;
    // the change word nearest to the item
    size_t word = s.tokens.size();
    size_t best_dist = 1000;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      if (!s.tokens[i].IsWord() || MembershipChange(s.tokens[i].lower) == 0) continue;
      size_t dist = i > at ? i - at : at - i;
      // adjectives ("former", "new") only when no verb or noun of change is there
      if (s.tokens[i].lower == "former" || s.tokens[i].lower == "new") dist += 20;
      if (dist < best_dist) {
        best_dist = dist;
        word = i;
      }
    }
    if (word == s.tokens.size() || best_dist > 32) continue;
    for (const text::DateMention& d : text::FindDates(s.tokens, s.published)) {
      if (d.role != text::DateRole::kPoint) continue;
      ChangeEvidence ev;
      ev.doc = s.doc;
      ev.item = item;
      ev.word = s.tokens[word].text;
      ev.date_text = s.text.substr(d.begin, d.end - d.begin);
      ev.date = d.date;
      ev.direction = MembershipChange(s.tokens[word].lower);
      if (!best || Precision(ev.date) > Precision(best->date) ||
          (Precision(ev.date) == Precision(best->date) && ev.doc < best->doc)) {
        best = ev;
      }
    }
  }
  return best;
}

TemporalLabel LabelTemporal(const Finding& f, const Side& a, const Side& b,
                            const ChangeIndex* changes, int same_period_days) {
  TemporalLabel out;
  if (f.nature == TimeNature::kTimeless) {
    out.temporal = report::Temporal::kContradiction;
    out.reason = "a difference in characterisation, not explained by publication dates";
    return out;
  }
  if (f.nature == TimeNature::kHistorical) {
    out.temporal = report::Temporal::kContradiction;
    out.reason = "a dated past fact, which publication dates cannot explain";
    return out;
  }
  bool dated = a.published && a.published->ok() && b.published && b.published->ok();
  if (changes && dated) {
    const text::PartialDate& pa = *a.published;
    const text::PartialDate& pb = *b.published;
    const text::PartialDate& early = text::CompareDates(pa, pb) <= 0 ? pa : pb;
    const text::PartialDate& late = text::CompareDates(pa, pb) <= 0 ? pb : pa;
    for (const std::string& item : f.changed_items) {
      std::optional<ChangeEvidence> ev = changes->Find(item);
      if (!ev) continue;
      std::string says = ev->doc + " dates " + ev->item +
                         (ev->direction < 0 ? "'s leaving (\"" : "'s joining (\"") + ev->word +
                         "\") to " + ev->date.ToString();
      if (ev->date_text != ev->date.ToString()) says += " (\"" + ev->date_text + "\")";
      if (text::CompareDates(ev->date, early) >= 0 && text::CompareDates(ev->date, late) <= 0 &&
          text::CompareDates(early, late) != 0) {
        out.temporal = report::Temporal::kChangeOverTime;
        out.reason = says + ", between the two publication dates";
        return out;
      }
      if (text::CompareDates(ev->date, early) < 0) {
        out.temporal = report::Temporal::kContradiction;
        out.reason = says + ", before both articles";
        return out;
      }
    }
  }
  if (!dated) {
    out.temporal = report::Temporal::kUndetermined;
    out.reason = "a publication date is unknown";
    return out;
  }
  const int order = text::CompareDates(*a.published, *b.published);
  const double days = DaysBetween(*a.published, *b.published);
  const text::PartialDate& pa = *a.published;
  const text::PartialDate& pb = *b.published;
  // One date inside the other's period ("2023-05" and "2023-05-15"): the same time.
  const bool overlapping = pa.year == pb.year && (!pa.month || !pb.month || pa.month == pb.month) &&
                           (!pa.day || !pb.day || pa.day == pb.day);
  if (order == 0 || overlapping || days < 1) {
    out.temporal = report::Temporal::kContradiction;
    out.reason = "published on the same day or in overlapping periods (" +
                 DateOrUnknown(a.published) + ", " + DateOrUnknown(b.published) + ")";
    return out;
  }
  const Side& early = order < 0 ? a : b;
  const Side& late = order < 0 ? b : a;
  const std::string span = early.published->ToString() + " to " + late.published->ToString();
  const double early_value = order < 0 ? f.a_value : f.b_value;
  const double late_value = order < 0 ? f.b_value : f.a_value;
  if (f.kind == report::DivergenceKind::kOmission) {
    out.temporal = report::Temporal::kChangeOverTime;
    out.reason = "a figure missing on " + early.published->ToString() + " was given on " +
                 late.published->ToString();
  } else if (f.running_count && late_value > early_value) {
    out.temporal = report::Temporal::kChangeOverTime;
    out.reason =
        "a running count (casualties, arrests) rose between the two publications (" + span + ")";
  } else if (HasUpdateCue(late) || HasProvisionalCue(early)) {
    out.temporal = report::Temporal::kChangeOverTime;
    out.reason = "the earlier report was provisional or the later one updates it (" + span + ")";
  } else if (days > same_period_days) {
    out.temporal = report::Temporal::kChangeOverTime;
    out.reason = "published more than " + std::to_string(same_period_days) + " days apart (" +
                 span + "): the figure may have changed";
  } else {
    out.temporal = report::Temporal::kContradiction;
    out.reason = "both published within " + std::to_string(same_period_days) +
                 " days, with no sign that either figure was provisional or updated";
  }
  return out;
}

}  // namespace diverge::divergence
