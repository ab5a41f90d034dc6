// SPDX-License-Identifier: Apache-2.0
#include "patient_data_scan.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace complaints::detail {

namespace {

// The text one character per code point, so the scanners below work on
// plain ASCII: letters lower-cased, full-width digits and letters made ASCII,
// the spaces people paste (no-break, narrow no-break, thin, figure) made ' ',
// dashes and hyphens '-', anything else outside ASCII '\x01'. `at[i]` is the
// byte offset in the original of folded character i (and at[size] its end).
struct Folded {
    std::string s;
    std::vector<std::size_t> at;
    std::string_view original;
};

char32_t decode(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (lead < 0x80 || extra == 0 || i + extra >= text.size()) {
        ++i; // ASCII, or a byte that starts nothing: not a character we fold
        return lead < 0x80 ? lead : 0xFFFD;
    }
    char32_t cp = lead & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += extra + 1;
    return cp;
}

char fold(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return static_cast<char>('0' + (cp - 0xFF10));
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return static_cast<char>('a' + (cp - 0xFF21));
    if (cp >= 0xFF41 && cp <= 0xFF5A)
        return static_cast<char>('a' + (cp - 0xFF41));
    if (cp == 0x00A0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000)
        return ' ';
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFF0D)
        return '-';
    if (cp == 0xFF0E)
        return '.';
    if (cp == 0xFF0F)
        return '/';
    return '\x01';
}

Folded folded(std::string_view text) {
    Folded f{{}, {}, text};
    f.s.reserve(text.size());
    f.at.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size();) {
        f.at.push_back(i);
        f.s.push_back(fold(decode(text, i)));
    }
    f.at.push_back(text.size());
    return f;
}

bool digit(char c) {
    return c >= '0' && c <= '9';
}
bool alpha(char c) {
    return c >= 'a' && c <= 'z';
}
bool alnum(char c) {
    return digit(c) || alpha(c);
}
// What people put between the groups of a number.
bool separator(char c) {
    return c == ' ' || c == '.' || c == '/' || c == '-' || c == '\t';
}

PatientData span(const Folded& f, std::size_t from, std::size_t to, std::string what,
                 bool refused = true) {
    return PatientData{f.at[from], f.at[to] - f.at[from], std::move(what), refused};
}

// ---- NHS numbers ---------------------------------------------------------

struct Group {
    std::size_t from, to; // folded indices, digits only
};

// The digit groups of the number starting at `i`: groups joined by up to
// three separator characters ("943 476 5919", "943.476.5919", "943 / 476").
std::vector<Group> number_run(const std::string& s, std::size_t i) {
    std::vector<Group> groups;
    while (true) {
        std::size_t j = i;
        while (j < s.size() && digit(s[j]))
            ++j;
        groups.push_back({i, j});
        std::size_t k = j;
        while (k < s.size() && k - j < 3 && separator(s[k]))
            ++k;
        if (k == j || k >= s.size() || !digit(s[k]))
            return groups;
        i = k;
    }
}

bool nhs_shape(const std::vector<Group>& groups) {
    const auto size = [&](std::size_t g) { return groups[g].to - groups[g].from; };
    if (groups.size() == 1)
        return size(0) == 10;
    return groups.size() == 3 && size(0) == 3 && size(1) == 3 && size(2) == 4;
}

// Ten digits at group boundaries with a valid check digit are refused,
// whatever separates them. A run of exactly ten digits shaped like one
// (3-3-4 or unbroken) whose check digit is wrong is only a warning: it may
// be a phone number without its leading 0, or a reference. A run after '+'
// is an international phone number.
// A case ID's year and suffix at `i` (LAN-2026-396973): the prefix's
// letters and a hyphen before, four digits, a hyphen, six letters or digits.
bool case_id_at(const std::string& s, std::size_t i) {
    if (i < 2 || s[i - 1] != '-' || !alpha(s[i - 2]) || i + 11 > s.size() || s[i + 4] != '-')
        return false;
    for (std::size_t k = 0; k < 11; ++k)
        if (k != 4 && !(k < 4 ? digit(s[i + k]) : alnum(s[i + k])))
            return false;
    return i + 11 == s.size() || !alnum(s[i + 11]);
}

void nhs_numbers(const Folded& f, std::vector<PatientData>& found) {
    const std::string& s = f.s;
    for (std::size_t i = 0; i < s.size();) {
        if (!digit(s[i])) {
            ++i;
            continue;
        }
        if (case_id_at(s, i)) {
            i += 11;
            continue;
        }
        const auto groups = number_run(s, i);
        const std::size_t end = groups.back().to;
        if (i > 0 && s[i - 1] == '+') {
            i = end;
            continue;
        }
        bool any = false;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            std::string digits;
            std::size_t h = g;
            for (; h < groups.size() && digits.size() < 10; ++h)
                digits.append(s, groups[h].from, groups[h].to - groups[h].from);
            if (digits.size() == 10 && valid_nhs_number(digits)) {
                found.push_back(span(f, groups[g].from, groups[h - 1].to, "an NHS number"));
                any = true;
                g = h - 1;
            }
        }
        if (!any && nhs_shape(groups))
            found.push_back(span(
                f, i, end, "a number shaped like an NHS number (its check digit is wrong)", false));
        i = end;
    }
}

