# The Debian package (`cpack -G DEB` in a build folder): /usr/bin/lotse, the built-in templates
# and catalogs in /usr/share/lotse (found relative to the program, see common/data_dir.cpp) and
# the manual page. tests/package/run.sh builds and checks it.

# The manual page, with the version filled in, compressed as Debian installs manual pages.
configure_file(${CMAKE_CURRENT_LIST_DIR}/lotse.1 ${CMAKE_CURRENT_BINARY_DIR}/lotse.1 @ONLY)
execute_process(COMMAND gzip -9nf ${CMAKE_CURRENT_BINARY_DIR}/lotse.1 COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/lotse.1.gz DESTINATION share/man/man1)

set(LOTSE_PACKAGE_MAINTAINER "Lotse maintainers <lotse@example.org>" CACHE STRING "the Debian package's Maintainer")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lotse)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "multilingual static websites for municipal education offices")
set(CPACK_PACKAGE_DESCRIPTION "Lotse turns an education office's records (offers, German-language courses,
counselling contacts, pathways), kept as YAML files, into a static website in
every language of the site, right to left for Arabic and Farsi, that any web
server can host as plain files.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LOTSE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps adds the shared libraries the program links (cpp-httplib, libxlsxwriter, minizip,
# libqrencode, libcrypto, the C++ runtime); icu-devtools is genrb, which compiles the catalogs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "icu-devtools")
include(CPack)
