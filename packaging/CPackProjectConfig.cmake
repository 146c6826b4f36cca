# SPDX-License-Identifier: MIT
# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE). CPackDeb puts a package summary
# that differs from CMake's default before every component's description; each package has its
# own, the first line of CPACK_DEBIAN_<COMPONENT>_DESCRIPTION (packaging/CMakeLists.txt).
if(CPACK_GENERATOR STREQUAL "DEB")
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