// ---- labels --------------------------------------------------------------

// The end of `label` at `i` ("date of birth"): a space in the label matches
// any run of spaces, and the label must start and end at a word's edge.
std::optional<std::size_t> label_at(const std::string& s, std::size_t i, std::string_view label) {
    if (i > 0 && alnum(s[i - 1]))
        return std::nullopt;
    std::size_t j = i;
    for (const char c : label) {
        if (c == ' ') {
            if (j >= s.size() || (s[j] != ' ' && s[j] != '-'))
                return std::nullopt;
            while (j < s.size() && (s[j] == ' ' || s[j] == '-'))
                ++j;
        } else if (j < s.size() && s[j] == c) {
            ++j;
        } else {
            return std::nullopt;
        }
    }
    if (j < s.size() && alpha(s[j]) && alpha(s[j - 1]))
        return std::nullopt;
    return j;
}

struct Label {
    std::size_t from, to;
};

template <std::size_t N>
std::vector<Label> labels(const std::string& s, const std::array<std::string_view, N>& names) {
    std::vector<Label> found;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!alpha(s[i]) || (i > 0 && alnum(s[i - 1])))
            continue;
        for (const auto name : names)
            if (name[0] == s[i])
                if (const auto end = label_at(s, i, name)) {
                    found.push_back({i, *end});
                    i = *end - 1;
                    break;
                }
    }
    return found;
}

// ---- dates of birth ------------------------------------------------------

std::size_t digits_at(const std::string& s, std::size_t i, std::size_t most) {
    std::size_t n = 0;
    while (i + n < s.size() && n < most && digit(s[i + n]))
        ++n;
    return (i + n < s.size() && digit(s[i + n])) ? 0 : n; // too long: not this
}

