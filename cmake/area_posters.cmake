# Posters area: QR codes (libqrcodegencpp) and cairo PDF/SVG/PNG posters with fontconfig fonts,
# linked into the server library (server/qr.*, server/poster.*, server/routes_posters.cpp).
if(NOT EMSCRIPTEN)
  pkg_check_modules(POSTER_LIBS REQUIRED IMPORTED_TARGET qrcodegencpp cairo fontconfig)
  target_link_libraries(doorplate_server_lib PUBLIC PkgConfig::POSTER_LIBS)
endif()
