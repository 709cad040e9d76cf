# Storage and operations: the native server links libsodium (SHA-256 digests, random tokens,
# sealed idempotent replies). Nothing here for the wasm build.
if(NOT EMSCRIPTEN AND TARGET doorplate_server_lib)
  pkg_check_modules(DP_STORE_SODIUM REQUIRED IMPORTED_TARGET libsodium)
  target_link_libraries(doorplate_server_lib PUBLIC PkgConfig::DP_STORE_SODIUM)
endif()
