# SPDX-License-Identifier: GPL-3.0-or-later
# Debian package: `cmake --build <dir> --target package` (or `cpack -G DEB` in the build folder).

install(FILES "${CMAKE_CURRENT_LIST_DIR}/wirebench-cli.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
    RENAME wirebench-cli.1)
# Debian wants the man page compressed; gzip it at install time.
install(CODE "execute_process(COMMAND gzip -9nf \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_MANDIR}/man1/wirebench-cli.1\")")
configure_file("${CMAKE_CURRENT_LIST_DIR}/copyright.in" "${CMAKE_BINARY_DIR}/copyright" COPYONLY)
install(FILES "${CMAKE_BINARY_DIR}/copyright" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/wirebench")

set(CPACK_PACKAGE_NAME "wirebench")
set(CPACK_PACKAGE_VENDOR "The Wirebench developers")
set(CPACK_PACKAGE_CONTACT "Wirebench developers <maintainers@wirebench.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Workbench for multi-tenant SaaS integrations
 Wirebench onboards tenants with OAuth in the system browser, receives and
 verifies webhooks, re-delivers payloads byte for byte, and delivers outgoing
 events with retries and rate limits. wirebench-cli runs the same core
 headless.")
# Shared-library dependencies come from dpkg-shlibdeps; Qt plugins are loaded at run time and
# invisible to it, so the SQL drivers, SVG icon engine and xcb platform are listed here; schedules
# read the IANA zone database through QTimeZone (tzdata).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, qt6-qpa-plugins, tzdata")
# Provider logos come from the Fork Awesome icon font when it is installed (monograms otherwise).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-fork-awesome")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libqt6sql6-psql, gnome-keyring | kwalletmanager")

include(CPack)
