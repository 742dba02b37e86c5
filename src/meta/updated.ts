import { createDiagnostic, quote, type Span } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../schema/model.js';
import { parseWrittenDate } from './dates.js';

export interface Updated {
  updated?: string;
  updatedText?: string;
  diagnostics: Diagnostic[];
}

/**
 * The date a guide was last updated: the front matter's `updated`, else its
 * "Last updated …" line. A date that cannot be read unambiguously is kept as
 * text and reported, never guessed.
 */
export function resolveUpdated(frontMatterValue: unknown, frontMatterSpan: Span, line: { text: string; span: Span } | undefined): Updated {
  if (frontMatterValue !== undefined && frontMatterValue !== null && frontMatterValue !== '') {
    return readDate(String(frontMatterValue), frontMatterSpan, "The front matter's `updated`");
  }
  if (line) return readDate(line.text, line.span, 'The "last updated" line');
  return { diagnostics: [] };
}

function readDate(text: string, span: Span, where: string): Updated {
  const written = parseWrittenDate(text);
  switch (written.kind) {
    case 'date':
      return {
        updated: written.iso,
        diagnostics: written.unpadded
          ? [
              createDiagnostic(
                'date-unpadded',
                `${where} ${quote(text)} is missing zero padding; it was read as ${written.iso}. Write it as ${written.iso}.`,
                span,
              ),
            ]
          : [],
      };
    case 'ambiguous':
      return {
        updatedText: text,
        diagnostics: [
          createDiagnostic('date-ambiguous', `${where} ${quote(text)} could be day/month or month/day; write it as YYYY-MM-DD.`, span),
        ],
      };
    case 'placeholder':
      return {
        updatedText: text,
        diagnostics: [
          createDiagnostic(
            'date-placeholder',
            `${where} ${quote(text)} is a placeholder, not a date; write the real date as YYYY-MM-DD.`,
            span,
          ),
        ],
      };
    case 'invalid':
      return {
        updatedText: text,
        diagnostics: [
          createDiagnostic('date-invalid', `${where} ${quote(text)} is not a date that can be read; write it as YYYY-MM-DD.`, span),
        ],
      };
  }
}
