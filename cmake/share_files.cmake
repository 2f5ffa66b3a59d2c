# The files `cmake --install` puts beside the binary that the binary itself generates: bash and
# zsh completions, the man page, the JSON Schema, in build/share. Included from
# apps/ma-plan/CMakeLists.txt because a POST_BUILD command must sit where its target is created.
set(MA_PLAN_SHARE_OUT ${PROJECT_BINARY_DIR}/share)
# Written each time ma-plan is linked (a second or less), so that `cmake --install` works after
# the README's first command too, which builds the ma-plan target alone.
add_custom_command(TARGET ma-plan POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E make_directory ${MA_PLAN_SHARE_OUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${MA_PLAN_SHARE_OUT}/ma-plan.bash
        "-DCOMMAND=$<TARGET_FILE:ma-plan>;completion;bash" -P ${CMAKE_CURRENT_LIST_DIR}/run_to_file.cmake
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${MA_PLAN_SHARE_OUT}/_ma-plan
        "-DCOMMAND=$<TARGET_FILE:ma-plan>;completion;zsh" -P ${CMAKE_CURRENT_LIST_DIR}/run_to_file.cmake
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${MA_PLAN_SHARE_OUT}/ma-plan.1
        "-DCOMMAND=$<TARGET_FILE:ma-plan>;completion;man" -P ${CMAKE_CURRENT_LIST_DIR}/run_to_file.cmake
    COMMAND $<TARGET_FILE:ma-plan> schema -o ${MA_PLAN_SHARE_OUT}/ma-plan.schema.json
    COMMENT "ma-plan completion bash|zsh|man, ma-plan schema (for cmake --install)"
    VERBATIM)
