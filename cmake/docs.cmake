# SPDX-License-Identifier: Apache-2.0
# Man pages and shell completions, written by the binary from its own
# command table (complaints __man, complaints __completion), so they list
# exactly the commands and options --help does. A command added to the
# table gets its page with no change here: the list of pages comes from the
# binary after it is built.
include(GNUInstallDirs)

set(COMPLAINTS_MAN_DIR ${PROJECT_BINARY_DIR}/man)
set(COMPLAINTS_COMPLETIONS_DIR ${PROJECT_BINARY_DIR}/completions)

file(GLOB COMPLAINTS_MAN_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/man/commands/*.roff)

add_custom_command(
  OUTPUT ${COMPLAINTS_MAN_DIR}/complaints.1
         ${COMPLAINTS_COMPLETIONS_DIR}/complaints.bash
         ${COMPLAINTS_COMPLETIONS_DIR}/_complaints
         ${COMPLAINTS_COMPLETIONS_DIR}/complaints.fish
  COMMAND ${CMAKE_COMMAND}
          -D COMPLAINTS=$<TARGET_FILE:complaints>
          -D SOURCE=${PROJECT_SOURCE_DIR}/man
          -D MAN_DIR=${COMPLAINTS_MAN_DIR}
          -D COMPLETIONS_DIR=${COMPLAINTS_COMPLETIONS_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS complaints
          ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
          ${PROJECT_SOURCE_DIR}/man/complaints.1
          ${COMPLAINTS_MAN_SOURCES}
  COMMENT "Writing the man pages and shell completions"
  VERBATIM)
add_custom_target(docs ALL
  DEPENDS ${COMPLAINTS_MAN_DIR}/complaints.1
          ${COMPLAINTS_COMPLETIONS_DIR}/complaints.bash
          ${COMPLAINTS_COMPLETIONS_DIR}/_complaints
          ${COMPLAINTS_COMPLETIONS_DIR}/complaints.fish)

# Every page the build wrote: complaints.1 and one complaints-CMD.1 a command.
install(DIRECTORY ${COMPLAINTS_MAN_DIR}/
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1")
install(FILES ${COMPLAINTS_COMPLETIONS_DIR}/complaints.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME complaints)
install(FILES ${COMPLAINTS_COMPLETIONS_DIR}/_complaints
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${COMPLAINTS_COMPLETIONS_DIR}/complaints.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# The pages name docs/... as the source tree has them; installed, the files
# they name are under the doc folder (cmake/installed_paths.cmake).
install(CODE "set(COMPLAINTS_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
set(COMPLAINTS_MANDIR \"${CMAKE_INSTALL_MANDIR}\")")
install(SCRIPT ${PROJECT_SOURCE_DIR}/cmake/installed_paths.cmake)
