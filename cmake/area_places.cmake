# Places area (map and navigation data): the demo county generator doorplate-gencounty and the
# `demo_data` target writing ${CMAKE_BINARY_DIR}/demo/{areas,service_points,doorplates}.csv and
# {roads,map_features}.geojson, which `--demo` seeding imports (DP_DEMO_DIR for the server tests).
if(NOT EMSCRIPTEN)
  add_executable(doorplate-gencounty ${CMAKE_SOURCE_DIR}/tools/gencounty/main.cpp)
  target_link_libraries(doorplate-gencounty PRIVATE doorplate_core dp_warnings)

  file(GLOB DP_ITEM_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/guides/items/*.json)
  set(DP_DEMO_DIR ${CMAKE_BINARY_DIR}/demo)
  set(DP_DEMO_FILES ${DP_DEMO_DIR}/areas.csv ${DP_DEMO_DIR}/service_points.csv ${DP_DEMO_DIR}/doorplates.csv
      ${DP_DEMO_DIR}/roads.geojson ${DP_DEMO_DIR}/map_features.geojson)
  add_custom_command(
    OUTPUT ${DP_DEMO_FILES}
    COMMAND doorplate-gencounty --areas ${CMAKE_SOURCE_DIR}/assets/demo/areas.json
            --items ${CMAKE_SOURCE_DIR}/assets/guides/items --out ${DP_DEMO_DIR}
    DEPENDS doorplate-gencounty ${CMAKE_SOURCE_DIR}/assets/demo/areas.json ${DP_ITEM_FILES}
    COMMENT "Generating the demo county into demo/"
    VERBATIM)
  add_custom_target(demo_data ALL DEPENDS ${DP_DEMO_FILES})
  add_dependencies(server_tests demo_data)
  target_compile_definitions(server_tests PRIVATE DP_DEMO_DIR="${DP_DEMO_DIR}")
endif()

# bench_places DEMO_DIR: nearest places and routes on the demo county (scripts/bench.sh); never
# built by default.
if(NOT EMSCRIPTEN)
  add_executable(bench_places EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/bench_places.cpp)
  target_link_libraries(bench_places PRIVATE doorplate_core dp_warnings)
endif()
