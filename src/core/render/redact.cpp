// SPDX-License-Identifier: Apache-2.0
// Names withheld from documents that leave the organisation: the names the
// case records, in the forms people write them in free text.
#include "complaints/render/report.hpp"

#include "complaints/render/person_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace complaints {

namespace {

// Letters, digits, and anything not ASCII (accented letters) continue a word.
bool in_word(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) || c == '-' || c == '\'';
}

// A name ends where no word goes on, or where a possessive follows it
// ("Mr Example's", "Mr Example’s"): an apostrophe inside a name (O'Brien)
// goes on.
bool ends_name(std::string_view text, std::size_t end) {
    if (end == text.size() || !in_word(text[end]))
        return true;
    for (std::string_view possessive : {"'s", "\u2019s"})
        if (text.substr(end, possessive.size()) == possessive)
            return end + possessive.size() == text.size() ||
                   !in_word(text[end + possessive.size()]);
    return false;
}

// Replaces `name` where it stands as whole words.
void replace_words(std::string& text, std::string_view name, std::string_view word) {
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at)) {
        const std::size_t end = at + name.size();
        const bool whole = (at == 0 || !in_word(text[at - 1])) && ends_name(text, end);
        if (!whole) {
            ++at;
            continue;
        }
        text.replace(at, name.size(), word);
        at += word.size();
    }
}

// How surely a form names its person: the name as recorded, then the title
// the record gives them with the surname, then any other title with it.
enum class Sureness { recorded, own_title, other_title };

struct Form {
    std::string text;
    std::string_view word;
    Sureness sureness = Sureness::recorded;
};

// The forms a name takes in a letter or a note: whole, without its title,
// the surname after any title. The surname alone comes last, apart.
void add_forms(std::vector<Form>& forms, std::vector<Form>& surnames, const std::string& name,
               std::string_view word) {
    auto words = name_words(name);
    if (words.empty())
        return;
    forms.push_back({name, word});
    std::vector<std::string> own_titles;
    while (!words.empty() && is_title(words.front())) {
        own_titles.push_back(words.front());
        words.erase(words.begin());
    }
    if (words.empty())
        return;
    std::string bare;
    for (const auto& part : words)
        bare += (bare.empty() ? "" : " ") + part;
    forms.push_back({bare, word});
    const std::string& surname = words.back();
    for (std::string_view title : k_titles) {
        const bool own = std::find(own_titles.begin(), own_titles.end(), title) != own_titles.end();
        const Sureness sureness = own ? Sureness::own_title : Sureness::other_title;
        forms.push_back({std::string(title) + " " + surname, word, sureness});
        forms.push_back({std::string(title) + ". " + surname, word, sureness});
    }
    if (surname.size() >= 2)
        surnames.push_back({surname, word});
}

// Where the complainant's and the patient's forms read alike ("Mr Example"
// when Mrs Jane Example complains for Tom Example), the surer one says whose
// it is; equally sure, it says no more than that a name was there. Without
// this, the complainant's forms, listed first, labelled the patient.
void settle_shared(std::vector<Form>& forms) {
    for (auto& form : forms)
        for (const auto& other : forms)
            if (&form != &other && form.text == other.text && form.word != other.word &&
                form.sureness >= other.sureness)
                form.word = form.sureness == other.sureness ? "[name]" : other.word;
}

void replace_all(std::string& text, std::vector<Form> forms) {
    settle_shared(forms);
    std::stable_sort(forms.begin(), forms.end(),
                     [](const Form& a, const Form& b) { return a.text.size() > b.text.size(); });
    for (const auto& form : forms)
        replace_words(text, form.text, form.word);
}

} // namespace

std::string without_names(const Case& c, std::string text) {
    std::vector<Form> forms;
    std::vector<Form> surnames;
    add_forms(forms, surnames, c.complainant, "[complainant]");
    add_forms(forms, surnames, c.on_behalf_of, "[patient]");
    replace_all(text, std::move(forms));
    // A surname the complainant and the patient share says no more than
    // that a name was there.
    if (surnames.size() == 2 && surnames[0].text == surnames[1].text)
        surnames = {{surnames[0].text, "[name]"}};
    replace_all(text, std::move(surnames));
    return text;
}

} // namespace complaints
