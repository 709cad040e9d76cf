# Map and navigation core: the bench_geo benchmark (k-nearest, routing), built on request only
# (`cmake --build <dir> --target bench_geo`); it prints JSON lines for scripts/bench.sh.
add_executable(bench_geo EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/bench_geo.cpp)
target_link_libraries(bench_geo PRIVATE doorplate_core dp_warnings)
if(EMSCRIPTEN)
  target_compile_options(bench_geo PRIVATE -O2)
  target_link_options(bench_geo PRIVATE -sSINGLE_FILE=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -O2 --profiling-funcs)
  set_target_properties(bench_geo PROPERTIES SUFFIX ".js")
endif()
