import type { Span } from '../../diagnostics/diagnostic.js';
import type { TableContext } from '../guide-context.js';
import type { RuleCheck, RuleModule } from '../rule-finding.js';

/** Headers compared as a reader sees them: case and spacing aside. */
function signature(table: TableContext): string {
  return table.partyLabels.map((label) => label.toLowerCase()).join(' | ');
}

/**
 * `parties-inconsistent`: the guide's tables should all have the party
 * columns most of its tables have (the first of the most common wins a tie);
 * every other table is reported at its header.
 */
const partiesInconsistentCheck: RuleCheck = (context) => {
  const { tables } = context;
  if (tables.length < 2) return [];
  const counts = new Map<string, { count: number; example: TableContext }>();
  for (const table of tables) {
    const key = signature(table);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { count: 1, example: table });
  }
  if (counts.size < 2) return [];
  let reference: { count: number; example: TableContext } | undefined;
  for (const entry of counts.values()) if (!reference || entry.count > reference.count) reference = entry;
  const expected = reference!.example.partyLabels.join(' | ');
  return tables
    .filter((table) => signature(table) !== signature(reference!.example))
    .map((table) => {
      const written = table.partyLabels.join(' | ');
      return {
        message:
          `This table's party columns “${written}” differ from the guide's other tables (“${expected}”, ` +
          `in ${reference!.count} of ${tables.length} tables); give every table the same party columns.`,
        span: headerSpan(table),
        subject: written,
      };
    });
};

function headerSpan(table: TableContext): Span {
  const first = table.partySlices[0];
  const last = table.partySlices.at(-1);
  if (!first || !last) return { line: table.headerLine, column: 1, endLine: table.headerLine, endColumn: 2 };
  return {
    line: table.headerLine,
    column: first.contentStart + 1,
    endLine: table.headerLine,
    endColumn: Math.max(last.contentEnd, first.contentStart + 1) + 1,
  };
}

const SUBSECTION_TABLE = '| Activity | Customer | OVHcloud |\n| --- | --- | --- |';

export const partiesInconsistent: RuleModule = {
  id: 'parties-inconsistent',
  fixable: false,
  why:
    'A guide compares the same parties activity after activity; a table with another party, a missing one, or the same ' +
    'party under another name (`Client` among `Customer` tables) breaks that comparison and the data read from it.',
  howToFix:
    'Give every table the same party columns, in the same order, with the same headers as most tables of the guide (the message names them).',
  examples: [
    {
      markdown:
        `## 1. Before subscription\n\n### 1.1. Specify the service\n\n` +
        `${SUBSECTION_TABLE}\n| Choose options as needed | RA | I |\n\n### 1.2. Order the service\n\n` +
        `${SUBSECTION_TABLE}\n| Place the order | RA | I |\n\n### 1.3. Pay\n\n` +
        `| **Activity** | **Client** | **OVHcloud** |\n| --- | --- | --- |\n| Pay the invoice | RA | I |`,
      findings: [
        "17:18-17:43: This table's party columns “Client | OVHcloud” differ from the guide's other " +
          'tables (“Customer | OVHcloud”, in 2 of 3 tables); give every table the same party columns.',
      ],
    },
    {
      // Headers are compared as a reader sees them: emphasis aside.
      markdown:
        `## 1. Before subscription\n\n### 1.1. Specify the service\n\n${SUBSECTION_TABLE}\n| Choose options as needed | RA | I |\n\n` +
        `### 1.2. Order the service\n\n| **Activity** | **Customer** | **OVHcloud** |\n| --- | --- | --- |\n| Place the order | RA | I |`,
      findings: [],
    },
  ],
  check: partiesInconsistentCheck,
};