// The end of a month's name or abbreviation at `i` ("march", "mar", "sept.").
std::optional<std::size_t> month_at(const std::string& s, std::size_t i) {
    static constexpr std::array<std::string_view, 12> months{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    std::size_t j = i;
    while (j < s.size() && alpha(s[j]))
        ++j;
    const std::string_view word(s.data() + i, j - i);
    if (word.size() < 3)
        return std::nullopt;
    for (const auto month : months)
        if (word == month || word == month.substr(0, 3) || (word == "sept" && month[0] == 's'))
            return (j < s.size() && s[j] == '.') ? j + 1 : j;
    return std::nullopt;
}

std::size_t skip(const std::string& s, std::size_t i, std::string_view chars) {
    while (i < s.size() && chars.find(s[i]) != std::string_view::npos)
        ++i;
    return i;
}

std::size_t ordinal(const std::string& s, std::size_t i) {
    for (const std::string_view suffix : {"st", "nd", "rd", "th"})
        if (s.compare(i, 2, suffix) == 0 && (i + 2 >= s.size() || !alpha(s[i + 2])))
            return i + 2;
    return i;
}

// The end of a date starting at `i`: 12/03/1961, 12.3.61, 1961-03-12,
// 12 March 1961, 12th of Mar, 1961, March 12, 1961.
std::optional<std::size_t> date_at(const std::string& s, std::size_t i) {
    if (i > 0 && alnum(s[i - 1]))
        return std::nullopt;
    if (const std::size_t year = digits_at(s, i, 4); year == 4) {
        const char sep = i + 4 < s.size() ? s[i + 4] : '\0';
        if (sep == '-' || sep == '/' || sep == '.') {
            const std::size_t m = digits_at(s, i + 5, 2);
            if (m && i + 5 + m < s.size() && s[i + 5 + m] == sep) {
                const std::size_t d = digits_at(s, i + 6 + m, 2);
                if (d)
                    return i + 6 + m + d;
            }
        }
        return std::nullopt;
    }
    const std::size_t day = digits_at(s, i, 2);
    if (day) {
        const std::size_t j = i + day;
        if (j < s.size() && (s[j] == '/' || s[j] == '.' || s[j] == '-' || s[j] == ' ')) {
            const char sep = s[j];
            const std::size_t m = digits_at(s, j + 1, 2);
            if (m && j + 1 + m < s.size() && s[j + 1 + m] == sep) {
                const std::size_t y = digits_at(s, j + 2 + m, 4);
                if (y == 2 || y == 4)
                    return j + 2 + m + y;
            }
        }
        std::size_t k = skip(s, ordinal(s, j), " -");
        if (s.compare(k, 3, "of ") == 0)
            k = skip(s, k + 3, " ");
        if (const auto month = month_at(s, k)) {
            const std::size_t at = skip(s, *month, " -,");
            const std::size_t y = digits_at(s, at, 4);
            if (y == 2 || y == 4)
                return at + y;
        }
        return std::nullopt;
    }
    if (const auto month = month_at(s, i)) {
        const std::size_t at = skip(s, *month, " ");
        const std::size_t d = digits_at(s, at, 2);
        if (!d)
            return std::nullopt;
        const std::size_t after = skip(s, ordinal(s, at + d), " ,");
        const std::size_t y = digits_at(s, after, 4);
        if (y == 4)
            return after + y;
    }
    return std::nullopt;
}

// A date after a date-of-birth label, in the same sentence and within this
// many characters ("DOB: 12/03/1961", "born on the 12th of March, 1961"),
// or just before it ("12/03/1961 (date of birth)"), is taken as the date
// of birth. "Seen 12/03/2026 by Dr Keane, born 1961" is not.
constexpr std::size_t k_after = 25;
constexpr std::size_t k_before = 3;

bool ends_sentence(const std::string& s, std::size_t i) {
    return s[i] == ';' || s[i] == '!' || s[i] == '?' || s[i] == '\n' ||
           (s[i] == '.' && i + 1 < s.size() && s[i + 1] == ' ');
}

void dates_of_birth(const Folded& f, std::vector<PatientData>& found) {
    static constexpr std::array<std::string_view, 8> names{
        "date of birth", "dob", "d.o.b.", "d.o.b", "d/o/b", "born", "birth date", "birthdate"};
    const std::string& s = f.s;
    for (const auto& label : labels(s, names)) {
        std::optional<PatientData> hit;
        for (std::size_t p = label.to; !hit && p < std::min(s.size(), label.to + k_after); ++p) {
            if (ends_sentence(s, p))
                break;
            if (const auto end = date_at(s, p))
                hit = span(f, label.from, *end, "a date of birth");
        }
        // The longest date ("12th of September, 1961") is under 30 characters.
        for (std::size_t p = label.from > 30 ? label.from - 30 : 0; !hit && p < label.from; ++p)
            if (const auto end = date_at(s, p); end && *end <= label.from &&
                                                label.from - *end <= k_before &&
                                                skip(s, *end, " (,:-[") >= label.from)
                hit = span(f, p, label.to, "a date of birth");
        if (hit)
            found.push_back(*hit);
    }
}

// ---- postcodes -----------------------------------------------------------

// The postcode areas of the UK and the Crown dependencies (and GIR 0AA): only these
// start a postcode, so "AB1 2CD" is one and "XY1 2CD" is not.
bool postcode_area(std::string_view letters) {
    static constexpr std::string_view areas[]{
        "ab", "al", "b",  "ba", "bb", "bd", "bf", "bh", "bl", "bn", "br", "bs", "bt", "ca",
        "cb", "cf", "ch", "cm", "co", "cr", "ct", "cv", "cw", "da", "dd", "de", "dg", "dh",
        "dl", "dn", "dt", "dy", "e",  "ec", "eh", "en", "ex", "fk", "fy", "g",  "gl", "gu",
        "gy", "ha", "hd", "hg", "hp", "hr", "hs", "hu", "hx", "ig", "im", "ip", "iv", "je",
        "ka", "kt", "kw", "ky", "l",  "la", "ld", "le", "ll", "ln", "ls", "lu", "m",  "me",
        "mk", "ml", "n",  "ne", "ng", "nn", "np", "nr", "nw", "ol", "ox", "pa", "pe", "ph",
        "pl", "po", "pr", "rg", "rh", "rm", "s",  "sa", "se", "sg", "sk", "sl", "sm", "sn",
        "so", "sp", "sr", "ss", "st", "sw", "sy", "ta", "td", "tf", "tn", "tq", "tr", "ts",
        "tw", "ub", "w",  "wa", "wc", "wd", "wf", "wn", "wr", "ws", "wv", "yo", "ze", "gir"};
    return std::find(std::begin(areas), std::end(areas), letters) != std::end(areas);
}

// The letters an inward code ends with: never C, I, K, M, O or V.
bool inward_letter(char c) {
    return alpha(c) && std::string_view("cikmov").find(c) == std::string_view::npos;
}

// "3rd", "4th" written in lower case after a room or road number ("B12 3rd
// floor") are ordinals, not the end of a postcode.
bool lower_case_ordinal(const Folded& f, std::size_t inward) {
    const std::string_view tail = f.original.substr(f.at[inward + 1], 2);
    return tail == "st" || tail == "nd" || tail == "rd" || tail == "th";
}

// The end of a postcode's inward code ("1AA") at `i`, after up to three spaces.
std::optional<std::size_t> inward_at(const Folded& f, std::size_t i) {
    const std::string& s = f.s;
    std::size_t j = i;
    while (j < s.size() && j - i < 3 && s[j] == ' ')
        ++j;
    if (j + 3 > s.size() || !digit(s[j]) || !inward_letter(s[j + 1]) || !inward_letter(s[j + 2]))
        return std::nullopt;
    if ((j + 3 < s.size() && alnum(s[j + 3])) || lower_case_ordinal(f, j))
        return std::nullopt;
    return j + 3;
}

void postcodes(const Folded& f, std::vector<PatientData>& found) {
    const std::string& s = f.s;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Joined by a hyphen, it is part of a reference: a case ID such as
        // LAN-2026-EN58JJ ends in six random letters and digits.
        if (!alpha(s[i]) || (i > 0 && (alnum(s[i - 1]) || s[i - 1] == '-')))
            continue;
        std::size_t letters = 0;
        while (i + letters < s.size() && letters < 3 && alpha(s[i + letters]))
            ++letters;
        if (!postcode_area(std::string_view(s.data() + i, letters)))
            continue;
        const std::size_t d = i + letters;
        std::optional<std::size_t> end;
        if (letters == 3) // GIR 0AA, the one postcode without a district number
            end = inward_at(f, d);
        // The district: one digit, two, or a digit and a letter (SW1A, W1J).
        for (const std::size_t district : {2, 1}) {
            if (end || letters == 3 || d + district > s.size() || !digit(s[d]))
                continue;
            if (district == 2 && !alnum(s[d + 1]))
                continue;
            end = inward_at(f, d + district);
        }
        if (end) {
            found.push_back(span(f, i, *end, "a postcode"));
            i = *end - 1;
        }
    }
}

