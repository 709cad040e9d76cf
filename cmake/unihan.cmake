# Pinyin source data for every target that needs it (catalogue tool, tests, benchmarks).
# Debian's unicode-data ships Unihan_Readings.txt bzip2-compressed: decompress it at build time.
# DP_UNIHAN_READINGS (path) and the target unihan_readings are for any target that needs pinyin.
set(DP_UNICODE_DIR /usr/share/unicode)
if(EXISTS ${DP_UNICODE_DIR}/Unihan_Readings.txt)
  set(DP_UNIHAN_READINGS ${DP_UNICODE_DIR}/Unihan_Readings.txt)
  add_custom_target(unihan_readings)
else()
  set(DP_UNIHAN_READINGS ${CMAKE_BINARY_DIR}/unihan/Unihan_Readings.txt)
  set(dp_unihan_bz2 ${DP_UNICODE_DIR}/Unihan_Readings.txt.bz2)
  if(NOT EXISTS ${dp_unihan_bz2})
    message(WARNING "Unihan readings not found under ${DP_UNICODE_DIR} (Debian package unicode-data): pinyin tests will fail")
  endif()
  find_program(DP_BZIP2 bzip2)
  if(DP_BZIP2)
    set(dp_unihan_cmd sh -c "'${DP_BZIP2}' -dc '${dp_unihan_bz2}' > '${DP_UNIHAN_READINGS}.tmp'")
  else()
    set(dp_unihan_cmd /usr/bin/python3 -c
        "import bz2,shutil,sys; shutil.copyfileobj(bz2.open(sys.argv[1]), open(sys.argv[2], 'wb'))"
        ${dp_unihan_bz2} ${DP_UNIHAN_READINGS}.tmp)
  endif()
  add_custom_command(OUTPUT ${DP_UNIHAN_READINGS}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/unihan
    COMMAND ${dp_unihan_cmd}
    COMMAND ${CMAKE_COMMAND} -E rename ${DP_UNIHAN_READINGS}.tmp ${DP_UNIHAN_READINGS}
    DEPENDS ${dp_unihan_bz2}
    COMMENT "Decompressing Unihan readings (pinyin)"
    VERBATIM)
  add_custom_target(unihan_readings DEPENDS ${DP_UNIHAN_READINGS})
endif()

