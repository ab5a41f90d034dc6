// SPDX-License-Identifier: Apache-2.0
#pragma once
// A name given to a filter (list --agent, agenda --for) that nobody answers
// to is most likely misspelt: the command says so on standard error with the
// nearest name, and still prints, so a script reading the output sees no
// change of shape.
#include <string>
#include <string_view>
#include <vector>

namespace complaints::cli {

// Whether `given` is one of `names`, case and runs of blanks aside.
bool known_name(std::string_view given, const std::vector<std::string>& names);

// "complaints: warning: FLAG: 'GIVEN' WHY (did you mean 'NAME'?)", the
// suggestion the nearest of `names`, if any is near.
void warn_unknown_name(std::string_view flag, std::string_view given, std::string_view why,
                       const std::vector<std::string>& names);

} // namespace complaints::cli
