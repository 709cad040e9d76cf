# Storage and operations: the native server links libsodium (random tokens, sealed idempotent
# replies), libcrypto (SHA-256 digests; httplib needs OpenSSL anyway), brotli and zlib
# (precompressed offline bundles). Nothing for wasm.
if(NOT EMSCRIPTEN AND TARGET doorplate_server_lib)
  pkg_check_modules(DP_STORE_LIBS REQUIRED IMPORTED_TARGET libsodium libcrypto libbrotlienc zlib)
  target_link_libraries(doorplate_server_lib PUBLIC PkgConfig::DP_STORE_LIBS)
endif()
