import type { Heading } from 'mdast';
import { createDiagnostic, quote, type Span } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Section } from '../schema/model.js';
import { numberDepth, parentNumber, parseHeadingNumber } from './heading-number.js';

/**
 * Builds the phase → section → subsection tree from the numbers in the
 * headings, not from their `#` level: real guides use h4 where h5 is meant,
 * h3 for a subsection, and skip numbers.
 */
export class OutlineBuilder {
  readonly sections: Section[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly byNumber = new Map<string, Section>();
  private readonly activityCounts = new Map<string, number>();
  private current: Section | undefined;
  /** The shallowest `#` level that numbered headings use; an unnumbered heading at or above it ends the numbered part. */
  private numberedDepth = Number.POSITIVE_INFINITY;
  /** Every `#` level a numbered heading has used so far. */
  private readonly numberedLevels = new Set<number>();
  /** An unnumbered heading at a numbered level inside the numbered part, reported when rows fall under it. */
  private unnumbered: { title: string; level: number; span: Span } | undefined;

  constructor(private readonly maxDepth: number) {}

  /** Returns true when the heading opened a numbered section. */
  addHeading(heading: Heading, title: string, span: Span): boolean {
    const numbered = parseHeadingNumber(title);
    if (!numbered) {
      if (heading.depth <= this.numberedDepth) {
        this.current = undefined;
        this.unnumbered = undefined;
      } else if (this.current && this.numberedLevels.has(heading.depth)) {
        this.unnumbered = { title, level: heading.depth, span };
      }
      return false;
    }
    if (numberDepth(numbered.number) > this.maxDepth) {
      this.diagnostics.push(
        createDiagnostic(
          'section-number-too-deep',
          `Heading ${quote(title)} has ${numberDepth(numbered.number)} levels of ` +
            `numbering, more than the limit of ${this.maxDepth}; it is read as text.`,
          span,
        ),
      );
      return false;
    }
    this.numberedDepth = Math.min(this.numberedDepth, heading.depth);
    this.numberedLevels.add(heading.depth);
    this.unnumbered = undefined;
    const section: Section = { number: numbered.number, title: numbered.title, line: span.line, activities: [], sections: [] };

    const existing = this.byNumber.get(numbered.number);
    if (existing) {
      this.diagnostics.push(
        createDiagnostic(
          'section-duplicate',
          `Section number ${numbered.number} is used twice: ${quote(title)} here` +
            ` and ${quote(`${existing.number}. ${existing.title}`)} at line ${existing.line}. Renumber one of them.`,
          span,
        ),
      );
    } else {
      this.byNumber.set(numbered.number, section);
    }
    this.parentFor(numbered.number, title, span).push(section);
    this.current = section;
    return true;
  }

  /** The section that tables now belong to, if any. */
  get currentSection(): Section | undefined {
    return this.current;
  }

  /** The next activity id in a section: ordinals continue across its tables. */
  nextActivityId(section: Section): string {
    if (this.unnumbered) this.reportUnnumbered(this.unnumbered, section);
    const count = (this.activityCounts.get(section.number) ?? 0) + 1;
    this.activityCounts.set(section.number, count);
    return `${section.number}#${count}`;
  }

  private parentFor(number: string, title: string, span: Span): Section[] {
    const expected = parentNumber(number);
    if (expected === undefined) return this.sections;
    for (let ancestor: string | undefined = expected; ancestor !== undefined; ancestor = parentNumber(ancestor)) {
      const parent = this.byNumber.get(ancestor);
      if (parent) {
        if (ancestor !== expected) this.reportMissingParent(number, expected, title, span, `it is placed under ${ancestor}`);
        return parent.sections;
      }
    }
    this.reportMissingParent(number, expected, title, span, 'it is placed at the top level');
    return this.sections;
  }

  /** Once per heading: the first row under it is what makes the lost number matter. */
  private reportUnnumbered(heading: { title: string; level: number; span: Span }, section: Section): void {
    this.unnumbered = undefined;
    this.diagnostics.push(
      createDiagnostic(
        'section-number-missing',
        `Heading ${quote(heading.title)} has no section number, unlike the other level-${heading.level} headings; ` +
          `its rows are read as part of section ${section.number} ${quote(section.title)}. Number it if it is a section of its own.`,
        heading.span,
      ),
    );
  }

  private reportMissingParent(number: string, expected: string, title: string, span: Span, placement: string): void {
    this.diagnostics.push(
      createDiagnostic(
        'section-parent-missing',
        `Section ${quote(title)} is numbered ${number}, but no heading numbered ${expected} comes before it; ${placement}.`,
        span,
      ),
    );
  }
}
