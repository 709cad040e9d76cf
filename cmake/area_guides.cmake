# Guides area: the build-time catalogue tool (validates assets/guides and adds zh-Hant text
# with OpenCC) and the `catalogue` target writing ${CMAKE_BINARY_DIR}/catalogue/catalogue.json.
if(NOT EMSCRIPTEN)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(OPENCC REQUIRED IMPORTED_TARGET opencc)
  pkg_get_variable(DP_OPENCC_PREFIX opencc prefix)
  set(DP_OPENCC_CONFIG "${DP_OPENCC_PREFIX}/share/opencc/s2t.json" CACHE FILEPATH "OpenCC zh-Hans → zh-Hant config")

  add_executable(doorplate-catalogue ${CMAKE_SOURCE_DIR}/tools/catalogue/main.cpp)
  target_link_libraries(doorplate-catalogue PRIVATE doorplate_core dp_warnings PkgConfig::OPENCC)
  target_compile_definitions(doorplate-catalogue PRIVATE DP_OPENCC_CONFIG="${DP_OPENCC_CONFIG}")

  # Re-run whenever a guide file is added, removed or edited.
  file(GLOB_RECURSE DP_GUIDE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/guides/*.json
       ${CMAKE_SOURCE_DIR}/assets/images/*)
  set(DP_CATALOGUE_JSON ${CMAKE_BINARY_DIR}/catalogue/catalogue.json)
  add_custom_command(
    OUTPUT ${DP_CATALOGUE_JSON}
    COMMAND doorplate-catalogue --in ${CMAKE_SOURCE_DIR}/assets/guides --out ${DP_CATALOGUE_JSON}
            --opencc-config ${DP_OPENCC_CONFIG} --unihan ${DP_UNIHAN_READINGS}
    DEPENDS doorplate-catalogue ${DP_GUIDE_FILES} unihan_readings ${DP_UNIHAN_READINGS}
    COMMENT "Validating assets/guides and writing catalogue/catalogue.json"
    VERBATIM)
  add_custom_target(catalogue ALL DEPENDS ${DP_CATALOGUE_JSON})
endif()
