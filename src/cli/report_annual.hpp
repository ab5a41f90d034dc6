// SPDX-License-Identifier: Apache-2.0
#pragma once
// `report --annual` and `report --ko41b`: regulation 18's annual report as a
// document, and the KO41b return's figures as CSV in its own layout.
#include "report_output.hpp"

#include "complaints/render/annual_return.hpp"

#include <cstdio>

namespace complaints::cli {

Document annual_document(const AnnualReport& report);
void print_ko41b_csv(std::FILE* out, const Ko41bReturn& figures);

} // namespace complaints::cli
