/* fassung – search for lawyers. Citation queries ("§ 26 BeschV", "26 BeschV", "BeschV 26",
   "§ 18 Abs. 2 AufenthG") lead straight to the provision; everything else goes to the Pagefind index,
   filtered by law and date. Every string from the index is inserted as text, never as HTML. The
   query is kept in the address (?q=…&gesetz=…&stand=…). */
(function () {
  'use strict';
  var form = document.getElementById('suche-form');
  if (!form) return;
  var input = document.getElementById('q');
  var lawSelect = document.getElementById('gesetz');
  var dayInput = document.getElementById('stand');
  var status = document.getElementById('suche-status');
  var cite = document.getElementById('zitat');
  var list = document.getElementById('treffer');
  var fromDisk = location.protocol === 'file:';

  var laws = Array.prototype.map.call(document.querySelectorAll('#gesetze [data-law]'), function (el) {
    return {
      id: el.getAttribute('data-law'),
      abbr: el.getAttribute('data-abbr'),
      names: (el.getAttribute('data-names') || '').split('|').filter(Boolean),
      versions: (el.getAttribute('data-versions') || '').split(' ').filter(Boolean),
    };
  });

  function lawByToken(token) {
    var t = token.toLowerCase();
    for (var i = 0; i < laws.length; i++) {
      var l = laws[i];
      if (l.abbr.toLowerCase() === t || l.id === t) return l;
      for (var k = 0; k < l.names.length; k++) if (l.names[k].toLowerCase() === t) return l;
    }
    return null;
  }

  function versionAt(law, day) {
    var found = null;
    for (var i = 0; i < law.versions.length; i++) if (!day || law.versions[i] <= day) found = law.versions[i];
    return found;
  }

  function german(iso) {
    return iso.slice(8, 10) + '.' + iso.slice(5, 7) + '.' + iso.slice(0, 4);
  }

  var UNIT = '(?:\\s*(?:Abs\\.?|Absatz)\\s*(\\d+[a-z]?))?(?:\\s*(?:S\\.|Satz)\\s*(\\d+))?(?:\\s*(?:Nr\\.?|Nummer)\\s*(\\d+[a-z]?))?';
  var LAW_FIRST = new RegExp('^\\s*([A-Za-zÄÖÜäöüß]+)\\s*(?:§+\\s*)?(\\d+[a-z]?)' + UNIT + '\\s*$');
  var NUM_FIRST = new RegExp('^\\s*(?:§+\\s*)?(\\d+[a-z]?)' + UNIT + '\\s*([A-Za-zÄÖÜäöüß]+)\\s*$');

  /** { law, label, absatz, satz, nummer } for a citation query, else null */
  function citation(q) {
    var m = NUM_FIRST.exec(q);
    if (m && lawByToken(m[5])) return { law: lawByToken(m[5]), label: m[1], absatz: m[2], satz: m[3], nummer: m[4] };
    m = LAW_FIRST.exec(q);
    if (m && lawByToken(m[1])) return { law: lawByToken(m[1]), label: m[2], absatz: m[3], satz: m[4], nummer: m[5] };
    return null;
  }

  function citationTarget(c) {
    var date = (dayInput.value && versionAt(c.law, dayInput.value)) || c.law.versions[c.law.versions.length - 1];
    var id = 'para-' + c.label + (c.absatz ? '/abs-' + c.absatz : '');
    var text = '§ ' + c.label + (c.absatz ? ' Abs. ' + c.absatz : '') + (c.satz ? ' Satz ' + c.satz : '') + (c.nummer ? ' Nr. ' + c.nummer : '') + ' ' + c.law.abbr;
    return { href: c.law.id + '/' + date + '/index.html#' + encodeURIComponent(id), text: text, date: date };
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Pagefind's excerpt as text with its <mark>s: parsed inert, only text and mark copied. */
  function excerptNode(html) {
    var out = el('p', 'treffer-auszug');
    var doc = new DOMParser().parseFromString('<body>' + String(html || ''), 'text/html');
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (n) {
        if (n.nodeType === 3) to.appendChild(document.createTextNode(n.nodeValue));
        else if (n.nodeType === 1) {
          if (n.nodeName === 'MARK') {
            var m = document.createElement('mark');
            copy(n, m);
            to.appendChild(m);
          } else copy(n, to);
        }
      });
    })(doc.body, out);
    return out;
  }

  function remember() {
    var p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (lawSelect.value) p.set('gesetz', lawSelect.value);
    if (dayInput.value) p.set('stand', dayInput.value);
    var s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
  }

  function showCitation(q) {
    clear(cite);
    var c = citation(q);
    if (!c) return null;
    var t = citationTarget(c);
    var p = el('p', 'zitat-treffer');
    p.appendChild(document.createTextNode('Vorschrift: '));
    var a = el('a', 'zitat-link', t.text);
    a.href = t.href;
    p.appendChild(a);
    p.appendChild(document.createTextNode(' in der Fassung vom ' + german(t.date) + ' (Eingabetaste öffnet sie)'));
    cite.appendChild(p);
    return t;
  }

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL('pagefind/pagefind.js', location.href).href).then(function (pf) {
        return pf.options({ baseUrl: new URL('./', location.href).pathname }).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  var generation = 0;
  function run() {
    var q = input.value.trim();
    remember();
    showCitation(q);
    clear(list);
    if (!q) {
      status.textContent = fromDisk ? diskMessage : '';
      return;
    }
    if (fromDisk) {
      status.textContent = diskMessage;
      return;
    }
    var mine = ++generation;
    status.textContent = 'Suche läuft …';
    if (dayInput.value && dayInput.max && dayInput.value > dayInput.max) {
      status.textContent = 'Der Korpus reicht bis ' + german(dayInput.max) + '; gesucht wird in den Fassungen, die an diesem Tag galten. ';
    }
    var filters = {};
    if (lawSelect.value) filters.Quelle = lawSelect.value;
    if (dayInput.value) {
      var dates = [];
      laws.forEach(function (l) {
        if (lawSelect.value && l.abbr !== lawSelect.value) return;
        var v = versionAt(l, dayInput.value);
        if (v) dates.push(v);
      });
      filters.Fassung = { any: dates.length ? dates : ['0000-00-00'] };
    }
    loadPagefind()
      .then(function (pf) {
        return pf.search(q, { filters: filters });
      })
      .then(function (res) {
        if (mine !== generation) return null;
        var n = res ? res.results.length : 0;
        var note = dayInput.value && dayInput.max && dayInput.value > dayInput.max ? 'Der Korpus reicht bis ' + german(dayInput.max) + '; Treffer aus den Fassungen, die dann galten. ' : '';
        status.textContent = note + (n === 0 ? 'Keine Treffer.' : n === 1 ? '1 Treffer.' : n + ' Treffer' + (n > 20 ? ', die ersten 20:' : '.'));
        return Promise.all(res.results.slice(0, 20).map(function (r) { return r.data(); }));
      })
      .then(function (items) {
        if (!items || mine !== generation) return;
        items.forEach(function (d) {
          var li = el('li', 'treffer');
          var a = el('a', 'treffer-titel', (d.meta && d.meta.title) || d.url);
          a.href = d.url;
          var h = el('h2', 'treffer-kopf');
          h.appendChild(a);
          li.appendChild(h);
          if (d.meta && d.meta.gueltig) li.appendChild(el('p', 'treffer-gueltig', d.meta.gueltig));
          li.appendChild(excerptNode(d.excerpt));
          var subs = (d.sub_results || []).filter(function (s) { return s.url !== d.url; }).slice(0, 3);
          if (subs.length) {
            var ul = el('ul', 'treffer-stellen');
            subs.forEach(function (s) {
              var sl = el('li');
              var sa = el('a', '', s.title);
              sa.href = s.url;
              sl.appendChild(sa);
              sl.appendChild(excerptNode(s.excerpt));
              ul.appendChild(sl);
            });
            li.appendChild(ul);
          }
          list.appendChild(li);
        });
      })
      .catch(function () {
        if (mine === generation) status.textContent = 'Der Suchindex konnte nicht geladen werden.';
      });
  }

  var diskMessage =
    'Die Volltextsuche braucht einen Webserver: Diese Seite wurde direkt als Datei geöffnet, und so darf der Browser den Suchindex nicht laden. ' +
    'Starten Sie „node dist/src/cli.js serve“ und öffnen Sie die Suche unter http://127.0.0.1:8080/search.html. Fundstellen wie „§ 26 BeschV“ funktionieren auch hier.';

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  lawSelect.addEventListener('change', run);
  dayInput.addEventListener('change', run);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var t = showCitation(input.value.trim());
    if (t) {
      remember();
      location.href = t.href;
      return;
    }
    run();
  });

  var params = new URLSearchParams(location.search);
  if (params.get('q')) input.value = params.get('q');
  if (params.get('gesetz')) lawSelect.value = params.get('gesetz');
  if (params.get('stand')) dayInput.value = params.get('stand');
  form.hidden = false;
  if (input.value) run();
  else if (fromDisk) status.textContent = diskMessage;
})();
