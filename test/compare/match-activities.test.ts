import { describe, expect, it } from 'vitest';
import { matchActivities } from '../../src/compare/match-activities.js';
import type { ActivityRow } from '../../src/schema/model.js';

let nextLine = 1;
function row(sectionNumber: string, text: string, customer: ActivityRow['assignments'][string] = ['R', 'A']): ActivityRow {
  const line = nextLine++;
  return {
    id: `${sectionNumber}#${line}`,
    text,
    assignments: { customer },
    cells: { customer: customer.join('') },
    scopes: {},
    links: [],
    line,
    sectionNumber,
    sectionTitle: `Section ${sectionNumber}`,
    path: [{ number: sectionNumber, title: `Section ${sectionNumber}` }],
  };
}

const texts = (rows: readonly ActivityRow[]) => rows.map((r) => r.text);

describe('matchActivities', () => {
  it('pairs equal texts of one section, duplicates in order', () => {
    const before = [row('1', 'Manage backups', ['R']), row('1', 'Manage backups', ['A'])];
    const after = [row('1', 'Manage backups', ['I']), row('1', 'Manage backups', ['C'])];
    const { pairs, added, removed } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.old.assignments.customer, pair.new.assignments.customer, pair.how])).toEqual([
      [['R'], ['I'], 'exact'],
      [['A'], ['C'], 'exact'],
    ]);
    expect([added, removed]).toEqual([[], []]);
  });

  it('never gives up an exact pairing for a similar one', () => {
    const before = [row('1', 'Manage backups of the service')];
    const after = [row('1', 'Manage backups of the service daily'), row('2', 'Manage backups of the service')];
    const { pairs, added } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.new.sectionNumber, pair.how])).toEqual([['2', 'exact']]);
    expect(texts(added)).toEqual(['Manage backups of the service daily']);
  });

  it('reworded within a section from half the words shared; below that, removed and added', () => {
    const before = [row('1', 'Administrate domain, mailboxes, aliases, external contacts'), row('1', 'Choose the service location')];
    const after = [row('1', 'Administrate domain, mailboxes, distribution groups, etc.'), row('1', 'Order a domain name')];
    const { pairs, added, removed } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.old.text, pair.how, pair.similarity])).toEqual([
      ['Administrate domain, mailboxes, aliases, external contacts', 'reworded', 0.5],
    ]);
    expect(texts(added)).toEqual(['Order a domain name']);
    expect(texts(removed)).toEqual(['Choose the service location']);
    // A stricter threshold leaves the rewording as a removal and an addition.
    expect(matchActivities(before, after, { reworded: 0.51 }).pairs).toEqual([]);
  });

  it('the best-scoring pair wins when two new texts resemble one old text', () => {
    const before = [row('1', 'Manage security of the platform')];
    const after = [row('1', 'Manage security of the web platform'), row('1', 'Manage security of the platform and network')];
    const { pairs } = matchActivities(before, after);
    // 5 of 5+6 words (0.909) beats 5 of 5+7 (0.833)
    expect(pairs.map((pair) => pair.new.text)).toEqual(['Manage security of the web platform']);
  });

  it('across sections a rewording needs the higher threshold', () => {
    const before = [row('1', 'Create, modify, remove technical accounts in the Control Panel'), row('1', 'Monitor the service')];
    const after = [row('2', 'Create, modify, remove FTP accounts in the Control Panel'), row('2', 'Monitor the whole platform')];
    const { pairs, added, removed } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.old.sectionNumber, pair.new.sectionNumber, pair.how])).toEqual([['1', '2', 'reworded']]);
    expect(texts(added)).toEqual(['Monitor the whole platform']);
    expect(texts(removed)).toEqual(['Monitor the service']);
  });

  it('keeps the new reading order for pairs and additions', () => {
    const before = [row('1', 'B'), row('1', 'A')];
    const after = [row('1', 'A'), row('1', 'C'), row('1', 'B')];
    const { pairs, added } = matchActivities(before, after);
    expect(texts(pairs.map((pair) => pair.new))).toEqual(['A', 'B']);
    expect(texts(added)).toEqual(['C']);
  });
});
