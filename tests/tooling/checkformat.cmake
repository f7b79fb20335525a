# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ file of the tree is not formatted as .clang-format says. Fix with:
#   clang-format -i $(git ls-files '*.h' '*.cpp')
file(GLOB_RECURSE files
    "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp"
    "${SOURCE_DIR}/models/*.h" "${SOURCE_DIR}/models/*.cpp"
    "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp"
    "${SOURCE_DIR}/resources/*.cpp"
    "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tests/*.cpp")
list(FILTER files EXCLUDE REGEX "/node_modules/")
list(LENGTH files count)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
    RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Files not formatted per .clang-format:\n${errors}")
endif()
message(STATUS "${count} files formatted")
