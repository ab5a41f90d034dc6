# SPDX-License-Identifier: Apache-2.0
# Tests that would hang on a backtracking matcher: ctest stops each at 20 s
# and fails it, so no test times itself. Read by ctest after the discovered
# tests (TEST_INCLUDE_FILES, in tests/CMakeLists.txt).
set_tests_properties(
  [==[nested quantifiers against a 40-letter word: found, or not, at once]==]
  [==[a pattern of nested quantifiers against a 40-letter word finishes]==]
  PROPERTIES TIMEOUT 20)
