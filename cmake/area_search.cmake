# Search area: the Unihan readings decompressed into the build tree (pinyin for the catalogue and
# the tests), the synthetic catalogue generator doorplate-gencat, and the search benchmark.

# The Unihan readings (DP_UNIHAN_READINGS, target unihan_readings) come from cmake/unihan.cmake.

# The core tests read the real Unihan data (tests/core/test_pinyin.cpp, test_search.cpp).
add_dependencies(core_tests unihan_readings)
target_compile_definitions(core_tests PRIVATE DP_UNIHAN_READINGS="${DP_UNIHAN_READINGS}")

# doorplate-gencat --items N --seed S --out DIR: a synthetic catalogue for scale tests.
if(NOT EMSCRIPTEN)
  add_executable(doorplate-gencat ${CMAKE_SOURCE_DIR}/tools/gencat/main.cpp)
  target_link_libraries(doorplate-gencat PRIVATE doorplate_core dp_warnings)
endif()

# bench_search CATALOGUE_DIR: per-keystroke search timings (scripts/bench.sh); never built by
# default. Under emcmake it becomes one self-contained bench_search.js run by node.
add_executable(bench_search EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/bench_search.cpp)
target_link_libraries(bench_search PRIVATE doorplate_core dp_warnings)
target_compile_definitions(bench_search PRIVATE DP_UNIHAN_READINGS="${DP_UNIHAN_READINGS}")
add_dependencies(bench_search unihan_readings)
if(EMSCRIPTEN)
  target_compile_options(bench_search PRIVATE -O2)
  target_link_options(bench_search PRIVATE -O2 -sSINGLE_FILE=1 -sENVIRONMENT=node -sNODERAWFS=1
    -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1)
  set_target_properties(bench_search PROPERTIES SUFFIX ".js")
endif()
