#pragma once
// How a complaint came in, as a sentence says it: "by phone", "in person".
#include "complaints/model.hpp"

#include <string>

namespace complaints::cli {

inline std::string how_received(Channel channel) {
    switch (channel) {
    case Channel::in_person:
        return "in person";
    case Channel::web_form:
        return "through the web form";
    default:
        return "by " + std::string(name_of(channel));
    }
}

} // namespace complaints::cli
