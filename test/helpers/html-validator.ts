import { HtmlValidate } from 'html-validate';

/** html-validate's recommended rules (structure, content models, WCAG techniques) with two exceptions. */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are the guides' own titles, often longer than 70 characters.
    'long-title': 'off',
    // HTML allows dots in ids; ours follow section numbers (act-3.1.1-4).
    'valid-id': ['error', { relaxed: true }],
  },
});

/** Every message as one line, so a failing test shows them all. */
export async function validationMessages(markup: string): Promise<string[]> {
  const report = await validator.validateString(markup);
  return report.results.flatMap((entry) =>
    entry.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`),
  );
}
