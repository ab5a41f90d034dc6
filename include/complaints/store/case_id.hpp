// SPDX-License-Identifier: Apache-2.0
#pragma once
// Case IDs: PREFIX-YEAR-XXXXXX, six characters drawn at random from an
// alphabet with nothing to confuse on the phone (no 0/O, 1/I/L, U/V pairs).
// docs/case-format.md explains the choice.
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

inline constexpr std::string_view k_id_alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
inline constexpr std::size_t k_id_random_length = 6;

std::string make_case_id(std::string_view prefix, int year, std::mt19937_64& random);

// True for PREFIX-YYYY-XXXXXX in the alphabet above: nothing else is ever a
// file name, so `../` and friends cannot reach the file system.
bool is_case_id(std::string_view id);

// Whether `wanted` (in upper case) abbreviates `id`, as matching_ids reads it.
bool abbreviates(std::string_view wanted, std::string_view id);

// The IDs that `query` abbreviates: the whole ID, or its start, or the start of
// what follows the prefix, or of the random part; case does not matter. An
// exact match alone is returned when there is one.
std::vector<std::string> matching_ids(std::string_view query, const std::vector<std::string>& ids);

} // namespace complaints
