# libFuzzer targets (clang only; -DMA_PLAN_BUILD_FUZZ=ON). Not part of the test suite: they run
# for a bounded time from bench/fuzz/run.sh. The libraries are built with the same sanitizer
# flags by that script (CMAKE_CXX_FLAGS), so findings inside them are caught too.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MA_PLAN_BUILD_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
endif()
add_executable(loader_fuzz ${CMAKE_CURRENT_LIST_DIR}/loader_fuzz.cpp)
target_link_libraries(loader_fuzz PRIVATE ma_plan_render ma_plan_config)
target_compile_options(loader_fuzz PRIVATE -fsanitize=fuzzer)
target_link_options(loader_fuzz PRIVATE -fsanitize=fuzzer)
target_compile_features(loader_fuzz PRIVATE cxx_std_20)
