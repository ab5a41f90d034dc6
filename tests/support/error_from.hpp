// SPDX-License-Identifier: Apache-2.0
#pragma once
// The complaints::Error a step throws; the test fails when it throws none.
#include "complaints/base/error.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

namespace complaints::testing {

template <class Step> Error error_from(Step step) {
    try {
        step();
    } catch (const Error& e) {
        return e;
    }
    FAIL("no Error was thrown");
    throw std::logic_error("unreachable: FAIL throws");
}

} // namespace complaints::testing
