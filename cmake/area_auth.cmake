# Accounts and access: the server links libsodium (argon2id, SHA-256, random tokens).
if(TARGET doorplate_server_lib)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  target_link_libraries(doorplate_server_lib PUBLIC PkgConfig::SODIUM)
endif()
