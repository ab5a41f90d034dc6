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
