# SPDX-License-Identifier: Apache-2.0
# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the staged files, before it
# builds the .deb: what Debian policy asks of a package that a plain
# `cmake --install` does not do. Man pages compressed (gzip -9n, no name or
# time stamp, so the package is reproducible), the binary without the
# compilers' .comment section (as dh_strip leaves it), the copyright file
# and a changelog in /usr/share/doc/complaints, and lintian's overrides.
set(root ${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX})
find_program(GZIP gzip REQUIRED)

file(GLOB_RECURSE pages ${root}/${CPACK_COMPLAINTS_MANDIR}/*)
foreach(page IN LISTS pages)
  if(NOT page MATCHES "\\.gz$")
    execute_process(COMMAND ${GZIP} -9nf ${page} COMMAND_ERROR_IS_FATAL ANY)
  endif()
endforeach()

# CPack's strip keeps the compiler versions (.comment); lintian calls the
# section unneeded (binary-has-unneeded-section).
execute_process(COMMAND ${CPACK_OBJCOPY_EXECUTABLE} --remove-section=.comment
                        ${root}/${CPACK_COMPLAINTS_BINDIR}/complaints
                COMMAND_ERROR_IS_FATAL ANY)

set(doc ${root}/${CPACK_COMPLAINTS_DOCDIR})
file(COPY ${CPACK_COMPLAINTS_SOURCE_DIR}/packaging/copyright DESTINATION ${doc})
# Why lintian's warnings about the examples are intended (the file says).
file(MAKE_DIRECTORY ${root}/share/lintian/overrides)
file(COPY_FILE ${CPACK_COMPLAINTS_SOURCE_DIR}/packaging/lintian-overrides
     ${root}/share/lintian/overrides/complaints)

# A native package's changelog: one entry for this version, dated by the
# commit it was built from (or the build, outside git).
set(commit unknown)
string(TIMESTAMP when "%a, %d %b %Y %H:%M:%S +0000" UTC)
find_program(GIT git)
if(GIT)
  execute_process(COMMAND ${GIT} -C ${CPACK_COMPLAINTS_SOURCE_DIR} log -1 --format=%h%n%aD
                  OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND head MATCHES "^([0-9a-f]+)\n(.+)$")
    set(commit ${CMAKE_MATCH_1})
    set(when ${CMAKE_MATCH_2})
  endif()
endif()
file(WRITE ${doc}/changelog
     "complaints (${CPACK_PACKAGE_VERSION}) unstable; urgency=medium\n\n"
     "  * Built from git commit ${commit}.\n\n"
     " -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  ${when}\n")
execute_process(COMMAND ${GZIP} -9nf ${doc}/changelog COMMAND_ERROR_IS_FATAL ANY)
