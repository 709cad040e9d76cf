// App shell: shows download progress from the first byte, streams the wasm while counting
// bytes, then hands over to the ImGui app (which reports data-app-state itself).
(function () {
  'use strict';
  var root = document.documentElement;
  // The help pages (找人帮我办, 我的申请) are their own app, so the landing never downloads them.
  var helpPage = /^\/d\/[^/]+\/(help|requests)(\/|$)/.test(location.pathname);
  var app = helpPage ? 'resident_help' : (root.dataset.app || 'resident');
  // scripts/assemble-www.sh writes this build's hashed file names onto <html>.
  var jsUrl = (helpPage ? root.dataset.helpJs : root.dataset.js) || '/' + app + '.js';
  var wasmUrl = (helpPage ? root.dataset.helpWasm : root.dataset.wasm) || '/' + app + '.wasm';
  var fill = document.getElementById('loading-fill');
  var label = document.getElementById('loading-label');
  var bar = fill && fill.parentNode;

  // The wasm arrives in hundreds of small chunks: the bar and label change at most once per
  // animation frame (a DOM write per chunk cost half a second of a slow phone's main thread).
  var shown = { pct: -1, text: '' }, wanted = null;
  function showProgress() {
    var w = wanted;
    wanted = null;
    if (!w || root.dataset.appState === 'error') return;
    if (w.pct !== shown.pct) {
      shown.pct = w.pct;
      if (fill) fill.style.width = w.pct + '%';
      if (bar) bar.setAttribute('aria-valuenow', String(w.pct));
    }
    if (w.text && w.text !== shown.text && label) label.textContent = shown.text = w.text;
  }
  function setProgress(fraction, text) {
    var pct = Math.max(2, Math.min(100, Math.round(fraction * 100)));
    if (!wanted) requestAnimationFrame(showProgress);
    wanted = { pct: pct, text: text || (wanted && wanted.text) || '' };
  }
  function fail(reason) {
    document.documentElement.dataset.appState = 'error';
    document.documentElement.dataset.appError = reason;
    if (label) label.textContent = reason;
  }

  // Fetch the wasm with a byte count so the bar moves while it downloads, compiling it while
  // it streams in. Starts at once, in parallel with the app's script.
  function compileWithProgress(url, from, to) {
    return fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('下载失败（' + res.status + '）');
      // Content-Length counts compressed bytes; the body arrives decompressed (about 3×).
      var total = (Number(res.headers.get('Content-Length')) || 0) * (res.headers.get('Content-Encoding') ? 2.9 : 1);
      var got = 0;
      var count = function (n) {
        got += n;
        if (total) setProgress(from + (to - from) * Math.min(1, got / total), '正在下载（' + Math.round(got / 1024) + ' KB）…');
      };
      if (res.body && window.TransformStream && WebAssembly.compileStreaming) {
        var counted = res.body.pipeThrough(new TransformStream({
          transform: function (chunk, ctl) { count(chunk.length); ctl.enqueue(chunk); }
        }));
        return WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }));
      }
      return res.arrayBuffer().then(function (b) { count(b.byteLength); return WebAssembly.compile(b); });
    });
  }
  var wasmModule = compileWithProgress(wasmUrl, 0.05, 0.8);
  wasmModule.catch(function () {});  // reported when the app asks for it

  // The doorplate the page is about, fetched while the wasm downloads (the app asks for
  // exactly this URL first; platform_web.js takes it from dpEarlyFetches). Its body is read
  // here too, so the answer is already settled when the app starts: the app has it before its
  // first frame and draws the landing at once instead of a loading frame first.
  var early = {};
  var plate = /^\/d\/([0-9A-Za-z]{4,16})(\/|$)/.exec(location.pathname);
  if (plate) {
    var src = new URLSearchParams(location.search).get('src');
    var plateUrl = '/api/v1/doorplates/' + plate[1] + (src ? '?src=' + encodeURIComponent(src) : '');
    early[plateUrl] = fetch(plateUrl, { credentials: 'same-origin' }).then(function (r) {
      return r.arrayBuffer().then(function (body) {
        return { status: r.status, arrayBuffer: function () { return Promise.resolve(body); } };
      });
    });
    early[plateUrl].catch(function () {});
  }

  // GLFW listens for keys on window in the capture phase and cancels Backspace/Tab: keys typed
  // into our real <input> fields must never reach it. This listener is registered first.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) {
        // Stopping here also keeps the event from the field's own listeners: the platform layer
        // hands the field its key handling as dpKeydown (Enter submits) and it runs now.
        if (type === 'keydown' && typeof t.dpKeydown === 'function') t.dpKeydown(e);
        e.stopImmediatePropagation();
      }
    }, true);
  });

  var canvas = document.getElementById('canvas');
  // Creating the WebGL context takes long on a slow phone (and seconds under a software
  // renderer): it is created here, at the size the app draws at, while the wasm downloads, and
  // the app takes it over (emscripten's GL_PREINITIALIZED_CONTEXT). Without WebGL2 the app
  // reports the failure itself.
  var glTried = false;
  function createGL() {
    if (glTried || !canvas) return;
    glTried = true;
    try {
      var dpr = window.devicePixelRatio || 1, r = canvas.getBoundingClientRect();
      canvas.width = Math.max(1, Math.round(r.width * dpr));
      canvas.height = Math.max(1, Math.round(r.height * dpr));
      var gl = canvas.getContext('webgl2', { alpha: true, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false });
      if (gl) window.Module.preinitializedWebGLContext = gl;
    } catch (e) { /* the app tries again and says what failed */ }
  }
  window.Module = {
    canvas: canvas,
    setLoadingProgress: setProgress,
    hideLoadingOverlay: function () {
      setProgress(1);
      var el = document.getElementById('loading');
      if (el) el.classList.add('done');
    },
    locateFile: function (path) { return '/' + path; },
    dpEarlyFetches: early,
    instantiateWasm: function (imports, done) {
      createGL();  // if the wasm came before the idle moment below
      wasmModule
        .then(function (module) {
          setProgress(0.85, '正在启动…');
          return WebAssembly.instantiate(module, imports).then(function (instance) { done(instance, module); });
        })
        .catch(function (e) { fail('加载失败：' + (e && e.message ? e.message : e) + '，请刷新重试'); });
      return {};
    },
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { fail('程序出错：' + what); }
  };
  window.addEventListener('error', function (e) {
    if (document.documentElement.dataset.appState === 'loading') fail('程序出错：' + e.message);
  });
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  setProgress(0.03, '正在下载…');
  // After the loading screen is painted: the context creation blocks the main thread.
  requestAnimationFrame(function () { setTimeout(createGL, 0); });
  var s = document.createElement('script');
  s.src = jsUrl;
  s.onerror = function () { fail('加载失败，请检查网络后刷新'); };
  document.body.appendChild(s);

  // Offline: once the app is up, a service worker keeps the shell and the guides (sw.js).
  // Browsers allow it on https and on localhost only.
  // The console (/desk) is online only and its answers are personal: no service worker there.
  if ('serviceWorker' in navigator && window.isSecureContext && app === 'resident') {
    // Registered after the first view is drawn, so its downloads never slow that view down.
    var registerWorker = function () {
      navigator.serviceWorker.register('/sw.js')
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (reg) { reg.active.postMessage({ type: 'keep-offline', path: location.pathname }); })
        .catch(function (e) { console.warn('service worker: ' + e); });
    };
    new MutationObserver(function (list, observer) {
      if (root.dataset.appState !== 'loading') { observer.disconnect(); setTimeout(registerWorker, 500); }
    }).observe(root, { attributes: true, attributeFilter: ['data-app-state'] });
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data && e.data.type === 'guides-offline') root.dataset.offlineGuides = String(e.data.stored);
    });
  }
})();
