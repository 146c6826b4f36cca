# SPDX-License-Identifier: MIT
# The studio's manual page, made at build time (cmake -P) from `sparsenas-studio --help`.
#   -DHELP=      the help text (RunHelp.cmake)   -DTEMPLATE= packaging/man/sparsenas-studio.1.in
#   -DCHANGELOG= the Debian changelog (the page's date)   -DVERSION=   -DOUTPUT=   -DGZIP=
cmake_minimum_required(VERSION 3.21)
include(${CMAKE_CURRENT_LIST_DIR}/CliHelp.cmake)

file(READ "${HELP}" help)
if(help STREQUAL "")
    # The build goes on; installing the packages fails on the missing page.
    message(WARNING "packaging: `sparsenas-studio --help` printed nothing: no manual page")
    file(REMOVE "${OUTPUT}" "${OUTPUT}.gz")
    return()
endif()
help_parse(studio "${help}" sparsenas-studio)
set(OPTIONS "")
foreach(i RANGE 1 ${studio_count})
    troff_entry(entry studio ${i})
    string(APPEND OPTIONS "${entry}")
endforeach()
string(REGEX REPLACE "\n$" "" OPTIONS "${OPTIONS}")
troff_text(SUMMARY "${studio_summary}")
troff_usage(USAGE "${studio_usage}" 1)
changelog_date(DATE "${CHANGELOG}")
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
gzip_man("${OUTPUT}" "${GZIP}")
