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
     'visibilitychange', 'orientationchange', 'online', 'offline'].forEach(function (type) {
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

  // Wheel and touchpad scrolling on the canvas, as steps (100 px, 3 lines or 1/80 page each).
  dp_js_install_wheel: function () {
    var canvas = Module['canvas'];
    if (!canvas || canvas.dpWheel) return;
    canvas.dpWheel = true;
    canvas.addEventListener('wheel', function (e) {
      var k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
      e.preventDefault();
      Module['_dp_on_wheel'](-e.deltaX * k, -e.deltaY * k);
    }, { passive: false });
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
  dp_js_download: function (url, fileName) {
    var u = UTF8ToString(url);
    if (u.charAt(0) !== '/' || u.charAt(1) === '/') return;  // same origin only
    (Module.dpDownloads || (Module.dpDownloads = [])).push(u);
    var a = document.createElement('a');
    a.href = u;
    a.download = UTF8ToString(fileName) || '';
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { a.remove(); }, 0);
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
  dp_js_place_text_field: function (idp, x, y, w, h, font, placeholder, value, mode, flags) {
    var id = UTF8ToString(idp), el = dpFields.map[id];
    var multiline = (flags & 1) !== 0;
    if (el && (el.tagName === 'TEXTAREA') !== multiline) { el.remove(); delete dpFields.map[id]; el = null; }
    var send = function (submitted) {
      var v = el.value, n1 = lengthBytesUTF8(id) + 1, n2 = lengthBytesUTF8(v) + 1;
      var p1 = _malloc(n1), p2 = _malloc(n2);
      stringToUTF8(id, p1, n1); stringToUTF8(v, p2, n2);
      Module['_dp_on_text'](p1, p2, submitted ? 1 : 0);
      _free(p1); _free(p2);
    };
    if (!el) {
      el = document.createElement(multiline ? 'textarea' : 'input');
      el.className = 'dp-field';
      el.id = 'field-' + id;
      el.autocomplete = 'off';
      el.spellcheck = false;
      el.composing = false;
      el.addEventListener('compositionstart', function () { el.composing = true; });
      el.addEventListener('compositionend', function () { el.composing = false; send(false); });
      el.addEventListener('input', function (e) { if (!el.composing && !e.isComposing) send(false); });
      // Called by the app shell's capture listener (www/app-shell.js), which keeps keys typed
      // here from GLFW and thereby from listeners on the field itself.
      el.dpKeydown = function (e) {
        if (e.key === 'Enter' && !el.composing && !e.isComposing && !(el.tagName === 'TEXTAREA' && (e.shiftKey || !el.enterSubmits))) {
          e.preventDefault(); send(true);
        }
      };
      document.body.appendChild(el);
      dpFields.map[id] = el;
    }
    var m = UTF8ToString(mode) || 'text';
    el.enterSubmits = (flags & 2) !== 0;
    if (!multiline) el.type = m === 'search' ? 'search' : m === 'password' ? 'password' : 'text';
    if (m === 'password') el.autocomplete = 'current-password';
    el.setAttribute('inputmode', m === 'search' ? 'search' : m === 'password' ? 'text' : m);
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

  dp_js_set_text_field_value__deps: ['$dpFields'],
  dp_js_set_text_field_value: function (idp, value) {
    var el = dpFields.map[UTF8ToString(idp)];
    if (el) el.value = UTF8ToString(value);
  },
  dp_js_focus_text_field__deps: ['$dpFields'],
  dp_js_focus_text_field: function (idp) {
    var el = dpFields.map[UTF8ToString(idp)];
    if (el) el.focus();
  },

  dp_js_load_page: function (url) {
    var u = UTF8ToString(url);
    if (u.charAt(0) === '/') window.location.assign(u);
  },
  dp_js_online: function () { return navigator.onLine === false ? 0 : 1; },


  // The outbox (see platform.hpp): entries {key, url, json | blob+material, bearer, tag,
  // queued_at, attempts} in localStorage 'doorplate:outbox'. An entry leaves the outbox only
  // when the server gave a final answer (2xx or 4xx other than 429); the app hears of it then.
  // Module.dpOutboxLog records each attempt (tests).
  $dpOutbox: {
    started: false, sending: {}, timer: null,
    load: function () {
      try { return JSON.parse(window.localStorage.getItem('doorplate:outbox') || '[]'); } catch (e) { return []; }
    },
    save: function (list) {
      try { window.localStorage.setItem('doorplate:outbox', JSON.stringify(list)); } catch (e) {}
    },
    newKey: function () {
      if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
      var a = new Uint8Array(16); crypto.getRandomValues(a);
      return Array.prototype.map.call(a, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    }
  },
  $dpBlobs: {
    urls: {},
    get: function (key) {
      try { return window.localStorage.getItem('doorplate:blob:' + key) || ''; } catch (e) { return ''; }
    },
    put: function (key, dataUrl) {
      try { window.localStorage.setItem('doorplate:blob:' + key, dataUrl); return true; } catch (e) { return false; }
    },
    toBlob: function (dataUrl) {
      var comma = dataUrl.indexOf(','), meta = dataUrl.slice(5, comma), bin = atob(dataUrl.slice(comma + 1));
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return new Blob([bytes], { type: meta.split(';')[0] });
    }
  },
  $dpOutboxFlush__deps: ['$dpOutbox', '$dpBlobs', 'dp_js_request_frame'],
  $dpOutboxFlush: function () {
    var O = dpOutbox;
    if (!O.started || navigator.onLine === false) return;
    O.load().forEach(function (e) {
      if (O.sending[e.key]) return;
      O.sending[e.key] = true;
      var list = O.load();
      list.forEach(function (x) { if (x.key === e.key) x.attempts = (x.attempts || 0) + 1; });
      O.save(list);
      var headers = { 'Idempotency-Key': e.key }, body;
      if (e.bearer) headers['Authorization'] = 'Bearer ' + e.bearer;
      if (e.blob) {
        var data = dpBlobs.get(e.blob);
        body = new FormData();
        body.append('material', e.material || '');
        if (data) body.append('file', dpBlobs.toBlob(data), e.blob.replace(/[^A-Za-z0-9._-]/g, '_') + (data.indexOf('image/png') > 0 ? '.png' : '.jpg'));
      } else {
        headers['Content-Type'] = 'application/json';
        body = e.json;
      }
      (Module.dpOutboxLog || (Module.dpOutboxLog = [])).push({ key: e.key, url: e.url });
      var retry = function () {
        delete O.sending[e.key];
        if (!O.timer) O.timer = setTimeout(function () { O.timer = null; dpOutboxFlush(); }, 3000);
      };
      fetch(e.url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin', cache: 'no-store' })
        .then(function (r) {
          return r.text().then(function (text) {
            if (r.status >= 500 || r.status === 429 || r.status === 0) return retry();
            O.save(O.load().filter(function (x) { return x.key !== e.key; }));
            delete O.sending[e.key];
            var s = function (v) { var n = lengthBytesUTF8(v) + 1, p = _malloc(n); stringToUTF8(v, p, n); return p; };
            var pk = s(e.key), pb = s(text), pt = s(e.tag || '');
            Module['_dp_on_outbox'](pk, r.status, pb, lengthBytesUTF8(text), pt);
            _free(pk); _free(pb); _free(pt);
            _dp_js_request_frame();
          });
        })
        .catch(retry);
    });
  },
  dp_js_outbox_start__deps: ['$dpOutbox', '$dpOutboxFlush'],
  dp_js_outbox_start: function () {
    if (!dpOutbox.started) {
      dpOutbox.started = true;
      window.addEventListener('online', function () { dpOutboxFlush(); });
    }
    dpOutboxFlush();
  },
  dp_js_outbox_add__deps: ['$dpOutbox', '$dpOutboxFlush', '$dpString'],
  dp_js_outbox_add: function (json) {
    var e = JSON.parse(UTF8ToString(json));
    e.key = dpOutbox.newKey();
    e.queued_at = Date.now() / 1000;
    e.attempts = 0;
    var list = dpOutbox.load();
    list.push(e);
    dpOutbox.save(list);
    setTimeout(dpOutboxFlush, 0);
    return dpString(e.key);
  },
  dp_js_outbox_entries__deps: ['$dpOutbox', '$dpString'],
  dp_js_outbox_entries: function () {
    return dpString(dpOutbox.load().map(function (e) {
      return [e.key, e.queued_at, e.attempts || 0, String(e.tag || '').replace(/[\t\n]/g, ' ')].join('\t');
    }).join('\n'));
  },

  // Camera or gallery through a real file input; the picture is scaled and kept as JPEG.
  dp_js_pick_image__deps: ['$dpBlobs', 'dp_js_request_frame'],
  dp_js_pick_image: function (id, blobKey, camera) {
    var key = UTF8ToString(blobKey);
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    if (camera) input.setAttribute('capture', 'environment');
    input.style.display = 'none';
    input.id = 'dp-file-picker';
    var done = function (ok) { if (input.parentNode) input.parentNode.removeChild(input); Module['_dp_on_pick'](id, ok ? 1 : 0); _dp_js_request_frame(); };
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      if (!f) return done(false);
      var url = URL.createObjectURL(f), img = new Image();
      img.onload = function () {
        var w = img.naturalWidth, h = img.naturalHeight, max = 1600;
        if (Math.max(w, h) > max) { var k = max / Math.max(w, h); w = Math.round(w * k); h = Math.round(h * k); }
        var c = document.createElement('canvas'); c.width = w; c.height = h;
        var g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0, w, h);
        URL.revokeObjectURL(url);
        if (dpBlobs.urls[key]) { URL.revokeObjectURL(dpBlobs.urls[key]); delete dpBlobs.urls[key]; }
        done(dpBlobs.put(key, c.toDataURL('image/jpeg', 0.85)));
      };
      img.onerror = function () { URL.revokeObjectURL(url); done(false); };
      img.src = url;
    });
    document.body.appendChild(input);
    input.click();
  },
  // Signature strokes → PNG (black on white) in the blob store; answers its SHA-256.
  dp_js_store_signature__deps: ['$dpBlobs', 'dp_js_request_frame'],
  dp_js_store_signature: function (id, blobKey, strokesJson, w, h) {
    var key = UTF8ToString(blobKey), strokes = JSON.parse(UTF8ToString(strokesJson));
    var c = document.createElement('canvas'); c.width = w; c.height = h;
    var g = c.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, w, h);
    g.strokeStyle = '#111'; g.lineWidth = Math.max(3, w / 160); g.lineCap = 'round'; g.lineJoin = 'round';
    strokes.forEach(function (s) {
      if (s.length < 2) return;
      g.beginPath(); g.moveTo(s[0] * w, s[1] * h);
      for (var i = 2; i + 1 < s.length; i += 2) g.lineTo(s[i] * w, s[i + 1] * h);
      if (s.length === 2) g.lineTo(s[0] * w + 0.5, s[1] * h + 0.5);
      g.stroke();
    });
    var data = c.toDataURL('image/png');
    if (dpBlobs.urls[key]) { URL.revokeObjectURL(dpBlobs.urls[key]); delete dpBlobs.urls[key]; }
    dpBlobs.put(key, data);
    var answer = function (hex) {
      var n = lengthBytesUTF8(hex) + 1, p = _malloc(n); stringToUTF8(hex, p, n);
      Module['_dp_on_signature'](id, p); _free(p); _dp_js_request_frame();
    };
    dpBlobs.toBlob(data).arrayBuffer().then(function (b) { return crypto.subtle.digest('SHA-256', b); })
      .then(function (d) { answer(Array.prototype.map.call(new Uint8Array(d), function (x) { return (x + 256).toString(16).slice(1); }).join('')); })
      .catch(function () { answer(''); });
  },
  dp_js_blob_url__deps: ['$dpBlobs', '$dpString'],
  dp_js_blob_url: function (blobKey) {
    var key = UTF8ToString(blobKey);
    if (!dpBlobs.urls[key]) {
      var data = dpBlobs.get(key);
      if (data) dpBlobs.urls[key] = URL.createObjectURL(dpBlobs.toBlob(data));
    }
    return dpString(dpBlobs.urls[key] || '');
  },
  dp_js_blob_remove__deps: ['$dpBlobs'],
  dp_js_blob_remove: function (blobKey) {
    var key = UTF8ToString(blobKey);
    if (dpBlobs.urls[key]) { URL.revokeObjectURL(dpBlobs.urls[key]); delete dpBlobs.urls[key]; }
    try { window.localStorage.removeItem('doorplate:blob:' + key); } catch (e) {}
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
  dp_js_load_image: function (id, url, maxWidth, bearer) {
    var img = new Image(), src = UTF8ToString(url), token = UTF8ToString(bearer), objectUrl = '';
    var deliver = function (w, h, data) {
      var p = data ? _malloc(data.length) : 0;
      if (p) HEAPU8.set(data, p);
      Module['_dp_on_image'](id, p ? w : 0, p ? h : 0, p);
      if (p) _free(p);
      _dp_js_request_frame();
    };
    img.onload = function () {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      var w = img.naturalWidth || 1, h = img.naturalHeight || 1;
      if (w > maxWidth) { h = Math.max(1, Math.round(h * maxWidth / w)); w = maxWidth; }
      var c = document.createElement('canvas');
      c.width = w; c.height = h;
      var g = c.getContext('2d');
      g.drawImage(img, 0, 0, w, h);
      try { deliver(w, h, g.getImageData(0, 0, w, h).data); } catch (e) { deliver(0, 0, null); }
    };
    img.onerror = function () { if (objectUrl) URL.revokeObjectURL(objectUrl); deliver(0, 0, null); };
    if (!token) { img.src = src; return; }
    // A picture behind a bearer token: fetched with the header, shown from an object URL.
    fetch(src, { headers: { 'Authorization': 'Bearer ' + token }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.blob(); })
      .then(function (b) { objectUrl = URL.createObjectURL(b); img.src = objectUrl; })
      .catch(function () { deliver(0, 0, null); });
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

  // Any method with a body and headers (JSON text), cookies included (same origin); aborted
  // after timeoutMs if set (status 0). Module.dpFetches holds what can be cancelled.
  dp_js_fetch__deps: ['dp_js_request_frame'],
  dp_js_fetch: function (id, method, url, body, bodyLength, headersJson, timeoutMs, keepalive) {
    var aborter = window.AbortController ? new AbortController() : null;
    var live = Module.dpFetches || (Module.dpFetches = {});
    live[id] = aborter;
    var timer = timeoutMs > 0 && aborter ? setTimeout(function () { aborter.abort(); }, timeoutMs) : 0;
    var m = UTF8ToString(method);
    var init = { method: m, credentials: 'same-origin', headers: JSON.parse(UTF8ToString(headersJson) || '{}') };
    if (bodyLength > 0) init.body = HEAPU8.slice(body, body + bodyLength);
    if (aborter) init.signal = aborter.signal;
    // keepalive bodies are limited to 64 KB in all; larger ones go as ordinary requests.
    if (keepalive && bodyLength < 60000) init.keepalive = true;
    var deliver = function (status, bytes) {
      if (timer) clearTimeout(timer);
      var cancelled = !(id in live);
      delete live[id];
      if (cancelled) return;
      var p = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, p);
      HEAPU8[p + bytes.length] = 0;
      Module['_dp_on_fetch'](id, status, p, bytes.length);
      _free(p);
      _dp_js_request_frame();
    };
    fetch(UTF8ToString(url), init)
      .then(function (r) { return r.arrayBuffer().then(function (b) { deliver(r.status, new Uint8Array(b)); }); })
      .catch(function () { deliver(0, new Uint8Array(0)); });
  },
  dp_js_cancel_fetch: function (id) {
    var live = Module.dpFetches || {};
    var a = live[id];
    delete live[id];
    if (a) a.abort();
  },
  dp_js_unix_time: function () { return Date.now() / 1000; },
  dp_js_after: function (id, ms) {
    setTimeout(function () { Module['_dp_on_timer'](id); }, ms);
  },
  // A hidden <input type=file>; the file's bytes go to C++ once read.
  dp_js_choose_file__deps: ['dp_js_request_frame'],
  dp_js_choose_file: function (id, accept) {
    var el = document.createElement('input');
    el.type = 'file';
    el.accept = UTF8ToString(accept);
    el.style.display = 'none';
    el.id = 'dp-file-chooser';
    el.addEventListener('change', function () {
      var f = el.files && el.files[0];
      el.remove();
      if (!f) return;
      f.arrayBuffer().then(function (b) {
        var bytes = new Uint8Array(b), n = lengthBytesUTF8(f.name) + 1;
        var pn = _malloc(n), pb = _malloc(bytes.length + 1);
        stringToUTF8(f.name, pn, n);
        HEAPU8.set(bytes, pb);
        Module['_dp_on_file'](id, pn, pb, bytes.length);
        _free(pn); _free(pb);
        _dp_js_request_frame();
      });
    });
    document.body.appendChild(el);
    el.click();
  },
  // Usage events (statistics): a periodic tick and the page-hidden signal; the batches go through
  // dp_js_fetch with keepalive (which keeps custom headers, unlike sendBeacon).
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

  // Glyphs are drawn with the browser's own fonts into a scratch canvas; the alpha channel
  // becomes ImGui's glyph bitmap. No font file is downloaded. Each character's box is measured
  // once per size (ImGui asks for the advance first and for the bitmap later); the bitmaps of a
  // frame are drawn together and read back with one getImageData (one read per glyph cost
  // more than a second of a slow phone's first view).
  $dpGlyphs: {
    ctx: null,
    boxes: {},    // size + ' ' + codepoint → [advance * 64, x0, y0, width, height, ok]
    metrics: {},  // size → [ascent, descent]
    family: '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "Heiti SC", system-ui, sans-serif',
    context: function (size) {
      if (!this.ctx) {
        var c = document.createElement('canvas');
        c.width = 1024; c.height = 256;
        this.ctx = c.getContext('2d', { willReadFrequently: true });
        this.size = 0;
      }
      if (this.size !== size) {
        this.size = size;
        this.ctx.font = size + 'px ' + this.family;
        this.ctx.textBaseline = 'alphabetic';
        this.ctx.fillStyle = '#fff';
      }
      return this.ctx;
    },
    // Measuring: one small context per size, so a page mixing sizes never re-parses ctx.font
    // (switching fonts cost more than the measurement on a slow phone).
    measurers: {},
    measurer: function (size) {
      var m = this.measurers[size];
      if (!m) {
        var c = document.createElement('canvas');
        c.width = c.height = 1;  // never drawn on
        m = this.measurers[size] = c.getContext('2d');
        m.font = size + 'px ' + this.family;
      }
      return m;
    }
  },
  dp_js_font_metrics__deps: ['$dpGlyphs'],
  dp_js_font_metrics: function (size, out) {
    var v = dpGlyphs.metrics[size];
    if (!v) {
      var m = dpGlyphs.measurer(size).measureText('国Ag');
      v = [m.fontBoundingBoxAscent || size * 0.88, m.fontBoundingBoxDescent || size * 0.12];
      dpGlyphs.metrics[size] = v;
    }
    HEAPF32[out >> 2] = v[0];
    HEAPF32[(out >> 2) + 1] = v[1];
  },
  // info (int32[6]): advance * 64, x0, y0, width, height, ok.
  dp_js_glyph_box__deps: ['$dpGlyphs'],
  dp_js_glyph_box: function (codepoint, size, info) {
    var key = size + ' ' + codepoint, v = dpGlyphs.boxes[key];
    if (!v) {
      var m = dpGlyphs.measurer(size).measureText(String.fromCodePoint(codepoint));
      var left = Math.ceil(m.actualBoundingBoxLeft), right = Math.ceil(m.actualBoundingBoxRight);
      var up = Math.ceil(m.actualBoundingBoxAscent), down = Math.ceil(m.actualBoundingBoxDescent);
      v = [Math.round(m.width * 64), 0, 0, 0, 0, 1];
      if (left + right > 0 && up + down > 0) {  // not a blank: a box with a pixel of margin
        v[1] = -(left + 1); v[2] = -(up + 1); v[3] = left + right + 2; v[4] = up + down + 2;
      }
      dpGlyphs.boxes[key] = v;
    }
    for (var i = 0; i < 6; i++) HEAP32[(info >> 2) + i] = v[i];
  },
  // requests (float[count * 6]): codepoint, size, width, height, x0, y0; out: the coverage
  // bytes of every box, in order. Boxes are laid out in rows on the scratch canvas, drawn, and
  // read back once per canvas full.
  dp_js_rasterize_glyphs__deps: ['$dpGlyphs'],
  dp_js_rasterize_glyphs: function (count, requests, out) {
    var W = 1024, MAXH = 2048, f = requests >> 2, o = out;
    var i = 0;
    while (i < count) {
      // Lay out as many as fit on one canvas.
      var x = 0, y = 0, rowH = 0, place = [], j = i;
      for (; j < count; j++) {
        var w = HEAPF32[f + j * 6 + 2], h = HEAPF32[f + j * 6 + 3];
        if (x + w > W) { x = 0; y += rowH; rowH = 0; }
        if (y + h > MAXH && j > i) break;
        place.push(x, y);
        x += w + 2; rowH = Math.max(rowH, h + 2);  // a gap: no glyph's edge reaches its neighbour
      }
      var H = Math.max(1, y + rowH), ctx = dpGlyphs.context(HEAPF32[f + i * 6 + 1]), c = ctx.canvas;
      if (c.width < W || c.height < H) {
        c.width = Math.max(c.width, W); c.height = Math.max(c.height, H);
        dpGlyphs.size = 0;  // resizing resets the context's font and colour
      }
      ctx.clearRect(0, 0, W, H);
      // Drawn size by size: each change of size sets ctx.font again.
      var order = [];
      for (var k = i; k < j; k++) order.push(k);
      order.sort(function (a, b) { return HEAPF32[f + a * 6 + 1] - HEAPF32[f + b * 6 + 1] || a - b; });
      for (var n = 0; n < order.length; n++) {
        var k = order[n], b = f + k * 6, px = place[(k - i) * 2], py = place[(k - i) * 2 + 1];
        ctx = dpGlyphs.context(HEAPF32[b + 1]);
        ctx.fillText(String.fromCodePoint(HEAPF32[b]), px - HEAPF32[b + 4], py - HEAPF32[b + 5]);
      }
      var data = ctx.getImageData(0, 0, W, H).data;
      for (var k = i; k < j; k++) {
        var b = f + k * 6, w = HEAPF32[b + 2], h = HEAPF32[b + 3];
        var px = place[(k - i) * 2], py = place[(k - i) * 2 + 1];
        for (var r = 0; r < h; r++) {
          var src = ((py + r) * W + px) * 4 + 3;
          for (var q = 0; q < w; q++, src += 4) HEAPU8[o++] = data[src];
        }
      }
      i = j;
    }
  }
});
