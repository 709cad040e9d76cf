# Posters area: QR codes (libqrcodegencpp), cairo PDF/SVG/PNG posters with fontconfig fonts and
# zlib (the PNG's pHYs chunk), linked into the server library (server/qr.*, server/poster.*).
if(NOT EMSCRIPTEN)
  pkg_check_modules(POSTER_LIBS REQUIRED IMPORTED_TARGET qrcodegencpp cairo fontconfig zlib)
  target_link_libraries(doorplate_server_lib PUBLIC PkgConfig::POSTER_LIBS)
endif()
