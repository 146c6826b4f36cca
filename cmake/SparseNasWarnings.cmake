# SPDX-License-Identifier: MIT
# sparsenas_set_warnings(target): the project's warning set, applied per target.
function(sparsenas_set_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
    endif()
endfunction()

# sparsenas_qt_defaults(target): Qt definitions every Qt-using target gets (STYLE.md).
function(sparsenas_qt_defaults target)
    target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_FOREACH
                                                 QT_NO_URL_CAST_FROM_STRING)
endfunction()
