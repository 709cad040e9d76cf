# WebAssembly targets (emcmake): Dear ImGui, the browser apps, and link flags for the core tests.
set(DP_IMGUI_DEFS IMGUI_USE_WCHAR32 IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
    IMGUI_DISABLE_DEFAULT_FONT IMGUI_IMPL_OPENGL_ES3
    # Glyphs come from the browser (wasm/common/browser_font.cpp). ImGui 1.92 links stb_truetype
    # unless IMGUI_ENABLE_FREETYPE is set (IMGUI_DISABLE_STB_TRUETYPE does nothing there); set,
    # ImGui asks ImGuiFreeType::GetFontLoader() for its default loader, which browser_font.cpp
    # defines as the browser loader: no FreeType, no stb_truetype (-17 KB of wasm).
    IMGUI_ENABLE_FREETYPE
    "ImDrawIdx=unsigned int")   # the map's draw list exceeds 65,536 vertices; WebGL2 has no base-vertex draws
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_definitions(imgui PUBLIC ${DP_IMGUI_DEFS})

set(DP_WASM_LINK -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -sTOTAL_STACK=1048576 -sEXIT_RUNTIME=0
    -sMALLOC=emmalloc -sFILESYSTEM=0  # smaller first download: no file system, a compact allocator
    -sGL_PREINITIALIZED_CONTEXT=1  # www/app-shell.js creates the WebGL context while the wasm downloads
    # ImGui's renderer needs no WebGL extension; enabling all of them (emscripten's default) at
    # start-up cost tens of milliseconds of a slow phone's main thread.
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']"
    --js-library ${CMAKE_SOURCE_DIR}/wasm/platform_web.js)
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  target_compile_options(imgui PRIVATE -Oz -flto)
  list(APPEND DP_WASM_LINK -Oz -flto)
  # The core is built for size, except the hot loops of the map (nearest places, snapping,
  # routing), which are built for speed and outside LTO: under -Oz -flto routes ran 8× slower
  # than native, at -O2 within 1.2× (see `make bench`). Per file, because em++ given "-Oz … -O2"
  # on one command line optimises nothing at all.
  set(DP_CORE_FAST_SOURCES geo.cpp spatial_index.cpp road_graph.cpp)
  get_target_property(DP_CORE_ALL_SOURCES doorplate_core SOURCES)
  foreach(src IN LISTS DP_CORE_ALL_SOURCES)
    get_filename_component(src_name ${src} NAME)
    if(src_name IN_LIST DP_CORE_FAST_SOURCES)
      set_source_files_properties(${src} PROPERTIES COMPILE_OPTIONS "-O2")
    else()
      set_source_files_properties(${src} PROPERTIES COMPILE_OPTIONS "-Oz;-flto")
    endif()
  endforeach()
endif()

# Every app exports every callback of the platform layer (platform_web.js calls them by name).
set(DP_WASM_EXPORTS "['_main','_malloc','_free','_dp_frame','_dp_on_fetch','_dp_on_image','_dp_on_share','_dp_on_event','_dp_on_text','_dp_on_touch','_dp_on_pinch','_dp_on_file','_dp_on_timer','_dp_on_wheel','_dp_on_outbox','_dp_on_pick','_dp_on_signature','_dp_on_usage_signal']")

# The web apps: wasm/<app>_main.cpp plus the app's own files; platform_web.* is the only
# JavaScript interop. Output: bin/<app>.js + bin/<app>.wasm (the HTML shell lives in www/).
file(GLOB DP_WASM_COMMON CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm/common/*.cpp)
add_library(doorplate_ui STATIC ${CMAKE_SOURCE_DIR}/wasm/platform_web.cpp ${DP_WASM_COMMON})
target_include_directories(doorplate_ui PUBLIC ${CMAKE_SOURCE_DIR}/wasm ${CMAKE_SOURCE_DIR}/wasm/common)
target_link_libraries(doorplate_ui PUBLIC imgui doorplate_core PRIVATE dp_warnings)
target_compile_options(doorplate_ui PRIVATE $<$<CONFIG:Release>:-Oz -flto>)

# One web app: its sources on the shared UI library, exporting every platform callback.
function(dp_add_web_app name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE doorplate_ui dp_warnings)
  target_compile_options(${name} PRIVATE $<$<CONFIG:Release>:-Oz -flto>)
  target_link_options(${name} PRIVATE ${DP_WASM_LINK} "-sEXPORTED_FUNCTIONS=${DP_WASM_EXPORTS}")
  set_target_properties(${name} PROPERTIES SUFFIX ".js" LINK_DEPENDS ${CMAKE_SOURCE_DIR}/wasm/platform_web.js)
endfunction()

file(GLOB DP_RESIDENT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm/resident/*.cpp)
dp_add_web_app(resident ${DP_RESIDENT_SOURCES})

# The agent console (/desk): the same platform layer and common UI pieces, its own app files.
file(GLOB DP_DESK_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm/desk/*.cpp)
dp_add_web_app(desk ${DP_DESK_SOURCES})

# The help app (找人帮我办, 我的申请): loaded only when a help page is opened, so the landing's
# first view does not carry it. Its own pages plus the resident app's wording table.
file(GLOB DP_RESIDENT_HELP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm/resident/help/*.cpp)
dp_add_web_app(resident_help ${DP_RESIDENT_HELP_SOURCES} ${CMAKE_SOURCE_DIR}/wasm/resident/strings.cpp)
target_include_directories(resident_help PRIVATE ${CMAKE_SOURCE_DIR}/wasm/resident)

# Core tests under node: one self-contained .js (no fetch of a .wasm file).
target_link_options(core_tests PRIVATE -sSINGLE_FILE=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1
  -sEXIT_RUNTIME=1 -sNODERAWFS=1 -sTOTAL_STACK=1048576)
set_target_properties(core_tests PROPERTIES SUFFIX ".js")

# The first view's floor (bench/first_view_floor.sh): the apps' runtime drawing three lines of
# text, nothing else. Built only when asked for.
dp_add_web_app(bare_app ${CMAKE_SOURCE_DIR}/bench/floor/bare_app.cpp)
set_target_properties(bare_app PROPERTIES EXCLUDE_FROM_ALL TRUE)
