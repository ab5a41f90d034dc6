# SPDX-License-Identifier: Apache-2.0
# `cmake --install build` (with --prefix, and DESTDIR for a staging folder):
# the binary, the example repositories and the docs, in the
# places GNUInstallDirs names. Per-command man pages and shell completions
# are installed by cmake/docs.cmake, which generates them.
include(GNUInstallDirs)
# Folders 0755 whatever the umask of whoever installs (or packages).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS complaints RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The JSON Schemas go with the docs that link to them: scripts on an
# installed system validate against the version they run.
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md"
        PATTERN "*.schema.json")
# The three example repositories, whole (their .gitignore and
# .gitattributes are part of what a repository is).
install(DIRECTORY cases-example/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        PATTERN ".complaints-cache" EXCLUDE
        PATTERN ".complaints.lock" EXCLUDE)
