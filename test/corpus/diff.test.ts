import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/compare/diff-models.js';
import { brief, EMAIL_PRO, EMAIL_PRO_LEGACY, HOSTED_EXCHANGE, load } from '../compare/helpers.js';

describe('diffModels on the bundled guides', () => {
  it('the legacy and the current Email Pro guides carry the same model (only a link of "Go further" moved)', () => {
    const diff = diffModels(load(EMAIL_PRO_LEGACY), load(EMAIL_PRO));
    expect(diff.identical).toBe(true);
    expect(diff.summary.unchanged).toBe(48);
  });

  it('Email Pro → Hosted Exchange: the few activities where the two services differ', () => {
    const diff = diffModels(load(EMAIL_PRO), load(HOSTED_EXCHANGE));
    expect(diff.activities.map(brief)).toEqual([
      {
        kind: 'modified',
        section: '1.1',
        text: "Choose the service's sizing (50GB or 300GB) without downgrade option",
        reworded: "Choose the service's sizing 10GB",
      },
      {
        kind: 'modified',
        section: '1.1',
        text: 'Choose service location in EU (or in CA if the client uses CA website )',
        reworded: 'Choose service location in EU',
      },
      {
        kind: 'modified',
        section: '3.1.1',
        text: 'Administrate the service infrastructure (servers, OS, antivirus, storage)',
        assignments: ['customer: RA → -', 'ovhcloud: RI → RA'],
        accountable: 'customer → ovhcloud',
      },
      {
        kind: 'modified',
        section: '3.1.1',
        text: 'Administrate domain, mailboxes, distribution groups, etc.',
        reworded: 'Administrate domain, mailboxes, aliases, external contacts',
      },
      { kind: 'added', section: '4.1', text: 'Deliver PST file following client request' },
    ]);
    const pst = diff.activities[4]!.new!;
    expect(pst.assignments).toEqual({ customer: ['A'], ovhcloud: ['R', 'I'] });
    expect(pst.line).toBe(147);
    const infrastructure = diff.activities[2]!;
    expect([infrastructure.old!.line, infrastructure.new!.line]).toEqual([72, 69]);
    expect(diff.summary).toEqual({
      added: 1,
      removed: 0,
      reworded: 3,
      moved: 0,
      reassigned: 1,
      accountable: 1,
      unchanged: 44,
      sections: 0,
      meta: 3,
    });
    expect(diff.meta.map((change) => [change.field, change.old?.slice(0, 40), change.new?.slice(0, 40)])).toEqual([
      ['title', 'Email Pro - Responsibility model', 'Hosted Exchange - Responsibility model'],
      ['updated', '2022-11-17', '2022-11-15'],
      ['intro', 'The Email Pro service is a Microsoft Exc', 'The Hosted Exchange service is a Microso'],
    ]);
  });

  it('the other way round, the PST row is removed and the accountable party changes back', () => {
    const diff = diffModels(load(HOSTED_EXCHANGE), load(EMAIL_PRO));
    expect(diff.summary).toMatchObject({ added: 0, removed: 1, reworded: 3, accountable: 1 });
    expect(diff.activities.find((change) => change.accountable)?.accountable).toEqual({ old: ['ovhcloud'], new: ['customer'] });
  });
});
