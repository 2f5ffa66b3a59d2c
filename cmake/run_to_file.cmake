# Runs a command and stores its standard output in a file, failing the build when the command
# fails; add_custom_command has no portable "> FILE".
#   cmake -DOUTPUT=FILE -DCOMMAND="prog;arg;..." -P run_to_file.cmake
execute_process(COMMAND ${COMMAND} OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    file(REMOVE "${OUTPUT}.tmp")
    message(FATAL_ERROR "${COMMAND} failed (${status})")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
