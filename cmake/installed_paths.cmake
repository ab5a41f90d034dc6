# SPDX-License-Identifier: Apache-2.0
# Run at install time (install(SCRIPT) in cmake/docs.cmake), after the man
# pages are in place, by `cmake --install` and by CPack alike (CPack installs
# with the package's prefix and a DESTDIR). The pages are written in the
# source tree's terms (docs/..., README.md, cases-example/); an installed
# page names the files where this install put them, so a reader of
# complaints(1) can open them. Needs COMPLAINTS_DOCDIR and COMPLAINTS_MANDIR
# (GNUInstallDirs', relative to the prefix unless absolute), set before it.
foreach(dir DOCDIR MANDIR)
  if(IS_ABSOLUTE "${COMPLAINTS_${dir}}")
    set(${dir} "${COMPLAINTS_${dir}}")
  else()
    set(${dir} "${CMAKE_INSTALL_PREFIX}/${COMPLAINTS_${dir}}")
  endif()
endforeach()

file(GLOB pages "$ENV{DESTDIR}${MANDIR}/man1/complaints*.1")
foreach(page IN LISTS pages)
  file(READ "${page}" text)
  set(before "${text}")
  # docs/X where a path starts, in italics or not (never "mydocs/", ".../docs/").
  string(REGEX REPLACE "(\\\\fI|[^A-Za-z0-9_./-])docs/" "\\1${DOCDIR}/" text "${text}")
  string(REPLACE "\\fIREADME.md\\fR" "\\fI${DOCDIR}/README.md\\fR" text "${text}")
  string(REPLACE "\\fIcases-example/" "\\fI${DOCDIR}/examples/" text "${text}")
  if(NOT text STREQUAL before)
    file(WRITE "${page}" "${text}")
  endif()
endforeach()
