# SPDX-License-Identifier: Apache-2.0
# What keeps the four builds CI makes (normal, fuzz, ThreadSanitizer,
# AddressSanitizer) within its time: ccache, when it is installed, and
# precompiled headers (complaints_precompile below).
#
# ccache is told to share objects between clones in different folders: paths
# under the source tree are hashed relative to it (base_dir), the build
# folder is not hashed (hash_dir, which -g turns on), and a precompiled
# header is trusted by its content, not its time (sloppiness).
option(COMPLAINTS_CCACHE "compile through ccache when it is installed" ON)
find_program(COMPLAINTS_CCACHE_PROGRAM ccache)
if(COMPLAINTS_CCACHE AND COMPLAINTS_CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}" CCACHE_NOHASHDIR=1
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${COMPLAINTS_CCACHE_PROGRAM})
endif()

# The heavy headers that never change with our code, compiled once a target.
# Every file of the target then sees them included first.
option(COMPLAINTS_PCH "precompile the third-party headers" ON)
function(complaints_precompile target)
  if(COMPLAINTS_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
    # clang records the header's time in the precompiled header, and ccache
    # will not reuse it in a fresh clone, whose files are all new.
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:Clang>:SHELL:-Xclang -fno-pch-timestamp>)
  endif()
endfunction()

# A cold build spends its time instantiating the same templates (CLI11, JSON,
# fmt, doctest) in every file; compiled eight files at a time, each batch
# instantiates them once (a cold core 110 s to 55 s). CI turns it on
# (scripts/test-all); it is off by default because a change to one file then
# recompiles its batch. CMake's own UNITY_BUILD writes absolute paths into
# the batches, so ccache would miss in every fresh clone: these batches
# include their files by paths relative to the build folder.
option(COMPLAINTS_UNITY "compile each target's files in batches of eight" OFF)
function(complaints_unity target)
  if(NOT COMPLAINTS_UNITY)
    return()
  endif()
  get_target_property(sources ${target} SOURCES)
  set(folder "${CMAKE_CURRENT_BINARY_DIR}/unity/${target}")
  set(batch "")
  set(in_batch 0)
  set(number 0)
  foreach(source IN LISTS sources)
    if(NOT source MATCHES "\\.cpp$")
      continue()
    endif()
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" OUTPUT_VARIABLE path)
    cmake_path(RELATIVE_PATH path BASE_DIRECTORY "${folder}" OUTPUT_VARIABLE relative)
    set_source_files_properties(${source} PROPERTIES HEADER_FILE_ONLY ON)
    string(APPEND batch "#include \"${relative}\"\n")
    math(EXPR in_batch "${in_batch} + 1")
    if(in_batch EQUAL 8)
      complaints_unity_batch(${target} "${folder}/batch_${number}.cpp" "${batch}")
      set(batch "")
      set(in_batch 0)
      math(EXPR number "${number} + 1")
    endif()
  endforeach()
  if(in_batch GREATER 0)
    complaints_unity_batch(${target} "${folder}/batch_${number}.cpp" "${batch}")
  endif()
endfunction()
# Written only when its list changes, so a reconfigure rebuilds nothing.
function(complaints_unity_batch target file content)
  file(CONFIGURE OUTPUT "${file}" CONTENT "${content}" @ONLY)
  target_sources(${target} PRIVATE "${file}")
endfunction()
