/* fassung – the site's one script (no corpus data in here; the pages carry it in data attributes).
   Date picker, choice of two versions to compare, the day pages that lead to the version in force,
   and the overview of a split version that forwards a permalink (#para-26) to the part holding it. */
(function () {
  'use strict';
  var body = document.body;

  function say(form, text) {
    var out = form.querySelector('.date-pick-msg');
    if (out) out.textContent = text;
  }

  function keepHash(url) {
    return url.split('#')[0] + (location.hash || '');
  }

  // a day page: go to the version in force that day, keeping the unit
  var redirect = body.getAttribute('data-redirect');
  if (redirect) {
    location.replace(keepHash(redirect));
    return;
  }

  // the overview of a split version: forward a unit's fragment to the part that holds it
  if (body.getAttribute('data-split') && location.hash.length > 1) {
    var id = decodeURIComponent(location.hash.slice(1));
    var here = document.getElementById(id);
    // ids of the overview itself (Inhaltsübersicht, headings) stay; units are forwarded to their part
    if (!here || here.hasAttribute('data-unit')) {
      var pid = id.split('/')[0];
      var links = document.querySelectorAll('a[data-unit]');
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute('data-unit') === pid) {
          location.replace(keepHash(links[i].getAttribute('href')));
          return;
        }
      }
    }
  }

  var ISO = /^\d{4}-\d{2}-\d{2}$/;
  function german(iso) {
    return iso.slice(8, 10) + '.' + iso.slice(5, 7) + '.' + iso.slice(0, 4);
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.date-pick'), function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var input = form.querySelector('input[type="date"]');
      var day = input ? input.value : '';
      var min = form.getAttribute('data-min');
      var max = form.getAttribute('data-max');
      if (!ISO.test(day)) return say(form, 'Bitte ein Datum wählen.');
      if (day < min) return say(form, 'Der Korpus beginnt am ' + german(min) + '.');
      if (day > max) return say(form, 'Der Korpus reicht bis ' + german(max) + '; für spätere Tage ist keine Fassung bekannt.');
      location.href = form.getAttribute('data-law-root') + day + '/index.html' + (location.hash || '');
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('form.pair-pick'), function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var a = form.querySelector('select[name="von"]').value;
      var b = form.querySelector('select[name="bis"]').value;
      if (!(a < b)) return say(form, 'Bitte links die frühere und rechts die spätere Fassung wählen.');
      location.href = form.getAttribute('data-compare-root') + a + '/' + b + '/index.html';
    });
  });
})();
