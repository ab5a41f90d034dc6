// SPDX-License-Identifier: Apache-2.0
#pragma once
// The complaints information a patient (or, on the platform, a practice) is
// given: who can complain, how, what happens and when, where to go next and
// what the process does not cover. Built from complaints.yaml and the
// policy, so that every number it gives is the one the clocks run on.
#include "complaints/codec/config.hpp"

#include <string>
#include <vector>

namespace complaints {

// A paragraph, or one item of a bulleted list (consecutive items are one list).
struct LeafletBlock {
    std::string text;
    bool item = false;
};

struct LeafletSection {
    std::string title;
    std::vector<LeafletBlock> blocks;
};

struct Leaflet {
    std::string title;
    std::string introduction;
    std::vector<LeafletSection> sections;
    std::string footer;
};

Leaflet complaints_leaflet(const Config& config);

// Markdown, as a document to print or adapt.
std::string leaflet_markdown(const Leaflet& leaflet);
// A standalone HTML page (print to PDF, or put on the website), every text escaped.
std::string leaflet_html(const Leaflet& leaflet);

} // namespace complaints
