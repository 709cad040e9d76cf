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
  dp_js_install_wake_listeners__deps: ['dp_js_request_frame', '$Browser'],
  dp_js_install_wake_listeners: function () {
    var wake = function () { _dp_js_request_frame(); };
    ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'wheel', 'keydown', 'keyup',
     'touchstart', 'touchmove', 'touchend', 'touchcancel', 'resize', 'focus', 'blur',
     'visibilitychange', 'orientationchange'].forEach(function (type) {
      window.addEventListener(type, wake, { capture: true, passive: true });
    });
    if (window.visualViewport) window.visualViewport.addEventListener('resize', wake);
    // Touches on the canvas go to the app as touch-screen input; GLFW (listening on the canvas)
    // never sees them, and no emulated mouse events follow (preventDefault). The first finger
    // drives the pointer; a second one starts a pinch (midpoint and distance of the two).
    var canvas = Module['canvas'], active = null, down = {}, pinching = false;
    var rect = function () { return canvas.getBoundingClientRect(); };
    var send = function (phase, t) {
      var r = canvas.getBoundingClientRect();
      var x = t.clientX - r.left, y = t.clientY - r.top;
      // ImGui's GLFW backend adds GLFW's cursor position as a mouse position every frame while
      // no mouse is over the window: keep GLFW's cursor (canvas pixels) on the finger, or that
      // stale position would override the touch.
      Browser.mouseX = x * canvas.width / Math.max(1, r.width);
      Browser.mouseY = y * canvas.height / Math.max(1, r.height);
      Module['_dp_on_touch'](phase, x, y);
    };
    var pinch = function (phase) {
      var ids = Object.keys(down);
      var a = down[ids[0]], b = down[ids[1]] || a, r = rect();
      Module['_dp_on_pinch'](phase, (a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top, Math.hypot(a.x - b.x, a.y - b.y));
    };
    var each = function (list, fn) { for (var i = 0; i < list.length; i++) fn(list[i]); };
    window.addEventListener('touchstart', function (e) {
      if (e.target !== canvas) return;
      e.stopImmediatePropagation(); e.preventDefault();
      each(e.changedTouches, function (t) {
        down[t.identifier] = { x: t.clientX, y: t.clientY };
        if (active === null && !pinching) { active = t.identifier; send(0, t); }
      });
      if (!pinching && Object.keys(down).length >= 2) {
        // The pointer's press ends here (where the first finger is), so the app's press/release
        // pairs stay whole; the app knows a pinch followed and treats it as no tap.
        pinching = true;
        if (active !== null) { var f = down[active]; send(2, { clientX: f.x, clientY: f.y }); active = null; }
        pinch(0);
      }
    }, { capture: true, passive: false });
    window.addEventListener('touchmove', function (e) {
      if (e.target !== canvas) return;
      e.stopImmediatePropagation(); e.preventDefault();
      each(e.changedTouches, function (t) {
        if (down[t.identifier]) down[t.identifier] = { x: t.clientX, y: t.clientY };
        if (t.identifier === active && !pinching) send(1, t);
      });
      if (pinching) pinch(1);
    }, { capture: true, passive: false });
    var end = function (e) {
      if (e.target !== canvas) return;
      e.stopImmediatePropagation(); e.preventDefault();
      if (pinching && Object.keys(down).length - e.changedTouches.length < 2) { pinch(2); pinching = false; }
      each(e.changedTouches, function (t) {
        delete down[t.identifier];
        if (t.identifier === active) { send(2, t); active = null; }
      });
    };
    window.addEventListener('touchend', end, { capture: true, passive: false });
    window.addEventListener('touchcancel', end, { capture: true, passive: false });
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
  // ImGui's OpenGL backend reads the blend state, viewport and scissor box every frame to
  // restore them afterwards. In Chromium each such read is a synchronous round trip to the GPU
  // process that waits for the previous frame (measured: ~250 ms a frame under SwiftShader at
  // DPR 3; a pipeline stall on phones). WebGL contexts remember these here when they are set
  // and answer from memory; the first read of each asks the context once.
  $dpShadowWebGLState: function () {
    if (typeof WebGL2RenderingContext === 'undefined' || WebGL2RenderingContext.prototype.dpShadowed) return;
    var P = WebGL2RenderingContext.prototype;
    P.dpShadowed = true;
    var get = P.getParameter;
    var SHADOWED = [0x80C9, 0x80C8, 0x80CB, 0x80CA, 0x8009, 0x883D, 0x0BA2, 0x0C10];
    function shadow(gl) { return gl.dpState || (gl.dpState = {}); }
    function wrap(name, record) {
      var orig = P[name];
      P[name] = function () { record(shadow(this), arguments); return orig.apply(this, arguments); };
    }
    P.getParameter = function (pname) {
      if (SHADOWED.indexOf(pname) < 0) return get.call(this, pname);
      var st = shadow(this);
      if (!(pname in st)) st[pname] = get.call(this, pname);
      return st[pname];
    };
    wrap('blendFunc', function (st, a) { st[0x80C9] = st[0x80CB] = a[0]; st[0x80C8] = st[0x80CA] = a[1]; });
    wrap('blendFuncSeparate', function (st, a) { st[0x80C9] = a[0]; st[0x80C8] = a[1]; st[0x80CB] = a[2]; st[0x80CA] = a[3]; });
    wrap('blendEquation', function (st, a) { st[0x8009] = st[0x883D] = a[0]; });
    wrap('blendEquationSeparate', function (st, a) { st[0x8009] = a[0]; st[0x883D] = a[1]; });
    wrap('viewport', function (st, a) { st[0x0BA2] = new Int32Array([a[0], a[1], a[2], a[3]]); });
    wrap('scissor', function (st, a) { st[0x0C10] = new Int32Array([a[0], a[1], a[2], a[3]]); });
  },
  dp_js_set_app_state__deps: ['$dpShadowWebGLState'],
  dp_js_set_app_state__postset: 'dpShadowWebGLState();',
  // Sizes the canvas backing store directly (GLFW hears of it through Browser's resize
  // listeners). glfwSetWindowSize would request fullscreen when the size equals the screen's.
  dp_js_set_canvas_size__deps: ['$Browser'],
  dp_js_set_canvas_size: function (w, h) {
    Browser.setCanvasSize(w, h);
  },
  dp_js_set_title: function (t) {
    document.title = UTF8ToString(t);
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
  // A hidden element padded by env(safe-area-inset-*) (www/app.css #safe-area-probe).
  dp_js_safe_area_insets: function (out) {
    var el = document.getElementById('safe-area-probe');
    if (!el) {
      el = document.createElement('div');
      el.id = 'safe-area-probe';
      document.body.appendChild(el);
    }
    var s = getComputedStyle(el);
    HEAPF32[(out >> 2) + 0] = parseFloat(s.paddingTop) || 0;
    HEAPF32[(out >> 2) + 1] = parseFloat(s.paddingRight) || 0;
    HEAPF32[(out >> 2) + 2] = parseFloat(s.paddingBottom) || 0;
    HEAPF32[(out >> 2) + 3] = parseFloat(s.paddingLeft) || 0;
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
  $dpString: function (s) {
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  dp_js_location_search__deps: ['$dpString'],
  dp_js_location_search: function () {
    return dpString(window.location.search.replace(/^\?/, ''));
  },
  // History: back/forward record where the browser went; the app takes it on the next frame.
  $dpHistory: { pending: null, installed: false },
  dp_js_push_url__deps: ['$dpHistory', 'dp_js_request_frame'],
  dp_js_push_url: function (url, replace) {
    var u = UTF8ToString(url);
    if (!dpHistory.installed) {
      dpHistory.installed = true;
      window.addEventListener('popstate', function () {
        dpHistory.pending = window.location.pathname + window.location.search;
        _dp_js_request_frame();
      });
    }
    if (u === window.location.pathname + window.location.search) return;
    if (replace) history.replaceState(null, '', u); else history.pushState(null, '', u);
  },
  dp_js_history_back: function () { history.back(); },
  dp_js_take_navigation__deps: ['$dpHistory', '$dpString'],
  dp_js_take_navigation: function () {
    var p = dpHistory.pending || '';
    dpHistory.pending = null;
    return dpString(p);
  },
  dp_js_storage_get__deps: ['$dpString'],
  dp_js_storage_get: function (key) {
    var v = '';
    try { v = window.localStorage.getItem('doorplate:' + UTF8ToString(key)) || ''; } catch (e) {}
    return dpString(v);
  },
  dp_js_storage_set: function (key, value) {
    try { window.localStorage.setItem('doorplate:' + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
  },
  dp_js_speech_available: function () {
    return (typeof window.speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined') ? 1 : 0;
  },
  dp_js_speak: function (text, lang) {
    if (typeof window.speechSynthesis === 'undefined') return;
    window.speechSynthesis.cancel();
    var u = new SpeechSynthesisUtterance(UTF8ToString(text));
    u.lang = UTF8ToString(lang) || 'zh-CN';
    u.rate = 0.9;
    window.speechSynthesis.speak(u);
  },
  dp_js_stop_speaking: function () {
    if (typeof window.speechSynthesis !== 'undefined') window.speechSynthesis.cancel();
  },
  $dpExternal: function (kind, url) {
    (Module.dpExternalUrls || (Module.dpExternalUrls = [])).push({ kind: kind, url: url });
  },
  dp_js_open_url__deps: ['$dpExternal'],
  dp_js_open_url: function (url) {
    var u = UTF8ToString(url);
    if (!/^(https?:|tel:|\/)/.test(u)) return;
    dpExternal(u.startsWith('tel:') ? 'tel' : 'web', u);
    window.open(u, u.startsWith('tel:') ? '_self' : '_blank', 'noopener');
  },
  // Phones: the app's scheme first; if the page is still visible after a moment the app is
  // not installed (or the browser, e.g. WeChat's, refused), so the web page opens instead.
  dp_js_open_app_or_web__deps: ['$dpExternal'],
  dp_js_open_app_or_web: function (app, appIos, web) {
    var a = UTF8ToString(app), ai = UTF8ToString(appIos), w = UTF8ToString(web);
    var ua = navigator.userAgent || '';
    var ios = /iPhone|iPad|iPod/.test(ua);
    var phone = ios || /Android|Mobile/.test(ua) ||
      (navigator.maxTouchPoints > 0 && window.matchMedia && window.matchMedia('(pointer: coarse)').matches);
    var scheme = ios && ai ? ai : a;
    if (!phone || !scheme || /MicroMessenger/.test(ua)) {
      dpExternal('web', w);
      window.open(w, '_blank', 'noopener');
      return;
    }
    var left = false;
    var gone = function () { if (document.hidden) left = true; };
    document.addEventListener('visibilitychange', gone);
    window.addEventListener('pagehide', gone);
    dpExternal('app', scheme);
    window.location.href = scheme;  // an unknown scheme leaves the page where it is
    setTimeout(function () {
      document.removeEventListener('visibilitychange', gone);
      window.removeEventListener('pagehide', gone);
      if (left || document.hidden) return;
      dpExternal('web', w);
      window.location.href = w;
    }, 1600);
  },
  dp_js_publish_test_state: function (key, json) {
    Module[UTF8ToString(key)] = JSON.parse(UTF8ToString(json));
  },

  // Text fields: real <input> elements over the canvas. Values go to C++ on every input event
  // outside an IME composition and when a composition ends (so 身份证 arrives once, whole).
  $dpFields: { map: {}, placed: {} },
  dp_js_place_text_field__deps: ['$dpFields'],
  dp_js_place_text_field: function (idp, x, y, w, h, font, placeholder, value, mode) {
    var id = UTF8ToString(idp), el = dpFields.map[id];
    var send = function (submitted) {
      var v = el.value, n1 = lengthBytesUTF8(id) + 1, n2 = lengthBytesUTF8(v) + 1;
      var p1 = _malloc(n1), p2 = _malloc(n2);
      stringToUTF8(id, p1, n1); stringToUTF8(v, p2, n2);
      Module['_dp_on_text'](p1, p2, submitted ? 1 : 0);
      _free(p1); _free(p2);
    };
    if (!el) {
      el = document.createElement('input');
      el.className = 'dp-field';
      el.id = 'field-' + id;
      el.autocomplete = 'off';
      el.spellcheck = false;
      el.composing = false;
      el.addEventListener('compositionstart', function () { el.composing = true; });
      el.addEventListener('compositionend', function () { el.composing = false; send(false); });
      el.addEventListener('input', function (e) { if (!el.composing && !e.isComposing) send(false); });
      el.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && !el.composing && !e.isComposing) { e.preventDefault(); send(true); }
      });
      document.body.appendChild(el);
      dpFields.map[id] = el;
    }
    var m = UTF8ToString(mode) || 'text';
    el.type = m === 'search' ? 'search' : 'text';
    el.setAttribute('inputmode', m === 'search' ? 'search' : m);
    el.setAttribute('enterkeyhint', m === 'search' ? 'search' : 'done');
    el.setAttribute('aria-label', UTF8ToString(placeholder));
    el.placeholder = UTF8ToString(placeholder);
    var v = UTF8ToString(value);
    if (!el.composing && el.value !== v && document.activeElement !== el) el.value = v;
    var s = el.style;
    s.left = x + 'px'; s.top = y + 'px'; s.width = w + 'px'; s.height = h + 'px';
    s.fontSize = font + 'px';
    s.display = 'block';
    dpFields.placed[id] = true;
  },
  dp_js_end_text_fields__deps: ['$dpFields'],
  dp_js_end_text_fields: function () {
    for (var id in dpFields.map) {
      if (!dpFields.placed[id]) {
        var el = dpFields.map[id];
        if (el.style.display !== 'none') { if (document.activeElement === el) el.blur(); el.style.display = 'none'; }
      }
    }
    dpFields.placed = {};
  },
  dp_js_blur_text_fields__deps: ['$dpFields'],
  dp_js_blur_text_fields: function () {
    if (document.activeElement && document.activeElement.classList.contains('dp-field')) document.activeElement.blur();
  },

  dp_js_publish_hitboxes: function (json) {
    Module.dpHitboxes = JSON.parse(UTF8ToString(json));
  },

  // 0 shared through the system sheet, 1 copied to the clipboard, 2 neither. Module.dpShared
  // keeps the last shared link for tests.
  dp_js_share__deps: ['dp_js_request_frame'],
  dp_js_share: function (id, title, url) {
    var t = UTF8ToString(title), u = new URL(UTF8ToString(url), location.href).href;
    var done = function (r) { Module['_dp_on_share'](id, r); _dp_js_request_frame(); };
    Module.dpShared = u;
    var copy = function () {
      if (navigator.clipboard && navigator.clipboard.writeText)
        navigator.clipboard.writeText(u).then(function () { done(1); }, function () { done(2); });
      else done(2);
    };
    if (navigator.share) {
      navigator.share({ title: t, url: u }).then(function () { done(0); }, function (e) {
        if (e && e.name === 'AbortError') done(0); else copy();  // the user closed the sheet
      });
    } else copy();
  },

  dp_js_load_image__deps: ['dp_js_request_frame'],
  dp_js_load_image: function (id, url, maxWidth) {
    var img = new Image();
    var deliver = function (w, h, data) {
      var p = data ? _malloc(data.length) : 0;
      if (p) HEAPU8.set(data, p);
      Module['_dp_on_image'](id, p ? w : 0, p ? h : 0, p);
      if (p) _free(p);
      _dp_js_request_frame();
    };
    img.onload = function () {
      var w = img.naturalWidth || 1, h = img.naturalHeight || 1;
      if (w > maxWidth) { h = Math.max(1, Math.round(h * maxWidth / w)); w = maxWidth; }
      var c = document.createElement('canvas');
      c.width = w; c.height = h;
      var g = c.getContext('2d');
      g.drawImage(img, 0, 0, w, h);
      try { deliver(w, h, g.getImageData(0, 0, w, h).data); } catch (e) { deliver(0, 0, null); }
    };
    img.onerror = function () { deliver(0, 0, null); };
    img.src = UTF8ToString(url);
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
    // The app shell may have started this very request while the wasm was downloading
    // (Module.dpEarlyFetches, www/app-shell.js); each early answer is used once.
    var early = Module.dpEarlyFetches && Module.dpEarlyFetches[u];
    if (early) delete Module.dpEarlyFetches[u];
    (early || fetch(u, { credentials: 'same-origin' }))
      .then(function (r) {
        return r.arrayBuffer().then(function (b) { deliver(r.status, new Uint8Array(b)); });
      })
      .catch(function () { deliver(0, new Uint8Array(0)); });
  },

  // Usage events (statistics): a POST that survives the page being hidden (fetch keepalive keeps
  // custom headers, unlike sendBeacon), a periodic tick, and the page-hidden signal.
  dp_js_post_json_keepalive: function (id, url, body, key) {
    var deliver = function (status, bytes) {
      var p = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, p);
      HEAPU8[p + bytes.length] = 0;
      Module['_dp_on_fetch'](id, status, p, bytes.length);
      _free(p);
    };
    var text = UTF8ToString(body);
    var headers = { 'Content-Type': 'application/json' };
    var k = UTF8ToString(key);
    if (k) headers['Idempotency-Key'] = k;
    var opts = { method: 'POST', headers: headers, body: text, credentials: 'same-origin' };
    // keepalive bodies are limited to 64 KB in all; larger ones go as ordinary requests.
    if (text.length < 60000) opts.keepalive = true;
    try {
      fetch(UTF8ToString(url), opts)
        .then(function (r) {
          return r.arrayBuffer().then(function (b) { deliver(r.status, new Uint8Array(b)); });
        })
        .catch(function () { deliver(0, new Uint8Array(0)); });
    } catch (e) { deliver(0, new Uint8Array(0)); }
  },
  dp_js_install_usage_hooks: function (seconds) {
    if (Module.dpUsageHooks) return;
    Module.dpUsageHooks = true;
    var signal = function (hidden) { try { Module['_dp_on_usage_signal'](hidden ? 1 : 0); } catch (e) {} };
    setInterval(function () { signal(false); }, Math.max(1, seconds) * 1000);
    window.addEventListener('online', function () { signal(false); });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') signal(true);
    });
    window.addEventListener('pagehide', function () { signal(true); });
  },
  dp_js_is_online: function () { return (typeof navigator.onLine === 'boolean' && !navigator.onLine) ? 0 : 1; },
  dp_js_now_ms: function () { return Date.now(); },

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
