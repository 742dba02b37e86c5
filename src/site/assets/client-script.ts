/**
 * The pages' only script (served as assets/report.js; the pages forbid inline
 * scripts). Without it every page still shows everything; with it, the guide
 * page gets its filters and collapsible sections, the overview its filter.
 * Filter state lives in the URL fragment (`#party=customer&role=A`) so a view
 * can be linked to; plain fragments (`#act-3.1.1-4`) still jump to rows.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';

  function fold(text) {
    return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/\\s+/g, ' ').trim();
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function readState() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf('=') < 0) return null;
    var state = {};
    hash.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) {
        try { state[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1).replace(/\\+/g, ' ')); } catch (ignored) { /* a malformed fragment is no filter */ }
      }
    });
    return state;
  }

  function writeState(state) {
    var parts = Object.keys(state).filter(function (key) { return state[key]; }).map(function (key) {
      return encodeURIComponent(key) + '=' + encodeURIComponent(state[key]);
    });
    var hash = window.location.hash.slice(1);
    if (parts.length === 0 && hash.indexOf('=') < 0) return;
    try {
      window.history.replaceState(null, '', parts.length ? '#' + parts.join('&') : window.location.pathname + window.location.search);
    } catch (ignored) { /* some file: contexts refuse history updates; the filter still works */ }
  }

  function ancestors(number) {
    var parts = number.split('.');
    var list = [];
    for (var index = 1; index < parts.length; index += 1) list.push(parts.slice(0, index).join('.'));
    return list;
  }

  function initGuide() {
    var form = document.getElementById('filters');
    var table = document.getElementById('matrix');
    if (!form || !table) return;
    var party = document.getElementById('f-party');
    var letter = document.getElementById('f-letter');
    var scope = document.getElementById('f-scope');
    var text = document.getElementById('f-text');
    var onlyFindings = document.getElementById('f-findings');
    var status = document.getElementById('filter-status');
    var printNote = document.getElementById('print-filter');
    var rows = all(table, 'tr.activity');
    var bodies = all(table, 'tbody[data-section]');
    var countButtons = all(document, '.count-button');
    var parties = all(party, 'option').map(function (option) { return option.value; }).filter(Boolean);
    var collapsed = {};
    var facts = rows.map(function (row) {
      var label = row.querySelector('.activity-text');
      return {
        row: row,
        section: row.getAttribute('data-section'),
        text: fold(label ? label.textContent : row.textContent),
        roles: (row.getAttribute('data-roles') || '').split(' ').filter(Boolean),
        scopes: (row.getAttribute('data-scopes') || '').split(' ').filter(Boolean),
        finding: row.hasAttribute('data-severity')
      };
    });

    function hasRole(fact, who, what) {
      if (what === '-') return fact.roles.every(function (role) { return role.indexOf(who + ':') !== 0; });
      return fact.roles.indexOf(who + ':' + what) >= 0;
    }

    function matches(fact) {
      var who = party.value;
      var what = letter.value;
      if (what) {
        var candidates = who ? [who] : parties;
        if (!candidates.some(function (candidate) { return hasRole(fact, candidate, what); })) return false;
      } else if (who && !fact.roles.some(function (role) { return role.indexOf(who + ':') === 0; })) {
        return false;
      }
      if (scope && scope.value && fact.scopes.indexOf(scope.value) < 0) return false;
      var query = fold(text.value);
      if (query && fact.text.indexOf(query) < 0) return false;
      if (onlyFindings.checked && !fact.finding) return false;
      return true;
    }

    function filtering() {
      return Boolean(party.value || letter.value || (scope && scope.value) || text.value.trim() || onlyFindings.checked);
    }

    function isHiddenByAncestor(number) {
      return ancestors(number).some(function (ancestor) { return collapsed[ancestor]; });
    }

    function describe() {
      var parts = [];
      var who = party.value ? party.options[party.selectedIndex].text : 'any party';
      if (letter.value) parts.push(who + (letter.value === '-' ? ' has no role' : ' is ' + letter.options[letter.selectedIndex].text));
      else if (party.value) parts.push(who + ' has a role');
      if (scope && scope.value) parts.push('applies to ' + scope.options[scope.selectedIndex].text);
      if (text.value.trim()) parts.push('text contains \\u201c' + text.value.trim() + '\\u201d');
      if (onlyFindings.checked) parts.push('rows with findings');
      return parts.join(', ');
    }

    function update() {
      var active = filtering();
      var shown = 0;
      var matchedIn = {};
      facts.forEach(function (fact) {
        var ok = matches(fact);
        if (ok) {
          shown += 1;
          [fact.section].concat(ancestors(fact.section)).forEach(function (number) { matchedIn[number] = (matchedIn[number] || 0) + 1; });
        }
        fact.row.hidden = !ok || Boolean(collapsed[fact.section]) || isHiddenByAncestor(fact.section);
      });
      bodies.forEach(function (body) {
        var number = body.getAttribute('data-section');
        body.hidden = (active && !matchedIn[number]) || isHiddenByAncestor(number);
        var toggle = body.querySelector('.section-toggle');
        if (toggle) toggle.setAttribute('aria-expanded', collapsed[number] ? 'false' : 'true');
        var count = body.querySelector('.section-count');
        if (count) {
          var all = Number(count.getAttribute('data-count'));
          var noun = all === 1 ? ' activity' : ' activities';
          count.textContent = active ? (matchedIn[number] || 0) + ' of ' + all + noun : all + noun;
        }
      });
      var total = rows.length;
      var summary = describe();
      status.textContent = active
        ? shown + ' of ' + total + (total === 1 ? ' activity' : ' activities') + ' shown (' + summary + ')'
        : total + (total === 1 ? ' activity' : ' activities');
      if (printNote) printNote.textContent = active ? 'Filtered: ' + summary + ' \\u2014 ' + shown + ' of ' + total + ' activities.' : '';
      countButtons.forEach(function (button) {
        var pressed = party.value === button.getAttribute('data-party') && letter.value === button.getAttribute('data-letter');
        button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      });
      writeState({
        party: party.value,
        role: letter.value,
        scope: scope ? scope.value : '',
        q: text.value,
        findings: onlyFindings.checked ? '1' : ''
      });
    }

    function applyState(state) {
      if (!state) return;
      party.value = state.party || '';
      letter.value = state.role || '';
      if (scope) scope.value = state.scope || '';
      text.value = state.q || '';
      onlyFindings.checked = state.findings === '1';
      if (party.value !== (state.party || '')) party.value = '';
      if (letter.value !== (state.role || '')) letter.value = '';
    }

    form.hidden = false;
    // The column headers stick just below the sticky toolbar, whatever its height.
    function placeHeader() {
      var sticky = window.getComputedStyle(form).position === 'sticky';
      table.style.setProperty('--sticky-top', sticky ? form.offsetHeight + 'px' : '0px');
    }
    placeHeader();
    window.addEventListener('resize', placeHeader);
    applyState(readState());
    [party, letter, scope, onlyFindings].forEach(function (control) {
      if (control) control.addEventListener('change', update);
    });
    text.addEventListener('input', update);
    form.querySelector('[data-reset]').addEventListener('click', function () {
      applyState({});
      update();
    });
    countButtons.forEach(function (button) {
      button.addEventListener('click', function () {
        var pressed = button.getAttribute('aria-pressed') === 'true';
        party.value = pressed ? '' : button.getAttribute('data-party');
        letter.value = pressed ? '' : button.getAttribute('data-letter');
        update();
        if (!pressed) table.scrollIntoView({ block: 'start' });
      });
    });
    table.addEventListener('click', function (event) {
      var toggle = event.target.closest ? event.target.closest('.section-toggle') : null;
      if (!toggle) return;
      var number = toggle.getAttribute('data-toggle');
      collapsed[number] = !collapsed[number];
      update();
    });
    var collapseAll = form.querySelector('[data-collapse-all]');
    var expandAll = form.querySelector('[data-expand-all]');
    collapseAll.addEventListener('click', function () {
      bodies.forEach(function (body) {
        var number = body.getAttribute('data-section');
        if (number.indexOf('.') < 0) collapsed[number] = true;
      });
      update();
    });
    expandAll.addEventListener('click', function () {
      collapsed = {};
      update();
    });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        text.focus();
      }
    });
    update();
  }

  function initOverview() {
    var tools = document.getElementById('overview-tools');
    var input = document.getElementById('o-filter');
    var status = document.getElementById('overview-status');
    var table = document.getElementById('overview');
    if (!tools || !input || !table) return;
    var groups = all(table, 'tbody.guide-group').map(function (body) {
      return { body: body, text: fold(body.textContent) };
    });
    function update() {
      var query = fold(input.value);
      var shown = 0;
      groups.forEach(function (group) {
        var ok = !query || group.text.indexOf(query) >= 0;
        group.body.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = query ? shown + ' of ' + groups.length + ' guides shown' : '';
      writeState({ q: input.value });
    }
    tools.hidden = false;
    var state = readState();
    if (state && state.q) input.value = state.q;
    input.addEventListener('input', update);
    update();
  }

  // Diff pages: only the changes by default, the unchanged rows on demand for context.
  function initDiff() {
    var tools = document.getElementById('diff-tools');
    var toggle = document.getElementById('d-unchanged');
    var status = document.getElementById('diff-status');
    var table = document.getElementById('matrix');
    if (!tools || !toggle || !table) return;
    var rows = all(table, 'tr.activity');
    var bodies = all(table, 'tbody[data-section]');
    function update() {
      var showAll = toggle.checked;
      var changed = 0;
      rows.forEach(function (row) {
        var unchanged = row.getAttribute('data-change') === 'unchanged';
        if (!unchanged) changed += 1;
        row.hidden = unchanged && !showAll;
      });
      bodies.forEach(function (body) {
        body.hidden = !showAll && body.getAttribute('data-changed') === '0';
      });
      status.textContent = showAll
        ? rows.length + ' rows, ' + changed + ' with changes'
        : changed + (changed === 1 ? ' row with changes' : ' rows with changes') + '; ' + (rows.length - changed) + ' unchanged hidden';
      writeState({ all: showAll ? '1' : '' });
    }
    tools.hidden = false;
    var state = readState();
    toggle.checked = Boolean(state && state.all === '1');
    toggle.addEventListener('change', update);
    update();
  }

  var kind = document.body.getAttribute('data-page');
  if (kind === 'guide') initGuide();
  else if (kind === 'overview') initOverview();
  else if (kind === 'diff') initDiff();
})();
`;
