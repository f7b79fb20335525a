# SPDX-License-Identifier: GPL-3.0-or-later
# One interface target carries the compiler options and strict Qt defines for every target.

add_library(wb_build_options INTERFACE)
target_compile_options(wb_build_options INTERFACE -Wall -Wextra -Wpedantic)
if(WB_WARNINGS_AS_ERRORS)
    target_compile_options(wb_build_options INTERFACE -Werror)
endif()
# QT_NO_FOREACH is left out: qcustomplot.h uses foreach in its templates.
target_compile_definitions(wb_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    WB_VERSION="${PROJECT_VERSION}")

find_program(WB_CCACHE ccache)
if(WB_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${WB_CCACHE}" CACHE STRING "" FORCE)
endif()
