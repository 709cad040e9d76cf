# Native targets: the HTTP server, its integration tests, and command-line tools.
find_package(SQLite3 REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

file(GLOB DP_SERVER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/server/*.cpp)
list(FILTER DP_SERVER_SOURCES EXCLUDE REGEX ".*/main\\.cpp$")
add_library(doorplate_server_lib STATIC ${DP_SERVER_SOURCES})
target_include_directories(doorplate_server_lib PUBLIC ${CMAKE_SOURCE_DIR}/server)
target_link_libraries(doorplate_server_lib PUBLIC doorplate_core SQLite::SQLite3 PkgConfig::HTTPLIB Threads::Threads PRIVATE dp_warnings)

add_executable(doorplate-server ${CMAKE_SOURCE_DIR}/server/main.cpp)
target_link_libraries(doorplate-server PRIVATE doorplate_server_lib dp_warnings)

# Server integration tests start the real doorplate-server binary on an ephemeral port.
file(GLOB DP_SERVER_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/server/test_*.cpp)
# fuzz/server_targets.cpp, fuzz/route_target.cpp: the server fuzz targets, whose seeds and
# findings the tests replay.
add_executable(server_tests ${CMAKE_SOURCE_DIR}/tests/doctest_main.cpp ${DP_SERVER_TESTS}
  ${CMAKE_SOURCE_DIR}/fuzz/server_targets.cpp ${CMAKE_SOURCE_DIR}/fuzz/route_target.cpp)
target_include_directories(server_tests PRIVATE ${CMAKE_SOURCE_DIR}/fuzz)
target_link_libraries(server_tests PRIVATE doorplate_server_lib dp_warnings)
target_compile_definitions(server_tests PRIVATE
  DP_SERVER_BIN="$<TARGET_FILE:doorplate-server>" DP_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  DP_CATALOGUE_JSON="${CMAKE_BINARY_DIR}/catalogue/catalogue.json")
add_dependencies(server_tests doorplate-server)
if(TARGET catalogue)
  add_dependencies(server_tests catalogue)
endif()

# The floor of a durable submission (bench/floor/submit_floor.cpp, scripts/bench.sh http): built
# on request only.
add_executable(bench_submit_floor EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/floor/submit_floor.cpp)
target_link_libraries(bench_submit_floor PRIVATE doorplate_server_lib dp_warnings)
