import { quote } from '../../diagnostics/diagnostic.js';
import { codePointName, findBidiControls, showBidiControls } from '../../util/control-characters.js';
import { activityOf, EXAMPLE_TABLE, type RuleCheck, type RuleModule } from '../rule-finding.js';

const NAMES: Record<string, string> = {
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
};

function described(characters: readonly string[]): string {
  const distinct = [...new Set(characters)];
  return distinct.map((character) => `${codePointName(character)} (${NAMES[character]})`).join(', ');
}

/**
 * `bidi-control`: a line holding bidirectional embedding, override or isolate
 * controls, reported once at the span from its first control to its last; on
 * an activity row, the finding names the activity.
 */
const bidiControlCheck: RuleCheck = (context) => {
  const rowAt = new Map(context.rows.map((row) => [row.line, row]));
  return context.lines.flatMap((text, index) => {
    const found = findBidiControls(text);
    if (found.length === 0) return [];
    const line = index + 1;
    const row = rowAt.get(line);
    const shown = row ? row.activity.text : text;
    const controls = found.length === 1 ? 'control' : 'controls';
    return [
      {
        message:
          `Bidirectional ${controls} ${described(found.map((control) => control.character))} in ${quote(showBidiControls(shown))}: ` +
          'the text is not displayed in the order it is written; remove them.',
        span: { line, column: found[0]!.index + 1, endLine: line, endColumn: found.at(-1)!.index + 2 },
        ...(row ? { activity: activityOf(row) } : {}),
      },
    ];
  });
};

export const bidiControl: RuleModule = {
  id: 'bidi-control',
  fixable: false,
  why:
    'Bidirectional controls are invisible and reorder the text around them: a row can read “Renew the png.exe certificate” ' +
    'in a browser, a pull request or a terminal while it says something else, the trick known as Trojan Source. ' +
    'Guides need none of them; the HTML report shows each one as a marked `<U+202E>` token.',
  howToFix:
    'Delete the controls (an editor that shows invisible characters helps). Right-to-left words need no control: ' +
    'Unicode lays them out by itself.',
  examples: [
    {
      markdown: `${EXAMPLE_TABLE}\n| Renew the \u202eexe.gnp\u202c certificate | RA | I |`,
      findings: [
        '5:13-5:22: Bidirectional controls U+202E (right-to-left override), U+202C (pop directional formatting) in ' +
          '“Renew the <U+202E>exe.gnp<U+202C> certificate”: the text is not displayed in the order it is written; remove them.',
      ],
    },
    {
      markdown: `## 1. Before \u2067subscription\u2069\n\n| Activity | Customer | OVHcloud |\n| --- | --- | --- |\n| Renew the certificate | RA | I |`,
      findings: [
        '1:14-1:28: Bidirectional controls U+2067 (right-to-left isolate), U+2069 (pop directional isolate) in ' +
          '“## 1. Before <U+2067>subscription<U+2069>”: the text is not displayed in the order it is written; remove them.',
      ],
    },
    {
      // Right-to-left words need no control.
      markdown: `${EXAMPLE_TABLE}\n| Translate the label שלום | RA | I |`,
      findings: [],
    },
  ],
  check: bidiControlCheck,
};
