# Fuzzing (`make fuzz`, scripts/fuzz.sh): one libFuzzer binary per target of fuzz/targets.hpp and
# fuzz/server_targets.hpp, built with clang and -DDOORPLATE_FUZZ=ON (the whole core then carries
# coverage and sanitizers; of the server, only the body parsers and what they need).
option(DOORPLATE_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(DOORPLATE_FUZZ AND NOT EMSCRIPTEN)
  set(DP_FUZZ_TARGETS validate doorplate_code csv geojson opening_hours guide_json resident_route search_query)
  foreach(t ${DP_FUZZ_TARGETS})
    add_executable(fuzz_${t} ${CMAKE_SOURCE_DIR}/fuzz/fuzz_main.cpp ${CMAKE_SOURCE_DIR}/fuzz/targets.cpp)
    target_include_directories(fuzz_${t} PRIVATE ${CMAKE_SOURCE_DIR}/fuzz)
    target_compile_definitions(fuzz_${t} PRIVATE DP_FUZZ_TARGET=${t})
    target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(fuzz_${t} PRIVATE doorplate_core dp_warnings)
  endforeach()
  # The server's request-body parsers, without routes or sockets.
  set(DP_FUZZ_SERVER_TARGETS submission_body login_body new_user_body reveal_body upload_form)
  add_library(dp_fuzz_server STATIC
    ${CMAKE_SOURCE_DIR}/server/json_body.cpp ${CMAKE_SOURCE_DIR}/server/submission.cpp
    ${CMAKE_SOURCE_DIR}/server/post_bodies.cpp ${CMAKE_SOURCE_DIR}/server/upload_form.cpp
    ${CMAKE_SOURCE_DIR}/server/upload_store.cpp ${CMAKE_SOURCE_DIR}/server/access.cpp
    ${CMAKE_SOURCE_DIR}/server/auth.cpp ${CMAKE_SOURCE_DIR}/server/http_util.cpp
    ${CMAKE_SOURCE_DIR}/server/db.cpp ${CMAKE_SOURCE_DIR}/server/wal_vfs.cpp ${CMAKE_SOURCE_DIR}/server/digest.cpp
    ${CMAKE_SOURCE_DIR}/server/log.cpp)
  target_include_directories(dp_fuzz_server PUBLIC ${CMAKE_SOURCE_DIR}/server)
  pkg_check_modules(DP_FUZZ_SODIUM REQUIRED IMPORTED_TARGET libsodium)
  target_link_libraries(dp_fuzz_server PUBLIC doorplate_core SQLite::SQLite3 PkgConfig::HTTPLIB PkgConfig::DP_FUZZ_SODIUM
    Threads::Threads PRIVATE dp_warnings)
  foreach(t ${DP_FUZZ_SERVER_TARGETS})
    add_executable(fuzz_${t} ${CMAKE_SOURCE_DIR}/fuzz/fuzz_main.cpp ${CMAKE_SOURCE_DIR}/fuzz/server_targets.cpp)
    target_include_directories(fuzz_${t} PRIVATE ${CMAKE_SOURCE_DIR}/fuzz)
    target_compile_definitions(fuzz_${t} PRIVATE DP_FUZZ_TARGET=${t} DP_FUZZ_SERVER DP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    target_compile_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(fuzz_${t} PRIVATE dp_fuzz_server dp_warnings)
  endforeach()
  list(APPEND DP_FUZZ_TARGETS ${DP_FUZZ_SERVER_TARGETS})
  # Every route of the whole server over loopback HTTP, with the demo county (demo_data).
  add_executable(fuzz_routes ${CMAKE_SOURCE_DIR}/fuzz/fuzz_main.cpp ${CMAKE_SOURCE_DIR}/fuzz/route_target.cpp)
  target_include_directories(fuzz_routes PRIVATE ${CMAKE_SOURCE_DIR}/fuzz)
  target_compile_definitions(fuzz_routes PRIVATE DP_FUZZ_TARGET=routes DP_FUZZ_ROUTES DP_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    DP_DEMO_DIR="${CMAKE_BINARY_DIR}/demo")
  target_compile_options(fuzz_routes PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_routes PRIVATE -fsanitize=fuzzer)
  target_link_libraries(fuzz_routes PRIVATE doorplate_server_lib dp_warnings)
  add_dependencies(fuzz_routes demo_data)
  list(APPEND DP_FUZZ_TARGETS routes)
  list(TRANSFORM DP_FUZZ_TARGETS PREPEND fuzz_ OUTPUT_VARIABLE DP_FUZZ_BINARIES)
  add_custom_target(fuzzers DEPENDS ${DP_FUZZ_BINARIES})
endif()
