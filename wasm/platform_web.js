// JavaScript half of the platform layer (emscripten --js-library). The C++ half is
// platform_web.cpp; nothing else in the apps talks to JavaScript.
mergeInto(LibraryManager.library, {
  // Frames are drawn only on request: input events, fetch completions and the app itself
  // ask for one; an idle page requests no animation frames at all.
  dp_js_request_frame: function () {
    var st = Module.dpFrames || (Module.dpFrames = { pending: false, drawn: 0, installed: false });
    if (st.pending) return;
    st.pending = true;
    requestAnimationFrame(function () {
      st.pending = false;
      st.drawn++;
      Module['_dp_frame']();
    });
  },
  dp_js_frames_drawn: function () {
    return Module.dpFrames ? Module.dpFrames.drawn : 0;
  },
  dp_js_install_wake_listeners__deps: ['dp_js_request_frame'],
  dp_js_install_wake_listeners: function () {
    var wake = function () { _dp_js_request_frame(); };
    ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'wheel', 'keydown', 'keyup',
     'touchstart', 'touchmove', 'touchend', 'touchcancel', 'resize', 'focus', 'blur',
     'visibilitychange', 'orientationchange'].forEach(function (type) {
      window.addEventListener(type, wake, { capture: true, passive: true });
    });
    if (window.visualViewport) window.visualViewport.addEventListener('resize', wake);
  },

  dp_js_set_app_state: function (state, reason) {
    var root = document.documentElement;
    root.dataset.appState = UTF8ToString(state);
    var r = UTF8ToString(reason);
    if (r) root.dataset.appError = r; else delete root.dataset.appError;
  },
  dp_js_set_loading_progress: function (fraction, label) {
    if (Module.setLoadingProgress) Module.setLoadingProgress(fraction, UTF8ToString(label));
  },
  dp_js_hide_loading_overlay: function () {
    if (Module.hideLoadingOverlay) Module.hideLoadingOverlay();
  },
  // Sizes the canvas backing store directly (GLFW hears of it through Browser's resize
  // listeners). glfwSetWindowSize would request fullscreen when the size equals the screen's.
  dp_js_set_canvas_size__deps: ['$Browser'],
  dp_js_set_canvas_size: function (w, h) {
    Browser.setCanvasSize(w, h);
  },
  dp_js_device_pixel_ratio: function () {
    return window.devicePixelRatio || 1;
  },
  dp_js_viewport_css_size: function (w, h) {
    var c = Module['canvas'];
    var r = c ? c.getBoundingClientRect() : { width: window.innerWidth, height: window.innerHeight };
    HEAP32[w >> 2] = Math.max(1, Math.round(r.width));
    HEAP32[h >> 2] = Math.max(1, Math.round(r.height));
  },
  dp_js_location_path: function () {
    var s = window.location.pathname;
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  dp_js_query_param: function (name) {
    var v = new URLSearchParams(window.location.search).get(UTF8ToString(name)) || '';
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },
  dp_js_open_url: function (url) {
    var u = UTF8ToString(url);
    if (/^(https?:|tel:|\/)/.test(u)) window.open(u, u.startsWith('tel:') ? '_self' : '_blank', 'noopener');
  },

  dp_js_fetch_text__deps: ['dp_js_request_frame'],
  dp_js_fetch_text: function (id, url) {
    var u = UTF8ToString(url);
    var deliver = function (status, bytes) {
      var p = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, p);
      HEAPU8[p + bytes.length] = 0;
      Module['_dp_on_fetch'](id, status, p, bytes.length);
      _free(p);
      _dp_js_request_frame();
    };
    fetch(u, { credentials: 'same-origin' })
      .then(function (r) {
        return r.arrayBuffer().then(function (b) { deliver(r.status, new Uint8Array(b)); });
      })
      .catch(function () { deliver(0, new Uint8Array(0)); });
  },

  // Glyphs are drawn with the browser's own fonts into a scratch canvas; the alpha channel
  // becomes ImGui's glyph bitmap. No font file is downloaded.
  $dpGlyphs: {
    ctx: null,
    family: '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "Heiti SC", system-ui, sans-serif',
    context: function (size) {
      if (!this.ctx) {
        var c = document.createElement('canvas');
        c.width = 256; c.height = 256;
        this.ctx = c.getContext('2d', { willReadFrequently: true });
      }
      this.ctx.font = size + 'px ' + this.family;
      this.ctx.textBaseline = 'alphabetic';
      return this.ctx;
    }
  },
  dp_js_font_metrics__deps: ['$dpGlyphs'],
  dp_js_font_metrics: function (size, out) {
    var m = dpGlyphs.context(size).measureText('国Ag');
    HEAPF32[out >> 2] = m.fontBoundingBoxAscent || size * 0.88;
    HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent || size * 0.12;
  },
  // info (int32[6]): advance * 64, x0, y0, width, height, ok. Returns a malloc'ed alpha
  // bitmap (width * height) or 0 when there is nothing to draw.
  dp_js_rasterize_glyph__deps: ['$dpGlyphs'],
  dp_js_rasterize_glyph: function (codepoint, size, metricsOnly, info) {
    var ctx = dpGlyphs.context(size);
    var ch = String.fromCodePoint(codepoint);
    var m = ctx.measureText(ch);
    var i = info >> 2;
    HEAP32[i] = Math.round(m.width * 64);
    HEAP32[i + 5] = 1;
    HEAP32[i + 1] = HEAP32[i + 2] = HEAP32[i + 3] = HEAP32[i + 4] = 0;
    if (metricsOnly) return 0;
    var left = Math.ceil(m.actualBoundingBoxLeft), right = Math.ceil(m.actualBoundingBoxRight);
    var up = Math.ceil(m.actualBoundingBoxAscent), down = Math.ceil(m.actualBoundingBoxDescent);
    if (left + right <= 0 || up + down <= 0) return 0;  // a space
    var ox = left + 1, oy = up + 1, w = ox + right + 1, h = oy + down + 1;
    var c = ctx.canvas;
    if (c.width < w || c.height < h) {
      c.width = Math.max(c.width, w); c.height = Math.max(c.height, h);
      ctx = dpGlyphs.context(size);
    }
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#fff';
    ctx.fillText(ch, ox, oy);
    var px = ctx.getImageData(0, 0, w, h).data;
    var p = _malloc(w * h);
    for (var k = 0, n = w * h; k < n; k++) HEAPU8[p + k] = px[k * 4 + 3];
    HEAP32[i + 1] = -ox; HEAP32[i + 2] = -oy; HEAP32[i + 3] = w; HEAP32[i + 4] = h;
    return p;
  }
});
