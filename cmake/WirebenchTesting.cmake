# SPDX-License-Identifier: GPL-3.0-or-later
# wb_add_test(<name> SOURCES ... [LIBRARIES ...] [LABELS unit|integration|gui ...]
#             [TIMEOUT seconds] [ENVIRONMENT VAR=value ...] [RESOURCE_LOCK name ...])
# One Qt Test executable per suite, registered with CTest under its labels. Every test gets the
# source and build folders in WB_SOURCE_DIR / WB_BINARY_DIR and the npm peers' folder in
# WB_PEERS_DIR.
function(wb_add_test name)
    cmake_parse_arguments(arg "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT;RESOURCE_LOCK" ${ARGN})
    if(NOT arg_LABELS)
        message(FATAL_ERROR "wb_add_test(${name}): give LABELS (unit, integration or gui)")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()
    qt_add_executable(${name} ${arg_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON WIN32_EXECUTABLE OFF MACOSX_BUNDLE OFF)
    target_link_libraries(${name} PRIVATE Qt6::Test wb_testsupport wb_build_options ${arg_LIBRARIES})
    add_test(NAME ${name} COMMAND ${name})
    set(environment
        "WB_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
        "WB_BINARY_DIR=${PROJECT_BINARY_DIR}"
        "WB_PEERS_DIR=${PROJECT_SOURCE_DIR}/tests/peers"
        "WB_CLI=$<TARGET_FILE:wirebench-cli>"
        ${arg_ENVIRONMENT})
    if(NOT "gui" IN_LIST arg_LABELS)
        list(APPEND environment "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${arg_LABELS}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "${environment}")
    if(arg_RESOURCE_LOCK)
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK "${arg_RESOURCE_LOCK}")
    endif()
endfunction()