// ---- hospital and patient numbers by their label -------------------------

// The end of the identifier after a label (": RX1234567", "is 943 476 5918"):
// letters, digits and single separators before a digit ("P-00123", "943
// 476 5918"), with three digits at least.
std::optional<std::size_t> identifier_after(const std::string& s, std::size_t i) {
    i = skip(s, i, " .:#=-");
    if (s.compare(i, 3, "is ") == 0 || s.compare(i, 4, "was ") == 0)
        i = skip(s, i + 3, " :");
    if (i >= s.size() || !alnum(s[i]))
        return std::nullopt;
    std::size_t j = i;
    std::size_t digits = 0;
    while (j < s.size()) {
        if (alnum(s[j])) {
            digits += digit(s[j]);
            ++j;
        } else if (separator(s[j]) && j + 1 < s.size() && digit(s[j + 1])) {
            ++j;
        } else {
            break;
        }
    }
    return digits >= 3 ? std::optional(j) : std::nullopt;
}

void labelled_numbers(const Folded& f, std::vector<PatientData>& found) {
    static constexpr std::array<std::string_view, 17> names{
        "mrn",         "hospital number", "hospital no", "hospital id",    "hosp no",
        "hosp. no",    "hosp num",        "patient id",  "patient number", "patient no",
        "patient ref", "unit number",     "nhs number",  "nhs no",         "nhs num",
        "chi number",  "case note number"};
    const std::string& s = f.s;
    for (const auto& label : labels(s, names))
        if (const auto end = identifier_after(s, label.to))
            found.push_back(span(f, label.from, *end, "a hospital or patient number"));
}

// Which of two overlapping spans to report: a valid NHS number, then any
// other refusal, then a warning.
int rank(const PatientData& hit) {
    return !hit.refused ? 0 : hit.what == "an NHS number" ? 2 : 1;
}

bool may_hold_numbers(std::string_view text) {
    // Every detector needs a digit: ASCII, or full width (EF BC 90-99).
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return digit(c) || static_cast<unsigned char>(c) == 0xEF; });
}

} // namespace

std::vector<PatientData> scan_patient_data(std::string_view text) {
    std::vector<PatientData> found;
    if (!may_hold_numbers(text))
        return found;
    const Folded f = folded(text);
    nhs_numbers(f, found);
    labelled_numbers(f, found);
    dates_of_birth(f, found);
    postcodes(f, found);
    // By offset; of spans that overlap, the one that says most is kept
    // ("NHS no. 9434765919" is an NHS number before it is a labelled one).
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.offset < b.offset; });
    std::vector<PatientData> kept;
    for (auto& hit : found) {
        if (!kept.empty() && hit.offset < kept.back().offset + kept.back().length) {
            if (rank(hit) > rank(kept.back()))
                kept.back() = std::move(hit);
            continue;
        }
        kept.push_back(std::move(hit));
    }
    return kept;
}

} // namespace complaints::detail
