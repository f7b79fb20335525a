# SPDX-License-Identifier: GPL-3.0-or-later
# The layering rule (ui -> models -> app/core) is enforced by the link graph: this check walks the
# link libraries of the non-widget targets, recursively, and fails configuration if Qt Widgets (or a
# library that drags it in, such as QCustomPlot) is reachable.

set(WB_WIDGET_FREE_TARGETS "" CACHE INTERNAL "Targets that must never link Qt Widgets")
set(WB_GUI_FREE_TARGETS "" CACHE INTERNAL "Targets that must never link Qt Gui either")

# wb_widget_free(<target> [NO_GUI]): declare that <target> must never reach Qt Widgets (and, with
# NO_GUI, not Qt Gui either: app/core emits URLs, the front ends open them).
function(wb_widget_free target)
    cmake_parse_arguments(arg "NO_GUI" "" "" ${ARGN})
    set(WB_WIDGET_FREE_TARGETS ${WB_WIDGET_FREE_TARGETS} ${target} CACHE INTERNAL "")
    if(arg_NO_GUI)
        set(WB_GUI_FREE_TARGETS ${WB_GUI_FREE_TARGETS} ${target} CACHE INTERNAL "")
    endif()
endfunction()

function(_wb_collect_links target out_var)
    set(seen ${${out_var}})
    if(NOT TARGET ${target})
        set(${out_var} ${seen} PARENT_SCOPE)
        return()
    endif()
    get_target_property(aliased ${target} ALIASED_TARGET)
    if(aliased)
        set(target ${aliased})
    endif()
    set(libs "")
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
        get_target_property(direct ${target} LINK_LIBRARIES)
        if(direct)
            list(APPEND libs ${direct})
        endif()
    endif()
    get_target_property(iface ${target} INTERFACE_LINK_LIBRARIES)
    if(iface)
        list(APPEND libs ${iface})
    endif()
    foreach(lib IN LISTS libs)
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
        if(lib MATCHES "^\\$<" OR lib IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${lib})
        _wb_collect_links(${lib} seen)
    endforeach()
    set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

function(wb_check_layering)
    foreach(target IN LISTS WB_WIDGET_FREE_TARGETS)
        set(links "")
        _wb_collect_links(${target} links)
        foreach(forbidden Qt6::Widgets Qt::Widgets Qt6::PrintSupport QCustomPlotQt6::QCustomPlotQt6 wirebench_ui)
            if(forbidden IN_LIST links)
                message(FATAL_ERROR
                    "Layering violation: ${target} links ${forbidden}. "
                    "app/core and models must never depend on Qt Widgets (see DESIGN.md).")
            endif()
        endforeach()
        if(target IN_LIST WB_GUI_FREE_TARGETS)
            foreach(forbidden Qt6::Gui Qt::Gui wirebench_models)
                if(forbidden IN_LIST links)
                    message(FATAL_ERROR
                        "Layering violation: ${target} links ${forbidden}. "
                        "app/core must not depend on Qt Gui (see DESIGN.md).")
                endif()
            endforeach()
        endif()
    endforeach()
endfunction()
