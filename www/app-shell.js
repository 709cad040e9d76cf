// App shell: shows download progress from the first byte, streams the wasm while counting
// bytes, then hands over to the ImGui app (which reports data-app-state itself).
(function () {
  'use strict';
  var app = document.documentElement.dataset.app || 'resident';
  var fill = document.getElementById('loading-fill');
  var label = document.getElementById('loading-label');
  var bar = fill && fill.parentNode;

  function setProgress(fraction, text) {
    var pct = Math.max(2, Math.min(100, Math.round(fraction * 100)));
    if (fill) fill.style.width = pct + '%';
    if (bar) bar.setAttribute('aria-valuenow', String(pct));
    if (text && label) label.textContent = text;
  }
  function fail(reason) {
    document.documentElement.dataset.appState = 'error';
    document.documentElement.dataset.appError = reason;
    if (label) label.textContent = reason;
  }

  // Fetch the wasm with a byte count (Content-Length) so the bar moves while it downloads.
  function fetchWithProgress(url, from, to) {
    return fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('下载失败（' + res.status + '）');
      var total = Number(res.headers.get('Content-Length')) || 0;
      if (!res.body || !total) return res.arrayBuffer();
      var reader = res.body.getReader(), got = 0, chunks = [];
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var all = new Uint8Array(got), off = 0;
            chunks.forEach(function (c) { all.set(c, off); off += c.length; });
            return all.buffer;
          }
          chunks.push(r.value); got += r.value.length;
          setProgress(from + (to - from) * Math.min(1, got / total), '正在下载（' + Math.round(got / 1024) + ' KB）…');
          return pump();
        });
      }
      return pump();
    });
  }

  // GLFW listens for keys on window in the capture phase and cancels Backspace/Tab: keys typed
  // into our real <input> fields must never reach it. This listener is registered first.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) e.stopImmediatePropagation();
    }, true);
  });

  var canvas = document.getElementById('canvas');
  window.Module = {
    canvas: canvas,
    setLoadingProgress: setProgress,
    hideLoadingOverlay: function () {
      setProgress(1);
      var el = document.getElementById('loading');
      if (el) el.classList.add('done');
    },
    locateFile: function (path) { return '/' + path; },
    instantiateWasm: function (imports, done) {
      fetchWithProgress('/' + app + '.wasm', 0.05, 0.8)
        .then(function (bytes) { setProgress(0.85, '正在启动…'); return WebAssembly.instantiate(bytes, imports); })
        .then(function (r) { done(r.instance, r.module); })
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
  var s = document.createElement('script');
  s.src = '/' + app + '.js';
  s.onerror = function () { fail('加载失败，请检查网络后刷新'); };
  document.body.appendChild(s);
})();
