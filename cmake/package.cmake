# SPDX-License-Identifier: Apache-2.0
# `cpack -G DEB` in the build folder (or `cmake --build build --target
# package`): complaints_<version>_amd64.deb, installing under /usr what
# cmake/install.cmake installs, shaped as Debian policy wants it by
# packaging/deb-layout.cmake (man pages and changelog compressed, the
# copyright file in /usr/share/doc/complaints). scripts/test-all builds it,
# runs lintian on it and runs the binary it holds.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME complaints)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "complaints maintainers")
# Apache-2.0: the licence text, and Debian's machine-readable copyright
# file (packaging/copyright) that names it.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "healthcare complaints process on YAML files in git")
set(CPACK_PACKAGE_DESCRIPTION
    "complaints runs a healthcare organisation's complaints process on plain
YAML files, one per case, in a git repository: it opens cases, logs every
contact, computes each deadline from the policy and the working-day
calendar, drafts letters and writes the monthly governance report.
Presets for a CQC-registered clinic, a locum booking platform and the NHS
Complaints Regulations 2009.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER
    "complaints maintainers <maintainers@users.noreply.r-seed-05eef0da.example>"
    CACHE STRING "the Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries the binary links, as dpkg-shlibdeps finds them, and the two
# programs it runs or reads at run time: git (history, merge driver) and
# the time-zone database.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "git, tzdata")
# The control files 0644 whatever the builder's umask (install.cmake sets
# the folders').
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/deb-layout.cmake)
# Read by packaging/deb-layout.cmake (CPack passes on CPACK_* variables).
set(CPACK_COMPLAINTS_SOURCE_DIR ${PROJECT_SOURCE_DIR})
set(CPACK_COMPLAINTS_DOCDIR ${CMAKE_INSTALL_DOCDIR})
set(CPACK_COMPLAINTS_MANDIR ${CMAKE_INSTALL_MANDIR})
set(CPACK_COMPLAINTS_BINDIR ${CMAKE_INSTALL_BINDIR})
include(CPack)
