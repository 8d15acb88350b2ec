# The unity groups of recall_core (see CMakeLists.txt). A file missing here compiles on its own.
set_target_properties(recall_core PROPERTIES UNITY_BUILD ON UNITY_BUILD_MODE GROUP
  UNITY_BUILD_CODE_BEFORE_INCLUDE "${RECALL_UNITY_PRAGMAS}")

# recall_unity_group(<group> <file under src/>...): compile these files of recall_core as one unit.
# The group's unit includes CLI11's precompiled header only when one of its files does (loading it
# costs a unit ~4 s of CPU): CMake would give it to every unit, so the others are marked to skip
# it by the path CMake (3.25) gives a group's unit.
function(recall_unity_group group)
  list(TRANSFORM ARGN PREPEND ${PROJECT_SOURCE_DIR}/src/)
  set_source_files_properties(${ARGN} PROPERTIES UNITY_GROUP ${group})
  set(skip_pch ON)
  foreach(source IN LISTS ARGN)
    get_source_file_property(skip ${source} SKIP_PRECOMPILE_HEADERS)
    if(NOT skip)
      set(skip_pch OFF)
    endif()
  endforeach()
  if(skip_pch)
    set_source_files_properties(
      ${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/recall_core.dir/Unity/unity_${group}_cxx.cxx
      PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  endif()
endfunction()

# The command files, all with CLI11's precompiled header (completion_scripts.cpp and
# roots_step.cpp, without CLI11, stay apart). cmd_cards.cpp and cmd_show.cpp each have an ef_text.
recall_unity_group(cli_app cli/cli.cpp cli/guidance.cpp cli/cmd_completion.cpp cli/cmd_config.cpp
                   cli/cmd_backups.cpp cli/cmd_limits.cpp cli/cmd_review.cpp cli/cmd_show.cpp)
recall_unity_group(cli_import cli/cmd_import.cpp cli/cmd_import_anki.cpp cli/cmd_import_json.cpp
                   cli/cmd_add.cpp cli/cmd_roots.cpp cli/cmd_export.cpp)
recall_unity_group(cli_cards cli/card_selection.cpp cli/cmd_cards.cpp cli/cmd_manage.cpp
                   cli/cmd_stats.cpp cli/stats_filters.cpp cli/cmd_report.cpp)

# Each of anki_package.cpp and apkg.cpp has a ZipCloser; apkg.cpp's Json is nlohmann::json,
# json_backup.cpp's the ordered one.
recall_unity_group(interop_in interop/anki_package.cpp interop/anki_import.cpp interop/anki_html.cpp
                   interop/json_backup.cpp)
recall_unity_group(interop_out interop/apkg.cpp interop/anki_text.cpp)

# html.cpp and text.cpp draw the same charts under the same names.
recall_unity_group(stats_html stats/html.cpp stats/json.cpp stats/svg.cpp)
recall_unity_group(stats_text stats/text.cpp stats/stats.cpp stats/charts.cpp)

# render.cpp and screen.cpp each have a spaces().
recall_unity_group(review_screen review/screen.cpp review/session.cpp review/queue.cpp
                   review/grades.cpp review/keys.cpp)
recall_unity_group(review_render review/render.cpp review/editor.cpp review/terminal.cpp)

# ignore.cpp and normalize.cpp each have a sequence_length().
recall_unity_group(notes_scan notes/scan.cpp notes/ignore.cpp notes/front_matter.cpp
                   notes/preprocess.cpp)
recall_unity_group(notes_parse notes/normalize.cpp notes/outline.cpp notes/outline_parse.cpp
                   notes/outline_text.cpp notes/markup_scan.cpp)

recall_unity_group(core core/clock.cpp core/html.cpp core/json_text.cpp core/similarity.cpp
                   config/settings.cpp schedule/sm2.cpp)

recall_unity_group(store_cards store/store.cpp store/card_manage.cpp store/review_actions.cpp
                   store/deck_limits.cpp store/stats_groups.cpp store/stats_queries.cpp)
# import_plan.cpp, where import planning changes now, stays apart.
recall_unity_group(store_import store/note_moves.cpp store/roots.cpp store/schema.cpp
                   store/lock.cpp store/backup.cpp store/backups.cpp)
recall_unity_group(sync sync/import.cpp sync/moves.cpp sync/reimport.cpp sync/roots.cpp)
