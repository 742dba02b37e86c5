/**
 * The pages' only script, served as assets/report.js (the pages forbid inline
 * scripts). Without it every page still shows everything; with it, the guide
 * page gets its filters and collapsible sections, the overview its filter, the
 * cross-guide page its filters and the diff pages their unchanged rows on demand. Filter state lives in the URL
 * fragment (`#party=customer&role=A`) so a view can be linked to; plain
 * fragments (`#act-3.1.1-4`) still jump to rows.
 *
 * Plain JavaScript typed with JSDoc, checked against the DOM types by
 * tsconfig.browser.json (`npm run typecheck`): the file is served byte for
 * byte, so what the tests load in a browser is what ships. A classic script,
 * not a module, because browsers refuse module scripts from file: pages.
 */
(() => {
  // biome-ignore lint/suspicious/noRedundantUseStrict: a classic script is not strict unless it asks
  'use strict';

  /** @param {string} text */
  const fold = (text) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();

  /**
   * @param {ParentNode} root
   * @param {string} selector
   * @returns {HTMLElement[]}
   */
  const all = (root, selector) => [...root.querySelectorAll(selector)].filter((element) => element instanceof HTMLElement);

  /**
   * An element of the page by id, when it is of the expected kind.
   * @template {HTMLElement} T
   * @param {string} id
   * @param {new () => T} kind
   * @returns {T | null}
   */
  const byId = (id, kind) => {
    const element = document.getElementById(id);
    return element instanceof kind ? element : null;
  };

  /** @typedef {Record<string, string>} FilterState */

  /** @returns {FilterState | null} */
  const readState = () => {
    const hash = window.location.hash.slice(1);
    if (!hash.includes('=')) return null;
    /** @type {FilterState} */
    const state = {};
    for (const pair of hash.split('&')) {
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      try {
        state[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
      } catch {
        // A malformed fragment is no filter.
      }
    }
    return state;
  };

  /** @param {FilterState} state */
  const writeState = (state) => {
    const parts = Object.keys(state)
      .filter((key) => state[key])
      .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(state[key] ?? '')}`);
    if (parts.length === 0 && !window.location.hash.slice(1).includes('=')) return;
    try {
      window.history.replaceState(null, '', parts.length ? `#${parts.join('&')}` : window.location.pathname + window.location.search);
    } catch {
      // Some file: contexts refuse history updates; the filter still works.
    }
  };

  /**
   * `3.1.2` → `3`, `3.1`.
   * @param {string} number
   */
  const ancestors = (number) => {
    const parts = number.split('.');
    /** @type {string[]} */
    const list = [];
    for (let index = 1; index < parts.length; index += 1) list.push(parts.slice(0, index).join('.'));
    return list;
  };

  /** @param {number} count */
  const activities = (count) => (count === 1 ? ' activity' : ' activities');

  /** @param {HTMLSelectElement} select */
  const selectedText = (select) => select.options[select.selectedIndex]?.text ?? '';

  const initGuide = () => {
    const form = byId('filters', HTMLElement);
    const table = byId('matrix', HTMLElement);
    const party = byId('f-party', HTMLSelectElement);
    const letter = byId('f-letter', HTMLSelectElement);
    const scope = byId('f-scope', HTMLSelectElement);
    const text = byId('f-text', HTMLInputElement);
    const onlyFindings = byId('f-findings', HTMLInputElement);
    const status = byId('filter-status', HTMLElement);
    const printNote = byId('print-filter', HTMLElement);
    if (!form || !table || !party || !letter || !text || !onlyFindings || !status) return;
    const rows = all(table, 'tr.activity');
    const bodies = all(table, 'tbody[data-section]');
    const countButtons = all(document, '.count-button');
    const parties = [...party.options].map((option) => option.value).filter(Boolean);
    /** @type {Set<string>} The numbers of the sections the reader folded. */
    let collapsed = new Set();
    const facts = rows.map((row) => {
      const label = row.querySelector('.activity-text');
      return {
        row,
        section: row.getAttribute('data-section') ?? '',
        text: fold((label ? label.textContent : row.textContent) ?? ''),
        roles: (row.getAttribute('data-roles') || '').split(' ').filter(Boolean),
        scopes: (row.getAttribute('data-scopes') || '').split(' ').filter(Boolean),
        finding: row.hasAttribute('data-severity'),
      };
    });

    /**
     * @param {(typeof facts)[number]} fact
     * @param {string} who
     * @param {string} what
     */
    const hasRole = (fact, who, what) => {
      if (what === '-') return fact.roles.every((role) => !role.startsWith(`${who}:`));
      return fact.roles.includes(`${who}:${what}`);
    };

    /** @param {(typeof facts)[number]} fact */
    const matches = (fact) => {
      const who = party.value;
      const what = letter.value;
      if (what) {
        const candidates = who ? [who] : parties;
        if (!candidates.some((candidate) => hasRole(fact, candidate, what))) return false;
      } else if (who && !fact.roles.some((role) => role.startsWith(`${who}:`))) {
        return false;
      }
      if (scope?.value && !fact.scopes.includes(scope.value)) return false;
      const query = fold(text.value);
      if (query && !fact.text.includes(query)) return false;
      if (onlyFindings.checked && !fact.finding) return false;
      return true;
    };

    const filtering = () => Boolean(party.value || letter.value || scope?.value || text.value.trim() || onlyFindings.checked);

    /** @param {string} number */
    const isHiddenByAncestor = (number) => ancestors(number).some((ancestor) => collapsed.has(ancestor));

    const describe = () => {
      /** @type {string[]} */
      const parts = [];
      const who = party.value ? selectedText(party) : 'any party';
      if (letter.value) parts.push(who + (letter.value === '-' ? ' has no role' : ` is ${selectedText(letter)}`));
      else if (party.value) parts.push(`${who} has a role`);
      if (scope?.value) parts.push(`applies to ${selectedText(scope)}`);
      if (text.value.trim()) parts.push(`text contains \u201c${text.value.trim()}\u201d`);
      if (onlyFindings.checked) parts.push('rows with findings');
      return parts.join(', ');
    };

    const update = () => {
      const active = filtering();
      let shown = 0;
      /** @type {Map<string, number>} */
      const matchedIn = new Map();
      for (const fact of facts) {
        const ok = matches(fact);
        if (ok) {
          shown += 1;
          for (const number of [fact.section, ...ancestors(fact.section)]) matchedIn.set(number, (matchedIn.get(number) ?? 0) + 1);
        }
        fact.row.hidden = !ok || collapsed.has(fact.section) || isHiddenByAncestor(fact.section);
      }
      for (const body of bodies) {
        const number = body.getAttribute('data-section') ?? '';
        body.hidden = (active && !matchedIn.get(number)) || isHiddenByAncestor(number);
        const toggle = body.querySelector('.section-toggle');
        if (toggle) toggle.setAttribute('aria-expanded', collapsed.has(number) ? 'false' : 'true');
        const count = body.querySelector('.section-count');
        if (count) {
          const total = Number(count.getAttribute('data-count'));
          count.textContent = active ? `${matchedIn.get(number) ?? 0} of ${total}${activities(total)}` : total + activities(total);
        }
      }
      const total = rows.length;
      const summary = describe();
      status.textContent = active ? `${shown} of ${total}${activities(total)} shown (${summary})` : total + activities(total);
      if (printNote) printNote.textContent = active ? `Filtered: ${summary} \u2014 ${shown} of ${total} activities.` : '';
      for (const button of countButtons) {
        const pressed = party.value === button.getAttribute('data-party') && letter.value === button.getAttribute('data-letter');
        button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      }
      writeState({
        party: party.value,
        role: letter.value,
        scope: scope ? scope.value : '',
        q: text.value,
        findings: onlyFindings.checked ? '1' : '',
      });
    };

    /** @param {FilterState | null} state */
    const applyState = (state) => {
      if (!state) return;
      party.value = state.party || '';
      letter.value = state.role || '';
      if (scope) scope.value = state.scope || '';
      text.value = state.q || '';
      onlyFindings.checked = state.findings === '1';
      if (party.value !== (state.party || '')) party.value = '';
      if (letter.value !== (state.role || '')) letter.value = '';
    };

    form.hidden = false;
    // The column headers stick just below the sticky toolbar, whatever its height.
    const placeHeader = () => {
      const sticky = window.getComputedStyle(form).position === 'sticky';
      table.style.setProperty('--sticky-top', sticky ? `${form.offsetHeight}px` : '0px');
    };
    placeHeader();
    window.addEventListener('resize', placeHeader);
    applyState(readState());
    for (const control of [party, letter, scope, onlyFindings]) control?.addEventListener('change', update);
    text.addEventListener('input', update);
    form.querySelector('[data-reset]')?.addEventListener('click', () => {
      applyState({});
      update();
    });
    for (const button of countButtons) {
      button.addEventListener('click', () => {
        const pressed = button.getAttribute('aria-pressed') === 'true';
        party.value = pressed ? '' : (button.getAttribute('data-party') ?? '');
        letter.value = pressed ? '' : (button.getAttribute('data-letter') ?? '');
        update();
        if (!pressed) table.scrollIntoView({ block: 'start' });
      });
    }
    table.addEventListener('click', (event) => {
      const toggle = event.target instanceof Element ? event.target.closest('.section-toggle') : null;
      if (!toggle) return;
      const number = toggle.getAttribute('data-toggle') ?? '';
      if (collapsed.has(number)) collapsed.delete(number);
      else collapsed.add(number);
      update();
    });
    form.querySelector('[data-collapse-all]')?.addEventListener('click', () => {
      for (const body of bodies) {
        const number = body.getAttribute('data-section') ?? '';
        if (!number.includes('.')) collapsed.add(number);
      }
      update();
    });
    form.querySelector('[data-expand-all]')?.addEventListener('click', () => {
      collapsed = new Set();
      update();
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      const typing =
        target instanceof HTMLElement &&
        (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        text.focus();
      }
    });
    update();
  };

  const initOverview = () => {
    const tools = byId('overview-tools', HTMLElement);
    const input = byId('o-filter', HTMLInputElement);
    const status = byId('overview-status', HTMLElement);
    const table = byId('overview', HTMLElement);
    if (!tools || !input || !status || !table) return;
    const groups = all(table, 'tbody.guide-group').map((body) => ({ body, text: fold(body.textContent ?? '') }));
    const update = () => {
      const query = fold(input.value);
      let shown = 0;
      for (const group of groups) {
        const ok = !query || group.text.includes(query);
        group.body.hidden = !ok;
        if (ok) shown += 1;
      }
      status.textContent = query ? `${shown} of ${groups.length} guides shown` : '';
      writeState({ q: input.value });
    };
    tools.hidden = false;
    const state = readState();
    if (state?.q) input.value = state.q;
    input.addEventListener('input', update);
    update();
  };

  // Diff pages: only the changes by default, the unchanged rows on demand for context.
  const initDiff = () => {
    const tools = byId('diff-tools', HTMLElement);
    const toggle = byId('d-unchanged', HTMLInputElement);
    const status = byId('diff-status', HTMLElement);
    const table = byId('matrix', HTMLElement);
    if (!tools || !toggle || !status || !table) return;
    const rows = all(table, 'tr.activity');
    const bodies = all(table, 'tbody[data-section]');
    const update = () => {
      const showAll = toggle.checked;
      let changed = 0;
      for (const row of rows) {
        const unchanged = row.getAttribute('data-change') === 'unchanged';
        if (!unchanged) changed += 1;
        row.hidden = unchanged && !showAll;
      }
      for (const body of bodies) body.hidden = !showAll && body.getAttribute('data-changed') === '0';
      status.textContent = showAll
        ? `${rows.length} rows, ${changed} with changes`
        : `${changed}${changed === 1 ? ' row with changes' : ' rows with changes'}; ${rows.length - changed} unchanged hidden`;
      writeState({ all: showAll ? '1' : '' });
    };
    tools.hidden = false;
    const state = readState();
    toggle.checked = state?.all === '1';
    toggle.addEventListener('change', update);
    update();
  };

  // The cross-guide page: every activity of every guide, filtered by party, role, product, locale and text.
  const initAcross = () => {
    const form = byId('across-filters', HTMLElement);
    const table = byId('across', HTMLElement);
    const products = byId('products', HTMLElement);
    const party = byId('a-party', HTMLSelectElement);
    const letter = byId('a-letter', HTMLSelectElement);
    const product = byId('a-product', HTMLSelectElement);
    const locale = byId('a-locale', HTMLSelectElement);
    const text = byId('a-text', HTMLInputElement);
    const status = byId('across-status', HTMLElement);
    if (!form || !table || !products || !party || !letter || !product || !locale || !text || !status) return;
    const parties = [...party.options].map((option) => option.value).filter(Boolean);
    const facts = all(table, 'tr.activity').map((row) => {
      const label = row.querySelector('.activity-text');
      return {
        row,
        product: row.getAttribute('data-product') ?? '',
        locale: row.getAttribute('data-locale') ?? '',
        roles: (row.getAttribute('data-roles') || '').split(' ').filter(Boolean),
        text: fold((label ? label.textContent : row.textContent) ?? ''),
      };
    });
    const shownCells = all(products, 'tr[data-product]').map((row) => ({
      product: row.getAttribute('data-product') ?? '',
      cell: row.querySelector('[data-shown]'),
    }));

    /** @param {(typeof facts)[number]} fact */
    const matches = (fact) => {
      const who = party.value;
      const what = letter.value;
      const candidates = who ? [who] : parties;
      if (what && !candidates.some((candidate) => fact.roles.includes(`${candidate}:${what}`))) return false;
      if (!what && who && !fact.roles.some((role) => role.startsWith(`${who}:`))) return false;
      if (product.value && fact.product !== product.value) return false;
      if (locale.value && fact.locale !== locale.value) return false;
      const query = fold(text.value);
      return !query || fact.text.includes(query);
    };

    const update = () => {
      let shown = 0;
      /** @type {Map<string, number>} */
      const perProduct = new Map();
      for (const fact of facts) {
        const ok = matches(fact);
        fact.row.hidden = !ok;
        if (!ok) continue;
        shown += 1;
        perProduct.set(fact.product, (perProduct.get(fact.product) ?? 0) + 1);
      }
      for (const { product: name, cell } of shownCells) if (cell) cell.textContent = String(perProduct.get(name) ?? 0);
      const active = Boolean(party.value || letter.value || product.value || locale.value || text.value.trim());
      status.textContent = active
        ? `${shown} of ${facts.length}${activities(facts.length)} shown`
        : facts.length + activities(facts.length);
      writeState({ party: party.value, role: letter.value, product: product.value, locale: locale.value, q: text.value });
    };

    /** @param {FilterState} state */
    const applyState = (state) => {
      for (const [select, key] of /** @type {const} */ ([
        [party, 'party'],
        [letter, 'role'],
        [product, 'product'],
        [locale, 'locale'],
      ])) {
        select.value = state[key] || '';
        if (select.value !== (state[key] || '')) select.value = '';
      }
      text.value = state.q || '';
    };

    form.hidden = false;
    applyState(readState() ?? {});
    for (const control of [party, letter, product, locale]) control.addEventListener('change', update);
    text.addEventListener('input', update);
    form.querySelector('[data-reset]')?.addEventListener('click', () => {
      applyState({});
      update();
    });
    update();
  };

  const kind = document.body.getAttribute('data-page');
  if (kind === 'guide') initGuide();
  else if (kind === 'overview') initOverview();
  else if (kind === 'diff') initDiff();
  else if (kind === 'across') initAcross();
})();
