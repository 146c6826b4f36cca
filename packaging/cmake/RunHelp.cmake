# SPDX-License-Identifier: MIT
# Writes the standard output of `PROGRAM ARGS...` to OUTPUT, at build time (cmake -P).
# -DPROGRAM=path -DARGS="search --help" -DOUTPUT=file. The studio gets the offscreen platform,
# so that its --help needs no display. A failing command leaves OUTPUT empty with a warning:
# the page and the completions are then made without that part (GenerateCliDocs.cmake says so).
cmake_minimum_required(VERSION 3.21)
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C LANGUAGE= COLUMNS=80 QT_QPA_PLATFORM=offscreen
            ${PROGRAM} ${args}
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(WARNING "packaging: `${PROGRAM} ${ARGS}` failed (${rc}): ${err}")
    set(out "")
endif()
file(WRITE "${OUTPUT}" "${out}")
