# SPDX-License-Identifier: MIT
# Precompiled headers. Every C++ file of the project parses LibTorch's headers (about 18 s each
# on this 2-core machine) or Qt's and QCustomPlot's; parsed once per family and reused, a
# clean build takes a fraction of the time (README, "Building").
#
# A precompiled header is only used by GCC when the code-generation flags match (-fPIC for a
# library, -fPIE for an executable that links Qt, neither for a plain executable), so each
# family has one carrier per flavour and the others reuse it (REUSE_FROM). The families keep the
# layering: the torch family never reaches widgets/, the Qt family never reaches core/.
#
#   sparsenas_pch(<target> SELF torch|qt|base)  the target carries the family's header
#   sparsenas_pch(<target> FROM <carrier>)      the target reuses the carrier's
option(SPARSENAS_PCH "Precompile the LibTorch, Qt and nlohmann-json headers" ON)

set(SPARSENAS_PCH_TORCH <torch/torch.h> <nlohmann/json.hpp> <string> <vector> <memory>
                        <optional> <functional> <map> <algorithm>)
set(SPARSENAS_PCH_QT <QtWidgets> <QtGui> <QtCore> <QtSvg> <nlohmann/json.hpp>
                     <string> <vector> <memory> <optional> <functional> <map> <algorithm>)
set(SPARSENAS_PCH_BASE <nlohmann/json.hpp> <string> <vector> <memory> <optional> <functional>
                       <map> <algorithm> <sstream> <filesystem>)

function(sparsenas_pch target how what)
    if(NOT SPARSENAS_PCH)
        return()
    endif()
    # A header that cannot be used (flags differ) is said, not silently parsed again.
    target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Winvalid-pch>)
    # AUTOMOC's mocs_compilation.cpp is empty where the Q_OBJECT classes live in .cpp files (the
    # tests): with the header it took 10 s of deferred template work each, for nothing.
    set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${target}_autogen/mocs_compilation.cpp
        TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    if(how STREQUAL "SELF")
        string(TOUPPER ${what} family)
        target_precompile_headers(${target} PRIVATE ${SPARSENAS_PCH_${family}})
    else()
        target_precompile_headers(${target} REUSE_FROM ${what})
    endif()
endfunction()
