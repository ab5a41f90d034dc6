# SPDX-License-Identifier: Apache-2.0
# The presets register themselves by their files: every FILE.cpp in
# src/core/policy/presets/ defines `PresetInfo FILE_preset()`, and this
# writes preset_table.cpp, which calls each. The table names every preset's
# function, so the linker keeps each preset's object from the static
# library (a self-registering static object, named by nothing, would be
# dropped). CONFIGURE_DEPENDS: a file added to the folder reconfigures.
file(GLOB COMPLAINTS_PRESET_SOURCES CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/src/core/policy/presets/*.cpp")
list(SORT COMPLAINTS_PRESET_SOURCES)
set(declarations "")
set(calls "")
foreach(source IN LISTS COMPLAINTS_PRESET_SOURCES)
  get_filename_component(stem "${source}" NAME_WE)
  string(MAKE_C_IDENTIFIER "${stem}" identifier)
  if(NOT identifier STREQUAL stem)
    message(FATAL_ERROR "${source}: a preset's file name is its function's: letters, digits and _")
  endif()
  string(APPEND declarations "PresetInfo ${stem}_preset();\n")
  string(APPEND calls "        ${stem}_preset(),\n")
endforeach()
set(COMPLAINTS_PRESET_TABLE "${CMAKE_CURRENT_BINARY_DIR}/generated/preset_table.cpp")
# Written only when the list changes, so a reconfigure rebuilds nothing.
file(CONFIGURE OUTPUT "${COMPLAINTS_PRESET_TABLE}" @ONLY CONTENT
"// SPDX-License-Identifier: Apache-2.0
// Written by cmake/presets.cmake from src/core/policy/presets/: do not edit.
#include \"complaints/policy/policy.hpp\"

namespace complaints::presets {

${declarations}
std::vector<PresetInfo> registered() {
    return {
${calls}    };
}

} // namespace complaints::presets
")
list(APPEND COMPLAINTS_PRESET_SOURCES "${COMPLAINTS_PRESET_TABLE}")
