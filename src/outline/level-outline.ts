import type { Heading } from 'mdast';
import type { Span } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Section } from '../schema/model.js';

/** A heading (or a group row of a table) not yet made a section: it becomes one when rows fall under it. */
interface Pending {
  level: number;
  title: string;
  line: number;
  section?: Section;
}

/** Group rows sit below every heading level (`#` to `######`). */
const GROUP_LEVEL = 7;

/**
 * Builds the section tree of a guide that numbers none of its headings, from
 * the `#` levels: a heading is a child of the nearest heading before it with
 * a smaller level. Sections are numbered by their order among their siblings
 * (`2.1`), so ids stay stable across translations that keep the structure.
 * Only headings with rows under them (or under their children) become
 * sections, so a "Legend" or "Introduction" heading takes no number. The
 * guide's title, a lone level-1 heading, is not a level; rows directly under
 * it (or under no heading at all) form one section of their own.
 */
export class LevelOutlineBuilder {
  readonly sections: Section[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly open: Pending[] = [];
  private readonly childCounts = new Map<Section | undefined, number>();
  private readonly activityCounts = new Map<Section, number>();
  private title: Pending | undefined;

  /**
   * `titleHeading` is the guide's title heading, if it has one; `untitled`
   * names the section of rows that come before any heading.
   */
  constructor(
    private readonly maxDepth: number,
    private readonly titleHeading: Heading | undefined,
    private readonly untitled: string,
  ) {}

  /** Returns true when the heading may open a section (any heading but the title). */
  addHeading(heading: Heading, title: string, span: Span): boolean {
    if (heading === this.titleHeading) {
      this.open.length = 0;
      this.title = { level: 0, title, line: span.line };
      return false;
    }
    while (this.open.length > 0 && this.open.at(-1)!.level >= heading.depth) this.open.pop();
    // Deeper than the limit: the heading joins the deepest level allowed.
    if (this.open.length >= this.maxDepth) this.open.length = this.maxDepth - 1;
    this.open.push({ level: heading.depth, title, line: span.line });
    return true;
  }

  /** A bold one-cell row of a table: the rows below it, to the end of the table, form a section under the heading's. */
  openGroup(title: string, line: number): void {
    this.closeGroup();
    if (this.open.length >= this.maxDepth) return;
    this.open.push({ level: GROUP_LEVEL, title, line });
  }

  /** At the end of a table: its groups end with it. */
  closeGroup(): void {
    while (this.open.at(-1)?.level === GROUP_LEVEL) this.open.pop();
  }

  /** The section that rows now belong to, made (with its ancestors) on first use. */
  currentSection(): Section {
    if (this.open.length === 0) this.title ??= { level: 0, title: this.untitled, line: 1 };
    const chain = this.open.length > 0 ? this.open : [this.title!];
    let parent: Section | undefined;
    for (const pending of chain) {
      pending.section ??= this.makeSection(pending, parent);
      parent = pending.section;
    }
    return parent!;
  }

  /** The next activity id in a section: ordinals continue across its tables. */
  nextActivityId(section: Section): string {
    const count = (this.activityCounts.get(section) ?? 0) + 1;
    this.activityCounts.set(section, count);
    return `${section.number}#${count}`;
  }

  private makeSection(pending: Pending, parent: Section | undefined): Section {
    const ordinal = (this.childCounts.get(parent) ?? 0) + 1;
    this.childCounts.set(parent, ordinal);
    const section: Section = {
      number: parent ? `${parent.number}.${ordinal}` : String(ordinal),
      title: pending.title,
      line: pending.line,
      activities: [],
      sections: [],
    };
    (parent ? parent.sections : this.sections).push(section);
    return section;
  }
}
