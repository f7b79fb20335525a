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

# The PostgreSQL test cluster, a CTest fixture: started before the first test that requires
# `postgres`, stopped after the last (also with `ctest -R`). tests/support/postgres-cluster.sh.
set(WB_POSTGRES_STATE "${PROJECT_BINARY_DIR}/test-postgres.state")
function(wb_add_postgres_fixture)
    add_test(NAME postgres_cluster_start COMMAND bash
        "${PROJECT_SOURCE_DIR}/tests/support/postgres-cluster.sh" start "${WB_POSTGRES_STATE}")
    add_test(NAME postgres_cluster_stop COMMAND bash
        "${PROJECT_SOURCE_DIR}/tests/support/postgres-cluster.sh" stop "${WB_POSTGRES_STATE}")
    set_tests_properties(postgres_cluster_start PROPERTIES
        FIXTURES_SETUP postgres LABELS integration TIMEOUT 120)
    set_tests_properties(postgres_cluster_stop PROPERTIES
        FIXTURES_CLEANUP postgres LABELS integration TIMEOUT 60)
endfunction()

# wb_add_postgres_variant(<suite> [ENVIRONMENT VAR=value ...]): runs the already added test
# <suite> a second time as <suite>_pg, on a PostgreSQL workspace (WB_TEST_BACKEND=postgresql;
# tests/support/testworkspace.h) in the fixture's cluster. The same executable, the same checks.
function(wb_add_postgres_variant suite)
    cmake_parse_arguments(arg "" "" "ENVIRONMENT" ${ARGN})
    get_test_property(${suite} ENVIRONMENT environment)
    get_test_property(${suite} LABELS labels)
    get_test_property(${suite} TIMEOUT timeout)
    get_test_property(${suite} RESOURCE_LOCK locks)
    add_test(NAME ${suite}_pg COMMAND ${suite})
    list(APPEND environment "WB_TEST_BACKEND=postgresql"
        "WB_TEST_POSTGRES_STATE=${WB_POSTGRES_STATE}" ${arg_ENVIRONMENT})
    list(APPEND labels postgresql)
    set_tests_properties(${suite}_pg PROPERTIES
        LABELS "${labels}"
        TIMEOUT ${timeout}
        ENVIRONMENT "${environment}"
        FIXTURES_REQUIRED postgres)
    if(locks)
        set_tests_properties(${suite}_pg PROPERTIES RESOURCE_LOCK "${locks}")
    endif()
endfunction()
