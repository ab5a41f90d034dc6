#pragma once
// complaints.yaml: who the organisation is and which policy it runs.
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "complaints/calendar.hpp"
#include "complaints/model.hpp"

namespace complaints {

enum class Preset { clinic, platform };

template <> struct EnumNames<Preset> {
    static constexpr std::string_view what = "preset";
    static constexpr std::array<std::pair<Preset, std::string_view>, 2> names{
        {{Preset::clinic, "clinic"}, {Preset::platform, "platform"}}};
};
struct Config {
    std::string organisation;
    Preset preset = Preset::clinic;
    std::string prefix;
    Region region = Region::england_and_wales;
    std::string timezone = "Europe/London";
    std::string author; // who writes when neither --by nor the user's name says
};

// Throws a usage error unless the prefix is 2-6 capital letters or digits,
// starting with a letter.
void check_prefix(std::string_view prefix);

Config read_config(std::string_view text, const std::string& file);
std::string write_config(const Config& config);

} // namespace complaints
