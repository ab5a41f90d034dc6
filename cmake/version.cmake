# SPDX-License-Identifier: Apache-2.0
# The version `complaints --version` prints: the project's version and the
# git commit the build came from. The commit is read at every build (not
# only at configure time) by a target that rewrites a one-line source file
# when the commit changed, and leaves it untouched otherwise: a new commit
# recompiles that file and relinks, nothing else.
set(COMPLAINTS_VERSION_SOURCE ${CMAKE_BINARY_DIR}/generated/version.cpp)
add_custom_target(complaints_version
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DVERSION=${PROJECT_VERSION}
          -DOUTPUT=${COMPLAINTS_VERSION_SOURCE}
          -P ${PROJECT_SOURCE_DIR}/cmake/write_version.cmake
  BYPRODUCTS ${COMPLAINTS_VERSION_SOURCE}
  COMMENT "Reading the git commit for --version"
  VERBATIM)
target_sources(complaints PRIVATE ${COMPLAINTS_VERSION_SOURCE})
target_include_directories(complaints PRIVATE ${PROJECT_SOURCE_DIR}/src/cli)
add_dependencies(complaints complaints_version)
