// SPDX-License-Identifier: Apache-2.0
#pragma once
// What `show` and the served case page add after a clock whose date was
// agreed with the complainant, or set by the organisation when they
// declined to discuss it: the two are not the same promise.
#include "complaints/workflow/answer_date.hpp"

#include <string>

namespace complaints::cli {

inline std::string answer_date_note(const Case& c, const Clock& clock) {
    switch (answer_date_of(c, clock)) {
    case AnswerDate::agreed:
        return " (agreed)";
    case AnswerDate::set:
        return " (set by us)";
    case AnswerDate::policy:
        break;
    }
    return "";
}

} // namespace complaints::cli
